// A Prometheus server as an interval source: the evaluator's count/sum/min/max questions
// become `sum(count_over_time(sel[…] @ T))` and the like, many to one query (batched per
// selector, so a refused query names its selector); raw samples come from range selectors
// `sel[…] @ T` through /api/v1/query, which answers with the samples themselves, read as a
// stream by the same reader as Prometheus JSON files.
import { EvaluationAborted, EvaluationError } from '../errors';
import type { IntervalRequest, IntervalSource, SampleBlock } from '../intervals';
import type { QueryLogReport } from '../report';
import type { SampleSink } from '../sources/index';
import { readPrometheusJson } from '../sources/prometheusJson';
import { ZoneRules } from '../timezone';
import { PrometheusClient, PrometheusHttpError, type PrometheusConnection } from './client';
import { RANGE_BOUNDS_PROBE, TERM_LABEL, batchQuery, rangeSelector, selectorProblem, type RangeBounds } from './promql';

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

  constructor(options: PrometheusSourceOptions) {
    this.client = new PrometheusClient(options);
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
        for (const [term, value] of readVector(data, this.name)) {
          const index = batch.indices[term];
          if (index !== undefined) answers[index] = value;
        }
      }),
      signal,
    );
    return answers;
  }

  async samples(series: string, start: number, end: number, signal?: AbortSignal): Promise<SampleBlock> {
    this.check(series);
    const times: number[] = [];
    const values: number[] = [];
    const sink: SampleSink = {
      zone: UTC,
      metricId: () => 0,
      add: (_metric, t, value) => {
        times.push(t);
        values.push(value);
        return undefined;
      },
      rowsRead: () => undefined,
    };
    const promql = rangeSelector(series, start, end, await this.rangeBounds(signal));
    try {
      await this.client.queryStream(promql, (chunks) => readPrometheusJson(chunks, `${this.name}, query ${promql}, answer`, sink, signal), signal);
    } catch (error) {
      throw await this.refused(error, series, signal);
    }
    return { times, values };
  }

  async seriesExists(series: string, signal?: AbortSignal): Promise<boolean> {
    this.check(series);
    return this.client.matchesSeries(series, signal);
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
      this.bounds = this.client.query(RANGE_BOUNDS_PROBE, signal).then((data) => {
        const points = readVector(data, this.name, false)[0]?.[1];
        if (points === 2) return 'left-open';
        if (points === 3) return 'left-closed';
        throw new EvaluationError(
          `cannot tell how the server bounds range selectors: ${RANGE_BOUNDS_PROBE} gave ${points ?? 'nothing'} (expected 2 or 3)`,
          this.name,
        );
      });
      // A failed probe (server down, cancelled) is asked again next time.
      this.bounds.catch(() => (this.bounds = undefined));
    }
    return this.bounds;
  }

  private check(series: string): void {
    if (this.checked.has(series)) return;
    const problem = selectorProblem(series);
    if (problem) throw new EvaluationError(`metric ${JSON.stringify(series)} is not a PromQL series selector: ${problem}`, this.name);
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
    return new EvaluationError(`the query for the selector ${series} was refused: ${reason}`, this.name);
  }
}

const UTC = ZoneRules.of('UTC')!;

/** [term index, value] of each element of a vector answer (index 0 for all without `terms`). */
function readVector(data: unknown, source: string, terms = true): [number, number][] {
  const d = data as { resultType?: unknown; result?: unknown } | null;
  if (!d || d.resultType !== 'vector' || !Array.isArray(d.result)) {
    throw new EvaluationError(`expected a vector answer, got ${JSON.stringify(d?.resultType ?? null)}`, source);
  }
  const out: [number, number][] = [];
  for (const element of d.result as { metric?: Record<string, string>; value?: [unknown, unknown] }[]) {
    const term = terms ? Number(element.metric?.[TERM_LABEL]) : 0;
    const raw = element.value?.[1];
    const value = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
    if (!Number.isInteger(term)) continue;
    // NaN and ±Inf are passed on: the evaluator says which interval holds them.
    out.push([term, value]);
  }
  return out;
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
