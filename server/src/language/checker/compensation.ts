// Compensation and credits: SLA300 (objective never compensated), SLA301–SLA306 (tiers),
// SLA307 (cap below a tier's credit), SLA308 (rolling window), SLA309 (no claim period),
// SLA310 (clause with no tiers) and SLA311 (calendar period other than the fee's).
import type { Compensation, Objective, Range, Sla, Tier, TargetItem } from '../ast';
import { convert, dimensionOf, nearlyEqual, type Dimension } from '../units';
import { lineOf, type CheckContext } from './context';
import { formatQuantity, joinRanges } from './describe';
import { formatNumber } from '../numberFormat';
import type { CheckTable } from './registry';
import { childrenOf } from '../traverse';

/** SLA300. A rolling window never earns credits (SLA308), so such objectives are exempt. */
function checkCompensated(objective: Objective, ctx: CheckContext): void {
  if (!objective.name || ctx.compensationsOf(objective).length > 0) return;
  const { window } = ctx.facts(objective);
  if (window?.form === 'rolling') return;
  ctx.report(
    'SLA300',
    objective.name.range,
    ctx.t('check.sla300', { name: objective.name.text, example: `compensation for ${objective.name.text} { … }` }),
  );
}

function headerRange(compensation: Compensation): Range {
  return joinRanges(compensation.keyword, compensation.target);
}

/** The parts of an objective's target the tiers are compared with. */
interface TargetFacts {
  name: string;
  target: TargetItem;
  /** Breached by low values (`>=`/`>` target, so tiers go `below`) or high ones. */
  breachedBelow: boolean;
  unit?: string;
  dimension?: Dimension;
  valueUnit?: string;
}

/** The target as written, for messages: `p95 <= 500ms`. */
function targetText(target: TargetItem): string {
  const quantity = target.quantity ? ' ' + formatQuantity(target.quantity) : '';
  return `${target.aggregate ? target.aggregate.text + ' ' : ''}${target.comparator?.op ?? ''}${quantity}`;
}

function targetFacts(compensation: Compensation, ctx: CheckContext): TargetFacts | undefined {
  const objective = ctx.objectiveOf(compensation);
  if (!objective) return undefined;
  const { target, targetUnit, targetDimension, valueUnit } = ctx.facts(objective);
  const op = target?.comparator?.op;
  if (!target || !op) return undefined;
  return {
    name: objective.name?.text ?? '',
    target,
    breachedBelow: op === '>=' || op === '>',
    unit: targetUnit,
    dimension: targetDimension,
    valueUnit,
  };
}

/** A tier threshold in a unit common to its group (the base unit of its dimension). */
interface Threshold {
  tier: Tier;
  value: number;
  group: string;
}

const BASE_UNIT: Readonly<Record<Dimension, string | undefined>> = {
  percent: '%',
  duration: 'ms',
  rate: 'rps',
  currency: undefined,
};

/**
 * A key grouping values that can be compared (`percent`, `duration`, a currency, `number`);
 * undefined for an unknown unit. Apart from the value (`normalized`): no pair object per
 * tier (tens of thousands in a large contract, issue 15).
 */
function normalizedGroup(unit: string | undefined): string | undefined {
  if (unit === undefined) return 'number';
  const dimension = dimensionOf(unit);
  if (!dimension) return undefined;
  return BASE_UNIT[dimension] ? dimension : unit;
}

/** The value in its dimension's base unit (as is for a number, a currency); `normalizedGroup` is defined for `unit`. */
function normalized(value: number, unit: string | undefined): number {
  const base = unit === undefined ? undefined : BASE_UNIT[dimensionOf(unit)!];
  return base ? (convert(value, unit!, base) ?? value) : value;
}

