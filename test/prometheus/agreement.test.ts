// `sla evaluate --prometheus` against a real Prometheus and a real VictoriaMetrics holding
// the same samples as a CSV file: the reports must be the same, field for field
// (metricsRead, which counts rows read, and the query log aside), with and without pushing
// the aggregation down, percentiles and rolling windows included.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runEvaluatePortfolio, type EvaluateCommandOptions } from '../../cli/src/evaluate';
import { evaluateCaptured } from './evaluateCli';
import type { PortfolioReport } from '../../server/src/evaluation/portfolio';
import type { Report } from '../../server/src/evaluation/index';
import { AT, CONTRACT } from './fixture';
import { stopPrometheus, usePrometheus, type Shared } from './server';

after(stopPrometheus);

function run(options: EvaluateCommandOptions, contractFile: string, env: Record<string, string | undefined> = {}) {
  return evaluateCaptured(contractFile, options, env);
}

function comparable(report: Report): unknown {
  const { metricsRead: _rows, queries: _queries, ...rest } = report;
  return rest;
}

function contractFile(shared: Shared, name: string, text: string): string {
  const file = path.join(shared.dir, name);
  writeFileSync(file, text);
  return file;
}

const ENGINES = ['Prometheus', 'VictoriaMetrics'];

for (const [engineIndex, engine] of ENGINES.entries()) describe(`${engine} and the CSV form of the same samples give the same report`, function () {
  let shared: Shared;
  let file: string;
  let fromCsv: { status: number; report: Report };
  let url: string;

  before(async function () {
    shared = await usePrometheus(this);
    url = shared.engines[engineIndex].url;
    file = contractFile(shared, 'chat.sla', CONTRACT);
    const csv = await run({ metrics: [shared.csvFile], at: AT, explain: true }, file);
    assert.equal(csv.stderr, '');
    fromCsv = { status: csv.status, report: JSON.parse(csv.stdout) as Report };
  });

  it('the CSV report is worth comparing: breaches, tiers, a capped month, credits, rolling windows, no-data, DST', function () {
    const r = fromCsv.report;
    assert.equal(fromCsv.status, 1);
    const byName = Object.fromEntries(r.objectives.map((o) => [o.name, o]));
    assert.deepEqual(Object.keys(byName), ['uptime', 'uptime_daily', 'uptime_7d', 'success_weekly', 'latency_p95', 'latency_avg', 'latency_max']);
    assert.deepEqual(
      byName.uptime.results.map((x) => [x.start, x.status, x.credit]),
      [
        ['2026-09-01T00:00:00+02:00', 'breached', 10],
        ['2026-10-01T00:00:00+02:00', 'breached', 25],
        ['2026-11-01T00:00:00+01:00', 'no-data', 0],
      ],
    );
    assert.equal(byName.uptime_daily.results.length, 34);
    assert.ok(byName.uptime.results[0].explain!.outsideEffective > 0, 'September starts before the effective dates');
    assert.ok(byName.uptime.results[1].explain!.inMaintenance > 0);
    assert.equal(byName.latency_max.results[0].attained, 1900, 'the sample at --at counts, the one a day before does not');
    assert.equal(r.credits.find((c) => c.start.startsWith('2026-10-01'))!.percent, 25);
    assert.equal(r.credits.find((c) => c.start.startsWith('2026-10-01'))!.uncapped, 30);
    assert.deepEqual(r.warnings, []); // 1.1: always present
  });

  it('pushing the aggregation down: the same report, --explain counts included', async function () {
    const prom = await run({ prometheus: url, at: AT, explain: true }, file);
    assert.equal(prom.stderr, '');
    assert.equal(prom.status, fromCsv.status);
    const report = JSON.parse(prom.stdout) as Report;
    assert.deepEqual(comparable(report), comparable(fromCsv.report));
    // Mean availability and ratios were counted and added up by Prometheus: only the
    // latency objectives (p95, avg, max) read raw samples, of their eligible intervals.
    const log = report.queries![0];
    assert.equal(log.source, url);
    assert.ok(log.count < 60, `${log.count} queries`);
    assert.ok(log.first.some((q) => q.includes('sum(count_over_time(probe_success{job="chat"}[')));
    assert.ok(report.metricsRead < shared.dataset.samples / 4, `${report.metricsRead} raw samples received`);
  });

  it('reading every raw sample instead (--no-push-down): the same report, at the cost of many more queries and bytes', async function () {
    const pushed = JSON.parse((await run({ prometheus: url, at: AT, explain: true }, file)).stdout) as Report;
    const raw = await run({ prometheus: url, at: AT, explain: true, pushDown: false }, file);
    assert.equal(raw.stderr, '');
    assert.equal(raw.status, fromCsv.status);
    const report = JSON.parse(raw.stdout) as Report;
    assert.deepEqual(comparable(report), comparable(fromCsv.report));
    assert.ok(report.queries![0].count > 3 * pushed.queries![0].count);
    // Each raw sample once: probe and latency samples all (calendar months), request counts
    // (2 × good and all) those of the weeks from Monday 28 September to Sunday 1 November, Berlin.
    const times = Array.from(shared.dataset.series[0].times);
    const inWeeks = times.filter((t) => t >= Date.UTC(2026, 8, 27, 22) && t < Date.UTC(2026, 10, 1, 23)).length;
    assert.equal(report.metricsRead, 2 * times.length + 4 * inWeeks);
    assert.ok(report.queries![0].bytes > 3 * pushed.queries![0].bytes);
  });

  it('a rolling window ending on a schedule boundary: the single millisecond at its end is asked exactly', async function () {
    // 18:00 ends the business day: the window's last millisecond is outside the schedule.
    const prom = JSON.parse((await run({ prometheus: url, at: AT, explain: true }, file)).stdout) as Report;
    const csv = fromCsv.report.objectives.find((o) => o.name === 'uptime_7d')!.results[0];
    assert.deepEqual(prom.objectives.find((o) => o.name === 'uptime_7d')!.results[0], csv);
    assert.ok(csv.explain!.outsideSchedule > 0);
  });

  it('text output with --explain lists the number of queries and the PromQL of the first ones', async function () {
    const prom = await run({ prometheus: url, at: AT, explain: true, format: 'text' }, file);
    assert.equal(prom.status, 1);
    assert.match(prom.stdout, new RegExp(`Prometheus ${url.replace(/[.]/g, '\\.')}: \\d+ queries, [\\d.]+ (KiB|MiB|bytes) received; the first 5:`));
    assert.match(prom.stdout, /^ {2}label_replace\(sum\(count_over_time\(probe_success\{job="chat"\}\[\d+ms\] @ \d+(\.\d{3})?\)\), "sla_term", "0", "", ""\) or /m);
    assert.match(prom.stdout, /2026-10\s+10752\s+97\.6563%\s+>= 99\.5%\s+BREACHED\s+25%/);
  });
});

