// The tokens of a parse kept as numbers (issue 15): a start offset, an end offset and a
// token type index per token, in typed arrays. Chevrotain's token objects (about 72 bytes
// each, 571,443 of them at 200,000 lines) are needed only while the grammar runs; after
// that, readers ask this list by index. Images are read from the text the lexer read (the
// contract with full-width punctuation read as ASCII, so they equal the lexer's images).
import type { IToken, TokenType } from 'chevrotain';
import { TYPE_BY_INDEX, tokenEnd } from './lexer';

export class TokenList {
  private starts: Int32Array;
  private ends: Int32Array;
  private types: Uint16Array;
  private count: number;

  private constructor(
    /** The text the images are read from (the lexer's reading of the contract). */
    private source: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.types = new Uint16Array(capacity);
    this.count = 0;
  }

  /** An empty list with room for `capacity` tokens (it grows past that). */
  static empty(source: string, capacity: number): TokenList {
    return new TokenList(source, capacity);
  }

  /** The list of lexed tokens; `source` is the text they were lexed from. */
  static of(tokens: readonly IToken[], source: string): TokenList {
    const list = new TokenList(source, tokens.length);
    list.write(0, tokens);
    list.count = tokens.length;
    return list;
  }

  get length(): number {
    return this.count;
  }

  typeAt(i: number): TokenType {
    return TYPE_BY_INDEX[this.types[i]];
  }

  startAt(i: number): number {
    return this.starts[i];
  }

  /** Just after the token's last character (what `tokenEnd` gives for a token object). */
  endAt(i: number): number {
    return this.ends[i];
  }

  imageAt(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  /** Token `i` as a Chevrotain-like token object (made on each call: for readers that need one). */
  at(i: number): IToken {
    const start = this.starts[i];
    const end = this.ends[i];
    const tokenType = TYPE_BY_INDEX[this.types[i]];
    return { image: this.source.slice(start, end), startOffset: start, endOffset: end - 1, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType };
  }

  /** Tokens [from, to) as token objects. */
  slice(from = 0, to = this.count): IToken[] {
    const tokens: IToken[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.count); i++) tokens.push(this.at(i));
    return tokens;
  }

  /** Index of the first token that starts at or after `offset`. */
  firstStartingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Index of the first token with the offset in it or just after it (a cursor after a token is on it); -1 when none. */
  indexAt(offset: number): number {
    const last = this.firstStartingAtOrAfter(offset + 1) - 1; // the last token starting at or before it
    if (last > 0 && this.ends[last - 1] >= offset) return last - 1;
    return last >= 0 && this.ends[last] >= offset ? last : -1;
  }

  /**
   * Incremental parsing (reparse.ts), in place (the previous parse is spent): tokens [from, to)
   * become `replacement` (offsets already in the new text), the later ones move by `delta`,
   * and images are read from `source` from now on.
   */
  splice(from: number, to: number, replacement: readonly IToken[], delta: number, source: string): void {
    const growth = replacement.length - (to - from);
    const length = this.count + growth;
    if (length > this.starts.length) {
      const capacity = Math.ceil(length * 1.25) + 16;
      this.starts = grown(this.starts, capacity, Int32Array);
      this.ends = grown(this.ends, capacity, Int32Array);
      this.types = grown(this.types, capacity, Uint16Array);
    }
    if (growth !== 0) {
      this.starts.copyWithin(to + growth, to, this.count);
      this.ends.copyWithin(to + growth, to, this.count);
      this.types.copyWithin(to + growth, to, this.count);
    }
    this.write(from, replacement);
    const tail = from + replacement.length;
    if (delta !== 0) {
      for (let i = tail; i < length; i++) {
        this.starts[i] += delta;
        this.ends[i] += delta;
      }
    }
    this.count = length;
    this.source = source;
  }

  /** Adds `tokens` at the end (the chunked parse, parser.ts: one chunk's tokens at a time). */
  append(tokens: readonly IToken[]): void {
    this.splice(this.count, this.count, tokens, 0, this.source);
  }

  /** The source the images are read from. */
  get text(): string {
    return this.source;
  }

  private write(at: number, tokens: readonly IToken[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      this.starts[at + i] = token.startOffset;
      this.ends[at + i] = tokenEnd(token);
      this.types[at + i] = token.tokenTypeIdx;
    }
  }
}

function grown<A extends Int32Array | Uint16Array>(values: A, capacity: number, Kind: new (n: number) => A): A {
  const copy = new Kind(capacity);
  copy.set(values);
  return copy;
}
