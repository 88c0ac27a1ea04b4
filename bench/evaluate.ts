// `npm run bench:evaluate`: `sla evaluate` on 10 million CSV samples (5 M latency
// observations and 5 M availability probes, one month) against a contract with an
// availability objective in business hours and a p95 latency objective.
//
// Prints, all measured in this run on the same file (page cache warm), each in a child
// process of its own (all pay Node's start-up; peak RSS reported by the child):
// - the floors: a bare Node byte scan that only counts newlines, with Buffer.indexOf (memchr)
//   and as a loop over the bytes;
// - DuckDB (@duckdb/node-api) doing the same evaluation in SQL, its results compared with
//   ours before anything is timed (the bench fails when they differ);
// - `node dist/cli.js evaluate …`: wall time, samples/s, peak RSS, ratios, by default (one
//   part per core, at most 4: this thread and worker threads share the file's chunks; one
//   while Linux's CPU pressure is ≥ 50 %), with SLA_WORKERS=1 (one thread) and with
//   SLA_WORKERS=2 (two threads): the peers for the default rule, parallel.ts `defaultParts`;
// - where the time goes (in this process): reading + CSV scanning alone, then everything;
// - csv-parse (a general CSV library) against the built-in scanner on a slice of the file.
// Goals (issue 15): ≤ 2.5× the byte scan (indexOf), ≤ 0.3× DuckDB, peak RSS ≤ 120 MiB.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { parse as csvParse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { CsvSource } from '../server/src/evaluation/sources/csv';
import type { SampleSink } from '../server/src/evaluation/sources/index';
import { evaluateFiles } from '../server/src/evaluation/index';
import { ZoneRules } from '../server/src/evaluation/timezone';
import { cpuPressure, defaultParts } from '../server/src/evaluation/parallel';
import { freshMemoryLine, median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, '.bench');
const ROWS = 10_000_000;
const DATA = path.join(DIR, `evaluate-${ROWS / 1e6}m-v1.csv`);
const SLICE = path.join(DIR, 'evaluate-slice-v1.csv');
const SLICE_ROWS = 500_000;
const CONTRACT = path.join(DIR, 'evaluate.sla');
const PRELOAD = path.join(DIR, 'report-rss.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DUCKDB_SCRIPT = path.join(DIR, 'duckdb-evaluate.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const CONTRACT_TEXT = `sla Bench "Evaluation benchmark" {
  version "1"
  provider "Bench Cloud"
  customer "Bench Customer"
  effective 2026-01-01 to 2026-12-31
  timezone "Asia/Shanghai"
  fee 1000 USD per month
  schedule business_hours {
    mon..fri 09:00-18:00
    holidays 2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07
  }
  maintenance weekly { every sun 02:00-04:00 }
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "http_request_duration_ms" unit ms }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
    during business_hours
    excluding weekly
  }
  objective latency_p95 { indicator latency target p95 <= 500ms window calendar month }
  compensation for uptime { below 99.9% credit 10% below 99% credit 25% }
  compensation for latency_p95 { above 500ms credit 5% }
  credits { cap 50% claim within 30d }
  reporting monthly
  review quarterly
}
`;

/** Writes `rows` interleaved rows (latency, probe, latency, …) over October 2026 (UTC timestamps, ms precision). */
function generate(file: string, rows: number): void {
  const start = Date.UTC(2026, 9, 1) - 8 * 3600_000;
  const span = 31 * 86_400_000;
  const step = span / rows;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, 'timestamp,metric,value\n');
  let chunk: string[] = [];
  let lastSecond = -1;
  let prefix = '';
  for (let i = 0; i < rows; i++) {
    const t = Math.floor(start + i * step);
    const second = Math.floor(t / 1000);
    if (second !== lastSecond) {
      prefix = new Date(second * 1000).toISOString().slice(0, 19);
      lastSecond = second;
    }
    const ms = String(t % 1000).padStart(3, '0');
    if (i % 2 === 0) {
      const latency = (40 + 160 * Math.exp(random() * 1.2) * random()).toFixed(1);
      chunk.push(`${prefix}.${ms}Z,http_request_duration_ms,${latency}\n`);
    } else {
      chunk.push(`${prefix}.${ms}Z,probe_success,${random() < 0.0008 ? 0 : 1}\n`);
    }
    if (chunk.length === 100_000) {
      writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);
  renameSync(tmp, file);
}

const BYTE_SCAN = `
const fs = require('fs');
const fd = fs.openSync(process.argv[1], 'r');
const b = Buffer.allocUnsafe(1 << 20);
let n = 0, r;
const t0 = process.hrtime.bigint();
if (process.argv[2] === 'loop') {
  while ((r = fs.readSync(fd, b, 0, b.length, null)) > 0) for (let i = 0; i < r; i++) if (b[i] === 10) n++;
} else {
  while ((r = fs.readSync(fd, b, 0, b.length, null)) > 0) { const v = b.subarray(0, r); let i = -1; while ((i = v.indexOf(10, i + 1)) !== -1) n++; }
}
process.stdout.write(String(n));
`;

// The contract's evaluation in SQL, for DuckDB: Asia/Shanghai is UTC+8 all year, so the
// zone is integer arithmetic on epoch milliseconds (the fastest way we know to write it);
// local calendar months from day numbers (civil-from-days, integers only); business hours
// mon..fri 09:00-18:00 without the holidays and without the Sunday 02:00-04:00 maintenance,
// inside the effective dates; availability is 100 × the mean, latency the nearest-rank p95
// (DuckDB's quantile_disc), both in one pass over the file (one GROUP BY with FILTERs: a
// UNION of two queries made DuckDB materialise the rows). Arguments: the file and the
// parameters as JSON.
const DUCKDB_EVALUATE = `
import { DuckDBInstance } from '@duckdb/node-api';
const [file, json] = process.argv.slice(2);
const p = JSON.parse(json);
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const sql = \`
WITH local AS (
  SELECT metric, value, epoch_ms("timestamp") + \${p.offsetMs} AS l
  FROM read_csv('\${file.replaceAll("'", "''")}', header = true,
                columns = {'timestamp': 'TIMESTAMP', 'metric': 'VARCHAR', 'value': 'DOUBLE'})
), days AS (
  SELECT metric, value, l // 86400000 AS day, l % 86400000 AS ms FROM local
  WHERE l >= \${p.effectiveStart} AND l < \${p.effectiveEnd}
), civil AS (
  SELECT metric, value, day, ms, z - era * 146097 AS doe, era FROM (
    SELECT *, day + 719468 AS z, (day + 719468) // 146097 AS era FROM days)
), years AS (
  SELECT metric, value, day, ms, doe, era, (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365 AS yoe FROM civil
), months AS (
  SELECT metric, value, day, ms, yoe + era * 400 AS y, (5 * (doe - (365 * yoe + yoe // 4 - yoe // 100)) + 2) // 153 AS mp FROM years
), samples AS (
  SELECT metric, value, day, ms, (CASE WHEN mp < 10 THEN y ELSE y + 1 END) * 100 + (CASE WHEN mp < 10 THEN mp + 3 ELSE mp - 9 END) AS month,
         (day + 3) % 7 AS weekday
  FROM months
)
SELECT month,
  count(*) FILTER (uptime) AS uptime_samples,
  100 * avg(value) FILTER (uptime) AS uptime_attained,
  count(*) FILTER (latency) AS latency_samples,
  quantile_disc(value, 0.95) FILTER (latency) AS latency_attained
FROM (
  SELECT month, value,
    metric = 'probe_success' AND weekday < 5 AND ms >= 32400000 AND ms < 64800000
      AND day NOT IN (\${p.holidays.join(', ')})
      AND NOT (weekday = 6 AND ms >= 7200000 AND ms < 14400000) AS uptime,
    metric = 'http_request_duration_ms' AS latency
  FROM samples)
GROUP BY month
ORDER BY month\`;
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJson().flatMap((r) => [
  { objective: 'uptime', month: r.month, samples: r.uptime_samples, attained: r.uptime_attained },
  { objective: 'latency_p95', month: r.month, samples: r.latency_samples, attained: r.latency_attained },
]).filter((r) => Number(r.samples) > 0);
process.stdout.write(JSON.stringify(rows));
`;

/** What DuckDB needs to know of the contract (the same figures as CONTRACT_TEXT). */
function duckdbParameters(): string {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  return JSON.stringify({
    offsetMs: 8 * 3600_000,
    // effective 2026-01-01 to 2026-12-31: local milliseconds [start, end of the last day)
    effectiveStart: day('2026-01-01') * 86_400_000,
    effectiveEnd: (day('2026-12-31') + 1) * 86_400_000,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map(day),
  });
}

interface SqlResult {
  objective: string;
  month: string;
  samples: string;
  attained: string | number;
}

type JsonReport = { objectives: { name: string; results: { start: string; samples: number; attained: number | null; status: string }[] }[]; metricsRead: number };

/** Fails unless DuckDB found the same periods, counts and attained values as our report. */
function compareWithDuckdb(report: JsonReport, sql: SqlResult[]): void {
  const ours = report.objectives.flatMap((o) =>
    o.results.map((r) => ({ objective: o.name, month: r.start.slice(0, 7).replace('-', ''), samples: r.samples, attained: r.attained })),
  );
  const theirs = sql.map((r) => ({ objective: r.objective, month: String(r.month), samples: Number(r.samples), attained: Number(r.attained) }));
  const key = (r: { objective: string; month: string }) => `${r.objective} ${r.month}`;
  ours.sort((a, b) => key(a).localeCompare(key(b)));
  theirs.sort((a, b) => key(a).localeCompare(key(b)));
  const same =
    ours.length === theirs.length &&
    ours.every((r, i) => {
      const t = theirs[i];
      // Means may differ in the last bits (sums added in another order); counts and percentiles may not.
      const close = r.objective === 'uptime' ? Math.abs(r.attained! - t.attained) <= 1e-12 * Math.abs(t.attained) : r.attained === t.attained;
      return key(r) === key(t) && r.samples === t.samples && close;
    });
  if (!same) throw new Error(`DuckDB and sla evaluate disagree:\n  ours:   ${JSON.stringify(ours)}\n  DuckDB: ${JSON.stringify(theirs)}`);
}

interface ChildRun {
  ms: number;
  maxRssMb: number;
  /** CPU time of the child, user + system, all threads (what a loaded machine inflates least). */
  cpuMs: number;
  stdout: string;
  status: number | null;
  stderr: string;
}

function runChild(args: string[], env: Record<string, string> = {}): ChildRun {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /BENCH_MAXRSS_KB=(\d+) BENCH_CPU_US=(\d+)/.exec(result.stderr);
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, cpuMs: rss ? Number(rss[2]) / 1000 : NaN, stdout: result.stdout, status: result.status, stderr: result.stderr };
}

