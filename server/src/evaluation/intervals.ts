// Sources that answer questions about time intervals instead of streaming every sample (a
// Prometheus server). The evaluator decides which intervals matter: the calendar periods
// (or the rolling window), cut by the effective dates, the `during` schedule with its
// holidays and the `excluding` maintenance into intervals of one class each. It then asks
// the source for the count and the sum of the samples in each interval where those are all
// the attained value needs (mean availability, ratios), and for the samples themselves in
// bounded chunks where it needs the values (percentiles, min, max, avg). The answers are
// recorded exactly as the same samples streamed from a file would be, so both give the
// same report.
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
  /** Whether the series names anything at all, at any time (to word the warning about a series without samples). */
  seriesExists(series: string, signal?: AbortSignal): Promise<boolean>;
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
/** Raw chunks fetched ahead of the one being recorded. */
const AHEAD = 8;

/** A calendar period or the rolling window: [start, end), and its part inside the effective dates. */
interface Window {
  start: number;
  end: number;
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
  const window = (start: number, end: number, always: boolean): Window => ({
    start,
    end,
    inStart: Math.max(start, effectiveStart),
    inEnd: Math.min(end, effectiveEnd),
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
  const to = Number.isFinite(model.effectiveEnd) ? model.effectiveEnd : options.now;
  const periods = new CalendarPeriods(model.zone, o.window.period);
  const windows: Window[] = [];
  for (let t = from; t < to; t = periods.end) {
    const start = periods.locate(t);
    windows.push(window(start, periods.end, false));
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

  async warnAboutEmpty(evaluator: Evaluator, source: IntervalSource, signal?: AbortSignal): Promise<void> {
    const zone = evaluator.model.zone;
    for (const [series, entry] of this.found) {
      if (entry.samples > 0) continue;
      const who = [...entry.indicators].map((i) => `indicator ${i}`).join(', ');
      if (!(await source.seriesExists(series, signal))) {
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

/** Raw samples of one chunk, for one run and role. */
interface ChunkTask {
  plan: RunPlan;
  role: Role;
  series: string;
  start: number;
  end: number;
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
        entry.bounds = first.push({ series: plan.counted, start: w.start, end: w.end, statistic: 'min' }) - 1;
        first.push({ series: plan.counted, start: w.start, end: w.end, statistic: 'max' });
      }
      asked.push(entry);
    }
  }
  const firstAnswers = await source.aggregate(first, options.signal);

  const tally = new SeriesTally();
  const second: IntervalRequest[] = [];
  const recordings: (Recording & { countAnswer: number; sumAnswer: number })[] = [];
  const chunks: ChunkTask[] = [];
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

    // Phase 2: the intervals of one class inside the period or window.
    const pushed = o.reduction.type === 'mean' || o.reduction.type === 'ratio';
    const density = countedSamples / Math.max(1, w.inEnd - w.inStart);
    for (const segment of plan.run.eligibility.segments(w.start, w.end)) {
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
          const length = Math.max(MIN_CHUNK_MS, Math.floor(CHUNK_SAMPLES / density));
          for (let s = start; s < end; s += length) {
            chunks.push({ plan, role: plan.countedRole, series: plan.counted, start: s, end: Math.min(end, s + length) });
          }
        }
      } else if (options.explain) {
        ask(plan.counted, plan.countedRole, false);
      }
    }
  }
  await tally.warnAboutEmpty(evaluator, source, options.signal);

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
  await readChunks(evaluator, source, chunks, options.signal);
}

/** Without aggregation: every sample of every period or window, recorded as a file's would be. */
async function pullSamples(evaluator: Evaluator, source: IntervalSource, plans: RunPlan[], options: IntervalReadOptions): Promise<void> {
  const chunks: ChunkTask[] = [];
  const tally = new SeriesTally();
  for (const plan of plans) {
    if (plan.windows.length === 0) continue;
    // Calendar periods follow each other: one range.
    const start = plan.windows[0].start;
    const end = plan.windows[plan.windows.length - 1].end;
    const roles: [string, Role][] = [[plan.counted, plan.countedRole]];
    if (plan.numerator !== undefined) roles.push([plan.numerator, NUMERATOR]);
    for (const [series, role] of roles) {
      tally.note(series, plan.run.model.indicator, start, end, 0);
      for (let s = start; s < end; s += RAW_CHUNK_MS) chunks.push({ plan, role, series, start: s, end: Math.min(end, s + RAW_CHUNK_MS) });
    }
  }
  await readChunks(evaluator, source, chunks, options.signal, (series, n) => tally.add(series, n));
  await tally.warnAboutEmpty(evaluator, source, options.signal);
}

/** Fetches the chunks a few at a time and records them in order (the same order every run). */
async function readChunks(
  evaluator: Evaluator,
  source: IntervalSource,
  chunks: ChunkTask[],
  signal: AbortSignal | undefined,
  onReceived?: (series: string, samples: number) => void,
): Promise<void> {
  if (chunks.length === 0) return;
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const pending: Promise<SampleBlock>[] = [];
  let next = 0;
  const start = () => {
    const c = chunks[next++];
    const p = source.samples(c.series, c.start, c.end, controller.signal);
    p.catch(() => undefined); // awaited below; a failure stops the others
    pending.push(p);
  };
  try {
    while (next < chunks.length && pending.length < AHEAD) start();
    for (const chunk of chunks) {
      const block = await pending.shift()!;
      if (signal?.aborted) throw new EvaluationAborted();
      if (next < chunks.length) start();
      const { times, values } = block;
      for (let i = 0; i < times.length; i++) {
        const t = times[i];
        // The source answers for [start, end); anything else would be counted twice.
        if (!(t >= chunk.start && t < chunk.end)) continue;
        const rejected = evaluator.addTo(chunk.plan.run, chunk.role, t, values[i]);
        if (rejected !== undefined) throw new EvaluationError(rejected, source.name);
      }
      evaluator.rowsRead(times.length);
      onReceived?.(chunk.series, times.length);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    controller.abort();
  }
}
