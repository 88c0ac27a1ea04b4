// The services' line index of an analysis (issue 15, lspmem2): the parse's own index is used,
// not a second one per version (a scan of the text and an array of every line start, which
// also kept each version's text alive through V8's young collections); an analysis kept after
// the next edit still maps positions in its own text.
import { strict as assert } from 'node:assert';
import { analyze, analyzeEdit } from '../../server/src/language/analyze';
import { lineIndexOfParse } from '../../server/src/language/parser';
import { LineIndex } from '../../server/src/language/text';
import { lineIndexOf } from '../../server/src/services/support/text';
import { generateContract } from '../../bench/contractGenerator';

/** Positions of every 97th offset (and the ends), as a fresh index of `text` gives them. */
function positionsOf(index: LineIndex, text: string): string {
  const offsets = [0, text.length];
  for (let offset = 1; offset < text.length; offset += 97) offsets.push(offset);
  return offsets.map((offset) => `${offset}:${JSON.stringify(index.positionAt(offset))}:${index.offsetAt(index.positionAt(offset))}`).join(' ');
}

describe('services: the line index of an analysis', () => {
  it('is the parse’s own, and stays right for an analysis kept after the next edit', () => {
    const text = generateContract(2_000).replace(/\n/g, (line, at: number) => (at % 3 === 0 ? '\r\n' : line));
    const first = analyze(text);
    assert.equal(lineIndexOf(first), lineIndexOfParse(first.parse), 'a second index of the same text');

    // A line break typed early in the text: every later line start moves.
    const anchor = 'description "';
    const at = text.indexOf(anchor) + anchor.length;
    const edited = text.slice(0, at) + 'a\nb' + text.slice(at);
    const second = analyzeEdit(first, edited, { start: at, oldEnd: at, newEnd: at + 3 });
    assert.equal(lineIndexOf(second), lineIndexOfParse(second.parse));
    assert.equal(positionsOf(lineIndexOf(second), edited), positionsOf(new LineIndex(edited), edited));
    // The first analysis's index was taken over by the second parse; the first's positions still hold.
    assert.equal(positionsOf(lineIndexOf(first), text), positionsOf(new LineIndex(text), text));
  });
});
