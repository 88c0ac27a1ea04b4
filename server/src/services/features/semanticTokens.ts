// Semantic tokens: declared names and references by what they name (service, schedule,
// indicator…; declarations marked), keywords, fixed words, numbers and dates, units,
// strings, operators and comments.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../../language/analyze';
import { tokenCategory, type TokenCategory } from '../../language/lexer';
import type { SlaItem } from '../../language/ast';
import type { DefinitionSort, SlaScope } from '../../language/scope';
import type { LineIndex } from '../../language/text';
import { commentSpans } from './folding';
import { KeptPerItem, type ItemReuse } from '../support/keptPerItem';
import { lineIndexOf } from '../support/text';

const TYPES = ['namespace', 'class', 'struct', 'event', 'variable', 'function', 'enumMember', 'keyword', 'number', 'string', 'operator', 'type', 'comment'] as const;
const MODIFIERS = ['declaration', 'readonly'] as const;
type TokenTypeName = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = Object.fromEntries(TYPES.map((t, i) => [t, i])) as Record<TokenTypeName, number>;
const DECLARATION = 1 << MODIFIERS.indexOf('declaration');
const READONLY = 1 << MODIFIERS.indexOf('readonly');
const COMMENT = TYPE_INDEX.comment;

/** How each sort of name is shown. */
const SORT_TOKEN: Readonly<Record<DefinitionSort, TokenTypeName>> = {
  service: 'class',
  schedule: 'struct',
  maintenance: 'event',
  indicator: 'variable',
  objective: 'function',
  severity: 'enumMember',
};

/** A token's type and modifiers in one number: type in the high bits, modifiers in the low 8. */
const pack = (type: TokenTypeName, modifiers: number): number => (TYPE_INDEX[type] << 8) | modifiers;

/** How each category of the other tokens is shown (packed). */
const CATEGORY_TOKEN: Partial<Record<TokenCategory, number>> = {
  keyword: pack('keyword', 0),
  contextual: pack('enumMember', READONLY),
  string: pack('string', 0),
  number: pack('number', 0),
  date: pack('number', 0),
  time: pack('number', 0),
  dateTime: pack('number', 0),
  unit: pack('type', 0),
  percentile: pack('enumMember', READONLY),
  operator: pack('operator', 0),
};

/**
 * The encoded token data (LSP's relative five-number form). Walks the token list and the
 * comment spans together in offset order (each line look-up starts from the last one), writing
 * straight into one array: at 200,000 lines that is 2.4 M numbers, and an object per token
 * plus two position objects each held about 120 MB per request (docs/performance.md, "semtok").
 */
export function semanticTokens(analysis: Analysis): number[] {
  return numbersOf(encodedSemanticTokens(analysis));
}

/** `data[from, to)` as a number array (what JSON writes as an array; `Array.from` walks a typed array's iterator, several times slower). */
export function numbersOf(data: ArrayLike<number>, from = 0, to = data.length): number[] {
  const numbers = new Array<number>(to - from);
  for (let i = from; i < to; i++) numbers[i - from] = data[i];
  return numbers;
}

/**
 * `semanticTokens` as 32-bit integers (half the memory of a number array: the server keeps the
 * last data of each document). `kept`: the document's item tokens from the last request,
 * reused for the items an edit did not touch: only the others are classified ("docsym").
 */
