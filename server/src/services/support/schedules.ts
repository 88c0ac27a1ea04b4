// A schedule's linked facts as weekly hours, for hovers and budgets.
import { formatDate, daysFromCivil } from '../../language/calendar';
import type { ScheduleFacts } from '../../language/linked';
import { weeklySchedule, type WeeklySchedule } from './budget';

export function scheduleToWeekly(schedule: ScheduleFacts): WeeklySchedule {
  const lines = schedule.ranges.map(({ days, start, end }) => ({ days, ranges: [[start, end] as [number, number]] }));
  const holidays = schedule.holidays.map((d) => formatDate(daysFromCivil(d.year, d.month, d.day)));
  return weeklySchedule(lines, holidays);
}
