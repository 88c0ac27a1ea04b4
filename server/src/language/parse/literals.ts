// Decoding and validation of literal tokens (LANGUAGE.md section 2). Lexing is generous
// (`9:5`, `2026-13-01` are tokens) so that these functions can say precisely what is wrong.
import { daysInMonth } from '../calendar';
import { orList, type Translate } from '../wording';
import { messages } from '../../l10n/messages';

/** English unless the parser says otherwise: the AST builder reads only whether there is a problem. */
const ENGLISH = messages().t;

/** A problem inside a literal, relative to the literal's start. */
export interface LiteralProblem {
  code: 'SLA001' | 'SLA002';
  message: string;
  /** Offsets relative to the token start. */
  start: number;
  end: number;
}

export interface DecodedString {
  value: string;
  valid: boolean;
  closed: boolean;
  problems: LiteralProblem[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };
/** The escapes a string may hold, for messages: `\"`, `\\`, `\n`, `\t` or `\u{XXXX}`. */
const escapes = (t: Translate) => orList(t, ['`\\"`', '`\\\\`', '`\\n`', '`\\t`', '`\\u{XXXX}`']);

/**
 * The value of a string token's image when it is closed and has no escapes (most strings), else
 * undefined: what `decodeString` gives then, without its record (the AST builder, per string).
 */
export function plainStringValue(image: string): string | undefined {
  return image.length >= 2 && image.charCodeAt(image.length - 1) === 34 && image.indexOf('\\') === -1 ? image.slice(1, -1) : undefined;
}

/** Decodes a string token's image (with its quotes; the closing one may be missing). */
export function decodeString(image: string, t: Translate = ENGLISH): DecodedString {
  const plain = plainStringValue(image);
  if (plain !== undefined) return { value: plain, valid: true, closed: true, problems: [] };
  const problems: LiteralProblem[] = [];
  const closed = image.length >= 2 && image.endsWith('"') && !endsInsideEscape(image);
  const bodyEnd = closed ? image.length - 1 : image.length;
  let value = '';
  let valid = true;
  let i = 1;
  while (i < bodyEnd) {
    const c = image[i];
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = image[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES && i + 1 < bodyEnd) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
      continue;
    }
    if (next === 'u') {
      const match = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(image.slice(i, bodyEnd));
      const code = match ? parseInt(match[1], 16) : NaN;
      if (match && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
        value += String.fromCodePoint(code);
        i += match[0].length;
        continue;
      }
      const length = match ? match[0].length : Math.min(2, bodyEnd - i);
      problems.push({
        code: 'SLA002',
        message: match ? t('parse.string.badCodePoint', { escape: match[0] }) : t('parse.string.badUnicodeEscape', { escape: '\\u{XXXX}' }),
        start: i,
        end: i + length,
      });
      valid = false;
      value += image.slice(i, i + length);
      i += length;
      continue;
    }
    const length = next === undefined || i + 1 >= bodyEnd ? 1 : 1 + [...image.slice(i + 1, i + 3)][0].length;
    problems.push({
      code: 'SLA002',
      message:
        next === undefined || i + 1 >= bodyEnd
          ? t('parse.string.loneBackslash', { escapes: escapes(t) })
          : t('parse.string.unknownEscape', { escape: `\\${image.slice(i + 1, i + length)}`, escapes: escapes(t) }),
      start: i,
      end: i + length,
    });
    valid = false;
    value += image.slice(i + 1, i + length);
    i += length;
  }
  if (!closed) {
    problems.push({
      code: 'SLA001',
      message: t('parse.string.notClosed'),
      start: 0,
      end: image.length,
    });
  }
  return { value, valid, closed, problems };
}

/** True when the final `"` is escaped (`"abc\"`), so the string is not closed. */
function endsInsideEscape(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

export interface DecodedDate {
  year: number;
  month: number;
  day: number;
  /** Why the date is impossible; undefined when it is valid. */
  problem?: string;
}

export function decodeDate(text: string, t: Translate = ENGLISH): DecodedDate {
  const match = /^(\d+)-(\d+)-(\d+)$/.exec(text);
  if (!match) return { year: NaN, month: NaN, day: NaN, problem: t('parse.date.form', { text }) };
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return { year, month, day, problem: dateProblem(t, text, y, m, d, year, month, day) };
}

function dateProblem(t: Translate, text: string, y: string, m: string, d: string, year: number, month: number, day: number): string | undefined {
  if (y.length !== 4 || m.length !== 2 || d.length !== 2) return t('parse.date.digits', { text });
  if (month < 1 || month > 12) return t('parse.date.month', { text });
  if (day < 1) return t('parse.date.day', { text, days: daysInMonth(year, month) });
  const days = daysInMonth(year, month);
  if (day > days) return t('parse.date.daysInMonth', { text, month: t(`parse.month.${month as MonthNumber}`), year, days });
  return undefined;
}

type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface DecodedTime {
  hour: number;
  minute: number;
  problem?: string;
}

/** A time of day `HH:MM`; `24:00` is valid here (whether it may start a range is checked by the parser). */
export function decodeTime(text: string, t: Translate = ENGLISH): DecodedTime {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) return { hour: NaN, minute: NaN, problem: t('parse.time.form', { text }) };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return { hour, minute, problem: timeProblem(t, text, match[1], match[2], hour, minute, true) };
}

function timeProblem(t: Translate, text: string, h: string, m: string, hour: number, minute: number, allowEndOfDay: boolean): string | undefined {
  if (h.length !== 2 || m.length !== 2) return t('parse.time.digits', { text });
  if (minute > 59) return t('parse.time.minutes', { text });
  if (hour === 24 && allowEndOfDay) {
    return minute === 0 ? undefined : t('parse.time.endOfDay', { text });
  }
  if (hour > 23) return t('parse.time.hour', { text, max: allowEndOfDay ? '24' : '23' });
  return undefined;
}

export interface DecodedDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes?: number;
  problem?: string;
}

const DATE_TIME = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+)(?::(\d+(?:\.\d+)?))?(Z|[+-]\d+:\d+)?$/;

export function decodeDateTime(text: string, t: Translate = ENGLISH): DecodedDateTime {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return {
      year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN,
      problem: t('parse.dateTime.form', { text }),
    };
  }
  const [, y, mo, d, h, mi, s, zone] = match;
  const result: DecodedDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
  };
  const datePart = text.slice(0, text.indexOf('T'));
  // Problems found in a part name the part: say which date-time it belongs to.
  const inPart =
    dateProblem(t, datePart, y, mo, d, result.year, result.month, result.day) ?? timeProblem(t, `${h}:${mi}`, h, mi, result.hour, result.minute, false);
  let problem = inPart === undefined ? undefined : t('parse.dateTime.inPart', { text, problem: inPart });
  if (problem === undefined && s !== undefined && (!/^\d\d(\.\d+)?$/.test(s) || result.second >= 60)) {
    problem = t('parse.dateTime.seconds', { text });
  }
  if (zone !== undefined) {
    if (zone === 'Z') result.offsetMinutes = 0;
    else {
      const zoneMatch = /^([+-])(\d\d):(\d\d)$/.exec(zone);
      const hours = zoneMatch ? Number(zoneMatch[2]) : NaN;
      const minutes = zoneMatch ? Number(zoneMatch[3]) : NaN;
      if (!zoneMatch || hours > 23 || minutes > 59) {
        problem ??= t('parse.dateTime.offset', { text, offset: zone });
      } else {
        result.offsetMinutes = (zoneMatch[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
      }
    }
  }
  return { ...result, problem };
}
