// The grammar of LANGUAGE.md section 3 as a Chevrotain parser (LL(1)) with embedded actions:
// no CST; each rule records what it consumes (parse/parsed.ts) and, when it ends, has the AST
// builder make its AST node.
//
// Error recovery, beyond Chevrotain's single-token insertion/deletion and re-sync:
// - Every block loop accepts any stray token (the `garbage` rule, reported once per line as
//   "unexpected `foo`: expected …") so that one bad token never ends a block early.
// - A block loop stops at `}`, the end of the file, `sla`, or an sla-level item keyword that is
//   not an item of this block (`objective` inside an indicator means its `}` is missing); the
//   missing `}` is then reported and the outer block goes on. Inside an objective,
//   `indicator`/`service` followed by a name and `{` start a new block, not an item.
// - Missing tokens are inserted, except that a stray token on the same line as the previous
//   one is deleted when the token after it is the expected one (`target foo >= 99%`).
// - Items outside any `sla` (after an extra `}`) are parsed as `orphans` for the AST builder.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IOrAlt, type IToken, type OrMethodOpts, type ParserMethod, type TokenType } from 'chevrotain';
import {
  ALL_TOKENS,
  AggregateWord,
  AnyToken,
  CadenceWord,
  Comma,
  Comparator,
  Dash,
  DateLiteral,
  DateTimeLiteral,
  DayWord,
  DotDot,
  LCurly,
  NameToken,
  NumberLiteral,
  Percent,
  PeriodWord,
  PolarityWord,
  RCurly,
  StringLiteral,
  T,
  TimeLiteral,
  UnitSuffix,
} from '../lexer';
import { ParsedNode, type NodeField, type NodeListField, type ParsedRule } from './parsed';
import type { AstBuilder, ParsedFile } from './ast-builder';
import type { SlaItem } from '../ast';
import { ITEM_STARTS, type BlockKind } from '../vocabulary';
import { strayTokenMessage, SyntaxErrorMessages } from './messages';
import { onSameLine } from './tokenLines';
import { ChunkRejected } from './chunks';
import { GatedLookahead } from './gatedLookahead';

/** A stray-token error found by the grammar itself (Chevrotain's own errors are separate). */
export interface StrayTokenError {
  token: IToken;
  block: BlockKind;
  message: string;
  suggestion?: string;
}

/** Chevrotain internals used by the recovery override (present at run time, not typed). */
interface RecoveryInternals {
  canRecoverWithSingleTokenDeletion(expected: TokenType): boolean;
  SKIP_TOKEN(): IToken;
  consumeToken(): void;
}

/** Chevrotain's token vector (LexerAdapter: the tokens, then sentinels), present at run time, not typed. */
interface TokenVectorInternals {
  tokVector: IToken[];
  tokVectorLength: number;
  currIdx: number;
}

/**
 * A chunked parse adds chunks until it has at least this many tokens past the place where it
 * takes the next ones: the lookahead any item needs (the grammar looks at most 4 tokens on).
 */
const MIN_LOOKAHEAD_TOKENS = 64;

/** Chevrotain's rule stack (short rule names) and each invocation's occurrence, present at run time, not typed. */
interface RuleStackInternals {
  /** The depth (0: the top rule). */
  RULE_STACK_IDX: number;
  RULE_STACK: number[];
  RULE_OCCURRENCE_STACK: number[];
}

/** Chevrotain's methods that make a recognition exception and throw it (not in its typings). */
type RaisingMethod = 'consumeInternalError' | 'raiseNoAltException' | 'raiseEarlyExitException';

/** A block's item loop: its MANY runs `DEF` while `GATE` (built into the MANY's lookahead: GatedLookahead) holds. */
type ItemLoop = { rule: ParsedRule; GATE: () => boolean; DEF: () => unknown };

/** The tokens that start an item, per block. */
const ITEM_START_TOKENS = Object.fromEntries(
  Object.entries(ITEM_STARTS).map(([block, words]) => [block, new Set<TokenType>(words.map((w) => T[w]))]),
) as Record<BlockKind, Set<TokenType>>;

/** What the item loop of a block does at a token, by its type's index (see `continues`). */
const enum AtToken {
  Continue = 0,
  Stop = 1,
  /** `indicator`/`service` in an objective: a new block when followed by a name and `{`. */
  StopIfBlock = 2,
}

/** `AtToken` of each token type for the item loop of `block`, by `tokenTypeIdx` (made once per loop). */
function itemLoopTable(block: Exclude<BlockKind, 'file'>): AtToken[] {
  const table: AtToken[] = [];
  for (const type of [...ALL_TOKENS, EOF]) {
    let at = AtToken.Continue;
    if (type === EOF || type === RCurly || type === T.sla) at = AtToken.Stop;
    else if (ITEM_START_TOKENS[block].has(type)) at = block === 'objective' && (type === T.indicator || type === T.service) ? AtToken.StopIfBlock : AtToken.Continue;
    else if (ITEM_START_TOKENS.sla.has(type)) at = AtToken.Stop;
    table[type.tokenTypeIdx!] = at;
  }
  return table;
}

/** `{ LABEL: field }` of each sub-node field, made once (sub-rules are invoked often). */
const LABELS = Object.fromEntries(
  (['item', 'days', 'range', 'duration', 'interval', 'quantity', 'percent', 'threshold', 'credit', 'response', 'resolve', 'items', 'ranges', 'slas', 'orphans'] as const).map((f) => [f, { LABEL: f }]),
) as Record<NodeField | NodeListField, { LABEL: string }>;

