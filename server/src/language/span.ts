// How the AST stores positions (issue 15, compact spans): each span holds its offsets and its
// start and end line/character as plain numbers on itself, and `range` (a quantity's
// `numberRange` and `unitRange` too) is a getter on a shared prototype that returns a fresh
// Range. At 200,000 lines a Range object with two Position objects per span was most of the
// AST's memory, of the garbage an open allocates and of what a keystroke moves.
//
// Every span of the AST is made here (LineIndex.span, the AST builder, the parser's fallback).
// The getters are not own properties: copy a span with `withFields`/`cloneSpan`, never with a
// spread (`{ ...span }` keeps the numbers and loses `range`). Equality (deepStrictEqual) sees
// the numeric fields and the prototype, JSON sees the numeric fields only.
import type { Quantity, Range, Span } from './ast';

class CompactSpan implements Span {
  constructor(
    public offset: number,
    public endOffset: number,
    public startLine: number,
    public startCharacter: number,
    public endLine: number,
    public endCharacter: number,
  ) {}

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/** A quantity's number starts where it does; its unit ends where it does. */
class CompactQuantity extends CompactSpan {
  numberEndLine = 0;
  numberEndCharacter = 0;
  declare unitLine?: number;
  declare unitCharacter?: number;

  get numberRange(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.numberEndLine, character: this.numberEndCharacter } };
  }

  get unitRange(): Range | undefined {
    if (this.unitLine === undefined) return undefined;
    return { start: { line: this.unitLine, character: this.unitCharacter! }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

export function makeSpan(offset: number, endOffset: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number): Span {
  return new CompactSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
}

/** The span part of a quantity; the caller adds `value` (and `unit`) and the number's end (and the unit's start). */
export function makeQuantitySpan(
  span: Span,
  numberEndLine: number,
  numberEndCharacter: number,
  unit?: { line: number; character: number },
): Omit<Quantity, 'value' | 'unit'> {
  const quantity = new CompactQuantity(span.offset, span.endOffset, span.startLine, span.startCharacter, span.endLine, span.endCharacter);
  quantity.numberEndLine = numberEndLine;
  quantity.numberEndCharacter = numberEndCharacter;
  if (unit) {
    quantity.unitLine = unit.line;
    quantity.unitCharacter = unit.character;
  }
  return quantity;
}

/** `span` with more fields, in place (it keeps its prototype): the builder's nodes and tagged spans. */
export function withFields<S extends Span, F extends object>(span: S, fields: F): S & F {
  return Object.assign(span, fields);
}

/** A shallow copy that keeps the prototype (and so `range`). */
export function cloneSpan<S extends object>(span: S): S {
  return Object.assign(Object.create(Object.getPrototypeOf(span) as object) as S, span);
}
