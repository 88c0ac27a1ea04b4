// Semantic tokens by delta (issue 15, "semtok"): after random edit sequences, the edits of
// `semanticTokens/full/delta` applied to the previous data give exactly the full result; a
// one-character edit sends a few numbers, not the document's; an unknown or forgotten
// resultId (another document's, or one from before a close) gets the full result.
import { strict as assert } from 'node:assert';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { generateContract } from '../../bench/contractGenerator';
import { mulberry32 } from '../../scripts/prng';
import { semanticTokensEdits } from '../../server/src/lsp/semanticTokensCache';
import { positionAt, startForSuite, TestClient } from './client';

const INSERTS = ['x', '\n', ' ', '}', '{', '/* 注释\n 😀 */', '// c\n', '"s', '99.9%', 'service 新 { }\n', '\r\n', 'indicator ', '2026-01-01 '];

function applyDelta(previous: readonly number[], delta: SemanticTokensDelta): number[] {
  const data = [...previous];
  // Edits apply to the previous data: later ones first keep earlier starts valid.
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return data;
}

describe('LSP: semantic tokens by delta', function () {
  this.timeout(120_000);
  let client: TestClient;

  startForSuite((started) => (client = started));

  const full = (uri: string) => client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const delta = (uri: string, previousResultId: string) =>
    client.connection.sendRequest<SemanticTokens | SemanticTokensDelta>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId });

  it('announces full results with deltas', () => {
    assert.deepEqual(client.initializeResult!.capabilities.semanticTokensProvider!.full, { delta: true });
  });

  it('gives edits that turn the previous data into the full result, after random edit sequences', async () => {
    const next = mulberry32(15);
    const { uri } = await client.open(`/* 蓝莺IM\n   contract */\n${generateContract(300)}`);
    let first = await full(uri);
    assert.ok(first.resultId && first.data.length > 1000, `${first.data.length} numbers`);
    let data = first.data;
    let resultId = first.resultId;
    let edited = 0;
    for (let step = 0; step < 120; step++) {
      const text = client.text(uri);
      const at = Math.floor(next() * text.length);
      const removed = next() < 0.4 ? Math.floor(next() * 12) : 0;
      const inserted = next() < 0.8 ? INSERTS[Math.floor(next() * INSERTS.length)] : '';
      await client.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, Math.min(text.length, at + removed)) }, text: inserted }]);
      const answer = await delta(uri, resultId);
      assert.ok('edits' in answer, `step ${step}: a delta, not a full result`);
      assert.ok(answer.edits.length <= 1, `step ${step}: ${answer.edits.length} edits`);
      if (answer.edits.length) edited++;
      assert.notEqual(answer.resultId, resultId);
      data = applyDelta(data, answer);
      resultId = answer.resultId!;
      // Every few steps, compare with a full result (which then becomes the base).
      if (step % 4 === 3) {
        const whole = await full(uri);
        assert.deepEqual(data, whole.data, `step ${step}: the deltas applied differ from the full result`);
        resultId = whole.resultId!;
      }
    }
    assert.deepEqual(data, (await full(uri)).data);
    assert.ok(edited > 60, `${edited} of 120 deltas changed something`);
  });

  it('sends a few numbers for a one-character edit, and no edit when nothing changed', async () => {
    const { uri } = await client.open(generateContract(2000));
    const first = await full(uri);
    const unchanged = await delta(uri, first.resultId!);
    assert.deepEqual('edits' in unchanged && unchanged.edits, []);
    const text = client.text(uri);
    const at = text.indexOf('\n', text.length >> 1);
    await client.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: '\n' }]);
    const answer = await delta(uri, unchanged.resultId!);
    assert.ok('edits' in answer);
    assert.equal(answer.edits.length, 1);
    assert.ok((answer.edits[0].data?.length ?? 0) <= 5 && answer.edits[0].deleteCount <= 5, JSON.stringify(answer.edits));
    assert.deepEqual(applyDelta(first.data, answer), (await full(uri)).data);
  });

  it('answers an unknown resultId, or one from before a close, with the full result', async () => {
    const text = generateContract(100);
    const { uri } = await client.open(text);
    const { uri: other } = await client.open(text);
    const first = await full(uri);
    const otherFirst = await full(other);
    assert.deepEqual(otherFirst.data, first.data);
    const unknown = await delta(uri, otherFirst.resultId!);
    assert.ok('data' in unknown && unknown.resultId, 'another document\'s resultId gets a full result');
    assert.deepEqual(unknown.data, first.data);
    await client.close(uri);
    await client.open(text, uri);
    const reopened = await delta(uri, unknown.resultId!);
    assert.ok('data' in reopened, 'after a close, the kept data is gone');
    assert.deepEqual(reopened.data, first.data);
  });

  it('finds the one changed stretch between two data arrays', () => {
    assert.deepEqual(semanticTokensEdits([1, 2, 3], [1, 2, 3]), []);
    assert.deepEqual(semanticTokensEdits([1, 2, 3, 4], [1, 9, 4]), [{ start: 1, deleteCount: 2, data: [9] }]);
    assert.deepEqual(semanticTokensEdits([1, 1, 1], [1, 1, 1, 1]), [{ start: 3, deleteCount: 0, data: [1] }]);
    assert.deepEqual(semanticTokensEdits([1, 1, 1, 1], [1, 1]), [{ start: 2, deleteCount: 2, data: [] }]);
    assert.deepEqual(semanticTokensEdits([], [5]), [{ start: 0, deleteCount: 0, data: [5] }]);
  });
});
