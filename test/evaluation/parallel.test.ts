// Reading a large CSV file in parts on worker threads must give the sequential result:
// same periods, counts and percentiles, sums equal within rounding, errors on the file's
// line numbers, and a safe fallback when a cut falls inside a quoted field.
import * as assert from 'node:assert/strict';
import { evaluate, evaluateFiles, type EvaluateOptions, type Report } from '../../server/src/evaluation/index';
import { analyze } from '../../server/src/language/analyze';
import { CsvSource } from '../../server/src/evaluation/sources/csv';
import { availableParallelism } from 'node:os';
import { EvaluationAborted } from '../../server/src/evaluation/errors';
import { chunkStarts, cpuPressure, defaultParts } from '../../server/src/evaluation/parallel';
import { contract, tempFile } from './helpers';

const TEXT = contract(`
  timezone "Europe/Berlin"
  schedule office { mon..fri 08:00-18:00 }
  maintenance lunch { every daily 12:00-13:00 }
  indicator probe { kind availability metric "up" }
  indicator api { kind latency metric "lat" }
  indicator requests { kind availability ratio good "ok" total "all" }
  objective uptime { indicator probe target >= 99.5% window calendar week during office excluding lunch }
  objective latency { indicator api target p95 <= 300ms window calendar day }
  objective delivered { indicator requests target >= 99% window calendar month }
  objective recent { indicator api target p50 <= 300ms window rolling 2d }`);

/** n rows over October 2026: probes, latencies and request counts, interleaved. */
function data(n: number, row: (i: number, t: string) => string = () => ''): string {
  const lines = ['timestamp,metric,value,label'];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2026, 9, 1) + i * 97_000).toISOString();
    const special = row(i, t);
    if (special) lines.push(special);
    else if (i % 4 === 0) lines.push(`${t},up,${i % 53 === 0 ? 0 : 1},eu`);
    else if (i % 4 === 1) lines.push(`${t},lat,${(i * 7919) % 600}.${i % 10},eu`);
    else if (i % 4 === 2) lines.push(`${t},all,${100 + (i % 7)},eu`);
    else lines.push(`${t},ok,${99 + (i % 7)},eu`);
  }
  return lines.join('\n') + '\n';
}

/** The report read on one thread and on three, and how the second read went (parts, or why not). */
async function both(file: string, options: EvaluateOptions = {}): Promise<[Report, Report, number | string]> {
  const sequential = await evaluateFiles(TEXT, 'c.sla', [file], { ...options, parallel: { workers: 0 } });
  let how: number | string = 'not told';
  const parallel = await evaluateFiles(TEXT, 'c.sla', [file], {
    ...options,
    parallel: { workers: 3, everyThread: true, minBytes: 0, onRead: (_file, parts, whyNot) => (how = whyNot ?? parts) },
  });
  assert.equal(parallel.rows, sequential.rows);
  return [sequential.report, parallel.report, how];
}

/** Equal reports, `attained` within a relative 1e-12 (sums added in another order). */
function assertSameReport(a: Report, b: Report): void {
  const strip = (r: Report) =>
    JSON.parse(JSON.stringify(r, (key, value) => (key === 'attained' && typeof value === 'number' ? Number(value.toPrecision(12)) : value)));
  assert.deepEqual(strip(b), strip(a));
}

