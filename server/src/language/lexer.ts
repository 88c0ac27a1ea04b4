// Token vocabulary and lexer of the SLA language (LANGUAGE.md section 2).
//
// - Reserved keywords are tokens of their own (`monday` is a name, not `mon` + `day`). The
//   lexer reads every word as a name and gives a keyword its own token type as it reads it
//   (`matchName`'s vocabulary table; `retypeWords` after Chevrotain's reference lexer): what
//   word patterns tried longest first with `longer_alt: Identifier` would give, at a fraction
//   of the cost (test/language/lexerFastPath.test.ts).
// - Contextual words (kind names, periods, days, cadences, aggregates, unit words,
//   `good bad total`) are tokens too, for precise grammar and highlighting, but all carry the
//   `Name` category so that the grammar accepts them wherever a name is expected.
// - Every token type carries the `AnyToken` category, which the parser uses to skip stray
//   tokens inside a block (see parse/grammar.ts).
// - A unit after a number is its own token (`UnitSuffix`), decided by context: a word right
//   after a number (`500ms`, `500usec`) is always its unit; after spaces on the same line
//   (`500 ms`) only a known unit word or a three-capital currency (`12000 CNY`) is.
// - The lexing itself is lexScan.ts's scanner by character code (`tokenizePart`), which gives
//   exactly what Chevrotain's lexer of these token types gives (`tokenizePartWithChevrotain`,
//   its reference: test/language/lexScan.test.ts) and takes names, the unit rule,
//   percentiles and white space from here.
import { createToken, EOF, Lexer, type IToken, type TokenType } from 'chevrotain';
import { CADENCES, DAY_NAMES, KINDS, PERIODS } from './ast';
import { UNIT_WORDS, isCurrency } from './units';
import { CONTEXTUAL_ITEM_WORDS, DAY_FORMS } from './vocabulary';
import { readFullWidth, type FullWidthChar } from './fullWidth';
import { NAME_AT, NAME_PART_CLASS, nameStartHints } from './names';
import { list, type Translate } from './wording';
import { PartScanner, isAsciiLetter, isDigit } from './lexScan';
import { messages } from '../l10n/messages';

// --- categories -----------------------------------------------------------------------------
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
/** Everything accepted where a name is expected: identifiers, contextual words, `p1`. */
export const NameToken = createToken({ name: 'NameToken', pattern: Lexer.NA });
export const Comparator = createToken({ name: 'Comparator', pattern: Lexer.NA });
const KindWord = createToken({ name: 'KindWord', pattern: Lexer.NA });
export const PeriodWord = createToken({ name: 'PeriodWord', pattern: Lexer.NA });
export const DayWord = createToken({ name: 'DayWord', pattern: Lexer.NA });
export const CadenceWord = createToken({ name: 'CadenceWord', pattern: Lexer.NA });
export const AggregateWord = createToken({ name: 'AggregateWord', pattern: Lexer.NA });
const UnitWord = createToken({ name: 'UnitWord', pattern: Lexer.NA });
export const PolarityWord = createToken({ name: 'PolarityWord', pattern: Lexer.NA });

const CATEGORY_TOKENS = [
  AnyToken,
  NameToken,
  Comparator,
  KindWord,
  PeriodWord,
  DayWord,
  CadenceWord,
  AggregateWord,
  UnitWord,
  PolarityWord,
];

// --- trivia ------------------------------------------------------------------------------------
const WHITE_SPACE = /\s+/;
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: WHITE_SPACE, group: Lexer.SKIPPED, line_breaks: true });
const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
/** Not nested; an unclosed one runs to the end of the file (reported by the parser). */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*(?:[^*]|\*(?!\/))*(?:\*\/)?/,
  group: 'comments',
  line_breaks: true,
});

// --- literals ----------------------------------------------------------------------------------
/** Characters that may start a name or a unit word (names are in any script: names.ts). */
const NAME_START_HINTS = nameStartHints();

