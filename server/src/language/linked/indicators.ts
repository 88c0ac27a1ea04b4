// What an indicator's values are (LANGUAGE.md 5): one rule for the unit and the polarity,
// read by the checker, hover and the evaluator alike.
import { KINDS, type Indicator, type IndicatorItem, type KindName, type Quantity } from '../ast';
import { convert, defaultUnitOfKind, dimensionOf, dimensionOfKind, durationMs } from '../units';
import type { IndicatorFacts, MetricSource } from './facts';

/** Kinds whose ratio reads as the kind itself: `availability` counts good, `error_rate` bad. */
const NATURAL_POLARITY: Readonly<Partial<Record<KindName, 'good' | 'bad'>>> = { availability: 'good', error_rate: 'bad' };

const HIGHER_IS_BETTER: Readonly<Record<KindName, boolean>> = {
  availability: true,
  error_rate: false,
  latency: false,
  response_time: false,
  recovery_time: false,
  resolution_time: false,
  throughput: true,
};

/** The first item of `type` among `items` (the AST may hold holes after recovery). */
export function firstItem<T extends { type: string }, K extends T['type']>(items: readonly T[] | undefined, type: K): Extract<T, { type: K }> | undefined {
  // Indexed: called about ten times per indicator, mostly before the JIT has optimised it,
  // where `for … of` pays for an iterator per call (issue 15).
  if (!items) return undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item?.type === type) return item as Extract<T, { type: K }>;
  }
  return undefined;
}

function isKind(word: string | undefined): word is KindName {
  return word !== undefined && (KINDS as readonly string[]).includes(word);
}

/** The declared kind of an indicator, when it is a known kind. */
export function kindOf(indicator: Indicator | undefined): KindName | undefined {
  const word = firstItem<IndicatorItem, 'Kind'>(indicator?.items, 'Kind')?.value?.text;
  return isKind(word) ? word : undefined;
}

// Fields are added to one object rather than spread from several: under Node 20 an object a
// spread makes gets a hidden class of its own, and a large contract has tens of thousands of
// indicators (issue 15).
export function indicatorFacts(indicator: Indicator): IndicatorFacts {
  const facts = valueFacts(indicator);
  addSamplingFacts(indicator, facts);
  return facts;
}

/** (1.1) `every`, `missing down`, `counters`: only the fields that are set. */
function addSamplingFacts(indicator: Indicator, facts: IndicatorFacts): void {
  const interval = firstItem(indicator.items, 'SampleEvery')?.interval;
  const everyMs = interval && durationMs(interval.value, interval.unit);
  if (everyMs !== undefined && everyMs > 0) facts.everyMs = everyMs;
  if (firstItem(indicator.items, 'MissingDown')?.down) facts.missingDown = true;
  if (firstItem(indicator.items, 'Counters')) facts.counters = true;
}

function valueFacts(indicator: Indicator): IndicatorFacts {
  const kind = kindOf(indicator);
  const source = metricSource(indicator);
  const ratioItem = firstItem(indicator.items, 'Ratio');
  const polarity = ratioItem?.polarity?.text;
  const ratio = ratioItem ? (polarity === 'good' || polarity === 'bad' ? polarity : 'unknown') : undefined;
  let facts: IndicatorFacts;
  if (ratio) {
    facts = {
      kind,
      ratio,
      valueUnit: '%',
      valueDimension: 'percent',
      higherIsBetter: ratio === 'unknown' ? undefined : ratio === 'good',
      needsAggregate: false,
      measure: ratio === 'unknown' ? 'ratio' : kind && NATURAL_POLARITY[kind] === ratio ? kind : `ratio ${ratio}`,
    };
  } else if (!kind) {
    facts = {};
  } else {
    const declared = firstItem(indicator.items, 'Unit')?.value?.text;
    const dimension = dimensionOfKind(kind);
    const valueUnit = declared !== undefined && dimensionOf(declared) === dimension ? declared : defaultUnitOfKind(kind);
    // With its source (nearly every indicator) in the literal, last as below: a field added
    // afterwards takes a second object (a property store) per indicator (issue 15).
    if (source) return { kind, valueUnit, valueDimension: dimension, higherIsBetter: HIGHER_IS_BETTER[kind], needsAggregate: dimension !== 'percent', measure: kind, source };
    facts = { kind, valueUnit, valueDimension: dimension, higherIsBetter: HIGHER_IS_BETTER[kind], needsAggregate: dimension !== 'percent', measure: kind };
  }
  if (source) facts.source = source;
  return facts;
}

/** The indicator's `metric`, or its complete `ratio`; a `metric` wins when both are written (SLA205). */
function metricSource(indicator: Indicator): MetricSource | undefined {
  const metric = firstItem(indicator.items, 'Metric')?.value?.value;
  if (metric !== undefined) return { type: 'metric', metric };
  const ratio = firstItem(indicator.items, 'Ratio');
  const polarity = ratio?.polarity?.text;
  if (ratio?.numerator && ratio.total && (polarity === 'good' || polarity === 'bad')) {
    return { type: 'ratio', polarity, numerator: ratio.numerator.value, total: ratio.total.value };
  }
  return undefined;
}

/**
 * A target or threshold in the unit of the indicator's values: a number without a unit is
 * already in it; a percentage stays a percentage. Undefined when it cannot be converted.
 */
export function inValueUnit(quantity: Quantity, facts: IndicatorFacts): number | undefined {
  const unit = facts.valueUnit;
  if (unit === undefined) return undefined;
  if (facts.valueDimension === 'percent') return quantity.unit === undefined || quantity.unit === '%' ? quantity.value : undefined;
  return convert(quantity.value, quantity.unit ?? unit, unit);
}