function checkTiers(compensation: Compensation, ctx: CheckContext): void {
  const tiers = childrenOf(compensation) as readonly Tier[]; // its tiers without holes
  if (tiers.length === 0) {
    if (ctx.incomplete(compensation)) return;
    const facts = targetFacts(compensation, ctx);
    const example =
      facts?.target.quantity && facts.unit
        ? `${facts.breachedBelow ? 'below' : 'above'} ${formatQuantity({ ...facts.target.quantity, unit: facts.unit })} credit 10%`
        : 'below 99.9% credit 10%';
    ctx.report(
      'SLA310',
      headerRange(compensation),
      ctx.t('check.sla310', { objective: compensation.target?.text ?? '', example }),
    );
    return;
  }

  for (let i = 0; i < tiers.length; i++) checkCredit(tiers[i], ctx);

  const facts = targetFacts(compensation, ctx);
  // Sized for the tiers up front: a list grown by `push` from empty takes room for 17 (a
  // clause has two or three tiers, and a large contract tens of thousands of clauses: issue 15).
  const thresholds = new Array<Threshold>(tiers.length);
  let count = 0;
  // Indexed loops here: tens of thousands of clauses, checked mostly before the JIT has warmed up.
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    const threshold = tier.threshold;
    if (!threshold) continue;
    // A number without a unit is in the unit of the indicator's values, as in a target.
    const unit = threshold.unit ?? facts?.valueUnit;
    const group = normalizedGroup(unit);
    if (group === undefined) continue; // an unknown unit: the parser has reported it
    const value = normalized(threshold.value, unit);
    if (facts) {
      const directionFits = checkDirection(tier, facts, ctx);
      if (!checkThresholdUnit(tier, unit, facts, ctx)) continue;
      if (directionFits) checkIsBreach(tier, value, group, facts, ctx);
    }
    thresholds[count++] = { tier, value, group: groupKey(tier.direction, group) };
  }
  if (count < 2) return; // nothing to compare: no SLA305, no SLA304
  thresholds.length = count;
  reportCreditOrder(reportSameThresholds(thresholds, ctx), ctx);
}

/**
 * `direction:group`, one string per pair: the sorts below compare groups, and comparing
 * strings made by concatenation flattens them each time (bench:check, 28,000 tiers).
 */
const groupKeys = new Map<string, Map<string, string>>();
function groupKey(direction: Tier['direction'], group: string): string {
  let byGroup = groupKeys.get(direction);
  if (!byGroup) groupKeys.set(direction, (byGroup = new Map()));
  let key = byGroup.get(group);
  if (key === undefined) byGroup.set(group, (key = `${direction}:${group}`));
  return key;
}

/** SLA306 (credit not above 0%); over 100% is SLA203 (percent.ts). */
function checkCredit(tier: Tier, ctx: CheckContext): void {
  const credit = tier.credit;
  if (!credit || credit.value > 0) return;
  ctx.report(
    'SLA306',
    credit.range,
    ctx.t('check.sla306', { credit: formatQuantity(credit) }),
  );
}

/** SLA301. Returns whether the tier's direction fits the target. */
function checkDirection(tier: Tier, facts: TargetFacts, ctx: CheckContext): boolean {
  const wanted = facts.breachedBelow ? 'below' : 'above';
  if (tier.direction === wanted) return true;
  ctx.report(
    'SLA301',
    tier.keyword.range,
    ctx.t(facts.breachedBelow ? 'check.sla301.low' : 'check.sla301.high', {
      direction: tier.direction,
      target: targetText(facts.target),
      objective: facts.name,
      wanted,
    }),
    { suggestion: wanted },
  );
  return false;
}

/** SLA302. Returns whether the threshold's unit fits the target's. */
function checkThresholdUnit(tier: Tier, unit: string | undefined, facts: TargetFacts, ctx: CheckContext): boolean {
  const threshold = tier.threshold;
  const dimension = dimensionOf(unit);
  if (!threshold || dimension === undefined || facts.dimension === undefined) return true;
  if (dimension === facts.dimension && (dimension !== 'currency' || unit === facts.unit)) return true;
  ctx.report(
    'SLA302',
    threshold.range,
    ctx.t('check.sla302', {
      threshold: formatQuantity(threshold),
      target: targetText(facts.target),
      objective: facts.name,
      example: `${tier.direction} ${facts.target.quantity ? formatQuantity({ ...facts.target.quantity, unit: facts.unit }) : ''}`,
    }),
  );
  return false;
}

