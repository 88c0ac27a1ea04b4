// The evaluator: receives samples from any number of sources in one pass, routes each to
// the objectives whose indicator names its metric, and keeps per period only what the
// attained value needs. Then builds the report (LANGUAGE.md section 5).
import type { Sla } from '../language/ast';
import { PeriodAccumulator } from './aggregate';
import { applicableTier, creditsByInterval, satisfies, type OwedCredit } from './credits';
import { ELIGIBLE, Eligibility, IN_MAINTENANCE, OUTSIDE_EFFECTIVE, OUTSIDE_SCHEDULE, type InstantClass } from './eligibility';
import { EvaluationAborted, EvaluationError, MissingMetricsError } from './errors';
import { isIntervalSource, readIntervalSource, type IntervalSource } from './intervals';
import { messages, type Locale } from '../l10n/index';
import { missingMetricMessage, missingMetrics, missingSelectorMessage } from './missingMetrics';
import { SeriesTracker } from './series';
import { buildModel, type ContractModel, type ObjectiveModel, type TierModel } from './model';
import { CalendarPeriods } from './periods';
import {
  NUMERATOR,
  TOTAL,
  VALUE,
  type EvaluatorState,
  type HeldState,
  type IntervalSink,
  type ObjectiveSink,
  type ParallelOptions,
  type PartSetup,
  type PartSink,
  type PartedReading,
  type Role,
  type RowRejection,
  type RunState,
  type SampleSource,
  type SeriesSummary,
} from './ports';
import type { ObjectiveReport, QueryLogReport, Report, ResultReport, ResultStatus } from './report';
import { TimestampReader } from './timestamps';
import type { ZoneRules } from './timezone';

export interface EvaluateOptions {
  /** Name of the `sla` block to evaluate (evaluateFiles and evaluateContract only); the first by default. */
  sla?: string;
  /** End of rolling windows: RFC 3339, local `YYYY-MM-DD HH:MM[:SS]`, Unix seconds/ms, or epoch ms as a number. Default: the latest sample read. */
  at?: string | number;
  /** Add `explain` to every result. */
  explain?: boolean;
  /** Called now and then with the total rows read so far. */
  onProgress?(rowsRead: number): void;
  signal?: AbortSignal;
  /** Base for relative metric paths (evaluateFiles only); default: the working directory. */
  baseDir?: string;
  /** Reading large CSV files on several cores (tests and benchmarks tune it; `{ workers: 0 }` turns it off). */
  parallel?: ParallelOptions;
  /**
   * Interval sources (a Prometheus server) only: where calendar periods start when the
   * contract has no `effective` start date (same forms as `at`).
   */
  from?: string | number;
  /** Interval sources only: where calendar periods end (same forms as `at`); they never run past `now` either way. */
  to?: string | number;
  /** The current time (epoch ms) for interval sources: the default `at` and the end of open-ended contracts. Default: Date.now(). */
  now?: number;
  /** Metrics the contract names with no samples are warnings, not an error (`--allow-missing-metrics`). */
  allowMissingMetrics?: boolean;
  /** The language of the evaluation's messages (errors and warnings); English by default. */
  locale?: Locale;
  /** Every objective evaluated per calendar day instead of its window, without credits: the daily series of `sla report`. */
  daily?: boolean;
}

/** (1.1) Where measured time ended: a server's end (--to, never past now), or the latest sample read (-Infinity without one). */
export interface MeasuredTime {
  serverEnd: number | null;
  latest: number;
}

/** What an evaluation gives: the report, the rows read, and where measured time ended (a period in progress: `sla report`'s budget so far). */
export interface Evaluation {
  report: Report;
  rows: number;
  measured: MeasuredTime;
}

/** (1.1) Where measured time ends for an indicator with `every I`: a server's end, else the latest sample read plus I. */
export function horizonOf(measured: MeasuredTime, everyMs: number): number {
  return measured.serverEnd ?? measured.latest + everyMs;
}

/** Anything samples can come from: a stream of samples (files) or a source that answers questions about intervals (a Prometheus server). */
export type Source = SampleSource | IntervalSource;

