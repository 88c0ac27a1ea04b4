// The requests VS Code makes after each keystroke, answered from what the server keeps per
// document (issue 15, "docsym"): after random edits through the protocol (typing, line
// breaks, deletions, items copied), the outline, the folding ranges and the semantic tokens
// equal those of a full analysis of the same text in this process; after a close and a
// reopen with other text, nothing kept from before shows.
import { strict as assert } from 'node:assert';
import { generateContract } from '../../bench/contractGenerator';
import { mulberry32 } from '../../scripts/prng';
import { analyze } from '../../server/src/language/analyze';
import { foldingRanges } from '../../server/src/services/features/folding';
import { semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { positionAt, startForSuite, TestClient } from './client';

const INSERTS = ['x', '\n', '\n\n', ' ', '}', '"', '99.9%', '// c\n', 'indicator '];

describe('LSP: symbols, folding and semantic tokens kept between requests', function () {
  this.timeout(120_000);
  let client: TestClient;

  startForSuite((started) => (client = started));

  async function assertAsFull(uri: string, what: string): Promise<void> {
    const analysis = analyze(client.text(uri));
    assert.deepEqual(await client.documentSymbols(uri), JSON.parse(JSON.stringify(documentSymbols(analysis))), `${what}: symbols`);
    assert.deepEqual(await client.foldingRanges(uri), foldingRanges(analysis), `${what}: folding ranges`);
    assert.deepEqual((await client.semanticTokens(uri)).data, semanticTokens(analysis), `${what}: semantic tokens`);
  }

  it('equal a full analysis after each of 60 random edits', async () => {
    const next = mulberry32(2026);
    const base = generateContract(400);
    const { uri } = await client.open(base);
    await assertAsFull(uri, 'open');
    for (let step = 0; step < 60; step++) {
      const text = client.text(uri);
      if (step % 3 === 2) {
        // Back to the contract as it was (the text between the first and last difference replaced).
        let start = 0;
        while (start < Math.min(text.length, base.length) && text[start] === base[start]) start++;
        let tail = 0;
        while (tail < Math.min(text.length, base.length) - start && text[text.length - 1 - tail] === base[base.length - 1 - tail]) tail++;
        await client.change(uri, [{ range: { start: positionAt(text, start), end: positionAt(text, text.length - tail) }, text: base.slice(start, base.length - tail) }]);
      } else {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.3 ? Math.floor(next() * 40) : 0;
        await client.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, Math.min(text.length, at + removed)) }, text: INSERTS[Math.floor(next() * INSERTS.length)] }]);
      }
      await assertAsFull(uri, `step ${step}`);
    }
  });

  it('keep each document to itself: two documents with the same contract, one of them edited', async () => {
    const text = generateContract(200);
    const [first, second] = [(await client.open(text)).uri, (await client.open(text)).uri];
    await assertAsFull(first, 'first open');
    await assertAsFull(second, 'second open');
    // A line break after the first objective: the items after it move a line down in this document only.
    const at = text.indexOf('\n', text.indexOf('  objective ')) + 1;
    await client.change(first, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: '\n// moved\n' }]);
    await assertAsFull(first, 'first edited');
    await assertAsFull(second, 'second unedited');
    await client.close(first);
    await assertAsFull(second, 'second after the first closed');
  });

  it('keep nothing across a close: the same uri reopened with another contract', async () => {
    const { uri } = await client.open(generateContract(300));
    await assertAsFull(uri, 'first open');
    await client.close(uri);
    await client.open(generateContract(200).replace(/\n {2}(indicator|objective) /g, ' $1 '), uri);
    await assertAsFull(uri, 'reopened');
  });
});
