// A lexed part of a text as numbers, to hand it from a worker thread to the parser's thread
// (issue 15, streamparse: `sla check` lexes a large file's chunks in a worker, cli/src/lexing.ts):
// token objects cannot cross threads, an Int32Array's buffer moves without a copy. Layout:
// the counts of tokens, comments and lexical errors, then each token's and each comment's
// start offset, end offset and token type index. Errors are only counted: a part with any
// is not parsed in chunks (parse/chunks.ts).
import type { IToken } from 'chevrotain';
import { newToken, tokenEnd, TYPE_BY_INDEX, type LexedPart } from '../lexer';

const HEADER = 3;

export function encodePart(part: LexedPart): Int32Array {
  const data = new Int32Array(HEADER + 3 * (part.tokens.length + part.comments.length));
  data[0] = part.tokens.length;
  data[1] = part.comments.length;
  data[2] = part.errors.length;
  let at = HEADER;
  for (const list of [part.tokens, part.comments]) {
    for (const token of list) {
      data[at++] = token.startOffset;
      data[at++] = tokenEnd(token);
      data[at++] = token.tokenTypeIdx;
    }
  }
  return data;
}

/**
 * Each token type's image when it has one fixed pattern (keywords, punctuation), by type
 * index: shared, as the lexer's own images of words are (lexer.ts `matchName`).
 */
const FIXED_IMAGES: (string | undefined)[] = TYPE_BY_INDEX.map((type) => (typeof type?.PATTERN === 'string' ? type.PATTERN : undefined));

/** The part `encodePart` encoded, its images read from `read` (the text the worker lexed). */
export function decodePart(data: Int32Array, read: string): LexedPart {
  const tokens = decodeTokens(data, HEADER, data[0], read);
  const comments = decodeTokens(data, HEADER + 3 * data[0], data[1], read);
  // The offsets of errors are not kept: any error makes the parse take the whole text.
  const errors = Array.from({ length: data[2] }, () => ({ offset: 0, length: 0 }));
  return { tokens, comments, errors };
}

function decodeTokens(data: Int32Array, from: number, count: number, read: string): IToken[] {
  const tokens: IToken[] = [];
  for (let i = 0, at = from; i < count; i++, at += 3) {
    const start = data[at];
    const type = data[at + 2];
    tokens.push(newToken(FIXED_IMAGES[type] ?? read.substring(start, data[at + 1]), start, type));
  }
  return tokens;
}