/** A sticky Unicode pattern as a custom matcher: Chevrotain copies RegExp patterns without their `u` flag. */
function stickyMatcher(sticky: RegExp): { exec: (text: string, offset: number) => RegExpExecArray | null } {
  return {
    exec: (text, offset) => {
      sticky.lastIndex = offset;
      return sticky.exec(text);
    },
  };
}

const NAME_AT_ANY = new RegExp(NAME_AT.source, 'uy');

const isAsciiNamePart = (code: number) => isAsciiLetter(code) || isDigit(code) || code === 0x5f;

/**
 * A name at `offset`: NAME_AT, with ASCII names (nearly all of them) scanned by character
 * code. A word of the vocabulary is answered with the vocabulary's own string, so the
 * thousands of `objective`s of a large file share one string instead of each allocating a
 * copy that lives as long as the tokens. A name that starts with or runs into a character
 * above ASCII is left to the Unicode pattern. Chevrotain reads `[0]` of the answer at once
 * and keeps nothing else, so one array serves every answer; its `typeIndex` is the name's
 * token type index (lexScan.ts reads it; the Unicode pattern's answer has none).
 */
export function matchName(text: string, offset: number): NameMatch | RegExpExecArray | null {
  let code = text.charCodeAt(offset);
  if (isAsciiLetter(code) || code === 0x5f) {
    let state = WORD_NEXT[(WORD_START << WORD_SHIFT) | WORD_CHAR_CLASS[code]];
    let end = offset + 1;
    while (isAsciiNamePart((code = text.charCodeAt(end)))) {
      state = WORD_NEXT[(state << WORD_SHIFT) | WORD_CHAR_CLASS[code]];
      end++;
    }
    if (!(code >= 0x80)) {
      const entry = WORD_AT_STATE[state];
      NAME_MATCH[0] = entry?.word ?? text.substring(offset, end);
      NAME_MATCH.typeIndex = entry?.typeIndex ?? IDENTIFIER_INDEX;
      return NAME_MATCH;
    }
  }
  NAME_AT_ANY.lastIndex = offset;
  return NAME_AT_ANY.exec(text);
}

/** A name matched by code: its image and its token type index. */
type NameMatch = [image: string] & { typeIndex?: number };
const NAME_MATCH: NameMatch = Object.assign([''] as [string], { typeIndex: 0 });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: matchName },
  start_chars_hint: NAME_START_HINTS,
  line_breaks: false,
  categories: [NameToken, AnyToken],
});
/** A string stops at the end of its line: an unclosed one is reported, not lexed further. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*"?/,
  categories: [AnyToken],
  line_breaks: false,
});
// Date-like literals are lexed generously and validated precisely (SLA002) afterwards.
export const DateTimeLiteral = createToken({
  name: 'DateTimeLiteral',
  pattern: /\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?(?:Z|[+-]\d{1,2}:\d{2})?/,
  categories: [AnyToken],
});
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}/, categories: [AnyToken] });
export const TimeLiteral = createToken({ name: 'TimeLiteral', pattern: /\d+:\d+/, categories: [AnyToken] });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/, categories: [AnyToken] });

/** Offset just after a token (exclusive). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

const INLINE_SPACE = /^[ \t]+$/;

/** The unit of the number just lexed; see the header comment for the rule. */
function matchUnitSuffix(text: string, offset: number, tokens: IToken[]): [string] | null {
  const previous = tokens[tokens.length - 1];
  // By index: asked at every word, and a token's type is derived from its index (Token).
  if (previous === undefined || previous.tokenTypeIdx !== NumberLiteral.tokenTypeIdx) return null;
  NAME_AT.lastIndex = offset;
  const match = NAME_AT.exec(text);
  if (match === null) return null;
  const word = match[0];
  return isUnitOf(text, tokenEnd(previous), offset, word) ? [word] : null;
}