/** The rules of the sla's items, in the order of their alternatives (in the sla loop and `slaItem`). */
const SLA_ITEM_RULES = [
  'versionItem',
  'providerItem',
  'customerItem',
  'effectiveItem',
  'timezoneItem',
  'feeItem',
  'serviceBlock',
  'scheduleBlock',
  'maintenanceBlock',
  'indicatorBlock',
  'objectiveBlock',
  'compensationBlock',
  'creditsBlock',
  'responsibilitiesBlock',
  'supportBlock',
  'reportingItem',
  'reviewItem',
  'reviewedItem',
] as const satisfies readonly ParsedRule[];

/** Where the rules write while Chevrotain records the grammar (their writes are discarded). */
const RECORDING_SINK = new ParsedNode();

/** SUBRULE options of `garbage`: the block it is in. */
type StrayOptions = { ARGS: [BlockKind] };
const FILE_STRAY_OPTIONS: StrayOptions = { ARGS: ['file'] };

function isName(token: IToken): boolean {
  return tokenMatcher(token, NameToken);
}

export class SlaGrammar extends EmbeddedActionsParser {
  /** Stray tokens reported by the `garbage` rule during the current parse. */
  strayErrors: StrayTokenError[] = [];
  private lastStrayEnd: IToken | undefined;
  /** The messages of syntax errors, in the language of the current parse. */
  private readonly errorMessages: SyntaxErrorMessages;
  /** Incremental parsing: the token at which the sla item loop stops (see parseTokens). */
  private stopAt: IToken | undefined;
  /**
   * When the sla item loop reached `stopAt` (undefined: never reached): the errors, stray
   * tokens and builder diagnostics counted so far, and the sla's items (the tokens after
   * `stopAt` are only lookahead: what they make is not the region's); the `sla` keyword of that
   * sla (an `sla` in the region ends the one it is in and starts another).
   */
  stoppedAt: { errors: number; strays: number; diagnostics: number; items: SlaItem[]; sla: IToken | undefined } | undefined;
  /** A chunked parse: the next chunk's tokens (undefined once all are taken). */
  private more: (() => IToken[] | undefined) | undefined;
  /** A chunked parse: the index in the token vector from which the next chunks are taken. */
  private refillAt = Infinity;
  /** A chunked parse: the tokens dropped from the front of the token vector so far. */
  private dropped = 0;

