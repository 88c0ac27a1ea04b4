// Error-budget arithmetic for hovers: how much failure a target allows per period, in
// words and time, also when the budget only counts scheduled hours (`during`).
// Pure functions over plain numbers and dates; no AST, no LSP.
import { DAY_NAMES, type Comparator, type KindName, type PeriodName } from '../../language/ast';
import type { WindowFacts } from '../../language/linked';
import { MONTH_NAMES, daysFromCivil, daysInMonth, formatDate, isLeapYear, weekdayOfDays } from '../../language/calendar';
import type { PeriodTime, PeriodTimes } from './eligibleTime';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `43 min 12 s`, `7 h 12 min`, `3 d 15 h 36 min`, `864 ms`: rounded to whole seconds from 1 s on. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms === 0) return '0 s';
  if (ms < SECOND) return `${Number(ms.toPrecision(3))} ms`;
  let seconds = Math.round(ms / SECOND);
  const parts: string[] = [];
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds) parts.push(`${seconds} s`);
  return parts.join(' ');
}

/** Hours with at most two decimals, no trailing zeros: `45 h`, `7.5 h`. */
export function formatHours(ms: number): string {
  return `${Number((ms / HOUR).toFixed(2))} h`;
}

/** A percentage without floating-point noise: 0.1, 99.95, 5. */
export function formatPercent(value: number): string {
  return `${Number(value.toPrecision(12))}%`;
}

/** The calendar lengths a period can have, shortest first, with a label for each. */
function periodLengths(period: PeriodName): { label: string; days: number }[] {
  switch (period) {
    case 'day':
      return [{ label: 'a day', days: 1 }];
    case 'week':
      return [{ label: 'a week', days: 7 }];
    case 'month':
      return [28, 29, 30, 31].map((days) => ({ label: `a ${days}-day month`, days }));
    case 'quarter':
      return [
        { label: 'a 90-day quarter (Q1)', days: 90 },
        { label: 'a 91-day quarter (Q1 of a leap year, Q2)', days: 91 },
        { label: 'a 92-day quarter (Q3, Q4)', days: 92 },
      ];
    case 'year':
      return [
        { label: 'a 365-day year', days: 365 },
        { label: 'a 366-day year', days: 366 },
      ];
  }
}

export const PERIOD_ADJECTIVE: Readonly<Record<PeriodName, string>> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  year: 'yearly',
};

// --- schedules -----------------------------------------------------------------------------

/** A weekly schedule: for each weekday (0 = Monday … 6 = Sunday) merged [start, end) minute ranges. */
export interface WeeklySchedule {
  days: [number, number][][];
  /** Holidays as `YYYY-MM-DD`. */
  holidays: string[];
}

export interface ScheduleLineSpec {
  /** Weekday numbers (0 = Monday) the line applies to. */
  days: number[];
  /** Minute-of-day ranges [start, end), end ≤ 1440. */
  ranges: [number, number][];
}

