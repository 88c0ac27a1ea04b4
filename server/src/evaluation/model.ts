// The contract as the evaluator needs it: names resolved, units converted into each
// indicator's unit, times turned into UTC instants and daily minute ranges. Built from an
// `sla` block the checker accepted (no error diagnostics); anything still missing is
// reported as an EvaluationError rather than trusted.
import type {
  Comparator,
  Days,
  Indicator,
  KindName,
  Maintenance,
  Objective,
  PeriodName,
  Quantity,
  Schedule,
  Sla,
  TimeRange,
} from '../language/ast';
import { DAY_NAMES, KINDS, PERIODS } from '../language/ast';
import { convert, defaultUnitOfKind, durationMs } from '../language/units';
import type { Reduction } from './aggregate';
import { MS_PER_MINUTE, daysFromCivil, localMs } from '../language/calendar';
import type { DailyRange, MaintenanceRules, ScheduleRules } from './eligibility';
import { EvaluationError } from './errors';
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

export type MetricSource =
  | { type: 'metric'; metric: string }
  | { type: 'ratio'; polarity: 'good' | 'bad'; numerator: string; total: string };

export interface ObjectiveModel {
  name: string;
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
}

export interface TierModel {
  direction: 'below' | 'above';
  /** Threshold in the objective's unit. */
  threshold: number;
  credit: number;
  written: { value: number; unit: string | null };
}

/** Builds the model of one `sla` block. */
export function buildModel(sla: Sla): ContractModel {
  const items = sla.items;
  const name = sla.name?.text ?? '';
  const zoneName = find(items, 'Timezone')?.value?.value ?? 'UTC';
  const zone = ZoneRules.of(zoneName);
  if (!zone) throw new EvaluationError(`unknown time zone ${JSON.stringify(zoneName)}`);

  const effective = find(items, 'Effective');
  let effectiveStart = -Infinity;
  let effectiveEnd = Infinity;
  if (effective?.start?.valid) {
    const s = effective.start;
    effectiveStart = zone.startOfDay(daysFromCivil(s.year, s.month, s.day));
  }
  if (effective?.end?.valid) {
    const e = effective.end;
    effectiveEnd = zone.startOfDay(daysFromCivil(e.year, e.month, e.day) + 1);
  }

  const feeItem = find(items, 'Fee');
  const fee =
    feeItem?.amount?.unit && feeItem.period && isPeriod(feeItem.period.text)
      ? { amount: feeItem.amount.value, currency: feeItem.amount.unit, period: feeItem.period.text }
      : null;
  const capItem = find(items, 'Credits')?.items.find((i) => i.type === 'Cap');
  const cap = capItem?.type === 'Cap' && capItem.percent ? capItem.percent.value : 100;

  const objectives: ObjectiveModel[] = [];
  for (const item of items) if (item.type === 'Objective') objectives.push(objectiveModel(sla, item, zone));
  return {
    name,
    title: sla.title?.value ?? null,
    version: find(items, 'Version')?.value?.value ?? null,
    zone,
    effectiveStart,
    effectiveEnd,
    fee,
    cap,
    objectives,
  };
}

