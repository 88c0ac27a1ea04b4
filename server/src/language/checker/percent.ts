// SLA203: a percentage outside 0–100, wherever one is written: a target, a tier
// threshold, a credit, a cap, (1.1) a coverage. (The lexer has no negative numbers, so only "above 100"
// can occur.) A value written without a unit counts as a percentage where the unit it
// takes from its context is `%`.
import type { CapItem, Objective, Quantity, TargetItem, Tier, Compensation, CoverageItem } from '../ast';
import type { CheckContext } from './context';
import { formatQuantity } from './describe';
import type { CheckTable } from './registry';

type Above100Id = 'check.sla203.target' | 'check.sla203.tierThreshold' | 'check.sla203.credit' | 'check.sla203.cap' | 'check.sla203.coverage';

function reportAbove100(ctx: CheckContext, quantity: Quantity | undefined, unit: string | undefined, id: Above100Id): void {
  if (!quantity || unit !== '%' || quantity.value <= 100) return;
  ctx.report('SLA203', quantity.range, ctx.t(id, { quantity: formatQuantity(quantity) }));
}

function checkTarget(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { valueUnit } = ctx.facts(parent as Objective);
  const unit = target.quantity?.unit ?? valueUnit;
  reportAbove100(ctx, target.quantity, unit, 'check.sla203.target');
}

function checkTier(tier: Tier, ctx: CheckContext, parent: unknown): void {
  const objective = ctx.objectiveOf(parent as Compensation);
  const valueUnit = objective && ctx.facts(objective).valueUnit;
  reportAbove100(ctx, tier.threshold, tier.threshold?.unit ?? valueUnit, 'check.sla203.tierThreshold');
  reportAbove100(ctx, tier.credit, tier.credit?.unit ?? '%', 'check.sla203.credit');
}

function checkCap(cap: CapItem, ctx: CheckContext): void {
  reportAbove100(ctx, cap.percent, cap.percent?.unit ?? '%', 'check.sla203.cap');
}

function checkCoverage(coverage: CoverageItem, ctx: CheckContext): void {
  reportAbove100(ctx, coverage.percent, coverage.percent?.unit ?? '%', 'check.sla203.coverage');
}

export const percentChecks: CheckTable = { Target: [checkTarget], Tier: [checkTier], Cap: [checkCap], Coverage: [checkCoverage] };
