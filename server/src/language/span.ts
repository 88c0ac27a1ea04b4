// How the AST stores positions (issue 15, compact spans): each span holds its offsets and its
// start and end line/character as plain numbers on itself, and `range` (a quantity's
// `numberRange` and `unitRange` too) is a getter on a shared prototype that returns a fresh
// Range. At 200,000 lines a Range object with two Position objects per span was most of the
// AST's memory, of the garbage an open allocates and of what a keystroke moves.
//
// Every span of the AST is made here (LineIndex.span, the AST builder, the parser's fallback).
// The getters are not own properties: copy a span with `cloneSpan`, never with a
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

/**
 * A quantity: `number` is the span of its number token, `unit` that of its unit token when
 * one is written (the quantity runs from the number's start to the unit's end).
 */
export function makeQuantity(number: Span, unit: Span | undefined, value: number, unitText: string | undefined): Quantity {
  const end = unit ?? number;
  const quantity = new CompactQuantity(number.offset, end.endOffset, number.startLine, number.startCharacter, end.endLine, end.endCharacter);
  quantity.numberEndLine = number.endLine;
  quantity.numberEndCharacter = number.endCharacter;
  if (unit) {
    quantity.unitLine = unit.startLine;
    quantity.unitCharacter = unit.startCharacter;
  }
  const withValue = quantity as CompactQuantity & { value: number; unit?: string };
  withValue.value = value;
  if (unitText !== undefined) withValue.unit = unitText;
  return withValue;
}

/** A shallow copy that keeps the prototype (and so `range`). */
export function cloneSpan<S extends object>(span: S): S {
  return Object.assign(Object.create(Object.getPrototypeOf(span) as object) as S, span);
}
