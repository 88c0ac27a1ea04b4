// `sla evaluate`: the README's main command on the bundled sample, output formats, exit
// codes, and the message and exit code of every kind of bad input.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEvaluate, type EvaluateCommandOptions } from '../../cli/src/evaluate';
import { evaluateFiles, type Report } from '../../server/src/evaluation/index';
import { ROOT, runCli, tempTree } from '../helpers/cli';

/** runEvaluate in this process, with output captured. */
async function evaluate(contract: string, options: Partial<EvaluateCommandOptions> & { metrics: string[] }, cwd?: string) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const status = await runEvaluate(contract, { format: 'text', ...options }, io, { progress: false, cwd });
  return { status, stdout, stderr };
}

const CONTRACT = `sla Shop {
  version "3"
  provider "P"
  customer "C"
  timezone "UTC"
  fee 1000 EUR per month
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar month }
  compensation for uptime { below 90% credit 10% }
  credits { claim within 30d }
  reporting monthly
  review yearly
}
sla Other {
  version "1"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "up" }
  objective all_up { indicator probe target >= 100% window calendar month }
  reporting monthly
  review yearly
}
`;
const MET = 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-02T00:00:00Z,up,1\n';
const BREACHED = 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-02T00:00:00Z,up,0\n';

describe('sla evaluate', () => {
  it('prints the report of the 蓝莺IM sample (the README command): September met, October breached, 4200 CNY owed', () => {
    const run = runCli(['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^LanyingIM "蓝莺IM 企业级聊天云服务", version 2\.1\.0/);
    assert.match(run.stdout, /2026-09\s+11340\s+99\.9559%\s+>= 99\.9%\s+met\s+0%/);
    assert.match(run.stdout, /2026-10\s+9180\s+98\.8998%\s+>= 99\.9%\s+BREACHED\s+25%/);
    assert.match(run.stdout, /2026-10\s+35%\s+4200 CNY/);
    assert.equal(run.stderr, '');
  });

  it('gives the same JSON report from the CSV and the Prometheus forms of the sample, as section 5 shapes it', () => {
    const csv = runCli(['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv', '--format', 'json']);
    const prom = runCli(['evaluate', 'samples/lanying-im.sla', '-m', 'samples/metrics/prometheus/*.json', '-f', 'json']);
    assert.equal(csv.status, 1);
    assert.equal(prom.status, 1);
    assert.equal(prom.stdout, csv.stdout);
    const report = JSON.parse(csv.stdout) as Report;
    assert.deepEqual(Object.keys(report).slice(0, 4), ['sla', 'version', 'objectives', 'credits']);
    assert.deepEqual(Object.keys(report.objectives[0]).slice(0, 4), ['name', 'indicator', 'target', 'results']);
    assert.deepEqual(Object.keys(report.objectives[0].results[0]).slice(0, 6), ['start', 'end', 'samples', 'attained', 'status', 'credit']);
    assert.deepEqual(report.objectives[0].results[0], {
      start: '2026-09-01T00:00:00+08:00',
      end: '2026-10-01T00:00:00+08:00',
      samples: 11340,
      attained: report.objectives[0].results[0].attained,
      status: 'met',
      credit: 0,
      coverage: null,
    });
    assert.deepEqual(
      report.credits.map(({ start, end, percent, amount, currency }) => ({ start, end, percent, amount, currency })),
      [{ start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', percent: 35, amount: 4200, currency: 'CNY' }],
    );
  });

  it('prints Markdown tables and, with --explain, what each rule left out', async () => {
    const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': BREACHED });
    const md = await evaluate('c.sla', { metrics: ['m.csv'], format: 'markdown' }, dir);
    assert.equal(md.status, 1);
    assert.match(md.stdout, /^# SLA report: Shop/m);
    assert.match(md.stdout, /\| Period \| Samples \| Attained \| Status \| Credit \|/);
    assert.match(md.stdout, /\| 2026-10 \| 2 \| 50% \| ❌ breached \| 10% \|/);
    assert.match(md.stdout, /\| 2026-10 \| 10% \| 100 EUR \|/);
    const explained = await evaluate('c.sla', { metrics: ['m.csv'], explain: true }, dir);
    assert.match(explained.stdout, /left out: 0 outside the effective dates, 0 outside the schedule, 0 in maintenance; tier below 90% → credit 10%/);
  });

  it('exits 0 when every result is met, and evaluates the sla named by --sla', async () => {
    const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': MET });
    const met = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json' }, dir);
    assert.equal(met.status, 0, met.stderr);
    assert.equal((JSON.parse(met.stdout) as Report).sla, 'Shop');
    const other = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json', sla: 'Other' }, dir);
    assert.equal(other.status, 0);
    assert.equal((JSON.parse(other.stdout) as Report).objectives[0].name, 'all_up');
    const missing = await evaluate('c.sla', { metrics: ['m.csv'], sla: 'Nope' }, dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /c\.sla: no sla named "Nope" \(the file defines "Shop", "Other"\)/);
  });

  it('exits 2 with no report when a metric has no samples; --allow-missing-metrics makes it a warning (1.1)', async () => {
    // The contract reads "up"; the file holds only "upp" (one edit away).
    const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': 'timestamp,metric,value\n2026-10-01T00:00:00Z,upp,1\n' });
    const failed = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json' }, dir);
    assert.equal(failed.status, 2);
    assert.equal(failed.stdout, '');
    assert.equal(failed.stderr, 'sla evaluate: no samples of metric "up" in the inputs (named by indicator probe); did you mean "upp"?\n');
    const allowed = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json', allowMissingMetrics: true }, dir);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.equal(allowed.stderr, 'sla evaluate: warning: no samples of metric "up" in the inputs (named by indicator probe); did you mean "upp"?\n');
    const report = JSON.parse(allowed.stdout) as Report;
    assert.deepEqual(report.warnings, ['no samples of metric "up" in the inputs (named by indicator probe); did you mean "upp"?']);
    assert.deepEqual(report.objectives[0].results, []);
    // The built CLI takes the option and speaks Chinese with --locale zh-CN.
    const built = runCli(['evaluate', path.join(dir, 'c.sla'), '-m', path.join(dir, 'm.csv'), '--locale', 'zh-CN']);
    assert.equal(built.status, 2);
    assert.match(built.stderr, /输入中没有指标“up”的样本/);
    assert.equal(runCli(['evaluate', path.join(dir, 'c.sla'), '-m', path.join(dir, 'm.csv'), '--allow-missing-metrics']).status, 0);
  });

  it('evaluates the 1.1 sample: insufficient data in August, a breach with credit in September, a partial October (exit 1)', () => {
    const run = runCli(['evaluate', 'samples/order-service.sla', '--metrics', 'samples/metrics/orders', '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    const [checkout, orders] = report.objectives;
    assert.deepEqual(checkout.results.map((r) => [r.start.slice(0, 7), r.status, r.credit, r.partial ?? false]), [
      ['2026-08', 'insufficient-data', 0, false],
      ['2026-09', 'breached', 25, false],
      ['2026-10', 'met', 0, true],
    ]);
    // September: 720 hours, 714 probe samples (the 6-hour gap) → coverage 714/720.
    assert.equal(checkout.results[1].coverage, (100 * 714) / 720);
    // Two order instances, hourly: 2 × 720 increases in September (instance b's reset included).
    assert.deepEqual([orders.results[1].samples, orders.results[1].coverage, orders.results[1].status], [1440, 100, 'met']);
    assert.deepEqual(report.credits.map((c) => [c.start.slice(0, 7), c.percent, c.amount]), [['2026-09', 25, 2000]]);
    assert.deepEqual(report.warnings, []);
  });

  it('exits 2 naming file, line and series for a repeated timestamp of a counter series', async () => {
    const text = `sla S {
  indicator orders { kind availability ratio good "ok" total "all" counters }
  objective o { indicator orders target >= 99% window calendar month }
}
`;
    const csv = 'timestamp,metric,value,pod\n2026-10-01T00:00:00Z,all,5,p1\n2026-10-01T00:00:00Z,ok,5,p1\n2026-10-01T00:00:00Z,all,6,p1\n';
    const dir = tempTree({ 'c.sla': text, 'm.csv': csv });
    const run = await evaluate('c.sla', { metrics: ['m.csv'] }, dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /m\.csv:4: a second sample of series all\{pod="p1"\} at the same timestamp/);
  });

  it('prints the same report as evaluateFiles', async () => {
    const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': BREACHED });
    const run = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json' }, dir);
    const { report } = await evaluateFiles(CONTRACT, 'c.sla', [path.join(dir, 'm.csv')]);
    assert.deepEqual(JSON.parse(run.stdout), report);
  });

  it('refuses a contract with errors: its diagnostics as path:line:col, exit 2', async () => {
    const broken = CONTRACT.replace('indicator probe target >= 90%', 'indicator prob target >= 90%');
    const dir = tempTree({ 'c.sla': broken, 'm.csv': MET });
    const run = await evaluate('c.sla', { metrics: ['m.csv'] }, dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^c\.sla:8:\d+: error SLA101: .*prob/m);
    assert.match(run.stderr, /c\.sla has 1 error; fix it before evaluating/);
  });

  const badInputs: [string, string, RegExp][] = [
    ['a bad timestamp', 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-32T00:00:00Z,up,1\n', /^sla evaluate: m\.csv:3: impossible date in timestamp "2026-10-32T00:00:00Z"$/m],
    ['a non-numeric value', 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,yes\n', /^sla evaluate: m\.csv:2: value "yes" is not a number$/m],
    ['an availability value outside [0, 1]', 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-01T00:01:00Z,up,99.5\n', /^sla evaluate: m\.csv:3: value 99\.5 of up is outside \[0, 1\]/m],
    ['a missing column', 'time,metric,value\n2026-10-01T00:00:00Z,up,1\n', /^sla evaluate: m\.csv:1: missing column `timestamp` in the header/m],
    ['a row with a missing field', 'timestamp,metric,value\n2026-10-01T00:00:00Z,up\n', /^sla evaluate: m\.csv:2: missing column `value`: the row has 2 fields, the header 3$/m],
    ['an empty file', '', /^sla evaluate: m\.csv:1: empty file/m],
    ['an unreadable Prometheus body', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1790000000,"x"]]}]}}', /^sla evaluate: m\.csv:1: value "x" is not a number$/m],
  ];
  for (const [what, data, message] of badInputs) {
    it(`stops on ${what}: file, line and reason, no report, exit 2`, async () => {
      const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': data });
      const run = await evaluate('c.sla', { metrics: ['m.csv'], format: 'json' }, dir);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    });
  }

  it('reports missing files, empty globs, unreadable contracts and bad --at values with exit 2', async () => {
    const dir = tempTree({ 'c.sla': CONTRACT, 'm.csv': MET });
    const cases: [Partial<EvaluateCommandOptions> & { metrics: string[] }, string, RegExp][] = [
      [{ metrics: ['nope.csv'] }, 'c.sla', /^sla evaluate: metric file not found: nope\.csv$/m],
      [{ metrics: ['*.parquet'] }, 'c.sla', /^sla evaluate: no metric files match "\*\.parquet"$/m],
      [{ metrics: ['m.csv'] }, 'missing.sla', /^sla evaluate: cannot read missing\.sla: no such file or directory$/m],
      [{ metrics: ['m.csv'], at: 'next week' }, 'c.sla', /^sla evaluate: bad --at value "next week"/m],
    ];
    for (const [options, contract, message] of cases) {
      const run = await evaluate(contract, options, dir);
      assert.equal(run.status, 2, contract + JSON.stringify(options));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });

  it('exits 2 on bad arguments to the built CLI', () => {
    const noMetrics = runCli(['evaluate', 'samples/lanying-im.sla']);
    assert.equal(noMetrics.status, 2);
    assert.match(noMetrics.stderr, /--metrics/);
    const badFormat = runCli(['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv', '--format', 'yaml']);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /yaml/);
    const badData = runCli(['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/lanying-im.sla']);
    assert.equal(badData.status, 2);
    assert.match(badData.stderr, /samples\/lanying-im\.sla:1: missing column `timestamp` in the header/);
  });

  it('keeps the committed sample metrics identical to what the generator writes', () => {
    // The generator is deterministic: a change to it must come with regenerated files.
    const out = mkdtempSync(path.join(tmpdir(), 'sla-samples-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/generate-sample-metrics.ts'), out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const file of ['csv/probes.csv', 'csv/latency.csv', 'csv/recovery.csv', 'prometheus/probes.json', 'prometheus/latency.json', 'prometheus/recovery.json', 'orders/orders.csv']) {
      assert.ok(readFileSync(path.join(out, file)).equals(readFileSync(path.join(ROOT, 'samples/metrics', file))), `${file} differs from the generator's output`);
    }
  });
});

describe('sla evaluate progress', () => {
  it('shows rows read and the rate on one stderr line after half a second, then erases it', async () => {
    const { Progress } = await import('../../cli/src/evaluate');
    let now = 1_000;
    let err = '';
    const progress = new Progress({ out: () => undefined, err: (t) => (err += t) }, true, () => now);
    const written = (): string => err;
    progress.update(10); // too early: nothing yet
    assert.equal(written(), '');
    now += 2_000;
    progress.update(3_000_000);
    assert.equal(written(), '\r\x1b[Kreading metrics: 3,000,000 rows (1.5 M rows/s)');
    progress.clear();
    assert.ok(written().endsWith('\r\x1b[K'));
  });

  it('stays silent when stderr is not a terminal', async () => {
    const { Progress } = await import('../../cli/src/evaluate');
    let now = 0;
    let err = '';
    const progress = new Progress({ out: () => undefined, err: (t) => (err += t) }, false, () => now);
    now = 10_000;
    progress.update(5_000);
    progress.clear();
    assert.equal(err, '');
  });
});
