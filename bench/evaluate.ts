// `npm run bench:evaluate`: `sla evaluate` on 10 million CSV samples (5 M latency
// observations and 5 M availability probes, one month) against a contract with an
// availability objective in business hours and a p95 latency objective.
//
// Prints, all measured in this run on the same file (page cache warm):
// - the baseline: a bare Node byte scan that only counts newlines (a separate process, like
//   the CLI run, so both pay Node's start-up);
// - `node dist/cli.js evaluate …`: wall time, samples/s, peak RSS, ratio to the baseline, by
//   default (the file read in parts on worker threads) and with SLA_WORKERS=1 (one thread);
// - where the time goes (in this process): reading + CSV scanning alone, then everything;
// - csv-parse (a general CSV library) against the built-in scanner on a slice of the file.
// Goal (issue 3): ≤ 3× the byte scan, peak RSS ≤ 300 MB.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import { parse as csvParse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { CsvSource } from '../server/src/evaluation/sources/csv';
import type { SampleSink } from '../server/src/evaluation/sources/index';
import { evaluateFiles } from '../server/src/evaluation/index';
import { ZoneRules } from '../server/src/evaluation/timezone';
import { median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, '.bench');
const ROWS = 10_000_000;
const DATA = path.join(DIR, `evaluate-${ROWS / 1e6}m-v1.csv`);
const SLICE = path.join(DIR, 'evaluate-slice-v1.csv');
const SLICE_ROWS = 500_000;
const CONTRACT = path.join(DIR, 'evaluate.sla');
const PRELOAD = path.join(DIR, 'report-rss.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUNS = 5;

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

interface ChildRun {
  ms: number;
  maxRssMb: number;
  stdout: string;
  status: number | null;
  stderr: string;
}

function runChild(args: string[], env: Record<string, string> = {}): ChildRun {
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr);
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout, status: result.status, stderr: result.stderr };
}

const nullSink: SampleSink = {
  zone: ZoneRules.of('Asia/Shanghai')!,
  metricId: () => 0,
  add: () => undefined,
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
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(CONTRACT, CONTRACT_TEXT);
  writeFileSync(
    PRELOAD,
    "process.on('exit', () => process.stderr.write(`\\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  if (!existsSync(DATA)) {
    console.log(`generating ${ROWS.toLocaleString('en')} rows into ${path.relative(ROOT, DATA)} (once; kept for later runs)…`);
    generate(DATA, ROWS);
  }
  if (!existsSync(SLICE)) generate(SLICE, SLICE_ROWS);
  const size = statSync(DATA).size;
  console.log(`data: ${path.relative(ROOT, DATA)}, ${ROWS.toLocaleString('en')} rows, ${mb(size)}; ${RUNS} runs each, median`);

  // Warm the page cache, then alternate baseline and CLI runs so both see the same machine state.
  readWhole(DATA);
  const scanIndexOf: number[] = [];
  const scanLoop: number[] = [];
  const cli: ChildRun[] = [];
  const cliOneThread: ChildRun[] = [];
  const evaluateArgs = [CLI, 'evaluate', CONTRACT, '--metrics', DATA, '--format', 'json'];
  for (let i = 0; i < RUNS; i++) {
    const a = runChild(['-e', BYTE_SCAN, DATA, 'indexOf']);
    const b = runChild(['-e', BYTE_SCAN, DATA, 'loop']);
    if (Number(a.stdout) !== ROWS + 1 || Number(b.stdout) !== ROWS + 1) throw new Error(`byte scan counted ${a.stdout}/${b.stdout} lines`);
    scanIndexOf.push(a.ms);
    scanLoop.push(b.ms);
    for (const [runs, env] of [[cli, {}], [cliOneThread, { SLA_WORKERS: '1' }]] as const) {
      const run = runChild(evaluateArgs, env);
      if (run.status !== 0 && run.status !== 1) throw new Error(`sla evaluate failed (${run.status}): ${run.stderr}`);
      runs.push(run);
    }
  }
  // The "bare Node byte scan" (≈ 0.65 s on this machine) is a loop over the bytes;
  // Buffer.indexOf (memchr in C++) is a stricter floor, shown too.
  const baseline = median(scanLoop);
  const floor = median(scanIndexOf);
  const report = JSON.parse(cli[0].stdout) as { objectives: { name: string; results: { samples: number; attained: number; status: string }[] }[]; metricsRead: number };
  if (report.metricsRead !== ROWS) throw new Error(`the report read ${report.metricsRead} rows`);
  if (cliOneThread[0].stdout !== cli[0].stdout) console.log('note: the one-thread report differs from the default one (sums added in another order)');

  console.log('');
  console.log(`baseline, byte scan (a loop over the bytes counting \\n): ${s(baseline)}`);
  console.log(`stricter floor, Buffer.indexOf(\\n) (memchr):             ${s(floor)}`);
  const workers = existsSync(path.join(ROOT, 'dist', 'evaluation-worker.js')) ? `${Math.min(availableParallelism(), 4)} threads` : 'one thread: no dist/evaluation-worker.js';
  for (const [label, runs] of [[`sla evaluate (${workers})`, cli], ['sla evaluate, SLA_WORKERS=1', cliOneThread]] as const) {
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    console.log(`${label}:`);
    console.log(`  wall ${s(ms)}   ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} samples/s   peak RSS ${rss.toFixed(0)} MB`);
    console.log(
      `  ratio to the byte scan ${(ms / baseline).toFixed(2)}× (goal ≤ 3×: ${ms / baseline <= 3 ? 'reached' : 'NOT reached'}), ` +
        `to indexOf ${(ms / floor).toFixed(2)}×; RSS goal ≤ 300 MB: ${rss <= 300 ? 'reached' : 'NOT reached'}`,
    );
  }
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
