// Incremental parsing (issue 15): after an edit, re-lex and re-parse only the top-level
// items of the sla the edit touches and reuse the other items' AST, shifted in place.
//
// The result equals a full parse of the new text, or there is none (the caller parses in
// full). It is taken only where that equality follows from how the grammar works:
// - the region runs from the start of an item (after white space, after an item ending in
//   `}`) to the start of the next untouched item or to the sla's `}`, with a line break
//   between the edit and that boundary, so the tokens after it are the old ones on lines
//   shifted as a whole;
// - the previous parse's SLA001s lie inside the region, or before the item preceding it, or
//   after the boundary's first token: the items before and after the region were parsed from
//   a fresh sla item loop as a full parse of the new text parses them (a contract being typed
//   into has its syntax errors in the item being typed, and maybe in items left unfinished);
// - the region's items are parsed in the very parser state of a full parse (inside an
//   `sla … {`, with the boundary's tokens as lookahead), and the item loop must get to the
//   boundary token: with syntax errors in the region too, as long as its blocks are closed,
//   no unclosed string explains them, and none is placed by the token before the region.
//   Where its items run on into the boundary item, the region takes in the next item (a few
//   times at most);
// - the parser's cap on syntax errors is not reached.
// Everything else (edits in an sla header or on its braces, items outside an sla, syntax
// errors elsewhere) is parsed in full.
import { createTokenInstance, type IToken } from 'chevrotain';
import type { ContractFile, Position, Quantity, Range, Sla, SlaItem, Span } from './ast';
import { cloneSpan, makeSpan } from './span';
import { Identifier, LCurly, RCurly, T, moveToken, tokenEnd, tokenize } from './lexer';
import { AstBuilder } from './parse/ast-builder';
import type { Diagnostic } from './diagnostics';
import {
  countedByCap,
  explainedBy,
  finishDiagnostics,
  lexicalErrors,
  lineIndexOfParse,
  literalDiagnostics,
  MAX_NESTING,
  MAX_SYNTAX_ERRORS,
  noRealTokenBefore,
  rememberLineIndex,
  sharedGrammar,
  syntaxErrorDiagnostics,
  type ParseResult,
} from './parser';
import { LineIndex } from './text';
import { firstAtOrAfter } from './sortedSearch';
import { setParsedText } from './parse/tokenLines';
import { messages } from '../l10n/messages';
import type { Locale } from '../l10n/locale';

/** One edit as offsets: the old text's [start, oldEnd) became the new text's [start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Which items an incremental parse replaced: in sla `sla`, the items from `first` on,
 * `oldCount` of them in the previous parse, `newCount` in this one. The sla and every item
 * are the previous parse's objects, changed in place: those after the region moved, and
 * when the counts are equal, each region item that kept its type holds its replacement.
 */
export interface ReparsedRegion {
  sla: number;
  first: number;
  oldCount: number;
  newCount: number;
  /**
   * The previous parse's items of the region as they were (an item whose object now holds
   * its replacement, see `transplant`, is here as a shallow copy of its old self).
   */
  replaced: readonly SlaItem[];
  /**
   * The object each of `replaced` was in the previous parse: the same item but for those
   * transplanted, which now hold their replacement (`objects[i] === sla.items[first + i]`).
   */
  objects: readonly SlaItem[];
}

const regions = new WeakMap<ParseResult, ReparsedRegion>();

/** The region an incremental parse replaced (undefined for a full parse). */
export function reparsedRegionOf(result: ParseResult): ReparsedRegion | undefined {
  return regions.get(result);
}

/** An incremental parse's region parsed (see `reparse`). */
interface RegionParse {
  oldBoundaryOffset: number;
  boundaryOffset: number;
  lexed: ReturnType<typeof tokenize>;
  regionTokens: IToken[];
  regionItems: SlaItem[];
  regionDiagnostics: Diagnostic[];
}

/** The region's items ran on past the boundary: the region takes in the next item. */
const PAST_THE_BOUNDARY = 'past the boundary';

