// The contract as the evaluator needs it: built from the sla's linked facts (names resolved,
// units settled, targets and thresholds in each indicator's unit; see language/linked/),
// with times turned into UTC instants in the contract's zone. Built from an `sla` block the
// checker accepted (no error diagnostics); anything still missing is reported as an
// EvaluationError rather than trusted.
import type { Comparator, KindName, PeriodName, Quantity, Sla } from '../language/ast';
import { firstItem, linkedFactsOfSla, type MaintenanceFacts, type MetricSource, type ObjectiveFacts, type ScheduleFacts, type SlaFacts } from '../language/linked';
import type { Reduction } from './aggregate';
import { MS_PER_MINUTE, daysFromCivil, localMs } from '../language/calendar';
import type { DailyRange, MaintenanceRules, ScheduleRules } from './eligibility';
import { EvaluationError } from './errors';
import { messages, type Locale, type Messages } from '../l10n/index';
import { ZoneRules } from './timezone';

export interface ContractModel {
  name: string;
  title: string | null;
  version: string | null;
  zone: ZoneRules;
  effectiveStart: number;
  effectiveEnd: number;
  fee: { amount: number; currency: string; period: PeriodName } | null;
  /** Percent; 100 when the contract has no cap. */
  cap: number;
  objectives: ObjectiveModel[];
}


export interface ObjectiveModel {
  name: string;
  /** The objective's string, or null. */
  title: string | null;
  indicator: string;
  kind: KindName;
  /** Unit of the attained value. */
  unit: string;
  source: MetricSource;
  reduction: Reduction;
  /** The target as written, for the report. */
  written: { aggregate: string | null; op: Comparator; value: number; unit: string | null };
  op: Comparator;
  /** The target in `unit`. */
  target: number;
  window: { type: 'calendar'; period: PeriodName } | { type: 'rolling'; ms: number };
  windowText: string;
  schedule?: ScheduleRules;
  maintenance: MaintenanceRules[];
  tiers: TierModel[];
  /** (1.1) The indicator's `every`, in ms: coverage and expected samples. */
  everyMs?: number;
  /** (1.1) `missing down` (availability with `metric` and `every` only: the checker refuses the rest). */
  missingDown: boolean;
  /** (1.1) The ratio's metrics are cumulative counters. */
  counters: boolean;
  /** (1.1) The objective's `coverage`, in percent. */
  coverage?: number;
}

export interface TierModel {
  direction: 'below' | 'above';
  /** Threshold in the objective's unit. */
  threshold: number;
  credit: number;
  written: { value: number; unit: string | null };
}

/**
 * Builds the model of one `sla` block from its linked facts: by default those its analysis
 * linked (the ones the checker read), or linked now for a block on its own (a worker
 * thread gets a clone). Errors in `locale`.
 */
export function buildModel(sla: Sla, linked: SlaFacts = linkedFactsOfSla(sla), locale?: Locale): ContractModel {
  const text = messages(locale);
  const zoneName = linked.zoneName ?? 'UTC';
  const zone = ZoneRules.of(zoneName);
  if (!zone) throw new EvaluationError(text.t('model.unknownZone', { zone: JSON.stringify(zoneName) }));
  const objectives: ObjectiveModel[] = [];
  for (const facts of linked.objectives.values()) objectives.push(objectiveModel(facts, zone, text));
  return {
    name: sla.name?.text ?? '',
    title: sla.title?.value ?? null,
    version: firstItem(sla.items, 'Version')?.value?.value ?? null,
    zone,
    ...effectiveBounds(linked, zone),
    fee: linked.fee ?? null,
    cap: linked.cap ?? 100,
    objectives,
  };
}

