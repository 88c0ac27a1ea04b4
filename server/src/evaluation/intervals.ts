// Sources that answer questions about time intervals instead of streaming every sample (a
// Prometheus server). The evaluator decides which intervals matter: the calendar periods
// (or the rolling window), cut by the effective dates, the `during` schedule with its
// holidays and the `excluding` maintenance into intervals of one class each. It then asks
// the source for the count and the sum of the samples in each interval where those are all
// the attained value needs (mean availability, ratios), and for the samples themselves in
// bounded chunks where it needs the values (percentiles, min, max, avg), each metric's
// samples once whatever number of objectives read them. The answers are recorded exactly
// as the same samples streamed from a file would be, so both give the same report.
// Calendar periods end at --to, the effective end or now, whichever is first: a period
// cut short by now or --to is marked partial.
import type { InstantClass } from './eligibility';
import { ELIGIBLE, OUTSIDE_EFFECTIVE } from './eligibility';
import { EvaluationAborted, EvaluationError } from './errors';
import { messages, type Locale } from '../l10n/index';
import { SeriesTracker } from './series';
import type { ZoneRules } from './timezone';
// The evaluator and its objectives as this reader fills them (ports.ts: no import of evaluate.ts).
import { NUMERATOR, TOTAL, VALUE, type IntervalSink as Evaluator, type ObjectiveSink as ObjectiveRun, type Role, type SeriesSummary } from './ports';
import type { QueryLogReport } from './report';
import { CalendarPeriods } from './periods';

export type IntervalStatistic = 'count' | 'sum' | 'min' | 'max';

/** A question about the samples of one metric in one interval. */
export interface IntervalRequest {
  /** The indicator's metric string (for Prometheus a series selector); every series it names counts. */
  series: string;
  /** Epoch milliseconds, whole numbers: the interval is [start, end). */
  start: number;
  end: number;
  statistic: IntervalStatistic;
}

