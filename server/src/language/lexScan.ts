// The lexer's fast path (issue 15, "handlex"): one pass over the text by character code that
// gives exactly the tokens, comments and errors of Chevrotain's lexer on the token set of
// lexer.ts (LEXED_TOKENS, in their order, first match wins), which stays the reference
// (test/language/lexScan.test.ts) and serves the tests and the benchmark. Chevrotain tries
// a pattern or a custom matcher per candidate token type at each offset and makes a
// substring per token; here the character at the offset picks the one rule that can start
// there, literals are read by code, and words get their type as they are read.
//
// What is read by code here is each literal pattern of lexer.ts written out (white space,
// comments, strings, date-times, dates, times, numbers, punctuation): the differential test
// holds every one to its pattern. Names, the unit rule, percentiles and the white space
// above ASCII are lexer.ts's own matchers and predicates (`ScanRules`), so a name in any
// script, a surrogate pair or a stray character is read by the same code on both paths.
import type { IToken } from 'chevrotain';

/** What the scanner takes from lexer.ts: its token types' indices and the rules defined there once. */
interface ScanRules {
  /** Makes a token (lexer.ts's compact token class). */
  token(image: string, startOffset: number, tokenTypeIdx: number): IToken;
  /**
   * The name at `offset` (lexer.ts `matchName`): its image is the vocabulary's string for a
   * word; its token type index (a keyword's or contextual word's, else Identifier's) is
   * `typeIndex` when the name was read by code, else `nameType` gives it.
   */
  name(text: string, offset: number): ([string] & { typeIndex?: number }) | RegExpExecArray | null;
  /** The token type index of a name (see `name`). */
  nameType(image: string): number;
  /** Whether the word at `offset` is the unit of the number that ends at `numberEnd` (lexer.ts's unit rule). */
  isUnitOf(text: string, numberEnd: number, offset: number, word: string): boolean;
  /** The percentile at `offset` (lexer.ts's Percentile pattern). */
  percentile(text: string, offset: number): RegExpExecArray | null;
  /** Whether a character is white space (the WhiteSpace pattern's class). */
  isWhiteSpace(code: number): boolean;
  types: {
    blockComment: number;
    lineComment: number;
    string: number;
    dateTime: number;
    date: number;
    time: number;
    number: number;
    unitSuffix: number;
    percentile: number;
  };
  /** The punctuation and operators: each one's text (one or two ASCII characters) and type index. */
  punctuation: readonly (readonly [string, number])[];
}