/** Whether `word` at `offset` is the unit of the number that ends at `numberEnd` (the header comment's rule; lexScan.ts too). */
function isUnitOf(text: string, numberEnd: number, offset: number, word: string): boolean {
  if (numberEnd === offset) return true;
  if (!INLINE_SPACE.test(text.slice(numberEnd, offset))) return false;
  return UNIT_WORDS.includes(word) || isCurrency(word);
}

export const UnitSuffix = createToken({
  name: 'UnitSuffix',
  pattern: { exec: matchUnitSuffix },
  start_chars_hint: NAME_START_HINTS,
  line_breaks: false,
  categories: [AnyToken],
});
const matchPercentile = stickyMatcher(new RegExp(String.raw`p\d+(?:\.\d+)?(?!${NAME_PART_CLASS})`, 'uy'));

/** `p95`, `p99.9`; not `p95_latency` (a name). Also a name when it has no fraction (`p1`). */
export const Percentile = createToken({
  name: 'Percentile',
  pattern: matchPercentile,
  start_chars_hint: ['p'],
  line_breaks: false,
  categories: [AggregateWord, NameToken, AnyToken],
});

// --- punctuation and operators -----------------------------------------------------------------
export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: '`{`', categories: [AnyToken] });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: '`}`', categories: [AnyToken] });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`', categories: [AnyToken] });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: '`..`', categories: [AnyToken] });
export const Dash = createToken({ name: 'Dash', pattern: '-', label: '`-`', categories: [AnyToken] });
export const Percent = createToken({ name: 'Percent', pattern: '%', label: '`%`', categories: [AnyToken] });
const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: '>=', label: '`>=`', categories: [Comparator, AnyToken] });
const Greater = createToken({ name: 'Greater', pattern: '>', label: '`>`', categories: [Comparator, AnyToken] });
const LessEqual = createToken({ name: 'LessEqual', pattern: '<=', label: '`<=`', categories: [Comparator, AnyToken] });
const Less = createToken({ name: 'Less', pattern: '<', label: '`<`', categories: [Comparator, AnyToken] });

/** The punctuation and operators, in lexing order (a pattern before the shorter ones it starts with). */
const PUNCTUATION_TOKENS = [LCurly, RCurly, Comma, DotDot, Dash, Percent, GreaterEqual, Greater, LessEqual, Less];

// --- keywords ---------------------------------------------------------------------------------

/** Reserved keywords (LANGUAGE.md section 3): never names. */
export const KEYWORDS: readonly string[] = [
  'sla', 'version', 'provider', 'customer', 'effective', 'to', 'timezone', 'fee', 'per',
  'service', 'schedule', 'maintenance', 'indicator', 'objective', 'compensation', 'credits',
  'responsibilities', 'support', 'reporting', 'review', 'description', 'includes', 'excludes',
  'holidays', 'every', 'on', 'for', 'notice', 'kind', 'metric', 'ratio', 'unit', 'target',
  'window', 'calendar', 'rolling', 'during', 'excluding', 'below', 'above', 'credit', 'cap',
  'claim', 'within', 'remedy', 'hours', 'severity', 'response', 'resolve',
];

const AGGREGATES = ['avg', 'min', 'max'] as const;
const POLARITIES = ['good', 'bad'] as const;

/** Categories of each contextual word (besides Name and AnyToken). */
const CONTEXTUAL_CATEGORIES = new Map<string, TokenType[]>();
function addContextual(words: readonly string[], category?: TokenType): void {
  for (const word of words) {
    const categories = CONTEXTUAL_CATEGORIES.get(word) ?? [];
    if (category) categories.push(category);
    CONTEXTUAL_CATEGORIES.set(word, categories);
  }
}
addContextual(KINDS, KindWord);
addContextual(PERIODS, PeriodWord);
addContextual(DAY_NAMES, DayWord);
addContextual(DAY_FORMS);
addContextual(CADENCES, CadenceWord);
addContextual(AGGREGATES, AggregateWord);
addContextual(UNIT_WORDS, UnitWord);
addContextual(POLARITIES, PolarityWord);
addContextual(['total']);
// (1.1) item words that stay usable as names: `missing down`, `counters`, `coverage`, `reviewed`.
addContextual(['missing', 'down', 'counters', 'coverage', 'reviewed']);

/** Words with a meaning in some places that remain usable as names (LANGUAGE.md section 3). */
export const CONTEXTUAL_WORDS: readonly string[] = [...CONTEXTUAL_CATEGORIES.keys()];

const WORD_TOKENS = new Map<string, TokenType>();
for (const word of KEYWORDS) {
  WORD_TOKENS.set(word, createToken({ name: word, pattern: word, label: `\`${word}\``, longer_alt: Identifier, categories: [AnyToken] }));
}
for (const [word, categories] of CONTEXTUAL_CATEGORIES) {
  // `daily` is a cadence and a days form: cadence category added above; days forms use the token itself.
  WORD_TOKENS.set(
    word,
    createToken({ name: word, pattern: word, label: `\`${word}\``, longer_alt: Identifier, categories: [...categories, NameToken, AnyToken] }),
  );
}