function objectiveModel(sla: Sla, objective: Objective, zone: ZoneRules): ObjectiveModel {
  const name = objective.name?.text ?? '';
  const fail = (what: string): never => {
    throw new EvaluationError(`objective ${name}: ${what}`);
  };
  const items = objective.items;
  const indicatorName = find(items, 'IndicatorRef')?.ref?.text ?? fail('no indicator');
  const indicator = definition(sla, 'Indicator', indicatorName) ?? fail(`no indicator named ${indicatorName}`);
  const kindText = find(indicator.items, 'Kind')?.value?.text;
  if (!kindText || !(KINDS as readonly string[]).includes(kindText)) fail(`indicator ${indicatorName} has no valid kind`);
  const kind = kindText as KindName;
  const source = metricSource(indicator) ?? fail(`indicator ${indicatorName} names no metric`);
  const percent = source.type === 'ratio' || kind === 'availability' || kind === 'error_rate';
  const unit = percent ? '%' : (find(indicator.items, 'Unit')?.value?.text ?? defaultUnitOfKind(kind));

  const targetItem = find(items, 'Target');
  if (!targetItem?.comparator || !targetItem.quantity) fail('no complete target');
  const { comparator, quantity, aggregate } = targetItem!;
  const inUnit = (q: Quantity, what: string): number => {
    if (percent) {
      if (q.unit !== undefined && q.unit !== '%') fail(`${what} ${q.value}${q.unit} is not a percentage`);
      return q.value;
    }
    const value = convert(q.value, q.unit ?? unit, unit);
    if (value === undefined) fail(`${what} ${q.value}${q.unit ?? ''} cannot be converted into ${unit}`);
    return value!;
  };
  let reduction: Reduction;
  if (source.type === 'ratio') reduction = { type: 'ratio' };
  else if (kind === 'availability' || kind === 'error_rate') reduction = { type: 'mean' };
  else if (!aggregate) reduction = fail('the target needs an aggregate (p95, avg, min, max)');
  else if (aggregate.percentile !== undefined) reduction = { type: 'percentile', text: aggregate.text };
  else if (aggregate.text === 'avg' || aggregate.text === 'min' || aggregate.text === 'max') reduction = { type: aggregate.text };
  else reduction = fail(`unknown aggregate ${aggregate.text}`);

  const windowItem = find(items, 'Window');
  let window: ObjectiveModel['window'];
  let windowText: string;
  if (windowItem?.form === 'calendar' && windowItem.period && isPeriod(windowItem.period.text)) {
    window = { type: 'calendar', period: windowItem.period.text };
    windowText = `calendar ${windowItem.period.text}`;
  } else if (windowItem?.form === 'rolling' && windowItem.duration) {
    const ms = durationMs(windowItem.duration.value, windowItem.duration.unit);
    if (ms === undefined || !(ms > 0)) fail('the rolling window needs a positive duration');
    window = { type: 'rolling', ms: ms! };
    windowText = `rolling ${windowItem.duration.value}${windowItem.duration.unit}`;
  } else {
    window = fail('no complete window');
  }

  const duringName = find(items, 'During')?.ref?.text;
  let schedule: ScheduleRules | undefined;
  if (duringName !== undefined) {
    const s = definition(sla, 'Schedule', duringName) ?? fail(`no schedule named ${duringName}`);
    schedule = scheduleRules(s);
  }
  const maintenance: MaintenanceRules[] = [];
  for (const item of items) {
    if (item.type !== 'Excluding') continue;
    for (const ref of item.refs) {
      const m = definition(sla, 'Maintenance', ref.text) ?? fail(`no maintenance named ${ref.text}`);
      maintenance.push(maintenanceRules(m, zone));
    }
  }

  const tiers: TierModel[] = [];
  for (const item of sla.items) {
    if (item.type !== 'Compensation' || item.target?.text !== name) continue;
    for (const tier of item.tiers) {
      if (!tier.threshold || !tier.credit) continue;
      tiers.push({
        direction: tier.direction,
        threshold: inUnit(tier.threshold, 'tier threshold'),
        credit: tier.credit.value,
        written: { value: tier.threshold.value, unit: tier.threshold.unit ?? null },
      });
    }
  }

  return {
    name,
    indicator: indicatorName,
    kind,
    unit,
    source,
    reduction,
    written: { aggregate: aggregate?.text ?? null, op: comparator!.op, value: quantity!.value, unit: quantity!.unit ?? null },
    op: comparator!.op,
    target: inUnit(quantity!, 'target'),
    window: window!,
    windowText: windowText!,
    schedule,
    maintenance,
    tiers,
  };
}