  /** `skipValidations`: leave out Chevrotain's grammar checks (parser.ts sharedGrammar; the tests build one with them). */
  constructor(options: { skipValidations?: boolean } = {}) {
    const errorMessages = new SyntaxErrorMessages();
    const lookaheadStrategy = new GatedLookahead({ maxLookahead: 1 });
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 1, lookaheadStrategy, errorMessageProvider: errorMessages, skipValidations: options.skipValidations === true });
    this.errorMessages = errorMessages;
    for (const loop of this.itemLoops) lookaheadStrategy.gate(loop.rule, loop.GATE);
    this.performSelfAnalysis();
    lookaheadStrategy.assertAllPlaced();
  }

  /**
   * Parses a token vector: `builder` makes the AST nodes as the rules end and words messages
   * (its `translate`); the parser is reused, so all per-parse state is reset here. With `stopAt`
   * (incremental parsing) the sla item loop ends at that token, as at a `}`, and `stoppedAt`
   * tells whether it got there and with how many errors so far. With `more` (a chunked parse,
   * parse/chunks.ts) `tokens` is the first chunk's and `more` gives the next chunk's tokens,
   * taken at an item of a block or the file when the parser gets near the end of those it
   * has (ChunkRejected where the chunked parse cannot be the whole text's).
   */
  parseTokens(tokens: IToken[], builder: AstBuilder, stopAt?: IToken, more?: () => IToken[] | undefined): ParsedFile {
    this.errorMessages.t = builder.translate;
    this.builder = builder;
    this.strayErrors = [];
    this.lastStrayEnd = undefined;
    this.stopAt = stopAt;
    this.stoppedAt = undefined;
    this.more = more;
    this.refillAt = Infinity;
    this.dropped = 0;
    this.input = more ? this.withNextChunks(tokens) : tokens;
    this.file();
    const file = this.nodes[0];
    return { slas: file.slas.slice(), orphans: file.orphans.slice() };
  }

  /** Drops the references to the last input, so that a big file is not kept alive. */
  release(): void {
    this.input = [];
    this.nodes.length = 0;
    this.record = RECORDING_SINK;
    this.builder = undefined;
    this.strayErrors = [];
    this.lastStrayEnd = undefined;
    this.stopAt = undefined;
    this.more = undefined;
  }

  // --- chunked parsing (parse/chunks.ts) -------------------------------------------------------

  /**
   * `tokens`, then the next chunks, until those hold MIN_LOOKAHEAD_TOKENS or none are left,
   * then `sentinels`, in one new array; the next refill is due where the chunks begin (so the
   * parser always has at least one chunk ahead of it).
   */
  private withNextChunks(tokens: IToken[], sentinels: IToken[] = []): IToken[] {
    const chunks: IToken[][] = [];
    let taken = 0;
    while (taken < MIN_LOOKAHEAD_TOKENS) {
      const next = this.more!();
      if (next === undefined) {
        this.more = undefined;
        break;
      }
      chunks.push(next);
      taken += next.length;
    }
    this.refillAt = this.more === undefined ? Infinity : tokens.length;
    return tokens.concat(...chunks, sentinels);
  }

  /**
   * At an item of any block or of the file: when the parser has got to the last chunks taken,
   * the token vector becomes the tokens from the last one consumed (LA(0)) on, plus the next
   * chunks; the earlier tokens are no longer referenced.
   */
  private refillIfDue(): void {
    const self = this as unknown as TokenVectorInternals;
    const at = self.currIdx;
    if (this.more === undefined || at + 1 < this.refillAt) return;
    // With an error the whole text is parsed anyway (parser.ts); recovery may also have
    // looked past the end of the tokens. (`errors` copies Chevrotain's list: read here only.)
    if (this.errors.length > 0 || this.strayErrors.length > 0) throw new ChunkRejected();
    // The grammar looks at most 4 tokens ahead of the last one consumed: nearer the end, it
    // may have seen an end of file that is not the text's (an item longer than the lookahead).
    const length = self.tokVectorLength;
    if (at + 4 >= length) throw new ChunkRejected();
    const old = self.tokVector;
    const kept = Math.max(at, 0);
    // Chevrotain's end-of-file sentinels (placed by `onBeforeParse`) go at the end again.
    const vector = this.withNextChunks(old.slice(kept, length), old.slice(length));
    self.tokVector = vector;
    self.tokVectorLength = vector.length - (old.length - length);
    self.currIdx = at - kept;
    this.dropped += kept;
  }

  /**
   * Overrides Chevrotain's LexerAdapter.exportLexerState (not in its typings): the position
   * in the whole token sequence, which a refill (dropping tokens from the front of the
   * vector) does not change. Chevrotain compares two positions to tell whether a repetition
   * is stuck, and recovery saves one to go back to.
   */
  exportLexerState(): number {
    return this.dropped + (this as unknown as TokenVectorInternals).currIdx;
  }

  /** Overrides LexerAdapter.importLexerState: back to a position `exportLexerState` gave, if its tokens are still held. */
  importLexerState(position: number): void {
    if (this.dropped > 0 && position < this.dropped) throw new ChunkRejected();
    (this as unknown as TokenVectorInternals).currIdx = position - this.dropped;
  }

  // --- recovery policy ------------------------------------------------------------------------

  /** Whether the item loop of a block (`table`: itemLoopTable) goes on at the next token (see header comment). */
  private continues(table: AtToken[], isSla: boolean): boolean {
    this.refillIfDue();
    const next = this.LA(1);
    if (isSla && next === this.stopAt) {
      this.stoppedAt ??= {
        errors: this.errors.length,
        strays: this.strayErrors.length,
        diagnostics: this.builder!.diagnostics.length,
        items: this.nodes[this.depth()].items.slice() as SlaItem[],
        sla: this.nodes[this.depth()].keyword,
      };
      return false;
    }
    // Token types outside the table (none are lexed) go on, as items of no block do.
    const at = table[next.tokenTypeIdx];
    return at === AtToken.StopIfBlock ? !this.startsBlock() : at !== AtToken.Stop;
  }

  /** `indicator NAME {` or `indicator NAME "title" {`. */
  private startsBlock(): boolean {
    if (!isName(this.LA(2))) return false;
    const third = this.LA(3).tokenType;
    return third === LCurly || (third === StringLiteral && this.LA(4).tokenType === LCurly);
  }

  /**
   * Overrides Chevrotain's Recoverable.tryInRuleRecovery (not in its typings). Chevrotain
   * tries single-token insertion first; since stray tokens may follow any item, insertion is
   * nearly always possible. Prefer deleting a stray token on the same line when the token
   * after it is the expected one.
   */
  tryInRuleRecovery(expectedTokType: TokenType, follows: TokenType[]): IToken {
    const previous = this.LA(0);
    const next = this.LA(1);
    const afterNext = this.LA(2);
    const sameLine = previous.tokenType !== EOF && onSameLine(previous, next) && onSameLine(next, afterNext);
    const self = this as unknown as RecoveryInternals;
    if (sameLine && self.canRecoverWithSingleTokenDeletion(expectedTokType)) {
      const deleted = self.SKIP_TOKEN();
      self.consumeToken();
      return deleted;
    }
    const inherited = Object.getPrototypeOf(SlaGrammar.prototype).tryInRuleRecovery as (t: TokenType, f: TokenType[]) => IToken;
    return inherited.call(this, expectedTokType, follows);
  }

  /**
   * Overrides Chevrotain's Recoverable.getFollowsForInRuleRecovery (not in its typings): the
   * same token types, remembered. Chevrotain works them out at each mismatched token by walking
   * the grammar from the top rule down the rule stack, making new grammar nodes as it goes (1.9 s
   * of a 7.7 s `sla check` of 100,000 lines with a syntax error on each); they depend only on
   * that path (each rule and the occurrence it was invoked at), the expected token and its
   * occurrence. The arrays are only read (canRecoverWithSingleTokenInsertion).
   */
  getFollowsForInRuleRecovery(expectedTokType: TokenType, occurrence: number): TokenType[] {
    const stack = this as unknown as RuleStackInternals;
    let path = `${expectedTokType.tokenTypeIdx}:${occurrence}`;
    for (let i = 0; i <= stack.RULE_STACK_IDX; i++) path += `/${stack.RULE_STACK[i]}:${stack.RULE_OCCURRENCE_STACK[i]}`;
    let follows = this.followsByPath.get(path);
    if (follows === undefined) {
      const inherited = Object.getPrototypeOf(SlaGrammar.prototype).getFollowsForInRuleRecovery as (t: TokenType, o: number) => TokenType[];
      follows = inherited.call(this, expectedTokType, occurrence);
      this.followsByPath.set(path, follows);
    }
    return follows;
  }

  private readonly followsByPath = new Map<string, TokenType[]>();

  // Chevrotain's recognition exceptions are values (one per syntax error, kept in `errors`), and
  // each captures the call stack twice (in Error's constructor, then captureStackTrace): 1.1 s of
  // the same check. They are made without a stack; these overrides run Chevrotain's own methods.
  consumeInternalError(...args: unknown[]): never {
    return this.raiseWithoutStack('consumeInternalError', args);
  }

  raiseNoAltException(...args: unknown[]): never {
    return this.raiseWithoutStack('raiseNoAltException', args);
  }

  raiseEarlyExitException(...args: unknown[]): never {
    return this.raiseWithoutStack('raiseEarlyExitException', args);
  }

  private raiseWithoutStack(method: RaisingMethod, args: unknown[]): never {
    const inherited = Object.getPrototypeOf(SlaGrammar.prototype)[method] as (...a: unknown[]) => never;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return inherited.apply(this, args);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  private noteStray(first: IToken | undefined, before: IToken | undefined, block: BlockKind): void {
    if (first === undefined) return;
    const continuesRun = before !== undefined && before === this.lastStrayEnd && onSameLine(before, first);
    this.lastStrayEnd = this.LA(0);
    if (continuesRun) return;
    const { message, suggestion } = strayTokenMessage(first, block, this.errorMessages.t);
    this.strayErrors.push({ token: first, block, message, suggestion });
  }

  // --- recording (what replaces the CST) -------------------------------------------------------

  /** The record of each rule on Chevrotain's rule stack, by depth (reused: entries past the top are stale). */
  private readonly nodes: ParsedNode[] = [];
  /** Where the node of the rule being invoked goes in its parent's record (see `sub`, `subIn`). */
  private attachTo: NodeField | NodeListField | undefined;
  private attachToList = false;
  /**
   * The record of the rule being run (`nodes[depth()]`, kept here by `enter` and `exit`), which
   * the alternatives and options made once fill; RECORDING_SINK outside a parse.
   */
  private record: ParsedNode = RECORDING_SINK;
  /** Makes each rule's AST node when the rule ends (set for each parse). */
  private builder: AstBuilder | undefined;

  private depth(): number {
    return (this as unknown as RuleStackInternals).RULE_STACK_IDX;
  }

  /**
   * A grammar rule whose invocations record what they consume (parse/parsed.ts), given to
   * `impl` to fill; when the rule ends, even by an error, its AST node is built from that and
   * given to the parent's record. Only `garbage` takes an argument.
   */
  private rule<A>(name: ParsedRule, impl: (node: ParsedNode, arg?: A) => void): ParserMethod<[arg?: A], void> {
    return this.RULE(name, (arg?: A) => {
      if (this.RECORDING_PHASE) return impl(RECORDING_SINK, arg);
      const node = this.enter(name);
      try {
        impl(node, arg);
      } finally {
        this.exit(node);
      }
    });
  }

  /** At the start of a rule: the record of its depth, cleared for it. */
  private enter(rule: ParsedRule): ParsedNode {
    const depth = this.depth();
    const node = (this.nodes[depth] ??= new ParsedNode());
    node.reset(rule, this.attachTo, this.attachToList);
    this.attachTo = undefined;
    this.record = node;
    return node;
  }

  /**
   * At the end of a rule: its AST node, given to the parent's record as `attachTo` says, and
   * its extent added to the parent's (tokens come in text order).
   */
  private exit(node: ParsedNode): void {
    const built = this.builder!.build(node);
    const depth = this.depth();
    if (depth === 0) {
      this.record = RECORDING_SINK;
      return;
    }
    const parent = this.nodes[depth - 1];
    this.record = parent;
    if (node.startOffset >= 0) parent.extend(node.startOffset, node.endOffset);
    const field = node.attachTo;
    if (field === undefined || built === undefined) return;
    if (node.attachToList) parent.add(field as NodeListField, built);
    else parent.give(field as NodeField, built);
  }

  /**
   * CONSUME (occurrence `idx`), the token counted in the extent of the rule (the rule stores it
   * where it belongs): Chevrotain's `onlyOffset` node location with recovery, where the first
   * real token sets both ends and later ones move the end (tokens inserted by recovery have
   * NaN offsets).
   */
  private tok(idx: number, type: TokenType): IToken {
    const token = this.consume(idx, type);
    if (this.RECORDING_PHASE) return token;
    const start = token.startOffset;
    if (Number.isNaN(start)) return token;
    this.record.extend(start, token.endOffset!);
    return token;
  }

  /** SUBRULE (occurrence `idx`), its node recorded as `field`. */
  private sub(idx: number, rule: ParserMethod<[], void>, field?: NodeField): void {
    if (!this.RECORDING_PHASE) {
      this.attachTo = field;
      this.attachToList = false;
    }
    // The label only names the sub-rule in the grammar's productions (conformance.test.ts reads them).
    this.subrule(idx, rule, field !== undefined ? LABELS[field] : undefined);
  }

  /** SUBRULE `garbage` (occurrence 0) for a block, `options` made once per block: its node goes nowhere. */
  private stray(options: StrayOptions): void {
    if (!this.RECORDING_PHASE) {
      this.attachTo = undefined;
      this.attachToList = false;
    }
    this.subrule(0, this.garbage, options);
  }

  /** SUBRULE (occurrence `idx`), its node added to the list `field`. */
  private subIn(idx: number, rule: ParserMethod<[arg?: undefined], void>, field: NodeListField): void {
    if (!this.RECORDING_PHASE) {
      this.attachTo = field;
      this.attachToList = true;
    }
    this.subrule(idx, rule, LABELS[field]);
  }

  // --- item loops (before the rules that use them: class fields initialise in order) ----------

  /** Every block's item loop (their gates go to the lookahead strategy). */
  private readonly itemLoops: ItemLoop[] = [];

  // The sla's items directly, not through `slaItem` (issue 15: one rule invocation less per
  // item; `slaItem` is kept for items outside any sla): the same alternatives, in the same order.
  private readonly slaLoop = this.itemLoop('sla', SLA_ITEM_RULES.map((rule) => ({ ALT: () => this.subIn(0, this[rule], 'items') })));

  private readonly serviceLoop = this.itemLoop('service', [
    { ALT: () => this.subIn(0, this.descriptionItem, 'items') },
    { ALT: () => this.subIn(0, this.includesItem, 'items') },
    { ALT: () => this.subIn(0, this.excludesItem, 'items') }
  ]);

  private readonly scheduleLoop = this.itemLoop('schedule', [
    { ALT: () => this.subIn(0, this.holidaysItem, 'items') },
    { ALT: () => this.subIn(0, this.scheduleLine, 'items') },
    { ALT: () => this.subIn(0, this.scheduleOnItem, 'items') }
  ]);

  private readonly maintenanceLoop = this.itemLoop('maintenance', [
    { ALT: () => this.subIn(0, this.everyItem, 'items') },
    { ALT: () => this.subIn(0, this.onItem, 'items') },
    { ALT: () => this.subIn(0, this.noticeItem, 'items') }
  ]);

  private readonly indicatorLoop = this.itemLoop('indicator', [
    { ALT: () => this.subIn(0, this.kindItem, 'items') },
    { ALT: () => this.subIn(0, this.metricItem, 'items') },
    { ALT: () => this.subIn(0, this.ratioItem, 'items') },
    { ALT: () => this.subIn(0, this.unitItem, 'items') },
    { ALT: () => this.subIn(2, this.descriptionItem, 'items') },
    { ALT: () => this.subIn(0, this.sampleEveryItem, 'items') },
    { ALT: () => this.subIn(0, this.missingItem, 'items') },
    { ALT: () => this.subIn(0, this.countersItem, 'items') }
  ]);

  private readonly objectiveLoop = this.itemLoop('objective', [
    { ALT: () => this.subIn(0, this.indicatorRefItem, 'items') },
    { ALT: () => this.subIn(0, this.serviceRefItem, 'items') },
    { ALT: () => this.subIn(0, this.targetItem, 'items') },
    { ALT: () => this.subIn(0, this.windowItem, 'items') },
    { ALT: () => this.subIn(0, this.duringItem, 'items') },
    { ALT: () => this.subIn(0, this.excludingItem, 'items') },
    { ALT: () => this.subIn(0, this.coverageItem, 'items') },
    { ALT: () => this.subIn(3, this.descriptionItem, 'items') }
  ]);

  private readonly compensationLoop = this.itemLoop('compensation', [
    { ALT: () => this.subIn(0, this.tier, 'items') }
  ]);

  private readonly creditsLoop = this.itemLoop('credits', [
    { ALT: () => this.subIn(0, this.capItem, 'items') },
    { ALT: () => this.subIn(0, this.claimItem, 'items') },
    { ALT: () => this.subIn(0, this.remedyItem, 'items') }
  ]);

  private readonly responsibilitiesLoop = this.itemLoop('responsibilities', [
    { ALT: () => this.subIn(0, this.responsibility, 'items') }
  ]);

  private readonly supportLoop = this.itemLoop('support', [
    { ALT: () => this.subIn(0, this.hoursItem, 'items') },
    { ALT: () => this.subIn(0, this.severityItem, 'items') }
  ]);

  private readonly slaItemAlternatives: IOrAlt<unknown>[] = SLA_ITEM_RULES.map((rule) => ({ ALT: () => this.sub(0, this[rule], 'item') }));

  // --- alternatives and optional parts of the rules, made once (not per invocation: Chevrotain's
  // advice; issue 15). Each is what the rule below wrote inline, in the same order with the same
  // occurrence indexes, so the grammar is the same. What they consume goes to the running rule's
  // record (`record`) or is returned to the rule, which stores it. They are static: Chevrotain
  // calls DSL actions and alternatives with the parser as `this`, and every own property of the
  // parser makes its analysis slower (it adds and deletes some 90 recording methods on it: 20
  // fields more cost 2 ms of every start-up).

  /** `"title"` after a block's name (and a severity's). */
  private static readonly titleOption = function (this: SlaGrammar): IToken {
    return this.tok(0, StringLiteral);
  };

  /** effectiveItem: `to DATE`. */
  private static readonly effectiveEnd = function (this: SlaGrammar): IToken {
    this.tok(0, T.to);
    return this.tok(2, DateLiteral);
  };

  /** reportingItem: `to "a", "b"`. */
  private static readonly reportingRecipients = function (this: SlaGrammar): void {
    this.tok(0, T.to);
    this.record.list.push(this.tok(0, StringLiteral));
    this.MANY(SlaGrammar.moreStrings);
  };

  /** `, "b"` of a list of strings. */
  private static readonly moreStrings = function (this: SlaGrammar): void {
    this.tok(0, Comma);
    this.record.list.push(this.tok(2, StringLiteral));
  };

  /** `, 2026-10-11` of a list of dates. */
  private static readonly moreDates = function (this: SlaGrammar): void {
    this.tok(0, Comma);
    this.record.list.push(this.tok(2, DateLiteral));
  };

  /** `, name` of a list of names. */
  private static readonly moreNames = function (this: SlaGrammar): void {
    this.tok(0, Comma);
    this.record.list.push(this.tok(2, NameToken));
  };

  /** scheduleLine: `, 13:00-18:00`. */
  private static readonly moreRanges = function (this: SlaGrammar): void {
    this.tok(0, Comma);
    this.subIn(2, this.timeRange, 'ranges');
  };

  /** scheduleOnItem: `, 13:00-18:00` (after the dates' commas). */
  private static readonly moreRangesAfterDates = function (this: SlaGrammar): void {
    this.tok(2, Comma);
    this.subIn(2, this.timeRange, 'ranges');
  };

  /** days: `mon..fri` (the range's end optional). */
  private static readonly dayRangeEnd = function (this: SlaGrammar): IToken {
    this.tok(0, DotDot);
    return this.tok(2, DayWord);
  };

  private static readonly daysForms: IOrAlt<unknown>[] = [
    {
      ALT: function (this: SlaGrammar) {
        const n = this.record;
        n.from = this.tok(0, DayWord);
        n.to = this.OPTION(SlaGrammar.dayRangeEnd);
      },
    },
    {
      ALT: function (this: SlaGrammar) {
        this.record.form = this.tok(0, T.daily);
      },
    },
    {
      ALT: function (this: SlaGrammar) {
        this.record.form = this.tok(0, T.weekdays);
      },
    },
    {
      ALT: function (this: SlaGrammar) {
        this.record.form = this.tok(0, T.weekends);
      },
    },
  ];

  /** Alternatives that each consume one token of one of `types`, in order (the token is returned). */
  private static oneOf(...types: TokenType[]): IOrAlt<IToken>[] {
    return types.map((type) => ({
      ALT: function (this: SlaGrammar) {
        return this.tok(0, type);
      },
    }));
  }

  private static readonly unitValues = SlaGrammar.oneOf(NameToken, Percent);

  private static readonly aggregateOption = function (this: SlaGrammar): IToken {
    return this.tok(0, AggregateWord);
  };

  /** windowItem: `calendar month` or `rolling 30d` (the form stored before the rest is read: it stays when that fails). */
  private static readonly windowForms: IOrAlt<unknown>[] = [
    {
      ALT: function (this: SlaGrammar) {
        const n = this.record;
        n.form = this.tok(0, T.calendar);
        n.period = this.tok(0, PeriodWord);
      },
    },
    {
      ALT: function (this: SlaGrammar) {
        this.record.form = this.tok(0, T.rolling);
        this.sub(0, this.quantity, 'duration');
      },
    },
  ];

  private static readonly quantityUnits = SlaGrammar.oneOf(UnitSuffix, Percent);

  /** quantity: its unit, if any. */
  private static readonly quantityUnit = function (this: SlaGrammar): IToken {
    return this.OR(SlaGrammar.quantityUnits);
  };

  private static readonly tierKeywords = SlaGrammar.oneOf(T.below, T.above);

  private static readonly responsibilityKeywords = SlaGrammar.oneOf(T.provider, T.customer);

  /** severityItem: `resolve 8h`. */
  private static readonly severityResolve = function (this: SlaGrammar): void {
    this.tok(0, T.resolve);
    this.sub(2, this.quantity, 'resolve');
  };

  // --- file and sla ---------------------------------------------------------------------------

  private readonly fileLoop = {
    GATE: () => {
      this.refillIfDue();
      return this.LA(1).tokenType !== EOF;
    },
    DEF: () => this.OR(this.fileAlternatives),
  };

  private readonly fileAlternatives: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.subIn(0, this.slaBlock, 'slas') },
      { ALT: () => this.subIn(0, this.slaItem, 'orphans') },
      { ALT: () => this.stray(FILE_STRAY_OPTIONS) },
    ],
  };

  private readonly strayAlternatives: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: () => this.sub(0, this.skippedGroup) }, { ALT: () => this.tok(0, AnyToken) }],
  };

  /** Open braces of the group being skipped; a group also stops at `sla` (its `}` is missing). */
  private skippedDepth = 0;

  private readonly skippedGroupLoop = {
    GATE: () => this.skippedDepth > 0 && this.LA(1).tokenType !== T.sla,
    DEF: () => {
      const skipped = this.tok(0, AnyToken);
      this.ACTION(() => {
        if (skipped.tokenType === LCurly) this.skippedDepth++;
        else if (skipped.tokenType === RCurly) this.skippedDepth--;
      });
    },
  };

  file = this.rule('file', (n) => {
    this.MANY(this.fileLoop);
  });

  /** A stray token, or a stray `{ … }` group skipped whole. */
  garbage = this.rule('garbage', (_n, block: BlockKind = 'file') => {
    const before = this.ACTION(() => this.LA(0));
    const first = this.ACTION(() => this.LA(1));
    this.OR(this.strayAlternatives);
    this.ACTION(() => this.noteStray(first, before, block));
  });

  /** `{ … }` skipped whole, nested braces included (iteratively: no recursion on `{{{{`). */
  skippedGroup = this.rule('skippedGroup', (n) => {
    this.tok(0, LCurly);
    this.ACTION(() => {
      this.skippedDepth = 1;
    });
    this.MANY(this.skippedGroupLoop);
  });

  slaBlock = this.rule('slaBlock', (n) => {
    n.keyword = this.tok(0, T.sla);
    n.name = this.tok(0, NameToken);
    n.title = this.OPTION(SlaGrammar.titleOption);
    this.blockBody(n, this.slaLoop);
  });

  slaItem = this.rule('slaItem', (n) => {
    this.OR(this.slaItemAlternatives);
  });

  /** `{ item* }` of a block: items (labelled `items`, in order), stray tokens, braces. */
  private blockBody(n: ParsedNode, loop: ItemLoop): void {
    n.open = this.tok(0, LCurly);
    this.MANY(loop.DEF);
    n.close = this.tok(0, RCurly);
  }

  /**
   * The item loop of a block (its rule: `<block>Block`), built once: Chevrotain advises
   * against re-creating alternatives (and their closures) on every rule invocation.
   */
  private itemLoop(block: Exclude<BlockKind, 'file'>, items: IOrAlt<unknown>[]): ItemLoop {
    const strayOptions: StrayOptions = { ARGS: [block] };
    const alternatives: OrMethodOpts<unknown> = {
      IGNORE_AMBIGUITIES: true,
      DEF: [...items, { ALT: () => this.stray(strayOptions) }],
    };
    const table = itemLoopTable(block);
    const isSla = block === 'sla';
    const loop: ItemLoop = { rule: `${block}Block`, GATE: () => this.continues(table, isSla), DEF: () => this.OR(alternatives) };
    this.itemLoops.push(loop);
    return loop;
  }

  // --- simple sla items -------------------------------------------------------------------------

  versionItem = this.rule('versionItem', (n) => {
    n.keyword = this.tok(0, T.version);
    n.value = this.tok(0, StringLiteral);
  });

  providerItem = this.rule('providerItem', (n) => {
    n.keyword = this.tok(0, T.provider);
    n.value = this.tok(0, StringLiteral);
  });

  customerItem = this.rule('customerItem', (n) => {
    n.keyword = this.tok(0, T.customer);
    n.value = this.tok(0, StringLiteral);
  });

  effectiveItem = this.rule('effectiveItem', (n) => {
    n.keyword = this.tok(0, T.effective);
    n.start = this.tok(0, DateLiteral);
    n.end = this.OPTION(SlaGrammar.effectiveEnd);
  });

  timezoneItem = this.rule('timezoneItem', (n) => {
    n.keyword = this.tok(0, T.timezone);
    n.value = this.tok(0, StringLiteral);
  });

  feeItem = this.rule('feeItem', (n) => {
    n.keyword = this.tok(0, T.fee);
    n.amount = this.tok(0, NumberLiteral);
    n.currency = this.tok(0, UnitSuffix);
    this.tok(0, T.per);
    n.period = this.tok(0, PeriodWord);
  });

  reportingItem = this.rule('reportingItem', (n) => {
    n.keyword = this.tok(0, T.reporting);
    n.cadence = this.tok(0, CadenceWord);
    this.OPTION(SlaGrammar.reportingRecipients);
  });

  reviewItem = this.rule('reviewItem', (n) => {
    n.keyword = this.tok(0, T.review);
    n.cadence = this.tok(0, CadenceWord);
  });

  /** (1.1) `reviewed 2026-03-01`. */
  reviewedItem = this.rule('reviewedItem', (n) => {
    n.keyword = this.tok(0, T.reviewed);
    n.date = this.tok(0, DateLiteral);
  });

  // --- service ----------------------------------------------------------------------------------

  serviceBlock = this.rule('serviceBlock', (n) => {
    n.keyword = this.tok(0, T.service);
    n.name = this.tok(0, NameToken);
    n.title = this.OPTION(SlaGrammar.titleOption);
    this.blockBody(n, this.serviceLoop);
  });

  descriptionItem = this.rule('descriptionItem', (n) => {
    n.keyword = this.tok(0, T.description);
    n.value = this.tok(0, StringLiteral);
  });

  includesItem = this.rule('includesItem', (n) => {
    n.keyword = this.tok(0, T.includes);
    this.stringList(n);
  });

  excludesItem = this.rule('excludesItem', (n) => {
    n.keyword = this.tok(0, T.excludes);
    this.stringList(n);
  });

  private stringList(n: ParsedNode): void {
    n.list.push(this.tok(0, StringLiteral));
    this.MANY(SlaGrammar.moreStrings);
  }

  // --- schedule and maintenance -------------------------------------------------------------------

  scheduleBlock = this.rule('scheduleBlock', (n) => {
    n.keyword = this.tok(0, T.schedule);
    n.name = this.tok(0, NameToken);
    this.blockBody(n, this.scheduleLoop);
  });

  scheduleLine = this.rule('scheduleLine', (n) => {
    this.sub(0, this.days, 'days');
    this.subIn(0, this.timeRange, 'ranges');
    this.MANY(SlaGrammar.moreRanges);
  });

  holidaysItem = this.rule('holidaysItem', (n) => {
    n.keyword = this.tok(0, T.holidays);
    n.list.push(this.tok(0, DateLiteral));
    this.MANY(SlaGrammar.moreDates);
  });

  /** (1.1) `on 2026-10-10, 2026-10-11 09:00-18:00`: dated working hours. */
  scheduleOnItem = this.rule('scheduleOnItem', (n) => {
    n.keyword = this.tok(0, T.on);
    n.list.push(this.tok(0, DateLiteral));
    this.MANY(SlaGrammar.moreDates);
    this.subIn(0, this.timeRange, 'ranges');
    this.MANY2(SlaGrammar.moreRangesAfterDates);
  });

  days = this.rule('days', (n) => {
    this.OR(SlaGrammar.daysForms);
  });

  timeRange = this.rule('timeRange', (n) => {
    n.start = this.tok(0, TimeLiteral);
    this.tok(0, Dash);
    n.end = this.tok(2, TimeLiteral);
  });

  maintenanceBlock = this.rule('maintenanceBlock', (n) => {
    n.keyword = this.tok(0, T.maintenance);
    n.name = this.tok(0, NameToken);
    this.blockBody(n, this.maintenanceLoop);
  });

  everyItem = this.rule('everyItem', (n) => {
    n.keyword = this.tok(0, T.every);
    this.sub(0, this.days, 'days');
    this.sub(0, this.timeRange, 'range');
  });

  onItem = this.rule('onItem', (n) => {
    n.keyword = this.tok(0, T.on);
    n.at = this.tok(0, DateTimeLiteral);
    this.tok(0, T.for);
    this.sub(0, this.quantity, 'duration');
  });

  noticeItem = this.rule('noticeItem', (n) => {
    n.keyword = this.tok(0, T.notice);
    this.sub(0, this.quantity, 'duration');
  });

  // --- indicator -------------------------------------------------------------------------------------

  indicatorBlock = this.rule('indicatorBlock', (n) => {
    n.keyword = this.tok(0, T.indicator);
    n.name = this.tok(0, NameToken);
    n.title = this.OPTION(SlaGrammar.titleOption);
    this.blockBody(n, this.indicatorLoop);
  });

  kindItem = this.rule('kindItem', (n) => {
    n.keyword = this.tok(0, T.kind);
    n.value = this.tok(0, NameToken);
  });

  metricItem = this.rule('metricItem', (n) => {
    n.keyword = this.tok(0, T.metric);
    n.value = this.tok(0, StringLiteral);
  });

  ratioItem = this.rule('ratioItem', (n) => {
    n.keyword = this.tok(0, T.ratio);
    n.polarity = this.tok(0, PolarityWord);
    n.numerator = this.tok(0, StringLiteral);
    this.tok(0, T.total);
    n.total = this.tok(2, StringLiteral);
  });

  unitItem = this.rule('unitItem', (n) => {
    n.keyword = this.tok(0, T.unit);
    n.value = this.OR(SlaGrammar.unitValues);
  });

  /** (1.1) `every 1m`: the sampling interval (maintenance `every` is `everyItem`). */
  sampleEveryItem = this.rule('sampleEveryItem', (n) => {
    n.keyword = this.tok(0, T.every);
    this.sub(0, this.quantity, 'interval');
  });

  /** (1.1) `missing down`. */
  missingItem = this.rule('missingItem', (n) => {
    n.keyword = this.tok(0, T.missing);
    n.value = this.tok(0, T.down);
  });

  /** (1.1) `counters`. */
  countersItem = this.rule('countersItem', (n) => {
    n.keyword = this.tok(0, T.counters);
  });

  // --- objective -------------------------------------------------------------------------------------

  objectiveBlock = this.rule('objectiveBlock', (n) => {
    n.keyword = this.tok(0, T.objective);
    n.name = this.tok(0, NameToken);
    n.title = this.OPTION(SlaGrammar.titleOption);
    this.blockBody(n, this.objectiveLoop);
  });

  indicatorRefItem = this.rule('indicatorRefItem', (n) => {
    n.keyword = this.tok(0, T.indicator);
    n.ref = this.tok(0, NameToken);
  });

  serviceRefItem = this.rule('serviceRefItem', (n) => {
    n.keyword = this.tok(0, T.service);
    n.ref = this.tok(0, NameToken);
  });

  targetItem = this.rule('targetItem', (n) => {
    n.keyword = this.tok(0, T.target);
    n.aggregate = this.OPTION(SlaGrammar.aggregateOption);
    n.comparator = this.tok(0, Comparator);
    this.sub(0, this.quantity, 'quantity');
  });

  windowItem = this.rule('windowItem', (n) => {
    n.keyword = this.tok(0, T.window);
    this.OR(SlaGrammar.windowForms);
  });

  duringItem = this.rule('duringItem', (n) => {
    n.keyword = this.tok(0, T.during);
    n.ref = this.tok(0, NameToken);
  });

  excludingItem = this.rule('excludingItem', (n) => {
    n.keyword = this.tok(0, T.excluding);
    n.list.push(this.tok(0, NameToken));
    this.MANY(SlaGrammar.moreNames);
  });

  /** (1.1) `coverage 90%`. */
  coverageItem = this.rule('coverageItem', (n) => {
    n.keyword = this.tok(0, T.coverage);
    this.sub(0, this.quantity, 'percent');
  });

  /** `99.9%`, `500 ms`, `2`. */
  quantity = this.rule('quantity', (n) => {
    n.number = this.tok(0, NumberLiteral);
    n.unit = this.OPTION(SlaGrammar.quantityUnit);
  });

  // --- compensation and credits ------------------------------------------------------------------------

  compensationBlock = this.rule('compensationBlock', (n) => {
    n.keyword = this.tok(0, T.compensation);
    this.tok(0, T.for);
    n.target = this.tok(0, NameToken);
    this.blockBody(n, this.compensationLoop);
  });

  tier = this.rule('tier', (n) => {
    n.keyword = this.OR(SlaGrammar.tierKeywords);
    this.sub(0, this.quantity, 'threshold');
    this.tok(0, T.credit);
    this.sub(2, this.quantity, 'credit');
  });

  creditsBlock = this.rule('creditsBlock', (n) => {
    n.keyword = this.tok(0, T.credits);
    this.blockBody(n, this.creditsLoop);
  });

  capItem = this.rule('capItem', (n) => {
    n.keyword = this.tok(0, T.cap);
    this.sub(0, this.quantity, 'percent');
  });

  claimItem = this.rule('claimItem', (n) => {
    n.keyword = this.tok(0, T.claim);
    this.tok(0, T.within);
    this.sub(0, this.quantity, 'duration');
  });

  remedyItem = this.rule('remedyItem', (n) => {
    n.keyword = this.tok(0, T.remedy);
    n.value = this.tok(0, StringLiteral);
  });

  // --- responsibilities and support --------------------------------------------------------------------

  responsibilitiesBlock = this.rule('responsibilitiesBlock', (n) => {
    n.keyword = this.tok(0, T.responsibilities);
    this.blockBody(n, this.responsibilitiesLoop);
  });

  responsibility = this.rule('responsibility', (n) => {
    n.keyword = this.OR(SlaGrammar.responsibilityKeywords);
    n.value = this.tok(0, StringLiteral);
  });

  supportBlock = this.rule('supportBlock', (n) => {
    n.keyword = this.tok(0, T.support);
    this.blockBody(n, this.supportLoop);
  });

  hoursItem = this.rule('hoursItem', (n) => {
    n.keyword = this.tok(0, T.hours);
    n.ref = this.tok(0, NameToken);
  });

  severityItem = this.rule('severityItem', (n) => {
    n.keyword = this.tok(0, T.severity);
    n.name = this.tok(0, NameToken);
    n.title = this.OPTION(SlaGrammar.titleOption);
    this.tok(0, T.response);
    this.sub(0, this.quantity, 'response');
    this.OPTION2(SlaGrammar.severityResolve);
  });
}
