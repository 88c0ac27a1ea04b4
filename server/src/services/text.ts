// Position helpers for the services over an analysis's text (0-based lines, UTF-16
// characters, as in LSP and the AST). One line index per analysis, built lazily.
import type { Position, Range } from '../language/ast';
import { LineIndex } from '../language/text';

export { LineIndex };

const indexes = new WeakMap<object, LineIndex>();

/** The line index of an analysis (or any object holding `text`), built once. */
export function lineIndexOf(holder: { text: string }): LineIndex {
  let index = indexes.get(holder);
  if (!index || index.text !== holder.text) {
    index = new LineIndex(holder.text);
    indexes.set(holder, index);
  }
  return index;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Whether `position` lies in `range`, both ends included (a cursor just after a word is on it). */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** Whether `offset` lies in the span, both ends included. */
export function spanContains(span: { offset: number; endOffset: number }, offset: number): boolean {
  return span.offset <= offset && offset <= span.endOffset;
}

/** The text of a line without its line break. */
export function lineText(index: LineIndex, line: number): string {
  const start = index.lineStarts[line] ?? index.text.length;
  let end = line + 1 < index.lineStarts.length ? index.lineStarts[line + 1] : index.text.length;
  while (end > start && (index.text.charCodeAt(end - 1) === 10 || index.text.charCodeAt(end - 1) === 13)) end--;
  return index.text.slice(start, end);
}
