// The grammar's records (parsed.ts) as batches of numbers, so that a parse's recognition
// (lexing, Chevrotain, the grammar's actions) can run on a worker thread while the main thread
// builds the AST from what it recorded (issue 15, "offthread": parse/offthread.ts).
//
// The encoder takes the AST builder's place in the grammar (grammar.ts RecordSink): at each
// rule's end it writes the rule's record in the order the rules end, with the tokens the record
// holds (type index, start offset, length). The replay fills the same per-depth records from
// the batches and gives each to the same `AstBuilder.build`, and its node to the parent's record
// as the grammar's `exit` does (ParsedNode.adopt). The record's extent is written as the rule
// ended with it (its sub-rules' extents included), so the replay does not extend parents.
//
// A record, in an Int32Array: [rule | attachTo << 8 | attachToList << 13 | depth << 14,
// startOffset, endOffset, which token fields are set (a bit per TOKEN_FIELDS entry), the list's
// length], then for each token set (TOKEN_FIELDS order, then the list): [type index, start
// offset (-1: inserted by recovery), length]. A record never spans two batches.
import type { IToken } from 'chevrotain';
import type { Translate } from '../wording';
import { FIXED_IMAGE, lexedToken } from '../lexer';
import type { AstBuilder, ParsedFile } from './ast-builder';
import type { RecordSink } from './grammar';
import { NODE_FIELDS, NODE_LIST_FIELDS, PARSED_RULES, ParsedNode, type NodeField, type NodeListField } from './parsed';

/** Where a record goes in its parent's (0: nowhere), by number. */
const ATTACH_FIELDS: readonly (NodeField | NodeListField | undefined)[] = [undefined, ...NODE_FIELDS, ...NODE_LIST_FIELDS];
const ATTACH_NUMBER = new Map(ATTACH_FIELDS.map((field, i) => [field, i]));
const RULE_NUMBER = new Map(PARSED_RULES.map((rule, i) => [rule, i]));

/** The record's header words before its tokens. */
const HEADER = 5;
/** The token fields of a record (ParsedNode), in the order of their bits. */
const TOKEN_FIELD_COUNT = 26;
/** Numbers per batch (1 MiB): about 12,000 records of the 200,000-line contract. */
export const BATCH_LENGTH = 16 * 1024;

/** The grammar's RecordSink on a worker: each rule's record, encoded; full batches go to `ship`. */
export class RecordEncoder implements RecordSink {
  readonly diagnostics: readonly unknown[] = [];
  private batch: Int32Array;
  private at = 0;

  constructor(
    readonly translate: Translate,
    /** Takes a full batch (the encoder no longer touches it: it may be transferred). */
    private readonly ship: (batch: Int32Array) => void,
    private readonly batchLength = BATCH_LENGTH,
  ) {
    this.batch = new Int32Array(batchLength);
  }

  /** Ships what is encoded and not yet shipped. */
  flush(): void {
    if (this.at === 0) return;
    this.ship(this.batch.subarray(0, this.at));
    this.batch = new Int32Array(this.batchLength);
    this.at = 0;
  }

