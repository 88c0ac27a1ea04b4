// The parser's public entry: text → AST + SLA001/SLA002 diagnostics. Never throws.
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { ContractFile, Span } from './ast';
import { diagnostic, type Diagnostic } from './diagnostics';
import { readFullWidth, type FullWidthChar } from './fullWidth';
import { BlockComment, DateLiteral, LCurly, RCurly, DateTimeLiteral, StringLiteral, TimeLiteral, tokenEnd, tokenize, TYPE_BY_INDEX, UnitSuffix, type LexError } from './lexer';
import { ChunkFeed, DEFAULT_CHUNKING, type Chunking } from './parse/chunks';
import { AstBuilder } from './parse/ast-builder';
import { onSameLine, setParsedText } from './parse/tokenLines';
import { SlaGrammar, type StrayTokenError } from './parse/grammar';
import { decodeDate, decodeDateTime, decodeString, decodeTime } from './parse/literals';
import { unknownUnitMessage } from './parse/messages';
import { LineIndex } from './text';
import { TokenList } from './tokenList';
import { isUnit } from './units';
import { messages } from '../l10n/messages';
import { DEFAULT_LOCALE, type Locale } from '../l10n/locale';
import type { Translate } from './wording';

export interface ParseResult {
  /** The AST: never undefined, even for garbage input. */
  file: ContractFile;
  /** SLA001 syntax errors, SLA002 invalid literals and (1.1) SLA003 full-width punctuation, in text order. */
  diagnostics: Diagnostic[];
  /** All non-comment tokens, in order, kept as numbers once the AST is built (tokenList.ts). */
  tokens: TokenList;
  /** Comment spans (for formatting and folding). */
  comments: Span[];
}

// One parser instance, built once (grammar analysis is the expensive part) and reused.
let grammar: SlaGrammar | undefined;

/**
 * The one parser instance (also used by incremental parsing, reparse.ts). Without
 * Chevrotain's grammar validations (about 8 ms of every start-up), as its documentation
 * suggests for production: the tests build the grammar with them (conformance.test.ts,
 * parser.test.ts), so a grammar that fails them fails the suite.
 */
export function sharedGrammar(): SlaGrammar {
  return (grammar ??= new SlaGrammar({ skipValidations: true }));
}

/** The line index of each parse (kept for the next incremental parse of the same document). */
const lineIndexes = new WeakMap<ParseResult, LineIndex>();

export function lineIndexOfParse(result: ParseResult): LineIndex | undefined {
  return lineIndexes.get(result);
}

export function rememberLineIndex(result: ParseResult, lines: LineIndex): ParseResult {
  lineIndexes.set(result, lines);
  return result;
}

/**
 * Parses `text`; messages are in the language of `locale` (default English). A large text is
 * parsed in chunks where that gives the same result (`chunking`: tests force small chunks).
 */
export function parse(text: string, locale: Locale = DEFAULT_LOCALE, chunking: Chunking = DEFAULT_CHUNKING): ParseResult {
  const { lines, parsed, tokens, comments } = parseText(text, locale, true, chunking);
  return rememberLineIndex({ ...parsed, tokens: tokens ?? TokenList.of([], text), comments: comments ?? [] }, lines);
}

/** The AST and diagnostics of `parse`, without the token list and comment spans that only editor features read (`sla check`). */
export function parseForDiagnostics(text: string, locale: Locale = DEFAULT_LOCALE, chunking: Chunking = DEFAULT_CHUNKING): ParsedTree {
  return parseText(text, locale, false, chunking).parsed;
}

/** What every parse gives: the AST and the parser's diagnostics. */
export type ParsedTree = Pick<ParseResult, 'file' | 'diagnostics'>;

/** A parse, with the token list and comment spans when asked for. */
interface ParsedText {
  parsed: ParsedTree;
  tokens?: TokenList;
  comments?: Span[];
}

/** Results of `parse` and `parseForDiagnostics` made by the chunked parse (for tests: that it was taken). */
const chunkedResults = new WeakSet<object>();

export function wasParsedInChunks(result: ParseResult | ParsedTree): boolean {
  return chunkedResults.has(result.file);
}