export function encodedSemanticTokens(analysis: Analysis, kept?: KeptTokens): Int32Array<ArrayBufferLike> {
  const tokens = analysis.parse.tokens;
  const comments = commentSpans(analysis);
  // After an edit the data is about as long as the last (kept buffers are then sized to it, not to every token).
  const estimate = kept && kept.last.length > 0 ? kept.last.length + EDIT_ROOM : (tokens.length + comments.length) * 5;
  const writer = new TokenWriter(analysis.text, lineIndexOf(analysis), estimate, kept?.spare);
  if (!kept) {
    new TokenWalk(analysis, namesOf(analysis.scopes)).writeUntil(writer, Infinity);
    return writer.finish();
  }
  const reuse = kept.start(analysis.scopes);
  const items = analysis.parse.file.slas.flatMap((sla) => sla?.items ?? []).filter(Boolean);
  const found = items.map((item) => reuse.lookUp(item));
  // Only the names in the items classified afresh are looked up (and the slas' names).
  const fresh = items.filter((_, i) => !found[i]);
  const walk = new TokenWalk(analysis, namesOf(analysis.scopes, (offset) => itemAt(fresh, offset) !== undefined));
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    walk.writeUntil(writer, item.offset);
    const itemTokens = found[i];
    if (itemTokens) {
      walk.skip(itemTokens);
      writer.append(kept.last, itemTokens, item.startLine);
      reuse.keep(item, itemTokens);
    } else {
      const [token, comment] = [walk.token, walk.comment];
      const start = writer.mark();
      walk.writeUntil(writer, item.endOffset);
      reuse.keep(item, writer.itemTokens(start, item.startLine, walk.token - token, walk.comment - comment));
    }
  }
  walk.writeUntil(writer, Infinity);
  return kept.finish(writer);
}

/** Room for the entries an edit adds (more grows the buffer). */
const EDIT_ROOM = 5 * 4096;

/**
 * Where one item's tokens are in the last data, as they were encoded there: entries relative
 * to each other, the first one's line counted from the item's first line, so they hold
 * wherever the item moved (only the first entry's delta is worked out again when it is
 * copied into the next data).
 */
interface ItemTokens {
  /** The first entry (index of its first number in the last data) and how many numbers. */
  start: number;
  length: number;
  /** The first and last entries' lines (from the item's first line) and characters. */
  firstLine: number;
  firstChar: number;
  lastLine: number;
  lastChar: number;
  /** How many tokens of the token list and comments start in the item (written or not). */
  tokens: number;
  comments: number;
}

/**
 * The item tokens of one document, kept from one request to the next (see
 * services/support/keptPerItem.ts for when an item's are kept), as places in the last data.
 * A kept item's tokens are classified as they were unless a name it refers to now names
 * another sort of thing: every reference is shown by the sort of the first definition of its
 * name in its sla (or the sort its clause expects), so all are dropped when the slas' names
 * and sorts are not the ones seen last time (a rename, a definition added or removed).
 */
export class KeptTokens {
  private readonly items = new KeptPerItem<ItemTokens>();
  private definitions: ReadonlyMap<string, DefinitionSort>[] = [];
  /** Changes whenever the definitions do (what was kept under another is dropped). */
  private key = {};
  /** The data the kept items' places are in (a view of `lastBuffer`). */
  last: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private lastBuffer: Int32Array<ArrayBufferLike> | undefined;
  /**
   * The buffer of the data before the last, written over by the next request: a new 10 MB
   * buffer per request at 200,000 lines lay outside the heap until a collection, several at
   * a time (the server's RSS). Nothing reads that data any more: the delta is worked out
   * from the last one (lsp/semanticTokensCache.ts keeps only the last data of a document).
   */
  spare: Int32Array<ArrayBufferLike> | undefined;
  /** Set while a request runs: one that did not finish left places that do not fit `last`. */
  private running = false;

  start(scopes: readonly SlaScope[]): ItemReuse<ItemTokens> {
    if (this.running || !sameDefinitions(this.definitions, scopes)) {
      this.definitions = scopes.map((scope) => new Map([...scope.definitions].map(([name, d]) => [name, d.sort])));
      this.key = {};
    }
    this.running = true;
    return this.items.start(this.key);
  }

  /** Ends a request that wrote with `writer`: the kept items' places are in its data now. */
  finish(writer: TokenWriter): Int32Array<ArrayBufferLike> {
    const buffer = writer.buffer;
    if (buffer !== this.lastBuffer) {
      this.spare = this.lastBuffer;
      this.lastBuffer = buffer;
    }
    this.last = writer.finish();
    this.running = false;
    return this.last;
  }

