// What `sla export prometheus-rules` exports from a contract's linked facts (the core), and
// how the command answers bad input. promtool.test.ts runs the rules themselves.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze } from '../../server/src/language/analyze';
import { prometheusRules, type AlertingRule, type RecordingRule } from '../../server/src/export/prometheusRules';
import { rulesYaml } from '../../server/src/export/rulesYaml';
import { ROOT, runCli, tempTree } from '../helpers/cli';

function exportOf(text: string, locale: 'en' | 'zh-CN' = 'en') {
  const analysis = analyze(text);
  assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
  return prometheusRules(analysis.linked, locale);
}

function alerts(text: string): AlertingRule[] {
  return exportOf(text).groups.flatMap((g) => g.rules.filter((r): r is AlertingRule => 'alert' in r));
}

const contract = (objective: string, extra = '') => `sla S "Shop" {
  customer "Acme"
  fee 3000 USD per month
  ${extra}
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "http_request_duration_seconds" unit s }
  indicator recovery { kind recovery_time metric "incident_recovery_minutes" }
  indicator errors { kind error_rate ratio bad "errors_total" total "requests_total" }
  ${objective}
}
`;

describe('Prometheus rules from a contract', function () {
  it('scales the workbook burn rates to the window: 14.4, 6 and 1 for a month, 7/30 of them for a week', function () {
    const month = alerts(contract('objective up { indicator probe target >= 99.9% window calendar month }'));
    assert.match(month[0].expr, /ratio_rate1h\{.*\} > \(14\.4 \* 0\.001\)/);
    assert.match(month[0].expr, /ratio_rate6h\{.*\} > \(6 \* 0\.001\)/);
    assert.match(month[1].expr, /ratio_rate3d\{.*\} > \(1 \* 0\.001\)\nand\nsla:sli_error:ratio_rate6h/);
    const week = alerts(contract('objective up { indicator probe target >= 99.9% window calendar week }'));
    assert.match(week[0].expr, /> \(3\.36 \* 0\.001\)/);
    assert.match(week[0].expr, /> \(1\.4 \* 0\.001\)/);
    assert.match(week[1].expr, /> \(0\.233333 \* 0\.001\)/);
  });

  it('leaves out an alert whose long window is longer than a rolling window, and says so', function () {
    const rules = exportOf(contract('objective up { indicator probe target >= 99% window rolling 24h }'));
    const group = rules.groups[0];
    assert.deepEqual(
      group.rules.filter((r): r is AlertingRule => 'alert' in r).map((a) => a.labels.severity),
      ['page'],
    );
    assert.ok(group.comments.some((c) => c.includes('no ticket alert over 3d: longer than the rolling 24h window')));
    assert.deepEqual(
      group.rules.filter((r): r is RecordingRule => 'record' in r).map((r) => r.record),
      ['sla:sli_error:ratio_rate5m', 'sla:sli_error:ratio_rate30m', 'sla:sli_error:ratio_rate1h', 'sla:sli_error:ratio_rate6h'],
    );
  });

  it('reads a latency percentile from histogram buckets with an le of the target in the indicator unit', function () {
    const rules = exportOf(contract('objective fast { indicator latency target p99 <= 800ms window calendar month }'));
    const record = rules.groups[0].rules[0] as RecordingRule;
    assert.equal(record.expr, '1 - (sum(increase(http_request_duration_seconds_bucket{le=~"0\\\\.8"}[5m])) / sum(increase(http_request_duration_seconds_count[5m])))');
    assert.ok(rules.groups[0].comments.some((c) => c.includes('http_request_duration_seconds_bucket with le = 0.8 s')));
  });

  it('names the contract, objective, customer and the mildest tier credit with its amount', function () {
    const [page] = alerts(contract('objective up { indicator probe target >= 99.9% window calendar month }\n  compensation for up { below 99.9% credit 10% below 99% credit 25% }'));
    assert.deepEqual(page.labels, { severity: 'page', sla: 'S', objective: 'up', customer: 'Acme' });
    assert.equal(page.annotations.credit_at_stake, '10% of the fee per month (300 USD) when the month ends below 99.9%');
    const [quarter] = alerts(contract('objective up { indicator probe target >= 99.9% window calendar quarter }\n  compensation for up { below 99.9% credit 10% }'));
    assert.equal(quarter.annotations.credit_at_stake, '10% of the fee when the period ends below 99.9%');
  });

  it('comments on and warns about objectives PromQL cannot compute, and exports the rest', function () {
    const rules = exportOf(
      contract(`objective up { indicator probe target >= 99.9% window calendar month }
  objective mttr { indicator recovery target max <= 4h window calendar month }
  objective fast_avg { indicator latency target avg <= 200ms window calendar month }`),
    );
    assert.deepEqual(rules.groups.map((g) => g.name), ['sla-S-up']);
    assert.deepEqual(rules.notExported.map((n) => n.objective), ['mttr', 'fast_avg']);
    assert.match(rules.notExported[0].reason, /max of a recovery_time cannot be computed by PromQL/);
    assert.match(rulesYaml(rules), /^# Not exported: S\.mttr: max of a recovery_time/m);
  });

  it('writes a `during` schedule with the zone offset, holidays and an excluded maintenance window as time conditions', function () {
    const rules = exportOf(
      contract('objective up { indicator probe target >= 99.9% window calendar month during office excluding upgrade }', `timezone "Asia/Shanghai"
  schedule office { mon..fri 09:00-18:00 holidays 2026-10-01, 2026-10-02, 2026-10-05 }
  maintenance upgrade { every sun 02:00-04:00 on 2026-10-17T22:00 for 2h }`),
    );
    const base = rules.groups[0].rules[0] as RecordingRule;
    const clock = 'vector(time() + 28800)';
    assert.ok(base.expr.includes(`day_of_week(${clock}) >= 1 <= 5`));
    assert.ok(base.expr.includes(`(hour(${clock}) * 60 + minute(${clock})) >= 540 < 1080`));
    assert.ok(base.expr.includes(`month(${clock}) == 10 and on() day_of_month(${clock}) >= 1 <= 2`));
    assert.ok(base.expr.includes(`day_of_month(${clock}) == 5`));
    assert.ok(base.expr.includes(`day_of_week(${clock}) == 0) and on() ((hour(${clock}) * 60 + minute(${clock})) >= 120 < 240`));
    // 2026-10-17T22:00+08:00 = 14:00Z, for two hours.
    assert.ok(base.expr.includes(`vector(time()) >= ${Date.UTC(2026, 9, 17, 14) / 1000} < ${Date.UTC(2026, 9, 17, 16) / 1000}`));
    assert.ok(!rules.comments.some((c) => c.includes('daylight saving')));
  });

  it('says plainly what the rules cannot express for a zone with daylight saving', function () {
    const rules = exportOf(contract('objective up { indicator probe target >= 99.9% window calendar month during office }', 'timezone "Europe/Berlin"\n  schedule office { mon..fri 09:00-18:00 }'));
    const note = rules.comments.find((c) => c.includes('daylight saving'));
    assert.ok(note);
    assert.match(note, /Europe\/Berlin changes its UTC offset for daylight saving \(\+01:00, \+02:00\)/);
    assert.match(note, /use UTC\+01:00: while \+02:00 applies/);
  });

  it('uses a series selector as written, and refuses what is not a metric name or selector', function () {
    const rules = exportOf(`sla S {
  indicator probe { kind availability metric "probe_success{job=\\"chat\\"}" }
  indicator odd { kind availability metric "avg(up)" }
  objective up { indicator probe target >= 99% window calendar month }
  objective other { indicator odd target >= 99% window calendar month }
}
`);
    assert.match((rules.groups[0].rules[0] as RecordingRule).expr, /sum_over_time\(probe_success\{job="chat"\}\[5m\]\)/);
    assert.deepEqual(rules.notExported.map((n) => n.reason), ['"avg(up)" is not a Prometheus metric name']);
  });

  it('writes its notes in Chinese for zh-CN', function () {
    const rules = exportOf(contract('objective mttr { indicator recovery target max <= 4h window calendar month }\n  objective up { indicator probe target >= 99% window calendar month }'), 'zh-CN');
    assert.match(rulesYaml(rules), /# 未导出：S\.mttr：/);
    const yaml = parse(rulesYaml(rules)) as { groups: { rules: { annotations?: Record<string, string> }[] }[] };
    assert.ok(yaml.groups[0].rules.some((r) => r.annotations?.summary?.includes('正在快速消耗错误预算')));
  });
});

describe('Prometheus rules for the language 1.1 items', function () {
  const sample = () => readFileSync(path.join(ROOT, 'samples', 'order-service.sla'), 'utf8');
  const group = (rules: ReturnType<typeof exportOf>, objective: string) => rules.groups.find((g) => g.name.endsWith(`-${objective}`))!;
  const record = (g: ReturnType<typeof group>, window: string) => (g.rules.find((r): r is RecordingRule => 'record' in r && r.record.endsWith(`_rate${window}`)))!.expr;

  it('`counters`: increase() of both counters, and a comment that the alert extrapolates while the contract is exact', function () {
    const g = group(exportOf(sample()), 'orders_ok');
    assert.equal(record(g, '1h'), '1 - (sum(increase(orders_ok_total[1h])) / sum(increase(orders_total[1h])))');
    assert.ok(g.comments.some((c) => /increase\(\)\/rate\(\).*extrapolates.*exact increases/.test(c)), g.comments.join('\n'));
  });

  it('`every` + `missing down`: missing slots count as down from the effective start; short windows read over `every`', function () {
    const g = group(exportOf(sample()), 'checkout_up');
    // 2026-08-01 00:00 Asia/Shanghai.
    assert.equal(
      record(g, '5m'),
      '1 - ((sum(sum_over_time(checkout_probe_success_ratio[1h])) or vector(0)) / clamp_min(sum(count_over_time(checkout_probe_success_ratio[1h])) or vector(0), scalar(clamp_max(vector(1), (time() - 1785513600) / 3600))))',
    );
    assert.match(record(g, '3d'), /\[3d\]\)\) or vector\(0\), scalar\(clamp_max\(vector\(72\),/);
    assert.ok(g.comments.some((c) => c.includes('counts each missing one as down')));
    assert.ok(g.comments.some((c) => c.includes('`coverage 90%`: the rules cannot say it')));
  });

  it('`every` without `missing down` only widens the windows shorter than `every`', function () {
    const rules = exportOf(contract('objective up { indicator hourly target >= 99% window calendar month }', 'indicator hourly { kind availability metric "probe_ratio" every 30m }'));
    assert.equal(record(rules.groups[0], '5m'), '1 - (sum(sum_over_time(probe_ratio[30m])) / sum(count_over_time(probe_ratio[30m])))');
    assert.equal(record(rules.groups[0], '1h'), '1 - (sum(sum_over_time(probe_ratio[1h])) / sum(count_over_time(probe_ratio[1h])))');
  });

  it('`every` on a ratio of per-interval counts widens short windows; on counters it says what the rules need', function () {
    const rules = exportOf(contract('objective ok { indicator hourly target <= 1% window calendar month }', 'indicator hourly { kind error_rate ratio bad "errors" total "requests" every 90s }'));
    assert.equal(record(rules.groups[0], '5m'), 'sum(sum_over_time(errors[5m])) / sum(sum_over_time(requests[5m]))');
    const sparse = exportOf(contract('objective ok { indicator hourly target <= 1% window calendar month }', 'indicator hourly { kind error_rate ratio bad "errors" total "requests" every 1h }'));
    assert.equal(record(sparse.groups[0], '30m'), 'sum(sum_over_time(errors[1h])) / sum(sum_over_time(requests[1h]))');
    const g = group(exportOf(sample()), 'orders_ok');
    assert.ok(g.comments.some((c) => c.includes('increase() needs two samples of each counter')));
  });

  it('a schedule `on` date takes its day out of the day lines and counts it with its own hours', function () {
    const rules = exportOf(contract('objective up { indicator probe target >= 99% window calendar month during office }', 'schedule office { mon..fri 09:00-18:00 on 2026-10-10 10:00-16:00 }'));
    const expr = record(rules.groups[0], '5m');
    assert.match(expr, /unless on\(\) \(year\(vector\(time\(\)\)\) == 2026 and on\(\) month\(vector\(time\(\)\)\) == 10 and on\(\) day_of_month\(vector\(time\(\)\)\) == 10\)/);
    assert.match(expr, /\) or \(year\(vector\(time\(\)\)\) == 2026 and on\(\) month\(vector\(time\(\)\)\) == 10 and on\(\) day_of_month\(vector\(time\(\)\)\) == 10 and on\(\) \(\(hour\(vector\(time\(\)\)\) \* 60 \+ minute\(vector\(time\(\)\)\)\) >= 600 < 960\)\)/);
  });

  it('says the 1.1 notes in Chinese for zh-CN', function () {
    const yaml = rulesYaml(exportOf(sample(), 'zh-CN'));
    assert.match(yaml, /读取累计计数器（`counters`）/);
    assert.match(yaml, /缺失的样本记为不可用/);
    assert.match(yaml, /`coverage 90%`（覆盖率）/);
  });
});

describe('sla export prometheus-rules (CLI)', function () {
  it('writes the rules to stdout and warns on stderr about objectives it leaves out', function () {
    const dir = tempTree({ 'c.sla': contract('objective up { indicator probe target >= 99.9% window calendar month }\n  objective mttr { indicator recovery target max <= 4h window calendar month }') });
    const run = runCli(['export', 'prometheus-rules', path.join(dir, 'c.sla')]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^groups:\n {2}# up: calendar month window/m);
    assert.match(run.stderr, /^sla export prometheus-rules: warning: Not exported: S\.mttr: max of a recovery_time/m);
  });

  it('refuses a contract with errors, naming the file and the count', function () {
    const dir = tempTree({ 'bad.sla': 'sla B {\n  objective up { indicator nothing target >= 99% window calendar month }\n}\n' });
    const file = path.join(dir, 'bad.sla');
    const run = runCli(['export', 'prometheus-rules', file]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `sla export prometheus-rules: ${file} has errors (1): fix them first (run \`sla check ${file}\`)\n`);
  });

  it('fails when no objective can be exported, saying why for each', function () {
    const dir = tempTree({ 'c.sla': contract('objective mttr { indicator recovery target max <= 4h window calendar month }') });
    const run = runCli(['export', 'prometheus-rules', path.join(dir, 'c.sla'), '-o', path.join(dir, 'out.yml')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /warning: Not exported: S\.mttr/);
    assert.match(run.stderr, /no objective of .*c\.sla can be exported as Prometheus rules/);
  });

  it('names the sla blocks there are when --sla names none, and says why a file cannot be read or written', function () {
    const dir = tempTree({ 'c.sla': contract('objective up { indicator probe target >= 99.9% window calendar month }') });
    const unknown = runCli(['export', 'prometheus-rules', path.join(dir, 'c.sla'), '--sla', 'Nope']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no sla block named "Nope" in .*c\.sla; there are: S/);
    const missing = runCli(['export', 'prometheus-rules', path.join(dir, 'missing.sla')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*missing\.sla: /);
    const unwritable = runCli(['export', 'prometheus-rules', path.join(dir, 'c.sla'), '-o', path.join(dir, 'no', 'such', 'dir.yml')]);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write .*dir\.yml: /);
  });

  it('speaks Chinese with --locale zh-CN', function () {
    const dir = tempTree({ 'c.sla': contract('objective mttr { indicator recovery target max <= 4h window calendar month }') });
    const run = runCli(['--locale', 'zh-CN', 'export', 'prometheus-rules', path.join(dir, 'c.sla')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /警告：未导出：S\.mttr/);
    assert.match(run.stderr, /中没有可导出为 Prometheus 规则的目标（SLO）/);
  });
});
