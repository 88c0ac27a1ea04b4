// `npm run bench:prometheus`: what pushing the aggregation down to Prometheus saves. One
// month of 15-second samples (an availability probe, and good/all request counts from two
// instances) is backfilled into a real Prometheus; a contract with an availability and a
// ratio objective in business hours (with weekly maintenance) is evaluated against it with
// push-down (sum/count per eligible interval, computed by Prometheus) and by pulling every
// raw sample, in the same run, alternating, several times. Prints queries, bytes received
// (response bodies after decompression) and wall time of each, the ratios, and checks that
// both reports equal the one the same samples give from a CSV file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluateContract, type Report } from '../server/src/evaluation/index';
import { PrometheusSource } from '../server/src/evaluation/prometheus/index';
import { PrometheusUnavailable, ensureTools, startPrometheus, type Series } from '../scripts/prometheus/prometheus';

const CONTRACT = `sla Bench {
  version "1"
  provider "P"
  customer "C"
  effective 2026-10-01 to 2026-10-31
  timezone "Europe/Berlin"
  fee 1000 EUR per month
  schedule business_hours { mon..fri 09:00-18:00 }
  maintenance weekly { every sun 02:00-04:00 }
  indicator probe { kind availability metric "probe_success{job=\\"api\\"}" }
  indicator requests { kind availability ratio good "http_requests_good{job=\\"api\\"}" total "http_requests_all{job=\\"api\\"}" }
  objective uptime { indicator probe target >= 99.9% window calendar month during business_hours excluding weekly }
  objective success { indicator requests target >= 99.5% window calendar month during business_hours excluding weekly }
  compensation for uptime { below 99.9% credit 10% }
  compensation for success { below 99.5% credit 5% }
  credits { claim within 30d }
  reporting monthly
  review yearly
}
`;

const RUNS = 5;

function samples(): { series: Series[]; csv: string; count: number } {
  // The month in Berlin: 30 September 22:00 UTC to 31 October 23:00 UTC.
  const start = Date.UTC(2026, 8, 30, 22);
  const end = Date.UTC(2026, 9, 31, 23);
  const times: number[] = [];
  for (let t = start; t < end; t += 15_000) times.push(t);
  let seed = 42;
  const rng = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const probe = times.map(() => (rng() < 0.0015 ? 0 : 1));
  const all = [0, 1].map(() => times.map(() => 20 + Math.floor(rng() * 60)));
  const good = all.map((counts) => counts.map((n) => n - (rng() < 0.05 ? 1 + Math.floor(rng() * 3) : 0)));
  const series: Series[] = [
    { name: 'probe_success', labels: { job: 'api' }, times, values: probe },
    ...[0, 1].flatMap((i) => [
      { name: 'http_requests_good', labels: { job: 'api', instance: `i${i}` }, times, values: good[i] },
      { name: 'http_requests_all', labels: { job: 'api', instance: `i${i}` }, times, values: all[i] },
    ]),
  ];
  const rows = ['timestamp,metric,value'];
  const names = ['"probe_success{job=""api""}"', '"http_requests_good{job=""api""}"', '"http_requests_all{job=""api""}"'];
  times.forEach((t, k) => {
    const ts = new Date(t).toISOString();
    rows.push(`${ts},${names[0]},${probe[k]}`);
    for (let i = 0; i < 2; i++) rows.push(`${ts},${names[1]},${good[i][k]}`, `${ts},${names[2]},${all[i][k]}`);
  });
  return { series, csv: rows.join('\n') + '\n', count: series.reduce((n, s) => n + s.times.length, 0) };
}

interface Measured {
  queries: number;
  bytes: number;
  ms: number;
  report: Report;
}

async function measure(url: string, pushDown: boolean): Promise<Measured> {
  const source = new PrometheusSource({ url, pushDown });
  const started = performance.now();
  const { report } = await evaluateContract(CONTRACT, 'bench.sla', { sources: [source] }, {});
  const ms = performance.now() - started;
  const log = source.queryLog();
  return { queries: log.count, bytes: log.bytes, ms, report };
}

function comparable(report: Report): string {
  const { metricsRead: _rows, queries: _queries, ...rest } = report;
  return JSON.stringify(rest);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  let tools;
  try {
    tools = ensureTools((m) => console.log(`  ${m}`));
  } catch (error) {
    if (error instanceof PrometheusUnavailable) {
      console.log(`bench:prometheus needs Prometheus: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const data = samples();
  console.log(tools.version);
  console.log(`data: one month of 15-second samples, ${data.count.toLocaleString('en-US')} samples in 5 series (probe; good and all of 2 instances)`);
  const prometheus = await startPrometheus({ series: data.series, tools, log: (m) => console.log(`  ${m}`) });
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-bench-prom-'));
  try {
    const csvFile = path.join(dir, 'metrics.csv');
    writeFileSync(csvFile, data.csv);
    // Warm-up: Prometheus opens its blocks, the JIT warms.
    await measure(prometheus.url, true);
    await measure(prometheus.url, false);
    const pushed: Measured[] = [];
    const raw: Measured[] = [];
    const csvMs: number[] = [];
    let csvReport: Report | undefined;
    for (let i = 0; i < RUNS; i++) {
      pushed.push(await measure(prometheus.url, true));
      raw.push(await measure(prometheus.url, false));
      const started = performance.now();
      csvReport = (await evaluateContract(CONTRACT, 'bench.sla', { metrics: [csvFile] }, { parallel: { workers: 0 } })).report;
      csvMs.push(performance.now() - started);
    }
    const same = [...pushed, ...raw].every((m) => comparable(m.report) === comparable(csvReport!));
    const p = pushed[0];
    const r = raw[0];
    const pMs = median(pushed.map((m) => m.ms));
    const rMs = median(raw.map((m) => m.ms));
    console.log('');
    console.log(`2 objectives (availability, ratio), calendar month in business hours; wall time: median of ${RUNS} runs`);
    console.log(`  push-down (sum/count per interval):  ${String(p.queries).padStart(5)} queries  ${kib(p.bytes).padStart(12)}  ${pMs.toFixed(0).padStart(6)} ms`);
    console.log(`  raw samples pulled (--no-push-down): ${String(r.queries).padStart(5)} queries  ${kib(r.bytes).padStart(12)}  ${rMs.toFixed(0).padStart(6)} ms`);
    console.log(`  the same samples from a CSV file:                              ${median(csvMs).toFixed(0).padStart(6)} ms`);
    console.log(
      `  raw / push-down: ${(r.queries / p.queries).toFixed(1)}× the queries, ${(r.bytes / p.bytes).toFixed(0)}× the bytes, ${(rMs / pMs).toFixed(1)}× the time`,
    );
    console.log(`  reports identical (push-down, raw, CSV): ${same ? 'yes' : 'NO'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await prometheus.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
