// Sample timestamps (LANGUAGE.md section 5), read from bytes:
// - RFC 3339 with `Z` or a `±HH:MM` offset (`T`, `t` or a space between date and time;
//   seconds and a fraction optional);
// - `YYYY-MM-DD HH:MM[:SS]` without an offset: local time in the contract's zone;
// - a bare number: Unix seconds (fractions allowed) below 1e11, else Unix milliseconds.
// The reader remembers the last `YYYY-MM-DDTHH:MM` prefix it decoded, so consecutive rows
// of the same minute cost a 16-byte comparison instead of a calendar computation.
import { MS_PER_MINUTE, daysInMonth, localMs } from '../language/calendar';
import type { ZoneRules } from './timezone';
import { messages, type Locale } from '../l10n/index';

/** A bare number below this is Unix seconds, at or above it Unix milliseconds. */
const UNIX_SECONDS_LIMIT = 100_000_000_000;

const PREFIX = 16; // `YYYY-MM-DDTHH:MM`
/** Instants of the years 0000–9999 (UTC): what the calendar code and time-zone data cover. */
export const MIN_INSTANT = -62_167_219_200_000;
export const MAX_INSTANT = 253_402_300_799_999;

export class TimestampReader {
  /** After `scan`: the offset just past the timestamp's last byte. */
  end = 0;
  private readonly zone: ZoneRules;
  private readonly prefix = new Uint8Array(PREFIX);
  private prefixValid = false;
  /** NaN, not 0: a double from the start (see CalendarPeriods.start). */
  private prefixLocal = NaN;

  constructor(zone: ZoneRules) {
    this.zone = zone;
  }

  /** Epoch milliseconds of the timestamp that is exactly bytes [start, end), or NaN. */
  read(b: Uint8Array, start: number, end: number): number {
    const t = this.scan(b, start, end);
    return this.end === end ? t : NaN;
  }

  /** The same for a string (command-line `--at`, JSON string values). */
  readString(text: string): number {
    const bytes = Buffer.from(text.trim(), 'utf8');
    return this.read(bytes, 0, bytes.length);
  }

  /**
   * Reads the timestamp starting at `start`, ending where its syntax ends (not after
   * `max`); sets `end`. NaN when the bytes there do not start a valid timestamp.
   */
  scan(b: Uint8Array, start: number, max: number): number {
    const t =
      max - start >= PREFIX && b[start + 4] === 0x2d && b[start + 7] === 0x2d
        ? this.scanDateTime(b, start, max)
        : this.scanUnix(b, start, max);
    return t >= MIN_INSTANT && t <= MAX_INSTANT ? t : NaN;
  }

  private scanDateTime(b: Uint8Array, start: number, max: number): number {
    let local: number;
    const prefix = this.prefix;
    let same = this.prefixValid;
    if (same) {
      for (let i = 0; i < PREFIX; i++) {
        if (b[start + i] !== prefix[i]) {
          same = false;
          break;
        }
      }
    }
    if (same) {
      local = this.prefixLocal;
    } else {
      local = decodePrefix(b, start);
      if (local !== local) return NaN;
      for (let i = 0; i < PREFIX; i++) prefix[i] = b[start + i];
      this.prefixValid = true;
      this.prefixLocal = local;
    }
    let p = start + PREFIX;
    if (p + 3 <= max && b[p] === 0x3a) {
      const second = twoDigits(b, p + 1);
      if (!(second <= 59)) return NaN;
      local += second * 1000;
      p += 3;
      if (p < max && b[p] === 0x2e) {
        p++;
        let fraction = 0;
        let scale = 1;
        const first = p;
        while (p < max) {
          const c = b[p];
          if (c < 0x30 || c > 0x39) break;
          if (scale < 1e15) {
            fraction = fraction * 10 + (c - 0x30);
            scale *= 10;
          }
          p++;
        }
        if (p === first) return NaN;
        local += (fraction * 1000) / scale;
      }
    }
    const c = p < max ? b[p] : 0;
    if (c === 0x5a || c === 0x7a) {
      this.end = p + 1;
      return local;
    }
    if ((c === 0x2b || c === 0x2d) && p + 6 <= max && b[p + 3] === 0x3a) {
      const hours = twoDigits(b, p + 1);
      const minutes = twoDigits(b, p + 4);
      if (!(hours <= 23 && minutes <= 59)) return NaN;
      this.end = p + 6;
      const offset = (hours * 60 + minutes) * MS_PER_MINUTE;
      return c === 0x2b ? local - offset : local + offset;
    }
    this.end = p;
    return this.zone.toUtc(local);
  }

