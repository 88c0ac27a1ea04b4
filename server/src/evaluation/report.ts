// The evaluation report: the JSON object of LANGUAGE.md section 5, field for field, plus a
// few documented extra fields (the spec allows additions). Plain data, no behaviour except
// small helpers, so the language server and the client can import the types cheaply.
import type { Comparator, KindName, PeriodName } from '../language/ast';

export type ResultStatus = 'met' | 'breached' | 'no-data' | 'insufficient-data';

export interface Report {
  /** The `sla` block's name. */
  sla: string;
  /** The contract's `version`, or null when it has none. */
  version: string | null;
  objectives: ObjectiveReport[];
  /** One entry per interval in which some result owes more than 0%, sorted by start. */
  credits: CreditReport[];
  // --- extra fields ---
  /** The `sla` block's title, when it has one. */
  title?: string | null;
  /** The contract's IANA time zone (all times of the report are in it). */
  timezone: string;
  /** The instant that ends rolling windows (RFC 3339), or null when no objective is rolling. */
  at: string | null;
  /** Rows read from all sources (samples of every metric, used or not); from a Prometheus server, the raw samples received (none for what it aggregated). */
  metricsRead: number;
  /** (1.1) Problems that did not stop the evaluation (metrics with no samples under `--allow-missing-metrics`, cumulative-looking series, source warnings); also printed on stderr. Possibly empty. */
  warnings: string[];
  /** Only with `explain`, and only when a Prometheus server was queried: what was sent to it. */
  queries?: QueryLogReport[];
}

/** The queries sent to one server during an evaluation. */
export interface QueryLogReport {
  /** The server's address. */
  source: string;
  /** HTTP requests sent. */
  count: number;
  /** Bytes of the response bodies received (after decompression). */
  bytes: number;
  /** The PromQL of the first few queries, in the order they were sent. */
  first: string[];
}

export interface ObjectiveReport {
  name: string;
  /** (1.1) The objective's string, or null. */
  title: string | null;
  indicator: string;
  target: TargetReport;
  /** One per period, sorted by start. */
  results: ResultReport[];
  // --- extra fields ---
  /** The indicator's kind. */
  kind: KindName;
  /** The unit of `attained`: the indicator's unit (`%` for availability, error rate, ratios). */
  unit: string;
  /** The window as written: `calendar month`, `rolling 30d`. */
  window: string;
}

export interface TargetReport {
  /** `p95`, `avg`, `min`, `max`, or null (availability, error rate). */
  aggregate: string | null;
  op: Comparator;
  /** As written in the contract. */
  value: number;
  /** As written in the contract; null when no unit is written. */
  unit: string | null;
}

export interface ResultReport {
  /** RFC 3339 with a numeric offset in the contract's zone. Inclusive for calendar periods, exclusive for rolling ones. */
  start: string;
  /** RFC 3339; exclusive for calendar periods, inclusive for rolling ones. */
  end: string;
  /** Eligible samples (for a ratio indicator, those of its total metric). */
  samples: number;
  /** Unrounded, in the indicator's unit; null for `no-data`. */
  attained: number | null;
  status: ResultStatus;
  /** Percent owed for this result before the cap (0 when met, no-data or insufficient-data). */
  credit: number;
  /** (1.1) 100 × min(1, n × I / E) when the indicator has `every I`; null without `every` or when E = 0. */
  coverage: number | null;
  /**
   * Only present, true, when the result may still change: a calendar period evaluated up to
   * now or `--to` rather than to its end (a server source), or (1.1) one whose indicator has
   * `every` and whose end lies after the horizon (files).
   */
  partial?: true;
  /** Only with `explain`. */
  explain?: ResultExplanation;
}

export interface ResultExplanation {
  /** Samples of the indicator's counted metric in the period left out by each rule; a sample is counted under the first rule that removes it, in this order. */
  outsideEffective: number;
  outsideSchedule: number;
  inMaintenance: number;
  /** The tier that applied to a breached result, or null (met, no-data, or a breach no tier covers). */
  tier: TierReport | null;
  /** True when the cap reduced the total of this result's credit interval. */
  capped: boolean;
}

export interface TierReport {
  direction: 'below' | 'above';
  /** As written in the contract. */
  threshold: number;
  unit: string | null;
  credit: number;
}

export interface CreditReport {
  start: string;
  end: string;
  /** Total percent after the cap. */
  percent: number;
  /** percent / 100 × fee when the fee's `per` period is this interval's calendar period; else null. */
  amount: number | null;
  currency: string | null;
  // --- extra fields ---
  /** The calendar period the interval is (`month`, …). */
  period: PeriodName;
  /** Sum of the results' credits before the cap. */
  uncapped: number;
  /** The cap that applied (100 when the contract has none). */
  cap: number;
}

/** Whether a report has any breached or insufficient-data result (the CLI exits 1 then). */
export function hasBreach(report: Report): boolean {
  return report.objectives.some((o) => o.results.some((r) => r.status === 'breached' || r.status === 'insufficient-data'));
}