function parseText(text: string, locale: Locale, keepTokens: boolean, chunking: Chunking): ParsedText & { lines: LineIndex } {
  const lines = new LineIndex(text);
  const t = messages(locale).t;
  setParsedText(text);
  try {
    const chunked = text.length >= chunking.threshold ? parseInChunks(text, lines, t, keepTokens, chunking) : undefined;
    if (chunked) chunkedResults.add(chunked.parsed.file);
    return { lines, ...(chunked ?? parseWith(text, lines, t, keepTokens)) };
  } catch (error) {
    // Last resort: the parser must never take the language server down.
    const message = error instanceof Error ? error.message : String(error);
    return {
      lines,
      parsed: {
        file: { type: 'File', slas: [], range: lines.range(0, text.length) },
        diagnostics: [diagnostic('SLA001', lines.range(0, 0), t('parse.internalError', { reason: message }))],
      },
    };
  } finally {
    setParsedText('');
  }
}

/**
 * The chunked parse (parse/chunks.ts), or undefined where it is not the whole text's parse:
 * it is taken only for texts without SLA001 (no lexical or syntax error, nesting within the
 * limit, no unclosed comment) whose items each fit in the grammar's lookahead, because only
 * there the grammar provably reads the same tokens in the same states; anything else is
 * parsed whole (a broken large contract is parsed again: docs/decisions.md).
 */
function parseInChunks(text: string, lines: LineIndex, t: Translate, keepTokens: boolean, chunking: Chunking): ParsedText | undefined {
  const reading = readFullWidth(text);
  const literal: Diagnostic[] = [];
  const tokens = keepTokens ? TokenList.empty(reading.text, Math.ceil(text.length / 6)) : undefined;
  const comments: Span[] = [];
  let depth = 0;
  const feed = new ChunkFeed(reading.text, chunking, (part) => {
    if (part.errors.length > 0) return false;
    for (const comment of part.comments) {
      if (unclosedComment(comment)) return false;
      if (keepTokens) comments.push(lines.span(comment.startOffset, tokenEnd(comment)));
    }
    for (const token of part.tokens) {
      // By index: `tokenType` is a getter (lexer.ts Token), read here for every token of the text.
      const type = token.tokenTypeIdx;
      if (type === LCURLY_INDEX) {
        if (++depth > MAX_NESTING) return false;
      } else if (type === RCURLY_INDEX && depth > 0) depth--;
    }
    for (const found of literalDiagnostics(part.tokens, lines, t)) {
      // An unclosed string parses on, but its SLA001 sends the text to the whole parse: go now.
      if (found.code === 'SLA001') return false;
      literal.push(found);
    }
    tokens?.append(part.tokens);
    return true;
  });

  const grammar = sharedGrammar();
  const builder = new AstBuilder(lines, t);
  let file: ContractFile;
  try {
    file = builder.file(grammar.parseTokens(feed.next() ?? [], builder, undefined, feed.next), text.length);
    if (grammar.errors.length > 0 || grammar.strayErrors.length > 0 || !feed.done) return undefined;
  } catch {
    // A chunk rejected (ChunkRejected), or anything else: the whole-text parse decides.
    return undefined;
  } finally {
    grammar.release();
  }
  if (builder.diagnostics.some((d) => d.code === 'SLA001')) return undefined;
  const diagnostics = [...literal, ...builder.diagnostics];
  return { parsed: { file, diagnostics: finishDiagnostics(diagnostics, reading.found, lines, t) }, tokens, comments };
}

