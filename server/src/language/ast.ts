// The abstract syntax tree of an SLA contract (LANGUAGE.md sections 2–3).
//
// Invariants:
// - Built by the parser from possibly broken text: after error recovery any child may be
//   missing, so every child field is optional and every consumer must cope with `undefined`.
// - Every node, name, reference and literal carries its own precise range.
// - Positions are 0-based lines and UTF-16 characters (as in LSP); `offset`/`endOffset`
//   are UTF-16 offsets into the text, end exclusive.
// - Literals keep the raw text and a decoded value; a literal that could not be decoded
//   (an impossible date, a bad escape) has `valid: false` and the parser has reported SLA002.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Positions are stored as numbers on the span itself; `range` is a getter (span.ts, the one
 * place spans are made) returning a fresh Range, so a reader may keep or change what it gets.
 */
export interface Span {
  readonly range: Range;
  offset: number;
  endOffset: number;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** A name where it is defined (`objective uptime`). */
export interface Name extends Span {
  text: string;
}

/** A name where it is used (`indicator probe`, `compensation for uptime`). */
export interface Reference extends Span {
  text: string;
}

/** A bare word that has a fixed set of meanings: kind, period, cadence, day, unit word. */
export interface Word extends Span {
  text: string;
}

export interface StringLiteral extends Span {
  /** Decoded value (escapes resolved); best effort when `valid` is false. */
  value: string;
  valid: boolean;
}

/** A number with an optional unit: `99.9%`, `500 ms`, `12000 CNY`, `4h`, `2`. */
export interface Quantity extends Span {
  value: number;
  /** The unit as written (`%`, `ms`, `min`, `CNY`, …); undefined when none is written. */
  unit?: string;
  readonly unitRange?: Range;
  /** Range of the number alone. */
  readonly numberRange: Range;
  numberEndLine: number;
  numberEndCharacter: number;
  /** Where the unit starts, when one is written (it ends where the quantity does; on one line derived: span.ts `LineQuantity`). */
  unitLine?: number;
  unitCharacter?: number;
}

export interface DateLiteral extends Span {
  text: string;
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  valid: boolean;
}

export interface TimeLiteral extends Span {
  text: string;
  hour: number; // 0–24 (24 only as 24:00)
  minute: number;
  valid: boolean;
}

export interface DateTimeLiteral extends Span {
  text: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number; // may have a fraction
  /** Offset from UTC in minutes (`Z` is 0); undefined when none is written (contract zone). */
  offsetMinutes?: number;
  valid: boolean;
}

export type Comparator = '>=' | '>' | '<=' | '<';
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayName = (typeof DAY_NAMES)[number];
export const KINDS = [
  'availability',
  'error_rate',
  'latency',
  'response_time',
  'recovery_time',
  'resolution_time',
  'throughput',
] as const;
export type KindName = (typeof KINDS)[number];
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodName = (typeof PERIODS)[number];
export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type CadenceName = (typeof CADENCES)[number];

// ---------------------------------------------------------------------------------------
// Nodes. Every node has `type` (the discriminant), a span covering the whole clause, and
// `keyword`: the span of its leading keyword (for diagnostics on "the item").

export interface NodeBase extends Span {
  keyword: Span;
}

/**
 * The word each node type starts with: its `keyword` (span.ts makes that span when it is read,
 * from the node's start and the word's length). A tier starts with its `direction`, a
 * responsibility with its `party`, a schedule line with its days.
 */
export const NODE_KEYWORDS: { readonly [T in Exclude<AnyNode, ContractFile | ScheduleLine | Tier | ResponsibilityItem>['type']]: string } = {
  Sla: 'sla',
  Version: 'version',
  Provider: 'provider',
  Customer: 'customer',
  Effective: 'effective',
  Timezone: 'timezone',
  Fee: 'fee',
  Reporting: 'reporting',
  Review: 'review',
  Reviewed: 'reviewed',
  Service: 'service',
  Description: 'description',
  Includes: 'includes',
  Excludes: 'excludes',
  Schedule: 'schedule',
  Holidays: 'holidays',
  ScheduleOn: 'on',
  Maintenance: 'maintenance',
  Every: 'every',
  On: 'on',
  Notice: 'notice',
  Indicator: 'indicator',
  Kind: 'kind',
  Metric: 'metric',
  Ratio: 'ratio',
  Unit: 'unit',
  SampleEvery: 'every',
  MissingDown: 'missing',
  Counters: 'counters',
  Objective: 'objective',
  IndicatorRef: 'indicator',
  ServiceRef: 'service',
  Target: 'target',
  Window: 'window',
  During: 'during',
  Excluding: 'excluding',
  Coverage: 'coverage',
  Compensation: 'compensation',
  Credits: 'credits',
  Cap: 'cap',
  Claim: 'claim',
  Remedy: 'remedy',
  Responsibilities: 'responsibilities',
  Support: 'support',
  Hours: 'hours',
  Severity: 'severity',
};

/** NODE_KEYWORDS by any type name: undefined for a type whose first word varies (a tier, a responsibility, a schedule line). */
export const KEYWORD_OF_TYPE: Readonly<Record<string, string | undefined>> = NODE_KEYWORDS;

export interface ContractFile {
  type: 'File';
  slas: Sla[];
  range: Range;
}

export interface Sla extends NodeBase {
  type: 'Sla';
  name?: Name;
  title?: StringLiteral;
  items: SlaItem[];
  /** Range of the `{`…`}` body, when the opening brace was found. */
  body?: Span;
}

export type SlaItem =
  | VersionItem
  | ProviderItem
  | CustomerItem
  | EffectiveItem
  | TimezoneItem
  | FeeItem
  | Service
  | Schedule
  | Maintenance
  | Indicator
  | Objective
  | Compensation
  | Credits
  | Responsibilities
  | Support
  | ReportingItem
  | ReviewItem
  | ReviewedItem;

export interface VersionItem extends NodeBase {
  type: 'Version';
  value?: StringLiteral;
}
export interface ProviderItem extends NodeBase {
  type: 'Provider';
  value?: StringLiteral;
}
export interface CustomerItem extends NodeBase {
  type: 'Customer';
  value?: StringLiteral;
}
export interface EffectiveItem extends NodeBase {
  type: 'Effective';
  start?: DateLiteral;
  end?: DateLiteral;
}
export interface TimezoneItem extends NodeBase {
  type: 'Timezone';
  value?: StringLiteral;
}
/** `fee 12000 CNY per month`: `amount.unit` is the currency. */
export interface FeeItem extends NodeBase {
  type: 'Fee';
  amount?: Quantity;
  period?: Word;
}
export interface ReportingItem extends NodeBase {
  type: 'Reporting';
  cadence?: Word;
  recipients: StringLiteral[];
}
export interface ReviewItem extends NodeBase {
  type: 'Review';
  cadence?: Word;
}
/** (1.1) `reviewed 2026-03-01`: when the contract was last reviewed (SLA505). */
export interface ReviewedItem extends NodeBase {
  type: 'Reviewed';
  date?: DateLiteral;
}

// --- service -----------------------------------------------------------------------------
export interface Service extends NodeBase {
  type: 'Service';
  name?: Name;
  title?: StringLiteral;
  items: ServiceItem[];
  body?: Span;
}
export type ServiceItem = DescriptionItem | IncludesItem | ExcludesItem;
export interface DescriptionItem extends NodeBase {
  type: 'Description';
  value?: StringLiteral;
}
export interface IncludesItem extends NodeBase {
  type: 'Includes';
  values: StringLiteral[];
}
export interface ExcludesItem extends NodeBase {
  type: 'Excludes';
  values: StringLiteral[];
}

// --- schedule and maintenance ----------------------------------------------------------------
/** `mon..fri`, `sat`, `daily`, `weekdays`, `weekends`. `from`/`to` are set for day names. */
export interface Days extends Span {
  /** 'range' for `mon..fri` or a single day (`to` undefined), else the keyword. */
  form: 'range' | 'daily' | 'weekdays' | 'weekends';
  from?: Word;
  to?: Word;
}
export interface TimeRange extends Span {
  start?: TimeLiteral;
  end?: TimeLiteral;
}
export interface Schedule extends NodeBase {
  type: 'Schedule';
  name?: Name;
  items: ScheduleItem[];
  body?: Span;
}
export type ScheduleItem = ScheduleLine | HolidaysItem | ScheduleOnItem;
/** `mon..fri 09:00-12:00, 13:00-18:00`; `keyword` is the span of the days. */
export interface ScheduleLine extends NodeBase {
  type: 'ScheduleLine';
  days: Days;
  ranges: TimeRange[];
}
export interface HolidaysItem extends NodeBase {
  type: 'Holidays';
  dates: DateLiteral[];
}
/** (1.1) `on 2026-10-10, 2026-10-11 09:00-18:00`: dated working hours (make-up working days, 调休). */
export interface ScheduleOnItem extends NodeBase {
  type: 'ScheduleOn';
  dates: DateLiteral[];
  ranges: TimeRange[];
}
export interface Maintenance extends NodeBase {
  type: 'Maintenance';
  name?: Name;
  items: MaintenanceItem[];
  body?: Span;
}
export type MaintenanceItem = EveryItem | OnItem | NoticeItem;
export interface EveryItem extends NodeBase {
  type: 'Every';
  days?: Days;
  /** The `02:00-04:00` part. */
  times?: TimeRange;
}
export interface OnItem extends NodeBase {
  type: 'On';
  at?: DateTimeLiteral;
  duration?: Quantity;
}
export interface NoticeItem extends NodeBase {
  type: 'Notice';
  duration?: Quantity;
}

// --- indicator ---------------------------------------------------------------------------------
export interface Indicator extends NodeBase {
  type: 'Indicator';
  name?: Name;
  title?: StringLiteral;
  items: IndicatorItem[];
  body?: Span;
}
export type IndicatorItem =
  | KindItem
  | MetricItem
  | RatioItem
  | UnitItem
  | DescriptionItem
  | SampleEveryItem
  | MissingDownItem
  | CountersItem;
export interface KindItem extends NodeBase {
  type: 'Kind';
  /** The word as written; it may be an unknown kind (SLA206). */
  value?: Word;
}
export interface MetricItem extends NodeBase {
  type: 'Metric';
  value?: StringLiteral;
}
export interface RatioItem extends NodeBase {
  type: 'Ratio';
  polarity?: Word; // `good` or `bad`
  numerator?: StringLiteral;
  total?: StringLiteral;
}
export interface UnitItem extends NodeBase {
  type: 'Unit';
  value?: Word;
}

/** (1.1) `every 1m`: the interval at which samples are expected (coverage, `missing down`). */
export interface SampleEveryItem extends NodeBase {
  type: 'SampleEvery';
  interval?: Quantity;
}
/** (1.1) `missing down`: expected samples that are missing count as down. `keyword` is `missing`. */
export interface MissingDownItem extends NodeBase {
  type: 'MissingDown';
  /** The `down` word; absent when it is missing (a syntax error). */
  down?: Word;
}
/** (1.1) `counters`: the ratio's metrics are cumulative counters. */
export interface CountersItem extends NodeBase {
  type: 'Counters';
}

// --- objective ---------------------------------------------------------------------------------
export interface Objective extends NodeBase {
  type: 'Objective';
  name?: Name;
  title?: StringLiteral;
  items: ObjectiveItem[];
  body?: Span;
}
export type ObjectiveItem =
  | IndicatorRefItem
  | ServiceRefItem
  | TargetItem
  | WindowItem
  | DuringItem
  | ExcludingItem
  | CoverageItem
  | DescriptionItem;
/** (1.1) `coverage 90%`: the share of expected samples a result needs (else `insufficient-data`). */
export interface CoverageItem extends NodeBase {
  type: 'Coverage';
  percent?: Quantity;
}
export interface IndicatorRefItem extends NodeBase {
  type: 'IndicatorRef';
  ref?: Reference;
}
export interface ServiceRefItem extends NodeBase {
  type: 'ServiceRef';
  ref?: Reference;
}
/** `avg`, `min`, `max` or a percentile (`p95`: `percentile` is 95). */
export interface Aggregate extends Span {
  text: string;
  percentile?: number;
}
export interface TargetItem extends NodeBase {
  type: 'Target';
  aggregate?: Aggregate;
  comparator?: Span & { op: Comparator };
  quantity?: Quantity;
}
export interface WindowItem extends NodeBase {
  type: 'Window';
  form?: 'calendar' | 'rolling';
  /** The `calendar` or `rolling` word (made when read: span.ts `WindowSpan`). */
  formSpan?: Span;
  period?: Word; // calendar
  duration?: Quantity; // rolling
}
export interface DuringItem extends NodeBase {
  type: 'During';
  ref?: Reference;
}
export interface ExcludingItem extends NodeBase {
  type: 'Excluding';
  refs: Reference[];
}

// --- compensation and credits ------------------------------------------------------------------
export interface Compensation extends NodeBase {
  type: 'Compensation';
  /** The objective it is for. */
  target?: Reference;
  tiers: Tier[];
  body?: Span;
}
export interface Tier extends NodeBase {
  type: 'Tier';
  direction: 'below' | 'above';
  threshold?: Quantity;
  credit?: Quantity;
}
export interface Credits extends NodeBase {
  type: 'Credits';
  items: CreditsItem[];
  body?: Span;
}
export type CreditsItem = CapItem | ClaimItem | RemedyItem;
export interface CapItem extends NodeBase {
  type: 'Cap';
  percent?: Quantity;
}
export interface ClaimItem extends NodeBase {
  type: 'Claim';
  duration?: Quantity;
}
export interface RemedyItem extends NodeBase {
  type: 'Remedy';
  value?: StringLiteral;
}

// --- responsibilities and support ---------------------------------------------------------------
export interface Responsibilities extends NodeBase {
  type: 'Responsibilities';
  items: ResponsibilityItem[];
  body?: Span;
}
export interface ResponsibilityItem extends NodeBase {
  type: 'Responsibility';
  party: 'provider' | 'customer';
  value?: StringLiteral;
}
export interface Support extends NodeBase {
  type: 'Support';
  items: SupportItem[];
  body?: Span;
}
export type SupportItem = HoursItem | SeverityItem;
export interface HoursItem extends NodeBase {
  type: 'Hours';
  ref?: Reference;
}
export interface SeverityItem extends NodeBase {
  type: 'Severity';
  name?: Name;
  title?: StringLiteral;
  response?: Quantity;
  resolve?: Quantity;
}

/** Every block that defines a name in the `sla`'s namespace. */
export type NamedDefinition = Service | Schedule | Maintenance | Indicator | Objective;
export type AnyNode =
  | ContractFile
  | Sla
  | SlaItem
  | ServiceItem
  | ScheduleItem
  | MaintenanceItem
  | IndicatorItem
  | ObjectiveItem
  | Tier
  | CreditsItem
  | ResponsibilityItem
  | SupportItem;