/** SLA303: a `below X` tier with X above a `>= T` target pays for periods that meet it. */
function checkIsBreach(
  tier: Tier,
  value: number,
  group: string,
  facts: TargetFacts,
  ctx: CheckContext,
): void {
  const quantity = facts.target.quantity;
  const threshold = tier.threshold;
  if (!quantity || !threshold) return;
  const targetUnit = quantity.unit ?? facts.unit;
  if (normalizedGroup(targetUnit) !== group) return; // an unknown unit (undefined) or another group
  const target = normalized(quantity.value, targetUnit);
  if (nearlyEqual(value, target)) return;
  const paysWhileMet = facts.breachedBelow ? value > target : value < target;
  if (!paysWhileMet) return;
  ctx.report(
    'SLA303',
    threshold.range,
    ctx.t(facts.breachedBelow ? 'check.sla303.below' : 'check.sla303.above', {
      tier: `${tier.direction} ${formatQuantity(threshold)}`,
      target: targetText(facts.target),
      objective: facts.name,
      value: formatQuantity(quantity),
    }),
  );
}

/** SLA305 on every later tier whose threshold equals an earlier one's; returns the rest. */
function reportSameThresholds(thresholds: readonly Threshold[], ctx: CheckContext): readonly Threshold[] {
  // Two different thresholds (most clauses): no SLA305, without the sorts and sets of the general case.
  const one = thresholds[0]; // not destructured: that walks an iterator, cold
  const other = thresholds[1];
  if (thresholds.length === 2 && (one.group !== other.group || !nearlyEqual(one.value, other.value))) return thresholds;
  const sorted = [...thresholds].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.value - b.value));
  const duplicates = new Set<Threshold>();
  let run: Threshold[] = [];
  const closeRun = () => {
    if (run.length > 1) {
      const [first, ...later] = [...run].sort((a, b) => a.tier.offset - b.tier.offset);
      for (const duplicate of later) {
        duplicates.add(duplicate);
        const threshold = duplicate.tier.threshold!;
        ctx.report(
          'SLA305',
          threshold.range,
          ctx.t('check.sla305', { threshold: formatQuantity(threshold), line: lineOf(first.tier.keyword.range) }),
        );
      }
    }
    run = [];
  };
  for (const entry of sorted) {
    const last = run[run.length - 1];
    if (last && (last.group !== entry.group || !nearlyEqual(last.value, entry.value))) closeRun();
    run.push(entry);
  }
  closeRun();
  return thresholds.filter((t) => !duplicates.has(t));
}

/**
 * SLA304: within a direction, a more severe tier (a more extreme threshold: lower for
 * `below`, higher for `above`) must pay more than every milder one.
 */
function reportCreditOrder(thresholds: readonly Threshold[], ctx: CheckContext): void {
  // Two thresholds (most clauses): read in sorted order without sorting a copy (see pairSwapped).
  const pair = thresholds.length === 2;
  const swapped = pair && pairSwapped(thresholds[0], thresholds[1]);
  const sorted = pair ? thresholds : [...thresholds].sort(bySeverity);
  let group = '';
  let mildestBest: Threshold | undefined; // the milder tier paying the most so far
  for (let i = 0; i < sorted.length; i++) {
    const entry = swapped ? sorted[1 - i] : sorted[i];
    if (entry.group !== group) {
      group = entry.group;
      mildestBest = undefined;
    }
    const credit = entry.tier.credit;
    if (!credit) continue;
    const best = mildestBest?.tier.credit;
    if (mildestBest && best && credit.value <= best.value) {
      const milder = mildestBest.tier;
      ctx.report(
        'SLA304',
        entry.tier.range,
        ctx.t('check.sla304', {
          tier: `${entry.tier.direction} ${formatQuantity(entry.tier.threshold!)}`,
          milder: `${milder.direction} ${formatQuantity(milder.threshold!)}`,
          line: lineOf(milder.keyword.range),
          credit: formatQuantity(credit),
          milderCredit: formatQuantity(best),
        }),
      );
    }
    if (!best || credit.value > best.value) mildestBest = entry;
  }
}

