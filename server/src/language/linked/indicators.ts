// What an indicator's values are (LANGUAGE.md 5): one rule for the unit and the polarity,
// read by the checker, hover and the evaluator alike.
import { KINDS, type CountersItem, type Indicator, type IndicatorItem, type KindItem, type KindName, type MetricItem, type MissingDownItem, type Quantity, type RatioItem, type SampleEveryItem, type UnitItem } from '../ast';
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
  return knownKind(firstItem<IndicatorItem, 'Kind'>(indicator?.items, 'Kind'));
}

/** The first item of each type an indicator's facts read (firstItem's answers, found in one pass). */
interface IndicatorItems {
  kind?: KindItem;
  metric?: MetricItem;
  ratio?: RatioItem;
  unit?: UnitItem;
  every?: SampleEveryItem;
  missingDown?: MissingDownItem;
  counters?: CountersItem;
}

/**
 * One pass over an indicator's items in text order, keeping the first of each type: seven
 * `firstItem` calls per indicator were most of a cold link's first pass over the 200,000-line
 * contract, run in unoptimised code while TurboFan compiled the calls inlined (issue 15, "postjit").
 */
function indicatorItems(indicator: Indicator): IndicatorItems {
  const found: IndicatorItems = { kind: undefined, metric: undefined, ratio: undefined, unit: undefined, every: undefined, missingDown: undefined, counters: undefined };
  const items = indicator.items;
  if (!items) return found;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    switch (item.type) {
      case 'Kind':
        found.kind ??= item;
        break;
      case 'Metric':
        found.metric ??= item;
        break;
      case 'Ratio':
        found.ratio ??= item;
        break;
      case 'Unit':
        found.unit ??= item;
        break;
      case 'SampleEvery':
        found.every ??= item;
        break;
      case 'MissingDown':
        found.missingDown ??= item;
        break;
      case 'Counters':
        found.counters ??= item;
        break;
    }
  }
  return found;
}

/** The known kind a `kind` item names. */
function knownKind(item: KindItem | undefined): KindName | undefined {
  const word = item?.value?.text;
  return isKind(word) ? word : undefined;
}

// Fields are added to one object rather than spread from several: under Node 20 an object a
// spread makes gets a hidden class of its own, and a large contract has tens of thousands of
// indicators (issue 15).
export function indicatorFacts(indicator: Indicator): IndicatorFacts {
  const items = indicatorItems(indicator);
  const facts = valueFacts(items);
  addSamplingFacts(items, facts);
  return facts;
}

/** (1.1) `every`, `missing down`, `counters`: only the fields that are set. */
function addSamplingFacts(items: IndicatorItems, facts: IndicatorFacts): void {
  const interval = items.every?.interval;
  const everyMs = interval && durationMs(interval.value, interval.unit);
  if (everyMs !== undefined && everyMs > 0) facts.everyMs = everyMs;
  if (items.missingDown?.down) facts.missingDown = true;
  if (items.counters) facts.counters = true;
}

function valueFacts(items: IndicatorItems): IndicatorFacts {
  const kind = knownKind(items.kind);
  const source = metricSource(items);
  const ratioItem = items.ratio;
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
    const declared = items.unit?.value?.text;
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
function metricSource(items: IndicatorItems): MetricSource | undefined {
  const metric = items.metric?.value?.value;
  if (metric !== undefined) return { type: 'metric', metric };
  const ratio = items.ratio;
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
