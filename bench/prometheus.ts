// `npm run bench:prometheus`: what pushing the aggregation down saves, per engine, and what
// sharing identical queries saves for a provider's portfolio. One month of 15-second
// samples (an availability probe, and good/all request counts from two instances) is
// backfilled into a real Prometheus and imported into a real VictoriaMetrics; a contract
// with an availability and a ratio objective in business hours (with weekly maintenance)
// is evaluated against each with push-down (sum/count per eligible interval, computed by
// the server) and by pulling every raw sample, in the same run, alternating, several
// times. Then a portfolio of 100 such contracts (one per customer, four kinds of terms) is
// evaluated against each engine with the shared query cache and without it. Prints
// queries, bytes received (response bodies after decompression) and wall time of each,
// the ratios, and checks that every report equals the one the same samples give from a
// CSV file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluateContract, type Report } from '../server/src/evaluation/index';
import { evaluatePortfolio, type PortfolioReport } from '../server/src/evaluation/portfolio';
import { PrometheusSource, QueryCache } from '../server/src/evaluation/prometheus/index';
import { PrometheusUnavailable, ensureTools, startPrometheus, type Series } from '../scripts/prometheus/prometheus';
import { startVictoriaMetrics } from '../scripts/prometheus/victoriametrics';

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

const RUNS = 3;
const PORTFOLIO = 100;

/** Contract i of the portfolio: its own customer, one of four kinds of terms. */
function portfolioContract(i: number): string {
  const kind = i % 4;
  let text = CONTRACT.replace('customer "C"', `customer "Customer ${i}"`);
  if (kind === 1) text = text.replace('target >= 99.9%', 'target >= 99.5%');
  if (kind === 2) text = text.replace('fee 1000 EUR per month', 'fee 8000 CNY per month');
  // Around the clock instead of business hours: other intervals, other queries.
  if (kind === 3) text = text.replace('window calendar month during business_hours excluding weekly }', 'window calendar month excluding weekly }');
  return text;
}

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

interface PortfolioMeasured {
  queries: number;
  shared: number;
  bytes: number;
  ms: number;
  summary: PortfolioReport;
}

async function measurePortfolio(url: string, files: { path: string; name: string }[], share: boolean): Promise<PortfolioMeasured> {
  const cache = share ? new QueryCache() : undefined;
  const sources: PrometheusSource[] = [];
  const started = performance.now();
  const summary = await evaluatePortfolio(files, () => {
    const source = new PrometheusSource({ url, cache });
    sources.push(source);
    return { sources: [source] };
  });
  const ms = performance.now() - started;
  const logs = sources.map((s) => s.queryLog());
  return { queries: logs.reduce((n, l) => n + l.count, 0), shared: cache?.hits ?? 0, bytes: logs.reduce((n, l) => n + l.bytes, 0), ms, summary };
}

