// Shared pieces of the text and Markdown reports: period labels, numbers with units.
import type { CreditReport, ObjectiveReport, Report, ResultReport } from '../report';

/** A short label for a result's period: `2026-10`, `2026-Q4`, `2026`, `2026-10-05`, `week of 2026-10-05`, or `start → end`. */
export function periodLabel(window: string, start: string, end: string): string {
  const period = /^calendar (\w+)$/.exec(window)?.[1];
  return period ? calendarLabel(period, start) : `${localTime(start)} → ${localTime(end)}`;
}

export function creditLabel(credit: CreditReport): string {
  return calendarLabel(credit.period, credit.start);
}

function calendarLabel(period: string, start: string): string {
  const date = start.slice(0, 10);
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return `week of ${date}`;
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
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

export function withUnit(value: string, unit: string | null): string {
  if (unit === null) return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** The target as written: `>= 99.9%`, `p95 <= 500ms`. */
export function targetText(o: ObjectiveReport): string {
  const t = o.target;
  return `${t.aggregate ? `${t.aggregate} ` : ''}${t.op} ${t.value}${t.unit ?? ''}`;
}

/**
 * The attained value with 4 decimals at most, more when rounding would make it look like
 * it sits on the other side of the target than its status says.
 */
export function attainedText(o: ObjectiveReport, r: ResultReport): string {
  if (r.attained === null) return '—';
  let decimals = 4;
  let text = trimNumber(r.attained, decimals);
  const targetInUnit = o.target.unit === null || o.target.unit === o.unit ? o.target.value : undefined;
  while (targetInUnit !== undefined && decimals < 12 && Number(text) === targetInUnit && r.attained !== targetInUnit) {
    decimals += 2;
    text = trimNumber(r.attained, decimals);
  }
  return withUnit(text, o.unit);
}

export function trimNumber(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = x.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export function percentText(x: number): string {
  return `${trimNumber(x, 4)}%`;
}

export function amountText(credit: CreditReport): string {
  if (credit.amount === null) return '—';
  return `${trimNumber(credit.amount, 2)} ${credit.currency}`;
}

/** Totals of the amounts owed, per currency: `1800 CNY`. */
export function totalAmounts(report: Report): string[] {
  const sums = new Map<string, number>();
  for (const c of report.credits) if (c.amount !== null && c.currency) sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.amount);
  return [...sums].map(([currency, sum]) => `${trimNumber(sum, 2)} ${currency}`);
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
