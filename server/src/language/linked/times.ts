// Schedules and maintenance windows as weekly minute ranges and dates: the one reading of
// `mon..fri 09:00-18:00`, `holidays …`, schedule `on 2026-10-10 09:00-18:00` (1.1),
// `every sun 02:00-04:00` and `on … for 2h`.
import { DAY_NAMES, type DayName, type Days, type Maintenance, type Schedule, type TimeRange } from '../ast';
import type { CivilDate } from '../calendar';
import { durationMs } from '../units';
import type { DatedRanges, MaintenanceFacts, MinuteRange, ScheduleFacts, WeeklyRange } from './facts';

/** Weekday numbers (0 = Monday) a `Days` form covers; a range may wrap (`fri..mon`). */
function weekdaysOf(days: Days | undefined): number[] {
  if (!days) return [];
  switch (days.form) {
    case 'daily':
      return [0, 1, 2, 3, 4, 5, 6];
    case 'weekdays':
      return [0, 1, 2, 3, 4];
    case 'weekends':
      return [5, 6];
    default: {
      const from = DAY_NAMES.indexOf(days.from?.text as DayName);
      const to = days.to ? DAY_NAMES.indexOf(days.to.text as DayName) : from;
      if (from < 0 || to < 0) return [];
      const result: number[] = [];
      for (let d = from; ; d = (d + 1) % 7) {
        result.push(d);
        if (d === to) break;
      }
      return result;
    }
  }
}

/** Minutes of the day of a valid, non-empty time range (an empty or reversed one is SLA400). */
function minutesOf(range: TimeRange | undefined): MinuteRange | undefined {
  if (!range?.start?.valid || !range.end?.valid) return undefined;
  const start = range.start.hour * 60 + range.start.minute;
  const end = range.end.hour * 60 + range.end.minute;
  return end > start ? { start, end } : undefined;
}

export function scheduleFacts(schedule: Schedule): ScheduleFacts {
  const ranges: WeeklyRange[] = [];
  const holidays: CivilDate[] = [];
  const onDates: DatedRanges[] = [];
  for (const item of schedule.items ?? []) {
    if (item?.type === 'ScheduleLine') {
      const days = weekdaysOf(item.days);
      for (const range of item.ranges ?? []) {
        const minutes = minutesOf(range);
        if (minutes) ranges.push({ days, ...minutes });
      }
    } else if (item?.type === 'Holidays') {
      for (const date of item.dates ?? []) if (date?.valid) holidays.push({ year: date.year, month: date.month, day: date.day });
    } else if (item?.type === 'ScheduleOn') {
      const minutes: MinuteRange[] = [];
      for (const range of item.ranges ?? []) {
        const m = minutesOf(range);
        if (m) minutes.push(m);
      }
      for (const date of item.dates ?? []) {
        if (date?.valid) onDates.push({ date: { year: date.year, month: date.month, day: date.day }, ranges: minutes });
      }
    }
  }
  return { node: schedule, name: schedule.name?.text ?? '', ranges, holidays, onDates };
}

export function maintenanceFacts(maintenance: Maintenance): MaintenanceFacts {
  const recurring: WeeklyRange[] = [];
  const windows: MaintenanceFacts['windows'] = [];
  for (const item of maintenance.items ?? []) {
    if (item?.type === 'Every' && item.days) {
      const minutes = minutesOf(item.times);
      if (minutes) recurring.push({ days: weekdaysOf(item.days), ...minutes });
    } else if (item?.type === 'On' && item.at?.valid && item.duration) {
      const length = durationMs(item.duration.value, item.duration.unit);
      if (length !== undefined && length > 0) windows.push({ at: item.at, durationMs: length });
    }
  }
  return { node: maintenance, name: maintenance.name?.text ?? '', recurring, windows };
}
