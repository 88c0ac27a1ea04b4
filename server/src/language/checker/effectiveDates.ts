// SLA405 (LANGUAGE.md 4, 1.1): a holiday, a make-up working date (`on`) or a one-off
// maintenance start outside the `effective` dates, compared as local dates in the contract's
// time zone: such a date can never matter, so it is most likely a typo (a wrong year).
// SLA404: a date listed twice in one schedule's `holidays` and `on` lines.
import type { DateLiteral, DateTimeLiteral, HolidaysItem, OnItem, Range, Schedule, ScheduleOnItem } from '../ast';
import { daysFromCivil, formatDate, localMs, MS_PER_MINUTE, type CivilDate } from '../calendar';
import { lineOf, type CheckContext } from './context';
import type { CheckTable } from './registry';
import { localDateIn } from './zones';

function dayNumber(date: CivilDate): number {
  return daysFromCivil(date.year, date.month, date.day);
}

function text(date: CivilDate): string {
  return formatDate(dayNumber(date));
}

/** The contract's effective dates in words, or undefined when it has none (nothing to compare). */
function effectiveText(ctx: CheckContext): string | undefined {
  const { effectiveStart: start, effectiveEnd: end } = ctx.linked;
  if (!start && !end) return undefined;
  if (start && end) return ctx.t('check.sla405.effectiveBetween', { start: text(start), end: text(end) });
  return start ? ctx.t('check.sla405.effectiveFrom', { start: text(start) }) : ctx.t('check.sla405.effectiveUntil', { end: text(end!) });
}

/** Whether a local date lies outside the effective dates (an open end is no bound; reversed dates are SLA402's alone). */
function outsideEffective(ctx: CheckContext, date: CivilDate): boolean {
  const { effectiveStart: start, effectiveEnd: end } = ctx.linked;
  if (start && end && dayNumber(end) < dayNumber(start)) return false;
  const day = dayNumber(date);
  return (start !== undefined && day < dayNumber(start)) || (end !== undefined && day > dayNumber(end));
}

/** Reports one date of a schedule (a holiday, or an `on` date) outside the effective dates. */
function reportScheduleDate(ctx: CheckContext, date: DateLiteral, what: 'holiday' | 'on'): void {
  if (!date.valid || !outsideEffective(ctx, date)) return;
  const effective = effectiveText(ctx);
  if (!effective) return;
  const id = what === 'holiday' ? 'check.sla405.holiday' : 'check.sla405.workingDate';
  ctx.report('SLA405', date.range, ctx.t(id, { date: date.text, effective }));
}

function checkHolidays(item: HolidaysItem, ctx: CheckContext): void {
  for (const date of item.dates ?? []) if (date) reportScheduleDate(ctx, date, 'holiday');
}

function checkWorkingDates(item: ScheduleOnItem, ctx: CheckContext): void {
  for (const date of item.dates ?? []) if (date) reportScheduleDate(ctx, date, 'on');
}

/** SLA404 at every later listing of a date in the schedule's `holidays` and `on` lines. */
function checkDatesListedOnce(schedule: Schedule, ctx: CheckContext): void {
  const first = new Map<number, DateLiteral>();
  for (const item of schedule.items ?? []) {
    if (item?.type !== 'Holidays' && item?.type !== 'ScheduleOn') continue;
    for (const date of item.dates ?? []) {
      if (!date?.valid) continue;
      const day = dayNumber(date);
      const earlier = first.get(day);
      if (!earlier) first.set(day, date);
      else ctx.report('SLA404', date.range, ctx.t('check.sla404', { date: date.text, schedule: schedule.name?.text ?? '', line: lineOf(earlier.range) }));
    }
  }
}

/** The local date on which a maintenance window starts, in the contract's zone. */
function startDate(at: DateTimeLiteral, zone: string | undefined): CivilDate | undefined {
  if (at.offsetMinutes === undefined) return { year: at.year, month: at.month, day: at.day };
  const instant = localMs(at.year, at.month, at.day, at.hour, at.minute, at.second) - at.offsetMinutes * MS_PER_MINUTE;
  return localDateIn(zone ?? 'UTC', instant);
}

function checkMaintenanceStart(item: OnItem, ctx: CheckContext, parent: { type: string } | undefined): void {
  const at = item.at;
  if (parent?.type !== 'Maintenance' || !at?.valid) return;
  const date = startDate(at, ctx.linked.zoneName);
  if (!date || !outsideEffective(ctx, date)) return;
  const effective = effectiveText(ctx);
  if (!effective) return;
  const range: Range = at.range;
  ctx.report('SLA405', range, ctx.t('check.sla405.maintenance', { start: at.text, date: text(date), effective }));
}

export const effectiveDateChecks: CheckTable = {
  Schedule: [checkDatesListedOnce],
  Holidays: [checkHolidays],
  ScheduleOn: [checkWorkingDates],
  On: [checkMaintenanceStart],
};
