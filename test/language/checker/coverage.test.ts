// (1.1) SLA211–SLA213 (what `missing down`, `coverage` and `counters` need), SLA404 (a date
// listed twice in a schedule), SLA405 for `on` dates and SLA505 (review overdue).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/language/analyze';
import { nextReview } from '../../../server/src/language/checker/review';
import { daysFromCivil, formatDate } from '../../../server/src/language/calendar';
import { contract, expectNone, expectOne, find, withCode } from './helpers';

describe('SLA211 `missing down`', () => {
  it('without `every`: at the item', () => {
    const text = contract('  indicator probe { kind availability metric "up" missing down }');
    expectOne(text, { code: 'SLA211', severity: 'error', range: find(text, 'missing down'), words: ['needs `every`'] });
  });

  it('on a latency indicator, and on a ratio', () => {
    const latency = contract('  indicator lat { kind latency metric "ms" every 1m missing down }');
    expectOne(latency, { code: 'SLA211', severity: 'error', range: find(latency, 'missing down'), words: ['a `latency` indicator'] });
    const ratio = contract('  indicator ok { kind availability ratio good "ok" total "all" every 1m missing down }');
    expectOne(ratio, { code: 'SLA211', severity: 'error', range: find(ratio, 'missing down'), words: ['read from a `ratio`'] });
  });

  it('not on availability read from a metric with `every`', () => {
    expectNone(contract('  indicator probe { kind availability metric "up" every 1m missing down }'), 'SLA211');
  });
});

describe('SLA212 `coverage` without `every`', () => {
  const objective = (indicator: string) =>
    contract(`  indicator probe { kind availability metric "up" ${indicator} }
  objective o { indicator probe target >= 99% window calendar month coverage 90% }`);

  it('at the coverage item when the indicator has no `every`', () => {
    const text = objective('');
    expectOne(text, { code: 'SLA212', severity: 'error', range: find(text, 'coverage 90%'), words: ['`coverage` of `o`', '`probe` has no `every`'] });
  });

  it('not when it has one', () => {
    expectNone(objective('every 30s'), 'SLA212');
  });
});

describe('SLA213 `counters` without `ratio`', () => {
  it('at the item; not on a ratio', () => {
    const text = contract('  indicator probe { kind availability metric "up" counters }');
    expectOne(text, { code: 'SLA213', severity: 'error', range: find(text, 'counters'), words: ['`counters` on `probe`, which has no `ratio`'] });
    expectNone(contract('  indicator ok { kind availability ratio good "ok" total "all" counters }'), 'SLA213');
  });
});

describe('SLA404 a date listed twice in one schedule', () => {
  it('in one line, across holidays and on lines: at each later occurrence', () => {
    const text = contract(`  schedule office {
    mon..fri 09:00-18:00
    holidays 2026-10-01, 2026-10-02, 2026-10-01
    on 2026-10-02 09:00-12:00
    on 2026-10-10 09:00-18:00
  }`);
    const found = withCode(text, 'SLA404');
    assert.deepEqual(found.map((d) => d.range), [find(text, '2026-10-01', 2), find(text, '2026-10-02', 2)]);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /2026-10-01 is listed twice in schedule `office` \(first at line 9\)/);
  });

  it('not across two schedules', () => {
    expectNone(contract('  schedule a { holidays 2026-10-01 }\n  schedule b { holidays 2026-10-01 }'), 'SLA404');
  });
});

describe('SLA405 make-up working dates outside the effective dates', () => {
  it('on the `on` date', () => {
    const text = contract('  effective 2026-01-01 to 2026-12-31\n  schedule office { mon..fri 09:00-18:00 on 2025-12-27 09:00-18:00 }');
    expectOne(text, { code: 'SLA405', severity: 'warning', range: find(text, '2025-12-27'), words: ['make-up working date 2025-12-27'] });
  });
});

describe('SLA505 review overdue', () => {
  const reviewed = (cadence: string, date: string) =>
    contract(`  timezone "Asia/Shanghai"\n  reviewed ${date}`).replace('review yearly', `review ${cadence}`);
  const overdue = (cadence: string, date: string, today: string) => {
    const [year, month, day] = today.split('-').map(Number);
    return analyze(reviewed(cadence, date), { today: { year, month, day } }).diagnostics.filter((d) => d.code === 'SLA505');
  };

  it('adds cadences as calendar units, clamping to the month end', () => {
    const next = (date: string, cadence: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly') => {
      const [year, month, day] = date.split('-').map(Number);
      return formatDate(nextReview({ year, month, day }, cadence));
    };
    assert.equal(next('2026-01-31', 'monthly'), '2026-02-28');
    assert.equal(next('2024-01-31', 'monthly'), '2024-02-29');
    assert.equal(next('2026-11-30', 'quarterly'), '2027-02-28');
    assert.equal(next('2024-02-29', 'yearly'), '2025-02-28');
    assert.equal(next('2026-12-31', 'daily'), '2027-01-01');
    assert.equal(next('2026-12-28', 'weekly'), '2027-01-04');
    assert.equal(daysFromCivil(2026, 2, 28), nextReview({ year: 2026, month: 1, day: 31 }, 'monthly'));
  });

  it('overdue only when today is after the due date', () => {
    assert.equal(overdue('monthly', '2026-01-31', '2026-02-28').length, 0);
    const [d] = overdue('monthly', '2026-01-31', '2026-03-01');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /reviewed on 2026-01-31 with a monthly review, the next was due by 2026-02-28 and today is 2026-03-01/);
    assert.deepEqual(d.data, { today: '2026-03-01' });
    const text = reviewed('monthly', '2026-01-31');
    assert.deepEqual(d.range, find(text, 'reviewed 2026-01-31'));
    assert.equal(overdue('quarterly', '2026-11-30', '2027-02-28').length, 0);
    assert.equal(overdue('quarterly', '2026-11-30', '2027-03-01').length, 1);
  });

  it('without `review`, `reviewed` is never reported', () => {
    const text = contract('  reviewed 2000-01-01').replace('  review yearly\n', '');
    assert.equal(analyze(text, { today: { year: 2026, month: 12, day: 5 } }).diagnostics.filter((d) => d.code === 'SLA505').length, 0);
  });

  it('uses the local date in the contract zone when no date is given', () => {
    // 2026-02-28T17:00Z is 2026-03-01 01:00 in Shanghai: overdue there; still 2026-02-28 in UTC.
    const now = Date.UTC(2026, 1, 28, 17);
    const shanghai = analyze(reviewed('monthly', '2026-01-31'), { now }).diagnostics.filter((d) => d.code === 'SLA505');
    assert.equal(shanghai.length, 1);
    const utc = analyze(reviewed('monthly', '2026-01-31').replace('Asia/Shanghai', 'UTC'), { now }).diagnostics.filter((d) => d.code === 'SLA505');
    assert.equal(utc.length, 0);
  });
});