function metricSource(indicator: Indicator): MetricSource | undefined {
  const metric = find(indicator.items, 'Metric')?.value?.value;
  if (metric !== undefined) return { type: 'metric', metric };
  const ratio = find(indicator.items, 'Ratio');
  if (ratio?.numerator && ratio.total && (ratio.polarity?.text === 'good' || ratio.polarity?.text === 'bad')) {
    return { type: 'ratio', polarity: ratio.polarity.text, numerator: ratio.numerator.value, total: ratio.total.value };
  }
  return undefined;
}

function scheduleRules(schedule: Schedule): ScheduleRules {
  const ranges: DailyRange[] = [];
  const holidays = new Set<number>();
  for (const item of schedule.items) {
    if (item.type === 'ScheduleLine') {
      const days = weekdays(item.days);
      for (const r of item.ranges) {
        const range = minutes(r);
        if (range) ranges.push({ days, ...range });
      }
    } else {
      for (const d of item.dates) if (d.valid) holidays.add(daysFromCivil(d.year, d.month, d.day));
    }
  }
  return { ranges, holidays };
}

function maintenanceRules(maintenance: Maintenance, zone: ZoneRules): MaintenanceRules {
  const recurring: DailyRange[] = [];
  const windows: { start: number; end: number }[] = [];
  for (const item of maintenance.items) {
    if (item.type === 'Every' && item.days && item.times) {
      const range = minutes(item.times);
      if (range) recurring.push({ days: weekdays(item.days), ...range });
    } else if (item.type === 'On' && item.at?.valid && item.duration) {
      const at = item.at;
      const local = localMs(at.year, at.month, at.day, at.hour, at.minute, at.second);
      const start = at.offsetMinutes === undefined ? zone.toUtc(local) : local - at.offsetMinutes * MS_PER_MINUTE;
      const length = durationMs(item.duration.value, item.duration.unit);
      if (length !== undefined && length > 0) windows.push({ start, end: start + length });
    }
  }
  return { recurring, windows };
}

/** Days of a `Days` clause as a Monday-first flag array; ranges may wrap (`fri..mon`). */
function weekdays(days: Days): boolean[] {
  const flags = new Array<boolean>(7).fill(false);
  switch (days.form) {
    case 'daily':
      return flags.fill(true);
    case 'weekdays':
      return flags.fill(true, 0, 5);
    case 'weekends':
      return flags.fill(true, 5, 7);
    case 'range': {
      const from = DAY_NAMES.indexOf(days.from?.text as (typeof DAY_NAMES)[number]);
      const to = days.to ? DAY_NAMES.indexOf(days.to.text as (typeof DAY_NAMES)[number]) : from;
      if (from < 0 || to < 0) return flags;
      for (let d = from; ; d = (d + 1) % 7) {
        flags[d] = true;
        if (d === to) break;
      }
      return flags;
    }
  }
}

function minutes(range: TimeRange): { start: number; end: number } | undefined {
  if (!range.start?.valid || !range.end?.valid) return undefined;
  const start = range.start.hour * 60 + range.start.minute;
  const end = range.end.hour * 60 + range.end.minute;
  return end > start ? { start, end } : undefined;
}

function isPeriod(text: string): text is PeriodName {
  return (PERIODS as readonly string[]).includes(text);
}

type ItemOf<T extends { type: string }, K extends string> = Extract<T, { type: K }>;

function find<T extends { type: string }, K extends T['type']>(items: readonly T[], type: K): ItemOf<T, K> | undefined {
  return items.find((i) => i.type === type) as ItemOf<T, K> | undefined;
}

function definition<K extends 'Indicator' | 'Schedule' | 'Maintenance'>(
  sla: Sla,
  type: K,
  name: string,
): ItemOf<Sla['items'][number], K> | undefined {
  return sla.items.find((i) => i.type === type && 'name' in i && i.name?.text === name) as
    | ItemOf<Sla['items'][number], K>
    | undefined;
}

