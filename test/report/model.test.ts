// The customer report's model (server/src/report) on the bundled samples, against numbers
// worked out by hand from the contracts and the sample metrics.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EvaluationError } from '../../server/src/evaluation/index';
import { produceReport, type ReportDocument } from '../../server/src/report/index';
import { ROOT } from '../helpers/cli';

const EN = readFileSync(path.join(ROOT, 'samples', 'lanying-im.sla'), 'utf8');
const ZH = readFileSync(path.join(ROOT, 'samples', 'lanying-im.zh.sla'), 'utf8');

function english(period?: string): Promise<ReportDocument> {
  return produceReport(EN, 'lanying-im.sla', { metrics: ['samples/metrics/csv'] }, { baseDir: ROOT, period });
}

function objective(d: ReportDocument, name: string) {
  const o = d.objectives.find((x) => x.name === name);
  assert.ok(o, `objective ${name}`);
  return o;
}

describe('report model (sla report)', () => {
  it('reports the latest month of the data by default, with version, parties and zone', async () => {
    const d = await english();
    assert.equal(d.period.label, '2026-10');
    assert.equal(d.period.start, '2026-10-01T00:00:00+08:00');
    assert.equal(d.period.end, '2026-11-01T00:00:00+08:00');
    assert.equal(d.version, '2.1.0');
    assert.equal(d.provider, '蓝莺IM');
    assert.equal(d.customer, 'Acme Retail Ltd.');
    assert.equal(d.title, '蓝莺IM 企业级聊天云服务');
    assert.equal(d.timezone, 'Asia/Shanghai');
    assert.deepEqual(d.totals, { met: 0, breached: 3, noData: 0, insufficientData: 0 });
  });

  it('October availability: 17 working days × 540 min, a budget of 0.1% of it, 101 failed minutes', async () => {
    const uptime = objective(await english(), 'uptime');
    // October 2026: 22 weekdays, 5 of them in the National Day holidays (1, 2, 5, 6, 7): 17 × 9 h.
    assert.equal(uptime.time?.eligibleMinutes, 17 * 540);
    assert.equal(uptime.time?.periodMinutes, 31 * 1440);
    assert.equal(uptime.time?.maintenanceMinutes, 0); // Sunday nights and a Saturday night: outside business hours
    assert.equal(uptime.result?.status, 'breached');
    assert.equal(uptime.result?.samples, 9180);
    assert.ok(uptime.budget.meaningful);
    assert.equal(uptime.budget.unit, 'minutes');
    assert.ok(Math.abs(uptime.budget.allowed - 9.18) < 1e-9);
    // Samples are per-minute shares of three regions: 100 minutes all down on 20 October, and
    // three minutes with one region of three down (0.666667): 100 + 3 × 0.333333 minutes.
    const failed = 100 + 3 * 0.333333;
    assert.ok(Math.abs(uptime.budget.used - failed) < 1e-9, String(uptime.budget.used));
    assert.ok(Math.abs(uptime.budget.left - (9.18 - failed)) < 1e-9);
    assert.ok(Math.abs(uptime.downtimeMinutes! - failed) < 1e-9);
    assert.equal(uptime.result?.tier, 'below 99%');
    assert.equal(uptime.result?.credit, 25);
  });

  it('September availability: 21 working days (25 September is a holiday), 15 one-region failures of 11.34 budget minutes', async () => {
    const uptime = objective(await english('2026-09'), 'uptime');
    assert.equal(uptime.time?.eligibleMinutes, 21 * 540);
    assert.ok(uptime.budget.meaningful);
    assert.ok(Math.abs(uptime.budget.allowed - 11.34) < 1e-9);
    const failed = 15 * 0.333333;
    assert.ok(Math.abs(uptime.budget.used - failed) < 1e-9, String(uptime.budget.used));
    assert.ok(Math.abs(uptime.budget.usedPercent! - (100 * failed) / 11.34) < 1e-9);
    assert.equal(uptime.result?.status, 'met');
    const holidays = uptime.exclusions[0].items.filter((i) => i.kind === 'holiday').map((i) => i.written);
    assert.deepEqual(holidays, ['2026-09-25']);
  });

  it('says an error budget is not meaningful for a percentile or a maximum, and gives no downtime for them', async () => {
    const d = await english();
    for (const name of ['latency_p95', 'recovery']) {
      const o = objective(d, name);
      assert.deepEqual(o.budget, { meaningful: false, reason: 'aggregate' });
      assert.equal(o.downtimeMinutes, null);
    }
  });

  it('the daily series: one point per day of October, the day of the outage at 100 − 100/540 %', async () => {
    const d = await english();
    const uptime = objective(d, 'uptime');
    assert.equal(uptime.daily.length, 31);
    assert.equal(uptime.daily[0].date, '2026-10-01');
    const outage = uptime.daily.find((p) => p.date === '2026-10-20');
    assert.ok(outage && outage.value !== null && Math.abs(outage.value - (100 * 440) / 540) < 1e-9);
    assert.equal(outage.status, 'breached');
    // Weekends and the seven holidays hold no eligible sample: 31 − 17 days without data.
    assert.equal(uptime.daily.filter((p) => p.value === null).length, 14);
    const latency = objective(d, 'latency_p95');
    assert.equal(latency.daily.filter((p) => p.status === 'breached').map((p) => p.date).join(' '), '2026-10-19 2026-10-20 2026-10-21 2026-10-22 2026-10-23');
  });

  it('lists the exclusions that applied in the period with the contract’s comments as reasons', async () => {
    const uptime = objective(await english(), 'uptime');
    const [schedule, maintenance] = uptime.exclusions;
    assert.equal(schedule.kind, 'schedule');
    assert.equal(schedule.name, 'business_hours');
    assert.match(schedule.comment ?? '', /National Day Golden Week/);
    assert.deepEqual(
      schedule.items.map((i) => i.written),
      ['mon..fri 09:00-18:00', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    );
    assert.equal(maintenance.kind, 'maintenance');
    assert.match(maintenance.comment ?? '', /^§3 Planned maintenance\./);
    assert.deepEqual(
      maintenance.items.map((i) => [i.kind, i.written, i.comment]),
      [
        ['recurring', 'every sun 02:00-04:00', null],
        ['window', 'on 2026-10-17T22:00 for 2h', 'database engine upgrade'],
      ],
    );
    assert.deepEqual(objective(await english('2026-09'), 'uptime').exclusions[1].items.map((i) => i.kind), ['recurring']);
  });

  it('credits: 25% + 5% + 5% under the 50% cap, 4200 CNY, claimed within 30 days after the month', async () => {
    const c = (await english()).credits;
    assert.deepEqual(c.owed.map((o) => [o.objective, o.tier, o.percent]), [
      ['uptime', 'below 99%', 25],
      ['latency_p95', 'above 500ms', 5],
      ['recovery', 'above 4h', 5],
    ]);
    assert.equal(c.percent, 35);
    assert.equal(c.uncapped, 35);
    assert.equal(c.cap, 50);
    assert.equal(c.amount, 4200);
    assert.equal(c.currency, 'CNY');
    assert.equal(c.fee, '12000 CNY per month');
    assert.equal(c.claimWithin, '30d');
    // October ends 1 November 00:00; 30 days later is 1 December 00:00: the whole of 30 November counts.
    assert.equal(c.claimDeadline, '2026-11-30 24:00');
    assert.deepEqual(c.remedies, ['8 extra hours of premium support for each breached month']);
    const september = (await english('2026-09')).credits;
    assert.equal(september.owed.length, 0);
    assert.equal(september.percent, 0);
    assert.equal(september.claimDeadline, '2026-10-30 24:00');
  });

  it('the Chinese sample: the make-up working day 10 October counts (18 × 540 min), and its comment is the reason', async () => {
    const d = await produceReport(ZH, 'lanying-im.zh.sla', { metrics: ['samples/metrics/zh'] }, { baseDir: ROOT, locale: 'zh-CN' });
    assert.equal(d.locale, 'zh-CN');
    assert.equal(d.customer, '艾克美零售有限公司');
    const uptime = d.objectives[0];
    assert.equal(uptime.time?.eligibleMinutes, 18 * 540);
    assert.ok(uptime.budget.meaningful && Math.abs(uptime.budget.allowed - 9.72) < 1e-9);
    const makeUp = uptime.exclusions[0].items.find((i) => i.kind === 'workingDate');
    assert.deepEqual(makeUp, { kind: 'workingDate', written: '2026-10-10 09:00-18:00', comment: '调休上班日（周日、周六）' });
    // A comment over several Chinese lines reads as one sentence, without spaces between the lines.
    assert.match(uptime.exclusions[0].comment ?? '', /仅适用于工作日的工作时间。节假日与调休/);
  });

  it('a contract with only a rolling window is reported for that window, its days and budget', async () => {
    const contract = `sla Rolling {
  timezone "Asia/Shanghai"
  indicator probe { kind availability metric "probe_success" }
  objective recent { indicator probe target >= 99% window rolling 7d }
}
`;
    const d = await produceReport(contract, 'r.sla', { metrics: ['samples/metrics/csv/probes.csv'] }, { baseDir: ROOT, at: '2026-10-31 00:00' });
    assert.equal(d.period.label, '2026-10-24 00:00:00 → 2026-10-31 00:00:00');
    const recent = d.objectives[0];
    assert.equal(recent.result?.samples, 7 * 1440); // every minute of the seven days (no schedule)
    assert.equal(recent.daily.length, 7);
    assert.equal(recent.daily[0].date, '2026-10-24');
    // 1% of the window's 10 080 minutes; six one-region failures (0.666667) used.
    assert.ok(recent.budget.meaningful && recent.budget.unit === 'minutes');
    assert.ok(Math.abs(recent.budget.allowed - 100.8) < 1e-9);
    assert.ok(Math.abs(recent.budget.used - 6 * 0.333333) < 1e-9, String(recent.budget.used));
    assert.equal(recent.time?.eligibleMinutes, 7 * 1440);
    assert.deepEqual(d.credits.owed, []);
  });

  it('an unknown period names the periods the data holds', async () => {
    await assert.rejects(english('2026-07'), (error: unknown) => {
      assert.ok(error instanceof EvaluationError);
      assert.equal(error.message, 'no period 2026-07 in the data; it holds 2026-09, 2026-10');
      return true;
    });
  });

  it('data without any sample of the objectives inside the effective dates has no period to report', async () => {
    const contract = `sla Later {
  effective 2027-01-01 to 2027-12-31
  timezone "Asia/Shanghai"
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month }
}
`;
    await assert.rejects(
      produceReport(contract, 'c.sla', { metrics: ['samples/metrics/csv'] }, { baseDir: ROOT }),
      (error: unknown) => error instanceof EvaluationError && error.message === 'no period in the data: no objective has a sample inside the effective dates',
    );
  });
});
