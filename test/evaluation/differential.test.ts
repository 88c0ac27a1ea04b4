// Differential tests on seeded random data (issue 15): the fast CSV path and the general one,
// and reading in parts on worker threads and on one thread, must give the same JSON report.
// The same samples are written as plain rows (the fused fast path) and dressed up (quotes,
// padding, CRLF, a BOM, blank lines, other column order, extra label columns: the general
// RFC 4180 path); any difference in a count, a period, a percentile or a sum shows.
import * as assert from 'node:assert/strict';
import { evaluateFiles, type EvaluateOptions, type Report } from '../../server/src/evaluation/index';
import { mulberry32 as random } from '../../scripts/prng';
import { contract, tempFile } from './helpers';

const TEXT = contract(`
  timezone "Europe/Berlin"
  effective 2026-10-03 to 2026-12-31
  schedule office { mon..fri 08:00-18:00 holidays 2026-10-26 }
  maintenance nightly { every daily 02:00-03:30 }
  indicator probe { kind availability metric "probe_success" }
  indicator api { kind latency metric "http_request_duration_ms" unit ms }
  indicator load { kind throughput metric "rps" unit rps }
  objective uptime { indicator probe target >= 99.5% window calendar week during office excluding nightly }
  objective p95 { indicator api target p95 <= 300ms window calendar day }
  objective p999 { indicator api target p99.9 <= 900ms window calendar month }
  objective busy { indicator load target avg >= 10rps window calendar month }
  objective recent { indicator api target p50 <= 250ms window rolling 3d }`);

const METRICS = ['probe_success', 'http_request_duration_ms', 'rps', 'unrelated_metric'];

interface Sample {
  timestamp: string;
  metric: string;
  value: string;
  label: string;
}