/** Evaluates one `sla` block of a contract with no error diagnostics against sample sources. */
export async function evaluate(
  sla: Sla,
  sources: readonly Source[],
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const model = modelFor(sla, options.daily === true, options.locale);
  const queried = sources.filter(isIntervalSource);
  const now = options.now ?? Date.now();
  let at = options.at === undefined ? undefined : readTime(options.at, model.zone, '--at', options.locale);
  // A server has no "latest sample read": rolling windows then end now (documented).
  if (at === undefined && queried.length > 0) at = now;
  const evaluator = new Evaluator(model, at, options.onProgress, options.locale);
  const setup: PartSetup = { sla, at, daily: options.daily, locale: options.locale };
  const parted: PartedReading = {
    setup,
    options: options.parallel ?? {},
    newSink: (progress) => partEvaluator(setup, progress),
    merge: (state) => evaluator.merge(state),
    progress: (rows) => options.onProgress?.(evaluator.rows + rows),
  };
  for (const source of sources) {
    if (options.signal?.aborted) throw new EvaluationAborted(options.locale);
    if (isIntervalSource(source)) continue;
    // A source that can be read in parts on several cores (a large CSV file) says whether it was.
    // Counter series are kept whole, with the line of a repeated timestamp: no parts then.
    if (source.readInParts !== undefined && !evaluator.readsCounters && (await source.readInParts(parted, options.signal))) continue;
    await source.read(evaluator, options.signal);
  }
  // (1.1) Selectors that match no series on any server queried, and the metric names those servers know.
  let unmatched: Set<string> | undefined;
  const serverNames = new Set<string>();
  if (queried.length > 0) {
    const from = options.from === undefined ? undefined : readTime(options.from, model.zone, '--from', options.locale);
    const to = options.to === undefined ? undefined : readTime(options.to, model.zone, '--to', options.locale);
    for (const source of queried) {
      // (1.1) From a server, measured time ends where the evaluation ends: --to, never past now.
      evaluator.horizonEnd = Math.min(to ?? now, now);
      const reading = await readIntervalSource(evaluator, source, { at: at!, now, from, to, explain: options.explain ?? false, signal: options.signal, locale: options.locale });
      const missing = new Set(reading.unmatched);
      unmatched = unmatched === undefined ? missing : new Set([...unmatched].filter((s) => missing.has(s)));
      for (const name of reading.metricNames) serverNames.add(name);
    }
  }
  evaluator.finishSeries();
  checkMissingMetrics(evaluator, options, unmatched, serverNames);
  return { report: evaluator.report(options.explain ?? false), rows: evaluator.rows, measured: evaluator.measured() };
}

/**
 * Metrics with no samples: an error naming each (no report), or with `allowMissingMetrics` a
 * warning each. With servers, a selector counts as missing only when it matches no series on
 * any of them and no file had a sample of it (LANGUAGE.md §5: "the same case").
 */
function checkMissingMetrics(evaluator: Evaluator, options: EvaluateOptions, unmatched: Set<string> | undefined, serverNames: Set<string>): void {
  const hasSamples = (metric: string) => evaluator.hasSamples(metric) || (unmatched !== undefined && !unmatched.has(metric));
  const missing = missingMetrics(evaluator.model, hasSamples);
  if (missing.length === 0) return;
  const problems = missing.map((m) =>
    unmatched?.has(m.metric) ? missingSelectorMessage(m, evaluator.namesRead, serverNames, options.locale) : missingMetricMessage(m, evaluator.namesRead, options.locale),
  );
  if (!options.allowMissingMetrics) throw new MissingMetricsError(problems);
  for (const problem of problems) evaluator.warn(problem);
}

/** A fresh evaluator of the contract for one part of a source read in parts (in this thread or a worker's). */
export function partEvaluator(setup: PartSetup, onProgress: (rows: number) => void): PartSink {
  return new Evaluator(modelFor(setup.sla, setup.daily === true, setup.locale), setup.at, onProgress, setup.locale);
}

/** The contract's model; with `daily`, each objective's window is a calendar day and it earns no credits (the same rules of eligibility and aggregation, per day). */
function modelFor(sla: Sla, daily: boolean, locale: Locale | undefined): ContractModel {
  const model = buildModel(sla, undefined, locale);
  if (!daily) return model;
  return { ...model, objectives: model.objectives.map((o) => ({ ...o, window: { type: 'calendar', period: 'day' }, windowText: 'calendar day', tiers: [] })) };
}

function readTime(at: string | number, zone: ZoneRules, option: string, locale: Locale | undefined): number {
  if (typeof at === 'number') {
    if (!Number.isFinite(at)) throw new EvaluationError(messages(locale).t('evaluate.badOption', { option, value: at }));
    return at;
  }
  const t = new TimestampReader(zone).readString(at);
  if (Number.isNaN(t)) throw new EvaluationError(messages(locale).t('evaluate.badTime', { option, value: JSON.stringify(at) }));
  return t;
}

/** The per-objective state: eligibility, periods, accumulators. */
export class ObjectiveRun implements ObjectiveSink {
  readonly model: ObjectiveModel;
  readonly eligibility: Eligibility;
  private readonly periods: CalendarPeriods | undefined;
  private readonly keepValues: boolean;
  private readonly byStart = new Map<number, PeriodAccumulator>();
  private current: PeriodAccumulator | undefined;
  // Rolling windows.
  private windowStart = NaN;
  private windowEnd = NaN;
  private single: PeriodAccumulator | undefined;
  private held: HeldSamples | undefined;
  /** Starts of calendar periods an interval source evaluated only in part (up to now or --to). */
  readonly partial = new Set<number>();
  /** (1.1) An interval source's first evaluated instant: samples read before it (another objective's longer period or rolling window) do not start this one's data span. */
  spanFloor = -Infinity;

  constructor(model: ObjectiveModel, eligibility: Eligibility, zone: ZoneRules, at: number | undefined) {
    this.model = model;
    this.eligibility = eligibility;
    this.keepValues = model.reduction.type === 'percentile';
    if (model.window.type === 'calendar') {
      // Its first period, [NaN, NaN), holds nothing: the first lookup misses.
      this.periods = new CalendarPeriods(zone, model.window.period);
    } else if (at !== undefined) {
      this.openWindow(at);
    } else {
      this.held = new HeldSamples(model.window.ms);
    }
  }

