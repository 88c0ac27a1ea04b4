// A schedule block as weekly hours, for hovers and budgets.
import { DAY_NAMES, type Days, type Schedule } from '../language/ast';
import { weeklySchedule, type ScheduleLineSpec, type WeeklySchedule } from './budget';

/** Weekday numbers (0 = Monday) a `Days` form covers; a range may wrap (`fri..mon`). */
export function daysOf(days: Days | undefined): number[] {
  if (!days) return [];
  switch (days.form) {
    case 'daily':
      return [0, 1, 2, 3, 4, 5, 6];
    case 'weekdays':
      return [0, 1, 2, 3, 4];
    case 'weekends':
      return [5, 6];
    default: {
      const from = DAY_NAMES.indexOf(days.from?.text as (typeof DAY_NAMES)[number]);
      if (from < 0) return [];
      const to = days.to ? DAY_NAMES.indexOf(days.to.text as (typeof DAY_NAMES)[number]) : from;
      if (to < 0) return [];
      const result: number[] = [];
      for (let d = from; ; d = (d + 1) % 7) {
        result.push(d);
        if (d === to) break;
      }
      return result;
    }
  }
}

export function scheduleToWeekly(schedule: Schedule): WeeklySchedule {
  const lines: ScheduleLineSpec[] = [];
  const holidays: string[] = [];
  for (const item of schedule.items ?? []) {
    if (item?.type === 'ScheduleLine') {
      const ranges: [number, number][] = [];
      for (const range of item.ranges ?? []) {
        if (!range?.start?.valid || !range.end?.valid) continue;
        ranges.push([range.start.hour * 60 + range.start.minute, range.end.hour * 60 + range.end.minute]);
      }
      lines.push({ days: daysOf(item.days), ranges });
    } else if (item?.type === 'Holidays') {
      for (const date of item.dates ?? []) {
        if (date?.valid) holidays.push(`${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`);
      }
    }
  }
  return weeklySchedule(lines, holidays);
}
