// A large text lexed one chunk at a time, while the grammar parses (issue 15, "streamparse").
// The grammar takes the next chunk's tokens at an item of a block or the file when it gets
// near the end of the tokens it has (grammar.ts `parseTokens` with `more`), so only about
// two chunks of token objects are alive at once and each young-generation collection copies
// few of them; the whole text's tokens all survive until the AST is built otherwise.
//
// The chunks' tokens are the whole text's tokens, because of where a chunk ends: just after
// a line break. No token but white space (skipped) and a block comment spans a line break,
// the only token that looks at the one before it (a unit after a number) does so on its own
// line only, and no pattern looks more than one character past its end. So lexing from a
// line start gives what lexing from the start of the text gives from there on, unless a
// block comment is open across the cut (a chunk whose last comment is unclosed: the parser
// parses the whole text instead) or a part has lexical errors (likewise).
import type { IToken } from 'chevrotain';
import { tokenizePart, type LexedPart } from '../lexer';

/** When and how a text is parsed in chunks (tests force small and random sizes). */
export interface Chunking {
  /** Texts shorter than this (in UTF-16 units) are parsed whole. */
  threshold: number;
  /** The length of chunk `index`, at least: it ends just after the next line break. */
  size(index: number): number;
}

/** Where the chunk of `read` that starts at `start` and is at least `size` long ends: just after a line break, or at the end. */
export function chunkEnd(read: string, start: number, size: number): number {
  const lineBreak = read.indexOf('\n', start + Math.max(1, size) - 1);
  return lineBreak < 0 ? read.length : lineBreak + 1;
}

/**
 * 256 Ki characters and more: a contract of about 12,000 lines (the 200,000-line one is
 * 4 MB). Chunks of 16 Ki (about 2,200 tokens): small enough that a chunk's tokens are
 * mostly dead by the next young-generation collection (with 128 Ki chunks the parse took
 * more CPU than the whole-text parse; 4–16 Ki about a tenth less: docs/performance.md,
 * "streamparse"); an sla item longer than a chunk is parsed whole.
 */
export const DEFAULT_CHUNKING: Chunking = { threshold: 256 * 1024, size: () => 16 * 1024 };

/** Thrown out of the grammar when a chunk cannot be parsed as part of a chunked parse. */
export class ChunkRejected extends Error {}

export class ChunkFeed {
  private offset = 0;
  private index = 0;

  constructor(
    /** The text as the lexer reads it (full-width punctuation read as ASCII). */
    private readonly read: string,
    private readonly chunking: Chunking,
    /** Looks at each chunk once lexed; false rejects the chunked parse (ChunkRejected). */
    private readonly accept: (part: LexedPart) => boolean,
  ) {}

  /** Whether every chunk has been handed out. */
  get done(): boolean {
    return this.offset >= this.read.length;
  }

  /** The next chunk's tokens (undefined after the last). */
  readonly next = (): IToken[] | undefined => {
    if (this.done) return undefined;
    const start = this.offset;
    const index = this.index++;
    const end = chunkEnd(this.read, start, this.chunking.size(index));
    this.offset = end;
    const part = tokenizePart(this.read, start, end);
    if (!this.accept(part)) throw new ChunkRejected();
    return part.tokens;
  };
}