/** `n` samples in October and November 2026 (Berlin's DST change included), in random order and timestamp forms. */
function samples(seed: number, n: number): Sample[] {
  const next = random(seed);
  const start = Date.UTC(2026, 9, 1);
  const span = 55 * 86_400_000;
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const t = start + Math.floor(next() * span);
    const iso = new Date(t).toISOString();
    const form = next();
    // UTC with milliseconds, with a fraction of 1 to 9 digits, to the second, an offset, or a naive local (contract zone) time.
    const digits = () => String(Math.floor(next() * 1e9)).padStart(9, '0').slice(0, 1 + Math.floor(next() * 9));
    const timestamp =
      form < 0.4
        ? iso
        : form < 0.5
          ? `${iso.slice(0, 19)}.${digits()}Z`
          : form < 0.7
            ? `${iso.slice(0, 19)}Z`
            : form < 0.85
              ? `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
              : naiveBerlin(t);
    const metric = METRICS[Math.floor(next() * METRICS.length)];
    const value =
      metric === 'probe_success'
        ? next() < 0.01
          ? '0'
          : '1'
        : metric === 'rps'
          ? (next() * 40).toFixed(Math.floor(next() * 4))
          : (20 + next() * next() * 1200).toFixed(Math.floor(next() * 3));
    out.push({ timestamp, metric, value, label: `pod-${Math.floor(next() * 5)}` });
  }
  return out;
}

/** Local wall-clock time in Europe/Berlin, `YYYY-MM-DD HH:MM:SS` (no offset: read in the contract's zone). */
function naiveBerlin(t: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The rows as the fast path reads them: plain, LF, the header's order. */
function plainCsv(rows: Sample[]): string {
  return 'timestamp,metric,value,label\n' + rows.map((r) => `${r.timestamp},${r.metric},${r.value},${r.label}\n`).join('');
}

/** The same rows in every shape the general path reads: BOM, CRLF, quotes, padding, blank lines, other column order. */
function dressedCsv(rows: Sample[], seed: number): string {
  const next = random(seed);
  const dress = (field: string) => {
    const x = next();
    if (x < 0.25) return `"${field}"`;
    if (x < 0.4) return ` ${field}\t`;
    return field;
  };
  const lines = ['\ufeffLabel ,"Value",zone,METRIC,timestamp'];
  for (const r of rows) {
    if (next() < 0.05) lines.push('');
    const note = next() < 0.1 ? `"a ""quoted"", note"` : 'x';
    lines.push(`${dress(r.label)},${dress(r.value)},${note},${r.metric},${dress(r.timestamp)}`);
  }
  return lines.join('\r\n') + (next() < 0.5 ? '\r\n' : '');
}

async function reportOf(file: string, options: EvaluateOptions): Promise<Report> {
  return (await evaluateFiles(TEXT, 'c.sla', [file], { explain: true, allowMissingMetrics: true, ...options })).report;
}

/** The JSON report with `attained` to 12 significant digits (sums added in another order differ in the last bits). */
function rounded(report: Report): unknown {
  return JSON.parse(JSON.stringify(report, (key, value) => (key === 'attained' && typeof value === 'number' ? Number(value.toPrecision(12)) : value)));
}

describe('evaluation: differential tests on seeded random data', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the fast path and the general path give the identical JSON report`, async () => {
      const rows = samples(seed, 6_000);
      const plain = await reportOf(tempFile('plain.csv', plainCsv(rows)), { parallel: { workers: 0 } });
      const dressed = await reportOf(tempFile('dressed.csv', dressedCsv(rows, seed * 31)), { parallel: { workers: 0 } });
      assert.ok(plain.objectives.every((o) => o.results.some((r) => r.samples > 0)), 'every objective has samples');
      assert.equal(plain.metricsRead, rows.length);
      assert.equal(JSON.stringify(dressed), JSON.stringify(plain));
    });

    it(`seed ${seed}: reading in parts on worker threads gives the one-thread report`, async () => {
      const file = tempFile('plain.csv', plainCsv(samples(seed + 100, 20_000)));
      const serial = await reportOf(file, { parallel: { workers: 0 } });
      // Every worker reads chunks (everyThread), or whoever claims them first does (this thread may read them all).
      for (const [workers, everyThread] of [[3, true], [2, true], [3, false]] as const) {
        let parts: number | string = 'not told';
        const parallel = await reportOf(file, { parallel: { workers, everyThread, minBytes: 0, onRead: (_file, n, whyNot) => (parts = whyNot ?? n) } });
        assert.equal(parts, workers);
        // Counts, periods, percentiles, minima and statuses exactly; sums to 12 digits.
        assert.deepEqual(rounded(parallel), rounded(serial));
        const percentiles = (r: Report) => r.objectives.filter((o) => o.name !== 'busy' && o.name !== 'uptime').map((o) => o.results.map((x) => x.attained));
        assert.deepEqual(percentiles(parallel), percentiles(serial));
      }
    });

    it(`seed ${seed}: quoted fields, padding and CRLF read in parts give the one-thread report`, async () => {
      const file = tempFile('dressed.csv', dressedCsv(samples(seed + 200, 20_000), seed * 17));
      const serial = await reportOf(file, { parallel: { workers: 0 } });
      let parts: number | string = 'not told';
      const parallel = await reportOf(file, { parallel: { workers: 3, everyThread: true, minBytes: 0, onRead: (_file, n, whyNot) => (parts = whyNot ?? n) } });
      assert.equal(parts, 3);
      assert.deepEqual(rounded(parallel), rounded(serial));
    });
  }

  it('a month of 200,000 latencies (kept as counts per value) gives the percentiles a sort gives, on one thread and in parts', async () => {
    const text = contract(`
  indicator api { kind latency metric "lat" unit ms }
  objective p95 { indicator api target p95 <= 300ms window calendar month }
  objective p999 { indicator api target p99.9 <= 900ms window calendar month }
  objective p50 { indicator api target p50 <= 900ms window calendar month }`);
    const next = random(15);
    const n = 200_000;
    const values: number[] = [];
    const lines = ['timestamp,metric,value'];
    for (let i = 0; i < n; i++) {
      // One-decimal latencies; late in the month a few far outside the counted span.
      const v = i > 180_000 && next() < 0.002 ? 20_000 + Math.round(next() * 1e5) / 10 : Math.round(next() * 4000) / 10;
      values.push(v);
      lines.push(`${new Date(Date.UTC(2026, 9, 1) + i * 13_000).toISOString()},lat,${v}`);
    }
    const file = tempFile('month.csv', lines.join('\n') + '\n');
    const sorted = Float64Array.from(values).sort();
    // Nearest rank: the ⌈p/100 × n⌉-th smallest.
    const expected = [sorted[(95 * n) / 100 - 1], sorted[(999 * n) / 1000 - 1], sorted[n / 2 - 1]];
    for (const workers of [0, 3]) {
      const { report } = await evaluateFiles(text, 'c.sla', [file], { parallel: { workers, everyThread: true, minBytes: 0 } });
      assert.deepEqual(
        report.objectives.map((o) => [o.results.length, o.results[0].samples, o.results[0].attained]),
        expected.map((v) => [1, n, v]),
        `workers: ${workers}`,
      );
    }
  });

  it('names file and line of a bad row in the evaluation\'s language, on the fast path and in parts', async () => {
    const rows = samples(9, 20_000);
    rows[15_000] = { ...rows[15_000], value: '12,5' };
    const file = tempFile('bad.csv', plainCsv(rows).replace('12,5', '"12,5"'));
    for (const workers of [0, 3]) {
      await assert.rejects(
        reportOf(file, { locale: 'zh-CN', parallel: { workers, everyThread: true, minBytes: 0 } }),
        (e: Error) => e.message === `${file}:15002: 值 "12,5" 不是数字`,
      );
      await assert.rejects(reportOf(file, { parallel: { workers, everyThread: true, minBytes: 0 } }), (e: Error) => e.message === `${file}:15002: value "12,5" is not a number`);
    }
  });

  it('names file and line of a sample the evaluator refuses, handed over among many rows: fast path, general path, in parts', async () => {
    // Row 15,000 is inside a batch of the fast path (rows go to the evaluator 1,024 at a time); a later bad row is not reported.
    const rows = samples(10, 20_000);
    rows[15_000] = { ...rows[15_000], metric: 'probe_success', value: '2' };
    rows[15_001] = { ...rows[15_001], metric: 'probe_success', value: '3' };
    const plain = tempFile('refused.csv', plainCsv(rows));
    const dressed = tempFile('refused-dressed.csv', dressedCsv(rows, 10).replace(/\r\n\r\n/g, '\r\n'));
    const expected = (file: string, line: number) => `${file}:${line}: value 2 of probe_success is outside [0, 1]: availability and error-rate samples are 0/1 outcomes or per-interval ratios`;
    for (const workers of [0, 3]) {
      await assert.rejects(reportOf(plain, { parallel: { workers, everyThread: true, minBytes: 0 } }), (e: Error) => e.message === expected(plain, 15_002));
    }
    await assert.rejects(reportOf(dressed, {}), (e: Error) => e.message === expected(dressed, 15_002));
  });

  it('names a bad timestamp in the evaluation\'s language, on the fast path and in parts', async () => {
    const rows = samples(9, 20_000);
    rows[15_000] = { ...rows[15_000], timestamp: '2026-02-30T00:00:00Z' };
    const file = tempFile('bad-time.csv', plainCsv(rows));
    for (const workers of [0, 3]) {
      await assert.rejects(
        reportOf(file, { locale: 'zh-CN', parallel: { workers, everyThread: true, minBytes: 0 } }),
        (e: Error) => e.message === `${file}:15002: 时间戳 "2026-02-30T00:00:00Z" 中的日期不存在`,
      );
      await assert.rejects(
        reportOf(file, { parallel: { workers, everyThread: true, minBytes: 0 } }),
        (e: Error) => e.message === `${file}:15002: impossible date in timestamp "2026-02-30T00:00:00Z"`,
      );
    }
  });
});
