// How the AST stores positions (issue 15, compact spans): each span holds its offsets and its
// start and end line/character as plain numbers on itself, and `range` (a quantity's
// `numberRange` and `unitRange` too) is a getter on a shared prototype that returns a fresh
// Range. At 200,000 lines a Range object with two Position objects per span was most of the
// AST's memory, of the garbage an open allocates and of what a keystroke moves. A span of one
// token, and a quantity on one line, keep no end line or end character either: getters derive
// them from the start and the length (TokenSpan, LineQuantity).
//
// Every span of the AST is made here (LineIndex.span, the AST builder, the parser's fallback).
// The getters are not own properties: copy a span with `cloneSpan`, never with a
// spread (`{ ...span }` keeps the numbers and loses `range`). Equality (deepStrictEqual) sees
// the numeric fields and the prototype, JSON sees the numeric fields only.
import { KEYWORD_OF_TYPE, type Quantity, type Range, type Span } from './ast';

// Fields are `declare`d and set in the constructor: declared class fields would be defined as
// undefined on every object before the constructor sets them (twice the stores per span).
class CompactSpan implements Span {
  declare offset: number;
  declare endOffset: number;
  declare startLine: number;
  declare startCharacter: number;
  declare endLine: number;
  declare endCharacter: number;

  constructor(offset: number, endOffset: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.offset = offset;
    this.endOffset = endOffset;
    this.startLine = startLine;
    this.startCharacter = startCharacter;
    this.endLine = endLine;
    this.endCharacter = endCharacter;
  }

