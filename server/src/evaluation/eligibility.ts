// Which instants count for an objective (LANGUAGE.md section 5, "Which samples count"):
// inside the `effective` dates, inside the `during` schedule, outside every `excluding`
// maintenance window. The rules are turned into sorted UTC segments, one local calendar
// month at a time (schedules and recurring maintenance are evaluated per local day on the
// wall clock, so DST changes fall out of the local→UTC conversion), and samples are then
// classified by a cached segment or a binary search: no time-zone work per sample.
import { MS_PER_DAY, MS_PER_MINUTE, civilFromDays, daysFromCivil, weekdayOfDays } from '../language/calendar';
import type { ZoneRules } from './timezone';

/** Classes of an instant, in the order the rules are applied (a sample counts under the first rule that leaves it out). */
export const ELIGIBLE = 0;
export const OUTSIDE_EFFECTIVE = 1;
export const OUTSIDE_SCHEDULE = 2;
export const IN_MAINTENANCE = 3;
export type InstantClass = typeof ELIGIBLE | typeof OUTSIDE_EFFECTIVE | typeof OUTSIDE_SCHEDULE | typeof IN_MAINTENANCE;

/** A daily time range on the wall clock, minutes from local midnight, end exclusive (1440 = 24:00). */
export interface DailyRange {
  /** Weekdays it applies to: index 0 = Monday … 6 = Sunday. */
  days: readonly boolean[];
  start: number;
  end: number;
}

export interface ScheduleRules {
  ranges: DailyRange[];
  /** Local day numbers (days since 1970-01-01) on which the schedule does not apply. */
  holidays: ReadonlySet<number>;
  /** (1.1) `on` dates: local day number → that day's only ranges (minutes), whatever its weekday. */
  dated: ReadonlyMap<number, readonly { start: number; end: number }[]>;
}

export interface MaintenanceRules {
  recurring: DailyRange[];
  /** One-off windows, UTC [start, end). */
  windows: { start: number; end: number }[];
}

export interface EligibilityRules {
  zone: ZoneRules;
  /** UTC [start, end); ±Infinity when open. */
  effectiveStart: number;
  effectiveEnd: number;
  /** Absent: every instant is inside the schedule. */
  schedule?: ScheduleRules;
  maintenance: MaintenanceRules[];
}

/** The segments of one local calendar month. */
interface Chunk {
  start: number;
  end: number;
  /** Start of each segment; segment i ends where i + 1 starts (the last at `end`). */
  bounds: Float64Array;
  classes: Uint8Array;
}

export interface Segment {
  start: number;
  end: number;
  cls: InstantClass;
}

export class Eligibility {
  private readonly rules: EligibilityRules;
  /** Chunks built so far, sorted by start. */
  private readonly chunks: Chunk[] = [];
  // NaN, not 0: doubles from the start, [NaN, NaN) holds nothing (see CalendarPeriods.start).
  private hitStart = NaN;
  private hitEnd = NaN;
  private hitClass: InstantClass = ELIGIBLE;

  constructor(rules: EligibilityRules) {
    this.rules = rules;
  }

  /** The class of an instant (epoch ms). */
  classify(t: number): InstantClass {
    if (t >= this.hitStart && t < this.hitEnd) return this.hitClass;
    return this.lookUp(t);
  }

  /** The segment of one class holding the instant classified last: [start, end) (callers may skip `classify` inside it). */
  get lastSegment(): { readonly start: number; readonly end: number } {
    return { start: this.hitStart, end: this.hitEnd };
  }

  /** The segments covering [from, to), merged across months (for tests and explanations). */
  segments(from: number, to: number): Segment[] {
    const out: Segment[] = [];
    let t = from;
    while (t < to) {
      const chunk = this.chunkOf(t);
      const i = segmentIndex(chunk, t);
      const end = Math.min(i + 1 < chunk.bounds.length ? chunk.bounds[i + 1] : chunk.end, to);
      const cls = chunk.classes[i] as InstantClass;
      const last = out[out.length - 1];
      if (last && last.cls === cls && last.end === t) last.end = end;
      else out.push({ start: t, end, cls });
      t = end;
    }
    return out;
  }

  private lookUp(t: number): InstantClass {
    const chunk = this.chunkOf(t);
    const i = segmentIndex(chunk, t);
    this.hitStart = chunk.bounds[i];
    this.hitEnd = i + 1 < chunk.bounds.length ? chunk.bounds[i + 1] : chunk.end;
    this.hitClass = chunk.classes[i] as InstantClass;
    return this.hitClass;
  }

