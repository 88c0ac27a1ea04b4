// Selection ranges (expand selection): from the token under the cursor out through the
// literal or name, the clause, the block, the sla, to the whole file. Built generically
// from every AST node with a span that contains the position.
import type { SelectionRange } from 'vscode-languageserver-types';
import type { Position, Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { lineIndexOf } from '../support/text';
import { SPANS_MADE_WHEN_READ } from '../../language/span';

interface Spanned {
  offset: number;
  endOffset: number;
  range: Range;
}

export function selectionRanges(analysis: Analysis, positions: Position[]): SelectionRange[] {
  const index = lineIndexOf(analysis);
  return positions.map((position) => {
    const offset = index.offsetAt(position);
    const spans: Spanned[] = [{ offset: 0, endOffset: analysis.text.length, range: index.range(0, analysis.text.length) }];
    for (const sla of analysis.parse.file.slas ?? []) if (sla) collect(sla, offset, spans, 0);
    const tokens = analysis.parse.tokens;
    const i = tokens.indexAt(offset);
    if (i >= 0) spans.push({ offset: tokens.startAt(i), endOffset: tokens.endAt(i), range: index.range(tokens.startAt(i), tokens.endAt(i)) });
    // Outermost first; equal spans once.
    spans.sort((a, b) => a.offset - b.offset || b.endOffset - a.endOffset);
    const nested = spans
      .filter((s) => s.endOffset - s.offset >= 0)
      .sort((a, b) => b.endOffset - b.offset - (a.endOffset - a.offset));
    let parent: SelectionRange | undefined;
    let last: Spanned | undefined;
    for (const span of nested) {
      if (last && span.offset === last.offset && span.endOffset === last.endOffset) continue;
      if (last && (span.offset < last.offset || span.endOffset > last.endOffset)) continue;
      parent = { range: span.range, parent };
      last = span;
    }
    return parent ?? { range: { start: position, end: position } };
  });
}

/** Every object under `node` (itself included) that has a span containing `offset`. */
function collect(node: unknown, offset: number, out: Spanned[], depth: number): void {
  if (depth > 8 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, offset, out, depth + 1);
    return;
  }
  const spanned = node as Partial<Spanned>;
  if (typeof spanned.offset === 'number' && typeof spanned.endOffset === 'number' && spanned.range) {
    if (offset < spanned.offset || offset > spanned.endOffset) return;
    out.push(spanned as Spanned);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'numberRange' || key === 'unitRange') continue;
    if (typeof value === 'object' && value !== null) collect(value, offset, out, depth + 1);
  }
  // A node's keyword, a block's body and a window's form are made when read (span.ts): not among its own fields.
  for (const key of SPANS_MADE_WHEN_READ) {
    if (Object.prototype.hasOwnProperty.call(node, key)) continue;
    const value = (node as Record<string, unknown>)[key];
    if (typeof value === 'object' && value !== null) collect(value, offset, out, depth + 1);
  }
}