/**
 * The vocabulary as a trie that matchName follows while it reads a name (issue 15, "lexpool"),
 * so the state at the name's end tells the word: no hash of the name and no second pass over
 * its characters to compare them with a word's (that was a third of the scan's time on names).
 * Columns are the characters that occur in words (class 0: any other); state 0 is the prefix
 * of no word (every row leads from it to itself), WORD_START the empty name.
 */
const WORD_CHAR_CLASS = new Uint8Array(128);
const WORD_START = 1;
const [WORD_SHIFT, WORD_NEXT, WORD_AT_STATE] = wordTrie();

function wordTrie(): [shift: number, next: Uint16Array, atState: ({ word: string; typeIndex: number } | undefined)[]] {
  let classes = 0;
  for (const word of WORD_TOKENS.keys()) {
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (!isAsciiNamePart(code)) throw new Error(`vocabulary word ${word} is not an ASCII name`);
      if (WORD_CHAR_CLASS[code] === 0) WORD_CHAR_CLASS[code] = ++classes;
    }
  }
  const shift = 32 - Math.clz32(classes);
  const next: number[] = new Array<number>(2 << shift).fill(0);
  const atState: ({ word: string; typeIndex: number } | undefined)[] = [];
  for (const [word, type] of WORD_TOKENS) {
    let state = WORD_START;
    for (let i = 0; i < word.length; i++) {
      const slot = (state << shift) | WORD_CHAR_CLASS[word.charCodeAt(i)];
      if (next[slot] === 0) {
        next[slot] = next.length >> shift;
        for (let k = 0; k < 1 << shift; k++) next.push(0);
      }
      state = next[slot];
    }
    atState[state] = { word, typeIndex: type.tokenTypeIdx! };
  }
  if (next.length >> shift > 0xffff) throw new Error('vocabulary trie too large');
  // Every state has an entry (undefined where no word ends), so no look-up reads past the end.
  return [shift, Uint16Array.from(next), Array.from({ length: next.length >> shift }, (_, state) => atState[state])];
}

const RESERVED: ReadonlySet<string> = new Set(KEYWORDS);

export function isReservedWord(word: string): boolean {
  return RESERVED.has(word);
}

export function isContextualWord(word: string): boolean {
  return CONTEXTUAL_CATEGORIES.has(word);
}

// Keyword tokens, named as in the grammar (`T.objective`, `T.mon`).
export const T = Object.fromEntries(WORD_TOKENS) as Record<string, TokenType>;

// Code-unit order among words of one length: `localeCompare` would build an ICU collator
// at start-up (about 7 ms of every `sla` command) for the same order of these ASCII words.
const WORD_TOKENS_LONGEST_FIRST = [...WORD_TOKENS.entries()]
  .sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
  .map(([, token]) => token);

