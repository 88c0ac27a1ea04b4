// The contract's time zone: UTC offsets from the IANA database (through luxon, which reads
// the platform's Intl data), the local↔UTC conversions of LANGUAGE.md section 5, and RFC 3339
// formatting. Offsets are looked up once per constant-offset stretch, never per sample:
// the transitions of each month are found once (sampled, then bisected to the millisecond)
// and every later lookup is a cache hit or a binary search. By month, not by year: an
// evaluation touches a few months (its data, its effective dates, and the day before and
// after each, which would each cost a whole neighbouring year of probes).
import { IANAZone } from 'luxon';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, civilFromDays, daysFromCivil, formatLocal, formatOffset } from '../language/calendar';

/** Step between offset probes when looking for transitions: shorter than any real DST period. */
const PROBE_STEP = 6 * MS_PER_HOUR;

interface MonthRules {
  start: number; // UTC ms of the month's first instant (by UTC calendar)
  end: number;
  /** Instants at which a new offset begins, ascending; offsets[i] applies from at[i]. */
  at: number[];
  /** offsets[0] applies from `start`; offsets[i + 1] from at[i]. */
  offsets: number[];
}

export class ZoneRules {
  readonly name: string;
  private readonly zone: IANAZone | undefined;
  /** The zone's offsets straight from Intl (`longOffset`), undefined where the platform lacks it (then luxon's). */
  private readonly offsetFormat: Intl.DateTimeFormat | undefined;
  /** By month: year × 12 + month − 1 (UTC calendar). */
  private readonly months = new Map<number, MonthRules>();
  // Last constant-offset stretch found: [hitStart, hitEnd) has offset hitOffset (minutes).
  // NaN, not 0: doubles from the start, [NaN, NaN) holds nothing (see CalendarPeriods.start).
  private hitStart = NaN;
  private hitEnd = NaN;
  private hitOffset = 0;
  // Last local hour resolved by localToUtc: [localHourStart, +1h) maps with localHourOffset.
  private localHourStart = NaN;
  private localHourOffset = 0;

  private constructor(name: string, zone: IANAZone | undefined) {
    this.name = name;
    this.zone = zone;
    this.offsetFormat = zone ? longOffsetFormat(name) : undefined;
    if (!zone) {
      this.hitStart = -Infinity;
      this.hitEnd = Infinity;
    }
  }

  /** The rules of an IANA zone name, or undefined when the platform does not know it. */
  static of(name: string): ZoneRules | undefined {
    if (name === 'UTC' || name === 'Etc/UTC') return new ZoneRules(name, undefined);
    if (!IANAZone.isValidZone(name)) return undefined;
    return new ZoneRules(name, IANAZone.create(name));
  }

  static readonly utc = new ZoneRules('UTC', undefined);

  /** Offset from UTC in minutes at an instant. */
  offsetAt(utc: number): number {
    if (utc >= this.hitStart && utc < this.hitEnd) return this.hitOffset;
    return this.lookUp(utc);
  }

  /** Local milliseconds (wall-clock fields read as UTC) of an instant. */
  toLocal(utc: number): number {
    return utc + this.offsetAt(utc) * MS_PER_MINUTE;
  }

  /**
   * The instant of a local wall-clock time (LANGUAGE.md 5): a time repeated by a DST change
   * is the earlier instant; a skipped one is read with the offset in force before the change
   * (Temporal's `compatible` disambiguation).
   */
  toUtc(local: number): number {
    const hour = Math.floor(local / MS_PER_HOUR) * MS_PER_HOUR;
    if (hour === this.localHourStart) return local - this.localHourOffset * MS_PER_MINUTE;
    const utc = this.resolveLocal(local);
    // Cache the hour only when its first and last millisecond resolve with the same offset:
    // a transition inside the hour (at most one) would make them differ.
    const offset = (local - utc) / MS_PER_MINUTE;
    const first = this.resolveLocal(hour);
    const last = this.resolveLocal(hour + MS_PER_HOUR - 1);
    if ((hour - first) / MS_PER_MINUTE === offset && (hour + MS_PER_HOUR - 1 - last) / MS_PER_MINUTE === offset) {
      this.localHourStart = hour;
      this.localHourOffset = offset;
    }
    return utc;
  }

