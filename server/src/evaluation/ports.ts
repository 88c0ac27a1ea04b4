// What passes between the evaluator and the sources of samples, as types both sides import,
// so that neither imports the other (the evaluator never sees a concrete source; sources,
// the interval reader and the parallel reader never import the evaluator).
import type { Sla } from '../language/ast';
import type { Locale } from '../l10n/index';
import type { AccumulatorState } from './aggregate';
import type { Eligibility, InstantClass } from './eligibility';
import type { ContractModel, ObjectiveModel } from './model';
import type { QueryLogReport } from './report';
import type { WatchedSeries } from './series';
import type { ZoneRules } from './timezone';
import type { Worker } from 'node:worker_threads';

export interface SampleSink {
  /** The contract's zone, for timestamps written without an offset. */
  readonly zone: ZoneRules;
  /** The language of the source's data errors (the evaluation's locale); English when absent. */
  readonly locale?: Locale;
  /**
   * The id to pass to `add` for a metric name, or -1 when no objective reads the metric
   * (its rows are still passed to `add`: their timestamps count for the default `--at`).
   * Sources may call this once per distinct name and remember the id.
   */
  metricId(name: string): number;
  /**
   * One sample: epoch milliseconds and a finite value, and (1.1) its series when
   * `wantsSeries` said so (`seriesName`; the metric name alone when absent). Returns the
   * reason when the sample is not acceptable (availability outside [0, 1], a repeated
   * timestamp of a counter series); the source then reports it as a data error with its
   * own location.
   */
  add(metric: number, timestamp: number, value: number, series?: string): string | undefined;
  /**
   * Optional: rows [0, count) of the arrays as `count` calls of `add` without series, in
   * order, stopping at the first one not acceptable: its index and reason. A source that
   * reads many plain rows hands them over this way: no call per row, and the numbers stay
   * in typed arrays (passed to a call, each timestamp and value would be a heap object).
   */
  addRows?(metrics: Int32Array, timestamps: Float64Array, values: Float64Array, count: number): RowRejection | undefined;
  /** (1.1) Whether `add` needs the series of this metric's samples (ratio metrics); absent: never. */
  wantsSeries?(metric: number): boolean;
  /** Rows read since the last call (for progress reports). */
  rowsRead(count: number): void;
}

/** The row of `SampleSink.addRows` the sink did not accept (0-based in the call), and why. */
export interface RowRejection {
  row: number;
  reason: string;
}