  /** How many items' tokens the last request took from the kept ones. */
  get lastReused(): number {
    return this.items.lastReused;
  }
}

function sameDefinitions(previous: readonly ReadonlyMap<string, DefinitionSort>[], scopes: readonly SlaScope[]): boolean {
  if (previous.length !== scopes.length) return false;
  return scopes.every((scope, i) => {
    const sorts = previous[i];
    if (sorts.size !== scope.definitions.size) return false;
    for (const [name, definition] of scope.definitions) if (sorts.get(name) !== definition.sort) return false;
    return true;
  });
}

/** How each declared or referred name is shown (packed), by the offset of its token; only names at offsets `wanted` accepts, and every sla's name. */
function namesOf(scopes: readonly SlaScope[], wanted?: (offset: number) => boolean): Map<number, number> {
  const names = new Map<number, number>();
  for (const scope of scopes) {
    if (scope.sla.name) names.set(scope.sla.name.offset, pack('namespace', DECLARATION));
    for (const definitions of [scope.definitions.values(), scope.duplicates, scope.severities.values()]) {
      for (const d of definitions) if (!wanted || wanted(d.nameSpan.offset)) names.set(d.nameSpan.offset, pack(SORT_TOKEN[d.sort], DECLARATION));
    }
    for (const r of scope.references) if (!wanted || wanted(r.ref.offset)) names.set(r.ref.offset, pack(SORT_TOKEN[r.definition?.sort ?? r.expected[0]], 0));
  }
  return names;
}

/** Walks the token list and the comments together in offset order, each call from where the last one stopped. */
class TokenWalk {
  /** The next token and comment. */
  token = 0;
  comment = 0;

  constructor(
    private readonly analysis: Analysis,
    private readonly names: ReadonlyMap<number, number>,
  ) {}

  /** Writes the tokens and comments starting before `to` (a token before a comment at the same offset, as a stable sort left them). */
  writeUntil(writer: TokenWriter, to: number): void {
    const tokens = this.analysis.parse.tokens;
    const comments = commentSpans(this.analysis);
    const names = this.names;
    let c = this.comment;
    let i = this.token;
    for (; i < tokens.length; i++) {
      const start = tokens.startAt(i);
      if (start >= to) break;
      const shown = names.get(start) ?? CATEGORY_TOKEN[tokenCategory(tokens.typeAt(i))];
      if (shown === undefined) continue;
      for (; c < comments.length && comments[c].offset < start; c++) writer.comment(comments[c]);
      writer.write(start, tokens.endAt(i) - start, shown >> 8, shown & 0xff);
    }
    for (; c < comments.length && comments[c].offset < to; c++) writer.comment(comments[c]);
    this.token = i;
    this.comment = c;
  }

  /** Steps over an item's tokens and comments. */
  skip(item: ItemTokens): void {
    this.token += item.tokens;
    this.comment += item.comments;
  }
}

/** The item of `items` (in text order) whose text holds `offset`. */
function itemAt(items: readonly SlaItem[], offset: number): SlaItem | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].endOffset <= offset) low = middle + 1;
    else high = middle;
  }
  return low < items.length && items[low].offset <= offset ? items[low] : undefined;
}

/** Writes tokens in offset order as relative five-number entries. */
class TokenWriter {
  private data: Int32Array<ArrayBufferLike>;
  private count = 0;
  private previousLine = 0;
  private previousCharacter = 0;

  constructor(
    private readonly text: string,
    /** The text's line index: its look-ups start from the previous one's line, so a scan in offset order is cheap. */
    private readonly lines: LineIndex,
    estimate: number,
    /** A buffer to write over when it is large enough. */
    reuse?: Int32Array<ArrayBufferLike>,
  ) {
    // Not a buffer far larger than needed (the first one, sized to every token, is kept otherwise).
    this.data = reuse && reuse.length >= estimate && reuse.length <= estimate * 1.25 ? reuse : new Int32Array(Math.max(estimate, 5));
  }

