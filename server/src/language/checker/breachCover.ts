// SLA312 (LANGUAGE.md 3 and 4, 1.1): a breach that no tier covers. With T the target and X
// the mildest tier's threshold (the highest `below`, the lowest `above`), both in the
// objective's value unit and equal within the tolerance of section 5, some breached values
// owe nothing when `>=` and X < T, `>` and X ≤ T, `<=` and X > T, `<` and X ≥ T.
import type { Comparator, Compensation } from '../ast';
import { tierMildness, type TierFacts } from '../linked';
import { nearlyEqual } from '../units';
import type { CheckContext } from './context';
import { formatQuantity } from './describe';
import type { CheckTable } from './registry';

/**
 * The mildest tier that fits the target's direction (others are SLA301) and has a threshold:
 * the nearest to the target (the highest `below`, the lowest `above`), the first of equals.
 * One indexed pass without a filtered list: this runs for each of tens of thousands of
 * clauses, mostly before the JIT has warmed up (issue 15).
 */
function mildestFittingTier(tiers: readonly TierFacts[], op: Comparator): (TierFacts & { threshold: number }) | undefined {
  const direction = op === '>=' || op === '>' ? 'below' : 'above';
  let mildest: (TierFacts & { threshold: number }) | undefined;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    if (tier.direction !== direction || tier.threshold === undefined || !tier.node.threshold) continue;
    if (!mildest || tierMildness(direction, tier.threshold) > tierMildness(direction, mildest.threshold)) mildest = tier as TierFacts & { threshold: number };
  }
  return mildest;
}

/** Whether breached values owe nothing: the rule of LANGUAGE.md 3 for each comparator. */
export function leavesBreachUncovered(op: Comparator, target: number, threshold: number): boolean {
  const equal = nearlyEqual(threshold, target);
  switch (op) {
    case '>=':
      return threshold < target && !equal;
    case '>':
      return threshold < target || equal;
    case '<=':
      return threshold > target && !equal;
    case '<':
      return threshold > target || equal;
  }
}

function checkUncoveredBreach(compensation: Compensation, ctx: CheckContext): void {
  const objective = ctx.objectiveOf(compensation);
  if (!objective) return;
  const facts = ctx.facts(objective);
  const op = facts.target?.comparator?.op;
  const quantity = facts.target?.quantity;
  if (!op || !quantity || facts.targetValue === undefined) return;
  // The mildest tier over all the objective's clauses; reported once, in the clause holding it.
  const mildest = mildestFittingTier(facts.tiers, op);
  if (!mildest || mildest.compensation !== compensation || !leavesBreachUncovered(op, facts.targetValue, mildest.threshold)) return;
  const threshold = mildest.node.threshold!;
  const t = ctx.t;
  const target = formatQuantity({ value: quantity.value, unit: quantity.unit ?? facts.targetUnit });
  const tierText = `${mildest.direction} ${formatQuantity(threshold)}`;
  const equal = nearlyEqual(mildest.threshold, facts.targetValue);
  const low = op === '>=' || op === '>';
  const gap = equal
    ? t('check.sla312.gapExactly', { target })
    : op === '>='
      ? t('check.sla312.gapBelow', { threshold: formatQuantity(threshold), target })
      : op === '>'
        ? t('check.sla312.gapBelowIncluding', { threshold: formatQuantity(threshold), target })
        : op === '<='
          ? t('check.sla312.gapAbove', { threshold: formatQuantity(threshold), target })
          : t('check.sla312.gapAboveIncluding', { threshold: formatQuantity(threshold), target });
  // Half the mildest tier's credit: the new tier is milder still, and an equal credit would be SLA304.
  const credit = formatQuantity({ value: (mildest.node.credit?.value ?? 10) / 2, unit: '%' });
  const newTier = `${low ? 'below' : 'above'} ${target} credit ${credit}`;
  const strict = op === '>' || op === '<';
  const fix = strict
    ? equal
      ? t('check.sla312.fixComparator', { target: `${low ? '>=' : '<='} ${target}` })
      : t('check.sla312.fixComparatorAndTier', { target: `${low ? '>=' : '<='} ${target}`, tier: newTier })
    : t('check.sla312.fixTier', { tier: newTier });
  ctx.report(
    'SLA312',
    threshold.range,
    t('check.sla312', { objective: objective.name?.text ?? '', target: `${op} ${target}`, gap, tier: tierText, fix }),
    // For the quick fix: the tier to add (none when a strict target's threshold is already at it), the comparator to write.
    strict ? (equal ? { comparator: low ? '>=' : '<=' } : { tier: newTier, comparator: low ? '>=' : '<=' }) : { tier: newTier },
  );
}

export const breachCoverChecks: CheckTable = { Compensation: [checkUncoveredBreach] };
