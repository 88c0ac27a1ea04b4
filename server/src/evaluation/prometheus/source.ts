// A Prometheus server as an interval source: the evaluator's count/sum/min/max questions
// become `sum(count_over_time(sel[…] @ T))` and the like, many to one query (batched per
// selector, so a refused query names its selector); raw samples come from range selectors
// `sel[…]` at `time` T through /api/v1/query, which answers with the samples themselves,
// read as a stream by the same reader as Prometheus JSON files. Nothing an engine sends is
// dropped silently: a sample outside the interval asked for, a result type not asked for
// or a partial answer is an error naming the engine's behaviour; its warnings and infos go
// to the report.
import { EvaluationAborted, EvaluationError } from '../errors';
import type { IntervalRequest, IntervalSource, SampleBlock, SeriesSampleBlock } from '../intervals';
import { seriesName, type SeriesSummary } from '../ports';
import type { QueryLogReport } from '../report';
import type { SampleSink } from '../sources/index';
import { readPrometheusJson } from '../sources/prometheusJson';
import { ZoneRules } from '../timezone';
import { messages, type Locale, type Messages } from '../../l10n/index';
import { PrometheusClient, PrometheusHttpError, type PrometheusConnection } from './client';
import { RANGE_BOUNDS_PROBE, RANGE_BOUNDS_TIME, TERM_LABEL, batchQuery, promTime, rangeSelector, rawQuery, selectorMetricName, selectorProblem, type RangeBounds } from './promql';
import type { RawAnswer } from './queryCache';

export interface PrometheusSourceOptions extends PrometheusConnection {
  /** Let Prometheus count and add up (default true); false reads every sample (what the benchmark compares against). */
  pushDown?: boolean;
  /** Requests per batched query; default 64. */
  batchSize?: number;
}

const DEFAULT_BATCH = 64;

export class PrometheusSource implements IntervalSource {
  readonly name: string;
  readonly aggregates: boolean;
  readonly client: PrometheusClient;
  private readonly batchSize: number;
  private readonly checked = new Set<string>();
  private bounds: Promise<RangeBounds> | undefined;
  private readonly locale: Locale | undefined;
  private readonly t: Messages['t'];

  constructor(options: PrometheusSourceOptions) {
    this.client = new PrometheusClient(options);
    this.locale = options.locale;
    this.t = messages(options.locale).t;
    this.name = this.client.name;
    this.aggregates = options.pushDown ?? true;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  }

  async aggregate(requests: readonly IntervalRequest[], signal?: AbortSignal): Promise<(number | null)[]> {
    const answers = new Array<number | null>(requests.length).fill(null);
    const bySeries = new Map<string, number[]>();
    for (let i = 0; i < requests.length; i++) {
      const series = requests[i].series;
      this.check(series);
      let list = bySeries.get(series);
      if (!list) bySeries.set(series, (list = []));
      list.push(i);
    }
    if (requests.length === 0) return answers;
    const bounds = await this.rangeBounds(signal);
    const batches: { series: string; indices: number[] }[] = [];
    for (const [series, indices] of bySeries) {
      for (let i = 0; i < indices.length; i += this.batchSize) batches.push({ series, indices: indices.slice(i, i + this.batchSize) });
    }
    await allOrNothing(
      batches.map((batch) => async (inner: AbortSignal) => {
        const promql = batchQuery(
          batch.indices.map((i) => requests[i]),
          bounds,
        );
        let data: unknown;
        try {
          data = await this.client.query(promql, inner);
        } catch (error) {
          throw await this.refused(error, batch.series, inner);
        }
        for (const [term, value] of readVector(data, `${this.name}, query ${promql}`, this.t, batch.indices.length)) answers[batch.indices[term]] = value;
      }),
      signal,
    );
    return answers;
  }

  async samples(series: string, start: number, end: number, signal?: AbortSignal): Promise<SampleBlock> {
    return this.raw(series, start, end, false, signal);
  }

  async seriesSamples(series: string, start: number, end: number, signal?: AbortSignal): Promise<SeriesSampleBlock> {
    const answer = await this.raw(series, start, end, true, signal);
    return { times: answer.times, values: answer.values, seriesOf: answer.seriesOf ?? [], names: answer.names ?? [] };
  }