/** Merges schedule lines into one weekly schedule (overlapping lines count once). */
export function weeklySchedule(lines: ScheduleLineSpec[], holidays: string[] = []): WeeklySchedule {
  const days: [number, number][][] = [[], [], [], [], [], [], []];
  for (const line of lines) {
    for (const day of line.days) {
      for (const [start, end] of line.ranges) if (end > start && day >= 0 && day < 7) days[day].push([start, end]);
    }
  }
  return { days: days.map(mergeRanges), holidays: [...new Set(holidays)].sort() };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Scheduled minutes on one weekday. */
function minutesOnWeekday(schedule: WeeklySchedule, weekday: number): number {
  return schedule.days[weekday].reduce((sum, [start, end]) => sum + end - start, 0);
}

export function weeklyMinutes(schedule: WeeklySchedule): number {
  return [0, 1, 2, 3, 4, 5, 6].reduce((sum, day) => sum + minutesOnWeekday(schedule, day), 0);
}

export interface ScheduledTime {
  /** Scheduled minutes in the interval, holidays left out. */
  minutes: number;
  /** Days with scheduled time (holidays not counted). */
  scheduledDays: number;
  /** Holidays that fell on a day with scheduled time. */
  holidaysTaken: number;
}

/** Scheduled time in the calendar days [from, from + days), wall clock (daylight saving ignored). */
export function scheduledTime(schedule: WeeklySchedule, year: number, month: number, day: number, days: number): ScheduledTime {
  const holidays = new Set(schedule.holidays);
  const result: ScheduledTime = { minutes: 0, scheduledDays: 0, holidaysTaken: 0 };
  const first = daysFromCivil(year, month, day);
  for (let date = first; date < first + days; date++) {
    const minutes = minutesOnWeekday(schedule, weekdayOfDays(date));
    if (minutes === 0) continue;
    if (holidays.has(formatDate(date))) {
      result.holidaysTaken++;
      continue;
    }
    result.minutes += minutes;
    result.scheduledDays++;
  }
  return result;
}

/** The calendar periods of `period` that start in `year`: their first day and length in days. */
function periodsOfYear(period: PeriodName, year: number): { label: string; month: number; day: number; days: number }[] {
  switch (period) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({ label: `${MONTH_NAMES[i]} ${year}`, month: i + 1, day: 1, days: daysInMonth(year, i + 1) }));
    case 'quarter':
      return [0, 1, 2, 3].map((q) => ({
        label: `Q${q + 1} ${year}`,
        month: q * 3 + 1,
        day: 1,
        days: daysInMonth(year, q * 3 + 1) + daysInMonth(year, q * 3 + 2) + daysInMonth(year, q * 3 + 3),
      }));
    case 'year':
      return [{ label: `${year}`, month: 1, day: 1, days: isLeapYear(year) ? 366 : 365 }];
    default:
      return [];
  }
}


// --- targets -------------------------------------------------------------------------------

export interface TargetSpec {
  kind?: KindName;
  /** `p95`, `avg`, `min`, `max` or undefined. */
  aggregate?: string;
  percentile?: number;
  op: Comparator;
  value: number;
  unit?: string;
  /** Whether the indicator counts requests (`ratio`) rather than sampling time (`metric`). */
  ratio?: 'good' | 'bad';
}

/** A window as the linked facts read it. */
export type WindowSpec = WindowFacts;

export interface ScheduleSpec {
  name: string;
  schedule: WeeklySchedule;
}

export interface BudgetOptions {
  /** Year whose months are counted for `during` schedules (default: this year). */
  year?: number;
  /** Month (1–12) shown as an example for `during` schedules (default: the current month). */
  month?: number;
  /**
   * The eligible time of the objective's calendar periods as the evaluator counts it, given
   * when `during` or `excluding` make it differ from the calendar: the example period's and
   * the year's budgets then come from it (maintenance, effective dates, daylight saving).
   */
  periodTimes?: PeriodTimes;
}

/**
 * The share (0–1) of time or requests a target allows to fail, when the target is a
 * share: availability (`>= X%`: 100 − X) and error rate (`<= Y%`: Y). Undefined when the
 * target is no share of failures (latency, throughput) or points the unusual way.
 */
export function failureShare(target: TargetSpec): number | undefined {
  if (target.unit !== '%' && target.unit !== undefined) return undefined;
  const lowerBound = target.op === '>=' || target.op === '>';
  const errorLike = target.kind === 'error_rate' || target.ratio === 'bad';
  if (errorLike) return lowerBound ? undefined : clampShare(target.value / 100);
  if (target.kind === 'availability' || target.ratio === 'good') return lowerBound ? clampShare((100 - target.value) / 100) : undefined;
  return undefined;
}

function clampShare(share: number): number | undefined {
  return share >= 0 && share <= 1 ? share : undefined;
}