/** How many items a region takes in beyond the first boundary before the text is parsed in full. */
const MAX_REGION_GROWTH = 3;

/** How many items back a region starts, past items with a syntax error, before the text is parsed in full. */
const MAX_BROKEN_ITEMS_BEFORE = 3;

/** The parse of `text`, which is `previous`'s text with `edit` applied; undefined when it must be parsed in full. */
export function reparse(previous: ParseResult, oldText: string, text: string, edit: TextEdit, locale?: Locale): ParseResult | undefined {
  // Capped (parser.ts limitSyntaxErrors): what was left out cannot be pieced together.
  if (countedByCap(previous.diagnostics) >= MAX_SYNTAX_ERRORS) return undefined;
  const slas = previous.file.slas;
  const s = slas.findIndex((sla) => sla.body !== undefined && sla.body.offset < edit.start && edit.oldEnd < sla.body.endOffset - 1);
  if (s < 0) return undefined;
  const sla = slas[s];
  const closeOffset = sla.body!.endOffset - 1;
  if (oldText.charCodeAt(closeOffset) !== 125 /* } */) return undefined;
  const items = sla.items;

  // First item of the region: the last one starting at or before the edit, after white
  // space and after an item that ends in `}` (items without braces take optional words).
  const startable = (i: number) => i < 0 || (isSpace(oldText, items[i].offset - 1) && (i === 0 || oldText.charCodeAt(items[i - 1].endOffset - 1) === 125));
  let first = lastIndexWhere(items, (item) => item.offset <= edit.start);
  while (!startable(first)) first--;
  // A syntax error in the item before the region, or at the region's first token, would send
  // the edit to a full parse (below): the region starts at that item instead, whose errors are
  // then the region's own (typing a new item right after one left broken).
  const syntaxErrors = previous.diagnostics.filter((d) => d.code === 'SLA001');
  for (let extended = 0; first > 0 && extended < MAX_BROKEN_ITEMS_BEFORE; extended++) {
    const before = items[first - 1].range.start;
    const at = items[first].range.start;
    if (!syntaxErrors.some((d) => comparePosition(d.range.start, before) >= 0 && comparePosition(d.range.start, at) <= 0)) break;
    first--;
    while (!startable(first)) first--;
  }
  const regionStart = first >= 0 ? items[first].offset : sla.body!.offset + 1;
  const regionStartsAtItem = first >= 0;
  if (first < 0) first = 0;

  // The boundary: the first untouched item after a line break that follows the edit, or the sla's `}`.
  let boundary = items.findIndex((item, i) => i >= first && item.offset > edit.oldEnd);
  while (boundary >= 0 && boundary < items.length && !(isSpace(oldText, items[boundary].offset - 1) && hasLineBreak(oldText, edit.oldEnd, items[boundary].offset))) boundary++;
  if (boundary < 0 || boundary >= items.length) {
    boundary = items.length;
    if (!hasLineBreak(oldText, edit.oldEnd, closeOffset)) return undefined;
  }
  const delta = edit.newEnd - edit.oldEnd;
  const lines = editedLineIndex(previous, oldText, text, edit);
  const t = messages(locale).t;

  const parseRegion = (boundary: number): RegionParse | typeof PAST_THE_BOUNDARY | undefined => {
    const oldBoundaryOffset = boundary < items.length ? items[boundary].offset : closeOffset;
    const boundaryOffset = oldBoundaryOffset + delta;
    const lookaheadEnd = boundary < items.length ? items[boundary].endOffset + delta : boundaryOffset + 1;
    // Lexed from a copy of the region of its own: token images, and the AST's names and strings
    // taken from them, are slices of the text lexed, and a slice keeps its whole parent alive.
    // Lexed from a slice of the document, each item edited kept that version of the whole text
    // (4 MB per item at 200,000 lines: docs/performance.md, "lspmem").
    const lexed = tokenize(detachedSlice(text, regionStart, lookaheadEnd));
    for (const token of [...lexed.tokens, ...lexed.comments]) moveToken(token, regionStart);
    const split = lexed.tokens.findIndex((token) => token.startOffset >= boundaryOffset);
    if (split < 0 || lexed.tokens[split].startOffset !== boundaryOffset) return undefined;
    if (lexed.comments.some((c) => c.startOffset < boundaryOffset && tokenEnd(c) > boundaryOffset)) return undefined;
    const regionTokens = lexed.tokens.slice(0, split);
    const stop = lexed.tokens[split];
    if (boundary === items.length ? stop.tokenType !== RCurly : stop.tokenType === RCurly) return undefined;
    // Every block of the region closed: the depth of each later `{` is then at most what it was
    // (one left open before now closed lowers it), so no block after it is cut as too deep.
    const nesting = nestingOf(regionTokens);
    if (nesting.open > 0 || nesting.deepest + 1 > MAX_NESTING) return undefined;
    // A literal's SLA001 (an unclosed string) explains the syntax errors after it in a full parse (parseWith): parse in full.
    const literal = literalDiagnostics(regionTokens, lines, t);
    if (literal.some((d) => d.code === 'SLA001')) return undefined;
    // Characters the lexer does not know (`99.` on the way to `99.5%`), only in the region; they explain the syntax errors that follow.
    const unknownCharacters = lexed.errors.map((e) => ({ offset: e.offset + regionStart, length: e.length }));
    if (unknownCharacters.some((e) => e.offset + e.length > boundaryOffset)) return undefined;
    const lexical = lexicalErrors(unknownCharacters, text, lines, t);

    const grammar = sharedGrammar();
    const opening = [createTokenInstance(T.sla, 'sla', NaN, NaN, NaN, NaN, NaN, NaN), createTokenInstance(Identifier, 'x', NaN, NaN, NaN, NaN, NaN, NaN), createTokenInstance(LCurly, '{', NaN, NaN, NaN, NaN, NaN, NaN)];
    const builder = new AstBuilder(lines, t);
    let regionItems: SlaItem[];
    let syntax: Diagnostic[];
    let builderDiagnostics: Diagnostic[];
    setParsedText(text);
    try {
      grammar.parseTokens([...opening, ...regionTokens, ...lexed.tokens.slice(split, split + 4)], builder, stop);
      // The item loop must get to the boundary, whatever errors the region has: from there on a
      // full parse reads the same tokens in the same state as the previous one did.
      const stopped = grammar.stoppedAt;
      if (!stopped) return PAST_THE_BOUNDARY;
      if (stopped.sla !== opening[0]) return undefined;
      const errors = grammar.errors.slice(0, stopped.errors);
      if (errors.some(noRealTokenBefore)) return undefined;
      const strays = grammar.strayErrors.slice(0, stopped.strays);
      if (strays.some((stray) => stray.block === 'file')) return undefined;
      regionItems = stopped.items;
      const built = builder.diagnostics.slice(0, stopped.diagnostics);
      syntax = syntaxErrorDiagnostics(errors, strays, built.filter((d) => d.code === 'SLA001'), lines, text, explainedBy(lexical.spans, lines));
      builderDiagnostics = built.filter((d) => d.code !== 'SLA001');
    } finally {
      grammar.release();
      setParsedText('');
    }
    const regionFullWidth = lexed.fullWidth.filter((f) => f.offset + regionStart < boundaryOffset).map((f) => ({ ...f, offset: f.offset + regionStart }));
    // In the order parseWith gives them (lexical, literal, syntax, other), finished as it finishes its own.
    const regionDiagnostics = finishDiagnostics([...lexical.diagnostics, ...literal, ...syntax, ...builderDiagnostics], regionFullWidth, lines, t);
    return { oldBoundaryOffset, boundaryOffset, lexed, regionTokens, regionItems, regionDiagnostics };
  };

  // The region's items, parsed inside a stand-in `sla x {` up to the boundary item, whose first
  // tokens are the parser's lookahead. When they run on into it (`objective` typed above an
  // item: the item's keyword read as the name), the region takes in the next item too.
  let region: RegionParse | undefined;
  for (let grown = 0; region === undefined; grown++) {
    const parsed = parseRegion(boundary);
    if (parsed === undefined) return undefined;
    if (parsed !== PAST_THE_BOUNDARY) region = parsed;
    else if (grown === MAX_REGION_GROWTH || boundary === items.length) return undefined;
    else do boundary++; while (boundary < items.length && !isSpace(oldText, items[boundary].offset - 1));
  }
  const { oldBoundaryOffset, boundaryOffset, lexed, regionTokens, regionItems, regionDiagnostics } = region;

  // Syntax errors before: inside the region after its first token (replaced), before the item
  // that precedes the region, or after the boundary's first token (each kept: those items were
  // parsed from a fresh item loop, which a full parse of the new text reaches in the same
  // state). Not in the item before the region or at the region's first token (that item's
  // missing `}` is reported there, and a lexical error's span may reach the region), nor at
  // the boundary's first token (the region's own missing `}` may be reported there).
  const oldBoundary = boundary < items.length ? items[boundary].range.start : closingBrace(sla);
  if (syntaxErrors.length > 0) {
    if (!regionStartsAtItem) return undefined;
    // An error at or after the sla's `}`, before the next sla: the sla may not have closed
    // there (an objective at the end without its `{`, or `review q{uarterly`: the objective's
    // or the block's `}` was the sla's), and then what the previous parse read after the
    // region is not what a full parse of the new text reads.
    const close = closingBrace(sla);
    const nextSla = s + 1 < slas.length ? slas[s + 1].range.start : undefined;
    if (syntaxErrors.some((d) => comparePosition(d.range.start, close) >= 0 && (!nextSla || comparePosition(d.range.start, nextSla) < 0))) return undefined;
    const oldRegionStart = items[first].range.start;
    const itemBefore = first > 0 ? items[first - 1].range.start : undefined;
    const kept = (at: Position) =>
      (comparePosition(at, oldRegionStart) > 0 && comparePosition(at, oldBoundary) < 0) ||
      (itemBefore !== undefined && comparePosition(at, itemBefore) < 0) ||
      comparePosition(at, oldBoundary) > 0;
    if (!syntaxErrors.every((d) => kept(d.range.start))) return undefined;
  }
  const regionStartPosition = lines.positionAt(regionStart); // the text before the edit is unchanged
  const previousBefore = previous.diagnostics.filter((d) => comparePosition(d.range.start, regionStartPosition) < 0);
  const previousLater = previous.diagnostics.filter((d) => comparePosition(d.range.start, oldBoundary) >= 0);
  if (countedByCap(previousBefore) + countedByCap(regionDiagnostics) + countedByCap(previousLater) > MAX_SYNTAX_ERRORS) return undefined;

  // Everything after the boundary moves by `delta` characters and `lineDelta` lines.
  const lineDelta = lines.positionAt(boundaryOffset).line - oldBoundary.line;
  const move = (position: Position): Position => ({ line: position.line + lineDelta, character: position.character });
  const moveRange = (range: Range): Range => ({ start: move(range.start), end: move(range.end) });
  const shift = new Shifter(delta, lineDelta);
  for (let i = boundary; i < items.length; i++) shift.item(items[i]);
  for (let i = s + 1; i < slas.length; i++) shift.sla(slas[i]);

  // The sla is changed in place (the previous parse is spent), so it and every item not
  // re-parsed keep their identity; so does an item replaced by one of the same type at the
  // same place (`transplant`). What the region held before is kept in the region record.
  const replaced = items.slice(first, boundary);
  const objects = replaced.slice();
  if (replaced.length === regionItems.length) {
    for (let i = 0; i < replaced.length; i++) {
      const old = replaced[i];
      if (!old || !regionItems[i] || old.type !== regionItems[i].type) continue;
      replaced[i] = cloneSpan(old);
      transplant(old, regionItems[i]);
      regionItems[i] = old;
    }
  }
  replaceRange(items, first, boundary, regionItems);
  sla.endLine += lineDelta;
  sla.endOffset += delta;
  // A body kept as a span moves with the sla's end; one made when read (span.ts) ends where the
  // sla does already, and a write to it would go to a span made for that write alone.
  if (Object.prototype.hasOwnProperty.call(sla, 'body')) {
    sla.body!.endLine += lineDelta;
    sla.body!.endOffset += delta;
  }
  const file: ContractFile = { type: 'File', slas: slas.slice(), range: lines.range(0, text.length) };

  // The token array is taken over in place (the previous parse is spent): the region's
  // tokens replace the old ones, the later ones move. No copy of the whole array.
  // The images are read from the lexer's reading of the new text: the text itself unless
  // full-width punctuation was read as ASCII before or in the region (then pieced together).
  const tokens = previous.tokens;
  const oldSource = tokens.text;
  const source =
    oldSource === oldText && lexed.fullWidth.length === 0
      ? text
      : oldSource.slice(0, regionStart) + lexed.text.slice(0, boundaryOffset - regionStart) + oldSource.slice(oldBoundaryOffset);
  tokens.splice(tokens.firstStartingAtOrAfter(regionStart), tokens.firstStartingAtOrAfter(oldBoundaryOffset), regionTokens, delta, source);

  const later = previousLater.map((d) => ({ ...d, range: moveRange(d.range) }));

  const comments = previous.comments;
  const regionComments = lexed.comments.filter((c) => c.startOffset < boundaryOffset).map((c) => lines.span(c.startOffset, tokenEnd(c)));
  const moveSpan = (span: Span): Span =>
    makeSpan(span.offset + delta, span.endOffset + delta, span.startLine + lineDelta, span.startCharacter, span.endLine + lineDelta, span.endCharacter);

  const result = rememberLineIndex({
    file,
    diagnostics: [...previousBefore, ...regionDiagnostics, ...later],
    tokens,
    comments: [
      ...comments.filter((c) => c.offset < regionStart),
      ...regionComments,
      ...comments.filter((c) => c.offset >= oldBoundaryOffset).map(moveSpan),
    ],
  }, lines);
  regions.set(result, { sla: s, first, oldCount: boundary - first, newCount: regionItems.length, replaced, objects });
  return result;
}