function parseWith(text: string, lines: LineIndex, t: Translate, keepTokens: boolean): ParsedText {
  const lexed = tokenize(text);
  const lexical = lexicalErrors(lexed.errors, text, lines, t);
  const diagnostics: Diagnostic[] = lexical.diagnostics;
  const lexicalSpans = lexical.spans;
  const noteLexical = (start: number, end: number) => lexicalSpans.push(lexicalSpan(text, start, end));
  for (const comment of lexed.comments) {
    if (unclosedComment(comment)) {
      diagnostics.push(diagnostic('SLA001', lines.range(comment.startOffset, comment.startOffset + 2), t('parse.commentNotClosed')));
    }
  }
  for (const token of lexed.tokens) {
    if (token.tokenTypeIdx === STRING_INDEX && !plainString(token.image) && !decodeString(token.image).closed) noteLexical(token.startOffset, tokenEnd(token));
  }
  diagnostics.push(...literalDiagnostics(lexed.tokens, lines, t));

  const nesting = limitNesting(lexed.tokens);
  for (const open of nesting.tooDeep) {
    diagnostics.push(
      diagnostic('SLA001', lines.range(open.startOffset, tokenEnd(open)), t('parse.tooDeep', { max: MAX_NESTING })),
    );
  }

  const grammar = sharedGrammar();
  const builder = new AstBuilder(lines, t);
  const file = builder.file(grammar.parseTokens(nesting.tokens, builder), text.length);

  const explained = explainedBy(lexicalSpans, lines);
  const firstOrphan = Math.min(...builder.orphanRunOffsets);
  const builderErrors = builder.diagnostics.filter((d) => d.code === 'SLA001');
  diagnostics.push(...syntaxErrorDiagnostics(grammar.errors, grammar.strayErrors, builderErrors, lines, text, explained, firstOrphan));
  grammar.release();
  diagnostics.push(...builder.diagnostics.filter((d) => d.code !== 'SLA001'));

  return {
    parsed: { file, diagnostics: finishDiagnostics(diagnostics, lexed.fullWidth, lines, t) },
    tokens: keepTokens ? TokenList.of(lexed.tokens, lexed.text) : undefined,
    comments: keepTokens ? lexed.comments.map((c) => lines.span(c.startOffset, tokenEnd(c))) : undefined,
  };
}

/** The parser's diagnostics in text order (a stable sort), capped, with SLA003 merged in. */
export function finishDiagnostics(diagnostics: Diagnostic[], fullWidth: readonly FullWidthChar[], lines: LineIndex, t: Translate): Diagnostic[] {
  diagnostics.sort((a, b) => lines.offsetAt(a.range.start) - lines.offsetAt(b.range.start));
  return withFullWidth(limitSyntaxErrors(diagnostics, t), fullWidth, lines, t);
}

/**
 * A block comment that was never closed (it ran to the end of the text: lexer.ts
 * BlockComment). Its closing star-slash must not share the star of its opening slash-star
 * (a text ending in slash-star-slash is an open comment).
 */
function unclosedComment(comment: IToken): boolean {
  const image = comment.image;
  return comment.tokenType === BlockComment && (image.length < 4 || !image.endsWith('*/'));
}

/**
 * How deep blocks may nest. A contract needs three or four levels; thousands of nested
 * blocks (a generated or hostile file) would cost the parser seconds, so what lies deeper
 * is cut out before parsing, in one pass over the tokens.
 */
export const MAX_NESTING = 64;

/**
 * The tokens with the contents of every block nested deeper than MAX_NESTING left out (its
 * braces kept, so the structure around it parses as written), and the `{` of each such block.
 */
function limitNesting(tokens: IToken[]): { tokens: IToken[]; tooDeep: IToken[] } {
  let depth = 0;
  let deepest = 0;
  for (const t of tokens) {
    if (t.tokenType === LCurly) deepest = Math.max(deepest, ++depth);
    else if (t.tokenType === RCurly && depth > 0) depth--;
  }
  if (deepest <= MAX_NESTING) return { tokens, tooDeep: [] };
  const kept: IToken[] = [];
  const tooDeep: IToken[] = [];
  depth = 0;
  for (const t of tokens) {
    if (t.tokenType === LCurly) {
      depth++;
      if (depth === MAX_NESTING + 1) tooDeep.push(t);
      else if (depth > MAX_NESTING + 1) continue;
    } else if (t.tokenType === RCurly) {
      if (depth > MAX_NESTING + 1) {
        depth--;
        continue;
      }
      if (depth > 0) depth--;
    } else if (depth > MAX_NESTING) {
      continue;
    }
    kept.push(t);
  }
  return { tokens: kept, tooDeep };
}

/**
 * Past this many syntax errors the text is not a contract (a binary file, a paste of
 * prose): more would only flood the editor and the terminal, and cost time to show.
 */
export const MAX_SYNTAX_ERRORS = 100;

/** The parser's diagnostics that its cap counts: all but SLA003 (merged in after the cap: withFullWidth). */
export function countedByCap(diagnostics: readonly Diagnostic[]): number {
  let counted = 0;
  for (const d of diagnostics) if (d.code !== 'SLA003') counted++;
  return counted;
}