  /**
   * Per series: count, resets (decreases between consecutive samples), min and max over
   * [start, end), in one query. Range functions drop the metric name (Prometheus), so the
   * series are named with the selector's own metric name; a selector without one (a
   * `__name__` pattern) could mix metrics and is not summarised.
   */
  async seriesSummaries(series: string, start: number, end: number, signal?: AbortSignal): Promise<SeriesSummary[]> {
    this.check(series);
    const name = selectorMetricName(series);
    if (name === undefined || end - start < 2) return [];
    const range = rangeSelector(series, start, end, await this.rangeBounds(signal));
    const promql = SUMMARY_STATISTICS.map(([fn, stat]) => `label_replace(${fn}(${range}), "${STAT_LABEL}", "${stat}", "", "")`).join(' or ');
    let data: unknown;
    try {
      data = await this.client.query(promql, signal);
    } catch (error) {
      throw await this.refused(error, series, signal);
    }
    const bySeries = new Map<string, SeriesSummary>();
    for (const element of vectorElements(data, `${this.name}, query ${promql}`, this.t)) {
      const labels = Object.entries(element?.metric ?? {}).filter(([k]) => k !== '__name__' && k !== STAT_LABEL);
      labels.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const key = seriesName(name, labels);
      const summary = bySeries.get(key) ?? { series: key, count: 0, decreases: 0, min: NaN, max: NaN };
      const value = Number(element.value?.[1]);
      const stat = element?.metric?.[STAT_LABEL];
      if (stat === 'count') summary.count = value;
      else if (stat === 'resets') summary.decreases = value;
      else if (stat === 'min') summary.min = value;
      else if (stat === 'max') summary.max = value;
      else throw new EvaluationError(this.t('prometheus.unknownElement', { element: JSON.stringify(element?.metric ?? null) }), `${this.name}, query ${promql}`);
      bySeries.set(key, summary);
    }
    return [...bySeries.values()].filter((x) => x.count > 0 && Number.isFinite(x.min) && Number.isFinite(x.max));
  }

  async metricNames(start: number, end: number, signal?: AbortSignal): Promise<string[]> {
    return this.client.labelValues('__name__', promTime(Math.floor(start / 1000) * 1000), promTime(Math.ceil(end / 1000) * 1000), signal);
  }

  /** Raw samples of [start, end), with their series when asked (`counters`). */
  private async raw(series: string, start: number, end: number, withSeries: boolean, signal?: AbortSignal): Promise<RawAnswer> {
    this.check(series);
    const { query, time, extra } = rawQuery(series, start, end, await this.rangeBounds(signal));
    const what = `${this.name}, query ${query} at time ${time}`;
    const load = async (): Promise<RawAnswer> => {
      const times: number[] = [];
      const values: number[] = [];
      const seriesOf: number[] = [];
      const names: string[] = [];
      const index = new Map<string, number>();
      const sink: SampleSink = {
        zone: UTC,
        metricId: () => 0,
        wantsSeries: () => withSeries,
        add: (_metric, t, value, name) => {
          if (t === extra) return undefined; // asked for only because a left-closed range cannot be 1 ms long
          if (!(t >= start && t < end)) return this.t('prometheus.outsideInterval', { time: iso(t), from: iso(start), to: iso(end) });
          times.push(t);
          values.push(value);
          if (withSeries && name !== undefined) {
            let i = index.get(name);
            if (i === undefined) index.set(name, (i = names.push(name) - 1));
            seriesOf.push(i);
          }
          return undefined;
        },
        rowsRead: () => undefined,
      };
      try {
        const notes = await this.client.queryStream(
          query,
          time,
          async (chunks) => {
            const info = await readPrometheusJson(chunks, `${what}, answer`, sink, signal);
            if (info.partial) throw new EvaluationError(this.t('prometheus.partialAnswer'), this.name);
            if (info.resultType !== 'matrix') {
              throw new EvaluationError(this.t('prometheus.notMatrix', { query, time, type: JSON.stringify(info.resultType ?? null) }), this.name);
            }
            return [...info.warnings.map((text) => this.t('prometheus.serverWarns', { text })), ...info.infos.map((text) => this.t('prometheus.serverNotes', { text }))];
          },
          signal,
        );
        return withSeries ? { times, values, notes, seriesOf, names } : { times, values, notes };
      } catch (error) {
        throw await this.refused(error, series, signal);
      }
    };
    return this.client.rawSamples(query, time, load, withSeries ? 'series' : 'raw');
  }

  async seriesExists(series: string, start: number, end: number, signal?: AbortSignal): Promise<boolean> {
    this.check(series);
    // Explicit bounds: without `start`, VictoriaMetrics searches only recent data.
    return this.client.matchesSeries(series, promTime(Math.floor(start / 1000) * 1000), promTime(Math.ceil(end / 1000) * 1000), signal);
  }

  warnings(): string[] {
    return [...this.client.warnings];
  }

  queryLog(): QueryLogReport {
    const log = this.client.log;
    return { source: this.client.address, count: log.count, bytes: log.bytes, first: [...log.first] };
  }