  /** The instant of local midnight starting a day number (start of day per `toUtc`). */
  startOfDay(days: number): number {
    return this.toUtc(days * MS_PER_DAY);
  }

  /** RFC 3339 with a numeric offset in this zone: `2026-10-01T00:00:00+08:00`. */
  format(utc: number): string {
    const offset = this.offsetAt(utc);
    return formatLocal(utc + offset * MS_PER_MINUTE) + formatOffset(offset);
  }

  private resolveLocal(local: number): number {
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    const earlier = local - before * MS_PER_MINUTE;
    const earlierValid = this.offsetAt(earlier) === before;
    if (before === after) {
      if (earlierValid) return earlier;
    } else {
      const later = local - after * MS_PER_MINUTE;
      const laterValid = this.offsetAt(later) === after;
      if (earlierValid && laterValid) return Math.min(earlier, later);
      if (earlierValid) return earlier;
      if (laterValid) return later;
    }
    // In a gap: the offset in force before the change.
    return earlier;
  }

  private lookUp(utc: number): number {
    const rules = this.monthRules(utc);
    const { at, offsets } = rules;
    // Binary search for the last transition at or before `utc`.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid] <= utc) lo = mid + 1;
      else hi = mid;
    }
    this.hitStart = lo === 0 ? rules.start : at[lo - 1];
    this.hitEnd = lo === at.length ? rules.end : at[lo];
    this.hitOffset = offsets[lo];
    return this.hitOffset;
  }

  /** The rules of the UTC month holding `utc`. */
  private monthRules(utc: number): MonthRules {
    const { year, month } = civilFromDays(Math.floor(utc / MS_PER_DAY));
    const key = year * 12 + month - 1;
    let rules = this.months.get(key);
    if (rules) return rules;
    const start = daysFromCivil(year, month, 1) * MS_PER_DAY;
    const end = (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) * MS_PER_DAY;
    const zone = this.zone!;
    const format = this.offsetFormat;
    const probe = (t: number): number => {
      const offset = format ? intlOffset(format, t) : zone.offset(t);
      if (!Number.isFinite(offset)) throw new RangeError(`instant ${t} is outside the supported range`);
      // Local mean time (before standard zones) has offsets with seconds: whole minutes here,
      // so that reading and writing local times agree.
      return Math.round(offset);
    };
    const at: number[] = [];
    const offsets = [probe(start)];
    let t = start;
    let current = offsets[0];
    while (t < end) {
      const next = Math.min(t + PROBE_STEP, end - 1);
      const offset = probe(next);
      if (offset !== current) {
        // Bisect to the first millisecond with the new offset.
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (probe(mid) === current) lo = mid;
          else hi = mid;
        }
        at.push(hi);
        offsets.push(offset);
        current = offset;
      }
      if (next === end - 1) break;
      t = next;
    }
    rules = { start, end, at, offsets };
    this.months.set(key, rules);
    return rules;
  }
}

// Finding a year's transitions asks for the offset at about 1,500 instants; Intl's own
// `longOffset` name ("GMT+08:00") is read several times faster than luxon's offset, which
// formats every date field and parses them back (the contract's first seconds in
// `sla evaluate`). Both read the platform's Intl data: test/evaluation/timezone.test.ts
// compares them over two centuries of many zones.
function longOffsetFormat(name: string): Intl.DateTimeFormat | undefined {
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    return Number.isNaN(intlOffset(format, 0)) ? undefined : format;
  } catch {
    return undefined;
  }
}

const LONG_OFFSET = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/;

/** Minutes east of UTC (with seconds as a fraction) at an instant, from the `longOffset` name; NaN when unreadable. */
export function intlOffset(format: Intl.DateTimeFormat, t: number): number {
  const m = LONG_OFFSET.exec(format.format(t));
  if (m === null) return NaN;
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
  return m[1] === '-' ? -minutes : minutes;
}