/** Every token type, in lexing order (categories last: they match nothing themselves). */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  DateTimeLiteral,
  DateLiteral,
  TimeLiteral,
  NumberLiteral,
  UnitSuffix,
  Percentile,
  ...WORD_TOKENS_LONGEST_FIRST,
  Identifier,
  ...PUNCTUATION_TOKENS,
  ...CATEGORY_TOKENS,
];

/**
 * What the lexer itself tries: every token type but the words. A word is lexed as an
 * Identifier and then given its word's type (`retypeWords`): the same tokens as trying each
 * word's pattern with `longer_alt: Identifier` (a name that is a word is that word; a longer
 * name is a name, as words are letters only), without trying a dozen word patterns at every
 * name (bench:check: lexing about 3x faster).
 */
const LEXED_TOKENS: TokenType[] = ALL_TOKENS.filter((t) => !WORD_TOKENS_LONGEST_FIRST.includes(t) && !CATEGORY_TOKENS.includes(t));

/**
 * The lexer of LEXED_TOKENS. `validate`: Chevrotain's checks of the token patterns, which
 * cost about 5 ms of every start-up and find nothing in a build whose tests passed; the
 * shared instance skips them (as Chevrotain's documentation suggests for production) and
 * test/language/chevrotainValidations.test.ts builds one with them.
 */
export function createLexer(validate: boolean): Lexer {
  return new Lexer(LEXED_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: !validate });
}

let chevrotainLexer: Lexer | undefined;

/** Chevrotain's lexer of LEXED_TOKENS, built when first asked for (lexScan.ts lexes; this is its reference): its set-up costs every start-up a few ms. */
function libraryLexer(): Lexer {
  if (chevrotainLexer === undefined) {
    chevrotainLexer = createLexer(false);
    // Chevrotain's token factory (not in its typings) makes our tokens.
    (chevrotainLexer as unknown as { createTokenInstance: (image: string, startOffset: number, tokenTypeIdx: number) => IToken }).createTokenInstance = (
      image,
      startOffset,
      tokenTypeIdx,
    ) => new Token(image, startOffset, tokenTypeIdx);
  }
  return chevrotainLexer;
}

/** Token types by their index (Chevrotain numbers every type as it is created). */
export const TYPE_BY_INDEX: TokenType[] = [];
for (const type of ALL_TOKENS) TYPE_BY_INDEX[type.tokenTypeIdx!] = type;

/**
 * A lexed token: its image, start offset and type index, with the end offset and the type
 * derived (Chevrotain's own token has all five as fields). Every token of a large file
 * lives until the AST is built and is copied by each young-generation collection on the
 * way: three fields instead of five make each token 48 bytes instead of 64 (bench:check).
 * Offsets only: tracking lines and columns costs about a third of lexing (bench:check) and
 * lines come from the text where needed (parse/tokenLines.ts).
 */
class Token implements IToken {
  constructor(
    public image: string,
    public startOffset: number,
    public tokenTypeIdx: number,
  ) {}

  /** The offset of the last character, as Chevrotain's `onlyOffset` tokens would have it. */
  get endOffset(): number {
    return this.startOffset + this.image.length - 1;
  }

  get tokenType(): TokenType {
    return TYPE_BY_INDEX[this.tokenTypeIdx];
  }
}

/** Moves a token lexed from a slice of a text to its place in the text (reparse.ts): its end follows its start (Token). */
export function moveToken(token: IToken, offset: number): void {
  token.startOffset += offset;
}

const IDENTIFIER_INDEX = Identifier.tokenTypeIdx!;

/** The token type index of each word of the vocabulary (`retypeWords`, the scanner). */
const WORD_TYPE_INDEX = new Map<string, number>([...WORD_TOKENS].map(([word, type]) => [word, type.tokenTypeIdx!]));

