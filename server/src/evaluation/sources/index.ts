// Where samples come from. A source streams (metric, timestamp, value) triples into a sink
// owned by the evaluator; the evaluator never sees files. New kinds of sources (a live
// Prometheus server) implement `SampleSource` (in ../ports.ts) and nothing else changes.
// The sources import their interfaces from ../ports.ts, never from this index.
export type { SampleSink } from '../ports';
export { CsvSource } from './csv';
export { PrometheusJsonSource, readPrometheusJson } from './prometheusJson';
export { openMetricFiles, expandMetricPaths, detectFormat } from './files';
