// Shared pieces of the text and Markdown reports: percentages, amounts, totals, counts and
// explanations (periods, targets and attained values are worded in labels.ts).
import { formatNumber } from '../../language/numberFormat';
import type { CreditReport, Report, ResultReport } from '../report';

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
}

export function countResults(report: Report): Counts {
  const all = report.objectives.flatMap((o) => o.results);
  return {
    results: all.length,
    met: all.filter((r) => r.status === 'met').length,
    breached: all.filter((r) => r.status === 'breached').length,
    noData: all.filter((r) => r.status === 'no-data').length,
  };
}

export function leftOutText(r: ResultReport): string | undefined {
  const e = r.explain;
  if (!e) return undefined;
  const parts = [
    `${e.outsideEffective} outside the effective dates`,
    `${e.outsideSchedule} outside the schedule`,
    `${e.inMaintenance} in maintenance`,
  ];
  const tier = e.tier
    ? `tier ${e.tier.direction} ${e.tier.threshold}${e.tier.unit ?? ''} → credit ${e.tier.credit}%${e.capped ? ' (the cap cut this period’s total)' : ''}`
    : r.status === 'breached'
      ? 'no tier covers this breach: credit 0%'
      : undefined;
  return `left out: ${parts.join(', ')}${tier ? `; ${tier}` : ''}`;
}
