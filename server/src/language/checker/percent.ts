// SLA203: a percentage outside 0–100, wherever one is written: a target, a tier
// threshold, a credit, a cap, (1.1) a coverage. (The lexer has no negative numbers, so only "above 100"
// can occur.) A value written without a unit counts as a percentage where the unit it
// takes from its context is `%`.
import type { CapItem, Objective, Quantity, TargetItem, Tier, Compensation, CoverageItem } from '../ast';
import type { CheckContext } from './context';
import { formatQuantity } from './describe';
import type { CheckTable } from './registry';

function reportAbove100(ctx: CheckContext, quantity: Quantity | undefined, unit: string | undefined, what: string, fix: string): void {
  if (!quantity || unit !== '%' || quantity.value <= 100) return;
  ctx.report('SLA203', quantity.range, `${what} \`${formatQuantity(quantity)}\` is more than 100%: ${fix}`);
}

function checkTarget(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { valueUnit } = ctx.facts(parent as Objective);
  const unit = target.quantity?.unit ?? valueUnit;
  reportAbove100(ctx, target.quantity, unit, 'target', 'a percentage lies between 0% and 100%, e.g. `99.9%`');
}

function checkTier(tier: Tier, ctx: CheckContext, parent: unknown): void {
  const objective = ctx.objectiveOf(parent as Compensation);
  const valueUnit = objective && ctx.facts(objective).valueUnit;
  reportAbove100(ctx, tier.threshold, tier.threshold?.unit ?? valueUnit, 'tier threshold', 'a percentage lies between 0% and 100%');
  reportAbove100(ctx, tier.credit, tier.credit?.unit ?? '%', 'credit', 'a credit is a share of the fee, at most 100%');
}

function checkCap(cap: CapItem, ctx: CheckContext): void {
  reportAbove100(ctx, cap.percent, cap.percent?.unit ?? '%', 'cap', 'credits cannot exceed the whole fee; use at most `100%`');
}

function checkCoverage(coverage: CoverageItem, ctx: CheckContext): void {
  reportAbove100(ctx, coverage.percent, coverage.percent?.unit ?? '%', 'coverage', 'it is the share of expected samples a result needs, at most `100%`');
}

export const percentChecks: CheckTable = { Target: [checkTarget], Tier: [checkTier], Cap: [checkCap], Coverage: [checkCoverage] };
