// Decoding and validation of literal tokens (LANGUAGE.md section 2). Lexing is generous
// (`9:5`, `2026-13-01` are tokens) so that these functions can say precisely what is wrong.
import { MONTH_NAMES, daysInMonth } from '../calendar';

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
const ESCAPE_HELP = 'use `\\"`, `\\\\`, `\\n`, `\\t` or `\\u{XXXX}`';

/** Decodes a string token's image (with its quotes; the closing one may be missing). */
export function decodeString(image: string): DecodedString {
  // Fast path: most strings have no escapes and are closed.
  if (image.length >= 2 && image.charCodeAt(image.length - 1) === 34 && image.indexOf('\\') === -1) {
    return { value: image.slice(1, -1), valid: true, closed: true, problems: [] };
  }
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
        message: match
          ? `\`${match[0]}\` is not a Unicode character: the code must be at most 10FFFF and not a surrogate`
          : 'bad Unicode escape: write `\\u{XXXX}` with 1 to 6 hexadecimal digits',
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
      message: next === undefined || i + 1 >= bodyEnd ? `a string cannot end with a lone \`\\\`; ${ESCAPE_HELP}` : `unknown escape \`\\${image.slice(i + 1, i + length)}\` in string; ${ESCAPE_HELP}`,
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
      message: 'string is not closed: add `"` before the end of the line (strings cannot span lines)',
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

export function decodeDate(text: string): DecodedDate {
  const match = /^(\d+)-(\d+)-(\d+)$/.exec(text);
  if (!match) return { year: NaN, month: NaN, day: NaN, problem: `\`${text}\` is not a date: write YYYY-MM-DD, e.g. \`2026-01-31\`` };
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return { year, month, day, problem: dateProblem(text, y, m, d, year, month, day) };
}

function dateProblem(text: string, y: string, m: string, d: string, year: number, month: number, day: number): string | undefined {
  if (y.length !== 4 || m.length !== 2 || d.length !== 2) return `\`${text}\` is not a date: write YYYY-MM-DD with two-digit month and day, e.g. \`2026-01-31\``;
  if (month < 1 || month > 12) return `\`${text}\` is not a date: the month must be 01 to 12`;
  if (day < 1) return `\`${text}\` is not a date: the day must be 01 to ${daysInMonth(year, month)}`;
  const days = daysInMonth(year, month);
  if (day > days) return `\`${text}\` is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return undefined;
}

export interface DecodedTime {
  hour: number;
  minute: number;
  problem?: string;
}

/** A time of day `HH:MM`; `24:00` is valid here (whether it may start a range is checked by the parser). */
export function decodeTime(text: string): DecodedTime {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) return { hour: NaN, minute: NaN, problem: `\`${text}\` is not a time: write HH:MM, e.g. \`09:00\`` };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return { hour, minute, problem: timeProblem(text, match[1], match[2], hour, minute, true) };
}

function timeProblem(text: string, h: string, m: string, hour: number, minute: number, allowEndOfDay: boolean): string | undefined {
  if (h.length !== 2 || m.length !== 2) return `\`${text}\` is not a time: write HH:MM with two digits each, e.g. \`09:00\``;
  if (minute > 59) return `\`${text}\` is not a time: minutes must be 00 to 59`;
  if (hour === 24 && allowEndOfDay) {
    return minute === 0 ? undefined : `\`${text}\` is not a time: after 23:59 only \`24:00\` (the end of the day) is allowed`;
  }
  if (hour > 23) return `\`${text}\` is not a time: the hour must be 00 to ${allowEndOfDay ? '24' : '23'}`;
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

export function decodeDateTime(text: string): DecodedDateTime {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return {
      year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN,
      problem: `\`${text}\` is not a date-time: write YYYY-MM-DDTHH:MM, e.g. \`2026-10-17T22:00\``,
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
  let problem = dateProblem(datePart, y, mo, d, result.year, result.month, result.day);
  problem ??= timeProblem(`${h}:${mi}`, h, mi, result.hour, result.minute, false);
  if (problem === undefined && s !== undefined && (!/^\d\d(\.\d+)?$/.test(s) || result.second >= 60)) {
    problem = `\`${text}\` is not a date-time: seconds must be 00 to 59`;
  }
  if (zone !== undefined) {
    if (zone === 'Z') result.offsetMinutes = 0;
    else {
      const zoneMatch = /^([+-])(\d\d):(\d\d)$/.exec(zone);
      const hours = zoneMatch ? Number(zoneMatch[2]) : NaN;
      const minutes = zoneMatch ? Number(zoneMatch[3]) : NaN;
      if (!zoneMatch || hours > 23 || minutes > 59) {
        problem ??= `\`${text}\` has an impossible offset \`${zone}\`: write \`Z\` or ±HH:MM, e.g. \`+08:00\``;
      } else {
        result.offsetMinutes = (zoneMatch[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
      }
    }
  }
  if (problem !== undefined && !problem.startsWith(`\`${text}\``)) {
    // Problems found in a part name the part: say which date-time it belongs to.
    problem = `in \`${text}\`: ${problem}`;
  }
  return { ...result, problem };
}
