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
import { ELIGIBLE } from './eligibility';
import { EvaluationAborted, EvaluationError } from './errors';
// The evaluator and its objectives as this reader fills them (ports.ts: no import of evaluate.ts).
import { NUMERATOR, TOTAL, VALUE, type IntervalSink as Evaluator, type ObjectiveSink as ObjectiveRun, type Role } from './ports';
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

/** Reads everything the objectives need from an interval source into the evaluator. */
export async function readIntervalSource(evaluator: Evaluator, source: IntervalSource, options: IntervalReadOptions): Promise<void> {
  const plans = evaluator.runs.map((run) => planRun(run, evaluator, options));
  if (source.aggregates) await pushDown(evaluator, source, plans, options);
  else await pullSamples(evaluator, source, plans, options);
  for (const warning of source.warnings?.() ?? []) evaluator.warn(`${source.name}: ${warning}`);
  const log = source.queryLog?.();
  if (log) evaluator.logQueries(log);
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
    throw new EvaluationError(
      `objective ${o.name} has a calendar window and the contract has no \`effective\` start date: say where its periods begin (add \`effective DATE\` to the contract, or pass --from TIME)`,
    );
  }
  const periods = new CalendarPeriods(model.zone, o.window.period);
  const windows: Window[] = [];
  const to = Math.min(model.effectiveEnd, cut);
  for (let t = from; t < to; t = periods.end) {
    const start = periods.locate(t);
    windows.push(window(start, periods.end, false, Math.min(periods.end, cut)));
    if (windows.length > MAX_WINDOWS) {
      throw new EvaluationError(`objective ${o.name}: more than ${MAX_WINDOWS} calendar periods between the start and the end of the evaluation; give a later start`);
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

  async warnAboutEmpty(evaluator: Evaluator, source: IntervalSource, now: number, signal?: AbortSignal): Promise<void> {
    const zone = evaluator.model.zone;
    for (const [series, entry] of this.found) {
      if (entry.samples > 0) continue;
      const who = [...entry.indicators].map((i) => `indicator ${i}`).join(', ');
      // Any series at any time up to now says "the selector is right, the samples are elsewhere".
      if (!(await source.seriesExists(series, SERIES_SEARCH_START, Math.max(entry.to, now), signal))) {
        evaluator.warn(`${who}: ${series} matches no series in ${source.name}; its results have no data (check the metric name and the labels)`);
      } else {
        evaluator.warn(`${who}: ${series} has no samples in ${source.name} between ${zone.format(entry.from)} and ${zone.format(entry.to)}`);
      }
    }
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

async function pushDown(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions): Promise<void> {
  const zone = evaluator.model.zone;
  // Phase 1: which calendar periods hold a sample of the indicator's metrics inside the
  // effective dates (and so get a result), how many, and whether availability values lie in [0, 1].
  const first: IntervalRequest[] = [];
  const asked: { plan: RunPlan; window: Window; counted: number; numerator: number; bounds: number }[] = [];
  for (const plan of plans) {
    for (const w of plan.windows) {
      const entry = { plan, window: w, counted: -1, numerator: -1, bounds: -1 };
      if (w.inStart < w.inEnd) {
        entry.counted = first.push({ series: plan.counted, start: w.inStart, end: w.inEnd, statistic: 'count' }) - 1;
        if (plan.numerator !== undefined) {
          entry.numerator = first.push({ series: plan.numerator, start: w.inStart, end: w.inEnd, statistic: 'count' }) - 1;
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

  const tally = new SeriesTally();
  const second: IntervalRequest[] = [];
  const recordings: (Recording & { countAnswer: number; sumAnswer: number })[] = [];
  const needs: SampleNeed[] = [];
  for (const { plan, window: w, counted, numerator, bounds } of asked) {
    const o = plan.run.model;
    if (bounds >= 0) {
      for (const value of [firstAnswers[bounds], firstAnswers[bounds + 1]]) {
        if (value !== null && !(value >= 0 && value <= 1)) {
          throw new EvaluationError(
            `value ${value} of ${plan.counted} between ${zone.format(w.start)} and ${zone.format(w.end)} is outside [0, 1]: availability and error-rate samples are 0/1 outcomes or per-interval ratios`,
            source.name,
          );
        }
      }
    }
    const countedSamples = counted >= 0 ? (firstAnswers[counted] ?? 0) : 0;
    const numeratorSamples = numerator >= 0 ? (firstAnswers[numerator] ?? 0) : 0;
    if (counted >= 0) tally.note(plan.counted, o.indicator, w.inStart, w.inEnd, countedSamples);
    if (numerator >= 0) tally.note(plan.numerator!, o.indicator, w.inStart, w.inEnd, numeratorSamples);
    if (!w.always && countedSamples + numeratorSamples === 0) continue;
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
  await tally.warnAboutEmpty(evaluator, source, options.now, options.signal);

  const secondAnswers = await source.aggregate(second, options.signal);
  for (const r of recordings) {
    const count = secondAnswers[r.countAnswer] ?? 0;
    const sum = r.sumAnswer >= 0 ? (secondAnswers[r.sumAnswer] ?? 0) : 0;
    if (!Number.isFinite(sum)) {
      throw new EvaluationError(
        `a sample of ${r.role === NUMERATOR ? r.plan.numerator : r.plan.counted} from ${zone.format(r.t)} on is not a finite number (NaN or ±Inf)`,
        source.name,
      );
    }
    r.plan.run.addCounted(r.role, r.cls, r.t, count, sum);
  }
  await readSamples(evaluator, source, needs, options.signal);
}

/** Without aggregation: every sample of every period or window, recorded as a file's would be. */
async function pullSamples(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions): Promise<void> {
  const needs: SampleNeed[] = [];
  const tally = new SeriesTally();
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
  await readSamples(evaluator, source, needs, options.signal, (series, n) => tally.add(series, n));
  await tally.warnAboutEmpty(evaluator, source, options.now, options.signal);
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
  signal: AbortSignal | undefined,
  onReceived?: (series: string, samples: number) => void,
): Promise<void> {
  const fetches = planFetches(needs);
  if (fetches.length === 0) return;
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const pending: Promise<SampleBlock>[] = [];
  let next = 0;
  const start = () => {
    const f = fetches[next++];
    const p = source.samples(f.series, f.start, f.end, controller.signal);
    p.catch(() => undefined); // awaited below; a failure stops the others
    pending.push(p);
  };
  try {
    while (next < fetches.length && pending.length < AHEAD) start();
    for (const fetch of fetches) {
      const block = await pending.shift()!;
      if (signal?.aborted) throw new EvaluationAborted();
      if (next < fetches.length) start();
      const { times, values } = block;
      for (let i = 0; i < times.length; i++) {
        const t = times[i];
        // The source answers for [start, end); anything else is its error, never dropped quietly.
        if (!(t >= fetch.start && t < fetch.end)) {
          throw new EvaluationError(
            `sent a sample of ${fetch.series} at ${evaluator.model.zone.format(t)}, outside the interval asked for (${evaluator.model.zone.format(fetch.start)} to ${evaluator.model.zone.format(fetch.end)})`,
            source.name,
          );
        }
        for (const need of fetch.needs) {
          if (t < need.start || t >= need.end) continue;
          const rejected = evaluator.addTo(need.plan.run, need.role, t, values[i]);
          if (rejected !== undefined) throw new EvaluationError(rejected, source.name);
        }
      }
      evaluator.rowsRead(times.length);
      onReceived?.(fetch.series, times.length);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