/** Samples as parallel arrays (epoch ms, value), in any order. */
export interface SampleBlock {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** (1.1) Samples with their series: `seriesOf[i]` indexes `names` (`metric{label="value", …}`, as files name series). */
export interface SeriesSampleBlock extends SampleBlock {
  seriesOf: ArrayLike<number>;
  names: readonly string[];
}


export interface IntervalSource {
  /** What to call the source in messages (an address). */
  readonly name: string;
  /** False when the source is to be read sample by sample only (for comparisons: what pulling raw samples costs). */
  readonly aggregates: boolean;
  /**
   * The answer to each request, in order: the count, sum, minimum or maximum of the
   * samples of the series in the interval, taken over all the series it names together;
   * null when there is no such sample. Rejects with an EvaluationError naming the source
   * and the reason, or EvaluationAborted when the signal fires.
   */
  aggregate(requests: readonly IntervalRequest[], signal?: AbortSignal): Promise<(number | null)[]>;
  /** The samples of the series (all it names) with timestamps in [start, end). */
  samples(series: string, start: number, end: number, signal?: AbortSignal): Promise<SampleBlock>;
  /** Whether the series names anything with samples in [start, end] (to word the warning about a series without samples). */
  seriesExists(series: string, start: number, end: number, signal?: AbortSignal): Promise<boolean>;
  /** (1.1) The samples of every series the selector names, with timestamps in [start, end), each with its series (`counters`). */
  seriesSamples?(series: string, start: number, end: number, signal?: AbortSignal): Promise<SeriesSampleBlock>;
  /** (1.1) Per series the selector names, a summary of its samples in [start, end) (the cumulative-looking warning); [] when the source cannot tell series apart. */
  seriesSummaries?(series: string, start: number, end: number, signal?: AbortSignal): Promise<SeriesSummary[]>;
  /** (1.1) Every metric name the source knows with samples in [start, end] (the "did you mean" of a selector that matches nothing). */
  metricNames?(start: number, end: number, signal?: AbortSignal): Promise<string[]>;
  /** Problems the source reported without failing (Prometheus's own warnings). */
  warnings?(): string[];
  /** What was sent, for the report with `explain`. */
  queryLog?(): QueryLogReport;
}

export function isIntervalSource(source: object): source is IntervalSource {
  return typeof (source as Partial<IntervalSource>).aggregate === 'function';
}

export interface IntervalReadOptions {
  /** End of rolling windows (epoch ms). */
  at: number;
  /** The current time: calendar periods of an open-ended contract end with the one holding it. */
  now: number;
  /** Start of calendar periods when the contract has no `effective` start. */
  from: number | undefined;
  /** End of calendar periods (`--to`) when before the contract's effective end; never past `now` either way. */
  to?: number;
  /** Count the samples each rule leaves out (the report's `explain`). */
  explain: boolean;
  signal?: AbortSignal;
  /** The language of messages. */
  locale?: Locale;
}

/** (1.1) What the evaluator needs to know after reading a source: the selectors that match no series at all, and the metric names the source knows (for suggestions; only when some selector matched nothing). */
export interface IntervalReading {
  unmatched: string[];
  metricNames: string[];
}

/** Raw samples are asked for in chunks of about this many samples (estimated from the counts). */
export const CHUNK_SAMPLES = 25_000;
/** Chunk length when nothing is known about the density (the source does not aggregate). */
export const RAW_CHUNK_MS = 24 * 3600_000;
const MIN_CHUNK_MS = 60_000;
/** More periods than this is a mistake (a --from decades back with daily periods), not a plan. */
const MAX_WINDOWS = 20_000;
/** Where series look-ups start: 1970-01-01T00:00:01Z, as VictoriaMetrics reads a start of 0 as "none given" (the last day only). */
const SERIES_SEARCH_START = 1000;
/** Raw chunks fetched ahead of the one being recorded. */
const AHEAD = 8;
/** (1.1) How far before the evaluated time a counter's previous value is looked for (a series silent longer starts over, as a file holding only the evaluated time would). */
export const COUNTER_LOOKBACK_MS = 24 * 3600_000;

/** A calendar period or the rolling window: [start, end), evaluated up to `stop`, and its part inside the effective dates. */
interface Window {
  start: number;
  end: number;
  /** `end`, or earlier for the period holding --to or now. */
  stop: number;
  /** Cut short by --to or now: the result is marked partial. */
  partial: boolean;
  inStart: number;
  inEnd: number;
  /** A rolling window always gets a result; a calendar period only when it holds a sample. */
  always: boolean;
}

interface RunPlan {
  run: ObjectiveRun;
  /** The metric whose samples are counted (the total for a ratio) and its role. */
  counted: string;
  countedRole: Role;
  numerator: string | undefined;
  windows: Window[];
}

/**
 * Reads everything the objectives need from an interval source into the evaluator. Returns
 * the selectors that match no series (the caller decides: an error, or with
 * --allow-missing-metrics a warning) and, when there are some, the metric names the source
 * knows.
 */
export async function readIntervalSource(evaluator: Evaluator, source: IntervalSource, options: IntervalReadOptions): Promise<IntervalReading> {
  const plans = evaluator.runs.map((run) => planRun(run, evaluator, options));
  // (1.1) A calendar objective's data span starts no earlier than its first period, as push-down lists it,
  // whatever samples other objectives (a week holding --from, a rolling window) read before.
  for (const plan of plans) if (plan.windows.length > 0 && !plan.windows[0].always) plan.run.spanFloor = plan.windows[0].start;
  // (1.1) Counters need each series' raw samples; everything else is pushed down or pulled.
  const counting = plans.filter((p) => p.run.model.counters);
  const others = plans.filter((p) => !p.run.model.counters);
  const tally = new SeriesTally();
  if (source.aggregates) await pushDown(evaluator, source, others, options, tally);
  else await pullSamples(evaluator, source, others, options, tally);
  await readCounters(evaluator, source, counting, options, tally);
  await watchCumulative(evaluator, source, others, options.signal);
  const unmatched = await tally.warnAboutEmpty(evaluator, source, options);
  const searchEnd = Math.max(options.now, options.to ?? -Infinity);
  const metricNames = unmatched.length > 0 && source.metricNames ? await source.metricNames(SERIES_SEARCH_START, searchEnd, options.signal) : [];
  for (const warning of source.warnings?.() ?? []) evaluator.warn(`${source.name}: ${warning}`);
  const log = source.queryLog?.();
  if (log) evaluator.logQueries(log);
  return { unmatched, metricNames };
}

function planRun(run: ObjectiveRun, evaluator: Evaluator, options: IntervalReadOptions): RunPlan {
  const o = run.model;
  const model = evaluator.model;
  const counted = o.source.type === 'metric' ? o.source.metric : o.source.total;
  const countedRole: Role = o.source.type === 'metric' ? VALUE : TOTAL;
  const numerator = o.source.type === 'ratio' ? o.source.numerator : undefined;
  const effectiveStart = Math.ceil(model.effectiveStart);
  const effectiveEnd = Math.ceil(model.effectiveEnd);
  // Calendar periods are listed up to --to or the effective end, and read up to --to and never past now.
  const cut = Math.ceil(Math.min(options.to ?? Infinity, options.now));
  const window = (start: number, end: number, always: boolean, stop = end): Window => ({
    start,
    end,
    stop,
    partial: stop < end && stop < effectiveEnd,
    inStart: Math.max(start, effectiveStart),
    inEnd: Math.min(stop, effectiveEnd),
    always,
  });
  if (o.window.type === 'rolling') {
    // (at − D, at] holds the whole milliseconds [⌊at − D⌋ + 1, ⌊at⌋ + 1).
    return { run, counted, countedRole, numerator, windows: [window(Math.floor(options.at - o.window.ms) + 1, Math.floor(options.at) + 1, true)] };
  }
  const from = Number.isFinite(model.effectiveStart) ? model.effectiveStart : options.from;
  if (from === undefined) {
    throw new EvaluationError(messages(options.locale).t('prometheus.calendarNeedsStart', { objective: o.name }));
  }
  const periods = new CalendarPeriods(model.zone, o.window.period);
  const windows: Window[] = [];
  const to = Math.min(model.effectiveEnd, cut);
  for (let t = from; t < to; t = periods.end) {
    const start = periods.locate(t);
    windows.push(window(start, periods.end, false, Math.min(periods.end, cut)));
    if (windows.length > MAX_WINDOWS) {
      throw new EvaluationError(messages(options.locale).t('prometheus.tooManyPeriods', { objective: o.name, limit: MAX_WINDOWS }));
    }
  }
  return { run, counted, countedRole, numerator, windows };
}

/** Tracks, per metric, whether any sample was found, to warn about those without any. */
class SeriesTally {
  private readonly found = new Map<string, { samples: number; from: number; to: number; indicators: Set<string> }>();

