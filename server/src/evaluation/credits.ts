// Whether a target is met, which compensation tier applies, and the credits owed per
// interval (LANGUAGE.md section 5, "Credits"). Comparisons use the 1e-9 relative
// tolerance: within it two numbers are equal, so `>=`/`<=` hold and `>`/`<` do not.
import type { Comparator, PeriodName } from '../language/ast';
import { nearlyEqual } from '../language/units';
import type { TierModel } from './model';

export function satisfies(a: number, op: Comparator, b: number): boolean {
  const equal = nearlyEqual(a, b);
  switch (op) {
    case '>=':
      return equal || a > b;
    case '<=':
      return equal || a < b;
    case '>':
      return !equal && a > b;
    case '<':
      return !equal && a < b;
  }
}

/** The most severe tier whose condition holds (`below X`: attained < X; `above X`: attained > X), if any. */
export function applicableTier(tiers: readonly TierModel[], attained: number): TierModel | undefined {
  let chosen: TierModel | undefined;
  for (const tier of tiers) {
    const holds = tier.direction === 'below' ? satisfies(attained, '<', tier.threshold) : satisfies(attained, '>', tier.threshold);
    if (!holds) continue;
    const moreSevere =
      chosen === undefined ||
      (tier.direction === 'below' ? tier.threshold < chosen.threshold : tier.threshold > chosen.threshold);
    if (moreSevere) chosen = tier;
  }
  return chosen;
}

export interface OwedCredit {
  start: number;
  end: number;
  /** The calendar period of the interval. */
  period: PeriodName;
  credit: number;
}

export interface IntervalCredit {
  start: number;
  end: number;
  period: PeriodName;
  /** Sum of the results' credits. */
  uncapped: number;
  /** After the cap. */
  percent: number;
  amount: number | null;
  currency: string | null;
}

/**
 * Adds up the credits of results over the same interval, limits each sum to the cap, and
 * prices it when the fee is charged per that interval's calendar period. Intervals owing
 * nothing are left out; the rest are sorted by start, then end.
 */
export function creditsByInterval(
  owed: readonly OwedCredit[],
  cap: number,
  fee: { amount: number; currency: string; period: PeriodName } | null,
): IntervalCredit[] {
  const byInterval = new Map<string, IntervalCredit>();
  for (const o of owed) {
    if (!(o.credit > 0)) continue;
    const key = `${o.start}/${o.end}`;
    let entry = byInterval.get(key);
    if (!entry) {
      entry = { start: o.start, end: o.end, period: o.period, uncapped: 0, percent: 0, amount: null, currency: null };
      byInterval.set(key, entry);
    }
    entry.uncapped += o.credit;
  }
  const out = [...byInterval.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const entry of out) {
    entry.percent = Math.min(entry.uncapped, cap);
    if (fee && fee.period === entry.period) {
      // percent × fee / 100 rather than percent / 100 × fee: exact for whole numbers.
      entry.amount = (entry.percent * fee.amount) / 100;
      entry.currency = fee.currency;
    }
  }
  return out;
}