  add(role: Role, t: number, value: number, latest: number): void {
    const cls = this.eligibility.classify(t);
    let acc: PeriodAccumulator;
    const periods = this.periods;
    if (periods !== undefined) {
      if (t >= periods.start && t < periods.end) acc = this.current!;
      else acc = this.switchPeriod(t);
    } else if (this.single !== undefined) {
      if (!(t > this.windowStart && t <= this.windowEnd)) return;
      acc = this.single;
    } else {
      this.held!.add(role, cls, t, value, latest);
      return;
    }
    record(acc, role, cls, value);
  }

  /**
   * `add` of row `row` of a source's arrays (SampleSink.addRows). A sample of the calendar
   * period being filled is recorded here without a call that takes its numbers (each number
   * passed to a call the compiler does not inline becomes a heap object: garbage per row).
   */
  addRow(role: Role, times: Float64Array, values: Float64Array, row: number, clock: { readonly latest: number }): void {
    const t = times[row];
    const periods = this.periods;
    if (periods !== undefined && t >= periods.start && t < periods.end) recordRow(this.current!, role, this.eligibility.classify(t), values, row);
    else this.add(role, t, values[row], clock.latest);
  }

  /**
   * `addRow` of every row of `metric` among rows [0, count), in order: one loop per objective
   * and batch (Evaluator.addRows), with the period being filled kept in locals. Not for runs
   * that hold samples (`held`: they drop old samples by the latest time at each row). Returns
   * the number of rows of `metric`.
   */
  addRowsOf(role: Role, metric: number, metrics: Int32Array, times: Float64Array, values: Float64Array, count: number): number {
    const periods = this.periods;
    const eligibility = this.eligibility;
    // [from, to): inside both the period being filled and the eligibility segment found last, all of class `cls`.
    let from = 0;
    let to = 0;
    let cls: InstantClass = ELIGIBLE;
    let acc = this.current;
    let taken = 0;
    for (let row = 0; row < count; row++) {
      if (metrics[row] !== metric) continue;
      taken++;
      const t = times[row];
      if (!(t >= from && t < to)) {
        if (periods === undefined || !(t >= periods.start && t < periods.end)) {
          // A rolling window's sample, or the first of another calendar period (the next row finds its segment).
          this.add(role, t, values[row], NaN);
          continue;
        }
        cls = eligibility.classify(t);
        const segment = eligibility.lastSegment;
        from = Math.max(periods.start, segment.start);
        to = Math.min(periods.end, segment.end);
        acc = this.current;
      }
      recordRow(acc!, role, cls, values, row);
    }
    return taken;
  }

  /** Whether `addRowsOf` may take this run's rows (it does not hold samples for a window ending later). */
  get takesBatches(): boolean {
    return this.held === undefined;
  }

  /**
   * What an interval source counted in one interval that lies wholly in one class and one
   * period or window: `count` samples of the role's metric adding up to `sum`, at instants
   * from `t` on. Recorded as `count` calls of `add` would be.
   */
  addCounted(role: Role, cls: InstantClass, t: number, count: number, sum: number): void {
    if (count === 0) return;
    const acc = this.accumulatorAt(t);
    if (acc === undefined) return;
    const counted = role !== NUMERATOR;
    if (cls === OUTSIDE_EFFECTIVE) {
      if (counted) acc.outsideEffective += count;
      return;
    }
    acc.seen = true;
    if (cls !== ELIGIBLE) {
      if (counted) {
        if (cls === OUTSIDE_SCHEDULE) acc.outsideSchedule += count;
        else acc.inMaintenance += count;
      }
      return;
    }
    if (role === NUMERATOR) acc.addNumerator(sum);
    else acc.addCountAndSum(count, sum);
  }

  /** Lists the period holding t: an interval source found a sample of the indicator's metrics in it inside the effective dates. */
  markSeen(t: number): void {
    const acc = this.accumulatorAt(t);
    if (acc !== undefined) acc.seen = true;
  }

  /** The period starting at `start` was evaluated only up to now or --to. */
  markPartial(start: number): void {
    this.partial.add(start);
  }

  /** The accumulator of the period or rolling window holding t (made when needed); undefined outside the rolling window. */
  private accumulatorAt(t: number): PeriodAccumulator | undefined {
    const periods = this.periods;
    if (periods !== undefined) return t >= periods.start && t < periods.end ? this.current! : this.switchPeriod(t);
    if (this.single !== undefined) return t > this.windowStart && t <= this.windowEnd ? this.single : undefined;
    return undefined;
  }

  /**
   * (1.1) `missing down`: lists every calendar period that intersects [from, to) (the data
   * span within the effective dates), with or without samples: missing samples count as down.
   */
  coverPeriods(from: number, to: number): void {
    const periods = this.periods;
    if (periods === undefined) return;
    for (let t = Math.max(from, this.spanFloor); t < to; t = periods.end) this.switchPeriod(t).seen = true;
  }

  /** Ends a rolling window at `at` (replaying held samples when `at` was not known before). */
  finishRolling(at: number): void {
    if (this.periods !== undefined || this.single !== undefined) return;
    this.openWindow(at);
    this.held!.replay(this.single!, this.windowStart, this.windowEnd);
    this.held = undefined;
  }