for (const [engineIndex, engine] of ENGINES.entries()) describe(`${engine}: selectors that find nothing, bad selectors, bad values`, function () {
  let shared: Shared;
  let url: string;

  before(async function () {
    shared = await usePrometheus(this);
    url = shared.engines[engineIndex].url;
  });

  const contract = (metric: string, extra = '') => `sla S {
  version "1"
  provider "P"
  customer "C"
  effective 2026-10-01 to 2026-10-31
  timezone "Europe/Berlin"
  indicator probe { kind availability metric ${JSON.stringify(metric)} }
  objective week { indicator probe target >= 99% window rolling 7d }
  objective month { indicator probe target >= 99% window calendar month }
  ${extra}
  reporting monthly
  review yearly
}
`;

  it('a selector that matches no series (1.1): a missing metric, exit 2 with a did-you-mean over the names the server knows, no report', async function () {
    const file = contractFile(shared, 'typo.sla', contract('probe_succes{job="chat"}'));
    const prom = await run({ prometheus: url, at: AT }, file);
    assert.equal(prom.status, 2);
    assert.equal(prom.stdout, '');
    const problem = 'metric "probe_succes{job="chat"}" (named by indicator probe) matches no series on the Prometheus server, at any time; did you mean "probe_success{job="chat"}"?';
    assert.equal(prom.stderr, `sla evaluate: ${problem}\n`);
    // --allow-missing-metrics: the same text as a warning, in the report and on stderr; no-data.
    const allowed = await run({ prometheus: url, at: AT, allowMissingMetrics: true }, file);
    assert.equal(allowed.status, 0);
    const report = JSON.parse(allowed.stdout) as Report;
    assert.deepEqual(
      report.objectives.map((o) => o.results.map((r) => [r.status, r.samples])),
      [[['no-data', 0]], []],
    );
    assert.deepEqual(report.warnings, [problem]);
    assert.equal(allowed.stderr, `sla evaluate: warning: ${problem}\n`);
    // The metric exists, its labels match nothing: the message says so.
    const labels = await run({ prometheus: url, at: AT }, contractFile(shared, 'labels.sla', contract('probe_success{job="chta"}')));
    assert.equal(labels.status, 2);
    assert.match(labels.stderr, /^sla evaluate: metric "probe_success\{job="chta"\}" \(named by indicator probe\) matches no series on the Prometheus server, at any time: the server has metric probe_success, but no series of it with these labels/);
  });

  it('a selector whose series have no samples in the evaluated time: a warning saying so', async function () {
    const file = contractFile(shared, 'earlier.sla', contract('probe_success{job="chat"}').replace('2026-10-01 to 2026-10-31', '2026-03-01 to 2026-03-31'));
    const prom = await run({ prometheus: url, at: '2026-03-20T00:00:00Z' }, file);
    assert.equal(prom.status, 0);
    assert.match(
      prom.stderr,
      /^sla evaluate: warning: indicator probe: probe_success\{job="chat"\} has no samples in Prometheus at \S+ between 2026-03-01T00:00:00\+01:00 and 2026-04-01T00:00:00\+02:00\n$/,
    );
  });

  it('a selector the server refuses: exit 2 and the server\'s own error text, naming the selector', async function () {
    const file = contractFile(shared, 'regexp.sla', contract('probe_success{job=~"("}'));
    const prom = await run({ prometheus: url, at: AT }, file);
    assert.equal(prom.status, 2);
    assert.equal(prom.stdout, '');
    assert.match(
      prom.stderr,
      /^sla evaluate: Prometheus at \S+: the query for the selector probe_success\{job=~"\("\} was refused: HTTP (400 Bad Request: bad_data: invalid parameter "query": |422 Unprocessable Entity: 422: error when executing query=).*error parsing regexp: missing closing \)/,
    );
  });

  it('a metric string that is no series selector is refused before anything is sent', async function () {
    const file = contractFile(shared, 'rate.sla', contract('rate(probe_success[5m])'));
    const prom = await run({ prometheus: url, at: AT }, file);
    assert.equal(prom.status, 2);
    assert.match(prom.stderr, /^sla evaluate: Prometheus at \S+: metric "rate\(probe_success\[5m\]\)" is not a PromQL series selector: /);
  });

  it('an availability value outside [0, 1] is a data error, as in files, naming the selector and the period', async function () {
    const file = contractFile(shared, 'broken.sla', contract('probe_success{job="broken"}'));
    const prom = await run({ prometheus: url, at: AT }, file);
    assert.equal(prom.status, 2);
    assert.match(
      prom.stderr,
      /^sla evaluate: Prometheus at \S+: value 2 of probe_success\{job="broken"\} between 2026-10-\d\dT\S+ and 2026-1\d-\d\dT\S+ is outside \[0, 1\]/,
    );
  });

  it('a calendar window needs a start: the contract\'s effective date, else --from', async function () {
    const open = contract('probe_success{job="chat"}').replace('  effective 2026-10-01 to 2026-10-31\n', '');
    const file = contractFile(shared, 'open.sla', open);
    const without = await run({ prometheus: url, at: AT }, file);
    assert.equal(without.status, 2);
    assert.match(without.stderr, /objective month has a calendar window and the contract has no `effective` start date: .*--from TIME/);
    const withFrom = await run({ prometheus: url, at: AT, from: '2026-10-01 00:00' }, file);
    assert.equal(withFrom.stderr, '');
    const report = JSON.parse(withFrom.stdout) as Report;
    // From October on, up to now (the samples end on 3 November 2026).
    const starts = report.objectives[1].results.map((r) => r.start);
    assert.equal(starts[0], '2026-10-01T00:00:00+02:00');
    assert.ok(starts.every((s) => s >= '2026-10' && s < '2026-12'), starts.join(', '));
  });

  it('--to ends the calendar periods: the month it cuts is partial, in JSON and text', async function () {
    const open = contract('probe_success{job="chat"}').replace('  effective 2026-10-01 to 2026-10-31\n', '');
    const file = contractFile(shared, 'open-to.sla', open);
    const json = await run({ prometheus: url, at: AT, from: '2026-09-01 00:00', to: '2026-10-16 00:00' }, file);
    assert.equal(json.stderr, '');
    const months = (JSON.parse(json.stdout) as Report).objectives[1].results;
    assert.deepEqual(
      months.map((r) => [r.start, r.partial]),
      [
        ['2026-09-01T00:00:00+02:00', undefined],
        ['2026-10-01T00:00:00+02:00', true],
      ],
    );
    // 27 September 00:00 UTC to 15 October 22:00 UTC, one sample a minute (and the boundary extras).
    assert.ok(months[1].samples > 15 * 1440 && months[1].samples < 16 * 1440, String(months[1].samples));
    const text = await run({ prometheus: url, at: AT, from: '2026-09-01 00:00', to: '2026-10-16 00:00', format: 'text' }, file);
    assert.match(text.stdout, /^ {2}2026-10 \(partial data\) +\d+ /m);
  });
});

