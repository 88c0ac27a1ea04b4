// `sla export prometheus-rules` checked by Prometheus's own tool: `promtool check rules` on
// the export of every sample, and `promtool test rules` unit tests in which synthetic series
// make each alert fire, and stay silent, when they should. promtool time starts at
// 1970-01-01T00:00Z, a Thursday (08:00 in Asia/Shanghai).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ensureTools } from '../../scripts/prometheus/prometheus';
import { ROOT, runCli, tempTree } from '../helpers/cli';

function promtoolOrSkip(context: Mocha.Context): string {
  context.timeout(300_000);
  try {
    return ensureTools().promtool;
  } catch (error) {
    if (/^(true|1|yes)$/i.test(process.env.CI ?? '')) throw error;
    process.stderr.write(`      Skipping promtool tests: ${(error as Error).message}\n`);
    context.skip();
  }
}

interface Exported {
  dir: string;
  rulesFile: string;
  alerts: { alert: string; labels: Record<string, string>; annotations: Record<string, string> }[];
}

function exportRules(contract: string): Exported {
  const dir = tempTree({ 'contract.sla': contract });
  const rulesFile = path.join(dir, 'rules.yml');
  const run = runCli(['export', 'prometheus-rules', path.join(dir, 'contract.sla'), '-o', rulesFile]);
  assert.equal(run.status, 0, run.stderr);
  const groups = (parse(readFileSync(rulesFile, 'utf8')) as { groups: { rules: Exported['alerts'] }[] }).groups;
  return { dir, rulesFile, alerts: groups.flatMap((g) => g.rules.filter((r) => r.alert !== undefined)) };
}

/** The alerts a test expects at one time: `page`/`ticket` alerts of an objective, as exported. */
function expected(exported: Exported, objective: string, severities: string[]) {
  return severities.map((severity) => {
    const rule = exported.alerts.find((a) => a.labels.objective === objective && a.labels.severity === severity);
    assert.ok(rule, `no ${severity} alert for ${objective}`);
    return { exp_labels: rule.labels, exp_annotations: rule.annotations };
  });
}

interface Case {
  name: string;
  series: { series: string; values: string }[];
  checks: { at: string; objective: string; firing: string[] }[];
}