  /** Accumulators of the listed periods, by start. */
  results(): PeriodAccumulator[] {
    if (this.single !== undefined) return [this.single];
    return [...this.byStart.values()].filter((a) => a.seen).sort((a, b) => a.start - b.start);
  }

  exportState(): RunState {
    if (this.held !== undefined) return { periods: [], held: this.held.exportState() };
    const periods = this.single !== undefined ? [this.single] : [...this.byStart.values()];
    return { periods: periods.map((a) => a.exportState()) };
  }

  merge(state: RunState): void {
    if (state.held !== undefined) this.held!.merge(state.held);
    for (const p of state.periods) {
      let acc: PeriodAccumulator | undefined;
      if (this.single !== undefined) {
        acc = this.single;
      } else {
        acc = this.byStart.get(p.start);
        if (acc === undefined) {
          acc = new PeriodAccumulator(p.start, p.end, this.keepValues);
          this.byStart.set(p.start, acc);
        }
      }
      acc.merge(p);
    }
  }

  private openWindow(at: number): void {
    const ms = (this.model.window as { ms: number }).ms;
    this.windowStart = at - ms;
    this.windowEnd = at;
    this.single = new PeriodAccumulator(at - ms, at, this.keepValues);
  }

  private switchPeriod(t: number): PeriodAccumulator {
    const periods = this.periods!;
    const start = periods.locate(t);
    let acc = this.byStart.get(start);
    if (acc === undefined) {
      acc = new PeriodAccumulator(start, periods.end, this.keepValues);
      this.byStart.set(start, acc);
    }
    this.current = acc;
    return acc;
  }
}

/** `record` of row `row` of `values`. */
function recordRow(acc: PeriodAccumulator, role: Role, cls: number, values: Float64Array, row: number): void {
  if (cls === ELIGIBLE && role !== NUMERATOR) {
    acc.seen = true;
    acc.addOf(values, row);
  } else {
    record(acc, role, cls, values[row]);
  }
}

function record(acc: PeriodAccumulator, role: Role, cls: number, value: number): void {
  const counted = role !== NUMERATOR;
  if (cls === OUTSIDE_EFFECTIVE) {
    if (counted) acc.outsideEffective++;
    return;
  }
  acc.seen = true;
  if (cls !== ELIGIBLE) {
    if (counted) {
      if (cls === OUTSIDE_SCHEDULE) acc.outsideSchedule++;
      else if (cls === IN_MAINTENANCE) acc.inMaintenance++;
    }
    return;
  }
  if (role === NUMERATOR) acc.addNumerator(value);
  else acc.add(value);
}

/**
 * Samples of a rolling window whose end is not known until every source is read. Only
 * samples within the window's length of the latest timestamp so far can end up inside
 * it, so older ones are dropped as the buffer fills.
 */
class HeldSamples {
  private readonly length: number;
  private times = new Float64Array(4096);
  private values = new Float64Array(4096);
  private tags = new Uint8Array(4096);
  private n = 0;

  constructor(length: number) {
    this.length = length;
  }

  add(role: Role, cls: number, t: number, value: number, latest: number): void {
    if (t <= latest - this.length) return;
    if (this.n === this.times.length) this.makeRoom(latest);
    const i = this.n++;
    this.times[i] = t;
    this.values[i] = value;
    this.tags[i] = role * 4 + cls;
  }

  replay(acc: PeriodAccumulator, start: number, end: number): void {
    for (let i = 0; i < this.n; i++) {
      const t = this.times[i];
      if (t > start && t <= end) record(acc, (this.tags[i] >> 2) as Role, this.tags[i] & 3, this.values[i]);
    }
  }

  exportState(): HeldState {
    return { times: this.times.slice(0, this.n), values: this.values.slice(0, this.n), tags: this.tags.slice(0, this.n) };
  }

  merge(state: HeldState): void {
    const n = this.n + state.times.length;
    if (n > this.times.length) {
      const times = new Float64Array(n * 2);
      times.set(this.times.subarray(0, this.n));
      const values = new Float64Array(n * 2);
      values.set(this.values.subarray(0, this.n));
      const tags = new Uint8Array(n * 2);
      tags.set(this.tags.subarray(0, this.n));
      this.times = times;
      this.values = values;
      this.tags = tags;
    }
    this.times.set(state.times, this.n);
    this.values.set(state.values, this.n);
    this.tags.set(state.tags, this.n);
    this.n = n;
  }

  private makeRoom(latest: number): void {
    const limit = latest - this.length;
    let kept = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.times[i] > limit) {
        this.times[kept] = this.times[i];
        this.values[kept] = this.values[i];
        this.tags[kept] = this.tags[i];
        kept++;
      }
    }
    this.n = kept;
    if (kept > this.times.length / 2) {
      const size = this.times.length * 2;
      const times = new Float64Array(size);
      times.set(this.times.subarray(0, kept));
      const values = new Float64Array(size);
      values.set(this.values.subarray(0, kept));
      const tags = new Uint8Array(size);
      tags.set(this.tags.subarray(0, kept));
      this.times = times;
      this.values = values;
      this.tags = tags;
    }
  }
}

