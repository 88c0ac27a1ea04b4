// Differential tests of the parse whose recognition runs elsewhere (issue 15, "offthread":
// parse/recordBatches.ts, parse/offthread.ts), here on one thread: the records of the chunked
// parse encoded, then replayed into the AST builder, give exactly what parseForDiagnostics gives
// by itself (AST and diagnostics, deepStrictEqual) on every golden case, every sample, generated
// contracts with seeded random edits and chunk sizes; records that are cut off, malformed or
// never come give the same result too (the parse is then done on the main thread).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { parseForDiagnostics, wasParsedInChunks } from '../../server/src/language/parser';
import type { Chunking } from '../../server/src/language/parse/chunks';
import { recordsInThread } from '../../server/src/language/parse/offthread';
import type { RecordMessage, RecordSource } from '../../server/src/language/parse/recordBatches';
import type { Locale } from '../../server/src/l10n/locale';
import { goldenCases } from './parserGolden';

const SEED = Number(process.env.SLA_OFFTHREAD_SEED ?? 20261205);
const fixed = (size: number): Chunking => ({ threshold: 0, size: () => size });

/** parseForDiagnostics with the records of an in-thread recognition, against parseForDiagnostics alone; whether the records were taken. */
function assertReplayEqual(text: string, chunking: Chunking, what: string, locale?: Locale): boolean {
  const replayed = parseForDiagnostics(text, locale, chunking, recordsInThread(text, chunking));
  const alone = parseForDiagnostics(text, locale, chunking);
  assert.deepStrictEqual(replayed, alone, what);
  assert.equal(wasParsedInChunks(replayed), wasParsedInChunks(alone), `${what}: the same path`);
  return wasParsedInChunks(replayed);
}

/** A source giving `messages` in order (then nothing). */
function sourceOf(messages: (RecordMessage | undefined)[]): RecordSource & { closed: boolean } {
  let next = 0;
  const source = { closed: false, next: () => messages[next++], close: () => void (source.closed = true) };
  return source;
}

/** The messages an in-thread recognition of `text` gives. */
function messagesOf(text: string, chunking: Chunking): RecordMessage[] {
  const source = recordsInThread(text, chunking);
  const all: RecordMessage[] = [];
  for (let m = source.next(); m !== undefined; m = source.next()) all.push(m);
  return all;
}

describe('the AST built from records replayed equals the parse on one thread', function () {
  this.timeout(240_000);

  it('on every golden case, with chunks of 1, 7 and 40 characters', () => {
    const sizes = [fixed(1), fixed(7), fixed(40)];
    let replayed = 0;
    goldenCases().forEach((golden, i) => {
      if (assertReplayEqual(golden.text, sizes[i % 3], `case ${golden.name}`, golden.locale)) replayed++;
    });
    assert.ok(replayed >= 250, `only ${replayed} golden cases were built from records`);
  });

  it('on every sample, in English and Chinese', () => {
    const dir = path.resolve('samples');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.sla'));
    assert.ok(files.length >= 8);
    let replayed = 0;
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const locale of ['en', 'zh-CN'] as const) if (assertReplayEqual(text, fixed(64), `${file} [${locale}]`, locale)) replayed++;
    }
    assert.ok(replayed >= 10, `only ${replayed} samples were built from records`);
  });

  it('on generated contracts with seeded random edits and chunk sizes', () => {
    const next = mulberry32(SEED);
    const int = (n: number) => Math.floor(next() * n);
    const junk = ['a', ' ', '\n', '"', '{', '}', '/*', '*/', '//', '%', '蓝', '，', '9', 'ms', 'objective x {', '@', '2026-02-30', '25:00', '5 parsecs', '"\\q"', '９９．９％'];
    const base = generateContract(40).replace('99.9%', '99.9％');
    let replayed = 0;
    let whole = 0;
    for (let round = 0; round < 1500; round++) {
      let text = base;
      for (let edits = int(3); edits > 0; edits--) {
        const at = int(text.length);
        text = text.slice(0, at) + junk[int(junk.length)] + text.slice(at);
      }
      if (assertReplayEqual(text, fixed(1 + int(300)), `round ${round} (seed ${SEED})`, round % 5 === 0 ? 'zh-CN' : 'en')) replayed++;
      else whole++;
    }
    assert.ok(replayed >= 300 && whole >= 300, `${replayed} built from records, ${whole} parsed whole: both must be exercised`);
  });

  it('fails where one record is changed (the comparison can fail)', () => {
    const text = generateContract(60);
    const chunking = fixed(200);
    const messages = messagesOf(text, chunking);
    const batch = messages[0] as Int32Array;
    // The first record's first token (`version`, a `{`, ...): one character later.
    batch[5 + 1] += 1;
    const changed = parseForDiagnostics(text, 'en', chunking, sourceOf(messages));
    assert.throws(() => assert.deepStrictEqual(changed, parseForDiagnostics(text, 'en', chunking)));
  });

  it('gives the same result where the records are malformed, cut off, or the recognition failed', () => {
    const text = generateContract(120).replace('99.9%', '99.9％');
    const chunking = fixed(300);
    const alone = parseForDiagnostics(text, 'zh-CN', chunking);
    const good = messagesOf(text, chunking);
    assert.ok(good.length >= 2 && good[0] instanceof Int32Array, 'records, then the end');
    const cases: [string, (RecordMessage | undefined)[]][] = [
      ['a record of no rule', [Int32Array.of(255, 0, 0, 0, 0), ...good.slice(1)]],
      ['tokens past the batch', [Int32Array.of(1, 0, 0, 1 << 3, 7)]],
      ['no end (the worker gone)', good.slice(0, -1)],
      ['failed', [...good.slice(0, -1), { end: 'failed', reason: 'test' }]],
      ['literal tokens cut short', [...good.slice(0, -1), { end: 'done', literalTokens: Int32Array.of(1, 2) }]],
    ];
    for (const [what, messages] of cases) {
      const source = sourceOf(messages);
      const result = parseForDiagnostics(text, 'zh-CN', chunking, source);
      assert.deepStrictEqual(result, alone, what);
      assert.equal(source.closed, true, `${what}: the source is closed`);
    }
  });
});