/**
 * The line index of the new text from the previous one: line starts before the edit kept,
 * those after it moved, only the lines around the edit scanned (as LineIndex does). The
 * previous index's array is taken over in place (no copy of 200,000 starts per keystroke);
 * that index is then spent, and a later reparse from the same previous parse scans afresh.
 */
function editedLineIndex(previous: ParseResult, oldText: string, text: string, edit: TextEdit): LineIndex {
  const old = lineIndexOfParse(previous);
  if (!old || old === SPENT_INDEX || old.text !== oldText) return new LineIndex(text);
  const starts = old.lineStarts;
  const keep = Math.max(firstAtOrAfter(starts, edit.start, (s) => s) - 1, 0); // the last start before the edit (starts[0] = 0)
  const after = firstAtOrAfter(starts, edit.oldEnd + 2, (s) => s); // from here on, starts are moved
  const delta = edit.newEnd - edit.oldEnd;
  const limit = after < starts.length ? starts[after] + delta : Infinity; // that start itself is pushed below
  const scanned: number[] = [];
  for (let i = starts[keep]; i < Math.min(limit, text.length); i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i + 1 < limit) scanned.push(i + 1);
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 < limit) scanned.push(i + 1);
    }
  }
  rememberLineIndex(previous, SPENT_INDEX);
  replaceRange(starts, keep + 1, after, scanned);
  if (delta !== 0) for (let i = keep + 1 + scanned.length; i < starts.length; i++) starts[i] += delta;
  return new LineIndex(text, starts);
}

