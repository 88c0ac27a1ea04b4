// Evaluation against a live Prometheus server (or Thanos, Mimir, VictoriaMetrics: the same
// HTTP API), pushing the aggregation down to it where the attained value allows.
export { PrometheusSource, type PrometheusSourceOptions } from './source';
export { PrometheusClient, PrometheusHttpError, DEFAULT_CONCURRENCY, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_TIMEOUT_MS, type PrometheusConnection } from './client';
export { QueryCache } from './queryCache';
export { batchQuery, promTime, rangeSelector, rawQuery, selectorProblem, statisticQuery } from './promql';
export { parseHeader, parseSize, parseTimeout, prometheusSourceOptions, type PrometheusUserOptions } from './options';