/** Milliseconds of [from, to) in which samples count (inside the effective dates and `during`, outside `excluding`). */
function eligibleTime(eligibility: Eligibility, from: number, to: number): number {
  let ms = 0;
  if (!(to > from)) return 0;
  for (const s of eligibility.segments(from, to)) if (s.cls === ELIGIBLE) ms += s.end - s.start;
  return ms;
}

/** An objective and the metric it reads as values, in that role. */
interface BatchRoute {
  run: ObjectiveRun;
  metric: number;
  role: Role;
}

/** Each objective loops over the whole batch for its metric: worth it for a few such objectives, not for hundreds. */
const MAX_BATCH_ROUTES = 8;

/** Evaluator.rowKinds: a metric read as values, and one whose values must lie in [0, 1]. */
const PLAIN_VALUE = 1;
const UNIT_VALUE = 2;

/** The routes of metrics read as values, when each objective may take its rows a batch at a time and there are few; else undefined. */
function batchRoutesOf(routesRun: readonly ObjectiveRun[][], routesRole: readonly Role[][], ratioMetric: readonly number[]): BatchRoute[] | undefined {
  const routes: BatchRoute[] = [];
  for (let metric = 0; metric < routesRun.length; metric++) {
    if (ratioMetric[metric] === 1) continue;
    for (let i = 0; i < routesRun[metric].length; i++) {
      const run = routesRun[metric][i];
      if (!run.takesBatches) return undefined;
      routes.push({ run, metric, role: routesRole[metric][i] });
    }
  }
  return routes.length <= MAX_BATCH_ROUTES ? routes : undefined;
}

/** The sink all sources write into. */
export class Evaluator implements PartSink, IntervalSink {
  readonly zone: ZoneRules;
  readonly locale: Locale | undefined;
  rows = 0;
  readonly model: ContractModel;
  private readonly at: number | undefined;
  private readonly onProgress: ((rows: number) => void) | undefined;
  /** One per objective, in contract order (interval sources plan their questions from them). */
  readonly runs: ObjectiveRun[];
  private readonly warnings: string[] = [];
  private readonly queryLogs: QueryLogReport[] = [];
  private readonly metricNames: string[] = [];
  private readonly idByName = new Map<string, number>();
  /** Per metric id: the runs reading it and in which role. */
  private readonly routesRun: ObjectiveRun[][] = [];
  private readonly routesRole: Role[][] = [];
  /** Per metric id: 1 when its values must lie in [0, 1]. */
  private readonly unitInterval: number[] = [];
  /** Per metric id: 1 when a ratio reads it (its samples come with their series). */
  private readonly ratioMetric: number[] = [];
  /** Per metric id: 1 when some objective reads it as a counter (`counters`): its samples wait in `series`. */
  private readonly counterMetric: number[] = [];
  /** Per metric id: 1 when some objective reads it as per-interval ratio counts (watched for looking cumulative). */
  private readonly plainRatioMetric: number[] = [];
  private readonly series: SeriesTracker;
  /** (1.1) Whether some objective reads counters. */
  readonly readsCounters: boolean;
  /** Per metric id: 1 once a sample of it was read. */
  private readonly sampled: number[] = [];
  /** Every metric name read, of any metric. */
  readonly namesRead = new Set<string>();
  /** The latest timestamp read so far. */
  latest = -Infinity;
  private earliest = Infinity;
  /** Per objective reading a metric as values: its rows of a batch taken in one loop (`addRows`); undefined: row by row. */
  private readonly batchRoutes: readonly BatchRoute[] | undefined;
  /** Per metric id + 1 (0: a metric no objective reads): PLAIN_VALUE, UNIT_VALUE, or 0 for a ratio's metric and the unread ones. */
  private readonly rowKinds: Uint8Array;
  /** (1.1) Where measured time ends for `every` when a server was queried (the evaluation's end); else the latest sample plus `every`. */
  horizonEnd: number | undefined;

  constructor(model: ContractModel, at: number | undefined, onProgress?: (rows: number) => void, locale?: Locale) {
    this.model = model;
    this.locale = locale;
    this.series = new SeriesTracker(locale);
    this.zone = model.zone;
    this.at = at;
    this.onProgress = onProgress;
    const shared = new Map<string, Eligibility>();
    this.runs = model.objectives.map((o) => {
      // Objectives with the same rules share one eligibility timeline.
      const key = JSON.stringify([o.schedule ? [o.schedule.ranges, [...o.schedule.holidays], [...o.schedule.dated]] : null, o.maintenance]);
      let eligibility = shared.get(key);
      if (!eligibility) {
        eligibility = new Eligibility({
          zone: model.zone,
          effectiveStart: model.effectiveStart,
          effectiveEnd: model.effectiveEnd,
          schedule: o.schedule,
          maintenance: o.maintenance,
        });
        shared.set(key, eligibility);
      }
      return new ObjectiveRun(o, eligibility, model.zone, at);
    });
    for (const run of this.runs) {
      const source = run.model.source;
      if (source.type === 'metric') {
        const id = this.route(source.metric, run, VALUE);
        if (run.model.reduction.type === 'mean') this.unitInterval[id] = 1;
      } else {
        for (const id of [this.route(source.numerator, run, NUMERATOR), this.route(source.total, run, TOTAL)]) {
          this.ratioMetric[id] = 1;
          if (run.model.counters) this.counterMetric[id] = 1;
          else this.plainRatioMetric[id] = 1;
        }
      }
    }
    this.readsCounters = this.counterMetric.includes(1);
    this.batchRoutes = batchRoutesOf(this.routesRun, this.routesRole, this.ratioMetric);
    this.rowKinds = new Uint8Array(this.metricNames.length + 1);
    for (let id = 0; id < this.metricNames.length; id++) {
      if (this.ratioMetric[id] !== 1) this.rowKinds[id + 1] = this.unitInterval[id] === 1 ? UNIT_VALUE : PLAIN_VALUE;
    }
  }