/**
 * What a parse whose line index a later version took over maps to: the index is dropped, not
 * only marked. V8's young-generation collections keep a WeakMap's values alive like strong
 * references, so an entry left in place kept each version's whole text alive until a full
 * collection (4 MB per keystroke at 200,000 lines; docs/performance.md, "lspmem2").
 */
const SPENT_INDEX = new LineIndex('');

/** Where the `}` closing an sla is (its body ends right after it). */
function closingBrace(sla: Sla): Position {
  const end = sla.body!.range.end;
  return { line: end.line, character: end.character - 1 };
}

function comparePosition(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function lastIndexWhere<T>(values: readonly T[], test: (value: T) => boolean): number {
  for (let i = values.length - 1; i >= 0; i--) if (test(values[i])) return i;
  return -1;
}

/**
 * Makes `old` hold what `fresh` holds, so an item keeps its identity across versions (the
 * linked facts and diagnostics kept per item are then updated in place, in text order).
 */
function transplant(old: SlaItem, fresh: SlaItem): void {
  const target = old as unknown as Record<string, unknown>;
  // Own fields only: a node's `keyword` is a getter unless kept as an own field (span.ts).
  for (const key of Object.keys(target)) if (!Object.prototype.hasOwnProperty.call(fresh, key)) delete target[key];
  // A node on one line derives its end (span.ts): the old item takes the fresh one's class first.
  const freshClass = Object.getPrototypeOf(fresh) as object;
  if (Object.getPrototypeOf(old) !== freshClass) Object.setPrototypeOf(old, freshClass);
  Object.assign(target, fresh);
  // Its subtree is another now (its places forgotten where they were kept).
  if (Object.prototype.hasOwnProperty.call(old, PLACES)) setHidden(old, PLACES, undefined);
  setHidden(old, TRANSPLANTS, subtreeVersion(old) + 1);
}

/**
 * Sets `key` on `holder` as a hidden field: writable and not enumerable, so not part of the
 * node's data (equality, JSON, structured clones and `for…in` do not see it).
 */
function setHidden(holder: object, key: symbol, value: unknown): void {
  if (Object.prototype.hasOwnProperty.call(holder, key)) (holder as Record<symbol, unknown>)[key] = value;
  else Object.defineProperty(holder, key, { value, writable: true, enumerable: false });
}

/** How many times an item was given a new subtree in place (a hidden field, like PLACES). */
const TRANSPLANTS = Symbol('transplants');
type WithTransplants = { [TRANSPLANTS]?: number };

/**
 * Which subtree an item holds: the same item with the same number holds the same subtree (its
 * spans perhaps moved), as an item's nodes are replaced in place only by `transplant`; a full
 * parse makes new items.
 */
export function subtreeVersion(item: SlaItem): number {
  return (item as unknown as WithTransplants)[TRANSPLANTS] ?? 0;
}

/** `values[from, to)` replaced by `replacement`, in place. */
function replaceRange<T>(values: T[], from: number, to: number, replacement: readonly T[]): void {
  const growth = replacement.length - (to - from);
  if (growth === 0) {
    for (let i = 0; i < replacement.length; i++) values[from + i] = replacement[i];
  } else if (replacement.length <= 10_000) {
    values.splice(from, to - from, ...replacement); // V8 moves the tail as a block
  } else {
    // Too many to pass as arguments: move the tail, then write.
    const oldLength = values.length;
    if (growth > 0) {
      for (let i = 0; i < growth; i++) values.push(values[oldLength - 1]); // stays packed
      values.copyWithin(to + growth, to, oldLength);
    } else {
      values.copyWithin(to + growth, to);
      values.length += growth;
    }
    for (let i = 0; i < replacement.length; i++) values[from + i] = replacement[i];
  }
}

function isSpace(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** How deep the blocks of `tokens` nest, and how many are left open at the end. */
function nestingOf(tokens: readonly IToken[]): { deepest: number; open: number } {
  let depth = 0;
  let deepest = 0;
  for (const t of tokens) {
    if (t.tokenType === LCurly) deepest = Math.max(deepest, ++depth);
    else if (t.tokenType === RCurly && depth > 0) depth--;
  }
  return { deepest, open: depth };
}


/**
 * Moves every span of an AST subtree in place: `offset`/`endOffset` by `delta`, its lines by
 * `lineDelta` (the subtree lies on lines after the edit: characters stay). Spans hold their
 * positions as numbers (span.ts); a quantity's number end and unit start are moved as well.
 * No two places share a span object (a test checks).
 * An sla item's spans are listed once (`placesOf`, kept while the item lives) and moved from
 * the list: a keystroke moves every later item, and walking each item's tree every time was
 * the largest part of it (issue 15).
 */
class Shifter {
  constructor(
    private readonly delta: number,
    private readonly lineDelta: number,
  ) {}

  /** An sla after the edited one: its own spans (listed now: slas are few), and its items from their lists. */
  sla(sla: Sla): void {
    if (this.delta === 0 && this.lineDelta === 0) return;
    const own: Places = { spans: [], oneLine: [], quantities: [] };
    collectPlaces(sla as unknown as Record<string, unknown>, own, 'items');
    this.move(own);
    for (const item of sla.items ?? []) if (item) this.move(placesOf(item));
  }

  /** An sla item (its places listed on first use and kept while the item lives). */
  item(item: SlaItem): void {
    if (this.delta !== 0 || this.lineDelta !== 0) this.move(placesOf(item));
  }

  private move({ spans, oneLine, quantities }: Places): void {
    const delta = this.delta;
    const lineDelta = this.lineDelta;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      span.offset += delta;
      span.endOffset += delta;
    }
    for (let i = 0; i < oneLine.length; i++) {
      const span = oneLine[i];
      span.offset += delta;
      span.endOffset += delta;
    }
    if (lineDelta === 0) return;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      span.startLine += lineDelta;
      span.endLine += lineDelta;
    }
    for (let i = 0; i < oneLine.length; i++) oneLine[i].startLine += lineDelta;
    for (let i = 0; i < quantities.length; i++) {
      const quantity = quantities[i];
      quantity.numberEndLine += lineDelta;
      if (quantity.unitLine !== undefined) quantity.unitLine += lineDelta;
    }
  }
}

