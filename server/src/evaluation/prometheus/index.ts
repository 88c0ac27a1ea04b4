// Evaluation against a live Prometheus server (or Thanos, Mimir, VictoriaMetrics: the same
// HTTP API), pushing the aggregation down to it where the attained value allows.
export { PrometheusSource } from './source';
export { QueryCache } from './queryCache';
export { batchQuery, promTime, rangeSelector, selectorProblem, statisticQuery } from './promql';
export { parseHeader, parseTimeout, prometheusSourceOptions, type PrometheusUserOptions } from './options';
