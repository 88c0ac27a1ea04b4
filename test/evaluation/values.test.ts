// A percentile's kept values: the value at any rank must be the one sorting all values gives,
// bit for bit, whatever the storage (integers over a scale, doubles, merged parts).
import * as assert from 'node:assert/strict';
import { KeptValues, selectRank } from '../../server/src/evaluation/values';
import { mulberry32 as random } from '../../scripts/prng';

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

  // Values as a CSV source decodes them (mantissa / 10^places), and values no scale holds.
  const decimals = (places: number) => (next: () => number) => Math.round((next() - 0.2) * 2000 * 10 ** places) / 10 ** places;
  const kinds: [string, ((next: () => number) => number)[]][] = [
    ['one decimal (integers over 10)', [decimals(1)]],
    ['integers, then two and five decimals (the scale widens)', [decimals(0), decimals(2), decimals(5)]],
    ['decimals, then values no 32-bit scale holds (turned into doubles)', [decimals(1), (next) => next() * 1e12, (next) => Math.PI * next()]],
    ['zeros of both signs and tiny values', [() => -0, () => 0, (next) => (next() < 0.5 ? 1e-7 : -3e-9)]],
  ];
  for (const [what, makers] of kinds) {
    it(`keeps values exactly and selects any rank, also merged from parts: ${what}`, () => {
      const next = random(what.length);
      const values: number[] = [];
      // Three parts, like parts of a file read on three threads, ending at different scales:
      // the first sees only the first kind of value, the second all in reverse, the third all.
      const parts = [new KeptValues(), new KeptValues(), new KeptValues()];
      for (let p = 0; p < parts.length; p++) {
        for (const make of p === 0 ? makers.slice(0, 1) : p === 1 ? [...makers].reverse() : makers) {
          for (let i = 0; i < 30_000; i++) {
            const v = make(next);
            values.push(v);
            parts[p].add(v);
          }
        }
      }
      const whole = new KeptValues();
      for (const v of values) whole.add(v);
      const merged = new KeptValues();
      for (const part of parts) merged.merge(part.release());
      const sorted = Float64Array.from(values).sort();
      const n = values.length;
      for (const k of [0, 1, n - 1, Math.floor(n * 0.95), Math.floor(n * 0.999), Math.floor(next() * n)]) {
        const expected = sorted[k] === 0 ? 0 : sorted[k];
        assert.ok(Object.is(whole.select(k), expected), `${what}: rank ${k} gives ${whole.select(k)}, not ${expected}`);
        assert.ok(Object.is(merged.select(k), expected), `${what}, merged: rank ${k} gives ${merged.select(k)}, not ${expected}`);
      }
    });
  }

  // A long run of close integers is counted per value (values.ts, "Counted"); whatever comes
  // after must leave every rank where a sort puts it.
  const latency = (next: () => number) => Math.round(next() * 6000) / 10;
  const afterwards: [string, (next: () => number) => number][] = [
    ['nothing else', latency],
    ['a value far outside the counted span', (next) => (next() < 0.001 ? 1e6 + next() * 1000 : latency(next))],
    ['a value with three decimals (a finer scale)', (next) => (next() < 0.001 ? 0.125 : latency(next))],
    ['a value no scale holds (doubles)', (next) => (next() < 0.001 ? Math.PI : latency(next))],
    ['values drifting to another span', (next) => 3000 + latency(next)],
    ['negative values, inside the span, then outside it', (next) => (next() < 0.01 ? (next() < 0.5 ? -2000.5 : -3276.5 - Math.floor(next() * 4)) : latency(next))],
    // Inside the span, but not a multiple of the counted scale (0.1): neither may be counted.
    ['values inside the span the scale does not hold exactly', (next) => (next() < 0.001 ? (next() < 0.5 ? 147.15 : 300.0625) : latency(next))],
  ];
  for (const [what, later] of afterwards) {
    it(`selects exactly from many close values counted, then ${what}, also released and merged`, () => {
      const next = random(what.length * 31);
      const values: number[] = [];
      const whole = new KeptValues();
      const parts = [new KeptValues(), new KeptValues()];
      const sameParts = [new KeptValues(), new KeptValues()];
      for (let i = 0; i < 400_000; i++) {
        const v = i < 150_000 ? latency(next) : later(next);
        values.push(v);
        whole.add(v);
        parts[i < 250_000 ? 0 : 1].add(v);
        sameParts[i < 250_000 ? 0 : 1].add(v);
      }
      // Merged into values kept in blocks, and into nothing (the counts taken over, then added to).
      const merged = new KeptValues();
      merged.add(values[0]);
      const mergedValues = [values[0], ...values];
      for (const part of parts) merged.merge(part.release());
      const taken = new KeptValues();
      for (const part of sameParts) taken.merge(part.release());
      for (const [kept, all] of [[whole, values], [merged, mergedValues], [taken, values]] as const) {
        const sorted = Float64Array.from(all).sort();
        const n = all.length;
        // Also the first and last rank of the first 20 values off the latencies' grid (0.0 to 600.0 by 0.1).
        const offGrid: number[] = [];
        for (let k = 0; k < n && offGrid.length < 40; k++) {
          const v = sorted[k];
          if (v >= 0 && v <= 600 && Math.round(v * 10) / 10 === v) continue;
          if (k === 0 || sorted[k - 1] !== v) offGrid.push(k);
          if (k + 1 === n || sorted[k + 1] !== v) offGrid.push(k);
        }
        for (const k of [0, 1, n - 1, Math.floor(n * 0.5), Math.floor(n * 0.95), Math.floor(n * 0.999), Math.floor(next() * n), ...offGrid]) {
          const expected = sorted[k] === 0 ? 0 : sorted[k];
          assert.ok(Object.is(kept.select(k), expected), `${what}: rank ${k} of ${n} gives ${kept.select(k)}, not ${expected}`);
        }
        assert.throws(() => kept.select(n), RangeError);
      }
    });
  }

  it('never counts an integer past the 32-bit range, even inside the counted span', () => {
    // Latencies counted at one decimal just below 2^31 / 10: the span reaches past the 32-bit
    // range, where a value must widen to doubles instead of being counted.
    const next = random(2_147);
    const values: number[] = [];
    const kept = new KeptValues();
    for (let i = 0; i < 300_000; i++) {
      const top = i >= 200_000 && next() < 0.01;
      const v = top ? 214_748_364.8 + Math.floor(next() * 3) / 10 : 214_747_700 + latency(next);
      values.push(v);
      kept.add(v);
    }
    // Far below the span: the counts turn back into 32-bit integers.
    for (const v of [5, 6]) {
      values.push(v);
      kept.add(v);
    }
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 150_000, values.length - 3_000, values.length - 1, Math.floor(next() * values.length)]) {
      assert.ok(Object.is(kept.select(k), sorted[k]), `rank ${k}: ${kept.select(k)}, not ${sorted[k]}`);
    }
  });

  it('adds counted parts to counts when their span fits, and keeps them as values when it does not', () => {
    const next = random(77);
    const ranges = [[100, 400], [300, 700], [4000, 4100], [200, 300]];
    const values: number[] = [];
    const taken = new KeptValues();
    for (const [from, to] of ranges) {
      const part = new KeptValues();
      for (let i = 0; i < 140_000; i++) {
        const v = from + Math.round(next() * (to - from) * 10) / 10;
        values.push(v);
        part.add(v);
      }
      taken.merge(part.release());
    }
    const sorted = Float64Array.from(values).sort();
    for (let k = 0; k < values.length; k += 9_973) assert.equal(taken.select(k), sorted[k], `rank ${k}`);
    assert.equal(taken.select(values.length - 1), sorted[values.length - 1]);
  });
});
