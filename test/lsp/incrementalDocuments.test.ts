// The document store feeds incremental analysis (issue 15): the edits between two analyses,
// several per notification and several notifications per analysis, become one covering edit,
// and the analysis of every version equals a full analysis of the text the client holds.
import { strict as assert } from 'node:assert';
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mulberry32 } from '../../scripts/prng';
import { analyze, type TextEdit } from '../../server/src/language/analyze';
import { coverEdits, DocumentStore } from '../../server/src/lsp/documents';
import { generateContract } from '../../bench/contractGenerator';

/** The notifications a TextDocuments listens to, sent by the test instead of a client. */
function fakeConnection() {
  const handlers: { open?: (p: DidOpenTextDocumentParams) => void; change?: (p: DidChangeTextDocumentParams) => void } = {};
  const none = { dispose() {} };
  const connection = {
    onDidOpenTextDocument: (h: (p: DidOpenTextDocumentParams) => void) => ((handlers.open = h), none),
    onDidChangeTextDocument: (h: (p: DidChangeTextDocumentParams) => void) => ((handlers.change = h), none),
    onDidCloseTextDocument: () => none,
    onWillSaveTextDocument: () => none,
    onWillSaveTextDocumentWaitUntil: () => none,
    onDidSaveTextDocument: () => none,
  };
  return { connection: connection as unknown as Connection, handlers };
}

/** A store with `text` open at version 1 and analysed. */
function openedStore(uri: string, text: string) {
  const store = new DocumentStore();
  const { connection, handlers } = fakeConnection();
  store.documents.listen(connection);
  handlers.open!({ textDocument: { uri, languageId: 'sla', version: 1, text } });
  store.analysis(uri);
  return { store, handlers };
}

describe('DocumentStore: incremental analysis of client edits', () => {
  it('coverEdits: one edit covering a sequence gives the same text', () => {
    const next = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      const original = 'abcdefghijklmnopqrstuvwxyz0123456789';
      let text = original;
      let cover: TextEdit | undefined;
      for (let i = 0; i < 1 + Math.floor(next() * 4); i++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 5));
        const inserted = 'XYZ'.slice(0, Math.floor(next() * 4));
        text = text.slice(0, start) + inserted + text.slice(end);
        cover = coverEdits(cover, start, end, inserted.length);
      }
      const rebuilt = original.slice(0, cover!.start) + text.slice(cover!.start, cover!.newEnd) + original.slice(cover!.oldEnd);
      assert.equal(rebuilt, text, `round ${round}`);
    }
  });

  it('every version analysed after random edits (several per notification) equals a full analysis', () => {
    const uri = 'file:///big.sla';
    let text = generateContract(600);
    const { store, handlers } = openedStore(uri, text);
    const next = mulberry32(20261205);
    const pieces = ['x', ' ', '\n', '9', '"', '}', '  objective o { indicator avail_1 target >= 99% window calendar month }\n', ''];
    for (let version = 2; version < 120; version++) {
      const changes = [];
      let mirror = TextDocument.create(uri, 'sla', version, text);
      for (let c = 0; c < 1 + Math.floor(next() * 3); c++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * (next() < 0.8 ? 3 : 300)));
        const change = { range: { start: mirror.positionAt(start), end: mirror.positionAt(end) }, text: pieces[Math.floor(next() * pieces.length)] };
        changes.push(change);
        mirror = TextDocument.update(mirror, [change], version);
        text = mirror.getText();
      }
      handlers.change!({ textDocument: { uri, version }, contentChanges: changes });
      // Not every version is analysed (debounce): edits pile up into one.
      if (next() < 0.6) {
        const analysis = store.analysis(uri)!;
        assert.equal(analysis.text, text);
        const full = analyze(text);
        assert.deepEqual(analysis.parse.file, full.parse.file, `version ${version}: AST`);
        assert.deepEqual(analysis.diagnostics, full.diagnostics, `version ${version}: diagnostics`);
      }
    }
  });

  it('a document opened again with other text, after unanalysed edits, is analysed in full', () => {
    const uri = 'file:///again.sla';
    const text = generateContract(200);
    const { store, handlers } = openedStore(uri, text);
    const at = text.indexOf('Generated service number 2') + 5;
    const position = TextDocument.create(uri, 'sla', 1, text).positionAt(at);
    handlers.change!({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
    // Same length as the edited text, different contents: an edit left over would fit it.
    const other = text.slice(0, at) + 'y' + text.slice(at).replace('avail_3', 'avail_9');
    handlers.open!({ textDocument: { uri, languageId: 'sla', version: 3, text: other } });
    const analysis = store.analysis(uri)!;
    assert.equal(analysis.text, other);
    assert.deepEqual(analysis.diagnostics, analyze(other).diagnostics);
    assert.deepEqual(analysis.parse.file, analyze(other).parse.file);
  });
  it('an analysis held by an evaluation stays that of its text while the user types; released, edits are incremental again', () => {
    const uri = 'file:///held.sla';
    const text = generateContract(200);
    const { store, handlers } = openedStore(uri, text);
    const held = store.hold(uri)!;
    const before = JSON.stringify(held.analysis.parse.file);
    const linkedBefore = held.analysis.linked.map((facts) => [...facts.objectives.keys()].length);
    // Typing into an objective's name and adding an item before it: both would move and
    // update the previous analysis in place.
    const type = (version: number, at: number, inserted: string) => {
      const current = store.get(uri)!;
      const position = current.positionAt(at);
      handlers.change!({ textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: inserted }] });
      return store.analysis(uri)!;
    };
    const first = type(2, text.indexOf('objective ') + 'objective '.length, 'z');
    const second = type(3, text.indexOf('objective '), '  objective extra { indicator avail_1 target >= 99% window calendar month }\n');
    assert.equal(held.analysis.text, text);
    assert.equal(JSON.stringify(held.analysis.parse.file), before, 'the held AST is that of the text it was taken for');
    assert.deepEqual(held.analysis.linked.map((facts) => [...facts.objectives.keys()].length), linkedBefore);
    assert.deepEqual(second.diagnostics, analyze(second.text).diagnostics);
    assert.notEqual(first.parse.file.slas[0], held.analysis.parse.file.slas[0], 'no object of the held analysis was reused');
    held.release();
    // Released: the next edit may spend the previous analysis again (objects kept across the edit).
    const third = type(4, second.text.indexOf('Generated service number 2') + 5, 'y');
    assert.equal(third.parse.file.slas[0], second.parse.file.slas[0], 'the edit after release is incremental');
    assert.deepEqual(third.parse.file, analyze(third.text).parse.file);
  });
});
