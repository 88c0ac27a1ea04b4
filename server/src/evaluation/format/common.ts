// Shared pieces of the text and Markdown reports: percentages, amounts, totals, counts and
// explanations (periods, targets and attained values are worded in labels.ts).
import { formatNumber } from '../../language/numberFormat';
import { messages, type Locale } from '../../l10n/index';
import type { CreditReport, Report, ResultReport, ResultStatus } from '../report';

/** The catalogue id of each status's word (the reports, the document report and the code lenses word it alike). */
export const STATUS_ID = { met: 'report.status.met', breached: 'report.status.breached', 'no-data': 'report.status.noData', 'insufficient-data': 'report.status.insufficientData' } as const;

/** A status as the text report words it (`BREACHED` stands out in a terminal). */
export function statusText(status: ResultStatus, locale?: Locale): string {
  const { t } = messages(locale);
  if (status === 'insufficient-data') return t('report.status.insufficientData').toUpperCase();
  if (status === 'breached') return t('report.status.breached').toUpperCase();
  return status === 'met' ? t('report.status.met') : t('report.text.status.noData');
}

/** ` (partial data)` after a period the data does not reach the end of, else ''. */
export function partialMark(r: ResultReport, locale?: Locale): string {
  return r.partial ? ` (${messages(locale).t('report.partialData')})` : '';
}

/** `, 2 insufficient data` when there are some, else '' (1.0 summaries stay as they were). */
export function insufficientCount(counts: Counts, locale?: Locale): string {
  return counts.insufficientData > 0 ? messages(locale).t('report.summary.insufficient', { count: counts.insufficientData }) : '';
}

export function percentText(x: number): string {
  return `${formatNumber(x, 4)}%`;
}

export function amountText(credit: CreditReport): string {
  if (credit.amount === null) return '—';
  return `${formatNumber(credit.amount, 2)} ${credit.currency}`;
}

/** Totals of the amounts owed, per currency: `1800 CNY`. */
export function totalAmounts(report: Report): string[] {
  const sums = new Map<string, number>();
  for (const c of report.credits) if (c.amount !== null && c.currency) sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.amount);
  return [...sums].map(([currency, sum]) => `${formatNumber(sum, 2)} ${currency}`);
}

export interface Counts {
  results: number;
  met: number;
  breached: number;
  noData: number;
  insufficientData: number;
}

export function countResults(report: Report): Counts {
  const all = report.objectives.flatMap((o) => o.results);
  return {
    results: all.length,
    met: all.filter((r) => r.status === 'met').length,
    breached: all.filter((r) => r.status === 'breached').length,
    noData: all.filter((r) => r.status === 'no-data').length,
    insufficientData: all.filter((r) => r.status === 'insufficient-data').length,
  };
}

export function leftOutText(r: ResultReport, locale?: Locale): string | undefined {
  const e = r.explain;
  if (!e) return undefined;
  const { t } = messages(locale);
  const leftOut = t('report.explain.leftOut', { effective: e.outsideEffective, schedule: e.outsideSchedule, maintenance: e.inMaintenance });
  const tierParams = e.tier && { direction: e.tier.direction, threshold: `${e.tier.threshold}${e.tier.unit ?? ''}`, credit: e.tier.credit };
  const tier = tierParams
    ? t(e.capped ? 'report.explain.tierCapped' : 'report.explain.tier', tierParams)
    : r.status === 'breached'
      ? t('report.explain.noTier')
      : undefined;
  return tier ? t('report.explain.withTier', { leftOut, tier }) : leftOut;
}

/** A column heading at the start of a Markdown cell: `Coverage` (Chinese has no case). */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