  /** The whole buffer written into (`finish` gives the part written). */
  get buffer(): Int32Array<ArrayBufferLike> {
    return this.data;
  }

  comment(span: { offset: number; endOffset: number }): void {
    this.write(span.offset, span.endOffset - span.offset, COMMENT, 0);
  }

  write(offset: number, length: number, type: number, modifiers: number): void {
    const starts = this.lines.lineStarts;
    const line = this.lines.lineAt(offset);
    const endLine = this.lines.lineAt(offset + length);
    if (line === endLine) {
      this.push(line, offset - starts[line], length, type, modifiers);
      return;
    }
    // A token over several lines (a block comment): one token per line.
    const text = this.text;
    for (let l = line; l <= endLine; l++) {
      const from = l === line ? offset : starts[l];
      const lineEnd = l + 1 < starts.length ? starts[l + 1] : text.length;
      let to = l === endLine ? offset + length : lineEnd;
      while (to > from && (text.charCodeAt(to - 1) === 10 || text.charCodeAt(to - 1) === 13)) to--;
      this.push(l, from - starts[l], to - from, type, modifiers);
    }
  }

  /** The data written (a view: no copy). */
  finish(): Int32Array<ArrayBufferLike> {
    return this.data.subarray(0, this.count);
  }

  /** Where the next entry goes, and what it is relative to: pass to `itemTokens` after writing an item. */
  mark(): { start: number; line: number; character: number } {
    return { start: this.count, line: this.previousLine, character: this.previousCharacter };
  }

  /** The place of what was written since `mark`: an item starting at line `itemLine`. */
  itemTokens(mark: { start: number; line: number; character: number }, itemLine: number, tokens: number, comments: number): ItemTokens {
    const { start } = mark;
    const length = this.count - start;
    const firstLine = length === 0 ? 0 : mark.line + this.data[start];
    const firstChar = length === 0 ? 0 : firstLine === mark.line ? mark.character + this.data[start + 1] : this.data[start + 1];
    return { start, length, firstLine: firstLine - itemLine, firstChar, lastLine: this.previousLine - itemLine, lastChar: this.previousCharacter, tokens, comments };
  }

  /** Copies an item's entries from `from` (the last data), the item starting at line `itemLine` now; its place becomes the one here. */
  append(from: Int32Array<ArrayBufferLike>, item: ItemTokens, itemLine: number): void {
    const n = this.count;
    const length = item.length;
    if (length > 0) {
      this.reserve(length);
      const data = this.data;
      const line = itemLine + item.firstLine;
      data[n] = line - this.previousLine;
      data[n + 1] = line === this.previousLine ? item.firstChar - this.previousCharacter : item.firstChar;
      for (let i = 2, j = item.start + 2; i < length; i++, j++) data[n + i] = from[j];
      this.count = n + length;
      this.previousLine = itemLine + item.lastLine;
      this.previousCharacter = item.lastChar;
    }
    item.start = n;
  }

  private reserve(numbers: number): void {
    if (this.count + numbers <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.count + numbers));
    grown.set(this.data.subarray(0, this.count));
    this.data = grown;
  }

  private push(line: number, character: number, length: number, type: number, modifiers: number): void {
    if (length <= 0) return;
    this.reserve(5);
    const data = this.data;
    const n = this.count;
    data[n] = line - this.previousLine;
    data[n + 1] = line === this.previousLine ? character - this.previousCharacter : character;
    data[n + 2] = length;
    data[n + 3] = type;
    data[n + 4] = modifiers;
    this.count = n + 5;
    this.previousLine = line;
    this.previousCharacter = character;
  }
}
