// Completion's cursor context read from checkpoints of the brace scan (fast path) equals the
// scan from the start of the file (general path), at seeded random offsets of the samples,
// fuzzed samples (broken braces, stray tokens) and a generated contract of many blocks.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/language/analyze';
import { cursorContext } from '../../server/src/services/support/cursorContext';
import { mulberry32 } from '../../scripts/prng';
import { fuzzCase, samples } from '../fuzz/fuzzer';
import { equalContent } from '../../bench/equalContent';

function assertSameContexts(text: string, what: string, offsets: number, next: () => number): void {
  const analysis = analyze(text);
  // Both ends and random offsets, in random order (checkpoints are made on the first call).
  const at = [0, text.length, ...Array.from({ length: offsets }, () => Math.floor(next() * (text.length + 1)))];
  for (const offset of at) {
    assert.deepEqual(cursorContext(analysis, offset), cursorContext(analysis, offset, { checkpoints: false }), `${what}, offset ${offset}`);
  }
}

describe('completion: cursor context from checkpoints = scan from the start', () => {
  it('on every sample and a 30-objective generated contract', () => {
    const next = mulberry32(1515);
    for (const sample of samples()) assertSameContexts(sample.text, sample.name, 40, next);
    assertSameContexts(equalContent(30).sla, 'generated contract', 200, next);
  });

  it('on 150 fuzzed samples (seed 20261205)', () => {
    const all = samples();
    const next = mulberry32(20261205);
    for (let index = 0; index < 150; index++) {
      const fuzz = fuzzCase(all, 20261205, index);
      assertSameContexts(fuzz.text, `case ${index} (${fuzz.sample})`, 20, next);
    }
  });
});
