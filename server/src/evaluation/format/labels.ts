// One wording of a report's periods, targets and values for every output: the text and
// Markdown reports, the code lens and evaluation diagnostics, and the report webview, which
// receives these labels and converted values from the server (`reportLabels`, sent with
// `sla/evaluate`) instead of working them out itself.
import { formatNumber } from '../../language/numberFormat';
import { convert } from '../../language/units';
import { messages, type Locale } from '../../l10n/index';
import type { CreditReport, ObjectiveReport, Report, ResultReport } from '../report';

/** A short label for a result's period: `2026-10`, `2026-Q4`, `2026`, `2026-10-05`, `week of 2026-10-05`, or `start → end`. */
export function periodLabel(window: string, start: string, end: string, locale?: Locale): string {
  const period = /^calendar (\w+)$/.exec(window)?.[1];
  return period ? calendarLabel(period, start, locale) : `${localTime(start)} → ${localTime(end)}`;
}

export function creditLabel(credit: CreditReport, locale?: Locale): string {
  return calendarLabel(credit.period, credit.start, locale);
}

/** Numeric forms (`2026-10`, `2026-10-05`) read the same in every locale; a week and a quarter have words (`2026 年第 4 季度`). */
function calendarLabel(period: string, start: string, locale: Locale | undefined): string {
  const date = start.slice(0, 10);
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return messages(locale).t('report.period.week', { date });
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return messages(locale).t('report.period.quarter', { year: start.slice(0, 4), quarter: Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1 });
    case 'year':
      return start.slice(0, 4);
    default:
      return date;
  }
}

/** `2026-10-31 23:59:59` from an RFC 3339 time (offset dropped: all report times share the zone). */
function localTime(rfc3339: string): string {
  return rfc3339.slice(0, 19).replace('T', ' ');
}

/** `99.9%`, `500 ms`, `12` (no unit). */
function withUnit(value: string, unit: string | null): string {
  if (unit === null) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/**
 * The target as written in the contract: `>= 99.9%`, `p95 <= 500ms`. The one wording of a
 * target in every output (CLI, Markdown, code lens, diagnostics, webview).
 */
export function targetText(o: ObjectiveReport): string {
  const t = o.target;
  return `${t.aggregate ? `${t.aggregate} ` : ''}${t.op} ${t.value}${t.unit ?? ''}`;
}

/** The target in the unit of the attained values (`1s` → 1000 for a millisecond indicator); null when it cannot be converted. */
export function targetInAttainedUnit(o: ObjectiveReport): number | null {
  const { value, unit } = o.target;
  if (unit === null) return value;
  return convert(value, unit, o.unit) ?? null;
}

/**
 * The attained value with 4 decimals at most, more when rounding would make it look like
 * it sits on the other side of the target than its status says; `—` for no data.
 */
export function attainedText(o: ObjectiveReport, r: ResultReport): string {
  if (r.attained === null) return '—';
  let decimals = 4;
  let text = formatNumber(r.attained, decimals);
  const target = targetInAttainedUnit(o);
  while (target !== null && decimals < 12 && Number(text) === target && r.attained !== target) {
    decimals += 2;
    text = formatNumber(r.attained, decimals);
  }
  return withUnit(text, o.unit);
}

/** A result's coverage, `87.5%` (4 decimals at most); null without `every` or when nothing was expected. */
export function coverageText(r: ResultReport): string | null {
  return r.coverage === null || r.coverage === undefined ? null : `${formatNumber(r.coverage, 4)}%`;
}

/** Whether any result of the objective has a coverage (its indicator has `every`): outputs show the column then. */
export function hasCoverage(o: ObjectiveReport): boolean {
  return o.results.some((r) => r.coverage !== null && r.coverage !== undefined);
}

/** What the server sends beside a report so that the report webview words it like every other output. */
export interface ReportLabels {
  /** In the report's order of objectives. */
  objectives: ObjectiveLabels[];
}

export interface ObjectiveLabels {
  /** As every output words it: `>= 99.9%`, `p95 <= 1s`. */
  target: string;
  targetInAttainedUnit: number | null;
  /** The target line of a chart of the attained values, in their unit: `>= 99.9%`, `<= 1000ms`; null when the target cannot be converted. */
  targetLine: string | null;
  /** In the order of the objective's results. */
  results: ResultLabels[];
}

export interface ResultLabels {
  period: string;
  attained: string;
  /** (1.1) `87.5%`, or null without `every`. */
  coverage: string | null;
}

export function reportLabels(report: Report, locale?: Locale): ReportLabels {
  return {
    objectives: report.objectives.map((o) => {
      const inUnit = targetInAttainedUnit(o);
      return {
        target: targetText(o),
        targetInAttainedUnit: inUnit,
        targetLine: inUnit === null ? null : `${o.target.op} ${formatNumber(inUnit, 4)}${o.unit}`,
        results: o.results.map((r) => ({ period: periodLabel(o.window, r.start, r.end, locale), attained: attainedText(o, r), coverage: coverageText(r) })),
      };
    }),
  };
}