  build(node: ParsedNode, depth: number): undefined {
    const list = node.list;
    const most = HEADER + 3 * (TOKEN_FIELD_COUNT + list.length);
    if (this.at + most > this.batch.length) {
      this.flush();
      if (most > this.batch.length) this.batch = new Int32Array(most);
    }
    const head = this.at;
    const b = this.batch;
    b[head] = RULE_NUMBER.get(node.rule)! | (ATTACH_NUMBER.get(node.attachTo)! << 8) | (node.attachToList ? 1 << 13 : 0) | (depth << 14);
    b[head + 1] = node.startOffset;
    b[head + 2] = node.endOffset;
    b[head + 4] = list.length;
    this.at = head + HEADER;
    // One line per field (not a loop over names): a keyed read per field and record costs more.
    let mask = 0;
    if (node.keyword !== undefined) mask |= this.put(node.keyword, 1 << 0);
    if (node.name !== undefined) mask |= this.put(node.name, 1 << 1);
    if (node.title !== undefined) mask |= this.put(node.title, 1 << 2);
    if (node.open !== undefined) mask |= this.put(node.open, 1 << 3);
    if (node.close !== undefined) mask |= this.put(node.close, 1 << 4);
    if (node.value !== undefined) mask |= this.put(node.value, 1 << 5);
    if (node.start !== undefined) mask |= this.put(node.start, 1 << 6);
    if (node.end !== undefined) mask |= this.put(node.end, 1 << 7);
    if (node.amount !== undefined) mask |= this.put(node.amount, 1 << 8);
    if (node.currency !== undefined) mask |= this.put(node.currency, 1 << 9);
    if (node.period !== undefined) mask |= this.put(node.period, 1 << 10);
    if (node.cadence !== undefined) mask |= this.put(node.cadence, 1 << 11);
    if (node.date !== undefined) mask |= this.put(node.date, 1 << 12);
    if (node.from !== undefined) mask |= this.put(node.from, 1 << 13);
    if (node.to !== undefined) mask |= this.put(node.to, 1 << 14);
    if (node.form !== undefined) mask |= this.put(node.form, 1 << 15);
    if (node.at !== undefined) mask |= this.put(node.at, 1 << 16);
    if (node.ref !== undefined) mask |= this.put(node.ref, 1 << 17);
    if (node.polarity !== undefined) mask |= this.put(node.polarity, 1 << 18);
    if (node.numerator !== undefined) mask |= this.put(node.numerator, 1 << 19);
    if (node.total !== undefined) mask |= this.put(node.total, 1 << 20);
    if (node.aggregate !== undefined) mask |= this.put(node.aggregate, 1 << 21);
    if (node.comparator !== undefined) mask |= this.put(node.comparator, 1 << 22);
    if (node.number !== undefined) mask |= this.put(node.number, 1 << 23);
    if (node.unit !== undefined) mask |= this.put(node.unit, 1 << 24);
    if (node.target !== undefined) mask |= this.put(node.target, 1 << 25);
    for (let i = 0; i < list.length; i++) this.put(list[i], 0);
    b[head + 3] = mask;
    return undefined;
  }

  private put(token: IToken, bit: number): number {
    const b = this.batch;
    const at = this.at;
    const start = token.startOffset;
    b[at] = token.tokenTypeIdx;
    if (Number.isNaN(start) || token.isInsertedInRecovery) {
      b[at + 1] = -1;
      b[at + 2] = 0;
    } else {
      b[at + 1] = start;
      b[at + 2] = token.image.length;
    }
    this.at = at + 3;
    return bit;
  }
}

/** What a parse's recognition elsewhere (a worker thread) gives, message by message: batches of records, then how it ended. */
export type RecordMessage =
  | Int32Array
  /** The chunked parse's recognition ended without rejecting the text; `literalTokens`: the tokens its SLA002 were found in (`encodeTokens`). */
  | { end: 'done'; literalTokens: Int32Array }
  /** The chunked parse cannot be the whole text's (parser.ts parseInChunks's undefined): the whole parse decides. */
  | { end: 'rejected' }
  /** The recognition failed (a bug): the parse is done again where the records were wanted. */
  | { end: 'failed'; reason: string };

/** Where the main thread takes a recognition's messages from, in order (parser.ts parseForDiagnostics). */
export interface RecordSource {
  /** The next message, waiting for it; undefined where none will come (the worker is gone). */
  next(): RecordMessage | undefined;
  /** No more messages are wanted (the worker may be ended). */
  close(): void;
}

/** Tokens as the records hold them: [type index, start offset, length] each. */
export function encodeTokens(tokens: readonly IToken[]): Int32Array {
  const encoded = new Int32Array(3 * tokens.length);
  tokens.forEach((token, i) => {
    encoded[3 * i] = token.tokenTypeIdx;
    encoded[3 * i + 1] = token.startOffset;
    encoded[3 * i + 2] = token.image.length;
  });
  return encoded;
}

/** A malformed batch (not what an encoder wrote): the parse is done on this thread instead. */
export class MalformedBatch extends Error {}

/** Builds the AST from an encoder's batches, in order, with `builder` (the grammar's records replayed). */
export class RecordReplay {
  /** The record of each depth, reused as the grammar reuses its own. */
  private readonly nodes: ParsedNode[] = [];
  /** Whether the record of a depth has taken a sub-rule's node since its last rule ended (so is not to be cleared). */
  private readonly open: boolean[] = [];

  constructor(
    /** The text as the lexer read it (readFullWidth): the tokens' images come from it. */
    private readonly read: string,
    private readonly builder: AstBuilder,
  ) {}