/** Runs `promtool test rules` on the cases; returns its output when it fails. */
function promtoolTest(promtool: string, exported: Exported, cases: Case[]): void {
  const tests = cases.map((c) => ({
    name: c.name,
    interval: '1m',
    input_series: c.series,
    alert_rule_test: c.checks.map((check) => ({ eval_time: check.at, alertname: 'SLAErrorBudgetBurn', exp_alerts: expected(exported, check.objective, check.firing) })),
  }));
  const file = path.join(exported.dir, 'rules.test.yml');
  writeFileSync(file, stringify({ rule_files: [exported.rulesFile], evaluation_interval: '5m', tests }));
  const run = spawnSync(promtool, ['test', 'rules', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, `promtool test rules failed:\n${run.stdout}${run.stderr}`);
}

const SCHEDULED = `sla Chat "Chat API" {
  customer "Acme Retail Ltd."
  timezone "Asia/Shanghai"
  fee 12000 CNY per month
  schedule business_hours {
    mon..fri 09:00-18:00
    holidays 1970-01-02
  }
  indicator probe { kind availability metric "probe_success" }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
    during business_hours
  }
  compensation for uptime { below 99.9% credit 10% below 99% credit 25% }
}
`;

describe('sla export prometheus-rules under promtool', function () {
  let promtool: string;
  before(function () {
    promtool = promtoolOrSkip(this);
  });

  it('exports rules that `promtool check rules` accepts for every sample', function () {
    const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.sla'));
    assert.ok(samples.length >= 5);
    for (const sample of samples) {
      const dir = tempTree({});
      const out = path.join(dir, 'rules.yml');
      const run = runCli(['export', 'prometheus-rules', path.join('samples', sample), '-o', out]);
      assert.equal(run.status, 0, `${sample}: ${run.stderr}`);
      const check = spawnSync(promtool, ['check', 'rules', out], { encoding: 'utf8' });
      assert.equal(check.status, 0, `${sample}: ${check.stdout}${check.stderr}`);
      assert.match(check.stdout, /SUCCESS: [1-9]\d* rules found/);
    }
  });

  it('pages and tickets on failures inside the schedule, and stays silent outside it and on holidays', function () {
    const exported = exportRules(SCHEDULED);
    assert.deepEqual(exported.alerts[0].annotations.credit_at_stake, '10% of the fee per month (1200 CNY) when the month ends below 99.9%');
    promtoolTest(promtool, exported, [
      {
        // 09:00–10:00 Shanghai up, then down: 10:00–11:00 (02:00–03:00Z) all probes fail.
        name: 'failures inside business hours',
        series: [{ series: 'probe_success{region="sh"}', values: '1x119 0x60' }],
        checks: [
          { at: '110m', objective: 'uptime', firing: [] },
          { at: '3h', objective: 'uptime', firing: ['page', 'ticket'] },
        ],
      },
      {
        // Up during the day; down 19:00–22:00 Shanghai (11:00–14:00Z): outside the schedule.
        name: 'failures after business hours',
        series: [{ series: 'probe_success{region="sh"}', values: '1x659 0x180' }],
        checks: [{ at: '14h', objective: 'uptime', firing: [] }],
      },
      {
        // Down all of Friday 1970-01-02 10:00–12:00 Shanghai (26h–28hZ): a holiday.
        name: 'failures on a holiday',
        series: [{ series: 'probe_success{region="sh"}', values: '1x1559 0x120' }],
        checks: [{ at: '28h', objective: 'uptime', firing: [] }],
      },
    ]);
  });

  it('pages on a fast burn of a latency percentile read from histogram buckets, tickets on a slow one', function () {
    const exported = exportRules(`sla Api {
  indicator latency { kind latency metric "http_request_duration_ms" unit ms }
  objective p95 { indicator latency target p95 <= 500ms window calendar month }
}
`);
    // Per minute 60 requests; all fast, then 90% slow (page), or 10% slow (ticket only: 6× needs 30%).
    promtoolTest(promtool, exported, [
      {
        name: 'fast burn',
        series: [
          { series: 'http_request_duration_ms_bucket{le="500.0"}', values: '0+60x60 3600+6x60' },
          { series: 'http_request_duration_ms_bucket{le="+Inf"}', values: '0+60x120' },
          { series: 'http_request_duration_ms_count', values: '0+60x120' },
        ],
        checks: [
          { at: '55m', objective: 'p95', firing: [] },
          { at: '2h', objective: 'p95', firing: ['page', 'ticket'] },
        ],
      },
      {
        name: 'slow burn',
        series: [
          { series: 'http_request_duration_ms_bucket{le="500.0"}', values: '0+54x420' },
          { series: 'http_request_duration_ms_count', values: '0+60x420' },
        ],
        checks: [{ at: '7h', objective: 'p95', firing: ['ticket'] }],
      },
    ]);
  });

  it('leaves errors inside an excluded maintenance window out, and alerts only within the effective dates', function () {
    const contract = (effective: string) => `sla Gateway {
  ${effective}
  maintenance nightly { every daily 01:30-02:00 }
  indicator errors { kind error_rate ratio bad "http_requests_errors" total "http_requests_total" }
  objective error_rate { indicator errors target <= 1% window calendar month excluding nightly }
}
`;
    // 100 requests a minute; all fail 01:35–01:59Z (maintenance), or 03:00–03:30Z (not).
    const during = [
      { series: 'http_requests_total', values: '100x150' },
      { series: 'http_requests_errors', values: '0x94 100x24 0x31' },
    ];
    const after = [
      { series: 'http_requests_total', values: '100x210' },
      { series: 'http_requests_errors', values: '0x179 100x30' },
    ];
    promtoolTest(promtool, exportRules(contract('')), [
      { name: 'errors in maintenance', series: during, checks: [{ at: '2h', objective: 'error_rate', firing: [] }] },
      { name: 'errors outside maintenance', series: after, checks: [{ at: '210m', objective: 'error_rate', firing: ['page', 'ticket'] }] },
    ]);
    promtoolTest(promtool, exportRules(contract('effective 1970-01-02 to 1970-12-31')), [
      { name: 'before the effective dates', series: after, checks: [{ at: '210m', objective: 'error_rate', firing: [] }] },
    ]);
  });

  // Language 1.1 items (interop11).
  it('`counters`: pages and tickets when the good counter stalls, stays silent across a counter reset', function () {
    const exported = exportRules(`sla Orders {
  indicator orders { kind availability ratio good "orders_ok_total" total "orders_total" counters }
  objective ok { indicator orders target >= 99.5% window calendar month }
}
`);
    promtoolTest(promtool, exported, [
      {
        // 100 orders a minute, all good; at 60m the instance restarts (both counters back to 0).
        name: 'a reset is not a failure',
        series: [
          { series: 'orders_ok_total{instance="a"}', values: '0+100x59 0+100x60' },
          { series: 'orders_total{instance="a"}', values: '0+100x59 0+100x60' },
        ],
        checks: [{ at: '2h', objective: 'ok', firing: [] }],
      },
      {
        // A long-running instance (counters at a million); from 60m only half of the 100 orders
        // a minute are good. The counters' own values hardly move: their increases do.
        name: 'good orders stall',
        series: [
          { series: 'orders_ok_total{instance="a"}', values: '1000000+100x60 1006000+50x60' },
          { series: 'orders_total{instance="a"}', values: '1000000+100x120' },
        ],
        checks: [
          { at: '55m', objective: 'ok', firing: [] },
          { at: '2h', objective: 'ok', firing: ['page', 'ticket'] },
        ],
      },
    ]);
  });

  it('`every` with `missing down`: a gap in the probes pages; the same gap without `missing down` is silent', function () {
    // Effective from promtool's time 0: no probe is expected before it.
    const contract = (missing: string) => `sla Probe {
  effective 1970-01-01
  indicator probe { kind availability metric "probe_success" every 1m ${missing} }
  objective up { indicator probe target >= 99.9% window calendar month }
}
`;
    // One probe a minute, all up, then none for an hour.
    const series = [{ series: 'probe_success{region="sh"}', values: '1x60 _x60' }];
    promtoolTest(promtool, exportRules(contract('missing down')), [
      { name: 'missing down', series, checks: [{ at: '50m', objective: 'up', firing: [] }, { at: '2h', objective: 'up', firing: ['page', 'ticket'] }] },
    ]);
    promtoolTest(promtool, exportRules(contract('')), [{ name: 'no missing down', series, checks: [{ at: '2h', objective: 'up', firing: [] }] }]);
  });

  it('a schedule `on` date (a make-up working Saturday) counts its hours; the same Saturday without it does not', function () {
    const onSaturday = SCHEDULED.replace('holidays 1970-01-02', 'holidays 1970-01-02\n    on 1970-01-03 09:00-18:00');
    assert.notEqual(onSaturday, SCHEDULED);
    // Up until Saturday 1970-01-03 10:00 Shanghai (50hZ), then down for an hour.
    const series = [{ series: 'probe_success{region="sh"}', values: '1x2999 0x60' }];
    promtoolTest(promtool, exportRules(onSaturday), [{ name: 'make-up Saturday', series, checks: [{ at: '51h', objective: 'uptime', firing: ['page', 'ticket'] }] }]);
    promtoolTest(promtool, exportRules(SCHEDULED), [{ name: 'plain Saturday', series, checks: [{ at: '51h', objective: 'uptime', firing: [] }] }]);
  });
});
