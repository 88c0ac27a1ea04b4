// LineIndex finds line starts with `indexOf` when a text has no `\r` and by a loop over every
// character otherwise (text.ts): both must give the lines LSP counts.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { LineIndex } from '../../server/src/language/text';

/** The line starts by the rule itself: `\r\n`, `\n` and a lone `\r` each end a line. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('LineIndex line starts', () => {
  it('equal the rule on texts with line feeds only and with carriage returns', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const pieces = seed % 2 === 0 ? ['a', 'bc', '\n', ' ', '中', '\n\n'] : ['a', '\n', '\r\n', '\r', 'x y', '\r\r\n'];
      let text = '';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      assert.deepEqual(new LineIndex(text).lineStarts, referenceStarts(text), JSON.stringify(text));
    }
  });

  it('give every offset its line, whatever the order of the look-ups (the search starts at the previous one)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      let text = '';
      const lines = 1 + Math.floor(next() * 80);
      for (let i = 0; i < lines; i++) text += 'x'.repeat(Math.floor(next() * 4)) + (next() < 0.2 ? '\r\n' : '\n');
      const starts = referenceStarts(text);
      const lineOf = (offset: number) => {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
        return line;
      };
      const index = new LineIndex(text);
      for (let i = 0; i < 300; i++) {
        // Mostly near the previous look-up, as a parser asks; sometimes anywhere, before or after the text.
        const offset = next() < 0.7 ? Math.floor(next() * (text.length + 1)) : Math.floor(next() * (text.length + 20)) - 10;
        const clamped = Math.max(0, Math.min(offset, text.length));
        const line = lineOf(clamped);
        assert.deepEqual(index.positionAt(offset), { line, character: clamped - starts[line] }, `seed ${seed}, offset ${offset}`);
        const end = offset + Math.floor(next() * 40);
        const span = index.span(offset, end);
        const endClamped = Math.max(0, Math.min(end, text.length));
        assert.deepEqual([span.startLine, span.endLine, span.endCharacter], [line, lineOf(endClamped), endClamped - starts[lineOf(endClamped)]], `seed ${seed}, span ${offset}-${end}`);
      }
    }
  });

  it('give an offset at or after a known line its line from that line (lineFrom: the end of an item, a unit after its number)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      let text = '';
      const lines = 1 + Math.floor(next() * 40);
      for (let i = 0; i < lines; i++) text += 'x'.repeat(Math.floor(next() * 4)) + (next() < 0.3 ? '\r\n' : next() < 0.1 ? '\r' : '\n');
      if (next() < 0.5) text += 'tail';
      const starts = referenceStarts(text);
      const index = new LineIndex(text);
      for (let start = 0; start <= text.length; start++) {
        const known = index.lineAt(start);
        // Every offset from there to past the end: on the known line, on a later one, at the text's end.
        for (let offset = start; offset <= text.length + 2; offset++) {
          const clamped = Math.min(offset, text.length);
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1] <= clamped) line++;
          assert.equal(index.lineFrom(known, offset), line, `seed ${seed}, line ${known}, offset ${offset}`);
        }
      }
    }
  });

  it('count a final line feed and an empty text as the LSP does', () => {
    assert.deepEqual(new LineIndex('').lineStarts, [0]);
    assert.deepEqual(new LineIndex('a\n').lineStarts, [0, 2]);
    assert.deepEqual(new LineIndex('\n\n').lineStarts, [0, 1, 2]);
    assert.deepEqual(new LineIndex('a\r\nb').lineStarts, [0, 3]);
  });
});
