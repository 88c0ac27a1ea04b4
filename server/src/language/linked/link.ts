// Links one `sla` block: resolves each objective's indicator, schedule, maintenance windows
// and compensation clauses through the scope, and settles units once (see facts.ts).
import { PERIODS, type Compensation, type CoverageItem, type Credits, type DuringItem, type EffectiveItem, type FeeItem, type IndicatorRefItem, type Reference, type ReviewedItem, type Sla, type SlaItem, type Indicator, type Maintenance, type Objective, type PeriodName, type Schedule, type TargetItem, type TimezoneItem, type WindowItem } from '../ast';
import { buildScope, ReferenceCursor, type SlaScope } from '../scope';
import { dimensionOf, durationMs } from '../units';
import type { IndicatorFacts, MaintenanceFacts, ObjectiveFacts, ScheduleFacts, SlaFacts, TierFacts, WindowFacts } from './facts';
import { firstItem, inValueUnit, indicatorFacts } from './indicators';
import { maintenanceFacts, scheduleFacts } from './times';

/** The facts of each scope (and of its sla), linked once: a scope belongs to one document version. */
const linkedScopes = new WeakMap<SlaScope, SlaFacts>();
const linkedBlocks = new WeakMap<Sla, SlaFacts>();

export function linkSlas(scopes: readonly SlaScope[]): SlaFacts[] {
  return scopes.map((scope) => linkedFactsOf(scope));
}

/**
 * The linked facts of a scope, worked out on the first call and then remembered, so a
 * reader holding only the scope (a service helper) gets the very facts the checker read.
 */
export function linkedFactsOf(scope: SlaScope, reuse?: LinkReuse): SlaFacts {
  let facts = linkedScopes.get(scope);
  if (!facts) {
    facts = linkSla(scope, reuse);
    linkedScopes.set(scope, facts);
    linkedBlocks.set(scope.sla, facts);
  }
  return facts;
}

/**
 * The facts of an sla block: those its analysis linked when there was one (the evaluator
 * is handed the block of an analysis), else linked now (a worker thread's clone).
 */
export function linkedFactsOfSla(sla: Sla): SlaFacts {
  return linkedBlocks.get(sla) ?? linkedFactsOf(buildScope(sla));
}

/**
 * The previous facts of the same sla after an edit (language/reuse.ts): the sla and its
 * items not parsed again keep their objects across the edit, so the previous facts are taken
 * over (they are spent) and only the items in `fresh` are linked again. Every item referring
 * to a fresh item is fresh, so every clause for a fresh objective is too.
 */
export interface LinkReuse {
  previous: SlaFacts;
  fresh: ReadonlySet<SlaItem>;
  /** The previous items no longer in the sla. */
  removed: readonly SlaItem[];
}

export function linkSla(scope: SlaScope, reuse?: LinkReuse): SlaFacts {
  return (reuse && relink(scope, reuse)) ?? linkAll(scope);
}

function linkAll(scope: SlaScope): SlaFacts {
  const sla = scope.sla;
  const facts: SlaFacts = {
    sla,
    scope,
    indicators: new Map(),
    objectives: new Map(),
    schedules: new Map(),
    maintenances: new Map(),
    compensated: new Map(),
  };
  const compensations = new Map<Objective, Compensation[]>();
  const objectives: Objective[] = [];
  const wide = linkItems(scope, facts, compensations, objectives);
  const { timezone, effective, fee, credits, reviewed } = wide;
  const zoneName = timezone?.value?.value;
  if (zoneName !== undefined) facts.zoneName = zoneName;
  if (effective?.start?.valid) facts.effectiveStart = { year: effective.start.year, month: effective.start.month, day: effective.start.day };
  if (effective?.end?.valid) facts.effectiveEnd = { year: effective.end.year, month: effective.end.month, day: effective.end.day };
  if (fee?.amount?.unit && isPeriod(fee.period?.text)) facts.fee = { amount: fee.amount.value, currency: fee.amount.unit, period: fee.period.text };
  if (credits) facts.credits = credits;
  const cap = firstItem(credits?.items, 'Cap')?.percent;
  if (cap) facts.cap = cap.value;
  if (reviewed) facts.reviewedItem = reviewed;
  if (reviewed?.date?.valid) facts.reviewed = { year: reviewed.date.year, month: reviewed.date.month, day: reviewed.date.day };
  linkObjectives(facts, objectives, compensations);
  return facts;
}

