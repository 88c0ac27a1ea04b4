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
  const range = blockNameRange(objective);
  const facts = ctx.facts(objective);
  if (!facts.target) {
    const example = EXAMPLE_TARGET[facts.kind ?? 'availability'];
    ctx.report('SLA200', range, `objective \`${name}\` has no \`target\`: add a line like \`${example}\``);
  }
  if (!ctx.first(objective.items, 'IndicatorRef')) {
    const someIndicator = firstIndicatorName(ctx);
    ctx.report(
      'SLA201',
      range,
      `objective \`${name}\` has no \`indicator\`: add a line like \`indicator ${someIndicator}\` naming what it measures`,
    );
  }
  if (!facts.window) {
    ctx.report('SLA204', range, `objective \`${name}\` has no \`window\`: add a line like \`window calendar month\``);
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

function describeValues(facts: ObjectiveFacts): string {
  if (facts.ratio) return `a \`${facts.measure}\` indicator is measured in percent`;
  return facts.kind ? kindUnitsPhrase(facts.kind) : '';
}

/** SLA202: the target's written unit must be of the dimension of the indicator's values. */
function checkTargetUnit(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  const dimension = dimensionOf(quantity?.unit);
  if (!facts.valueDimension || !quantity || dimension === undefined || dimension === facts.valueDimension) return;
  ctx.report(
    'SLA202',
    quantity.range,
    `target \`${formatQuantity(quantity)}\` does not fit indicator \`${facts.indicator?.name?.text}\` ` +
      `${facts.ratio ? '(a ratio)' : `of kind \`${facts.kind}\``}: ${describeValues(facts)}; ` +
      `write a target like \`${exampleTarget(facts)}\``,
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
      `a \`${facts.kind}\` target needs an aggregate (\`p95\`, \`avg\`, \`min\` or \`max\`) saying which value ` +
        `of the period is compared: write it like \`target ${exampleTarget(facts)}\``,
    );
  } else if (!facts.needsAggregate && target.aggregate) {
    const why = facts.ratio
      ? `the indicator is a \`${facts.measure}\`, whose value is already a percentage of the period`
      : 'the attained value is already a percentage of the period';
    ctx.report(
      'SLA207',
      target.aggregate.range,
      `${article(facts.measure)} \`${facts.measure}\` target takes no aggregate: remove \`${target.aggregate.text}\` (${why})`,
    );
  }
}

function article(word: string | undefined): string {
  return word && /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** SLA208: 100% of good (availability) or 0% of bad (error rate) leaves no room for one failure. */
function checkErrorBudget(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const facts = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  if (!quantity || facts.valueDimension !== 'percent' || (quantity.unit ?? '%') !== '%') return;
  const limit = facts.higherIsBetter ? 100 : 0;
  if (facts.higherIsBetter === undefined || !nearlyEqual(quantity.value, limit)) return;
  const what =
    facts.measure === 'error_rate' ? 'error rate' : facts.measure === 'availability' ? 'availability' : `on a \`${facts.measure}\` indicator`;
  ctx.report(
    'SLA208',
    quantity.range,
    `a target of ${limit}% ${what} leaves no error budget: a single ${facts.higherIsBetter ? 'failure' : 'error'} ` +
      `breaches it; use a target like \`${facts.higherIsBetter ? '>= 99.9%' : '<= 0.1%'}\``,
  );
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
    `${article(facts.measure)} \`${facts.measure}\` target with \`${comparator.op}\` is met by ` +
      `${facts.higherIsBetter ? 'low' : 'high'} values, which is bad service; did you mean \`${replacement}\`?`,
    { suggestion: replacement },
  );
}

export const objectiveChecks: CheckTable = {
  Objective: [checkRequiredItems],
  Target: [checkTargetUnit, checkAggregate, checkErrorBudget, checkComparatorDirection],
};
