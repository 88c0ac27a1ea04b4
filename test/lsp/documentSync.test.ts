// Issue 13 item 2: edits whose ranges lie outside the document (past the last line, past a
// line's end, end before start) are clamped as VS Code clamps them, so the server's copy stays
// the text the client holds, and a flood of such edits neither grows it nor kills the server.
import { strict as assert } from 'node:assert';
import type { Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampChange } from '../../server/src/lsp/documents';
import { startForSuite, TestClient } from './client';

const TEXT = 'sla Shop {\n  version "1"\n}\n';

/** What the server's copy of the text looks like: its symbols and their ranges. */
async function serverText(client: TestClient, uri: string): Promise<string> {
  const symbols = await client.documentSymbols(uri);
  return JSON.stringify(symbols.map((s) => [s.name, s.range]));
}

describe('clampChange', () => {
  const doc = () => TextDocument.create('file:///a.sla', 'sla', 1, 'ab\ncd\n');
  const range = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

  it('clamps a range past the last line to the end of the text, as VS Code does', () => {
    const d = TextDocument.update(doc(), [clampChange(doc(), { range: range(5, 0, 6, 0), text: 'X\nY' })!], 2);
    assert.equal(d.getText(), 'ab\ncd\nX\nY');
    assert.equal(d.lineCount, 4);
    const next = TextDocument.update(d, [clampChange(d, { range: range(3, 0, 3, 1), text: 'Z' })!], 3);
    assert.equal(next.getText(), 'ab\ncd\nX\nZ');
  });

  const clampedRange = (change: unknown) => (clampChange(doc(), change as never) as { range: Range }).range;

  it('clamps characters past a line end, negative and non-numeric positions, and orders start and end', () => {
    assert.deepEqual(clampedRange({ range: range(0, 99, 1, 1), text: '' }), range(0, 2, 1, 1));
    assert.deepEqual(clampedRange({ range: range(-3, -1, 0, 1), text: '' }), range(0, 0, 0, 1));
    assert.deepEqual(clampedRange({ range: range(1, 2, 0, 1), text: '' }), range(0, 1, 1, 2));
    const odd = { range: { start: { line: Number.NaN, character: 1 }, end: { line: 0, character: Infinity } }, text: '' };
    assert.deepEqual(clampedRange(odd as never), range(0, 0, 0, 1));
    assert.equal(clampChange(doc(), { text: 42 } as never), undefined);
  });
});

describe('protocol: edits outside the document (issue 13 item 2)', function () {
  let client: TestClient;

  startForSuite((started) => (client = started));

  it('keeps the server copy equal to the clamped text through thousands of out-of-range edits, and stays alive', async () => {
    const { uri } = await client.open(TEXT);
    const before = await serverText(client, uri);
    // Each edit inserts nothing but starts past the last line: the text must not change.
    const far = { start: { line: 1000, character: 0 }, end: { line: 1001, character: 5 } };
    for (let i = 0; i < 2000; i++) await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: far, text: '' }] });
    // Now an edit past the end that inserts a line, then one in range: what VS Code would hold.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3000 },
      contentChanges: [{ range: far, text: '// tail\n' }, { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } }, text: 'version' }],
    });
    const version = 3001;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } }, text: '// end' }],
    });
    const expected = TEXT + '// end\n';
    // The diagnostics of the last version come from the server's copy: a wrong copy has syntax errors or other ranges.
    const diagnostics = await client.diagnosticsFor(uri, version);
    const reference = await TestClient.start();
    try {
      const { uri: other, diagnostics: wanted } = await reference.open(expected);
      assert.deepEqual(diagnostics, wanted);
      assert.equal(await serverText(client, uri), await serverText(reference, other));
    } finally {
      await reference.stop();
    }
    assert.equal(await serverText(client, uri), before);
    const edits = await client.formatting(uri);
    assert.ok(Array.isArray(edits));
    assert.equal(client.process.exitCode, null, 'the server is alive');
  });
});