/** Tokens, comments and errors of one text (lexer.ts `LexedPart`). */
interface ScannedPart {
  tokens: IToken[];
  comments: IToken[];
  errors: { offset: number; length: number }[];
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const STAR = 0x2a;
const DASH = 0x2d;
const DOT = 0x2e;
const PLUS = 0x2b;
const SLASH = 0x2f;
const COLON = 0x3a;
const UPPER_T = 0x54;
const UPPER_Z = 0x5a;
const BACKSLASH = 0x5c;
const UNDERSCORE = 0x5f;
const LOWER_P = 0x70;

export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** `[a-zA-Z]` by code (lexer.ts's name matcher too). */
export const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/** Just after the run of digits that starts at `from` (`from` when there is none). */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Scans date-like literals and numbers that start at a digit, in Chevrotain's order
 * (DateTime, Date, Time, Number: the first whose pattern matches), setting `literalType`.
 * Each `\d{1,2}` followed by a fixed non-digit must be a run of one or two digits (the
 * regular expression's backtracking cannot make a longer run fit); a final one takes up to two.
 */
class LiteralScanner {
  type = 0;

  constructor(private readonly types: ScanRules['types']) {}

  /** The end of the literal at `start` (a digit). */
  end(text: string, start: number): number {
    const run = digitsEnd(text, start);
    if (run - start === 4 && text.charCodeAt(run) === DASH) {
      const date = this.dateEnd(text, run + 1);
      if (date >= 0) return date;
    }
    if (text.charCodeAt(run) === COLON && isDigit(text.charCodeAt(run + 1))) {
      this.type = this.types.time;
      return digitsEnd(text, run + 2);
    }
    this.type = this.types.number;
    return text.charCodeAt(run) === DOT && isDigit(text.charCodeAt(run + 1)) ? digitsEnd(text, run + 2) : run;
  }

  /** After `\d{4}-`: the end of a date-time or a date, or -1 for neither. */
  private dateEnd(text: string, monthStart: number): number {
    const monthEnd = digitsEnd(text, monthStart);
    if (monthEnd - monthStart < 1 || monthEnd - monthStart > 2 || text.charCodeAt(monthEnd) !== DASH) return -1;
    const dayStart = monthEnd + 1;
    const dayEnd = digitsEnd(text, dayStart);
    if (dayEnd === dayStart) return -1;
    if (dayEnd - dayStart <= 2 && text.charCodeAt(dayEnd) === UPPER_T) {
      const end = this.timeOfDayEnd(text, dayEnd + 1);
      if (end >= 0) {
        this.type = this.types.dateTime;
        return end;
      }
    }
    this.type = this.types.date;
    return dayStart + Math.min(dayEnd - dayStart, 2);
  }

  /** After the `T`: `\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?(?:Z|[+-]\d{1,2}:\d{2})?`, or -1. */
  private timeOfDayEnd(text: string, hourStart: number): number {
    const hourEnd = digitsEnd(text, hourStart);
    if (hourEnd - hourStart < 1 || hourEnd - hourStart > 2 || text.charCodeAt(hourEnd) !== COLON) return -1;
    const minuteStart = hourEnd + 1;
    const minuteRun = digitsEnd(text, minuteStart) - minuteStart;
    if (minuteRun === 0) return -1;
    let end = minuteStart + Math.min(minuteRun, 2);
    if (text.charCodeAt(end) === COLON && isDigit(text.charCodeAt(end + 1))) {
      const secondStart = end + 1;
      end = secondStart + Math.min(digitsEnd(text, secondStart) - secondStart, 2);
      if (text.charCodeAt(end) === DOT && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
    }
    const zone = text.charCodeAt(end);
    if (zone === UPPER_Z) return end + 1;
    if (zone === PLUS || zone === DASH) {
      const zoneHourEnd = digitsEnd(text, end + 1);
      const run = zoneHourEnd - end - 1;
      if (run >= 1 && run <= 2 && text.charCodeAt(zoneHourEnd) === COLON && isDigit(text.charCodeAt(zoneHourEnd + 1)) && isDigit(text.charCodeAt(zoneHourEnd + 2))) {
        return zoneHourEnd + 3;
      }
    }
    return end;
  }
}

/**
 * Lexes `text` (a text as `readFullWidth` reads it, or a part of one) as Chevrotain's lexer
 * of lexer.ts does.
 */
export class PartScanner {
  private readonly literal: LiteralScanner;
  /** The ASCII characters of the WhiteSpace pattern. */
  private readonly asciiSpace = new Uint8Array(128);
  /** Punctuation by its (first) ASCII character: the type (0 for none) and image of one of one character, */
  private readonly oneCharType = new Uint16Array(128);
  private readonly oneCharImage: string[] = [];
  /** and the second character (0 for none), type and image of one of two (tried first, as Chevrotain's order has them). */
  private readonly secondChar = new Uint16Array(128);
  private readonly twoCharType = new Uint16Array(128);
  private readonly twoCharImage: string[] = [];

  constructor(private readonly rules: ScanRules) {
    this.literal = new LiteralScanner(rules.types);
    for (let code = 0; code < 128; code++) this.asciiSpace[code] = rules.isWhiteSpace(code) ? 1 : 0;
    for (const [image, type] of rules.punctuation) {
      const first = image.charCodeAt(0);
      if (image.length === 1) {
        this.oneCharType[first] = type;
        this.oneCharImage[first] = image;
      } else {
        this.secondChar[first] = image.charCodeAt(1);
        this.twoCharType[first] = type;
        this.twoCharImage[first] = image;
      }
    }
  }

  /**
   * Lexes `text[from, to)` as if it were the whole text, with every offset moved by `base`. No
   * token looks past its line's end but white space and block comments, which stop at `to`
   * here: so `to` must be the text's end or just after a line feed (else lex a slice).
   */
  scan(text: string, from: number, to: number, base: number): ScannedPart {
    const { rules } = this;
    const types = rules.types;
    // The result is made before the loop, not after it: a cold run compiles this function while
    // its first call is still in the loop (on-stack replacement), and code made before the
    // return had ever run was thrown away (deoptimised) at the return (issue 15, "lexpool").
    const part: ScannedPart = { tokens: [], comments: [], errors: [] };
    const { tokens, comments, errors } = part;
    /** The type and end of the last token (not a comment): the unit rule looks at them. */
    let lastType = -1;
    let lastEnd = 0;
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      const start = i;
      let type: number;
      let image: string;
      if (code < 0x80 ? this.asciiSpace[code] === 1 : rules.isWhiteSpace(code)) {
        i = this.spaceEnd(text, i + 1, to);
        continue;
      } else if (isAsciiLetter(code) || code === UNDERSCORE || code >= 0x80) {
        const match = rules.name(text, i);
        if (match === null) {
          i = this.errorEnd(text, i, to, errors, base);
          continue;
        }
        image = match[0];
        i += image.length;
        if (lastType === types.number && rules.isUnitOf(text, lastEnd, start, image)) {
          type = types.unitSuffix;
        } else {
          const percentile = code === LOWER_P && isDigit(text.charCodeAt(start + 1)) ? rules.percentile(text, start) : null;
          if (percentile === null) {
            type = (match as { typeIndex?: number }).typeIndex ?? rules.nameType(image);
          } else {
            image = percentile[0];
            i = start + image.length;
            type = types.percentile;
          }
        }
      } else if (isDigit(code)) {
        i = this.literal.end(text, i);
        type = this.literal.type;
        image = text.substring(start, i);
      } else {
        const second = this.secondChar[code];
        if (second !== 0 && text.charCodeAt(i + 1) === second) {
          type = this.twoCharType[code];
          image = this.twoCharImage[code];
          i += 2;
        } else if (this.oneCharType[code] !== 0) {
          type = this.oneCharType[code];
          image = this.oneCharImage[code];
          i++;
        } else {
          switch (code) {
            case QUOTE:
              type = types.string;
              i = stringEnd(text, i + 1, to);
              image = text.substring(start, i);
              break;
            case SLASH: {
              const next = text.charCodeAt(i + 1);
              if (next === SLASH) {
                i = lineEnd(text, i + 2, to);
                comments.push(rules.token(text.substring(start, i), start + base, types.lineComment));
              } else if (next === STAR) {
                const close = text.indexOf('*/', i + 2);
                i = close < 0 || close + 2 > to ? to : close + 2;
                comments.push(rules.token(text.substring(start, i), start + base, types.blockComment));
              } else {
                i = this.errorEnd(text, i, to, errors, base);
              }
              continue;
            }
            default:
              i = this.errorEnd(text, i, to, errors, base);
              continue;
          }
        }
      }
      tokens.push(rules.token(image, start + base, type));
      lastType = type;
      lastEnd = i;
    }
    return part;
  }

  private spaceEnd(text: string, from: number, to: number): number {
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (code < 0x80 ? this.asciiSpace[code] !== 1 : !this.rules.isWhiteSpace(code)) break;
      i++;
    }
    return i;
  }

  /**
   * A run of characters that start no token, from `start` (which starts none) to the next
   * offset where a token can start (Chevrotain's recovery: one error per run), recorded; its end.
   */
  private errorEnd(text: string, start: number, to: number, errors: ScannedPart['errors'], base: number): number {
    let i = start + 1;
    while (i < to && !this.startsToken(text, i)) i++;
    errors.push({ offset: start + base, length: i - start });
    return i;
  }

  /** Whether some token (or white space or a comment) starts at `i`. */
  private startsToken(text: string, i: number): boolean {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return this.rules.isWhiteSpace(code) || this.rules.name(text, i) !== null;
    if (this.asciiSpace[code] === 1 || isAsciiLetter(code) || code === UNDERSCORE || isDigit(code) || code === QUOTE) return true;
    if (this.oneCharType[code] !== 0) return true;
    const next = text.charCodeAt(i + 1);
    if (this.secondChar[code] !== 0 && next === this.secondChar[code]) return true;
    return code === SLASH && (next === SLASH || next === STAR);
  }
}

/** `//[^\r\n]*`: the end of a line comment whose text starts at `from`. */
function lineEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR) break;
    i++;
  }
  return i;
}

/** `"(?:[^"\\\r\n]|\\[^\r\n]?)*"?` after the opening quote: a string stops at its line's end. */
function stringEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i + 1;
    if (code === LF || code === CR) return i;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      i += i + 1 < to && next !== LF && next !== CR ? 2 : 1;
    } else {
      i++;
    }
  }
  return i;
}