  get range(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/**
 * The end of a span on one line follows from its start and its offsets: its end line is its
 * start line and its end character its start character plus its length. Accessors on the
 * prototype of the classes that store neither (token spans, and nodes on one line); writes to
 * them (reparse moves both lines together and both offsets consistently) are ignored.
 */
const ONE_LINE_END: PropertyDescriptorMap = {
  endLine: {
    get(this: Span): number {
      return this.startLine;
    },
    set(_line: number) {
      // The start line's move is the end line's.
    },
    configurable: true,
  },
  endCharacter: {
    get(this: Span): number {
      return this.startCharacter + (this.endOffset - this.offset);
    },
    set(_character: number) {
      // Derived from the start character and the offsets, which reparse keeps consistent.
    },
    configurable: true,
  },
};
/**
 * A span of one token. No token the AST keeps spans a line break (lexer.ts: only white space
 * and block comments do), so its end line is its start line and its end character its start
 * character plus its length: neither is stored, 16 bytes less on each of the 300,000 token
 * spans of a 200,000-line contract (keywords, names, words, strings, dates; issue 15,
 * "buildfast"). Reparse moves a span's offsets and both its lines: the end line follows the
 * start line, so a write to it is ignored, and moving keeps the length and start character.
 */
class TokenSpan implements Span {
  declare offset: number;
  declare endOffset: number;
  declare startLine: number;
  declare startCharacter: number;
  /** Derived (ONE_LINE_END). */
  declare endLine: number;
  /** Derived (ONE_LINE_END). */
  declare endCharacter: number;

  constructor(offset: number, endOffset: number, startLine: number, startCharacter: number) {
    this.offset = offset;
    this.endOffset = endOffset;
    this.startLine = startLine;
    this.startCharacter = startCharacter;
  }

  get range(): Range {
    const line = this.startLine;
    const character = this.startCharacter;
    return { start: { line, character }, end: { line, character: character + (this.endOffset - this.offset) } };
  }
}

Object.defineProperties(TokenSpan.prototype, ONE_LINE_END);

/** A quantity's number starts where it does; its unit ends where it does. */
class CompactQuantity extends CompactSpan {
  declare numberEndLine: number;
  declare numberEndCharacter: number;
  declare unitLine?: number;
  declare unitCharacter?: number;

  constructor(offset: number, endOffset: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number, numberEndLine: number, numberEndCharacter: number) {
    super(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
    this.numberEndLine = numberEndLine;
    this.numberEndCharacter = numberEndCharacter;
  }

  get numberRange(): Range {
    return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.numberEndLine, character: this.numberEndCharacter } };
  }

  get unitRange(): Range | undefined {
    if (this.unitLine === undefined) return undefined;
    return { start: { line: this.unitLine, character: this.unitCharacter! }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

/**
 * A quantity on one line (its unit, if any, on the number's line: nearly every quantity): like
 * a token span, its end line, number end line and unit line are its start line and are not
 * stored (writes to them, reparse moving both lines, are ignored), nor its end character:
 * 88 bytes instead of CompactQuantity's 120 (issue 15, "buildfast").
 */
class LineQuantity extends TokenSpan {
  declare numberEndCharacter: number;

  constructor(offset: number, endOffset: number, startLine: number, startCharacter: number, numberEndCharacter: number) {
    super(offset, endOffset, startLine, startCharacter);
    this.numberEndCharacter = numberEndCharacter;
  }

  get numberEndLine(): number {
    return this.startLine;
  }

  set numberEndLine(_line: number) {
    // The start line's move is the number end's.
  }

  get unitLine(): number | undefined {
    return (this as { unit?: string }).unit === undefined ? undefined : this.startLine;
  }

  set unitLine(_line: number | undefined) {
    // The start line's move is the unit's.
  }

  /**
   * The unit ends where the quantity does and is as long as its text (the token's image, made
   * by the builder), so on one line its start is not stored either: 8 bytes less on each of the
   * 71,000 quantities at 200,000 lines (issue 15, "astsmall2"). Reparse moves lines only.
   */
  get unitCharacter(): number | undefined {
    const unit = (this as { unit?: string }).unit;
    return unit === undefined ? undefined : this.endCharacter - unit.length;
  }

  get numberRange(): Range {
    const line = this.startLine;
    return { start: { line, character: this.startCharacter }, end: { line, character: this.numberEndCharacter } };
  }

  get unitRange(): Range | undefined {
    const unitCharacter = this.unitCharacter;
    if (unitCharacter === undefined) return undefined;
    const line = this.startLine;
    return { start: { line, character: unitCharacter }, end: { line, character: this.endCharacter } };
  }
}

/**
 * A quantity on one line whose unit, if any, follows its number without a space (`99.9%`,
 * `10%`, `4h`) or that has none: its number ends where its unit starts, or where it does, so
 * the number's end is not stored either (8 bytes less on each; at 200,000 lines all 71,000
 * quantities are such; issue 15, "astsmall2"). `500 ms` keeps a LineQuantity.
 */
class GluedQuantity extends LineQuantity {}
Object.defineProperty(GluedQuantity.prototype, 'numberEndCharacter', {
  get(this: LineQuantity): number {
    const unit = (this as { unit?: string }).unit;
    return this.endCharacter - (unit === undefined ? 0 : unit.length);
  },
  set(_character: number) {
    // Derived: the constructor's store is not kept, and reparse moves lines only.
  },
  configurable: true,
});

/** Makes a span from its offsets and positions (LineIndex.span takes one of those below). */
export type SpanMaker = (offset: number, endOffset: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number) => Span;

export const makeSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  new CompactSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);

// Spans that get more fields after they are made (the AST builder's nodes and literals), one
// class per kind so that V8 keeps those fields inside the object: it sizes a class's objects
// by the fields the first few of them got (in-object slack tracking) and puts any further
// field in a separate property array (40–64 more bytes an object). `reserveFields` makes those
// first few at load time with as many fields as the kind takes. At 200,000 lines: 76 → 66 MiB
// of AST (docs/performance.md, "astdirect2").
//
// A node's `keyword` is not stored (issue 15, "kwspan"): the keyword is the first token of its
// rule (grammar.ts: every item rule starts by consuming it), so it starts where the node does,
// and its length is that of the word its node type starts with (ast.ts `NODE_KEYWORDS`). The
// getter makes the span when read, a TokenSpan equal to the one the builder made before. That
// was 157,000 spans of 56 bytes and a field each at 200,000 lines. A node whose keyword is
// not at its start or not its type's word (never seen: the builder checks) keeps it as an own
// field, which the setter defines.
class KeywordNode extends CompactSpan {
  get keyword(): Span {
    const node = this as unknown as { type: string; direction?: string; party?: string };
    const word = KEYWORD_OF_TYPE[node.type] ?? node.direction ?? node.party!;
    return new TokenSpan(this.offset, this.offset + word.length, this.startLine, this.startCharacter);
  }

  set keyword(span: Span) {
    keepOwn(this, 'keyword', span);
  }

  /**
   * A block's `{`…`}` body, likewise made when read (43,000 spans of 72 bytes at 200,000
   * lines): it ends where the block does, and when its `{` is on the block's first line the
   * block keeps only how far after its start the `{` is (`bodyDelta`). Any other body (a `{`
   * on a later line, an sla extended over items after it) is kept as an own field.
   */
  get body(): Span | undefined {
    const delta = (this as { bodyDelta?: number }).bodyDelta;
    if (delta === undefined) return undefined;
    return new CompactSpan(this.offset + delta, this.endOffset, this.startLine, this.startCharacter + delta, this.endLine, this.endCharacter);
  }

  set body(span: Span | undefined) {
    keepOwn(this, 'body', span);
  }
}
/**
 * A window: its `calendar` or `rolling` word, a token after the keyword on the window's first
 * line (always at 200,000 lines), is made when read from how far after the window's start it
 * is (`formDelta`) and its text (`form`): 14,000 spans of 56 bytes at 200,000 lines (issue 15,
 * "astsmall2"). A form elsewhere is kept as an own field, which the setter defines.
 */
class WindowSpan extends KeywordNode {
  get formSpan(): Span | undefined {
    const window = this as unknown as { form?: string; formDelta?: number };
    const delta = window.formDelta;
    if (delta === undefined || window.form === undefined) return undefined;
    return new TokenSpan(this.offset + delta, this.offset + delta + window.form.length, this.startLine, this.startCharacter + delta);
  }

  set formSpan(span: Span | undefined) {
    keepOwn(this, 'formSpan', span);
  }
}
class NodeSpan extends KeywordNode {}
class SmallNodeSpan extends KeywordNode {}
class ItemSpan extends KeywordNode {}

/**
 * A node on one line (nearly every item: `target >= 99.9%`, a tier, `indicator probe_0`, …)
 * does not store its end line and end character either: like a token span's they follow from
 * its start and its offsets, 16 bytes less on each of the 114,000 one-line nodes at 200,000
 * lines (issue 15, "astsmall2"). The maker picks this class only when the positions it is
 * given agree (end on the start's line, end character = start character + length). Writes
 * to the end line (reparse moves both lines together) are ignored; reparse's `transplant`
 * gives an item the class of the fresh one, so an item that grows a second line keeps its end.
 * Accessors on the prototype, not TypeScript accessors: the base class declares the fields.
 */
class LineSmallNodeSpan extends SmallNodeSpan {}
class LineItemSpan extends ItemSpan {}
class LineWindowSpan extends WindowSpan {}
for (const oneLine of [LineSmallNodeSpan, LineItemSpan, LineWindowSpan]) Object.defineProperties(oneLine.prototype, ONE_LINE_END);

/** Whether positions describe a span on one line whose end character its length gives. */
function onOneLine(offset: number, endOffset: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number): boolean {
  return endLine === startLine && endCharacter - startCharacter === endOffset - offset;
}

/** A schedule line: its `keyword` is the span of its days (made when read, like a node's). */
class ScheduleLineSpan extends CompactSpan {
  get keyword(): Span {
    const days = (this as unknown as { days: Span }).days;
    return new CompactSpan(days.offset, days.endOffset, days.startLine, days.startCharacter, days.endLine, days.endCharacter);
  }

  set keyword(span: Span) {
    keepOwn(this, 'keyword', span);
  }
}
/**
 * The fields of AST nodes that are spans made when read (the getters above), own fields only
 * where kept: a walk over a node's own fields (Object.entries, for…in) does not meet them.
 */
export const SPANS_MADE_WHEN_READ = ['keyword', 'body', 'formSpan'] as const;

/**
 * Keeps `value` as `span`'s own field `key`, a plain data field as the builder's were: what the
 * setter of a span made when read does with a span given to it (then its getter is not used).
 */
function keepOwn(span: object, key: string, value: unknown): void {
  Object.defineProperty(span, key, { value, writable: true, enumerable: true, configurable: true });
}

class WordSpan extends CompactSpan {}
class LiteralSpan extends CompactSpan {}
class TokenNameSpan extends TokenSpan {}
/**
 * A name or a word: its `text` is its token's image, so its end offset is its start plus the
 * text's length and is not stored (8 bytes less on each of the 100,000 names and words at
 * 200,000 lines; issue 15, "astsmall2"). Writes to it are ignored: reparse moves both offsets
 * by the same amount. An accessor on the prototype: the base class declares the field.
 */
class TextSpan extends TokenSpan {}
Object.defineProperty(TextSpan.prototype, 'endOffset', {
  get(this: TokenSpan): number {
    return this.offset + (this as unknown as { text: string }).text.length;
  },
  set(_offset: number) {
    // The start's move is the end's.
  },
  configurable: true,
});
class TokenWordSpan extends TokenSpan {}
class TokenLiteralSpan extends TokenSpan {}

// The first object of each class is also made with `undefined` positions, so that V8 keeps
// its number fields as tagged values (small integers in place): otherwise the first position
// given as a double (a NaN, or an offset read from a field that once held NaN) turns them
// into boxed doubles, a 16-byte box per field of every span (the 200,000-line AST was 84 MiB
// instead of 66 while the parse records started their extents at NaN).
function reserveFields(make: SpanMaker, fields: number): void {
  const anyValue = undefined as unknown as number;
  make(anyValue, anyValue, anyValue, anyValue, anyValue, anyValue);
  for (let i = 0; i < 10; i++) {
    const span = make(0, 0, 0, 0, 0, 0) as unknown as Record<string, number>;
    for (let f = 0; f < fields; f++) span[`reserved${f}`] = 0;
  }
}

/** A node: `type` and up to four more (an sla: items, name, title, body). */
export const makeNodeSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  new NodeSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/**
 * A node with up to three fields besides `type` (a tier, target, window, compensation, …):
 * 8 bytes less than a NodeSpan, which keeps room for the blocks' four.
 */
export const makeSmallNodeSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  onOneLine(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    ? new LineSmallNodeSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    : new SmallNodeSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/**
 * An item with one field besides `type` (`value`, `ref`, `duration`, …): the most frequent
 * node, 24 bytes smaller than a NodeSpan (issue 15, "parsefast").
 */
export const makeItemSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  onOneLine(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    ? new LineItemSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    : new ItemSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/** A window: `type`, `form`, `formDelta` and its period or duration. */
export const makeWindowSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  onOneLine(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    ? new LineWindowSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter)
    : new WindowSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/** A schedule line: `type`, `days`, `ranges`. */
export const makeScheduleLineSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  new ScheduleLineSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/** A time range: up to two fields. */
export const makeWordSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  new WordSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);
/** Days: up to five fields. */
export const makeLiteralSpan: SpanMaker = (offset, endOffset, startLine, startCharacter, endLine, endCharacter) =>
  new LiteralSpan(offset, endOffset, startLine, startCharacter, endLine, endCharacter);

// Token spans: one line each, so the maker ignores the end line and character it is given (TokenSpan).
/** A keyword or other token without fields. */
export const makeTokenSpan: SpanMaker = (offset, endOffset, startLine, startCharacter) =>
  new TokenSpan(offset, endOffset, startLine, startCharacter);
/** A name or word with its `text`, or a comparator with its `op`: one field. */
export const makeTokenNameSpan: SpanMaker = (offset, endOffset, startLine, startCharacter) =>
  new TokenNameSpan(offset, endOffset, startLine, startCharacter);
/** A name or word (its `text` its token's image, which the caller sets at once): one field. */
export const makeTextSpan: SpanMaker = (offset, endOffset, startLine, startCharacter) =>
  new TextSpan(offset, endOffset, startLine, startCharacter);
/** A string or aggregate: up to two fields. */
export const makeTokenWordSpan: SpanMaker = (offset, endOffset, startLine, startCharacter) =>
  new TokenWordSpan(offset, endOffset, startLine, startCharacter);
/** A date, time or date-time: five fields (a date-time's further ones go out of the object, as before). */
export const makeTokenLiteralSpan: SpanMaker = (offset, endOffset, startLine, startCharacter) =>
  new TokenLiteralSpan(offset, endOffset, startLine, startCharacter);
reserveFields(makeSpan, 0);
reserveFields(makeNodeSpan, 5);
// Each class of the makers that pick one of two (a node on one line or not) gets its own.
const classMaker = (Kind: typeof CompactSpan): SpanMaker => (...at) => new Kind(...at);
reserveFields(classMaker(SmallNodeSpan), 4);
reserveFields(classMaker(LineSmallNodeSpan), 4);
reserveFields(classMaker(ItemSpan), 2);
reserveFields(classMaker(LineItemSpan), 2);
reserveFields(classMaker(WindowSpan), 4);
reserveFields(classMaker(LineWindowSpan), 4);
reserveFields(makeScheduleLineSpan, 3);
reserveFields(makeWordSpan, 2);
reserveFields(makeLiteralSpan, 5);
reserveFields(makeTokenSpan, 0);
reserveFields(makeTokenNameSpan, 1);
reserveFields((offset, endOffset, startLine, startCharacter) => {
  const span = makeTextSpan(offset, endOffset, startLine, startCharacter, startLine, startCharacter) as Span & { text: string };
  span.text = '';
  return span;
}, 0);
reserveFields(makeTokenWordSpan, 2);
reserveFields(makeTokenLiteralSpan, 5);
/** A quantity: unit start, value and unit besides its number end. */
reserveFields((...at) => new CompactQuantity(...at, at[0], at[0]), 4);
/** A quantity on one line: value and unit. */
reserveFields((offset, endOffset, startLine, startCharacter) => new LineQuantity(offset, endOffset, startLine, startCharacter, startCharacter), 2);
reserveFields((offset, endOffset, startLine, startCharacter) => new GluedQuantity(offset, endOffset, startLine, startCharacter, startCharacter), 2);
// A quantity's `value` made once holding a non-number, so that V8 keeps the field tagged: a
// number field it holds unboxed gets a 16-byte box of its own in every quantity, even for
// integers (71,000 boxes at 200,000 lines), while a tagged one keeps integers in place and
// lets quantities share one box per distinct fraction (the AST builder's `numberOf`).
makeQuantity(0, 0, 0, 1, undefined as unknown as number, undefined, 0, 0, 0);
makeQuantity(0, 0, 0, 1, undefined as unknown as number, '%', 1, 0, 1);
makeQuantity(0, 0, 0, 1, undefined as unknown as number, '%', 2, 1, 0);
makeQuantity(0, 0, 0, 1, undefined as unknown as number, '%', 2, 0, 2);

/**
 * A quantity from the positions of its tokens (no temporary spans: one is made for each of the
 * 70,000 quantities of a 200,000-line contract): the number at `offset` (line `line`,
 * character `character`, `numberLength` long) and, when `unitText` is given, the unit at
 * `unitOffset` (`unitLine`, `unitCharacter`); the quantity runs from the number's start to the
 * unit's end. No token spans a line, so each ends on its start's line.
 */
export function makeQuantity(
  offset: number,
  line: number,
  character: number,
  numberLength: number,
  value: number,
  unitText: string | undefined,
  unitOffset: number,
  unitLine: number,
  unitCharacter: number,
): Quantity {
  const numberEnd = character + numberLength;
  let quantity: CompactQuantity | LineQuantity;
  if (unitText === undefined) {
    quantity = new GluedQuantity(offset, offset + numberLength, line, character, numberEnd);
  } else if (unitLine === line) {
    // Its unit's start is derived (LineQuantity.unitCharacter: the end less the unit's length),
    // and so is its number's end when the unit follows it at once (GluedQuantity).
    quantity = unitCharacter === numberEnd
      ? new GluedQuantity(offset, unitOffset + unitText.length, line, character, numberEnd)
      : new LineQuantity(offset, unitOffset + unitText.length, line, character, numberEnd);
  } else {
    quantity = new CompactQuantity(offset, unitOffset + unitText.length, line, character, unitLine, unitCharacter + unitText.length, line, numberEnd);
    quantity.unitLine = unitLine;
    quantity.unitCharacter = unitCharacter;
  }
  const withValue = quantity as (CompactQuantity | LineQuantity) & { value: number; unit?: string };
  withValue.value = value;
  if (unitText !== undefined) withValue.unit = unitText;
  return withValue;
}

/** A shallow copy that keeps the prototype (and so `range`). */
export function cloneSpan<S extends object>(span: S): S {
  return Object.assign(Object.create(Object.getPrototypeOf(span) as object) as S, span);
}