  note(series: string, indicator: string, from: number, to: number, samples: number): void {
    let entry = this.found.get(series);
    if (!entry) {
      entry = { samples: 0, from, to, indicators: new Set() };
      this.found.set(series, entry);
    }
    entry.samples += samples;
    entry.from = Math.min(entry.from, from);
    entry.to = Math.max(entry.to, to);
    entry.indicators.add(indicator);
  }

  /** Samples of the series received later (raw reading). */
  add(series: string, samples: number): void {
    const entry = this.found.get(series);
    if (entry) entry.samples += samples;
  }

  /**
   * Warns about each series found, but without samples in the evaluated time; returns those
   * that match no series at all (at any time up to now): the same case as a metric missing
   * from files.
   */
  async warnAboutEmpty(evaluator: Evaluator, source: IntervalSource, options: IntervalReadOptions): Promise<string[]> {
    const zone = evaluator.model.zone;
    const { t } = messages(options.locale);
    const unmatched: string[] = [];
    for (const [series, entry] of this.found) {
      if (entry.samples > 0) continue;
      // Any series at any time up to now says "the selector is right, the samples are elsewhere".
      if (!(await source.seriesExists(series, SERIES_SEARCH_START, Math.max(entry.to, options.now), options.signal))) {
        unmatched.push(series);
      } else {
        const indicators = [...entry.indicators].join(', ');
        evaluator.warn(t('prometheus.noSamplesBetween', { indicators, series, source: source.name, from: zone.format(entry.from), to: zone.format(entry.to) }));
      }
    }
    return unmatched;
  }
}

/** How one answer is recorded. */
interface Recording {
  plan: RunPlan;
  role: Role;
  cls: InstantClass;
  /** An instant inside the interval (its start). */
  t: number;
  count: number;
  sum: number;
}

/** Raw samples one run needs in one role: those of `series` in [start, end). */
interface SampleNeed {
  plan: RunPlan;
  role: Role;
  series: string;
  start: number;
  end: number;
  /** Samples per millisecond, when known (from the counts): sizes the requests. */
  density?: number;
}

/** One request for raw samples, and the needs it serves. */
interface Fetch {
  series: string;
  start: number;
  end: number;
  needs: SampleNeed[];
}

async function pushDown(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions, tally: SeriesTally): Promise<void> {
  const zone = evaluator.model.zone;
  // (1.1) The data span of `missing down` starts at the earliest sample of any metric the
  // contract reads: its periods are listed from the first one holding such a sample.
  const contractMetrics = [...new Set(evaluator.model.objectives.flatMap((o) => (o.source.type === 'metric' ? [o.source.metric] : [o.source.numerator, o.source.total])))];
  // Phase 1: which calendar periods hold a sample of the indicator's metrics inside the
  // effective dates (and so get a result), how many, and whether availability values lie in [0, 1].
  const first: IntervalRequest[] = [];
  const asked: { plan: RunPlan; window: Window; counted: number; numerator: number; bounds: number; others: number[] }[] = [];
  for (const plan of plans) {
    const missingDown = plan.run.model.missingDown;
    for (const w of plan.windows) {
      const entry = { plan, window: w, counted: -1, numerator: -1, bounds: -1, others: [] as number[] };
      if (w.inStart < w.inEnd) {
        entry.counted = first.push({ series: plan.counted, start: w.inStart, end: w.inEnd, statistic: 'count' }) - 1;
        if (plan.numerator !== undefined) {
          entry.numerator = first.push({ series: plan.numerator, start: w.inStart, end: w.inEnd, statistic: 'count' }) - 1;
        }
        if (missingDown && !w.always) {
          for (const metric of contractMetrics) {
            if (metric !== plan.counted) entry.others.push(first.push({ series: metric, start: w.inStart, end: w.inEnd, statistic: 'count' }) - 1);
          }
        }
      }
      if (plan.run.model.reduction.type === 'mean') {
        entry.bounds = first.push({ series: plan.counted, start: w.start, end: w.stop, statistic: 'min' }) - 1;
        first.push({ series: plan.counted, start: w.start, end: w.stop, statistic: 'max' });
      }
      asked.push(entry);
    }
  }
  const firstAnswers = await source.aggregate(first, options.signal);

  const second: IntervalRequest[] = [];
  const recordings: (Recording & { countAnswer: number; sumAnswer: number })[] = [];
  const needs: SampleNeed[] = [];
  /** (1.1) `missing down` plans whose data span has begun (a sample of some contract metric in this period or an earlier one). */
  const spanBegun = new Set<RunPlan>();
  for (const { plan, window: w, counted, numerator, bounds, others } of asked) {
    const o = plan.run.model;
    if (bounds >= 0) {
      for (const value of [firstAnswers[bounds], firstAnswers[bounds + 1]]) {
        if (value !== null && !(value >= 0 && value <= 1)) {
          throw new EvaluationError(
            messages(options.locale).t('prometheus.valueOutsideUnit', { value, series: plan.counted, from: zone.format(w.start), to: zone.format(w.end) }),
            source.name,
          );
        }
      }
    }
    const countedSamples = counted >= 0 ? (firstAnswers[counted] ?? 0) : 0;
    const numeratorSamples = numerator >= 0 ? (firstAnswers[numerator] ?? 0) : 0;
    if (counted >= 0) tally.note(plan.counted, o.indicator, w.inStart, w.inEnd, countedSamples);
    if (numerator >= 0) tally.note(plan.numerator!, o.indicator, w.inStart, w.inEnd, numeratorSamples);
    if (countedSamples > 0 || others.some((i) => (firstAnswers[i] ?? 0) > 0)) spanBegun.add(plan);
    // Under `missing down` every period of the data span is listed, samples or not (LANGUAGE.md §5).
    const listed = countedSamples + numeratorSamples > 0 || (o.missingDown && spanBegun.has(plan));
    if (!w.always && !listed) continue;
    if (!w.always) plan.run.markSeen(w.start);
    if (w.partial) plan.run.markPartial(w.start);

    // Phase 2: the intervals of one class inside the period or window.
    const pushed = o.reduction.type === 'mean' || o.reduction.type === 'ratio';
    const density = countedSamples / Math.max(1, w.inEnd - w.inStart);
    for (const segment of plan.run.eligibility.segments(w.start, w.stop)) {
      const { start, end, cls } = segment;
      const ask = (series: string, role: Role, withSum: boolean) => {
        const countAnswer = second.push({ series, start, end, statistic: 'count' }) - 1;
        const sumAnswer = withSum ? second.push({ series, start, end, statistic: 'sum' }) - 1 : -1;
        recordings.push({ plan, role, cls, t: start, count: 0, sum: 0, countAnswer, sumAnswer });
      };
      if (cls === ELIGIBLE) {
        if (pushed) {
          ask(plan.counted, plan.countedRole, true);
          if (plan.numerator !== undefined) ask(plan.numerator, NUMERATOR, true);
        } else if (countedSamples > 0) {
          needs.push({ plan, role: plan.countedRole, series: plan.counted, start, end, density });
        }
      } else if (options.explain) {
        ask(plan.counted, plan.countedRole, false);
      }
    }
  }
  const secondAnswers = await source.aggregate(second, options.signal);
  for (const r of recordings) {
    const count = secondAnswers[r.countAnswer] ?? 0;
    const sum = r.sumAnswer >= 0 ? (secondAnswers[r.sumAnswer] ?? 0) : 0;
    if (!Number.isFinite(sum)) {
      throw new EvaluationError(
        messages(options.locale).t('prometheus.notFinite', { series: (r.role === NUMERATOR ? r.plan.numerator : r.plan.counted) ?? '', from: zone.format(r.t) }),
        source.name,
      );
    }
    r.plan.run.addCounted(r.role, r.cls, r.t, count, sum);
  }
  await readSamples(evaluator, source, needs, options);
}

/** Without aggregation: every sample of every period or window, recorded as a file's would be. */
async function pullSamples(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions, tally: SeriesTally): Promise<void> {
  const needs: SampleNeed[] = [];
  for (const plan of plans) {
    if (plan.windows.length === 0) continue;
    // Calendar periods follow each other: one range.
    const start = plan.windows[0].start;
    const last = plan.windows[plan.windows.length - 1];
    const end = last.stop;
    if (last.partial) plan.run.markPartial(last.start);
    const roles: [string, Role][] = [[plan.counted, plan.countedRole]];
    if (plan.numerator !== undefined) roles.push([plan.numerator, NUMERATOR]);
    for (const [series, role] of roles) {
      tally.note(series, plan.run.model.indicator, start, end, 0);
      needs.push({ plan, role, series, start, end });
    }
  }
  await readSamples(evaluator, source, needs, options, (series, n) => tally.add(series, n));
}

/**
 * The requests that serve the needs with each metric's samples fetched once: per series,
 * the union of the needed intervals, cut into requests of about CHUNK_SAMPLES samples (by
 * the densest need's density) or RAW_CHUNK_MS when the density is unknown.
 */
function planFetches(needs: readonly SampleNeed[]): Fetch[] {
  const bySeries = new Map<string, SampleNeed[]>();
  for (const need of needs) {
    let list = bySeries.get(need.series);
    if (!list) bySeries.set(need.series, (list = []));
    list.push(need);
  }
  const fetches: Fetch[] = [];
  for (const [series, list] of bySeries) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let i = 0;
    while (i < list.length) {
      // One stretch of overlapping or touching needs.
      let end = list[i].end;
      let density = list[i].density;
      let j = i + 1;
      for (; j < list.length && list[j].start <= end; j++) {
        end = Math.max(end, list[j].end);
        const d = list[j].density;
        if (d !== undefined) density = Math.max(density ?? 0, d);
      }
      const stretch = list.slice(i, j);
      const length = density === undefined ? RAW_CHUNK_MS : Math.max(MIN_CHUNK_MS, Math.floor(CHUNK_SAMPLES / Math.max(density, Number.MIN_VALUE)));
      for (let s = list[i].start; s < end; s += length) {
        const e = Math.min(end, s + length);
        fetches.push({ series, start: s, end: e, needs: stretch.filter((n) => n.start < e && n.end > s) });
      }
      i = j;
    }
  }
  return fetches;
}

