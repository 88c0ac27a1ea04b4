// Error-budget arithmetic for hovers: how much failure a target allows per period, in
// words and time, also when the budget only counts scheduled hours (`during`).
// Pure functions over plain numbers and dates; no AST, no LSP. Sentences come from the
// message catalogue (`hover.*`); durations keep their unit symbols (`7 h 12 min`) in every
// language, as units are written in contracts.
import { DAY_NAMES, type Comparator, type KindName, type PeriodName } from '../../language/ast';
import type { WindowFacts } from '../../language/linked';
import { daysFromCivil, daysInMonth, formatDate, isLeapYear, weekdayOfDays } from '../../language/calendar';
import { messages, type Messages } from '../../l10n/messages';
import type { Locale } from '../../l10n/locale';
import type { PeriodTime, PeriodTimes } from './eligibleTime';
import { periodLabel, periodNoun } from './periodLabels';

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
function periodLengths(period: PeriodName, { t }: Messages): { label: string; days: number }[] {
  switch (period) {
    case 'day':
      return [{ label: t('hover.length.day'), days: 1 }];
    case 'week':
      return [{ label: t('hover.length.week'), days: 7 }];
    case 'month':
      return [28, 29, 30, 31].map((days) => ({ label: t('hover.length.month', { days }), days }));
    case 'quarter':
      return [
        { label: t('hover.length.quarter90'), days: 90 },
        { label: t('hover.length.quarter91'), days: 91 },
        { label: t('hover.length.quarter92'), days: 92 },
      ];
    case 'year':
      return [365, 366].map((days) => ({ label: t('hover.length.year', { days }), days }));
  }
}

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
function periodsOfYear(period: PeriodName, year: number, text: Messages): { label: string; month: number; day: number; days: number }[] {
  switch (period) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({ label: periodLabel('month', year, i + 1, 1, text), month: i + 1, day: 1, days: daysInMonth(year, i + 1) }));
    case 'quarter':
      return [0, 1, 2, 3].map((q) => ({
        label: periodLabel('quarter', year, q * 3 + 1, 1, text),
        month: q * 3 + 1,
        day: 1,
        days: daysInMonth(year, q * 3 + 1) + daysInMonth(year, q * 3 + 2) + daysInMonth(year, q * 3 + 3),
      }));
    case 'year':
      return [{ label: periodLabel('year', year, 1, 1, text), month: 1, day: 1, days: isLeapYear(year) ? 366 : 365 }];
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
  /** The language of the text (default English). */
  locale?: Locale;
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
  const text = messages(options.locale);
  const { t } = text;
  const share = failureShare(target);
  if (share === undefined) return describeAggregateBudget(target, window, text);
  const lines: string[] = [];
  const requests = target.ratio || target.kind === 'error_rate';
  const budget = { share: formatPercent(share * 100) };
  if (window?.form === 'calendar') {
    const period = periodNoun(window.period, text);
    lines.push(requests ? t('hover.budget.requestsCalendar', { ...budget, period }) : t('hover.budget.timeCalendar', { ...budget, period }));
  } else if (window?.form === 'rolling') {
    const duration = formatDuration(window.durationMs);
    lines.push(requests ? t('hover.budget.requestsRolling', { ...budget, duration }) : t('hover.budget.timeRolling', { ...budget, duration }));
  } else {
    lines.push(requests ? t('hover.budget.requests', budget) : t('hover.budget.time', budget));
  }
  if (share === 0) {
    lines.push(t('hover.budget.none'));
    return lines;
  }
  if (!window) {
    lines.push(t('hover.budget.addWindow'));
    return lines;
  }
  const asTime = requests ? t('hover.budget.asOutage') : t('hover.budget.downtime');
  if (during) lines.push(...describeScheduledBudget(share, window, during, asTime, options, text));
  else if (window.form === 'calendar' && options.periodTimes) lines.push(asTime, ...describeCountedPeriods(share, window.period, options.periodTimes, options, text));
  else {
    lines.push(asTime);
    if (window.form === 'rolling') lines.push(t('hover.budget.in', { budget: formatDuration(share * window.durationMs), span: formatDuration(window.durationMs) }));
    else for (const { label, days } of periodLengths(window.period, text)) lines.push(t('hover.budget.in', { budget: formatDuration(share * days * DAY), span: label }));
  }
  return lines;
}