/** The first item of each sla-wide type (firstItem's answers). */
interface SlaWideItems {
  timezone?: TimezoneItem;
  effective?: EffectiveItem;
  fee?: FeeItem;
  credits?: Credits;
  reviewed?: ReviewedItem;
}

/**
 * linkAll's pass over every item (indexed: mostly before the JIT has warmed up): the facts of
 * indicators, schedules and maintenance windows, the objective of each compensation clause,
 * the objectives in text order, and the first of each sla-wide item. A function of its own, as
 * is the pass over the objectives: V8 optimises such a loop while it runs (OSR), and the last
 * items of an sla (`credits`, `reporting`, `review`: types the loop had not met) deoptimise
 * it; in one function the objectives' loop after it then ran unoptimised too (issue 15, "postjit").
 */
function linkItems(scope: SlaScope, facts: SlaFacts, compensations: Map<Objective, Compensation[]>, objectives: Objective[]): SlaWideItems {
  const items = scope.sla.items ?? [];
  // One object of one shape, every field from the start: a field added to it as its item is
  // met changed its hidden class at the end of the loop.
  const wide: SlaWideItems = { timezone: undefined, effective: undefined, fee: undefined, credits: undefined, reviewed: undefined };
  // The loop asks about references in text order: one cursor.
  const targets = new ReferenceCursor(scope);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    switch (item.type) {
      case 'Indicator':
        facts.indicators.set(item, indicatorFacts(item));
        break;
      case 'Objective':
        objectives.push(item);
        break;
      case 'Schedule':
        facts.schedules.set(item, scheduleFacts(item));
        break;
      case 'Maintenance':
        facts.maintenances.set(item, maintenanceFacts(item));
        break;
      case 'Compensation': {
        const objective = targets.lookup(item.target, 'objective')?.node as Objective | undefined;
        if (!objective) break;
        facts.compensated.set(item, objective);
        const list = compensations.get(objective);
        if (list) list.push(item);
        else compensations.set(objective, [item]);
        break;
      }
      case 'Timezone':
        wide.timezone ??= item;
        break;
      case 'Effective':
        wide.effective ??= item;
        break;
      case 'Fee':
        wide.fee ??= item;
        break;
      case 'Credits':
        wide.credits ??= item;
        break;
      case 'Reviewed':
        wide.reviewed ??= item;
        break;
    }
  }
  return wide;
}

/** The facts of each objective, in text order (they need every clause's compensations). */
function linkObjectives(facts: SlaFacts, objectives: readonly Objective[], compensations: Map<Objective, Compensation[]>): void {
  const refs = new ReferenceCursor(facts.scope);
  for (let i = 0; i < objectives.length; i++) {
    const objective = objectives[i];
    facts.objectives.set(objective, objectiveFacts(objective, facts, compensations.get(objective) ?? [], refs));
  }
}

/** The previous facts with the `fresh` items linked again; undefined when they do not fit (then link in full). */
function relink(scope: SlaScope, { previous, fresh, removed }: LinkReuse): SlaFacts | undefined {
  if (previous.sla !== scope.sla) return undefined;
  const facts: SlaFacts = { ...previous, scope };
  const inOrder = [...fresh].sort((a, b) => a.offset - b.offset);
  const gone = new Set<SlaItem>(removed);
  facts.indicators = refreshed(previous.indicators, 'Indicator', inOrder, gone, indicatorFacts);
  facts.schedules = refreshed(previous.schedules, 'Schedule', inOrder, gone, scheduleFacts);
  facts.maintenances = refreshed(previous.maintenances, 'Maintenance', inOrder, gone, maintenanceFacts);
  // Which objective each fresh clause is for, and so each fresh objective's clauses (all fresh).
  const targets = new ReferenceCursor(scope);
  facts.compensated = refreshed(previous.compensated, 'Compensation', inOrder, gone, (clause) => targets.lookup(clause.target, 'objective')?.node as Objective | undefined);
  const compensations = new Map<Objective, Compensation[]>();
  for (const item of inOrder) {
    const objective = item.type === 'Compensation' ? facts.compensated.get(item) : undefined;
    if (!objective) continue;
    const list = compensations.get(objective);
    if (list) list.push(item as Compensation);
    else compensations.set(objective, [item as Compensation]);
  }
  facts.objectives = refreshed(previous.objectives, 'Objective', inOrder, gone, (objective) => objectiveFacts(objective, facts, compensations.get(objective) ?? []));
  return facts;
}