/** Fetches the samples the needs ask for, a few requests at a time, and records them in order (the same order every run). */
async function readSamples(
  evaluator: Evaluator,
  source: IntervalSource,
  needs: readonly SampleNeed[],
  { signal, locale }: { signal?: AbortSignal; locale?: Locale },
  onReceived?: (series: string, samples: number) => void,
): Promise<void> {
  const fetches = planFetches(needs);
  const zone = evaluator.model.zone;
  await inOrder(
    fetches.length,
    (i, inner) => source.samples(fetches[i].series, fetches[i].start, fetches[i].end, inner),
    (i, { times, values }) => {
      const fetch = fetches[i];
      for (let k = 0; k < times.length; k++) {
        const t = times[k];
        // The source answers for [start, end); anything else is its error, never dropped quietly.
        if (!(t >= fetch.start && t < fetch.end)) {
          throw new EvaluationError(outsideAskedFor(fetch.series, t, fetch.start, fetch.end, zone, locale), source.name);
        }
        for (const need of fetch.needs) {
          if (t < need.start || t >= need.end) continue;
          const rejected = evaluator.addTo(need.plan.run, need.role, t, values[k]);
          if (rejected !== undefined) throw new EvaluationError(rejected, source.name);
        }
      }
      evaluator.rowsRead(times.length);
      onReceived?.(fetch.series, times.length);
    },
    signal,
  );
}