function describeScheduledBudget(share: number, window: WindowSpec, during: ScheduleSpec, asTime: string, options: BudgetOptions, text: Messages): string[] {
  const { t } = text;
  const { schedule, name } = during;
  const weekly = weeklyMinutes(schedule) * MINUTE;
  const days = sameHoursEveryDay(schedule);
  const lines = [
    days
      ? t('hover.budget.scheduledDays', { schedule: name, hours: formatHours(weekly), days: days.count, dayHours: formatHours(days.minutes * MINUTE) })
      : t('hover.budget.scheduled', { schedule: name, hours: formatHours(weekly) }),
  ];
  if (weekly === 0) {
    lines.push(t('hover.budget.noHours'));
    return lines;
  }
  const now = new Date();
  const year = options.year ?? now.getUTCFullYear();
  const month = options.month ?? (options.year === undefined ? now.getUTCMonth() + 1 : 1);
  lines.push(asTime);
  if (window.form === 'rolling') {
    const approx = (weekly * window.durationMs) / (7 * DAY);
    lines.push(t('hover.budget.rollingScheduled', { budget: formatDuration(share * approx), span: formatDuration(window.durationMs), hours: formatHours(approx) }));
    return lines;
  }
  switch (window.period) {
    case 'day': {
      const perDay = [0, 1, 2, 3, 4, 5, 6].filter((d) => minutesOnWeekday(schedule, d) > 0);
      const distinct = [...new Set(perDay.map((d) => minutesOnWeekday(schedule, d)))];
      for (const minutes of distinct) {
        const days = perDay.filter((d) => minutesOnWeekday(schedule, d) === minutes).map((d) => DAY_NAMES[d]);
        lines.push(t('hover.budget.onDays', { budget: formatDuration(share * minutes * MINUTE), days: days.join(', '), hours: formatHours(minutes * MINUTE) }));
      }
      lines.push(t('hover.budget.nothingUnscheduled'));
      return lines;
    }
    case 'week':
      lines.push(t('hover.budget.weekNoHolidays', { budget: formatDuration(share * weekly) }));
      return lines;
    default: {
      const typical = typicalMonth(schedule);
      // A typical month counts no maintenance: not shown where maintenance takes scheduled time.
      if (window.period === 'month' && typical && !(options.periodTimes && options.periodTimes(year, month).maintenanceMs > 0)) {
        lines.push(
          t('hover.budget.typicalMonth', {
            budget: formatDuration(share * typical.minutes * MINUTE),
            days: typical.days,
            dayHours: formatHours(typical.minutes * MINUTE / typical.days),
            hours: formatHours(typical.minutes * MINUTE),
          }),
        );
      }
      if (options.periodTimes) {
        lines.push(...describeCountedPeriods(share, window.period, options.periodTimes, { year, month }, text, schedule));
        return lines;
      }
      const periods = periodsOfYear(window.period, year, text).map((p) => ({ ...p, time: scheduledTime(schedule, year, p.month, p.day, p.days) }));
      const example = periods.find((p) => p.month <= month && month < p.month + (window.period === 'quarter' ? 3 : window.period === 'year' ? 12 : 1));
      if (example) lines.push(t('hover.budget.inPeriod', { budget: formatDuration(share * example.time.minutes * MINUTE), period: example.label, detail: describeScheduled(example.time, text) }));
      if (periods.length > 1) {
        const sorted = [...periods].sort((a, b) => a.time.minutes - b.time.minutes);
        lines.push(describeRange(share, sorted[0].label, sorted[0].time.minutes * MINUTE, sorted[sorted.length - 1].label, sorted[sorted.length - 1].time.minutes * MINUTE, year, text));
      }
      return lines;
    }
  }
}