  private chunkOf(t: number): Chunk {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (chunks[mid].end <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < chunks.length && chunks[lo].start <= t) return chunks[lo];
    const chunk = this.build(t);
    chunks.splice(lo, 0, chunk);
    return chunk;
  }

  /** Builds the month chunk holding t. */
  private build(t: number): Chunk {
    const { zone } = this.rules;
    const { year, month } = civilFromDays(Math.floor(zone.toLocal(t) / MS_PER_DAY));
    let firstDay = daysFromCivil(year, month, 1);
    let nextDay = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    let start = zone.startOfDay(firstDay);
    let end = zone.startOfDay(nextDay);
    // Where a DST change crosses midnight the local date and the day's bounds can disagree: step.
    while (t < start) {
      nextDay = firstDay;
      end = start;
      const prev = civilFromDays(firstDay - 1);
      firstDay = daysFromCivil(prev.year, prev.month, 1);
      start = zone.startOfDay(firstDay);
    }
    while (t >= end) {
      firstDay = nextDay;
      start = end;
      const c = civilFromDays(firstDay);
      nextDay = c.month === 12 ? daysFromCivil(c.year + 1, 1, 1) : daysFromCivil(c.year, c.month + 1, 1);
      end = zone.startOfDay(nextDay);
    }
    return this.segmentsOf(start, end, firstDay, nextDay);
  }

  private segmentsOf(start: number, end: number, firstDay: number, nextDay: number): Chunk {
    const { zone, schedule, maintenance, effectiveStart, effectiveEnd } = this.rules;
    const inSchedule: number[] = []; // flat [start, end, start, end, …]
    const inMaintenance: number[] = [];
    for (let day = firstDay; day < nextDay; day++) {
      const weekday = weekdayOfDays(day);
      if (schedule && !schedule.holidays.has(day)) {
        // A make-up working day (`on`) has exactly its own ranges; other days follow the day lines.
        const dated = schedule.dated.get(day);
        if (dated) for (const r of dated) addRange(inSchedule, r.start, r.end, day, zone);
        else addDaily(inSchedule, schedule.ranges, day, weekday, zone);
      }
      for (const m of maintenance) addDaily(inMaintenance, m.recurring, day, weekday, zone);
    }
    for (const m of maintenance) {
      for (const w of m.windows) if (w.end > start && w.start < end) inMaintenance.push(w.start, w.end);
    }
    const scheduleSet = union(inSchedule);
    const maintenanceSet = union(inMaintenance);
    const cuts = new Set<number>([start]);
    for (const x of [effectiveStart, effectiveEnd, ...scheduleSet, ...maintenanceSet]) if (x > start && x < end) cuts.add(x);
    const sorted = [...cuts].sort((a, b) => a - b);
    const bounds: number[] = [];
    const classes: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i];
      let cls: InstantClass;
      if (a < effectiveStart || a >= effectiveEnd) cls = OUTSIDE_EFFECTIVE;
      else if (schedule && !contains(scheduleSet, a)) cls = OUTSIDE_SCHEDULE;
      else if (contains(maintenanceSet, a)) cls = IN_MAINTENANCE;
      else cls = ELIGIBLE;
      if (classes.length > 0 && classes[classes.length - 1] === cls) continue;
      bounds.push(a);
      classes.push(cls);
    }
    return { start, end, bounds: Float64Array.from(bounds), classes: Uint8Array.from(classes) };
  }
}

function segmentIndex(chunk: Chunk, t: number): number {
  const bounds = chunk.bounds;
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bounds[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Adds the UTC intervals of the daily ranges that apply on a local day. */
function addDaily(out: number[], ranges: DailyRange[], day: number, weekday: number, zone: ZoneRules): void {
  for (const r of ranges) if (r.days[weekday]) addRange(out, r.start, r.end, day, zone);
}

/** Adds the UTC interval of minutes [start, end) of a local day (an end of 24:00 is the next local midnight). */
function addRange(out: number[], start: number, end: number, day: number, zone: ZoneRules): void {
  const from = zone.toUtc(day * MS_PER_DAY + start * MS_PER_MINUTE);
  const to = end >= 1440 ? zone.startOfDay(day + 1) : zone.toUtc(day * MS_PER_DAY + end * MS_PER_MINUTE);
  if (to > from) out.push(from, to);
}

/** Union of flat [start, end) pairs → sorted disjoint flat pairs. */
function union(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length > 0 && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

/** Whether sorted disjoint flat pairs contain t. */
function contains(set: number[], t: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (t < set[i]) return false;
    if (t < set[i + 1]) return true;
  }
  return false;
}