/**
 * (1.1) `counters`: each selector's raw samples with their series, from a day before the
 * evaluated time (a previous value) to its end, through the same series code as files: per
 * series sorted by time, increases (a drop is a reset), the first sample only listing its
 * period. Increases go to the objectives' periods as a file's would; two samples of one
 * series at one instant are a data error naming the selector and the series.
 */
async function readCounters(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions, tally: SeriesTally): Promise<void> {
  if (plans.length === 0) return;
  const { t: say } = messages(options.locale);
  if (!source.seriesSamples) {
    const o = plans[0].run.model;
    throw new EvaluationError(say('prometheus.countersNeedSeries', { objective: o.name, indicator: o.indicator }), source.name);
  }
  const readers = new Map<string, { start: number; end: number; uses: { plan: RunPlan; role: Role }[] }>();
  for (const plan of plans) {
    if (plan.windows.length === 0) continue;
    const start = plan.windows[0].start;
    const end = plan.windows[plan.windows.length - 1].stop;
    for (const w of plan.windows) if (w.partial) plan.run.markPartial(w.start);
    for (const [series, role] of [[plan.numerator!, NUMERATOR], [plan.counted, TOTAL]] as const) {
      tally.note(series, plan.run.model.indicator, start, end, 0);
      const entry = readers.get(series) ?? { start, end, uses: [] };
      entry.start = Math.min(entry.start, start);
      entry.end = Math.max(entry.end, end);
      entry.uses.push({ plan, role });
      readers.set(series, entry);
    }
  }
  const zone = evaluator.model.zone;
  // Requests of about CHUNK_SAMPLES samples, sized by the count of the whole span where the source counts.
  const selectors = [...readers];
  const counts = source.aggregates
    ? await source.aggregate(selectors.map(([series, r]) => ({ series, start: r.start - COUNTER_LOOKBACK_MS, end: r.end, statistic: 'count' as const })), options.signal)
    : [];
  for (const [index, [selector, { start, end, uses }]] of selectors.entries()) {
    const tracker = new SeriesTracker(options.locale);
    const from = start - COUNTER_LOOKBACK_MS;
    const density = (counts[index] ?? 0) / (end - from);
    const length = counts.length === 0 ? RAW_CHUNK_MS : Math.max(MIN_CHUNK_MS, Math.floor(CHUNK_SAMPLES / Math.max(density, Number.MIN_VALUE)));
    const chunks: [number, number][] = [];
    for (let s = from; s < end; s += length) chunks.push([s, Math.min(end, s + length)]);
    let received = 0;
    await inOrder(
      chunks.length,
      (i, inner) => source.seriesSamples!(selector, chunks[i][0], chunks[i][1], inner),
      (i, block) => {
        const [from, to] = chunks[i];
        for (let k = 0; k < block.times.length; k++) {
          const t = block.times[k];
          const series = block.names[block.seriesOf[k]];
          if (!(t >= from && t < to)) {
            throw new EvaluationError(outsideAskedFor(series, t, from, to, zone, options.locale), source.name);
          }
          const rejected = tracker.addCounter(0, series, t, block.values[k]);
          if (rejected !== undefined) throw new EvaluationError(say('prometheus.counterDuplicate', { selector, time: zone.format(t), reason: rejected }), source.name);
        }
        received += block.times.length;
        evaluator.rowsRead(block.times.length);
      },
      options.signal,
    );
    tally.add(selector, received);
    const inside = (plan: RunPlan, t: number) => t >= plan.windows[0].start && t < plan.windows[plan.windows.length - 1].stop;
    tracker.flushCounters(
      (_metric, t, increase) => {
        for (const { plan, role } of uses) if (inside(plan, t)) evaluator.addTo(plan.run, role, t, increase);
      },
      (_metric, t) => {
        for (const { plan } of uses) if (inside(plan, t) && plan.run.eligibility.classify(t) !== OUTSIDE_EFFECTIVE) plan.run.markSeen(t);
      },
    );
  }
}