/**
 * The budget of the example period and the range across its year, from the time the
 * evaluator counts. With a schedule, the scheduled days and holidays are named as well.
 */
function describeCountedPeriods(share: number, period: PeriodName, times: PeriodTimes, options: BudgetOptions, text: Messages, schedule?: WeeklySchedule): string[] {
  const now = new Date();
  const year = options.year ?? now.getUTCFullYear();
  const month = options.month ?? now.getUTCMonth() + 1;
  const example = times(year, month);
  const detail = describeCounted(example, schedule && scheduledDaysOf(schedule, period, year, month, text), text);
  const lines = [text.t('hover.budget.inPeriod', { budget: formatDuration(share * example.eligibleMs), period: example.label, detail })];
  if (period === 'month' || period === 'quarter') {
    const periods = Array.from({ length: period === 'month' ? 12 : 4 }, (_, i) => times(year, period === 'month' ? i + 1 : i * 3 + 1));
    const sorted = [...periods].sort((a, b) => a.eligibleMs - b.eligibleMs);
    lines.push(describeRange(share, sorted[0].label, sorted[0].eligibleMs, sorted[sorted.length - 1].label, sorted[sorted.length - 1].eligibleMs, year, text));
  }
  return lines;
}

/** `- 43 min (February 2026, 160 h) to 50 min (March 2026, 176 h) across 2026`: the least and the most of a year's periods. */
function describeRange(share: number, leastPeriod: string, leastMs: number, mostPeriod: string, mostMs: number, year: number, { t }: Messages): string {
  return t('hover.budget.range', {
    least: formatDuration(share * leastMs),
    leastPeriod,
    leastHours: formatHours(leastMs),
    most: formatDuration(share * mostMs),
    mostPeriod,
    mostHours: formatHours(mostMs),
    year,
  });
}

/** The scheduled days and holidays (wall clock) of the period holding a month's first day. */
function scheduledDaysOf(schedule: WeeklySchedule, period: PeriodName, year: number, month: number, text: Messages): ScheduledTime | undefined {
  const found = periodsOfYear(period, year, text).find((p) => p.month <= month && month < p.month + (period === 'quarter' ? 3 : period === 'year' ? 12 : 1));
  return found && scheduledTime(schedule, year, found.month, found.day, found.days);
}

/** `712 h counted of 720 h, 8 h of maintenance left out`; with a schedule, `180 h scheduled on 20 days, 2 holidays left out`. */
function describeCounted(time: PeriodTime, scheduled: ScheduledTime | undefined, text: Messages): string {
  const { t } = text;
  const maintenance = time.maintenanceMs > 0 ? t('hover.budget.maintenanceLeftOut', { hours: formatHours(time.maintenanceMs) }) : undefined;
  if (scheduled) {
    const scheduledOn = t('hover.budget.scheduledOn', { hours: formatHours(time.eligibleMs + time.maintenanceMs), days: scheduled.scheduledDays });
    return list([scheduledOn, holidaysLeftOut(scheduled.holidaysTaken, text), maintenance], text);
  }
  const outside = time.outsideEffectiveMs > 0 ? t('hover.budget.outsideEffective', { hours: formatHours(time.outsideEffectiveMs) }) : undefined;
  return list([t('hover.budget.counted', { hours: formatHours(time.eligibleMs), total: formatHours(time.totalMs) }), maintenance, outside], text);
}

function describeScheduled(time: ScheduledTime, text: Messages): string {
  const scheduledOn = text.t('hover.budget.scheduledOn', { hours: formatHours(time.minutes * MINUTE), days: time.scheduledDays });
  return list([scheduledOn, holidaysLeftOut(time.holidaysTaken, text)], text);
}

