// Objectives: SLA200/201/204 (no `target`, `indicator`, `window`), SLA202 (target unit vs
// the indicator's kind), SLA207 (aggregate rules), SLA208 (no error budget) and SLA209
// (comparator pointing the unusual way).
import type { Comparator, KindName, Objective, TargetItem } from '../ast';
import { nearlyEqual, dimensionOf, dimensionOfKind } from '../units';
import type { CheckContext } from './context';
import { blockNameRange, formatQuantity } from './describe';
import { kindUnitsPhrase } from './indicator';
import type { CheckTable } from './registry';

/** A typical target line for a kind, for "add a line like …" messages. */
const EXAMPLE_TARGET: Readonly<Record<KindName, string>> = {
  availability: 'target >= 99.9%',
  error_rate: 'target <= 0.1%',
  latency: 'target p95 <= 500ms',
  response_time: 'target p95 <= 500ms',
  recovery_time: 'target p90 <= 4h',
  resolution_time: 'target p90 <= 1d',
  throughput: 'target avg >= 100rps',
};

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
    const someIndicator = [...ctx.scope.definitions.values()].find((d) => d.sort === 'indicator')?.name ?? 'probe';
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

/** SLA202: the target's written unit must be of the dimension the indicator's kind is measured in. */
function checkTargetUnit(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { kind, indicator } = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  const dimension = dimensionOf(quantity?.unit);
  if (!kind || !quantity || dimension === undefined || dimension === dimensionOfKind(kind)) return;
  const example = EXAMPLE_TARGET[kind].replace(/^target /, '');
  ctx.report(
    'SLA202',
    quantity.range,
    `target \`${formatQuantity(quantity)}\` does not fit indicator \`${indicator?.name?.text}\` of kind \`${kind}\`: ` +
      `${kindUnitsPhrase(kind)}; write a target like \`${example}\``,
  );
}

const NEEDS_AGGREGATE: Readonly<Record<KindName, boolean>> = {
  availability: false,
  error_rate: false,
  latency: true,
  response_time: true,
  recovery_time: true,
  resolution_time: true,
  throughput: true,
};

/** SLA207: duration and rate kinds need an aggregate; percentages take none. */
function checkAggregate(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { kind } = ctx.facts(parent as Objective);
  if (!kind) return;
  if (NEEDS_AGGREGATE[kind] && !target.aggregate) {
    if (!target.comparator) return; // a broken target line: the parser has reported it
    const example = EXAMPLE_TARGET[kind];
    ctx.report(
      'SLA207',
      { start: target.keyword.range.start, end: target.comparator.range.end },
      `a \`${kind}\` target needs an aggregate (\`p95\`, \`avg\`, \`min\` or \`max\`) saying which value ` +
        `of the period is compared: write it like \`${example}\``,
    );
  } else if (!NEEDS_AGGREGATE[kind] && target.aggregate) {
    ctx.report(
      'SLA207',
      target.aggregate.range,
      `an \`${kind}\` target takes no aggregate: remove \`${target.aggregate.text}\` ` +
        `(the attained value is already a percentage of the period)`,
    );
  }
}

/** SLA208: 100% availability or 0% error rate leaves no room for a single failure. */
function checkErrorBudget(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { kind, valueUnit } = ctx.facts(parent as Objective);
  const quantity = target.quantity;
  if (!quantity || (quantity.unit ?? valueUnit) !== '%') return;
  if (kind === 'availability' && nearlyEqual(quantity.value, 100)) {
    ctx.report(
      'SLA208',
      quantity.range,
      `a target of 100% availability leaves no error budget: a single failed sample breaches it; ` +
        `use a target like \`>= 99.9%\``,
    );
  } else if (kind === 'error_rate' && quantity.value === 0) {
    ctx.report(
      'SLA208',
      quantity.range,
      `a target of 0% error rate leaves no error budget: a single error breaches it; use a target like \`<= 0.1%\``,
    );
  }
}

/** For each kind, whether a good value is high (`>=`) or low (`<=`). */
const HIGHER_IS_BETTER: Readonly<Record<KindName, boolean>> = {
  availability: true,
  error_rate: false,
  latency: false,
  response_time: false,
  recovery_time: false,
  resolution_time: false,
  throughput: true,
};

const FLIPPED: Readonly<Record<Comparator, Comparator>> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>' };

/** SLA209: `availability <= …` or `latency >= …` is met by bad service. */
function checkComparatorDirection(target: TargetItem, ctx: CheckContext, parent: unknown): void {
  const { kind } = ctx.facts(parent as Objective);
  const comparator = target.comparator;
  if (!kind || !comparator) return;
  const pointsUp = comparator.op === '>=' || comparator.op === '>';
  if (pointsUp === HIGHER_IS_BETTER[kind]) return;
  const replacement = FLIPPED[comparator.op];
  const met = HIGHER_IS_BETTER[kind] ? 'low' : 'high';
  ctx.report(
    'SLA209',
    comparator.range,
    `a \`${kind}\` target with \`${comparator.op}\` is met by ${met} values, which is bad service; ` +
      `did you mean \`${replacement}\`?`,
    { suggestion: replacement },
  );
}

export const objectiveChecks: CheckTable = {
  Objective: [checkRequiredItems],
  Target: [checkTargetUnit, checkAggregate, checkErrorBudget, checkComparatorDirection],
};