function limitSyntaxErrors(sorted: Diagnostic[], t: Translate): Diagnostic[] {
  if (sorted.length <= MAX_SYNTAX_ERRORS) return sorted;
  const kept = sorted.slice(0, MAX_SYNTAX_ERRORS);
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = diagnostic(
    last.code,
    last.range,
    t('parse.moreErrors', { message: last.message, count: sorted.length - MAX_SYNTAX_ERRORS + 1 }),
  );
  return kept;
}

function unknownCharactersMessage(t: Translate, run: string): string {
  const shown = run.length > 20 ? `${run.slice(0, 20)}…` : run;
  return t([...run].length > 1 ? 'lex.unexpectedCharacters' : 'lex.unexpectedCharacter', { text: shown });
}

/**
 * (1.1) SLA003, one per full-width character read as ASCII (warnings: the text means what
 * the ASCII would), merged in text order; the cap on syntax errors does not count them.
 */
function withFullWidth(sorted: Diagnostic[], fullWidth: readonly FullWidthChar[], lines: LineIndex, t: Translate): Diagnostic[] {
  if (fullWidth.length === 0) return sorted;
  const found = fullWidth.map(({ offset, char, ascii }) =>
    diagnostic('SLA003', lines.range(offset, offset + 1), ascii === ' ' ? t('lex.ideographicSpace') : t('lex.fullWidth', { char, ascii }), { replacement: ascii }),
  );
  return [...sorted, ...found].sort((a, b) => lines.offsetAt(a.range.start) - lines.offsetAt(b.range.start));
}

const STRING_INDEX = StringLiteral.tokenTypeIdx!;
const LCURLY_INDEX = LCurly.tokenTypeIdx!;
const RCURLY_INDEX = RCurly.tokenTypeIdx!;
/** The token types literalDiagnostics looks at, by index (a table: a `Set` look-up for every token of a large text cost more). */
const IS_LITERAL = new Uint8Array(TYPE_BY_INDEX.length);
for (const type of [StringLiteral, DateLiteral, TimeLiteral, DateTimeLiteral, UnitSuffix]) IS_LITERAL[type.tokenTypeIdx!] = 1;

/**
 * A closed string without escapes (`"…"`, no `\`): nearly every string, and one that
 * decodeString (parse/literals.ts) finds closed and without problems, so the lexical
 * passes need not decode it (the AST builder does, once).
 */
function plainString(image: string): boolean {
  return image.length >= 2 && image.charCodeAt(image.length - 1) === 34 /* " */ && image.indexOf('\\') === -1;
}

/** SLA001/SLA002 found in literal tokens themselves: bad escapes, impossible dates, unknown units. */
export function literalDiagnostics(tokens: IToken[], lines: LineIndex, t: Translate): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const token of tokens) {
    if (IS_LITERAL[token.tokenTypeIdx] !== 1) continue;
    const type = token.tokenType;
    const start = token.startOffset;
    const end = tokenEnd(token);
    const image = token.image;
    if (type === StringLiteral) {
      if (plainString(image)) continue;
      for (const problem of decodeString(image, t).problems) {
        found.push(diagnostic(problem.code, lines.range(start + problem.start, start + problem.end), problem.message));
      }
    } else if (type === DateLiteral) {
      const problem = decodeDate(image, t).problem;
      if (problem) found.push(diagnostic('SLA002', lines.range(start, end), problem));
    } else if (type === TimeLiteral) {
      const problem = decodeTime(image, t).problem;
      if (problem) found.push(diagnostic('SLA002', lines.range(start, end), problem));
    } else if (type === DateTimeLiteral) {
      const problem = decodeDateTime(image, t).problem;
      if (problem) found.push(diagnostic('SLA002', lines.range(start, end), problem));
    } else if (type === UnitSuffix && !isUnit(image)) {
      found.push(diagnostic('SLA002', lines.range(start, end), unknownUnitMessage(t, image), { unit: image }));
    }
  }
  return found;
}

/** Where a lexical error was, stretched over the white space after it: the span whose syntax errors it explains. */
type LexicalSpan = [start: number, end: number];

function lexicalSpan(text: string, start: number, end: number): LexicalSpan {
  let after = end;
  while (after < text.length && /\s/.test(text[after])) after++;
  return [start, after];
}

