// Which instants count for an objective (LANGUAGE.md 5: `effective`, `during`, `excluding`),
// written as one PromQL condition: an instant vector that holds one element exactly when
// the evaluation time counts. Wall-clock parts (`hour()`, `minute()`, `day_of_week()`,
// `day_of_month()`, `month()`, `year()`) are read from `vector(time() + offset)`, so they
// are right only while the zone keeps that one offset; absolute instants (effective dates,
// one-off maintenance) are exact in every zone.
import type { CivilDate } from '../language/calendar';
import { MS_PER_MINUTE, localMs } from '../language/calendar';
import type { DatedRanges, MaintenanceFacts, ScheduleFacts, WeeklyRange } from '../language/linked';
import { ZoneRules } from '../evaluation/timezone';

/** The zone as PromQL can see it: one offset, and the other offsets it has when not fixed. */
export interface ZoneOffsets {
  /** Offset from UTC in minutes used for every wall-clock condition. */
  used: number;
  /** Every offset the zone has in the span looked at (one when the offset is fixed). */
  all: number[];
}

const MS_PER_YEAR = 365 * 24 * 60 * MS_PER_MINUTE;

/**
 * The offsets of a zone from a year before `from` to two years after it, probed at every
 * month start: daylight saving lasts months, so a probe a month apart never misses it.
 * The offset used is the one in force at `from` when it is the zone's smallest (standard
 * time in the northern hemisphere's winter), else the smallest.
 */
export function zoneOffsets(zone: ZoneRules, from: number): ZoneOffsets {
  const seen = new Set<number>();
  for (let at = from - MS_PER_YEAR; at <= from + 2 * MS_PER_YEAR; at += 30 * 24 * 60 * MS_PER_MINUTE) seen.add(zone.offsetAt(at));
  const all = [...seen].sort((a, b) => a - b);
  return { used: all[0], all };
}

/** The instant (ms) of a local civil date-time in the zone. */
export function instantOf(zone: ZoneRules, date: CivilDate, hour = 0, minute = 0, second = 0): number {
  return zone.toUtc(localMs(date.year, date.month, date.day, hour, minute, second));
}

/** What the condition reads: the zone's wall clock at the evaluation time. */
function localClock(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'vector(time())' : `vector(time() + ${offsetMinutes * 60})`;
}

/** PromQL weekday (0 = Sunday) of ours (0 = Monday). */
function promWeekday(day: number): number {
  return (day + 1) % 7;
}

/** Runs of consecutive PromQL weekdays, as `[first, last]`. */
function weekdayRuns(days: readonly number[]): [number, number][] {
  const sorted = [...new Set(days.map(promWeekday))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function anyOf(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' or ');
}

function minutesIn(range: { start: number; end: number }, clock: string): string {
  return `(hour(${clock}) * 60 + minute(${clock})) >= ${range.start} < ${range.end}`;
}

function weeklyRange(range: WeeklyRange, clock: string): string {
  const days = weekdayRuns(range.days).map(([first, last]) =>
    first === last ? `day_of_week(${clock}) == ${first}` : `day_of_week(${clock}) >= ${first} <= ${last}`,
  );
  const minutes = minutesIn(range, clock);
  return range.days.length === 7 ? minutes : `(${anyOf(days)}) and on() (${minutes})`;
}

/** (1.1) A schedule's `on DATE RANGES` line for one date: that local date, within its ranges. */
function onDate(on: DatedRanges, clock: string): string {
  const { year, month, day } = on.date;
  return `${dateRun([year, month, day, day], clock)} and on() (${anyOf(on.ranges.map((r) => minutesIn(r, clock)))})`;
}

function between(startMs: number, endMs: number): string {
  return `vector(time()) >= ${Math.floor(startMs / 1000)} < ${Math.ceil(endMs / 1000)}`;
}

export interface Eligibility {
  zone: ZoneRules;
  offsets: ZoneOffsets;
  effectiveStart?: CivilDate;
  effectiveEnd?: CivilDate;
  during?: ScheduleFacts;
  excluding: MaintenanceFacts[];
}

/** The day after a civil date. */
function nextDay(date: CivilDate): CivilDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/**
 * The condition for the instants that the `during` schedule and the `excluding` windows
 * let count, or undefined when there are neither. A schedule with no valid range matches
 * nothing (`vector(1) < 0`), as it makes nothing eligible.
 */
export function timeCondition(e: Eligibility): string | undefined {
  const clock = localClock(e.offsets.used);
  let condition: string | undefined;
  if (e.during) {
    condition = e.during.ranges.length > 0 ? anyOf(e.during.ranges.map((r) => weeklyRange(r, clock))) : 'vector(1) < 0';
    // Holidays and (1.1) `on` dates both take their day out of the day lines; an `on` date
    // then counts with its own ranges (a make-up working day).
    const dated = [...e.during.holidays, ...e.during.onDates.map((on) => on.date)];
    if (dated.length > 0) condition = `(${condition}) unless on() (${anyOf(holidayRuns(dated).map((run) => dateRun(run, clock)))})`;
    const onDays = e.during.onDates.filter((on) => on.ranges.length > 0).map((on) => onDate(on, clock));
    if (onDays.length > 0) condition = anyOf([condition, ...onDays]);
  }
  const excluded: string[] = [];
  for (const maintenance of e.excluding) {
    for (const range of maintenance.recurring) excluded.push(weeklyRange(range, clock));
    for (const window of maintenance.windows) {
      const at = window.at;
      const start =
        at.offsetMinutes !== undefined
          ? localMs(at.year, at.month, at.day, at.hour, at.minute, at.second) - at.offsetMinutes * MS_PER_MINUTE
          : instantOf(e.zone, at, at.hour, at.minute, at.second);
      excluded.push(between(start, start + window.durationMs));
    }
  }
  if (excluded.length > 0) condition = `(${condition ?? 'vector(1)'}) unless on() (${anyOf(excluded)})`;
  return condition;
}

/** The condition for the instants inside the `effective` dates, or undefined without them. */
export function effectiveCondition(e: Eligibility): string | undefined {
  const start = e.effectiveStart && Math.floor(instantOf(e.zone, e.effectiveStart) / 1000);
  const end = e.effectiveEnd && Math.ceil(instantOf(e.zone, nextDay(e.effectiveEnd)) / 1000);
  if (start !== undefined && end !== undefined) return `vector(time()) >= ${start} < ${end}`;
  if (start !== undefined) return `vector(time()) >= ${start}`;
  if (end !== undefined) return `vector(time()) < ${end}`;
  return undefined;
}

/** Holidays as runs of consecutive days within one month: [year, month, first day, last day]. */
function holidayRuns(dates: readonly CivilDate[]): [number, number, number, number][] {
  const sorted = [...dates].sort((a, b) => a.year - b.year || a.month - b.month || a.day - b.day);
  const runs: [number, number, number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] === d.year && last[1] === d.month && last[3] >= d.day - 1) last[3] = Math.max(last[3], d.day);
    else runs.push([d.year, d.month, d.day, d.day]);
  }
  return runs;
}

function dateRun([year, month, first, last]: [number, number, number, number], clock: string): string {
  const days = first === last ? `day_of_month(${clock}) == ${first}` : `day_of_month(${clock}) >= ${first} <= ${last}`;
  return `year(${clock}) == ${year} and on() month(${clock}) == ${month} and on() ${days}`;
}
