// The radix selection of a percentile's value over blocks must equal sorting all values.
import * as assert from 'node:assert/strict';
import { selectRank } from '../../server/src/evaluation/values';

/** A seeded generator (LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

function blocksOf(values: number[], next: () => number): Float64Array[] {
  const blocks: Float64Array[] = [];
  for (let i = 0; i < values.length; ) {
    const length = Math.min(values.length - i, 1 + Math.floor(next() * 50_000));
    // Blocks as views into larger buffers, at an offset, like a partly filled block.
    const buffer = new Float64Array(length + 3);
    buffer.set(values.slice(i, i + length), 2);
    blocks.push(buffer.subarray(2, 2 + length));
    i += length;
  }
  return blocks;
}

describe('evaluation: percentile selection over blocks', () => {
  const shapes: [string, (next: () => number) => number][] = [
    ['latencies with one decimal', (next) => Math.round((40 + 160 * Math.exp(next() * 1.2) * next()) * 10) / 10],
    ['a few distinct values', (next) => [0, 1, 2.5, -3][Math.floor(next() * 4)]],
    ['negative and positive, wide range', (next) => (next() - 0.5) * 10 ** Math.floor(next() * 30 - 10)],
    ['one value everywhere', () => 7.25],
    ['zeros of both signs', (next) => (next() < 0.5 ? -0 : 0) + (next() < 0.1 ? 1 : 0)],
  ];
  for (const [what, value] of shapes) {
    it(`gives the value a sort gives at every tested rank: ${what}`, () => {
      const next = random(what.length * 7919);
      for (const n of [1, 2, 1000, 200_003]) {
        const values = Array.from({ length: n }, () => value(next));
        const sorted = Float64Array.from(values).sort();
        const blocks = blocksOf(values, next);
        const ranks = new Set([0, n - 1, Math.floor(n * 0.95), Math.floor(n / 2), Math.floor(next() * n)]);
        for (const k of ranks) {
          const expected = sorted[k] === 0 ? 0 : sorted[k];
          assert.ok(Object.is(selectRank(blocks, k), expected), `${what}, n=${n}, k=${k}: ${selectRank(blocks, k)} ≠ ${expected}`);
        }
        // The blocks are read, not reordered or released.
        assert.deepEqual(blocks.flatMap((b) => [...b]), values);
      }
    });
  }

  it('refuses a rank outside the values', () => {
    assert.throws(() => selectRank([new Float64Array(3)], 3), RangeError);
  });
});