const nullSink: SampleSink = {
  zone: ZoneRules.of('Asia/Shanghai')!,
  metricId: () => 0,
  add: () => undefined,
  // Rows in batches, as the evaluator takes them (a sink without it gets one call per row).
  addRows: () => undefined,
  rowsRead: () => {},
};

async function timeScanner(file: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  await new CsvSource(file).read(nullSink);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function timeCsvParse(file: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  let rows = 0;
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(csvParse({ columns: true }));
  for await (const record of parser) {
    // Do what the scanner does with each row: read the timestamp and the value.
    if (Number.isNaN(Date.parse((record as Record<string, string>).timestamp)) || Number.isNaN(Number((record as Record<string, string>).value))) {
      throw new Error('bad row');
    }
    rows++;
  }
  if (rows !== SLICE_ROWS) throw new Error(`csv-parse read ${rows} rows`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const mib = (m: number) => `${m.toFixed(0)} MiB`;

function duckdbVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(CONTRACT, CONTRACT_TEXT);
  writeFileSync(DUCKDB_SCRIPT, DUCKDB_EVALUATE);
  writeFileSync(
    PRELOAD,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nBENCH_MAXRSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
  );
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  if (!existsSync(DATA)) {
    console.log(`generating ${ROWS.toLocaleString('en')} rows into ${path.relative(ROOT, DATA)} (once; kept for later runs)…`);
    generate(DATA, ROWS);
  }
  if (!existsSync(SLICE)) generate(SLICE, SLICE_ROWS);
  const size = statSync(DATA).size;
  console.log(`data: ${path.relative(ROOT, DATA)}, ${ROWS.toLocaleString('en')} rows, ${mb(size)}; ${RUNS} runs each, median`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (${availableParallelism()} cores); CPU pressure (some avg10) ${cpuPressure()} %`);

  // Warm the page cache, then alternate baseline and CLI runs so both see the same machine state.
  readWhole(DATA);
  const evaluateArgs = [CLI, 'evaluate', CONTRACT, '--metrics', DATA, '--format', 'json'];
  const duckdbArgs = [DUCKDB_SCRIPT, DATA, duckdbParameters()];
  // The same results first: nothing is timed until DuckDB and we agree.
  const check = runChild(evaluateArgs);
  const checkSql = runChild(duckdbArgs);
  if (checkSql.status !== 0) throw new Error(`DuckDB failed (${checkSql.status}): ${checkSql.stderr}`);
  compareWithDuckdb(JSON.parse(check.stdout) as JsonReport, JSON.parse(checkSql.stdout) as SqlResult[]);
  console.log('DuckDB and sla evaluate agree: same months, sample counts, attained values (mean within 1e-12, p95 exactly)');
  const scanIndexOf: number[] = [];
  const scanLoop: number[] = [];
  let scanRss = 0;
  const scanCpu: number[] = [];
  const cli: ChildRun[] = [];
  const cliOneThread: ChildRun[] = [];
  const cliTwoThreads: ChildRun[] = [];
  const duckdb: ChildRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = runChild(['-e', BYTE_SCAN, DATA, 'indexOf']);
    const b = runChild(['-e', BYTE_SCAN, DATA, 'loop']);
    if (Number(a.stdout) !== ROWS + 1 || Number(b.stdout) !== ROWS + 1) throw new Error(`byte scan counted ${a.stdout}/${b.stdout} lines`);
    scanIndexOf.push(a.ms);
    scanRss = Math.max(scanRss, a.maxRssMb);
    scanCpu.push(a.cpuMs);
    scanLoop.push(b.ms);
    for (const [runs, env] of [[cli, {}], [cliOneThread, { SLA_WORKERS: '1' }], [cliTwoThreads, { SLA_WORKERS: '2' }]] as const) {
      const run = runChild(evaluateArgs, env);
      if (run.status !== 0 && run.status !== 1) throw new Error(`sla evaluate failed (${run.status}): ${run.stderr}`);
      runs.push(run);
    }
    const sql = runChild(duckdbArgs);
    if (sql.status !== 0) throw new Error(`DuckDB failed (${sql.status}): ${sql.stderr}`);
    duckdb.push(sql);
  }
  // The "bare Node byte scan" (0.19 s for 389 MB) is Buffer.indexOf (memchr in C++);
  // a JavaScript loop over the bytes is shown too.
  const floor = median(scanIndexOf);
  const loop = median(scanLoop);
  const duckdbMs = median(duckdb.map((r) => r.ms));
  const duckdbRss = Math.max(...duckdb.map((r) => r.maxRssMb));
  const report = JSON.parse(cli[0].stdout) as JsonReport;
  if (report.metricsRead !== ROWS) throw new Error(`the report read ${report.metricsRead} rows`);
  if (cliOneThread[0].stdout !== cli[0].stdout) console.log('note: the one-thread report differs from the default one (sums added in another order)');

  console.log('');
  const floorCpu = median(scanCpu);
  const duckdbCpu = median(duckdb.map((r) => r.cpuMs));
  console.log(`byte scan, Buffer.indexOf(\\n) (memchr):            ${s(floor)}   CPU ${s(floorCpu)}   peak RSS ${mib(scanRss)}`);
  console.log(`byte scan, a loop over the bytes counting \\n:       ${s(loop)}`);
  console.log(`DuckDB ${duckdbVersion()}, the same evaluation in SQL:   ${s(duckdbMs)}   CPU ${s(duckdbCpu)}   peak RSS ${mib(duckdbRss)}`);
  const parts = defaultParts(availableParallelism());
  const workers = !existsSync(path.join(ROOT, 'dist', 'evaluation-worker.js')) ? 'one thread: no dist/evaluation-worker.js' : parts > 1 ? `${parts} threads, one while the CPU pressure is ≥ 50 %` : 'one thread';
  for (const [label, runs] of [[`sla evaluate, default (${workers})`, cli], ['sla evaluate, SLA_WORKERS=1 (one thread)', cliOneThread], ['sla evaluate, SLA_WORKERS=2 (two threads)', cliTwoThreads]] as const) {
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    console.log(`${label}:`);
    const cpu = median(runs.map((r) => r.cpuMs));
    console.log(`  wall ${s(ms)}   ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} samples/s   CPU ${s(cpu)}   peak RSS ${mib(rss)}`);
    console.log(`  CPU time: ${(cpu / floorCpu).toFixed(2)}× the byte scan's, ${(cpu / duckdbCpu).toFixed(2)}× DuckDB's (all threads; less inflated by a loaded machine than wall time)`);
    console.log(
      `  ${(ms / floor).toFixed(2)}× the byte scan (goal ≤ 2.5×: ${ms / floor <= 2.5 ? 'reached' : 'NOT reached'}), ${(ms / loop).toFixed(2)}× the byte loop, ` +
        `${(ms / duckdbMs).toFixed(2)}× DuckDB (goal ≤ 0.3×: ${ms / duckdbMs <= 0.3 ? 'reached' : 'NOT reached'}); ` +
        `RSS ${(rss / duckdbRss).toFixed(2)}× DuckDB's, goal ≤ 120 MiB: ${rss <= 120 ? 'reached' : 'NOT reached'}`,
    );
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(', ')}; CPU pressure ${cpuPressure()} %`);
  console.log(freshMemoryLine());
  for (const o of report.objectives) {
    for (const r of o.results) console.log(`  ${o.name}: ${r.samples.toLocaleString('en')} eligible samples, attained ${r.attained}, ${r.status}`);
  }

  // Where the time goes, in this process.
  const scanOnly: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    scanOnly.push(await timeScanner(DATA));
    const t0 = process.hrtime.bigint();
    await evaluateFiles(CONTRACT_TEXT, CONTRACT, [DATA], { parallel: { workers: 1 } });
    full.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log('');
  console.log('in this process, one thread, JIT warm (no start-up):');
  console.log(`  read + CSV scan + timestamps + values, no evaluation: ${s(median(scanOnly))}`);
  console.log(`  full evaluation:                                       ${s(median(full))}`);

  // csv-parse against the scanner on a slice.
  const slice = statSync(SLICE).size;
  const ours = median([await timeScanner(SLICE), await timeScanner(SLICE), await timeScanner(SLICE)]);
  const theirs = median([await timeCsvParse(SLICE), await timeCsvParse(SLICE), await timeCsvParse(SLICE)]);
  console.log('');
  console.log(`csv-parse on a ${SLICE_ROWS.toLocaleString('en')}-row slice (${mb(slice)}), rows read with Date.parse + Number:`);
  console.log(`  csv-parse:        ${s(theirs)}   ${Math.round(SLICE_ROWS / (theirs / 1000)).toLocaleString('en')} rows/s  (≈ ${s((theirs * ROWS) / SLICE_ROWS)} for the full file)`);
  console.log(`  built-in scanner: ${s(ours)}   ${Math.round(SLICE_ROWS / (ours / 1000)).toLocaleString('en')} rows/s   (${(theirs / ours).toFixed(0)}× faster)`);
}

function readWhole(file: string): void {
  const fd = openSync(file, 'r');
  const b = Buffer.allocUnsafe(1 << 22);
  while (readSync(fd, b, 0, b.length, null) > 0);
  closeSync(fd);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