describe('a portfolio (sla evaluate DIR): files, Prometheus and VictoriaMetrics give the same summary; identical queries are shared', function () {
  let shared: Shared;
  let folder: string;

  before(async function () {
    shared = await usePrometheus(this);
    folder = path.join(shared.dir, 'portfolio');
    mkdirSync(folder, { recursive: true });
    // Three customers on the same service: two with the same terms, one with a looser target.
    writeFileSync(path.join(folder, 'alpha.sla'), CONTRACT.replace('customer "C"', 'customer "Alpha GmbH"'));
    writeFileSync(path.join(folder, 'beta.sla'), CONTRACT.replace('customer "C"', 'customer "Beta AG"'));
    writeFileSync(
      path.join(folder, 'gamma.sla'),
      CONTRACT.replace('customer "C"', 'customer "Gamma SE"').replace(/target >= 99\.5%/g, 'target >= 90%').replace(/below 99\.5%/g, 'below 90%').replace('target p95 <= 300ms', 'target p95 <= 3000ms').replace('target avg <= 200ms', 'target avg <= 2000ms').replace('target >= 99% window calendar day', 'target >= 90% window calendar day').replace('target >= 99% window rolling 7d', 'target >= 90% window rolling 7d'),
    );
  });

  async function portfolio(options: EvaluateCommandOptions) {
    let stdout = '';
    let stderr = '';
    const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
    const status = await runEvaluatePortfolio([folder], { format: 'json', at: AT, ...options }, io, { env: {} });
    return { status, stderr, summary: JSON.parse(stdout) as PortfolioReport };
  }

  const comparableSummary = (p: PortfolioReport) => ({
    totals: p.totals,
    contracts: p.contracts.map(({ report, ...row }) => ({ ...row, report: report && comparable(report) })),
  });

  it('the same summary from the CSV file and from both servers, with the queries the contracts share answered once', async function () {
    const files = await portfolio({ metrics: [shared.csvFile] });
    assert.equal(files.stderr, '');
    assert.equal(files.status, 1);
    assert.deepEqual(
      files.summary.contracts.map((r) => [path.basename(r.contract), r.customer, r.status, r.credits]),
      [
        ['alpha.sla', 'Alpha GmbH', 'breached', [{ currency: 'EUR', amount: 400 }]],
        ['beta.sla', 'Beta AG', 'breached', [{ currency: 'EUR', amount: 400 }]],
        // One day below even 90% (the 2½-hour outage), but no tier pays for it.
        ['gamma.sla', 'Gamma SE', 'breached', []],
      ],
    );
    assert.deepEqual(files.summary.totals.credits, [{ currency: 'EUR', amount: 800 }]);
    for (const engine of shared.engines) {
      const served = await portfolio({ prometheus: engine.url });
      assert.equal(served.stderr, '', engine.name);
      assert.equal(served.status, 1);
      assert.deepEqual(comparableSummary(served.summary), comparableSummary(files.summary), engine.name);
      // Beta asks exactly what Alpha asked: all of it is answered from the shared queries.
      const q = served.summary.queries!;
      assert.ok(q.shared > q.sent / 2, `${engine.name}: ${JSON.stringify(q)}`);
    }
  });

  it('text and Markdown summaries: a line per contract with customer, status and credits owed, then the totals', async function () {
    const outputs: Record<string, string> = {};
    for (const format of ['text', 'markdown'] as const) {
      let stdout = '';
      const io = { out: (t: string) => (stdout += t), err: () => undefined };
      const status = await runEvaluatePortfolio([folder], { format, at: AT, prometheus: shared.engines[1].url }, io, { env: {} });
      assert.equal(status, 1);
      outputs[format] = stdout;
    }
    assert.match(outputs.text, /^Portfolio: 3 contracts: 0 met, 3 breached, 0 with insufficient data, 0 not evaluated; credits owed: 800 EUR$/m);
    assert.match(outputs.text, /^ {2}\S*alpha\.sla +Alpha GmbH +ChatCloud +BREACHED +400 EUR$/m);
    assert.match(outputs.text, /^ {2}\S*gamma\.sla +Gamma SE +ChatCloud +BREACHED +-$/m);
    assert.match(outputs.text, /^\d+ requests sent, \d+ of \d+ answered by identical queries of an earlier contract, \d+ bytes received$/m);
    assert.match(outputs.markdown, /^\| Contract \| Customer \| SLA \| Status \| Credits owed \|$/m);
    assert.match(outputs.markdown, /^\| \S*beta\.sla \| Beta AG \| ChatCloud \| BREACHED \| 400 EUR \|$/m);
  });
});
