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

  it('count a final line feed and an empty text as the LSP does', () => {
    assert.deepEqual(new LineIndex('').lineStarts, [0]);
    assert.deepEqual(new LineIndex('a\n').lineStarts, [0, 2]);
    assert.deepEqual(new LineIndex('\n\n').lineStarts, [0, 1, 2]);
    assert.deepEqual(new LineIndex('a\r\nb').lineStarts, [0, 3]);
  });
});