/** `\s` as the WhiteSpace pattern reads it (a character of its class). */
const WHITE_SPACE_CHAR = new RegExp(`^(?:${WHITE_SPACE.source})$`);

/** The hand-written lexer (lexScan.ts), given the rules defined in this module. */
const scanner = new PartScanner({
  token: (image, startOffset, tokenTypeIdx) => new Token(image, startOffset, tokenTypeIdx),
  name: matchName,
  nameType: (image) => WORD_TYPE_INDEX.get(image) ?? IDENTIFIER_INDEX,
  isUnitOf,
  percentile: matchPercentile.exec,
  isWhiteSpace: (code) => WHITE_SPACE_CHAR.test(String.fromCharCode(code)),
  types: {
    blockComment: BlockComment.tokenTypeIdx!,
    lineComment: LineComment.tokenTypeIdx!,
    string: StringLiteral.tokenTypeIdx!,
    dateTime: DateTimeLiteral.tokenTypeIdx!,
    date: DateLiteral.tokenTypeIdx!,
    time: TimeLiteral.tokenTypeIdx!,
    number: NumberLiteral.tokenTypeIdx!,
    unitSuffix: UnitSuffix.tokenTypeIdx!,
    percentile: Percentile.tokenTypeIdx!,
  },
  punctuation: PUNCTUATION_TOKENS.map((type) => [type.PATTERN as string, type.tokenTypeIdx!]),
});

/** Words lexed as names get their word's type (see LEXED_TOKENS); the type follows the index. */
function retypeWords(tokens: IToken[]): void {
  for (const token of tokens) {
    if (token.tokenTypeIdx !== IDENTIFIER_INDEX) continue;
    const word = WORD_TYPE_INDEX.get(token.image);
    if (word !== undefined) token.tokenTypeIdx = word;
  }
}

export interface LexError {
  offset: number;
  length: number;
}

export interface LexResult {
  /** Every token but comments, in order. */
  tokens: IToken[];
  comments: IToken[];
  /** Runs of characters that start no token (one entry per run). */
  errors: LexError[];
  /** (1.1) Full-width punctuation read as ASCII (SLA003); token images hold the ASCII form. */
  fullWidth: FullWidthChar[];
  /** The text as the lexer read it (full-width punctuation as ASCII; the same length): token images are slices of it. */
  text: string;
}

export function tokenize(text: string): LexResult {
  const reading = readFullWidth(text);
  return { ...tokenizePart(reading.text, 0, reading.text.length), fullWidth: reading.found, text: reading.text };
}

/** What `tokenizePart` gives: `tokenize`'s tokens, comments and errors for one part of a text. */
export type LexedPart = Pick<LexResult, 'tokens' | 'comments' | 'errors'>;

/**
 * Lexes `read[start, end)`, where `read` is a text as `readFullWidth` reads it (the parser's
 * chunked parse, parse/chunks.ts), with offsets in `read`. Equal to the part of
 * `tokenize(text)` in that range when `start` is a line start outside any block comment and
 * the part lexes without errors (parse/chunks.ts says why).
 */
export function tokenizePart(read: string, start: number, end: number): LexedPart {
  if (end === read.length || read.charCodeAt(end - 1) === 0x0a) return scanner.scan(read, start, end, 0);
  return scanner.scan(read.slice(start, end), 0, end - start, start);
}

/** `tokenizePart` by Chevrotain's lexer: the reference of the scanner (lexScan.ts) and its benchmark. */
export function tokenizePartWithChevrotain(read: string, start: number, end: number): LexedPart {
  const result = libraryLexer().tokenize(start === 0 && end === read.length ? read : read.slice(start, end));
  retypeWords(result.tokens);
  const comments = (result.groups.comments as IToken[] | undefined) ?? [];
  if (start !== 0) {
    for (const token of result.tokens) moveToken(token, start);
    for (const comment of comments) moveToken(comment, start);
  }
  return { tokens: result.tokens, comments, errors: result.errors.map((e) => ({ offset: e.offset + start, length: e.length })) };
}

