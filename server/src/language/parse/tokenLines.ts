// Whether two tokens are on one line. The lexer tracks offsets only (line and column tracking
// cost about a third of lexing: bench:check), so lines come from the text being parsed,
// which the parser sets for the length of one parse (parser.ts).
import type { IToken } from 'chevrotain';

let parsedText = '';

export function setParsedText(text: string): void {
  parsedText = text;
}

/**
 * Whether `after` starts on the line where `before` ends: no line break between them
 * (parser tokens never span lines). False for the end-of-file token, which has no offset.
 */
export function onSameLine(before: IToken, after: IToken): boolean {
  if (Number.isNaN(before.startOffset) || Number.isNaN(after.startOffset)) return false;
  for (let i = before.startOffset + before.image.length; i < after.startOffset; i++) {
    const code = parsedText.charCodeAt(i);
    if (code === 10 || code === 13) return false;
  }
  return true;
}