interface Places {
  /** The spans of the subtree (objects with `offset`/`endOffset`) that keep their end line. */
  spans: Span[];
  /**
   * Those on one line, whose end line follows the start line (span.ts: an accessor on their
   * prototype, so not written when they move: a call per span, most of a typing keystroke's
   * moving at 200,000 lines).
   */
  oneLine: Span[];
  /** The quantities among them (their number end and unit start move too). */
  quantities: Quantity[];
}

/**
 * An item's places, kept on the item as a hidden field (`setHidden`), found without a map
 * look-up (a WeakMap's was most of the moving).
 */
const PLACES = Symbol('places');
type WithPlaces = { [PLACES]?: Places };

function placesOf(item: SlaItem): Places {
  const holder = item as unknown as WithPlaces;
  let places = holder[PLACES];
  if (!places) {
    places = { spans: [], oneLine: [], quantities: [] };
    collectPlaces(item as unknown as Record<string, unknown>, places);
    setHidden(holder, PLACES, places);
  }
  return places;
}

function collectPlaces(record: Record<string, unknown>, places: Places, skip?: string): void {
  if (typeof record.offset === 'number') {
    if (Object.prototype.hasOwnProperty.call(record, 'endLine')) places.spans.push(record as unknown as Span);
    else places.oneLine.push(record as unknown as Span);
    if (typeof record.numberEndLine === 'number') places.quantities.push(record as unknown as Quantity);
  }
  for (const key in record) {
    if (key === skip) continue;
    const child = record[key];
    if (typeof child !== 'object' || child === null) continue;
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const element: unknown = child[i];
        if (typeof element === 'object' && element !== null) collectPlaces(element as Record<string, unknown>, places);
      }
    } else {
      collectPlaces(child as Record<string, unknown>, places);
    }
  }
}

/**
 * `text.slice(start, end)` as a string of its own, sharing no memory with `text`: V8 makes a
 * slice of 13 or more characters a view of its parent; the one-character prefix makes a
 * concatenation that V8 flattens into a new string before it is sliced.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}