/** SLA001 for each run of characters the lexer does not know (offsets in `text`), and their spans (parseWith; reparse for a region). */
export function lexicalErrors(errors: readonly LexError[], text: string, lines: LineIndex, t: Translate): { diagnostics: Diagnostic[]; spans: LexicalSpan[] } {
  const diagnostics: Diagnostic[] = [];
  const spans: LexicalSpan[] = [];
  for (const error of errors) {
    const end = error.offset + error.length;
    diagnostics.push(diagnostic('SLA001', lines.range(error.offset, end), unknownCharactersMessage(t, text.slice(error.offset, end))));
    spans.push(lexicalSpan(text, error.offset, end));
  }
  return { diagnostics, spans };
}

/**
 * Syntax errors that merely follow from a lexical one (an unclosed string swallowing a `{`, a
 * name written in Chinese) are left out: the lexical message explains them.
 */
export function explainedBy(spans: readonly LexicalSpan[], lines: LineIndex): (found: Diagnostic) => boolean {
  return (found) => {
    const offset = lines.offsetAt(found.range.start);
    return spans.some(([start, end]) => offset >= start && offset <= end);
  };
}

/**
 * The syntax errors of a parse as SLA001, at most one per position (the first explains the
 * cascade): the grammar's recognition errors except those `explained` by a lexical error, its
 * stray tokens, and the AST builder's SLA001s (`builderErrors`). A stray `}` of the file after
 * `firstOrphan` (the start of the first run of items outside any sla) is left out: it was meant
 * to close an sla that an extra `}` closed early, which is reported already. The full parse and
 * the incremental parse of a region (reparse.ts) make them here.
 */
export function syntaxErrorDiagnostics(
  errors: readonly IRecognitionException[],
  strays: readonly StrayTokenError[],
  builderErrors: readonly Diagnostic[],
  lines: LineIndex,
  text: string,
  explained: (found: Diagnostic) => boolean = () => false,
  firstOrphan = Infinity,
): Diagnostic[] {
  const syntaxErrors: Diagnostic[] = [];
  for (const error of errors) {
    const found = recognitionDiagnostic(error, lines, text);
    if (!explained(found)) syntaxErrors.push(found);
  }
  for (const stray of strays) {
    const token = stray.token;
    if (stray.block === 'file' && token.tokenType === RCurly && token.startOffset > firstOrphan) continue;
    syntaxErrors.push(
      diagnostic('SLA001', lines.range(token.startOffset, tokenEnd(token)), stray.message, stray.suggestion ? { suggestion: stray.suggestion } : undefined),
    );
  }
  return dedupeSyntaxErrors([...syntaxErrors, ...builderErrors], lines);
}

/**
 * Whether the token before a recognition error is none of the text's, which decides where it
 * is placed (recognitionDiagnostic): in the parse of a region (reparse.ts), the stand-in before
 * its first token, where a full parse has the last token of the item before the region.
 */
export function noRealTokenBefore(error: IRecognitionException): boolean {
  return !isRealToken(previousTokenOf(error));
}

/** The token before the one a recognition error is about (Chevrotain sets it on most of its exceptions; not typed). */
function previousTokenOf(error: IRecognitionException): IToken | undefined {
  return (error as IRecognitionException & { previousToken?: IToken }).previousToken;
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

/**
 * A Chevrotain error as SLA001. The range is the offending token, or — when that token is on
 * a later line or is the end of the file, i.e. something is missing — right after the
 * previous token, where the user has to type.
 */
function recognitionDiagnostic(error: IRecognitionException, lines: LineIndex, text: string): Diagnostic {
  const actual = error.token;
  const previous = previousTokenOf(error);
  let start: number;
  let end: number;
  if (isRealToken(actual) && (!isRealToken(previous) || onSameLine(previous, actual))) {
    start = actual.startOffset;
    end = tokenEnd(actual);
  } else if (isRealToken(previous)) {
    start = end = tokenEnd(previous);
  } else {
    start = end = text.length;
  }
  return diagnostic('SLA001', lines.range(start, end), error.message);
}

/** At most one syntax error per position: the first one explains the cascade. */
function dedupeSyntaxErrors(errors: Diagnostic[], lines: LineIndex): Diagnostic[] {
  const seen = new Set<number>();
  const kept: Diagnostic[] = [];
  for (const error of errors) {
    const offset = lines.offsetAt(error.range.start);
    if (seen.has(offset)) continue;
    seen.add(offset);
    kept.push(error);
  }
  return kept;
}
