// Full-width punctuation (LANGUAGE.md section 2, 1.1): outside strings and comments, the
// characters a Chinese or Japanese input method types for ASCII punctuation are read as
// that ASCII character, each reported once (SLA003). Every such character and its ASCII form
// are one UTF-16 unit, so the text keeps its length and every offset: the lexer reads the
// ASCII text and positions still point into what the user wrote.
import { isNamePart } from './names';

/** Each full-width character and the ASCII character it is read as. */
export const FULL_WIDTH: ReadonlyMap<string, string> = new Map([
  ['％', '%'],
  ['，', ','],
  ['：', ':'],
  ['－', '-'],
  ['–', '-'],
  ['—', '-'],
  ['．', '.'],
  ['＞', '>'],
  ['＜', '<'],
  ['＝', '='],
  ['｛', '{'],
  ['｝', '}'],
  ['“', '"'],
  ['”', '"'],
  ['\u3000', ' '],
  ...[...'０１２３４５６７８９'].map((digit, i): [string, string] => [digit, String(i)]),
]);

const ANY_FULL_WIDTH = new RegExp(`[${[...FULL_WIDTH.keys()].join('')}]`);

/** A full-width character read as ASCII, at `offset` (UTF-16) of the text. */
export interface FullWidthChar {
  offset: number;
  char: string;
  ascii: string;
}

export interface AsciiReading {
  /** The text with each reported character replaced (same length). */
  text: string;
  found: FullWidthChar[];
}

function isFullWidthDigit(char: string): boolean {
  return char >= '０' && char <= '９';
}

/**
 * The text as the lexer reads it. A string opened by `“` ends at the next `”` or `"`; one
 * opened by `"` ends only at `"`; strings end at the line's end. Full-width digits are read
 * as digits where they start a token or continue a number, and stay name characters inside
 * a name (`可用性１`). A word right after a digit (a unit, the `T` of a date-time) is not a name.
 */
export function readFullWidth(text: string): AsciiReading {
  if (!ANY_FULL_WIDTH.test(text)) return { text, found: [] };
  const found: FullWidthChar[] = [];
  const replace = (offset: number) => found.push({ offset, char: text[offset], ascii: FULL_WIDTH.get(text[offset])! });
  let inName = false;
  let afterDigit = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII: comments, strings, names and digits.
      if (code === 0x2f && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a)) {
        i = (text.charCodeAt(i + 1) === 0x2f ? lineEnd(text, i) : blockCommentEnd(text, i)) - 1;
        inName = afterDigit = false;
      } else if (code === 0x22) {
        i = stringEnd(text, i, false, replace) - 1;
        inName = afterDigit = false;
      } else {
        const digit = code >= 0x30 && code <= 0x39;
        const part = digit || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
        inName = part && (inName || (!afterDigit && !digit));
        afterDigit = digit || (part && afterDigit);
      }
      continue;
    }
    const c = text[i];
    if (c === '“' || c === '”') {
      replace(i);
      i = stringEnd(text, i, true, replace) - 1;
      inName = afterDigit = false;
      continue;
    }
    if (FULL_WIDTH.has(c) && !(inName && isFullWidthDigit(c))) {
      replace(i);
      afterDigit = isFullWidthDigit(c);
      inName = false;
      continue;
    }
    // A letter of another plane is two UTF-16 units.
    const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : c;
    i += char.length - 1;
    const part = isNamePart(char);
    inName = part && (inName || !afterDigit);
    afterDigit = part && afterDigit;
  }
  return { text: asciiText(text, found), found };
}

/** The text with each found character replaced (all are one UTF-16 unit). */
function asciiText(text: string, found: readonly FullWidthChar[]): string {
  const pieces: string[] = [];
  let from = 0;
  for (const { offset, ascii } of found) {
    pieces.push(text.slice(from, offset), ascii);
    from = offset + 1;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function blockCommentEnd(text: string, from: number): number {
  const close = text.indexOf('*/', from + 2);
  return close < 0 ? text.length : close + 2;
}

/** Offset after the string that opens at `from`; a closing `”` is reported through `replace`. */
function stringEnd(text: string, from: number, curly: boolean, replace: (offset: number) => void): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return i;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') return i + 1;
    if (curly && c === '”') {
      replace(i);
      return i + 1;
    }
  }
  return text.length;
}
