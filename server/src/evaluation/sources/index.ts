// Where samples come from. A source streams (metric, timestamp, value) triples into a sink
// owned by the evaluator; the evaluator never sees files. New kinds of sources (a live
// Prometheus server) implement `SampleSource` and nothing else changes.
import type { ZoneRules } from '../timezone';

export interface SampleSink {
  /** The contract's zone, for timestamps written without an offset. */
  readonly zone: ZoneRules;
  /**
   * The id to pass to `add` for a metric name, or -1 when no objective reads the metric
   * (its rows are still passed to `add`: their timestamps count for the default `--at`).
   * Sources may call this once per distinct name and remember the id.
   */
  metricId(name: string): number;
  /**
   * One sample: epoch milliseconds and a finite value. Returns the reason when the value is
   * not acceptable for that metric (availability outside [0, 1]); the source then reports it
   * as a data error with its own location.
   */
  add(metric: number, timestamp: number, value: number): string | undefined;
  /** Rows read since the last call (for progress reports). */
  rowsRead(count: number): void;
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
}

export { CsvSource } from './csv';
export { PrometheusJsonSource, readPrometheusJson } from './prometheusJson';
export { openMetricFiles, expandMetricPaths, detectFormat } from './files';
