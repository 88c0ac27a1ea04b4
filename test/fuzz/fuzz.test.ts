// Seeded fuzzing in `npm test` (issue 13): mutations of every sample through analysis and
// every editor service. A failure names the seed and the case; run it again with
// `SLA_FUZZ_SEED=<seed> npx mocha test/fuzz/fuzz.test.ts`, or longer with `npm run fuzz`.
import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../scripts/prng';
import { exercise, fuzzCase, samples } from './fuzzer';

const SEED = Number(process.env.SLA_FUZZ_SEED ?? 20261205);
const CASES = 250;

describe('fuzzing: mutated samples through analysis and every service', function () {
  this.timeout(120_000);
  const all = samples();

  it('reads every sample', () => assert.ok(all.length >= 11, all.map((s) => s.name).join(', ')));

  it(`${CASES} cases of seed ${SEED}: no throw, ranges inside the text, formatting keeps the tokens, hovers stay text`, () => {
    let formatted = 0;
    let diagnostics = 0;
    for (let index = 0; index < CASES; index++) {
      const fuzz = fuzzCase(all, SEED, index);
      try {
        const result = exercise(fuzz.text, mulberry32(SEED + index));
        if (result.formatted) formatted++;
        diagnostics += result.diagnostics;
      } catch (error) {
        assert.fail(
          `seed ${SEED}, case ${index} (${fuzz.sample}, ${fuzz.kinds.join('+')}): ${(error as Error).stack}\n` +
            `reproduce: SLA_FUZZ_SEED=${SEED} npx mocha test/fuzz/fuzz.test.ts, or npm run fuzz -- --seed ${SEED} --case ${index}`,
        );
      }
    }
    // The mutations must leave both kinds of text: some still formattable, some broken.
    assert.ok(formatted > 0 && formatted < CASES, `${formatted} of ${CASES} formatted`);
    assert.ok(diagnostics > 0);
  });
});