/**
 * `map` (an sla's facts by item, in text order) with the `fresh` items of `type` (in text
 * order) valued by `make` (none: left out) and the `gone` ones dropped, still in text order:
 * updated in place when no item takes a place it did not have, else made again with the new
 * keys merged in by offset (a map keeps the order its keys were first set in).
 */
function refreshed<T extends SlaItem['type'], V>(
  map: Map<Extract<SlaItem, { type: T }>, V>,
  type: T,
  fresh: readonly SlaItem[],
  gone: ReadonlySet<SlaItem>,
  make: (item: Extract<SlaItem, { type: T }>) => V | undefined,
): Map<Extract<SlaItem, { type: T }>, V> {
  type Item = Extract<SlaItem, { type: T }>;
  const values = new Map<Item, V | undefined>();
  let placesTaken = false;
  for (const item of fresh) {
    if (item.type !== type) continue;
    const value = make(item as Item);
    values.set(item as Item, value);
    if (value !== undefined && !map.has(item as Item)) placesTaken = true;
  }
  if (!placesTaken) {
    for (const item of gone) map.delete(item as Item);
    for (const [item, value] of values) {
      if (value === undefined) map.delete(item);
      else map.set(item, value);
    }
    return map;
  }
  const merged = new Map<Item, V>();
  const added = [...values].filter(([item, value]) => value !== undefined && !map.has(item));
  let next = 0;
  for (const [item, value] of map) {
    if (gone.has(item)) continue;
    while (next < added.length && added[next][0].offset < item.offset) merged.set(added[next][0], added[next++][1]!);
    const now = values.has(item) ? values.get(item) : value;
    if (now !== undefined) merged.set(item, now);
  }
  while (next < added.length) merged.set(added[next][0], added[next++][1]!);
  return merged;
}