  /** Replays every record of `batch` (throws MalformedBatch where it cannot be an encoder's). */
  replay(batch: Int32Array): void {
    const end = batch.length;
    let i = 0;
    while (i < end) {
      if (i + HEADER > end) throw new MalformedBatch('a record cut short');
      const headWord = batch[i];
      const rule = PARSED_RULES[headWord & 0xff];
      const attachNumber = (headWord >> 8) & 0x1f;
      const depth = headWord >>> 14;
      if (rule === undefined || attachNumber >= ATTACH_FIELDS.length) throw new MalformedBatch(`record ${headWord} at ${i}`);
      const node = (this.nodes[depth] ??= new ParsedNode());
      if (this.open[depth] === true) {
        node.rule = rule;
        node.attachTo = ATTACH_FIELDS[attachNumber];
        node.attachToList = (headWord & (1 << 13)) !== 0;
      } else {
        node.reset(rule, ATTACH_FIELDS[attachNumber], (headWord & (1 << 13)) !== 0);
      }
      node.startOffset = batch[i + 1];
      node.endOffset = batch[i + 2];
      const mask = batch[i + 3];
      const listLength = batch[i + 4];
      let at = i + HEADER;
      if (at + 3 * (bitCount(mask) + listLength) > end || listLength < 0) throw new MalformedBatch(`record tokens past the batch at ${i}`);
      if ((mask & (1 << 0)) !== 0) (node.keyword = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 1)) !== 0) (node.name = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 2)) !== 0) (node.title = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 3)) !== 0) (node.open = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 4)) !== 0) (node.close = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 5)) !== 0) (node.value = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 6)) !== 0) (node.start = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 7)) !== 0) (node.end = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 8)) !== 0) (node.amount = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 9)) !== 0) (node.currency = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 10)) !== 0) (node.period = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 11)) !== 0) (node.cadence = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 12)) !== 0) (node.date = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 13)) !== 0) (node.from = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 14)) !== 0) (node.to = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 15)) !== 0) (node.form = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 16)) !== 0) (node.at = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 17)) !== 0) (node.ref = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 18)) !== 0) (node.polarity = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 19)) !== 0) (node.numerator = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 20)) !== 0) (node.total = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 21)) !== 0) (node.aggregate = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 22)) !== 0) (node.comparator = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 23)) !== 0) (node.number = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 24)) !== 0) (node.unit = this.token(batch, at)), (at += 3);
      if ((mask & (1 << 25)) !== 0) (node.target = this.token(batch, at)), (at += 3);
      for (let k = 0; k < listLength; k++, at += 3) node.list.push(this.token(batch, at));
      i = at;
      const built = this.builder.build(node);
      this.open[depth] = false;
      if (depth === 0) continue;
      const parent = (this.nodes[depth - 1] ??= new ParsedNode());
      if (this.open[depth - 1] !== true) {
        parent.reset('file', undefined, false);
        this.open[depth - 1] = true;
      }
      parent.adopt(node, built);
    }
  }

  /** The file's sla blocks and orphan items (grammar.ts `parseTokens`' result), once the file's record is replayed. */
  file(): ParsedFile {
    const file = this.nodes[0];
    if (file === undefined || file.rule !== 'file') throw new MalformedBatch('no file record');
    return { slas: file.slas.slice(), orphans: file.orphans.slice() };
  }

  /** The tokens `encodeTokens` encoded. */
  tokens(encoded: Int32Array): IToken[] {
    if (encoded.length % 3 !== 0) throw new MalformedBatch('tokens cut short');
    const tokens: IToken[] = [];
    for (let at = 0; at < encoded.length; at += 3) tokens.push(this.token(encoded, at));
    return tokens;
  }

  /** A token equal to the lexer's: its image from the text read (a word's or punctuation's own string). */
  private token(batch: Int32Array, at: number): IToken {
    const type = batch[at];
    const start = batch[at + 1];
    if (start < 0) {
      // Inserted by Chevrotain's recovery: no text, NaN offsets (the builder counts it as missing).
      const inserted = lexedToken('', Number.NaN, type);
      inserted.isInsertedInRecovery = true;
      return inserted;
    }
    return lexedToken(FIXED_IMAGE[type] ?? this.read.slice(start, start + batch[at + 2]), start, type);
  }
}

function bitCount(mask: number): number {
  let n = mask - ((mask >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