// --- helpers for the language server ----------------------------------------------------------

export type TokenCategory =
  | 'keyword'
  | 'contextual'
  | 'name'
  | 'string'
  | 'number'
  | 'unit'
  | 'percentile'
  | 'date'
  | 'time'
  | 'dateTime'
  | 'operator'
  | 'punctuation'
  | 'comment';

/** (1.1) Contextual words that start an item (and `missing down`'s `down`): keywords where they are not names. */
const ITEM_WORDS: ReadonlySet<string> = new Set([...Object.values(CONTEXTUAL_ITEM_WORDS).flat(), 'down']);

/** What a token is, for semantic highlighting. */
export function tokenCategory(tokenType: TokenType): TokenCategory {
  switch (tokenType) {
    case Identifier:
      return 'name';
    case StringLiteral:
      return 'string';
    case NumberLiteral:
      return 'number';
    case UnitSuffix:
    case Percent:
      return 'unit';
    case Percentile:
      return 'percentile';
    case DateLiteral:
      return 'date';
    case TimeLiteral:
      return 'time';
    case DateTimeLiteral:
      return 'dateTime';
    case GreaterEqual:
    case Greater:
    case LessEqual:
    case Less:
    case DotDot:
    case Dash:
      return 'operator';
    case LineComment:
    case BlockComment:
      return 'comment';
  }
  if (KEYWORDS.includes(tokenType.name) && WORD_TOKENS.get(tokenType.name) === tokenType) return 'keyword';
  if (ITEM_WORDS.has(tokenType.name) && WORD_TOKENS.get(tokenType.name) === tokenType) return 'keyword';
  if (CONTEXTUAL_CATEGORIES.has(tokenType.name) && WORD_TOKENS.get(tokenType.name) === tokenType) return 'contextual';
  return 'punctuation';
}

/** `a`, `b`, `c`: code words in the locale's list. */
const codeList = (t: Translate, words: readonly string[]) => list(t, words.map((w) => `\`${w}\``));

const CATEGORY_DESCRIPTIONS = new Map<TokenType, (t: Translate) => string>([
  [AnyToken, (t) => t('parse.token.anything')],
  [NameToken, (t) => t('parse.token.name')],
  [Comparator, (t) => t('parse.token.comparator')],
  [KindWord, (t) => t('parse.token.kind', { kinds: codeList(t, KINDS) })],
  [PeriodWord, (t) => t('parse.token.period', { periods: codeList(t, PERIODS) })],
  [DayWord, (t) => t('parse.token.day')],
  [CadenceWord, (t) => t('parse.token.cadence', { cadences: codeList(t, CADENCES) })],
  [AggregateWord, (t) => t('parse.token.aggregate')],
  [UnitWord, (t) => t('parse.token.unit')],
  [PolarityWord, (t) => t('parse.token.polarity')],
  [Identifier, (t) => t('parse.token.name')],
  [StringLiteral, (t) => t('parse.token.string')],
  [NumberLiteral, (t) => t('parse.token.number')],
  [DateLiteral, (t) => t('parse.token.date')],
  [TimeLiteral, (t) => t('parse.token.time')],
  [DateTimeLiteral, (t) => t('parse.token.dateTime')],
  [UnitSuffix, (t) => t('parse.token.unit')],
  [Percentile, (t) => t('parse.token.percentile')],
  [EOF, (t) => t('parse.endOfFile')],
]);

/** A readable description of a token type for messages: "`{`", "a name", "a string". */
export function tokenTypeName(tokenType: TokenType, t: Translate = messages().t): string {
  return CATEGORY_DESCRIPTIONS.get(tokenType)?.(t) ?? (typeof tokenType.LABEL === 'string' ? tokenType.LABEL : tokenType.name);
}
