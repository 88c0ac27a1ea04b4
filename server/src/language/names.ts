// Names in any script (LANGUAGE.md section 2, 1.1): a letter of any script or `_`, then
// letters, decimal digits, combining marks or `_` (Unicode classes L, Nd, Mn, Mc). The one
// definition, for the lexer, rename and completion.
const START = String.raw`\p{L}_`;
const PART = String.raw`\p{L}\p{Nd}\p{Mn}\p{Mc}_`;

/** A name at the lexer's position (sticky). */
export const NAME_AT = new RegExp(`[${START}][${PART}]*`, 'uy');
/** Lookahead text for "not followed by a name character" (`p95延迟` is a name, not `p95`). */
export const NAME_PART_CLASS = `[${PART}]`;

const WHOLE_NAME = new RegExp(`^[${START}][${PART}]*$`, 'u');
const NAME_START = new RegExp(`^[${START}]`, 'u');
const NAME_PART = new RegExp(`^[${PART}]$`, 'u');

/** Whether `text` is one name (keywords aside). */
export function isNameText(text: string): boolean {
  return WHOLE_NAME.test(text);
}

/** Whether `text` starts like a name. */
export function startsLikeName(text: string): boolean {
  return NAME_START.test(text);
}

/** Whether the character (one code point) may continue a name. */
export function isNamePart(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  return NAME_PART.test(char);
}

/**
 * Characters that may start a name, for Chevrotain's first-character optimisation: the
 * ASCII and Latin-1 letters and `_`, and one character of each block that Chevrotain maps
 * characters above 255 to (255 code units each, surrogates included for other planes), so
 * that every letter above 255 reaches the name pattern.
 */
export function nameStartHints(): number[] {
  const hints: number[] = [];
  for (let code = 0; code < 256; code++) if (NAME_START.test(String.fromCharCode(code))) hints.push(code);
  for (let code = 256; code < 0x10000; code += 255) hints.push(code);
  hints.push(0xffff);
  return hints;
}