  /** A bare Unix number: `[-]digits[.digits]`, seconds below 1e11 and milliseconds otherwise. */
  private scanUnix(b: Uint8Array, start: number, max: number): number {
    let p = start;
    const negative = p < max && b[p] === 0x2d;
    if (negative) p++;
    let whole = 0;
    let wholeDigits = 0;
    while (p < max) {
      const c = b[p];
      if (c < 0x30 || c > 0x39) break;
      whole = whole * 10 + (c - 0x30);
      wholeDigits++;
      p++;
    }
    if (wholeDigits === 0 || wholeDigits > 16) return NaN;
    let fraction = 0;
    let scale = 1;
    if (p < max && b[p] === 0x2e) {
      p++;
      const first = p;
      while (p < max) {
        const c = b[p];
        if (c < 0x30 || c > 0x39) break;
        if (scale < 1e9) {
          fraction = fraction * 10 + (c - 0x30);
          scale *= 10;
        }
        p++;
      }
      if (p === first) return NaN;
    }
    this.end = p;
    const signed = negative ? -1 : 1;
    if (negative || whole + fraction / scale < UNIX_SECONDS_LIMIT) {
      // Seconds: (whole·scale + fraction)·1000 / scale is exact below 2^53, and then one rounding.
      const scaled = whole * scale + fraction;
      const ms = scaled * 1000 < 9007199254740992 ? (scaled * 1000) / scale : (whole + fraction / scale) * 1000;
      return signed * ms;
    }
    return signed * (whole + fraction / scale);
  }
}

/** Local milliseconds of `YYYY-MM-DD?HH:MM` at `start`, or NaN. */
export function decodePrefix(b: Uint8Array, start: number): number {
  const sep = b[start + 10];
  if (sep !== 0x54 && sep !== 0x74 && sep !== 0x20) return NaN;
  if (b[start + 13] !== 0x3a) return NaN;
  const year = twoDigits(b, start) * 100 + twoDigits(b, start + 2);
  const month = twoDigits(b, start + 5);
  const day = twoDigits(b, start + 8);
  const hour = twoDigits(b, start + 11);
  const minute = twoDigits(b, start + 14);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59)) return NaN;
  if (day > daysInMonth(year, month)) return NaN;
  return localMs(year, month, day, hour, minute);
}

/** Two ASCII digits as a number, or NaN. */
function twoDigits(b: Uint8Array, p: number): number {
  const d1 = b[p] - 0x30;
  const d2 = b[p + 1] - 0x30;
  if (!(d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return NaN;
  return d1 * 10 + d2;
}

/** Why a timestamp text could not be read (for error messages; slow path only), in the locale's words. */
export function describeBadTimestamp(text: string, locale?: Locale): string {
  const { t } = messages(locale);
  const timestamp = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (text.trim() === '') return t('timestamp.empty');
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return t('timestamp.impossibleDate', { timestamp });
    if (hour > 23 || minute > 59 || second > 59) return t('timestamp.impossibleTime', { timestamp });
    if (/^.{16}(:\d\d(\.\d+)?)?([Zz]|[+-]\d\d:\d\d)?$/.test(text.trim())) return t('timestamp.outOfRange', { timestamp });
    return t('timestamp.badOffset', { timestamp });
  }
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return t('timestamp.outOfRange', { timestamp });
  return t('timestamp.bad', { timestamp });
}
