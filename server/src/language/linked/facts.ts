// The linked facts of an `sla` block (Langium's "linked" state): what each indicator,
// objective, schedule and maintenance window means once names are resolved and units
// are settled. Computed once per document version by `analyze()` and read by the checker,
// the editor features and the evaluator's model, so they cannot disagree.
//
// Plain data over a possibly partial AST: every fact is optional and absent when the text
// does not give it (a missing kind, an unknown unit word, an unresolved name). The nodes
// the facts came from are kept, so readers can still point at the text.
import type {
  Compensation,
  CoverageItem,
  Credits,
  DateTimeLiteral,
  Indicator,
  KindName,
  Maintenance,
  Objective,
  PeriodName,
  ReviewedItem,
  Schedule,
  Sla,
  TargetItem,
  Tier,
  WindowItem,
} from '../ast';
import type { CivilDate } from '../calendar';
import type { SlaScope } from '../scope';
import type { Dimension } from '../units';

/** Where an indicator's values come from. */
export type MetricSource =
  | { type: 'metric'; metric: string }
  | { type: 'ratio'; polarity: 'good' | 'bad'; numerator: string; total: string };

/** What an indicator's values are (LANGUAGE.md 5), as far as its items tell. */
export interface IndicatorFacts {
  /** Its kind, when it is a known kind. */
  kind?: KindName;
  /** `ratio good` / `ratio bad`: the values are then a percentage whatever the kind. */
  ratio?: 'good' | 'bad' | 'unknown';
  /**
   * The unit its values are in: `%` for a ratio; else its `unit` when that fits the kind's
   * dimension; else the kind's default. (A `unit` that does not fit is SLA210.)
   */
  valueUnit?: string;
  valueDimension?: Dimension;
  /** Whether good service means high values (availability, throughput, `ratio good`). */
  higherIsBetter?: boolean;
  /** Whether a target on it needs an aggregate (durations and rates of a `metric`). */
  needsAggregate?: boolean;
  /** How messages name what is measured: the kind, or `ratio good`. */
  measure?: string;
  /** The metric (or the two metrics of a ratio) its values are read from, when complete. */
  source?: MetricSource;
  /** (1.1) The first `every`, in milliseconds: present when it is a duration above 0 (else SLA214 or a unit error). */
  everyMs?: number;
  /** (1.1) Whether it has `missing down` (written in full). Whether that is allowed is SLA211's. */
  missingDown?: boolean;
  /** (1.1) Whether it has `counters`. Whether that is allowed is SLA213's. */
  counters?: boolean;
}

/** A calendar window (`window calendar month`) or a rolling one in milliseconds. */
export type WindowFacts = { form: 'calendar'; period: PeriodName } | { form: 'rolling'; durationMs: number };

/** Minutes of the day [start, end) on some weekdays (0 = Monday … 6 = Sunday); end > start. */
export interface WeeklyRange {
  days: number[];
  start: number;
  end: number;
}

/** Minutes of the day [start, end), end > start; `24:00` is 1440 (the next local midnight). */
export interface MinuteRange {
  start: number;
  end: number;
}

/** (1.1) A date of a schedule `on` line with that line's valid, non-empty ranges. */
export interface DatedRanges {
  date: CivilDate;
  ranges: MinuteRange[];
}

export interface ScheduleFacts {
  node: Schedule;
  name: string;
  /** One entry per valid, non-empty time range of each line, in text order. */
  ranges: WeeklyRange[];
  /** Valid holiday dates, in text order. */
  holidays: CivilDate[];
  /**
   * (1.1) `on DATE {, DATE} RANGES` lines: one entry per valid date, in text order. Such a
   * date is a working date with exactly these ranges, whatever its weekday (LANGUAGE.md 5).
   * A date listed twice (in `on` or `holidays`) is SLA404, an error, so an evaluated
   * contract has each date once.
   */
  onDates: DatedRanges[];
}

export interface MaintenanceFacts {
  node: Maintenance;
  name: string;
  /** `every DAYS HH:MM-HH:MM` lines. */
  recurring: WeeklyRange[];
  /** `on DATE-TIME for DURATION` lines with a valid time and a positive duration. */
  windows: { at: DateTimeLiteral; durationMs: number }[];
}

/**
 * How mild a tier's threshold is in its direction: the nearer the target, the milder (the
 * highest `below`, the lowest `above`). The one ordering of tiers: SLA312, the alert rules'
 * credit at stake and the semantic diff's pairing all compare by it.
 */
export function tierMildness(direction: 'below' | 'above', threshold: number): number {
  return direction === 'below' ? threshold : -threshold;
}

export interface TierFacts {
  node: Tier;
  compensation: Compensation;
  direction: 'below' | 'above';
  /** The threshold in the objective's value unit; undefined when missing or not convertible. */
  threshold?: number;
  /** The credit in percent of the fee. */
  credit?: number;
}

export interface ObjectiveFacts extends IndicatorFacts {
  node: Objective;
  /** The indicator it names, when the name resolves to an indicator. */
  indicator?: Indicator;
  /** The first `target`. */
  target?: TargetItem;
  /**
   * The unit of the target's value: as written, or the indicator's value unit when none
   * is written. Undefined when unknown (an unknown unit word, or no kind to default from).
   */
  targetUnit?: string;
  targetDimension?: Dimension;
  /** The target's value in `valueUnit`; undefined when missing or not convertible. */
  targetValue?: number;
  /** The first `window`. */
  window?: WindowItem;
  /** The first `window`, read; undefined when incomplete. */
  windowFacts?: WindowFacts;
  /** The `during` schedule's name as written, and the schedule when it resolves. */
  duringName?: string;
  during?: ScheduleFacts;
  /** Each name of `excluding`, with the maintenance window when it resolves. */
  excluding: { name: string; maintenance?: MaintenanceFacts }[];
  /** The compensation clauses for it, in text order. */
  compensations: Compensation[];
  /** The tiers of those clauses, in text order. */
  tiers: TierFacts[];
  /** (1.1) The first `coverage`, in percent (whatever unit is written; SLA203 and the unit check report bad ones). */
  coverage?: number;
  /** (1.1) The first `coverage` item. */
  coverageItem?: CoverageItem;
}

export interface SlaFacts {
  sla: Sla;
  scope: SlaScope;
  /** The `timezone` as written (validity is SLA401's). */
  zoneName?: string;
  /** The valid `effective` dates. */
  effectiveStart?: CivilDate;
  effectiveEnd?: CivilDate;
  /** A complete `fee` with a currency and a period. */
  fee?: { amount: number; currency: string; period: PeriodName };
  /** The first `credits` block, and its `cap` in percent. */
  credits?: Credits;
  cap?: number;
  indicators: Map<Indicator, IndicatorFacts>;
  objectives: Map<Objective, ObjectiveFacts>;
  schedules: Map<Schedule, ScheduleFacts>;
  maintenances: Map<Maintenance, MaintenanceFacts>;
  /** The objective each compensation clause is for, when its name resolves to one. */
  compensated: Map<Compensation, Objective>;
  /** (1.1) The first `reviewed` date, when valid, and its item (for diagnostics and quick fixes). */
  reviewed?: CivilDate;
  reviewedItem?: ReviewedItem;
}