  wantsSeries(metric: number): boolean {
    return this.ratioMetric[metric] === 1;
  }

  /**
   * (1.1) After every source: counter series become increases in their runs (a first sample
   * only lists its period), and series that look cumulative draw a warning.
   */
  finishSeries(): void {
    this.series.flushCounters(
      (metric, t, increase) => this.forCounterRuns(metric, (run, role) => run.add(role, t, increase, this.latest)),
      (metric, t) =>
        this.forCounterRuns(metric, (run) => {
          if (run.eligibility.classify(t) !== OUTSIDE_EFFECTIVE) run.markSeen(t);
        }),
    );
    const indicatorOf = (metric: number) => this.routesRun[metric].find((run) => !run.model.counters)?.model.indicator ?? '';
    for (const warning of this.series.cumulativeWarnings(indicatorOf)) this.warn(warning);
  }

  private forCounterRuns(metric: number, action: (run: ObjectiveRun, role: Role) => void): void {
    const runs = this.routesRun[metric];
    for (let i = 0; i < runs.length; i++) if (runs[i].model.counters) action(runs[i], this.routesRole[metric][i]);
  }

  metricId(name: string): number {
    this.namesRead.add(name);
    return this.idByName.get(name) ?? -1;
  }

  /** Whether some sample of a metric that objectives read arrived. */
  hasSamples(name: string): boolean {
    const id = this.idByName.get(name);
    return id !== undefined && this.sampled[id] === 1;
  }

  add(metric: number, t: number, value: number, series?: string): string | undefined {
    if (t > this.latest) this.latest = t;
    if (t < this.earliest) this.earliest = t;
    if (metric < 0) return undefined;
    this.sampled[metric] = 1;
    if (this.unitInterval[metric] === 1 && !(value >= 0 && value <= 1)) return this.outsideUnit(metric, value);
    if (this.ratioMetric[metric] === 1) return this.addRatioSample(metric, t, value, series ?? this.metricNames[metric]);
    const runs = this.routesRun[metric];
    if (runs.length === 1) {
      runs[0].add(this.routesRole[metric][0], t, value, this.latest);
    } else {
      const roles = this.routesRole[metric];
      for (let i = 0; i < runs.length; i++) runs[i].add(roles[i], t, value, this.latest);
    }
    return undefined;
  }

  /**
   * `add` of each row, in order; the common rows (a metric read as values) without a call per
   * objective that takes the numbers. With few such routes (`batchRoutes`), this loop does
   * what each row does to the evaluator (for a batch of acceptable values only, `onlyValues`,
   * a loop over the times does it), then each objective takes its rows of the batch in
   * one loop of its own (ObjectiveRun.addRowsOf): an objective's samples arrive in the same
   * order, and objectives share nothing that the order between them could change. Else
   * (objectives that hold samples need the latest time at each row) every objective's part
   * of a row comes before the next row.
   */
  addRows(metrics: Int32Array, timestamps: Float64Array, values: Float64Array, count: number): RowRejection | undefined {
    const batchRoutes = this.batchRoutes;
    if (batchRoutes !== undefined && this.onlyValues(metrics, values, count)) {
      // Every row is a value of a metric objectives read, and acceptable: what each row does to
      // the evaluator is the batch's earliest and latest time, and `sampled` for the metrics
      // some route took a row of; no loop that does it all per row.
      let latest = this.latest;
      let earliest = this.earliest;
      for (let row = 0; row < count; row++) {
        const t = timestamps[row];
        if (t > latest) latest = t;
        if (t < earliest) earliest = t;
      }
      this.latest = latest;
      this.earliest = earliest;
      for (const route of batchRoutes) if (route.run.addRowsOf(route.role, route.metric, metrics, timestamps, values, count) > 0) this.sampled[route.metric] = 1;
      return undefined;
    }
    let taken = count;
    let rejection: RowRejection | undefined;
    for (let row = 0; row < count; row++) {
      const metric = metrics[row];
      let reason: string | undefined;
      if (metric >= 0 && this.ratioMetric[metric] !== 1) {
        const t = timestamps[row];
        if (t > this.latest) this.latest = t;
        if (t < this.earliest) this.earliest = t;
        this.sampled[metric] = 1;
        const value = values[row];
        if (this.unitInterval[metric] === 1 && !(value >= 0 && value <= 1)) {
          reason = this.outsideUnit(metric, value);
        } else if (batchRoutes === undefined) {
          const runs = this.routesRun[metric];
          const roles = this.routesRole[metric];
          for (let i = 0; i < runs.length; i++) runs[i].addRow(roles[i], timestamps, values, row, this);
        }
      } else {
        reason = this.add(metric, timestamps[row], values[row]);
      }
      if (reason !== undefined) {
        rejection = { row, reason };
        taken = row;
        break;
      }
    }
    if (batchRoutes !== undefined) for (const route of batchRoutes) route.run.addRowsOf(route.role, route.metric, metrics, timestamps, values, taken);
    return rejection;
  }

