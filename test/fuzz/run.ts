// `npm run fuzz -- [--seconds 120] [--seed N] [--case N] [--save-slowest FILE]`: the fuzzer of
// test/fuzz/fuzz.test.ts for as long as asked. Prints counts, failures (seed and case, to
// reproduce) and the slowest document per KB. `--case N` runs that one case and prints its text.
// Exit 1 when any case failed.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../scripts/prng';
import { exercise, fuzzCase, samples, type MutationKind } from './fuzzer';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    seed: { type: 'string' },
    case: { type: 'string' },
    'save-slowest': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--seconds 120] [--seed N] [--case N] [--save-slowest FILE]');
  process.exit(2);
}
const all = samples();

if (values.case !== undefined) {
  const fuzz = fuzzCase(all, seed, Number(values.case));
  console.log(`seed ${seed}, case ${fuzz.index}: ${fuzz.sample} with ${fuzz.kinds.join('+')}, ${fuzz.text.length} characters`);
  console.log(JSON.stringify(fuzz.text));
  try {
    const result = exercise(fuzz.text, mulberry32(seed + fuzz.index));
    console.log(`ok: ${result.calls} service calls, ${result.diagnostics} diagnostics, ${result.millis.toFixed(1)} ms`);
  } catch (error) {
    console.log(`FAILED: ${(error as Error).stack}`);
    process.exit(1);
  }
  process.exit(0);
}

console.log(`fuzzing ${all.length} samples for ${seconds} s with seed ${seed}`);
const deadline = performance.now() + seconds * 1000;
const kinds = new Map<MutationKind, number>();
const failures: string[] = [];
let cases = 0;
let calls = 0;
let diagnostics = 0;
let formatted = 0;
let characters = 0;
let busy = 0;
interface Timed {
  perKb: number;
  millis: number;
  index: number;
  sample: string;
  kinds: string;
  length: number;
  text: string;
}
/** The slowest cases per KB as first measured (JIT warm-up and GC pauses included). */
let candidates: Timed[] = [];
const CANDIDATES = 8;
let lastReport = performance.now();

for (let index = 0; performance.now() < deadline; index++) {
  const fuzz = fuzzCase(all, seed, index);
  cases++;
  characters += fuzz.text.length;
  for (const kind of fuzz.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  try {
    const result = exercise(fuzz.text, mulberry32(seed + index));
    calls += result.calls;
    diagnostics += result.diagnostics;
    busy += result.millis;
    if (result.formatted) formatted++;
    // Per KB, but at least 1 KB: tiny documents' fixed costs are not what we look for.
    const perKb = result.millis / Math.max(1, fuzz.text.length / 1024);
    if (candidates.length < CANDIDATES || perKb > candidates[candidates.length - 1].perKb) {
      candidates.push({ perKb, millis: result.millis, index, sample: fuzz.sample, kinds: fuzz.kinds.join('+'), length: fuzz.text.length, text: fuzz.text });
      candidates = candidates.sort((a, b) => b.perKb - a.perKb).slice(0, CANDIDATES);
    }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    failures.push(`case ${index} (${fuzz.sample}, ${fuzz.kinds.join('+')}): ${message}`);
    if (failures.length <= 5) console.log(`FAILED seed ${seed} case ${index}: ${message}`);
  }
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`  ${cases} cases, ${failures.length} failed`);
  }
}

// The candidates timed again, best of three runs each, now that the code is warm.
let slowest: Timed = { perKb: 0, millis: 0, index: -1, sample: '', kinds: '', length: 0, text: '' };
for (const candidate of candidates) {
  const millis = Math.min(...[0, 1, 2].map(() => exercise(candidate.text, mulberry32(seed + candidate.index)).millis));
  const perKb = millis / Math.max(1, candidate.length / 1024);
  if (perKb > slowest.perKb) slowest = { ...candidate, millis, perKb };
}

console.log('');
console.log(`cases:        ${cases} (${(cases / seconds).toFixed(0)}/s), ${(characters / 1024 / 1024).toFixed(1)} MB of text`);
console.log(`mutations:    ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`service calls ${calls}, diagnostics ${diagnostics}, formattable ${formatted} (${((formatted / cases) * 100).toFixed(1)}%)`);
console.log(`time:         ${(busy / cases).toFixed(2)} ms per case on average`);
console.log(
  `slowest:      ${slowest.perKb.toFixed(2)} ms/KB (best of 3, warm) — case ${slowest.index} (${slowest.sample}, ${slowest.kinds}), ` +
    `${(slowest.length / 1024).toFixed(1)} KB in ${slowest.millis.toFixed(1)} ms; reproduce: npm run fuzz -- --seed ${seed} --case ${slowest.index}`,
);
if (values['save-slowest'] && slowest.index >= 0) {
  writeFileSync(values['save-slowest'], slowest.text);
  console.log(`              saved to ${values['save-slowest']}`);
}
console.log(`failures:     ${failures.length}`);
for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
