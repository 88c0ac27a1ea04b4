// The grammar of LANGUAGE.md section 3 as a Chevrotain parser (LL(1)) with embedded actions:
// no CST; each rule records a small node (parse/parsed.ts) for the AST builder.
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
import { EmbeddedActionsParser, EOF, tokenMatcher, type DSLMethodOpts, type IOrAlt, type IToken, type OrMethodOpts, type ParserMethod, type TokenType } from 'chevrotain';
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
import { LIST_FIELDS, type ParsedField, type ParsedNode, type ParsedRule } from './parsed';
import { ITEM_STARTS, type BlockKind } from '../vocabulary';
import { strayTokenMessage, SyntaxErrorMessages } from './messages';
import type { Translate } from '../wording';
import { onSameLine } from './tokenLines';

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

/** Chevrotain's rule stack depth (0: the top rule), present at run time, not typed. */
interface RuleStackInternals {
  RULE_STACK_IDX: number;
}

type ItemLoop = DSLMethodOpts<unknown> & { GATE: () => boolean; DEF: () => unknown };

/** The tokens that start an item, per block. */
const ITEM_START_TOKENS = Object.fromEntries(
  Object.entries(ITEM_STARTS).map(([block, words]) => [block, new Set<TokenType>(words.map((w) => T[w]))]),
) as Record<BlockKind, Set<TokenType>>;