  /** Whether rows [0, count) are all values of metrics objectives read (not a ratio's) and none is refused (availability outside [0, 1]). */
  private onlyValues(metrics: Int32Array, values: Float64Array, count: number): boolean {
    const kinds = this.rowKinds;
    for (let row = 0; row < count; row++) {
      const kind = kinds[metrics[row] + 1];
      if (kind === PLAIN_VALUE) continue;
      if (kind !== UNIT_VALUE) return false;
      const value = values[row];
      if (!(value >= 0 && value <= 1)) return false;
    }
    return true;
  }

  private outsideUnit(metric: number, value: number): string {
    return messages(this.locale).t('evaluate.outsideUnit', { value, metric: this.metricNames[metric] });
  }

  /** A sample of a ratio's metric: kept per series for counters, watched and passed on for the others. */
  private addRatioSample(metric: number, t: number, value: number, series: string): string | undefined {
    if (this.counterMetric[metric] === 1) {
      const rejected = this.series.addCounter(metric, series, t, value);
      if (rejected !== undefined) return rejected;
    }
    if (this.plainRatioMetric[metric] !== 1) return undefined;
    this.series.watch(metric, series, t, value);
    const runs = this.routesRun[metric];
    const roles = this.routesRole[metric];
    for (let i = 0; i < runs.length; i++) if (!runs[i].model.counters) runs[i].add(roles[i], t, value, this.latest);
    return undefined;
  }

  rowsRead(count: number): void {
    this.rows += count;
    this.onProgress?.(this.rows);
  }

  /**
   * One sample of a run's metric in a given role, read by an interval source for that run
   * alone (other objectives reading the same metric ask for their own intervals). Returns
   * the reason when the value is not acceptable, like `add`.
   */
  addTo(run: ObjectiveRun, role: Role, t: number, value: number): string | undefined {
    if (t > this.latest) this.latest = t;
    if (t < this.earliest) this.earliest = t;
    if (run.model.reduction.type === 'mean' && !(value >= 0 && value <= 1)) {
      const source = run.model.source;
      return messages(this.locale).t('evaluate.outsideUnit', { value, metric: source.type === 'metric' ? source.metric : '' });
    }
    run.add(role, t, value, this.latest);
    return undefined;
  }

  /** A problem that did not stop the evaluation (a selector that matches no series); listed once in the report's `warnings`. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** (1.1) A server's summary of one series of a ratio metric read as per-interval counts (intervals.ts); judged in `finishSeries`. */
  watchSeries(metric: string, summary: SeriesSummary, start: number, end: number): void {
    const id = this.idByName.get(metric);
    if (id === undefined || this.plainRatioMetric[id] !== 1 || summary.count === 0) return;
    // Never decreasing: the first value is the minimum and the last the maximum.
    const watched = { metric: id, count: summary.count, first: summary.min, firstTime: start, last: summary.max, lastTime: end - 1, ordered: true, rising: summary.decreases === 0 };
    this.series.mergeWatched([[summary.series, watched]]);
  }

  /** What an interval source sent, for the report's `queries` (with `explain`). */
  logQueries(log: QueryLogReport): void {
    this.queryLogs.push(log);
  }

  /** What was gathered, as plain data (a worker thread sends it to the main one). */
  exportState(): EvaluatorState {
    const sampled: number[] = [];
    this.sampled.forEach((flag, id) => flag === 1 && sampled.push(id));
    return { latest: this.latest, earliest: this.earliest, rows: this.rows, namesRead: [...this.namesRead], sampled, watched: this.series.exportWatched(), runs: this.runs.map((r) => r.exportState()) };
  }

  /** Adds what another evaluator of the same contract gathered (the rows count too). */
  merge(state: EvaluatorState): void {
    if (state.latest > this.latest) this.latest = state.latest;
    if (state.earliest < this.earliest) this.earliest = state.earliest;
    for (const name of state.namesRead) this.namesRead.add(name);
    for (const id of state.sampled) this.sampled[id] = 1;
    this.series.mergeWatched(state.watched);
    this.runs.forEach((run, i) => run.merge(state.runs[i]));
    this.rowsRead(state.rows);
  }