export interface SampleSource {
  /** What to call the source in messages: a file path, an address. */
  readonly name: string;
  /**
   * Streams every sample into the sink. Rejects with an EvaluationError naming the source,
   * the line (or position) and the reason on the first unreadable row; with
   * EvaluationAborted when the signal fires.
   */
  read(sink: SampleSink, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: reads the source in parts on several threads, each part into a sink of its
   * own, merged in order. Resolves false, having changed nothing, when the source is not
   * worth it or cannot be cut: the evaluator then calls `read`.
   */
  readInParts?(reading: PartedReading, signal?: AbortSignal): Promise<boolean>;
}

/**
 * (1.1) How a series (a metric with its label values) is named in messages and told apart:
 * `name{label="value", …}`, or the name alone without labels.
 */
export function seriesName(metric: string, labels: readonly (readonly [string, string])[]): string {
  if (labels.length === 0) return metric;
  return `${metric}{${labels.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
}

/** What a metric is to an objective: its values, a ratio's numerator (good or bad), a ratio's total. */
export const VALUE = 0;
export const NUMERATOR = 1;
export const TOTAL = 2;
export type Role = typeof VALUE | typeof NUMERATOR | typeof TOTAL;

/** One objective's part of the evaluator, as the interval reader (intervals.ts) records into it. */
export interface ObjectiveSink {
  readonly model: ObjectiveModel;
  readonly eligibility: Eligibility;
  /** `count` samples of the role's metric adding up to `sum`, at instants from `t` on, all of class `cls`. */
  addCounted(role: Role, cls: InstantClass, t: number, count: number, sum: number): void;
  /** Lists the period holding t (it holds a sample inside the effective dates). */
  markSeen(t: number): void;
  /** The period starting at `start` was evaluated only up to now or `--to`: its result is marked partial. */
  markPartial(start: number): void;
  /** (1.1) Where the evaluated time starts (a server's first period, from `--from`): the data span of `missing down` begins no earlier. */
  spanFloor: number;
}

/** (1.1) One series of a selector over an interval: what the cumulative-looking warning needs. */
export interface SeriesSummary {
  /** `metric{label="value", …}`, as files name series. */
  series: string;
  count: number;
  /** Times a value was below the one before it, in time order. */
  decreases: number;
  min: number;
  max: number;
}

/** The evaluator as a source answering questions about intervals (a Prometheus server) fills it. */
export interface IntervalSink {
  readonly model: ContractModel;
  /** One per objective, in contract order. */
  readonly runs: readonly ObjectiveSink[];
  /** One sample for one objective alone; the reason when the value is not acceptable. */
  addTo(run: ObjectiveSink, role: Role, t: number, value: number): string | undefined;
  rowsRead(count: number): void;
  warn(message: string): void;
  logQueries(log: QueryLogReport): void;
  /** (1.1) A series of a ratio metric read as per-interval counts, summarised over [start, end): judged for looking cumulative as a file's series is. */
  watchSeries(metric: string, summary: SeriesSummary, start: number, end: number): void;
}

/** An evaluator's gathered data as plain, structured-cloneable data. */
export interface EvaluatorState {
  latest: number;
  /** The earliest timestamp read, of any metric (the start of the data span, for `missing down`). */
  earliest: number;
  rows: number;
  /** Every metric name read, of any metric (for the missing metrics' suggestions). */
  namesRead: string[];
  /** Ids (as `metricId` gives them) of the metrics that objectives read and that had a sample. */
  sampled: number[];
  /** (1.1) Ratio series watched for looking cumulative. */
  watched: [string, WatchedSeries][];
  runs: RunState[];
}

export interface RunState {
  periods: AccumulatorState[];
  held?: HeldState;
}

export interface HeldState {
  times: Float64Array;
  values: Float64Array;
  tags: Uint8Array;
}

/** A sink for one part of a source; what it gathered leaves as plain data. */
export interface PartSink extends SampleSink {
  exportState(): EvaluatorState;
}

/** Plain, structured-cloneable data from which any thread builds a part's sink (`partEvaluator`). */
export interface PartSetup {
  sla: Sla;
  /** End of rolling windows, when known before reading. */
  at: number | undefined;
  /** Each objective per calendar day (EvaluateOptions.daily). */
  daily?: boolean;
  /** The language of messages. */
  locale?: Locale;
}

export interface ParallelOptions {
  /** Parts (threads: this one and worker threads) per file; default: the cores available, at most 4, and 1 while the cores are busy (parallel.ts `defaultParts`). Below 2: no parallel reading. */
  workers?: number;
  /** Files smaller than this are read sequentially; default 32 MiB. */
  minBytes?: number;
  /** Told how each file that can be read in parts was read: in how many parts, or why not in parts (for tests and benchmarks). */
  onRead?(file: string, parts: number, whyNot?: string): void;
  /** Worker threads started before the reading (parallel.ts `PartWorkers.startFor`); without it, they are started when a file is read in parts. */
  pool?: WorkerPool;
  /** Tests: every worker thread reads at least one chunk, however late it starts (else this thread may read them all). */
  everyThread?: boolean;
}

/** Worker threads for reading parts (parallel.ts `PartWorkers`). */
export interface WorkerPool {
  /** A worker for one job: an idle one, else a new one. */
  take(): Worker;
  /** Gives a worker back: kept for the next job when `reusable`, else ended. */
  release(worker: Worker, reusable: boolean): void;
}

/** What a source needs from the evaluator to read itself in parts (`SampleSource.readInParts`). */
export interface PartedReading {
  readonly setup: PartSetup;
  readonly options: ParallelOptions;
  /** A sink for a part read in this thread. */
  newSink(progress: (rows: number) => void): PartSink;
  /** Adds what a part gathered to the evaluator (parts in source order). */
  merge(state: EvaluatorState): void;
  /** Rows read so far by all parts of this source together. */
  progress(rows: number): void;
}
