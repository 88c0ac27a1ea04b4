// PromQL for the evaluator's questions. An indicator's metric string is a series selector
// (`probe_success`, `probe_success{job="chat"}`, `{__name__="x"}`). The language's
// intervals are [start, end) in whole milliseconds (Prometheus keeps whole milliseconds).
// A range selector `s[d]` evaluated at T covers (T − d, T] in Prometheus 3 and
// VictoriaMetrics, and [T − d, T] in Prometheus 2 (left-closed; measured on 2.42, and the
// 3.0 migration guide says so). So [start, end) is asked as `s[(end − start)ms]` at
// end − 1 ms from a left-open server, covering (start − 1, end − 1], and as
// `s[(end − start − 1)ms]` from a left-closed one, covering [start, end − 1]: both hold
// exactly start … end − 1. A single millisecond (a rolling window that ends on a schedule
// boundary has one) cannot be a left-closed range (`[0ms]` is refused): it is asked with an
// instant selector, whose sample is kept when its timestamp is exactly that millisecond.
// Where the evaluation time goes differs by engine: aggregates put it in `@` inside the
// function (every engine honours that, and it lets one query hold many intervals); a raw
// range selector is a whole query of its own and gets it as the `time` parameter, because
// VictoriaMetrics ignores `@` on a top-level range selector.
import type { IntervalRequest, IntervalStatistic } from '../intervals';
import { messages, type Locale } from '../../l10n/index';

/** The label that tells the answers of a batched query apart. */
export const TERM_LABEL = 'sla_term';

/** Why a metric string is not a series selector, or undefined when it looks like one (Prometheus checks the rest). */
export function selectorProblem(series: string, locale?: Locale): string | undefined {
  const s = series.trim();
  if (s === '') return messages(locale).t('prometheus.selectorEmpty');
  if (/^[A-Za-z_:][A-Za-z0-9_:]*\s*(\{[\s\S]*\})?$/.test(s)) return undefined;
  if (/^\{[\s\S]*\}$/.test(s)) return undefined;
  return messages(locale).t('prometheus.selectorShape', { example: 'probe_success{job="chat"}' });
}

/** (1.1) The one metric a selector names (`name{…}`, or `{__name__="name", …}`), or undefined when it names none or a pattern. */
export function selectorMetricName(series: string): string | undefined {
  const s = series.trim();
  const leading = /^([A-Za-z_:][A-Za-z0-9_:]*)/.exec(s);
  if (leading) return leading[1];
  const exact = /(?:^\{|,)\s*__name__\s*=\s*"([A-Za-z_:][A-Za-z0-9_:]*)"\s*(?:,|\})/.exec(s);
  return exact?.[1];
}

/** Epoch milliseconds as PromQL seconds, exactly (`1759309199.999`). */
export function promTime(ms: number): string {
  if (!Number.isInteger(ms)) throw new Error(`not a whole millisecond: ${ms}`);
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const whole = Math.floor(abs / 1000);
  const fraction = abs % 1000;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(3, '0')}`;
}

/** How the server bounds a range selector `s[d] @ T`: (T − d, T] or [T − d, T]. */
export type RangeBounds = 'left-open' | 'left-closed';

/**
 * A query whose answer depends only on how the server bounds ranges, asked at the time
 * RANGE_BOUNDS_TIME: a subquery of a constant, 2 s long with a 1 s step. It counts 2 points
 * when ranges are left-open and 3 when they are left-closed. Seconds, not milliseconds:
 * VictoriaMetrics evaluates an instant query over a 5-minute step, and a millisecond
 * subquery step over that span passes its default limit of 30,000 points per series
 * (HTTP 422); a second step is 302 points.
 */
export const RANGE_BOUNDS_PROBE = 'count_over_time(vector(1)[2s:1s])';
export const RANGE_BOUNDS_TIME = '1000000002';

/** The range `s[Dms]` that, evaluated at end − 1 ms, holds the samples with timestamps in [start, end) (see rangeSelector). */
function rangeOf(series: string, start: number, end: number, bounds: RangeBounds): string {
  if (!(end > start)) throw new Error(`empty interval [${start}, ${end})`);
  const length = bounds === 'left-open' ? end - start : Math.max(1, end - start - 1);
  return `${series.trim()}[${length}ms]`;
}

/**
 * `s[Dms] @ T` selecting exactly the samples with timestamps in [start, end), except for a
 * single millisecond on a left-closed server: then also the millisecond before.
 */
export function rangeSelector(series: string, start: number, end: number, bounds: RangeBounds): string {
  return `${rangeOf(series, start, end, bounds)} @ ${promTime(end - 1)}`;
}

/**
 * The query for the raw samples with timestamps in [start, end), and its evaluation time
 * (the `time` parameter). On a left-closed server a single millisecond also holds the
 * millisecond before: `extra` is then that millisecond, which the reader drops.
 */
export function rawQuery(series: string, start: number, end: number, bounds: RangeBounds): { query: string; time: string; extra?: number } {
  const query = rangeOf(series, start, end, bounds);
  const extra = bounds === 'left-closed' && end - start === 1 ? start - 1 : undefined;
  return extra === undefined ? { query, time: promTime(end - 1) } : { query, time: promTime(end - 1), extra };
}

const FUNCTION: Record<IntervalStatistic, [string, string]> = {
  count: ['sum', 'count_over_time'],
  sum: ['sum', 'sum_over_time'],
  min: ['min', 'min_over_time'],
  max: ['max', 'max_over_time'],
};

/** One request as one PromQL expression over all the series the selector matches: an empty result means no sample. */
export function statisticQuery(request: IntervalRequest, bounds: RangeBounds): string {
  const [across, over] = FUNCTION[request.statistic];
  const { series, start, end } = request;
  if (end - start === 1 && bounds === 'left-closed') {
    const at = promTime(start);
    const exactly = `${series.trim()} @ ${at} and (timestamp(${series.trim()} @ ${at}) == ${at})`;
    return request.statistic === 'count' ? `count(${exactly})` : `${across}(${exactly})`;
  }
  return `${across}(${over}(${rangeSelector(series, start, end, bounds)}))`;
}

/**
 * Several requests in one query: each answer carries its index in the label `sla_term`
 * (label_replace on an empty source label always matches), and `or` keeps them all.
 */
export function batchQuery(requests: readonly IntervalRequest[], bounds: RangeBounds): string {
  return requests.map((r, i) => `label_replace(${statisticQuery(r, bounds)}, "${TERM_LABEL}", "${i}", "", "")`).join(' or ');
}