/** Whether every contract's report equals the CSV report of its kind of terms (contract i has kind i % 4). */
function sameAsCsv(p: PortfolioReport, csvByKind: Report[]): boolean {
  return p.contracts.every((row, i) => row.report !== undefined && comparable(row.report) === comparable(csvByKind[i % 4]));
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
  const [prometheus, victoriaMetrics] = await Promise.all([
    startPrometheus({ series: data.series, tools, log: (m) => console.log(`  ${m}`) }),
    startVictoriaMetrics({ series: data.series, log: (m) => console.log(`  ${m}`) }),
  ]);
  const engines = [
    { name: tools.version.replace(/^prometheus, version (\S+).*$/, 'Prometheus $1'), url: prometheus.url },
    { name: victoriaMetrics.version, url: victoriaMetrics.url },
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-bench-prom-'));
  let allSame = true;
  try {
    const csvFile = path.join(dir, 'metrics.csv');
    writeFileSync(csvFile, data.csv);
    const csvMs: number[] = [];
    let csvReport: Report | undefined;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      csvReport = (await evaluateContract(CONTRACT, 'bench.sla', { metrics: [csvFile] }, { parallel: { workers: 0 } })).report;
      csvMs.push(performance.now() - started);
    }
    console.log('');
    console.log(`2 objectives (availability, ratio), calendar month in business hours; wall time: median of ${RUNS} runs`);
    console.log(`  the same samples from a CSV file: ${median(csvMs).toFixed(0).padStart(6)} ms`);
    for (const engine of engines) {
      // Warm-up: the server opens its blocks, the JIT warms.
      await measure(engine.url, true);
      await measure(engine.url, false);
      const pushed: Measured[] = [];
      const raw: Measured[] = [];
      for (let i = 0; i < RUNS; i++) {
        pushed.push(await measure(engine.url, true));
        raw.push(await measure(engine.url, false));
      }
      const same = [...pushed, ...raw].every((m) => comparable(m.report) === comparable(csvReport!));
      allSame &&= same;
      const p = pushed[0];
      const r = raw[0];
      const pMs = median(pushed.map((m) => m.ms));
      const rMs = median(raw.map((m) => m.ms));
      console.log(`  ${engine.name}`);
      console.log(`    push-down (sum/count per interval):  ${String(p.queries).padStart(5)} queries  ${kib(p.bytes).padStart(12)}  ${pMs.toFixed(0).padStart(6)} ms`);
      console.log(`    raw samples pulled (--no-push-down): ${String(r.queries).padStart(5)} queries  ${kib(r.bytes).padStart(12)}  ${rMs.toFixed(0).padStart(6)} ms`);
      console.log(`    raw / push-down: ${(r.queries / p.queries).toFixed(1)}× the queries, ${(r.bytes / p.bytes).toFixed(0)}× the bytes, ${(rMs / pMs).toFixed(1)}× the time`);
      console.log(`    reports identical (push-down, raw, CSV): ${same ? 'yes' : 'NO'}`);
    }

    // The portfolio: 100 contracts, four kinds of terms over the same series.
    const folder = path.join(dir, 'portfolio');
    mkdirSync(folder);
    const files = Array.from({ length: PORTFOLIO }, (_, i) => {
      const file = path.join(folder, `customer-${String(i).padStart(3, '0')}.sla`);
      writeFileSync(file, portfolioContract(i));
      return { path: file, name: path.basename(file) };
    });
    // The CSV reference: one contract of each kind (a file is read once per contract, so 100 would take minutes).
    const csvByKind: Report[] = [];
    for (let kind = 0; kind < 4; kind++) {
      csvByKind.push((await evaluateContract(portfolioContract(kind), 'bench.sla', { metrics: [csvFile] }, { parallel: { workers: 0 } })).report);
    }
    console.log('');
    console.log(`a portfolio of ${PORTFOLIO} such contracts (one per customer, 4 kinds of terms), push-down; one run each`);
    for (const engine of engines) {
      const alone = await measurePortfolio(engine.url, files, false);
      const shared = await measurePortfolio(engine.url, files, true);
      const same = [alone, shared].every((m) => sameAsCsv(m.summary, csvByKind));
      allSame &&= same;
      console.log(`  ${engine.name}`);
      console.log(`    every contract on its own: ${String(alone.queries).padStart(6)} queries  ${kib(alone.bytes).padStart(12)}  ${alone.ms.toFixed(0).padStart(6)} ms`);
      console.log(
        `    shared identical queries:  ${String(shared.queries).padStart(6)} queries  ${kib(shared.bytes).padStart(12)}  ${shared.ms.toFixed(0).padStart(6)} ms  (${shared.shared} answered from the cache)`,
      );
      console.log(
        `    saving: ${(alone.queries / shared.queries).toFixed(1)}× fewer queries, ${(alone.bytes / shared.bytes).toFixed(1)}× fewer bytes, ${(alone.ms / shared.ms).toFixed(1)}× less time; reports identical to the CSV ones: ${same ? 'yes' : 'NO'}`,
      );
    }
    if (!allSame) process.exitCode = 1;
  } finally {
    await Promise.all([prometheus.stop(), victoriaMetrics.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