  report(explain: boolean): Report {
    const model = this.model;
    const zone = model.zone;
    const rolling = this.runs.some((r) => r.model.window.type === 'rolling');
    // With no sample read and no --at, the rolling windows end now.
    const at = this.at ?? (this.latest > -Infinity ? this.latest : Date.now());
    for (const run of this.runs) if (run.model.window.type === 'rolling') run.finishRolling(at);
    for (const run of this.runs) {
      const o = run.model;
      if (!o.missingDown || o.everyMs === undefined || this.latest === -Infinity) continue;
      run.coverPeriods(Math.max(this.earliest, model.effectiveStart), Math.min(this.horizon(o.everyMs), model.effectiveEnd));
    }

    const owed: (OwedCredit & { result: ResultReport })[] = [];
    const objectives: ObjectiveReport[] = this.runs.map((run) => {
      const o = run.model;
      const results: ResultReport[] = run.results().map((acc) => {
        const sampling = this.sampling(run, acc);
        const attained = sampling.missingDownAttained !== undefined ? sampling.missingDownAttained : acc.attained(o.reduction);
        // (1.1) Too few of the expected samples: neither met nor breached (before no-data).
        const insufficient = o.coverage !== undefined && sampling.coverage !== null && !satisfies(sampling.coverage, '>=', o.coverage);
        const status: ResultStatus = insufficient
          ? 'insufficient-data'
          : attained === null
            ? 'no-data'
            : satisfies(attained, o.op, o.target)
              ? 'met'
              : 'breached';
        // Only calendar periods earn credits (a rolling window's breach owes nothing).
        const tier: TierModel | undefined =
          status === 'breached' && o.window.type === 'calendar' ? applicableTier(o.tiers, attained!) : undefined;
        const result: ResultReport = {
          start: zone.format(acc.start),
          end: zone.format(acc.end),
          samples: acc.count,
          attained,
          status,
          credit: tier?.credit ?? 0,
          coverage: sampling.coverage,
        };
        if (sampling.partial || run.partial.has(acc.start)) result.partial = true;
        if (explain) {
          result.explain = {
            outsideEffective: acc.outsideEffective,
            outsideSchedule: acc.outsideSchedule,
            inMaintenance: acc.inMaintenance,
            tier: tier
              ? { direction: tier.direction, threshold: tier.written.value, unit: tier.written.unit, credit: tier.credit }
              : null,
            capped: false,
          };
        }
        if (tier !== undefined && o.window.type === 'calendar' && result.credit > 0) {
          owed.push({ start: acc.start, end: acc.end, period: o.window.period, credit: result.credit, result });
        }
        return result;
      });
      return {
        name: o.name,
        indicator: o.indicator,
        target: { ...o.written },
        results,
        title: o.title,
        kind: o.kind,
        unit: o.unit,
        window: o.windowText,
      };
    });
    const intervals = creditsByInterval(owed, model.cap, model.fee);
    if (explain) {
      const cut = new Set(intervals.filter((i) => i.uncapped > i.percent).map((i) => `${i.start}/${i.end}`));
      for (const o of owed) if (cut.has(`${o.start}/${o.end}`)) o.result.explain!.capped = true;
    }
    const report: Report = {
      sla: model.name,
      version: model.version,
      objectives,
      credits: intervals.map((i) => ({
        start: zone.format(i.start),
        end: zone.format(i.end),
        percent: i.percent,
        amount: i.amount,
        currency: i.currency,
        period: i.period,
        uncapped: i.uncapped,
        cap: model.cap,
      })),
      title: model.title,
      timezone: zone.name,
      at: rolling ? zone.format(at) : null,
      metricsRead: this.rows,
      warnings: [...this.warnings],
    };
    if (explain && this.queryLogs.length > 0) report.queries = this.queryLogs.map((q) => ({ ...q, first: [...q.first] }));
    return report;
  }

  /** (1.1) Where measured time ends for an indicator with `every I`: the latest sample read (any metric) plus I, or a server's end. */
  private horizon(everyMs: number): number {
    return horizonOf(this.measured(), everyMs);
  }

  measured(): MeasuredTime {
    return { serverEnd: this.horizonEnd ?? null, latest: this.latest };
  }

  /**
   * (1.1) What `every` says about a result: its coverage (null without `every` or when no
   * time was eligible), the `missing down` attained value (undefined when not applicable,
   * null for a period with no eligible time) and whether the data stops before its end.
   */
  private sampling(run: ObjectiveRun, acc: PeriodAccumulator): { coverage: number | null; missingDownAttained?: number | null; partial: boolean } {
    const o = run.model;
    const every = o.everyMs;
    if (every === undefined) return { coverage: null, partial: false };
    const horizon = this.horizon(every);
    const eligibleMs = eligibleTime(run.eligibility, acc.start, Math.min(acc.end, horizon));
    const coverage = eligibleMs > 0 ? 100 * Math.min(1, (acc.count * every) / eligibleMs) : null;
    const partial = o.window.type === 'calendar' && horizon < acc.end;
    if (!o.missingDown) return { coverage, partial };
    const expected = eligibleMs / every;
    return { coverage, partial, missingDownAttained: eligibleMs > 0 ? acc.meanOver(Math.max(acc.count, expected)) : null };
  }

  private route(name: string, run: ObjectiveRun, role: Role): number {
    let id = this.idByName.get(name);
    if (id === undefined) {
      id = this.metricNames.length;
      this.metricNames.push(name);
      this.idByName.set(name, id);
      this.routesRun.push([]);
      this.routesRole.push([]);
      this.unitInterval.push(0);
      this.sampled.push(0);
      this.ratioMetric.push(0);
      this.counterMetric.push(0);
      this.plainRatioMetric.push(0);
    }
    this.routesRun[id].push(run);
    this.routesRole[id].push(role);
    return id;
  }
}