/** Markdown lines that explain a target's error budget per period. */
export function describeBudget(target: TargetSpec, window: WindowSpec | undefined, during?: ScheduleSpec, options: BudgetOptions = {}): string[] {
  const share = failureShare(target);
  if (share === undefined) return describeAggregateBudget(target, window);
  const lines: string[] = [];
  const what = target.ratio || target.kind === 'error_rate' ? 'of requests may fail' : 'of the time may be down';
  const per = window?.form === 'calendar' ? ` per calendar ${window.period}` : window?.form === 'rolling' ? ` in any rolling ${formatDuration(window.durationMs)}` : '';
  lines.push(`**Error budget:** ${formatPercent(share * 100)} ${what}${per}.`);
  if (share === 0) {
    lines.push('No error budget: a single failure breaches the target.');
    return lines;
  }
  if (!window) {
    lines.push('Add a `window` to see the budget in time.');
    return lines;
  }
  const asTime = target.ratio || target.kind === 'error_rate' ? 'As full-outage time' : 'Allowed downtime';
  if (during) lines.push(...describeScheduledBudget(share, window, during, asTime, options));
  else if (window.form === 'calendar' && options.periodTimes) lines.push(`${asTime}:`, ...describeCountedPeriods(share, window.period, options.periodTimes, options));
  else {
    lines.push(`${asTime}:`);
    if (window.form === 'rolling') lines.push(`- ${formatDuration(share * window.durationMs)} in ${formatDuration(window.durationMs)}`);
    else for (const { label, days } of periodLengths(window.period)) lines.push(`- ${formatDuration(share * days * DAY)} in ${label}`);
  }
  return lines;
}

function describeScheduledBudget(share: number, window: WindowSpec, during: ScheduleSpec, asTime: string, options: BudgetOptions): string[] {
  const { schedule, name } = during;
  const weekly = weeklyMinutes(schedule) * MINUTE;
  const lines = [`Counted in the scheduled time of \`${name}\` only (${formatHours(weekly)} a week${describeWeek(schedule)}), holidays left out.`];
  if (weekly === 0) {
    lines.push('The schedule has no hours: nothing is counted.');
    return lines;
  }
  const now = new Date();
  const year = options.year ?? now.getUTCFullYear();
  const month = options.month ?? (options.year === undefined ? now.getUTCMonth() + 1 : 1);
  lines.push(`${asTime}:`);
  if (window.form === 'rolling') {
    const approx = (weekly * window.durationMs) / (7 * DAY);
    lines.push(`- about ${formatDuration(share * approx)} in ${formatDuration(window.durationMs)} (about ${formatHours(approx)} scheduled)`);
    return lines;
  }
  switch (window.period) {
    case 'day': {
      const perDay = [0, 1, 2, 3, 4, 5, 6].filter((d) => minutesOnWeekday(schedule, d) > 0);
      const distinct = [...new Set(perDay.map((d) => minutesOnWeekday(schedule, d)))];
      for (const minutes of distinct) {
        const days = perDay.filter((d) => minutesOnWeekday(schedule, d) === minutes).map((d) => DAY_NAMES[d]);
        lines.push(`- ${formatDuration(share * minutes * MINUTE)} on ${days.join(', ')} (${formatHours(minutes * MINUTE)} scheduled)`);
      }
      lines.push('- nothing on unscheduled days and holidays');
      return lines;
    }
    case 'week':
      lines.push(`- ${formatDuration(share * weekly)} in a week without holidays`);
      return lines;
    default: {
      const typical = typicalMonth(schedule);
      // A typical month counts no maintenance: not shown where maintenance takes scheduled time.
      if (window.period === 'month' && typical && !(options.periodTimes && options.periodTimes(year, month).maintenanceMs > 0)) {
        lines.push(`- ${formatDuration(share * typical.minutes * MINUTE)} in a month with ${typical.days} scheduled days of ${formatHours(typical.minutes * MINUTE / typical.days)} (${formatHours(typical.minutes * MINUTE)}), no holidays`);
      }
      if (options.periodTimes) {
        lines.push(...describeCountedPeriods(share, window.period, options.periodTimes, { year, month }, schedule));
        return lines;
      }
      const periods = periodsOfYear(window.period, year).map((p) => ({ ...p, time: scheduledTime(schedule, year, p.month, p.day, p.days) }));
      const example = periods.find((p) => p.month <= month && month < p.month + (window.period === 'quarter' ? 3 : window.period === 'year' ? 12 : 1));
      if (example) lines.push(`- ${formatDuration(share * example.time.minutes * MINUTE)} in ${example.label}: ${describeScheduled(example.time)}`);
      if (periods.length > 1) {
        const sorted = [...periods].sort((a, b) => a.time.minutes - b.time.minutes);
        const least = sorted[0];
        const most = sorted[sorted.length - 1];
        lines.push(
          `- ${formatDuration(share * least.time.minutes * MINUTE)} (${least.label}, ${formatHours(least.time.minutes * MINUTE)}) to ` +
            `${formatDuration(share * most.time.minutes * MINUTE)} (${most.label}, ${formatHours(most.time.minutes * MINUTE)}) across ${year}`,
        );
      }
      return lines;
    }
  }
}