/** `{ LABEL: field }`, one object per field (sub-rules are invoked often). */
const LABELS = new Map<ParsedField, { LABEL: string }>();
function labelled(field: ParsedField): { LABEL: string } {
  let options = LABELS.get(field);
  if (options === undefined) LABELS.set(field, (options = { LABEL: field }));
  return options;
}

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
  /** Errors and stray tokens counted when the sla item loop reached `stopAt` (undefined: never reached). */
  stoppedAt: { errors: number; strays: number } | undefined;

  constructor() {
    const errorMessages = new SyntaxErrorMessages();
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 1, errorMessageProvider: errorMessages });
    this.errorMessages = errorMessages;
    this.performSelfAnalysis();
  }

  /**
   * Parses a token vector, with messages worded by `t`; the parser is reused, so all per-parse
   * state is reset here. With `stopAt` (incremental parsing) the sla item loop ends at that
   * token, as at a `}`, and `stoppedAt` tells whether it got there and with how many errors so far.
   */
  parseTokens(tokens: IToken[], t: Translate, stopAt?: IToken): ParsedNode {
    this.errorMessages.t = t;
    this.strayErrors = [];
    this.lastStrayEnd = undefined;
    this.stopAt = stopAt;
    this.stoppedAt = undefined;
    this.input = tokens;
    this.file();
    return this.nodes[0];
  }

  /** Drops the references to the last input, so that a big file is not kept alive. */
  release(): void {
    this.input = [];
    this.nodes.length = 0;
    this.strayErrors = [];
    this.lastStrayEnd = undefined;
    this.stopAt = undefined;
  }

  // --- recovery policy ------------------------------------------------------------------------

  /** Whether the item loop of `block` goes on at the next token (see header comment). */
  private continues(block: Exclude<BlockKind, 'file'>): boolean {
    const next = this.LA(1);
    if (block === 'sla' && next === this.stopAt) {
      this.stoppedAt ??= { errors: this.errors.length, strays: this.strayErrors.length };
      return false;
    }
    const type = next.tokenType;
    if (type === EOF || type === RCurly || type === T.sla) return false;
    if (ITEM_START_TOKENS[block].has(type)) {
      if (block === 'objective' && (type === T.indicator || type === T.service)) return !this.startsBlock();
      return true;
    }
    return !ITEM_START_TOKENS.sla.has(type);
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

  private noteStray(first: IToken | undefined, before: IToken | undefined, block: BlockKind): void {
    if (first === undefined) return;
    const continuesRun = before !== undefined && before === this.lastStrayEnd && onSameLine(before, first);
    this.lastStrayEnd = this.LA(0);
    if (continuesRun) return;
    const { message, suggestion } = strayTokenMessage(first, block, this.errorMessages.t);
    this.strayErrors.push({ token: first, block, message, suggestion });
  }

  // --- recording (what replaces the CST) -------------------------------------------------------

  /** The node of each rule on Chevrotain's rule stack, by depth (entries past the top are stale). */
  private readonly nodes: ParsedNode[] = [];
  /** Where the node of the rule being invoked goes in its parent's (see `sub`). */
  private attachTo: ParsedField | undefined;

  private depth(): number {
    return (this as unknown as RuleStackInternals).RULE_STACK_IDX;
  }

  /** A grammar rule whose invocations record a node (parse/parsed.ts). */
  private rule<A extends unknown[]>(name: ParsedRule, impl: (...args: A) => void): ParserMethod<A, void> {
    return this.RULE(name, (...args: A) => {
      this.enter(name);
      impl(...args);
    });
  }

  /** At the start of a rule: its node, attached to the parent's at once (kept if recovery ends the rule early). */
  private enter(rule: ParsedRule): void {
    if (this.RECORDING_PHASE) return;
    const node: ParsedNode = { rule, startOffset: NaN, endOffset: NaN };
    const depth = this.depth();
    this.nodes[depth] = node;
    const field = this.attachTo;
    this.attachTo = undefined;
    if (field === undefined || depth === 0) return;
    const parent = this.nodes[depth - 1] as Record<string, unknown>;
    if (LIST_FIELDS.has(field)) ((parent[field] as ParsedNode[] | undefined) ?? (parent[field] = [] as ParsedNode[])).push(node);
    else parent[field] ??= node;
  }

  /** CONSUME (occurrence `idx`), recording the token under `field` and in the extent of every open rule. */
  private tok(idx: number, type: TokenType, field?: ParsedField): IToken {
    const token = this.consume(idx, type);
    if (this.RECORDING_PHASE) return token;
    const depth = this.depth();
    if (field !== undefined) {
      const node = this.nodes[depth] as Record<string, unknown>;
      if (LIST_FIELDS.has(field)) ((node[field] as IToken[] | undefined) ?? (node[field] = [] as IToken[])).push(token);
      else node[field] ??= token;
    }
    // Chevrotain's `onlyOffset` node location with recovery: the first real token sets both
    // ends, later ones move the end (tokens inserted by recovery have NaN offsets).
    const start = token.startOffset;
    if (Number.isNaN(start)) return token;
    const end = token.endOffset!;
    for (let d = depth; d > 0; d--) {
      const node = this.nodes[d];
      if (Number.isNaN(node.startOffset)) {
        node.startOffset = start;
        node.endOffset = end;
      } else if (node.endOffset < end) {
        node.endOffset = end;
      }
    }
    return token;
  }

  /** SUBRULE (occurrence `idx`), its node recorded under `field`. */
  private sub<A extends unknown[]>(idx: number, rule: ParserMethod<A, void>, field?: ParsedField, args?: A): void {
    if (!this.RECORDING_PHASE) this.attachTo = field;
    // The label only names the sub-rule in the grammar's productions (conformance.test.ts reads `slas`).
    const options = args !== undefined ? { ARGS: args } : field !== undefined ? labelled(field) : undefined;
    this.subrule(idx, rule, options);
  }

  // --- item loops (before the rules that use them: class fields initialise in order) ----------

  private readonly slaLoop = this.itemLoop('sla', [{ ALT: () => this.sub(0, this.slaItem, 'items') }]);

  private readonly serviceLoop = this.itemLoop('service', [
    { ALT: () => this.sub(0, this.descriptionItem, 'items') },
    { ALT: () => this.sub(0, this.includesItem, 'items') },
    { ALT: () => this.sub(0, this.excludesItem, 'items') }
  ]);

  private readonly scheduleLoop = this.itemLoop('schedule', [
    { ALT: () => this.sub(0, this.holidaysItem, 'items') },
    { ALT: () => this.sub(0, this.scheduleLine, 'items') },
    { ALT: () => this.sub(0, this.scheduleOnItem, 'items') }
  ]);

  private readonly maintenanceLoop = this.itemLoop('maintenance', [
    { ALT: () => this.sub(0, this.everyItem, 'items') },
    { ALT: () => this.sub(0, this.onItem, 'items') },
    { ALT: () => this.sub(0, this.noticeItem, 'items') }
  ]);

  private readonly indicatorLoop = this.itemLoop('indicator', [
    { ALT: () => this.sub(0, this.kindItem, 'items') },
    { ALT: () => this.sub(0, this.metricItem, 'items') },
    { ALT: () => this.sub(0, this.ratioItem, 'items') },
    { ALT: () => this.sub(0, this.unitItem, 'items') },
    { ALT: () => this.sub(2, this.descriptionItem, 'items') },
    { ALT: () => this.sub(0, this.sampleEveryItem, 'items') },
    { ALT: () => this.sub(0, this.missingItem, 'items') },
    { ALT: () => this.sub(0, this.countersItem, 'items') }
  ]);

  private readonly objectiveLoop = this.itemLoop('objective', [
    { ALT: () => this.sub(0, this.indicatorRefItem, 'items') },
    { ALT: () => this.sub(0, this.serviceRefItem, 'items') },
    { ALT: () => this.sub(0, this.targetItem, 'items') },
    { ALT: () => this.sub(0, this.windowItem, 'items') },
    { ALT: () => this.sub(0, this.duringItem, 'items') },
    { ALT: () => this.sub(0, this.excludingItem, 'items') },
    { ALT: () => this.sub(0, this.coverageItem, 'items') },
    { ALT: () => this.sub(3, this.descriptionItem, 'items') }
  ]);

  private readonly compensationLoop = this.itemLoop('compensation', [
    { ALT: () => this.sub(0, this.tier, 'items') }
  ]);

  private readonly creditsLoop = this.itemLoop('credits', [
    { ALT: () => this.sub(0, this.capItem, 'items') },
    { ALT: () => this.sub(0, this.claimItem, 'items') },
    { ALT: () => this.sub(0, this.remedyItem, 'items') }
  ]);

  private readonly responsibilitiesLoop = this.itemLoop('responsibilities', [
    { ALT: () => this.sub(0, this.responsibility, 'items') }
  ]);

  private readonly supportLoop = this.itemLoop('support', [
    { ALT: () => this.sub(0, this.hoursItem, 'items') },
    { ALT: () => this.sub(0, this.severityItem, 'items') }
  ]);

  private readonly slaItemAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.sub(0, this.versionItem, 'item') },
    { ALT: () => this.sub(0, this.providerItem, 'item') },
    { ALT: () => this.sub(0, this.customerItem, 'item') },
    { ALT: () => this.sub(0, this.effectiveItem, 'item') },
    { ALT: () => this.sub(0, this.timezoneItem, 'item') },
    { ALT: () => this.sub(0, this.feeItem, 'item') },
    { ALT: () => this.sub(0, this.serviceBlock, 'item') },
    { ALT: () => this.sub(0, this.scheduleBlock, 'item') },
    { ALT: () => this.sub(0, this.maintenanceBlock, 'item') },
    { ALT: () => this.sub(0, this.indicatorBlock, 'item') },
    { ALT: () => this.sub(0, this.objectiveBlock, 'item') },
    { ALT: () => this.sub(0, this.compensationBlock, 'item') },
    { ALT: () => this.sub(0, this.creditsBlock, 'item') },
    { ALT: () => this.sub(0, this.responsibilitiesBlock, 'item') },
    { ALT: () => this.sub(0, this.supportBlock, 'item') },
    { ALT: () => this.sub(0, this.reportingItem, 'item') },
    { ALT: () => this.sub(0, this.reviewItem, 'item') },
    { ALT: () => this.sub(0, this.reviewedItem, 'item') },
  ];

  // --- file and sla ---------------------------------------------------------------------------

  private readonly fileLoop = {
    GATE: () => this.LA(1).tokenType !== EOF,
    DEF: () => this.OR(this.fileAlternatives),
  };

  private readonly fileAlternatives: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.sub(0, this.slaBlock, 'slas') },
      { ALT: () => this.sub(0, this.slaItem, 'orphans') },
      { ALT: () => this.sub(0, this.garbage, undefined, ['file']) },
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

  file = this.rule('file', () => {
    this.MANY(this.fileLoop);
  });

  /** A stray token, or a stray `{ … }` group skipped whole. */
  garbage = this.rule('garbage', (block: BlockKind = 'file') => {
    const before = this.ACTION(() => this.LA(0));
    const first = this.ACTION(() => this.LA(1));
    this.OR(this.strayAlternatives);
    this.ACTION(() => this.noteStray(first, before, block));
  });

  /** `{ … }` skipped whole, nested braces included (iteratively: no recursion on `{{{{`). */
  skippedGroup = this.rule('skippedGroup', () => {
    this.tok(0, LCurly);
    this.ACTION(() => {
      this.skippedDepth = 1;
    });
    this.MANY(this.skippedGroupLoop);
  });

  slaBlock = this.rule('slaBlock', () => {
    this.tok(0, T.sla, 'keyword');
    this.tok(0, NameToken, 'name');
    this.OPTION(() => this.tok(0, StringLiteral, 'title'));
    this.blockBody(this.slaLoop);
  });

  slaItem = this.rule('slaItem', () => {
    this.OR(this.slaItemAlternatives);
  });

  /** `{ item* }` of a block: items (labelled `items`, in order), stray tokens, braces. */
  private blockBody(loop: ItemLoop): void {
    this.tok(0, LCurly, 'open');
    this.MANY(loop);
    this.tok(0, RCurly, 'close');
  }

  /**
   * The item loop of a block, built once: Chevrotain advises against re-creating
   * alternatives (and their closures) on every rule invocation.
   */
  private itemLoop(block: Exclude<BlockKind, 'file'>, items: IOrAlt<unknown>[]): ItemLoop {
    const alternatives: OrMethodOpts<unknown> = {
      IGNORE_AMBIGUITIES: true,
      DEF: [...items, { ALT: () => this.sub(0, this.garbage, undefined, [block]) }],
    };
    return { GATE: () => this.continues(block), DEF: () => this.OR(alternatives) };
  }

  // --- simple sla items -------------------------------------------------------------------------

  versionItem = this.rule('versionItem', () => {
    this.tok(0, T.version, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  providerItem = this.rule('providerItem', () => {
    this.tok(0, T.provider, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  customerItem = this.rule('customerItem', () => {
    this.tok(0, T.customer, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  effectiveItem = this.rule('effectiveItem', () => {
    this.tok(0, T.effective, 'keyword');
    this.tok(0, DateLiteral, 'start');
    this.OPTION(() => {
      this.tok(0, T.to);
      this.tok(2, DateLiteral, 'end');
    });
  });

  timezoneItem = this.rule('timezoneItem', () => {
    this.tok(0, T.timezone, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  feeItem = this.rule('feeItem', () => {
    this.tok(0, T.fee, 'keyword');
    this.tok(0, NumberLiteral, 'amount');
    this.tok(0, UnitSuffix, 'currency');
    this.tok(0, T.per);
    this.tok(0, PeriodWord, 'period');
  });

  reportingItem = this.rule('reportingItem', () => {
    this.tok(0, T.reporting, 'keyword');
    this.tok(0, CadenceWord, 'cadence');
    this.OPTION(() => {
      this.tok(0, T.to);
      this.tok(0, StringLiteral, 'recipients');
      this.MANY(() => {
        this.tok(0, Comma);
        this.tok(2, StringLiteral, 'recipients');
      });
    });
  });

  reviewItem = this.rule('reviewItem', () => {
    this.tok(0, T.review, 'keyword');
    this.tok(0, CadenceWord, 'cadence');
  });

  /** (1.1) `reviewed 2026-03-01`. */
  reviewedItem = this.rule('reviewedItem', () => {
    this.tok(0, T.reviewed, 'keyword');
    this.tok(0, DateLiteral, 'date');
  });

  // --- service ----------------------------------------------------------------------------------

  serviceBlock = this.rule('serviceBlock', () => {
    this.tok(0, T.service, 'keyword');
    this.tok(0, NameToken, 'name');
    this.OPTION(() => this.tok(0, StringLiteral, 'title'));
    this.blockBody(this.serviceLoop);
  });

  descriptionItem = this.rule('descriptionItem', () => {
    this.tok(0, T.description, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  includesItem = this.rule('includesItem', () => {
    this.tok(0, T.includes, 'keyword');
    this.stringList();
  });

  excludesItem = this.rule('excludesItem', () => {
    this.tok(0, T.excludes, 'keyword');
    this.stringList();
  });

  private stringList(): void {
    this.tok(0, StringLiteral, 'values');
    this.MANY(() => {
      this.tok(0, Comma);
      this.tok(2, StringLiteral, 'values');
    });
  }

  // --- schedule and maintenance -------------------------------------------------------------------

  scheduleBlock = this.rule('scheduleBlock', () => {
    this.tok(0, T.schedule, 'keyword');
    this.tok(0, NameToken, 'name');
    this.blockBody(this.scheduleLoop);
  });

  scheduleLine = this.rule('scheduleLine', () => {
    this.sub(0, this.days, 'days');
    this.sub(0, this.timeRange, 'ranges');
    this.MANY(() => {
      this.tok(0, Comma);
      this.sub(2, this.timeRange, 'ranges');
    });
  });

  holidaysItem = this.rule('holidaysItem', () => {
    this.tok(0, T.holidays, 'keyword');
    this.tok(0, DateLiteral, 'dates');
    this.MANY(() => {
      this.tok(0, Comma);
      this.tok(2, DateLiteral, 'dates');
    });
  });

  /** (1.1) `on 2026-10-10, 2026-10-11 09:00-18:00`: dated working hours. */
  scheduleOnItem = this.rule('scheduleOnItem', () => {
    this.tok(0, T.on, 'keyword');
    this.tok(0, DateLiteral, 'dates');
    this.MANY(() => {
      this.tok(0, Comma);
      this.tok(2, DateLiteral, 'dates');
    });
    this.sub(0, this.timeRange, 'ranges');
    this.MANY2(() => {
      this.tok(2, Comma);
      this.sub(2, this.timeRange, 'ranges');
    });
  });

  days = this.rule('days', () => {
    this.OR([
      {
        ALT: () => {
          this.tok(0, DayWord, 'from');
          this.OPTION(() => {
            this.tok(0, DotDot);
            this.tok(2, DayWord, 'to');
          });
        },
      },
      { ALT: () => this.tok(0, T.daily, 'form') },
      { ALT: () => this.tok(0, T.weekdays, 'form') },
      { ALT: () => this.tok(0, T.weekends, 'form') },
    ]);
  });

  timeRange = this.rule('timeRange', () => {
    this.tok(0, TimeLiteral, 'start');
    this.tok(0, Dash);
    this.tok(2, TimeLiteral, 'end');
  });

  maintenanceBlock = this.rule('maintenanceBlock', () => {
    this.tok(0, T.maintenance, 'keyword');
    this.tok(0, NameToken, 'name');
    this.blockBody(this.maintenanceLoop);
  });

  everyItem = this.rule('everyItem', () => {
    this.tok(0, T.every, 'keyword');
    this.sub(0, this.days, 'days');
    this.sub(0, this.timeRange, 'range');
  });

  onItem = this.rule('onItem', () => {
    this.tok(0, T.on, 'keyword');
    this.tok(0, DateTimeLiteral, 'at');
    this.tok(0, T.for);
    this.sub(0, this.quantity, 'duration');
  });

  noticeItem = this.rule('noticeItem', () => {
    this.tok(0, T.notice, 'keyword');
    this.sub(0, this.quantity, 'duration');
  });

  // --- indicator -------------------------------------------------------------------------------------

  indicatorBlock = this.rule('indicatorBlock', () => {
    this.tok(0, T.indicator, 'keyword');
    this.tok(0, NameToken, 'name');
    this.OPTION(() => this.tok(0, StringLiteral, 'title'));
    this.blockBody(this.indicatorLoop);
  });

  kindItem = this.rule('kindItem', () => {
    this.tok(0, T.kind, 'keyword');
    this.tok(0, NameToken, 'value');
  });

  metricItem = this.rule('metricItem', () => {
    this.tok(0, T.metric, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  ratioItem = this.rule('ratioItem', () => {
    this.tok(0, T.ratio, 'keyword');
    this.tok(0, PolarityWord, 'polarity');
    this.tok(0, StringLiteral, 'numerator');
    this.tok(0, T.total);
    this.tok(2, StringLiteral, 'total');
  });

  unitItem = this.rule('unitItem', () => {
    this.tok(0, T.unit, 'keyword');
    this.OR([{ ALT: () => this.tok(0, NameToken, 'value') }, { ALT: () => this.tok(0, Percent, 'value') }]);
  });

  /** (1.1) `every 1m`: the sampling interval (maintenance `every` is `everyItem`). */
  sampleEveryItem = this.rule('sampleEveryItem', () => {
    this.tok(0, T.every, 'keyword');
    this.sub(0, this.quantity, 'interval');
  });

  /** (1.1) `missing down`. */
  missingItem = this.rule('missingItem', () => {
    this.tok(0, T.missing, 'keyword');
    this.tok(0, T.down, 'value');
  });

  /** (1.1) `counters`. */
  countersItem = this.rule('countersItem', () => {
    this.tok(0, T.counters, 'keyword');
  });

  // --- objective -------------------------------------------------------------------------------------

  objectiveBlock = this.rule('objectiveBlock', () => {
    this.tok(0, T.objective, 'keyword');
    this.tok(0, NameToken, 'name');
    this.OPTION(() => this.tok(0, StringLiteral, 'title'));
    this.blockBody(this.objectiveLoop);
  });

  indicatorRefItem = this.rule('indicatorRefItem', () => {
    this.tok(0, T.indicator, 'keyword');
    this.tok(0, NameToken, 'ref');
  });

  serviceRefItem = this.rule('serviceRefItem', () => {
    this.tok(0, T.service, 'keyword');
    this.tok(0, NameToken, 'ref');
  });

  targetItem = this.rule('targetItem', () => {
    this.tok(0, T.target, 'keyword');
    this.OPTION(() => this.tok(0, AggregateWord, 'aggregate'));
    this.tok(0, Comparator, 'comparator');
    this.sub(0, this.quantity, 'quantity');
  });

  windowItem = this.rule('windowItem', () => {
    this.tok(0, T.window, 'keyword');
    this.OR([
      {
        ALT: () => {
          this.tok(0, T.calendar, 'form');
          this.tok(0, PeriodWord, 'period');
        },
      },
      {
        ALT: () => {
          this.tok(0, T.rolling, 'form');
          this.sub(0, this.quantity, 'duration');
        },
      },
    ]);
  });

  duringItem = this.rule('duringItem', () => {
    this.tok(0, T.during, 'keyword');
    this.tok(0, NameToken, 'ref');
  });

  excludingItem = this.rule('excludingItem', () => {
    this.tok(0, T.excluding, 'keyword');
    this.tok(0, NameToken, 'refs');
    this.MANY(() => {
      this.tok(0, Comma);
      this.tok(2, NameToken, 'refs');
    });
  });

  /** (1.1) `coverage 90%`. */
  coverageItem = this.rule('coverageItem', () => {
    this.tok(0, T.coverage, 'keyword');
    this.sub(0, this.quantity, 'percent');
  });

  /** `99.9%`, `500 ms`, `2`. */
  quantity = this.rule('quantity', () => {
    this.tok(0, NumberLiteral, 'number');
    this.OPTION(() =>
      this.OR([{ ALT: () => this.tok(0, UnitSuffix, 'unit') }, { ALT: () => this.tok(0, Percent, 'unit') }]),
    );
  });

  // --- compensation and credits ------------------------------------------------------------------------

  compensationBlock = this.rule('compensationBlock', () => {
    this.tok(0, T.compensation, 'keyword');
    this.tok(0, T.for);
    this.tok(0, NameToken, 'target');
    this.blockBody(this.compensationLoop);
  });

  tier = this.rule('tier', () => {
    this.OR([{ ALT: () => this.tok(0, T.below, 'keyword') }, { ALT: () => this.tok(0, T.above, 'keyword') }]);
    this.sub(0, this.quantity, 'threshold');
    this.tok(0, T.credit);
    this.sub(2, this.quantity, 'credit');
  });

  creditsBlock = this.rule('creditsBlock', () => {
    this.tok(0, T.credits, 'keyword');
    this.blockBody(this.creditsLoop);
  });

  capItem = this.rule('capItem', () => {
    this.tok(0, T.cap, 'keyword');
    this.sub(0, this.quantity, 'percent');
  });

  claimItem = this.rule('claimItem', () => {
    this.tok(0, T.claim, 'keyword');
    this.tok(0, T.within);
    this.sub(0, this.quantity, 'duration');
  });

  remedyItem = this.rule('remedyItem', () => {
    this.tok(0, T.remedy, 'keyword');
    this.tok(0, StringLiteral, 'value');
  });

  // --- responsibilities and support --------------------------------------------------------------------

  responsibilitiesBlock = this.rule('responsibilitiesBlock', () => {
    this.tok(0, T.responsibilities, 'keyword');
    this.blockBody(this.responsibilitiesLoop);
  });

  responsibility = this.rule('responsibility', () => {
    this.OR([{ ALT: () => this.tok(0, T.provider, 'keyword') }, { ALT: () => this.tok(0, T.customer, 'keyword') }]);
    this.tok(0, StringLiteral, 'value');
  });

  supportBlock = this.rule('supportBlock', () => {
    this.tok(0, T.support, 'keyword');
    this.blockBody(this.supportLoop);
  });

  hoursItem = this.rule('hoursItem', () => {
    this.tok(0, T.hours, 'keyword');
    this.tok(0, NameToken, 'ref');
  });

  severityItem = this.rule('severityItem', () => {
    this.tok(0, T.severity, 'keyword');
    this.tok(0, NameToken, 'name');
    this.OPTION(() => this.tok(0, StringLiteral, 'title'));
    this.tok(0, T.response);
    this.sub(0, this.quantity, 'response');
    this.OPTION2(() => {
      this.tok(0, T.resolve);
      this.sub(2, this.quantity, 'resolve');
    });
  });
}
