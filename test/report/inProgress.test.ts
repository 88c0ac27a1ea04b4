// The error budget of a period still in progress (reportprom): the allowance is the whole
// period's, the minutes used are those of the time measured so far, so the downtime is what
// was down and "left" is what the rest of the period may still lose before it breaches.
import * as assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { produceReport, renderReport } from '../../server/src/report/index';

const CONTRACT = `sla Live {
  version "1"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "probe" every 1h }
  objective up { indicator probe target >= 99.9% window calendar month }
  reporting monthly
  review yearly
}
`;

/** Hourly probes from 1 December 00:00 to 10 December 23:00 UTC, down for the hour at 5 December 03:00. */
function metricsFile(): string {
  const rows = ['timestamp,metric,value'];
  for (let t = Date.UTC(2026, 11, 1); t < Date.UTC(2026, 11, 11); t += 3_600_000) rows.push(`${new Date(t).toISOString()},probe,${t === Date.UTC(2026, 11, 5, 3) ? 0 : 1}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-report-progress-')), 'm.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('report: the budget of a period in progress', () => {
  it('allows 0.1% of all December (44.64 min) and counts the 60 minutes down up to the data’s end, 10 December 24:00', async () => {
    const d = await produceReport(CONTRACT, 'live.sla', { metrics: [metricsFile()] }, { period: '2026-12' });
    const [up] = d.objectives;
    assert.equal(up.result?.partial, true);
    assert.equal(up.result?.samples, 240);
    assert.ok(up.budget.meaningful && up.budget.unit === 'minutes');
    // 31 days × 1440 min × 0.1%.
    assert.ok(Math.abs(up.budget.allowed - 44.64) < 1e-9, String(up.budget.allowed));
    // 10 days × 1440 min × (1 − 239/240): the one hour down, not 31 days' worth of the failed share (186 min).
    assert.ok(Math.abs(up.budget.used - 60) < 1e-9, String(up.budget.used));
    assert.ok(Math.abs(up.budget.left - (44.64 - 60)) < 1e-9);
    assert.equal(up.budget.usedUntil, '2026-12-10 24:00');
    assert.ok(up.downtimeMinutes !== null && Math.abs(up.downtimeMinutes - 60) < 1e-9, String(up.downtimeMinutes));
    const markdown = renderReport(d, 'markdown');
    assert.match(markdown, /overspent by 15\\?\.36 min \(period in progress: allowed over the whole period, used up to 2026-12-10 24:00\)/);
  });

  it('without `every` a file gives no end of measured time: the whole period’s time for both, no note', async () => {
    const d = await produceReport(CONTRACT.replace('every 1h', ''), 'live.sla', { metrics: [metricsFile()] }, { period: '2026-12' });
    const [up] = d.objectives;
    assert.equal(up.result?.partial, false);
    assert.ok(up.budget.meaningful);
    assert.equal(up.budget.usedUntil, null);
    // Without `every` the file's data gives no end of measured time: the whole month's minutes, as before.
    assert.ok(Math.abs(up.budget.used - (44640 * (100 - (100 * 239) / 240)) / 100) < 1e-9, String(up.budget.used));
  });

  it('in Chinese: the same note', async () => {
    const d = await produceReport(CONTRACT, 'live.sla', { metrics: [metricsFile()] }, { period: '2026-12', locale: 'zh-CN' });
    assert.match(renderReport(d, 'markdown'), /（周期进行中：允许量按整个周期计，已用量计至 2026-12-10 24:00）/);
  });
});