const severity = (t: Threshold) => (t.tier.direction === 'below' ? -t.value : t.value);
const bySeverity = (a: Threshold, b: Threshold) => (a.group < b.group ? -1 : a.group > b.group ? 1 : severity(a) - severity(b));

/**
 * Whether `[a, b].sort(bySeverity)` swaps two thresholds (most clauses), without the sort:
 * V8 compares the second with the first and swaps them only when that is below 0.
 */
function pairSwapped(a: Threshold, b: Threshold): boolean {
  return bySeverity(b, a) < 0;
}

/** SLA308: only calendar periods earn credits. */
function checkWindow(compensation: Compensation, ctx: CheckContext): void {
  const objective = ctx.objectiveOf(compensation);
  const window = objective && ctx.facts(objective).window;
  if (window?.form !== 'rolling') return;
  const duration = window.duration ? ' ' + formatQuantity(window.duration) : '';
  ctx.report(
    'SLA308',
    headerRange(compensation),
    ctx.t('check.sla308', { objective: String(compensation.target?.text), duration }),
  );
}

/** SLA311: a credit is a share of the fee of the same calendar period; another period has no amount. */
function checkFeePeriod(compensation: Compensation, ctx: CheckContext): void {
  const objective = ctx.objectiveOf(compensation);
  const window = objective && ctx.facts(objective).windowFacts;
  const fee = ctx.linked.fee;
  if (!fee || window?.form !== 'calendar' || window.period === fee.period) return;
  ctx.report(
    'SLA311',
    headerRange(compensation),
    ctx.t('check.sla311', { objective: compensation.target?.text ?? '', period: window.period, feePeriod: fee.period }),
  );
}

/** SLA307 and SLA309: the sla's `credits` block against all its tiers. */
function checkCredits(_sla: Sla, ctx: CheckContext): void {
  const items = ctx.sla.items ?? [];
  // Indexed loops over the sla's items (tens of thousands, walked once and cold; `first` is one too).
  const firstCompensation = ctx.first(items, 'Compensation');
  if (!firstCompensation) return;
  const credits = ctx.credits();
  const claim = credits && ctx.first(credits.items, 'Claim');
  if (!claim) {
    const range = credits ? credits.keyword.range : headerRange(firstCompensation);
    ctx.report(
      'SLA309',
      range,
      credits
        ? ctx.t('check.sla309.credits')
        : ctx.t('check.sla309.none', { example: 'credits { claim within 30d }' }),
    );
  }

  const cap = credits && ctx.first(credits.items, 'Cap')?.percent;
  if (!cap) return;
  let largest: Tier | undefined;
  for (let i = 0; i < items.length; i++) {
    const compensation = items[i];
    if (compensation?.type !== 'Compensation') continue;
    const tiers = compensation.tiers ?? [];
    for (let j = 0; j < tiers.length; j++) {
      const tier = tiers[j];
      if (tier?.credit && (!largest || tier.credit.value > largest.credit!.value)) largest = tier;
    }
  }
  const credit = largest?.credit;
  if (!largest || !credit || cap.value >= credit.value || nearlyEqual(cap.value, credit.value)) return;
  ctx.report(
    'SLA307',
    cap.range,
    ctx.t('check.sla307', { cap: formatQuantity(cap), credit: formatQuantity(credit), line: lineOf(largest.keyword.range), minimum: formatNumber(credit.value) }),
  );
}

export const compensationChecks: CheckTable = {
  Sla: [checkCredits],
  Objective: [checkCompensated],
  Compensation: [checkTiers, checkWindow, checkFeePeriod],
};
