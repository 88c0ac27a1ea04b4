// `sla report --prometheus URL --period 2026-10` against a real Prometheus and a real
// VictoriaMetrics holding the suite's samples (fixture.ts: schedule, holidays, maintenance,
// tiers, a fee, a cap and a claim period), pushed down and raw: the report model, the
// Markdown and the HTML must equal those made from the same samples as a CSV file.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runReport, type ReportCommandOptions } from '../../cli/src/report';
import { prometheusSource } from '../../cli/src/evaluate';
import { produceReport, type ReportDocument } from '../../server/src/report/index';
import { AT, CONTRACT } from './fixture';
import { stopPrometheus, usePrometheus, type Shared } from './server';

after(stopPrometheus);

async function reportCaptured(contractFile: string, options: ReportCommandOptions) {
  let stdout = '';
  let stderr = '';
  const status = await runReport(contractFile, options, { out: (t) => (stdout += t), err: (t) => (stderr += t) }, { env: {} });
  return { status, stdout, stderr };
}

describe('sla report from a server equals the report from files', function () {
  let shared: Shared;
  let contractFile: string;
  const period = '2026-10';

  before(async function () {
    shared = await usePrometheus(this);
    contractFile = path.join(shared.dir, 'report.sla');
    writeFileSync(contractFile, CONTRACT);
  });

  it('the report model: objectives, daily values, budgets, downtime, credits and the claim deadline', async function () {
    const fromFile: ReportDocument = await produceReport(CONTRACT, contractFile, { metrics: [shared.csvFile] }, { at: AT, period });
    // What the customer reads, worked out from the fixture: October has results, credits and a deadline.
    assert.equal(fromFile.period.label, period);
    assert.ok(fromFile.objectives.every((o) => o.result !== null || o.window.startsWith('rolling')));
    assert.ok(fromFile.objectives.some((o) => o.daily.length > 0));
    assert.ok(fromFile.credits !== null && fromFile.credits.claimDeadline !== null);
    for (const engine of shared.engines) {
      for (const pushDown of [true, false]) {
        const source = prometheusSource({ prometheus: engine.url, pushDown }, {})!;
        const served = await produceReport(CONTRACT, contractFile, { metrics: [], sources: [source] }, { at: AT, period });
        assert.deepEqual(served, fromFile, `${engine.name}, push-down ${pushDown}`);
      }
    }
  });

  it('October in progress (--to 17 October): downtime and budget used over the time measured so far, the allowance over all October', async function () {
    const to = '2026-10-17T00:00:00+02:00';
    // The same October cut by the contract instead (effective to 16 October): a complete result over the same samples.
    const cut = CONTRACT.replace('effective 2026-09-29 to 2026-11-01', 'effective 2026-09-29 to 2026-10-16');
    const cutFromFile = await produceReport(cut, contractFile, { metrics: [shared.csvFile] }, { at: AT, period });
    const wholeFromFile = await produceReport(CONTRACT, contractFile, { metrics: [shared.csvFile] }, { at: AT, period });
    const uptime = (d: ReportDocument) => d.objectives.find((o) => o.name === 'uptime')!;
    const expected = uptime(cutFromFile);
    const whole = uptime(wholeFromFile).budget;
    assert.equal(expected.result?.partial, false);
    assert.ok(expected.downtimeMinutes !== null && expected.downtimeMinutes > 0);
    assert.ok(expected.budget.meaningful && whole.meaningful);
    for (const engine of shared.engines) {
      for (const pushDown of [true, false]) {
        const source = prometheusSource({ prometheus: engine.url, pushDown }, {})!;
        const served = uptime(await produceReport(CONTRACT, contractFile, { metrics: [], sources: [source] }, { at: AT, to, period }));
        const what = `${engine.name}, push-down ${pushDown}`;
        assert.equal(served.result?.partial, true, what);
        assert.equal(served.result?.attained, expected.result?.attained, what);
        assert.ok(served.budget.meaningful, what);
        assert.ok(Math.abs(served.downtimeMinutes! - expected.downtimeMinutes!) < 1e-9, `${what}: ${served.downtimeMinutes} ≠ ${expected.downtimeMinutes}`);
        assert.ok(Math.abs(served.budget.used - expected.budget.used) < 1e-9, what);
        assert.equal(served.budget.allowed, whole.allowed, what);
        assert.equal(served.budget.usedUntil, '2026-10-16 24:00', what);
      }
    }
  });

  it('the Markdown and the HTML (no script) of `sla report` are the same text from each server', async function () {
    for (const format of ['markdown', 'html'] as const) {
      const fromFile = await reportCaptured(contractFile, { metrics: [shared.csvFile], at: AT, period, format });
      assert.equal(fromFile.status, 0, fromFile.stderr);
      if (format === 'html') {
        assert.match(fromFile.stdout, /^<!DOCTYPE html>/i);
        assert.doesNotMatch(fromFile.stdout, /<script|javascript:|\son[a-z]+\s*=/i);
      }
      for (const engine of shared.engines) {
        for (const pushDown of [true, false]) {
          const served = await reportCaptured(contractFile, { prometheus: engine.url, pushDown, at: AT, period, format });
          assert.equal(served.status, 0, served.stderr);
          assert.equal(served.stderr, fromFile.stderr, `${engine.name}, push-down ${pushDown}, ${format}`);
          assert.equal(served.stdout, fromFile.stdout, `${engine.name}, push-down ${pushDown}, ${format}`);
        }
      }
    }
  });
});
