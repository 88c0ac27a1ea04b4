// Calendar periods in the contract's zone (LANGUAGE.md section 5): a day from local
// midnight, a week from Monday 00:00, a month from the 1st, a quarter from January, April,
// July or October 1st, a year from January 1st. The period of the last sample is cached,
// so a run of samples in one period costs two comparisons each.
import type { PeriodName } from '../language/ast';
import { MS_PER_DAY, civilFromDays, daysFromCivil, weekdayOfDays } from '../language/calendar';
import type { ZoneRules } from './timezone';

export class CalendarPeriods {
  readonly period: PeriodName;
  private readonly zone: ZoneRules;
  /** The period found last: [start, end). */
  // NaN, not 0: a double from the start (a field that starts as a small integer and then
  // takes a double changes the object's hidden class, and V8 throws away the code optimised
  // for the old one: docs/performance.md, eighth round). [NaN, NaN) holds nothing, as [0, 0) did.
  start = NaN;
  end = NaN;

  constructor(zone: ZoneRules, period: PeriodName) {
    this.zone = zone;
    this.period = period;
  }

  /** Makes [start, end) the period holding t; returns start. */
  locate(t: number): number {
    if (t >= this.start && t < this.end) return this.start;
    const zone = this.zone;
    let day = firstDayOf(this.period, Math.floor(zone.toLocal(t) / MS_PER_DAY));
    let start = zone.startOfDay(day);
    let next = nextFirstDay(this.period, day);
    let end = zone.startOfDay(next);
    // Where a DST change crosses midnight, the local date and the period bounds can disagree: step.
    while (t < start) {
      next = day;
      end = start;
      day = firstDayOf(this.period, day - 1);
      start = zone.startOfDay(day);
    }
    while (t >= end) {
      day = next;
      start = end;
      next = nextFirstDay(this.period, day);
      end = zone.startOfDay(next);
    }
    this.start = start;
    this.end = end;
    return start;
  }
}

/** The first local day of the period holding a local day. */
function firstDayOf(period: PeriodName, day: number): number {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return day - weekdayOfDays(day);
    case 'month': {
      const c = civilFromDays(day);
      return daysFromCivil(c.year, c.month, 1);
    }
    case 'quarter': {
      const c = civilFromDays(day);
      return daysFromCivil(c.year, c.month - ((c.month - 1) % 3), 1);
    }
    case 'year':
      return daysFromCivil(civilFromDays(day).year, 1, 1);
  }
}

/** The first local day of the next period, given the first day of a period. */
function nextFirstDay(period: PeriodName, first: number): number {
  switch (period) {
    case 'day':
      return first + 1;
    case 'week':
      return first + 7;
    case 'month':
    case 'quarter': {
      const c = civilFromDays(first);
      const months = period === 'month' ? 1 : 3;
      const m = c.month - 1 + months;
      return daysFromCivil(c.year + Math.floor(m / 12), (m % 12) + 1, 1);
    }
    case 'year':
      return daysFromCivil(civilFromDays(first).year + 1, 1, 1);
  }
}