function objectiveModel(facts: ObjectiveFacts, zone: ZoneRules, { t }: Messages): ObjectiveModel {
  const name = facts.node.name?.text ?? '';
  const fail = (problem: string): never => {
    throw new EvaluationError(t('model.objective', { objective: name, problem }));
  };
  const indicatorName = firstItem(facts.node.items, 'IndicatorRef')?.ref?.text ?? fail(t('model.noIndicator'));
  if (!facts.indicator) fail(t('model.unknownIndicator', { indicator: indicatorName }));
  const kind = facts.kind ?? fail(t('model.noKind', { indicator: indicatorName }));
  const source = facts.source ?? fail(t('model.noMetric', { indicator: indicatorName }));
  const unit = facts.valueUnit!;
  const inUnit = (q: Quantity, value: number | undefined, what: 'target' | 'tier'): number => {
    if (value !== undefined) return value;
    if (facts.valueDimension === 'percent') return fail(t(`model.${what}.notPercentage`, { quantity: `${q.value}${q.unit}` }));
    return fail(t(`model.${what}.notConvertible`, { quantity: `${q.value}${q.unit ?? ''}`, unit }));
  };

  const { target: targetItem } = facts;
  if (!targetItem?.comparator || !targetItem.quantity) fail(t('model.noTarget'));
  const { comparator, quantity, aggregate } = targetItem!;
  let reduction: Reduction;
  if (source.type === 'ratio') reduction = { type: 'ratio' };
  else if (!facts.needsAggregate) reduction = { type: 'mean' };
  else if (!aggregate) reduction = fail(t('model.needsAggregate'));
  else if (aggregate.percentile !== undefined) reduction = { type: 'percentile', text: aggregate.text };
  else if (aggregate.text === 'avg' || aggregate.text === 'min' || aggregate.text === 'max') reduction = { type: aggregate.text };
  else reduction = fail(t('model.unknownAggregate', { aggregate: aggregate.text }));

  let window: ObjectiveModel['window'];
  let windowText: string;
  const windowFacts = facts.windowFacts;
  if (windowFacts?.form === 'calendar') {
    window = { type: 'calendar', period: windowFacts.period };
    windowText = `calendar ${windowFacts.period}`;
  } else if (facts.window?.form === 'rolling' && facts.window.duration) {
    if (windowFacts?.form !== 'rolling' || !(windowFacts.durationMs > 0)) fail(t('model.rollingDuration'));
    window = { type: 'rolling', ms: (windowFacts as { durationMs: number }).durationMs };
    windowText = `rolling ${facts.window.duration.value}${facts.window.duration.unit}`;
  } else {
    window = fail(t('model.noWindow'));
  }

  let schedule: ScheduleRules | undefined;
  if (facts.duringName !== undefined) {
    const during = facts.during ?? fail(t('model.unknownSchedule', { schedule: facts.duringName }));
    schedule = scheduleRules(during);
  }
  const maintenance: MaintenanceRules[] = [];
  for (const excluded of facts.excluding) {
    const windows = excluded.maintenance ?? fail(t('model.unknownMaintenance', { maintenance: excluded.name }));
    maintenance.push(maintenanceRules(windows, zone));
  }

  const tiers: TierModel[] = [];
  for (const tier of facts.tiers) {
    const { threshold, credit } = tier.node;
    if (!threshold || !credit) continue;
    tiers.push({
      direction: tier.direction,
      threshold: inUnit(threshold, tier.threshold, 'tier'),
      credit: credit.value,
      written: { value: threshold.value, unit: threshold.unit ?? null },
    });
  }

  return {
    name,
    title: facts.node.title?.value ?? null,
    indicator: indicatorName,
    kind,
    unit,
    source,
    reduction,
    written: { aggregate: aggregate?.text ?? null, op: comparator!.op, value: quantity!.value, unit: quantity!.unit ?? null },
    op: comparator!.op,
    target: inUnit(quantity!, facts.targetValue, 'target'),
    window: window!,
    windowText: windowText!,
    schedule,
    maintenance,
    tiers,
    everyMs: facts.everyMs,
    missingDown: facts.missingDown === true && facts.everyMs !== undefined && reduction.type === 'mean',
    counters: facts.counters === true && source.type === 'ratio',
    coverage: facts.coverage,
  };
}

/** The `effective` dates as UTC [start, end): the start date's local midnight to the day after the end date's. */
export function effectiveBounds(linked: SlaFacts, zone: ZoneRules): { effectiveStart: number; effectiveEnd: number } {
  const { effectiveStart: start, effectiveEnd: end } = linked;
  return {
    effectiveStart: start ? zone.startOfDay(daysFromCivil(start.year, start.month, start.day)) : -Infinity,
    effectiveEnd: end ? zone.startOfDay(daysFromCivil(end.year, end.month, end.day) + 1) : Infinity,
  };
}

export function scheduleRules(schedule: ScheduleFacts): ScheduleRules {
  const ranges: DailyRange[] = schedule.ranges.map(({ days, start, end }) => ({ days: weekdayFlags(days), start, end }));
  const holidays = new Set(schedule.holidays.map((d) => daysFromCivil(d.year, d.month, d.day)));
  const dated = new Map(schedule.onDates.map(({ date, ranges }) => [daysFromCivil(date.year, date.month, date.day), ranges]));
  return { ranges, holidays, dated };
}

export function maintenanceRules(maintenance: MaintenanceFacts, zone: ZoneRules): MaintenanceRules {
  const recurring: DailyRange[] = maintenance.recurring.map(({ days, start, end }) => ({ days: weekdayFlags(days), start, end }));
  const windows = maintenance.windows.map(({ at, durationMs }) => {
    const local = localMs(at.year, at.month, at.day, at.hour, at.minute, at.second);
    const start = at.offsetMinutes === undefined ? zone.toUtc(local) : local - at.offsetMinutes * MS_PER_MINUTE;
    return { start, end: start + durationMs };
  });
  return { recurring, windows };
}

/** Weekday numbers (0 = Monday) as the Monday-first flag array eligibility reads. */
function weekdayFlags(days: readonly number[]): boolean[] {
  const flags = new Array<boolean>(7).fill(false);
  for (const day of days) flags[day] = true;
  return flags;
}