function objectiveFacts(objective: Objective, sla: SlaFacts, compensations: Compensation[], refs = new ReferenceCursor(sla.scope)): ObjectiveFacts {
  const items = objective.items ?? [];
  // One pass over the items in text order: the first of each type (firstItem's answers), and
  // each reference looked up as it is met, the order the cursor walks in.
  let indicatorItem: IndicatorRefItem | undefined;
  let indicator: Indicator | undefined;
  let target: TargetItem | undefined;
  let window: WindowItem | undefined;
  let duringItem: DuringItem | undefined;
  let during: ScheduleFacts | undefined;
  let coverageItem: CoverageItem | undefined;
  const excluding: ObjectiveFacts['excluding'] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    switch (item.type) {
      case 'IndicatorRef':
        if (indicatorItem) break;
        indicatorItem = item;
        indicator = refs.lookup(item.ref, 'indicator')?.node as Indicator | undefined;
        break;
      case 'Target':
        target ??= item;
        break;
      case 'Window':
        window ??= item;
        break;
      case 'During':
        if (duringItem) break;
        duringItem = item;
        during = resolve<Schedule, ScheduleFacts>(refs, item.ref, 'schedule', sla.schedules);
        break;
      case 'Coverage':
        coverageItem ??= item;
        break;
      case 'Excluding':
        for (let r = 0; r < (item.refs?.length ?? 0); r++) {
          const ref = item.refs![r];
          if (!ref?.text) continue;
          const maintenance = resolve<Maintenance, MaintenanceFacts>(refs, ref, 'maintenance', sla.maintenances);
          excluding.push(maintenance ? { name: ref.text, maintenance } : { name: ref.text });
        }
        break;
    }
  }
  const values: IndicatorFacts = (indicator && sla.indicators.get(indicator)) ?? {};
  const written = target?.quantity?.unit;
  const targetUnit = written === undefined ? values.valueUnit : dimensionOf(written) ? written : undefined;
  const targetValue = target?.quantity && inValueUnit(target.quantity, values);
  const windowFacts = window && readWindow(window);
  const duringName = duringItem?.ref?.text;
  // Indexed loops (tens of thousands of objectives, linked once and cold: no iterator each),
  // and the list sized up front for every tier, holes too, then cut to those met (grown by
  // `push` from empty it takes room for 17).
  let room = 0;
  for (let c = 0; c < compensations.length; c++) room += compensations[c].tiers?.length ?? 0;
  const tiers = new Array<TierFacts>(room);
  let count = 0;
  for (let c = 0; c < compensations.length; c++) {
    const compensation = compensations[c];
    const clauseTiers = compensation.tiers ?? [];
    for (let i = 0; i < clauseTiers.length; i++) {
      const tier = clauseTiers[i];
      if (!tier) continue;
      const threshold = tier.threshold && inValueUnit(tier.threshold, values);
      // Fields set one by one rather than spread from temporary objects (tens of thousands of
      // tiers in a large contract, issue 15); the same fields in the same order.
      // With both a threshold and a credit (nearly every tier), one literal of the same fields
      // in the same order: fields added later take a second object (a property store) per tier.
      let facts: TierFacts;
      if (threshold !== undefined && tier.credit) facts = { node: tier, compensation, direction: tier.direction, threshold, credit: tier.credit.value };
      else {
        facts = { node: tier, compensation, direction: tier.direction };
        if (threshold !== undefined) facts.threshold = threshold;
        if (tier.credit) facts.credit = tier.credit.value;
      }
      tiers[count++] = facts;
    }
  }
  if (count < room) tiers.length = count;
  // One literal with every field (undefined when unknown): one object of one shape. Copying the
  // indicator's facts and adding the rest grew each object's property store several times, and
  // under Node 20 a spread's copy took a hidden class of its own per object (issue 15: linking
  // the 14,285 objectives of the 200k contract took 420-480 ms CPU cold there, now 120).
  const facts: AllFields<ObjectiveFacts> = {
    kind: values.kind,
    ratio: values.ratio,
    valueUnit: values.valueUnit,
    valueDimension: values.valueDimension,
    higherIsBetter: values.higherIsBetter,
    needsAggregate: values.needsAggregate,
    measure: values.measure,
    source: values.source,
    everyMs: values.everyMs,
    missingDown: values.missingDown,
    counters: values.counters,
    coverageItem,
    coverage: coverageItem?.percent?.value,
    node: objective,
    indicator,
    target,
    targetUnit,
    targetDimension: dimensionOf(targetUnit),
    targetValue,
    window,
    windowFacts,
    duringName,
    during,
    excluding,
    compensations,
    tiers,
  };
  return facts;
}

/** Every field of T, the optional ones too (a literal that forgets one does not compile). */
type AllFields<T> = { [K in keyof Required<T>]: T[K] };

function resolve<N extends Schedule | Maintenance, F>(refs: ReferenceCursor, ref: Reference | undefined, sort: 'schedule' | 'maintenance', table: Map<N, F>): F | undefined {
  const node = refs.lookup(ref, sort)?.node as N | undefined;
  return node && table.get(node);
}

function readWindow(window: WindowItem): WindowFacts | undefined {
  if (window.form === 'calendar' && isPeriod(window.period?.text)) return { form: 'calendar', period: window.period.text };
  if (window.form === 'rolling' && window.duration) {
    const ms = durationMs(window.duration.value, window.duration.unit);
    if (ms !== undefined) return { form: 'rolling', durationMs: ms };
  }
  return undefined;
}

function isPeriod(text: string | undefined): text is PeriodName {
  return (PERIODS as readonly string[]).includes(text as string);
}

/** The facts of an objective of this sla (empty ones for a node from elsewhere). */
export function factsOfObjective(sla: SlaFacts, objective: Objective): ObjectiveFacts {
  return sla.objectives.get(objective) ?? { node: objective, excluding: [], compensations: [], tiers: [] };
}