  /** How this server bounds range selectors, asked once (Prometheus 2 and 3 differ at the left end). */
  rangeBounds(signal?: AbortSignal): Promise<RangeBounds> {
    if (!this.bounds) {
      this.bounds = this.client.query(RANGE_BOUNDS_PROBE, signal, RANGE_BOUNDS_TIME).then((data) => {
        const points = readVector(data, `${this.name}, query ${RANGE_BOUNDS_PROBE}`, this.t)[0]?.[1];
        if (points === 2) return 'left-open';
        if (points === 3) return 'left-closed';
        throw new EvaluationError(this.t('prometheus.rangeBounds', { query: RANGE_BOUNDS_PROBE, time: RANGE_BOUNDS_TIME, points: points ?? '-' }), this.name);
      });
      // A failed probe (server down, cancelled) is asked again next time.
      this.bounds.catch(() => (this.bounds = undefined));
    }
    return this.bounds;
  }

  private check(series: string): void {
    if (this.checked.has(series)) return;
    const problem = selectorProblem(series, this.locale);
    if (problem) throw new EvaluationError(this.t('prometheus.notSelector', { metric: JSON.stringify(series), problem }), this.name);
    this.checked.add(series);
  }

  /**
   * A refused query (HTTP 400/422) is most likely the selector's fault: ask about the
   * selector alone, so that Prometheus's error text is about what the user wrote.
   */
  private async refused(error: unknown, series: string, signal?: AbortSignal): Promise<unknown> {
    if (!(error instanceof PrometheusHttpError) || (error.status !== 400 && error.status !== 422)) return error;
    let reason = error.reason;
    try {
      await this.client.query(`count(${series.trim()})`, signal);
    } catch (alone) {
      if (alone instanceof PrometheusHttpError && (alone.status === 400 || alone.status === 422)) reason = alone.reason;
    }
    return new EvaluationError(this.t('prometheus.refused', { series, reason }), this.name);
  }
}

const UTC = ZoneRules.of('UTC')!;

/** The label that tells the statistics of a series summary apart, and the statistics: range function and label value. */
const STAT_LABEL = 'sla_stat';
const SUMMARY_STATISTICS: [string, string][] = [
  ['count_over_time', 'count'],
  ['resets', 'resets'],
  ['min_over_time', 'min'],
  ['max_over_time', 'max'],
];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * [term index, value] of each element of a vector answer: with `terms`, of a batched query
 * (each term at most once, labelled with its index), else of a single query (index 0).
 * Anything else in the answer is an error: an element dropped here would be a wrong count.
 */
function readVector(data: unknown, source: string, t: Messages['t'], terms?: number): [number, number][] {
  const out: [number, number][] = [];
  const seen = new Set<number>();
  for (const element of vectorElements(data, source, t)) {
    const label = element?.metric?.[TERM_LABEL];
    const term = terms === undefined ? 0 : Number(label);
    if (!(Number.isInteger(term) && term >= 0 && term < (terms ?? 1)) || seen.has(term)) {
      const metric = JSON.stringify(element?.metric ?? null);
      throw new EvaluationError(terms === undefined ? t('prometheus.secondElement', { element: metric }) : t('prometheus.badTerm', { element: metric, label: TERM_LABEL }), source);
    }
    seen.add(term);
    const raw = element.value?.[1];
    if (typeof raw !== 'string' && typeof raw !== 'number') throw new EvaluationError(t('prometheus.noValue', { element: JSON.stringify(element).slice(0, 200) }), source);
    // NaN and ±Inf are passed on: the evaluator says which interval holds them.
    out.push([term, Number(raw)]);
  }
  return out;
}

/** The elements of a vector answer; anything else is an error. */
function vectorElements(data: unknown, source: string, t: Messages['t']): { metric?: Record<string, string>; value?: [unknown, unknown] }[] {
  const d = data as { resultType?: unknown; result?: unknown } | null;
  if (!d || d.resultType !== 'vector' || !Array.isArray(d.result)) {
    throw new EvaluationError(t('prometheus.notVector', { type: JSON.stringify(d?.resultType ?? null) }), source);
  }
  return d.result as { metric?: Record<string, string>; value?: [unknown, unknown] }[];
}

/** Runs the tasks (each with a signal that fires when another fails or the caller aborts); rejects with the first failure. */
async function allOrNothing(tasks: ((signal: AbortSignal) => Promise<void>)[], signal?: AbortSignal): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      tasks.map((task) =>
        task(controller.signal).catch((error: unknown) => {
          controller.abort();
          throw error;
        }),
      ),
    );
  } catch (error) {
    if (signal?.aborted) throw new EvaluationAborted();
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
