import { strict as assert } from 'node:assert';
import {
  describeBudget,
  failureShare,
  formatDuration,
  scheduledTime,
  weeklyMinutes,
  weeklySchedule,
} from '../../server/src/services/support/budget';

const DAY = 86_400_000;

describe('budget arithmetic', () => {
  it('formats durations as people say them', () => {
    assert.equal(formatDuration(0.001 * 30 * DAY), '43 min 12 s');
    assert.equal(formatDuration(0.001 * 31 * DAY), '44 min 38 s');
    assert.equal(formatDuration(0.01 * 30 * DAY), '7 h 12 min');
    assert.equal(formatDuration(0.01 * 365 * DAY), '3 d 15 h 36 min');
    assert.equal(formatDuration(0.00001 * DAY), '864 ms');
    assert.equal(formatDuration(0), '0 s');
  });

  it('gives the failure share of availability and error-rate targets only', () => {
    assert.ok(Math.abs(failureShare({ kind: 'availability', op: '>=', value: 99.9, unit: '%' })! - 0.001) < 1e-12);
    assert.equal(failureShare({ kind: 'error_rate', op: '<=', value: 0.5, unit: '%' }), 0.005);
    assert.equal(failureShare({ kind: 'availability', op: '<=', value: 99.9, unit: '%' }), undefined);
    assert.equal(failureShare({ kind: 'latency', op: '<=', value: 500, unit: 'ms', aggregate: 'p95', percentile: 95 }), undefined);
  });

  it('lists the downtime of 99.9% for every month length', () => {
    const lines = describeBudget({ kind: 'availability', op: '>=', value: 99.9, unit: '%' }, { form: 'calendar', period: 'month' });
    const text = lines.join('\n');
    for (const expected of ['40 min 19 s in a 28-day month', '41 min 46 s in a 29-day month', '43 min 12 s in a 30-day month', '44 min 38 s in a 31-day month']) {
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
    }
  });

  it('gives weeks, days, quarters, years and rolling windows', () => {
    const target = { kind: 'availability' as const, op: '>=' as const, value: 99.9, unit: '%' };
    assert.match(describeBudget(target, { form: 'calendar', period: 'week' }).join('\n'), /10 min 5 s in a week/);
    assert.match(describeBudget(target, { form: 'calendar', period: 'day' }).join('\n'), /1 min 26 s in a day/);
    assert.match(describeBudget(target, { form: 'calendar', period: 'quarter' }).join('\n'), /2 h 12 min 29 s in a 92-day quarter/);
    assert.match(describeBudget(target, { form: 'calendar', period: 'year' }).join('\n'), /8 h 45 min 36 s in a 365-day year/);
    assert.match(describeBudget(target, { form: 'rolling', durationMs: 30 * DAY }).join('\n'), /43 min 12 s in 30 d/);
  });

  it('counts scheduled hours: weekdays of a month minus holidays', () => {
    const office = weeklySchedule([{ days: [0, 1, 2, 3, 4], ranges: [[9 * 60, 18 * 60]] }], ['2026-10-01', '2026-10-02', '2026-10-03']);
    assert.equal(weeklyMinutes(office), 45 * 60);
    // October 2026: 22 weekdays; the 1st and 2nd are a Thursday and a Friday, the 3rd a Saturday.
    const october = scheduledTime(office, 2026, 10, 1, 31);
    assert.deepEqual(october, { minutes: 20 * 9 * 60, scheduledDays: 20, holidaysTaken: 2 });
    const text = describeBudget(
      { kind: 'availability', op: '>=', value: 99.9, unit: '%' },
      { form: 'calendar', period: 'month' },
      { name: 'office', schedule: office },
      { year: 2026, month: 10 },
    ).join('\n');
    assert.match(text, /45 h a week/);
    // 0.1% of 198 h (22 days of 9 h) = 11 min 53 s; of 180 h (October with 2 holidays) = 10 min 48 s.
    assert.match(text, /11 min 53 s in a month with 22 scheduled days of 9 h \(198 h\)/);
    assert.match(text, /10 min 48 s in October 2026: 180 h scheduled on 20 days, 2 holidays left out/);
  });

  it('merges overlapping schedule lines and wraps day ranges', () => {
    const schedule = weeklySchedule([
      { days: [0], ranges: [[8 * 60, 12 * 60], [10 * 60, 14 * 60]] },
      { days: [4, 5, 6, 0], ranges: [[0, 60]] },
    ]);
    assert.equal(weeklyMinutes(schedule), 6 * 60 + 3 * 60 + 60);
  });

  it('explains percentile and aggregate targets', () => {
    const p95 = describeBudget({ kind: 'latency', op: '<=', value: 500, unit: 'ms', aggregate: 'p95', percentile: 95 }, { form: 'calendar', period: 'month' }).join('\n');
    assert.match(p95, /about 5% of the values in each calendar month may be above 500ms/);
    const min = describeBudget({ kind: 'throughput', op: '>=', value: 150, unit: 'rps', aggregate: 'min' }, { form: 'calendar', period: 'month' }).join('\n');
    assert.match(min, /Every value in each calendar month must be at least 150rps/);
  });

  it('says there is no budget for 100%', () => {
    const text = describeBudget({ kind: 'availability', op: '>=', value: 100, unit: '%' }, { form: 'calendar', period: 'month' }).join('\n');
    assert.match(text, /No error budget/);
  });
});