/**
 * The budget of the example period and the range across its year, from the time the
 * evaluator counts. With a schedule, the scheduled days and holidays are named as well.
 */
function describeCountedPeriods(share: number, period: PeriodName, times: PeriodTimes, options: BudgetOptions, schedule?: WeeklySchedule): string[] {
  const now = new Date();
  const year = options.year ?? now.getUTCFullYear();
  const month = options.month ?? now.getUTCMonth() + 1;
  const example = times(year, month);
  const lines = [`- ${formatDuration(share * example.eligibleMs)} in ${example.label}: ${describeCounted(example, schedule && scheduledDaysOf(schedule, period, year, month))}`];
  if (period === 'month' || period === 'quarter') {
    const periods = Array.from({ length: period === 'month' ? 12 : 4 }, (_, i) => times(year, period === 'month' ? i + 1 : i * 3 + 1));
    const sorted = [...periods].sort((a, b) => a.eligibleMs - b.eligibleMs);
    const least = sorted[0];
    const most = sorted[sorted.length - 1];
    lines.push(
      `- ${formatDuration(share * least.eligibleMs)} (${least.label}, ${formatHours(least.eligibleMs)}) to ` +
        `${formatDuration(share * most.eligibleMs)} (${most.label}, ${formatHours(most.eligibleMs)}) across ${year}`,
    );
  }
  return lines;
}

/** The scheduled days and holidays (wall clock) of the period holding a month's first day. */
function scheduledDaysOf(schedule: WeeklySchedule, period: PeriodName, year: number, month: number): ScheduledTime | undefined {
  const found = periodsOfYear(period, year).find((p) => p.month <= month && month < p.month + (period === 'quarter' ? 3 : period === 'year' ? 12 : 1));
  return found && scheduledTime(schedule, year, found.month, found.day, found.days);
}

/** `712 h counted of 720 h, 8 h of maintenance left out`; with a schedule, `180 h scheduled on 20 days, 2 holidays left out`. */
function describeCounted(time: PeriodTime, scheduled: ScheduledTime | undefined): string {
  const maintenance = time.maintenanceMs > 0 ? `, ${formatHours(time.maintenanceMs)} of maintenance left out` : '';
  if (scheduled) {
    const holidays = scheduled.holidaysTaken ? `, ${scheduled.holidaysTaken} ${scheduled.holidaysTaken === 1 ? 'holiday' : 'holidays'} left out` : '';
    return `${formatHours(time.eligibleMs + time.maintenanceMs)} scheduled on ${scheduled.scheduledDays} days${holidays}${maintenance}`;
  }
  const outside = time.outsideEffectiveMs > 0 ? `, ${formatHours(time.outsideEffectiveMs)} outside the effective dates` : '';
  return `${formatHours(time.eligibleMs)} counted of ${formatHours(time.totalMs)}${maintenance}${outside}`;
}