function holidaysLeftOut(count: number, { t }: Messages): string | undefined {
  if (!count) return undefined;
  return count === 1 ? t('hover.budget.holidayLeftOut', { count }) : t('hover.budget.holidaysLeftOut', { count });
}

/** Clauses of one description, in the language's list form (`a, b, c`; `a，b，c`). */
function list(parts: (string | undefined)[], { t }: Messages): string {
  return parts.filter((part): part is string => !!part).join(t('hover.listSeparator'));
}

/** The number of scheduled days and their minutes, when every scheduled day has the same hours. */
function sameHoursEveryDay(schedule: WeeklySchedule): { count: number; minutes: number } | undefined {
  const scheduled = [0, 1, 2, 3, 4, 5, 6].filter((d) => minutesOnWeekday(schedule, d) > 0);
  const hours = new Set(scheduled.map((d) => minutesOnWeekday(schedule, d)));
  if (hours.size !== 1) return undefined;
  return { count: scheduled.length, minutes: minutesOnWeekday(schedule, scheduled[0]) };
}

/**
 * A month of typical length: scheduled days of 4⅓ weeks rounded (22 for mon..fri),
 * when every scheduled day has the same hours.
 */
function typicalMonth(schedule: WeeklySchedule): { days: number; minutes: number } | undefined {
  const same = sameHoursEveryDay(schedule);
  if (!same) return undefined;
  const days = Math.round((same.count * 30.44) / 7);
  return { days, minutes: days * same.minutes };
}

/** Budget lines for targets that are no share of failures (latency, throughput, times). */
function describeAggregateBudget(target: TargetSpec, window: WindowSpec | undefined, text: Messages): string[] {
  const { t } = text;
  const per =
    window?.form === 'calendar'
      ? t('hover.aggregate.perCalendar', { period: periodNoun(window.period, text) })
      : window?.form === 'rolling'
        ? t('hover.aggregate.perRolling', { duration: formatDuration(window.durationMs) })
        : t('hover.aggregate.perPeriod');
  const bound = `${target.value}${target.unit ?? ''}`;
  const upper = target.op === '<=' || target.op === '<';
  const comparison = t(upper ? (target.op === '<=' ? 'hover.bound.atMost' : 'hover.bound.under') : target.op === '>=' ? 'hover.bound.atLeast' : 'hover.bound.over');
  const sentence = { per, comparison, bound };
  if (target.percentile !== undefined) {
    const share = formatPercent(upper ? 100 - target.percentile : target.percentile);
    const aggregate = target.aggregate ?? `p${target.percentile}`;
    return [t(upper ? 'hover.aggregate.percentileAbove' : 'hover.aggregate.percentileBelow', { ...sentence, share, aggregate })];
  }
  switch (target.aggregate) {
    case 'avg':
      return [t('hover.aggregate.avg', sentence)];
    case 'min':
      return [t('hover.aggregate.min', sentence)];
    case 'max':
      return [t('hover.aggregate.max', sentence)];
    default:
      if (target.unit === '%' && (target.kind === 'availability' || target.kind === 'error_rate')) {
        return [t('hover.aggregate.noBudget', { ...sentence, measure: t(`hover.measure.${target.kind}`) })];
      }
      return [];
  }
}

/** `That is more than 43 min 12 s of downtime in a 30-day month.`: what a `below X%` availability threshold means in a calendar period. */
export function describeThresholdAsDowntime(thresholdPercent: number, period: PeriodName, locale?: Locale): string | undefined {
  const share = (100 - thresholdPercent) / 100;
  if (!(share > 0 && share <= 1)) return undefined;
  const text = messages(locale);
  const lengths = periodLengths(period, text);
  const typical = lengths.find((l) => l.days === 30) ?? lengths[lengths.length - 1];
  return text.t('hover.tier.downtime', { duration: formatDuration(share * typical.days * DAY), span: typical.label });
}
