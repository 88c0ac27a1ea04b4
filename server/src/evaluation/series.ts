// Series of ratio metrics (LANGUAGE.md §5 1.1): a series is a metric with its label values.
// Under `counters` each series' samples are kept, sorted by time at the end and turned
// into increases (a drop is a reset: the new value is the increase); two samples of one
// series at one timestamp are a data error. Without `counters`, each series is watched for
// looking cumulative (at least 10 samples, never decreasing in time order, ending above
// 10 times its first value), which draws a warning.
import { messages, type Locale } from '../l10n/index';

/** What the evaluator is told back: one increase of a counter series at an instant (not for a series' first sample). */
export type IncreaseSink = (metric: number, t: number, increase: number) => void;
/** A counter series' first sample: it adds nothing, but its period is listed (its total is 0). */
export type FirstSampleSink = (metric: number, t: number) => void;

interface CounterSeries {
  metric: number;
  times: number[];
  values: number[];
  seen: Set<number>;
}

/** What is known of a watched series (plain data: parts read on other threads send it). */
export interface WatchedSeries {
  metric: number;
  count: number;
  first: number;
  firstTime: number;
  last: number;
  lastTime: number;
  /** False once a sample arrived earlier than the one before: the time order is then unknown here. */
  ordered: boolean;
  rising: boolean;
}

/** Cumulative-looking: at least this many samples. */
const MIN_SAMPLES = 10;

export class SeriesTracker {
  private readonly counters = new Map<string, CounterSeries>();
  private readonly watched = new Map<string, WatchedSeries>();
  private readonly locale: Locale | undefined;

  constructor(locale: Locale | undefined) {
    this.locale = locale;
  }

  /** A sample of a counter series; returns the reason when it repeats a timestamp of its series. */
  addCounter(metric: number, series: string, t: number, value: number): string | undefined {
    let s = this.counters.get(series);
    if (s === undefined) {
      s = { metric, times: [], values: [], seen: new Set() };
      this.counters.set(series, s);
    }
    if (s.seen.has(t)) return messages(this.locale).t('evaluate.counterDuplicate', { series });
    s.seen.add(t);
    s.times.push(t);
    s.values.push(value);
    return undefined;
  }

  /** A sample of a ratio metric read as per-interval counts: watched for looking cumulative. */
  watch(metric: number, series: string, t: number, value: number): void {
    const s = this.watched.get(series);
    if (s === undefined) {
      this.watched.set(series, { metric, count: 1, first: value, firstTime: t, last: value, lastTime: t, ordered: true, rising: true });
      return;
    }
    s.count++;
    if (t < s.lastTime) s.ordered = false;
    if (value < s.last) s.rising = false;
    s.last = value;
    s.lastTime = t;
  }

  /** The watched series as plain data (a part of a file read on another thread). */
  exportWatched(): [string, WatchedSeries][] {
    return [...this.watched];
  }

  /** Adds what a later part of the same source watched (parts arrive in source order). */
  mergeWatched(parts: readonly [string, WatchedSeries][]): void {
    for (const [series, b] of parts) {
      const a = this.watched.get(series);
      if (a === undefined) {
        this.watched.set(series, { ...b });
        continue;
      }
      a.count += b.count;
      a.ordered = a.ordered && b.ordered && b.firstTime >= a.lastTime;
      a.rising = a.rising && b.rising && b.first >= a.last;
      a.last = b.last;
      a.lastTime = b.lastTime;
    }
  }

  /** Sends every counter series' increases in time order (and its first sample), then forgets them. */
  flushCounters(onIncrease: IncreaseSink, onFirst: FirstSampleSink): void {
    for (const s of this.counters.values()) {
      const order = s.times.map((_, i) => i).sort((a, b) => s.times[a] - s.times[b]);
      onFirst(s.metric, s.times[order[0]]);
      for (let k = 1; k < order.length; k++) {
        const previous = s.values[order[k - 1]];
        const value = s.values[order[k]];
        onIncrease(s.metric, s.times[order[k]], value >= previous ? value - previous : value);
      }
    }
    this.counters.clear();
  }

  /** One warning per watched series that looks cumulative; `indicatorOf` names the indicator reading its metric. */
  cumulativeWarnings(indicatorOf: (metric: number) => string): string[] {
    const { t } = messages(this.locale);
    const out: string[] = [];
    for (const [series, s] of this.watched) {
      if (s.count < MIN_SAMPLES || !s.ordered || !s.rising) continue;
      if (!(s.first === 0 ? s.last > 0 : s.last > 10 * s.first)) continue;
      out.push(t('evaluate.cumulativeSeries', { series, count: s.count, first: s.first, last: s.last, indicator: indicatorOf(s.metric) }));
    }
    return out;
  }
}
