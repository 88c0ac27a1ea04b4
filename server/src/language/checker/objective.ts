// Objectives: SLA200/201/204 (no `target`, `indicator`, `window`), SLA202 (target unit vs
// the indicator's kind), SLA207 (aggregate rules), SLA208 (no error budget) and SLA209
// (comparator pointing the unusual way).
import type { Comparator, Objective, TargetItem } from '../ast';
import { nearlyEqual, dimensionOf } from '../units';
import type { ObjectiveFacts } from '../linked';
import type { CheckContext } from './context';
import { blockNameRange, formatQuantity } from './describe';
import { kindUnitsPhrase } from './indicator';
import type { CheckTable } from './registry';
import { EXAMPLE_TARGET } from '../vocabulary';

function checkRequiredItems(objective: Objective, ctx: CheckContext): void {
  if (ctx.incomplete(objective)) return;
  const name = objective.name?.text ?? '';
  const facts = ctx.facts(objective);
  // The range only when something is reported: a span's range is made on each read.
  if (!facts.target) {
    const example = EXAMPLE_TARGET[facts.kind ?? 'availability'];
    ctx.report('SLA200', blockNameRange(objective), ctx.t('check.sla200', { name, example }));
  }
  if (!ctx.first(objective.items, 'IndicatorRef')) {
    const someIndicator = firstIndicatorName(ctx);
    ctx.report('SLA201', blockNameRange(objective), ctx.t('check.sla201', { name, indicator: someIndicator }));
  }
  if (!facts.window) {
    ctx.report('SLA204', blockNameRange(objective), ctx.t('check.sla204', { name }));
  }
}

/** Once per scope: a file of thousands of objectives without indicators must not search the names for each. */
const firstIndicators = new WeakMap<CheckContext['scope'], string>();
function firstIndicatorName(ctx: CheckContext): string {
  let name = firstIndicators.get(ctx.scope);
  if (name === undefined) {
    name = 'probe';
    for (const d of ctx.scope.definitions.values()) {
      if (d.sort === 'indicator') {
        name = d.name;
        break;
      }
    }
    firstIndicators.set(ctx.scope, name);
  }
  return name;
}

/** Example targets by the dimension of the values and which way is good. */
function exampleTarget(facts: ObjectiveFacts): string {
  if (facts.kind && !facts.ratio) return EXAMPLE_TARGET[facts.kind].replace(/^target /, '');
  return facts.higherIsBetter === false ? '<= 0.1%' : '>= 99.9%';
}

/** SLA202: the target's written unit must be of the dimension of the indicator's values. */
function checkTargetUnit(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  const dimension = dimensionOf(quantity?.unit);
  if (!facts.valueDimension || !quantity || dimension === undefined || dimension === facts.valueDimension) return;
  const facts202 = { target: formatQuantity(quantity), indicator: String(facts.indicator?.name?.text), example: exampleTarget(facts) };
  ctx.report(
    'SLA202',
    quantity.range,
    facts.ratio
      ? ctx.t('check.sla202.ratio', { ...facts202, measure: String(facts.measure) })
      : ctx.t('check.sla202.kind', { ...facts202, kind: String(facts.kind), units: facts.kind ? kindUnitsPhrase(ctx.t, facts.kind) : '' }),
  );
}

/** SLA207: durations and rates need an aggregate; percentages (and ratios) take none. */
function checkAggregate(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  if (facts.needsAggregate === undefined) return;
  if (facts.needsAggregate && !target.aggregate) {
    if (!target.comparator) return; // a broken target line: the parser has reported it
    ctx.report(
      'SLA207',
      { start: target.keyword.range.start, end: target.comparator.range.end },
      ctx.t('check.sla207.needs', { kind: String(facts.kind), example: exampleTarget(facts) }),
    );
  } else if (!facts.needsAggregate && target.aggregate) {
    const why = facts.ratio ? ctx.t('check.sla207.whyRatio', { measure: String(facts.measure) }) : ctx.t('check.sla207.whyPercent');
    ctx.report(
      'SLA207',
      target.aggregate.range,
      ctx.t('check.sla207.none', { measure: measurePhrase(ctx, facts.measure), aggregate: target.aggregate.text, why }),
    );
  }
}

/** "a `latency`", "an `availability`" (the article is English only). */
function measurePhrase(ctx: CheckContext, measure: string | undefined): string {
  return ctx.t(measure && /^[aeiou]/.test(measure) ? 'check.measure.an' : 'check.measure.a', { measure: String(measure) });
}

/** SLA208: 100% of good (availability) or 0% of bad (error rate) leaves no room for one failure. */
function checkErrorBudget(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  if (!quantity || facts.valueDimension !== 'percent' || (quantity.unit ?? '%') !== '%') return;
  const limit = facts.higherIsBetter ? 100 : 0;
  if (facts.higherIsBetter === undefined || !nearlyEqual(quantity.value, limit)) return;
  const what =
    facts.measure === 'error_rate'
      ? ctx.t('check.sla208.errorRate')
      : facts.measure === 'availability'
        ? ctx.t('check.sla208.availability')
        : ctx.t('check.sla208.onMeasure', { measure: String(facts.measure) });
  ctx.report('SLA208', quantity.range, ctx.t(facts.higherIsBetter ? 'check.sla208.high' : 'check.sla208.low', { limit, what }));
}

const FLIPPED: Readonly<Record<Comparator, Comparator>> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };

/** SLA209: `availability <= …` or `latency >= …` is met by bad service. */
function checkComparatorDirection(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  const comparator = target.comparator;
  if (facts.higherIsBetter === undefined || !comparator) return;
  const pointsUp = comparator.op === '>=' || comparator.op === '>';
  if (pointsUp === facts.higherIsBetter) return;
  const replacement = FLIPPED[comparator.op];
  ctx.report(
    'SLA209',
    comparator.range,
    ctx.t(facts.higherIsBetter ? 'check.sla209.low' : 'check.sla209.high', {
      measure: measurePhrase(ctx, facts.measure),
      op: comparator.op,
      replacement,
    }),
    { suggestion: replacement },
  );
}

export const objectiveChecks: CheckTable = {
  Objective: [checkRequiredItems],
  Target: [checkTargetUnit, checkAggregate, checkErrorBudget, checkComparatorDirection],
};
