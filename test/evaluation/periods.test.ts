import * as assert from 'node:assert/strict';
import { CalendarPeriods } from '../../server/src/evaluation/periods';
import { ZoneRules } from '../../server/src/evaluation/timezone';

describe('calendar periods', () => {
  const shanghai = ZoneRules.of('Asia/Shanghai')!;
  const bounds = (zone: ZoneRules, period: 'day' | 'week' | 'month' | 'quarter' | 'year', at: string) => {
    const periods = new CalendarPeriods(zone, period);
    periods.locate(Date.parse(at));
    return [zone.format(periods.start), zone.format(periods.end)];
  };

  it('aligns days, Monday weeks, months, quarters and years in the contract zone', () => {
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in Shanghai (a Friday).
    const t = '2026-12-31T16:30:00Z';
    assert.deepEqual(bounds(shanghai, 'day', t), ['2027-01-01T00:00:00+08:00', '2027-01-02T00:00:00+08:00']);
    assert.deepEqual(bounds(shanghai, 'week', t), ['2026-12-28T00:00:00+08:00', '2027-01-04T00:00:00+08:00']);
    assert.deepEqual(bounds(shanghai, 'month', t), ['2027-01-01T00:00:00+08:00', '2027-02-01T00:00:00+08:00']);
    assert.deepEqual(bounds(shanghai, 'quarter', t), ['2027-01-01T00:00:00+08:00', '2027-04-01T00:00:00+08:00']);
    assert.deepEqual(bounds(shanghai, 'year', t), ['2027-01-01T00:00:00+08:00', '2028-01-01T00:00:00+08:00']);
    // One millisecond earlier is still 2026 there.
    assert.deepEqual(bounds(shanghai, 'quarter', '2026-12-31T15:59:59.999Z'), ['2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00']);
    assert.deepEqual(bounds(shanghai, 'month', '2028-02-29T12:00:00Z'), ['2028-02-01T00:00:00+08:00', '2028-03-01T00:00:00+08:00']);
  });

  it('starts a day at the first instant of its date where midnight is skipped', () => {
    // Chile moves its clocks from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00 -03:00.
    const santiago = ZoneRules.of('America/Santiago')!;
    assert.deepEqual(bounds(santiago, 'day', '2026-09-06T12:00:00Z'), ['2026-09-06T01:00:00-03:00', '2026-09-07T00:00:00-03:00']);
  });
});