function describeScheduled(time: ScheduledTime): string {
  const holidays = time.holidaysTaken ? `, ${time.holidaysTaken} ${time.holidaysTaken === 1 ? 'holiday' : 'holidays'} left out` : '';
  return `${formatHours(time.minutes * MINUTE)} scheduled on ${time.scheduledDays} days${holidays}`;
}

/** `: mon–fri 9 h`: a short summary when every scheduled day has the same hours. */
function describeWeek(schedule: WeeklySchedule): string {
  const scheduled = [0, 1, 2, 3, 4, 5, 6].filter((d) => minutesOnWeekday(schedule, d) > 0);
  const hours = new Set(scheduled.map((d) => minutesOnWeekday(schedule, d)));
  if (hours.size !== 1) return '';
  return `: ${scheduled.length} days of ${formatHours(minutesOnWeekday(schedule, scheduled[0]) * MINUTE)}`;
}

/**
 * A month of typical length: scheduled days of 4⅓ weeks rounded (22 for mon..fri),
 * when every scheduled day has the same hours.
 */
function typicalMonth(schedule: WeeklySchedule): { days: number; minutes: number } | undefined {
  const scheduled = [0, 1, 2, 3, 4, 5, 6].filter((d) => minutesOnWeekday(schedule, d) > 0);
  const hours = new Set(scheduled.map((d) => minutesOnWeekday(schedule, d)));
  if (hours.size !== 1) return undefined;
  const days = Math.round((scheduled.length * 30.44) / 7);
  return { days, minutes: days * minutesOnWeekday(schedule, scheduled[0]) };
}

/** Budget lines for targets that are no share of failures (latency, throughput, times). */
function describeAggregateBudget(target: TargetSpec, window: WindowSpec | undefined): string[] {
  const per = window?.form === 'calendar' ? `each calendar ${window.period}` : window?.form === 'rolling' ? `the last ${formatDuration(window.durationMs)}` : 'each period';
  const bound = `${target.value}${target.unit ?? ''}`;
  const upper = target.op === '<=' || target.op === '<';
  const word = upper ? (target.op === '<=' ? 'at most' : 'under') : target.op === '>=' ? 'at least' : 'over';
  if (target.percentile !== undefined) {
    const allowed = upper ? 100 - target.percentile : target.percentile;
    return [
      `**Error budget:** about ${formatPercent(allowed)} of the values in ${per} may be ${upper ? 'above' : 'below'} ${bound}; ` +
        `the ${target.aggregate} (nearest rank) must be ${word} ${bound}.`,
    ];
  }
  switch (target.aggregate) {
    case 'avg':
      return [`The mean of the values in ${per} must be ${word} ${bound}: slow values can be offset by fast ones, there is no fixed budget.`];
    case 'min':
      return [`Every value in ${per} must be ${word} ${bound}${upper ? '' : ''}: the lowest one decides, there is no budget.`];
    case 'max':
      return [`Every value in ${per} must be ${word} ${bound}: the highest one decides, there is no budget.`];
    default:
      if (target.unit === '%' && (target.kind === 'availability' || target.kind === 'error_rate')) {
        return [`The ${target.kind === 'availability' ? 'availability' : 'error rate'} must be ${word} ${bound} in ${per}: the comparator leaves no error budget.`];
      }
      return [];
  }
}

/** How much downtime a `below X%` availability threshold means in each calendar period. */
export function describeThresholdAsDowntime(thresholdPercent: number, period: PeriodName): string | undefined {
  const share = (100 - thresholdPercent) / 100;
  if (!(share > 0 && share <= 1)) return undefined;
  const lengths = periodLengths(period);
  const typical = lengths.find((l) => l.days === 30) ?? lengths[lengths.length - 1];
  return `more than ${formatDuration(share * typical.days * DAY)} of downtime in ${typical.label}`;
}