/**
 * (1.1) The cumulative-looking warning for the ratio metrics read as per-interval counts:
 * each series' count, decreases, minimum and maximum over the evaluated time (a series that
 * never decreases starts at its minimum and ends at its maximum), judged by the evaluator
 * as the series of a file are.
 */
async function watchCumulative(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], signal: AbortSignal | undefined): Promise<void> {
  if (!source.seriesSummaries) return;
  const spans = new Map<string, [number, number]>();
  for (const plan of plans) {
    if (plan.numerator === undefined || plan.windows.length === 0) continue;
    const start = plan.windows[0].start;
    const end = plan.windows[plan.windows.length - 1].stop;
    for (const series of [plan.numerator, plan.counted]) {
      const span = spans.get(series);
      spans.set(series, span ? [Math.min(span[0], start), Math.max(span[1], end)] : [start, end]);
    }
  }
  for (const [selector, [start, end]] of spans) {
    if (!(end > start)) continue;
    for (const summary of await source.seriesSummaries(selector, start, end, signal)) evaluator.watchSeries(selector, summary, start, end);
  }
}

/** A source's sample outside the interval asked for: its error, never dropped quietly. */
function outsideAskedFor(series: string, t: number, start: number, end: number, zone: ZoneRules, locale: Locale | undefined): string {
  return messages(locale).t('prometheus.sampleOutside', { series, time: zone.format(t), from: zone.format(start), to: zone.format(end) });
}

/** Runs `fetch` for each of `count` requests, at most AHEAD ahead, and hands the answers to `use` in order; a failure or the signal stops the others. */
async function inOrder<T>(
  count: number,
  fetch: (i: number, signal: AbortSignal) => Promise<T>,
  use: (i: number, answer: T) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (count === 0) return;
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const pending: Promise<T>[] = [];
  let next = 0;
  const start = () => {
    const p = fetch(next++, controller.signal);
    p.catch(() => undefined); // awaited below; a failure stops the others
    pending.push(p);
  };
  try {
    while (next < count && pending.length < AHEAD) start();
    for (let i = 0; i < count; i++) {
      const answer = await pending.shift()!;
      if (signal?.aborted) throw new EvaluationAborted();
      if (next < count) start();
      use(i, answer);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