describe('evaluation: one large CSV file on several threads', () => {
  it('gives the sequential report: periods, counts, percentiles, ratios, rolling windows, explanations', async () => {
    const file = tempFile('m.csv', data(24_000));
    const [sequential, parallel, how] = await both(file, { explain: true });
    assert.equal(how, 3);
    assert.ok(sequential.objectives.every((o) => o.results.length > 0));
    assert.ok(sequential.objectives[0].results.some((r) => r.explain!.outsideSchedule > 0 && r.explain!.inMaintenance > 0));
    assertSameReport(sequential, parallel);
  });

  it('falls back to one thread when a cut falls inside a quoted field, with the same result', async () => {
    // Every row's label is a quoted field of many lines: cuts land inside them.
    const file = tempFile('q.csv', data(6_000, (i, t) => `${t},lat,${i % 500},"${'line\n'.repeat(40)}"`));
    // Only latencies: the other metrics are allowed to be missing (LANGUAGE.md 1.1 makes them an error otherwise).
    const [sequential, parallel, how] = await both(file, { allowMissingMetrics: true });
    assert.equal(how, 'a cut fell inside a record');
    assert.equal(sequential.objectives[1].results.reduce((n, r) => n + r.samples, 0), 6_000);
    assertSameReport(sequential, parallel);
  });

  it('reads several large files with the same worker threads, and without threads started beforehand', async () => {
    const first = tempFile('first.csv', data(12_000));
    const second = tempFile('second.csv', data(12_000, (i, t) => (i % 4 === 1 ? `${t},lat,${(i * 31) % 900}.5,eu` : '')));
    const sequential = await evaluateFiles(TEXT, 'c.sla', [first, second], { parallel: { workers: 0 } });
    const told: (number | string)[] = [];
    const parallel = { workers: 3, everyThread: true, minBytes: 0, onRead: (_file: string, parts: number, whyNot?: string) => told.push(whyNot ?? parts) };
    const inParts = await evaluateFiles(TEXT, 'c.sla', [first, second], { parallel });
    assert.deepEqual(told, [3, 3]);
    assertSameReport(sequential.report, inParts.report);
    // The evaluator's own entry point starts its workers when it needs them.
    const sla = analyze(TEXT).parse.file.slas[0];
    const direct = await evaluate(sla, [new CsvSource(first), new CsvSource(second)], { parallel });
    assert.deepEqual(told, [3, 3, 3, 3]);
    assertSameReport(sequential.report, direct.report);
  });

  it('finds the cut points inside lines far longer than the window it reads them with', async () => {
    // Four rows of 1 MiB each (a long label), all of one length: 12 chunks are wanted, and every
    // cut start lies a third or more of a line before the next line break (read 4 KiB at a time).
    const label = 'x'.repeat(1 << 20);
    const file = tempFile('long.csv', data(4, (i, t) => `${t},lat,${i}.5,${label}`));
    const [sequential, parallel, how] = await both(file, { allowMissingMetrics: true });
    assert.equal(how, 3);
    assert.equal(sequential.objectives[1].results.reduce((n, r) => n + r.samples, 0), 4);
    assertSameReport(sequential, parallel);
  });

  it('reports the first bad row with the line number of the file', async () => {
    // Bad rows in the second and the third of three parts: the earlier one is reported.
    const bad = (i: number, t: string) => (i === 12_000 ? `${t},lat,fast,eu` : i === 20_000 ? `${t},up,2,eu` : '');
    const file = tempFile('bad.csv', data(24_000, bad));
    // Every worker reading chunks, or whoever claims first (this thread may meet both bad rows itself).
    for (const [workers, everyThread] of [[0, false], [3, true], [3, false], [2, true]] as const) {
      let fellBack = false;
      await assert.rejects(
        evaluateFiles(TEXT, 'c.sla', [file], { parallel: { workers, everyThread, minBytes: 0, onRead: () => (fellBack = true) } }),
        // Row i is on line i + 2 (the header is line 1).
        (e: Error) => e.message === `${file}:12002: value "fast" is not a number`,
      );
      // In parts the error came from the chunks, not from a sequential retry.
      assert.equal(fellBack, workers === 0);
    }
  });
});

describe('evaluation: when a file is read in parts by default', () => {
  it('reads in one part per core, two cores included, at most four; in one while the cores are busy', () => {
    // Two cores: chunks shared out as the threads go made two parts faster than one on a quiet machine (bench:evaluate, docs/decisions.md).
    assert.deepEqual([1, 2, 3, 4, 8, 64].map((cores) => defaultParts(cores)), [1, 2, 3, 4, 4, 4]);
    assert.deepEqual([1, 2, 4].map((cores) => defaultParts(cores, 49.9)), [1, 2, 4]);
    assert.deepEqual([1, 2, 4].map((cores) => defaultParts(cores, 50)), [1, 1, 1]);
    const pressure = cpuPressure();
    assert.ok(pressure >= 0 && pressure <= 100, `CPU pressure ${pressure}`);
  });

  it('cuts a large file into chunks of 8 MiB, the last ones smaller so that the threads end together', () => {
    const MiB = 1 << 20;
    const size = 483_876_368;
    const starts = chunkStarts(23, size, 2);
    const sizes = starts.map((s, i) => (i + 1 < starts.length ? starts[i + 1] : size) - s);
    assert.equal(starts[0], 23);
    assert.ok(sizes.every((n) => n > 0 && n <= 8 * MiB));
    assert.deepEqual(sizes.slice(-16), [...Array(4).fill(8 * MiB), ...Array(4).fill(4 * MiB), ...Array(4).fill(2 * MiB), ...Array(4).fill(MiB)]);
    // A smaller file: four equal chunks per thread.
    assert.deepEqual(chunkStarts(0, 4000, 3).length, 12);
  });

  it('follows that rule on this machine when not told how many parts', async () => {
    const file = tempFile('default-parts.csv', data(24_000));
    let how: number | string = 'not told';
    const before = defaultParts(availableParallelism(), cpuPressure());
    await evaluateFiles(TEXT, 'c.sla', [file], { parallel: { minBytes: 0, onRead: (_file, parts, whyNot) => (how = whyNot ?? parts) } });
    const after = defaultParts(availableParallelism(), cpuPressure());
    // The pressure may cross the line while the file is read: then either answer is the rule's.
    const expected: (number | string)[] = [before, after].map((parts) => (parts > 1 ? parts : 'one core, or the cores are busy'));
    assert.ok(expected.includes(how), `read ${how}, expected ${expected.join(' or ')}`);
  });

  it('stops its worker threads when the evaluation is cancelled', async () => {
    const file = tempFile('cancelled.csv', data(24_000));
    const controller = new AbortController();
    let told: number | string | undefined;
    await assert.rejects(
      evaluateFiles(TEXT, 'c.sla', [file], {
        signal: controller.signal,
        onProgress: () => controller.abort(),
        parallel: { workers: 3, minBytes: 0, onRead: (_file, parts, whyNot) => (told = whyNot ?? parts) },
      }),
      (e: Error) => e instanceof EvaluationAborted,
    );
    // Cancelled while in parts: neither read in parts nor read again on this thread.
    assert.equal(told, undefined);
  });
});
