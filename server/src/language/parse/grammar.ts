// The grammar of LANGUAGE.md section 3 as a Chevrotain CST parser (LL(1)).
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
import { CstParser, EOF, tokenMatcher, type DSLMethodOpts, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
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
import type { FileCstNode } from './cst.generated';
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

type ItemLoop = DSLMethodOpts<unknown> & { GATE: () => boolean; DEF: () => unknown };

/** The tokens that start an item, per block. */
const ITEM_START_TOKENS = Object.fromEntries(
  Object.entries(ITEM_STARTS).map(([block, words]) => [block, new Set<TokenType>(words.map((w) => T[w]))]),
) as Record<BlockKind, Set<TokenType>>;

function isName(token: IToken): boolean {
  return tokenMatcher(token, NameToken);
}

export class SlaGrammar extends CstParser {
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
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 1, errorMessageProvider: errorMessages, nodeLocationTracking: 'onlyOffset' });
    this.errorMessages = errorMessages;
    this.performSelfAnalysis();
  }

  /**
   * Parses a token vector, with messages worded by `t`; the parser is reused, so all per-parse
   * state is reset here. With `stopAt` (incremental parsing) the sla item loop ends at that
   * token, as at a `}`, and `stoppedAt` tells whether it got there and with how many errors so far.
   */
  parseTokens(tokens: IToken[], t: Translate, stopAt?: IToken): FileCstNode {
    this.errorMessages.t = t;
    this.strayErrors = [];
    this.lastStrayEnd = undefined;
    this.stopAt = stopAt;
    this.stoppedAt = undefined;
    this.input = tokens;
    return this.file() as FileCstNode;
  }

  /** Drops the references to the last input, so that a big file is not kept alive. */
  release(): void {
    this.input = [];
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

  // --- item loops (before the rules that use them: class fields initialise in order) ----------

  private readonly slaLoop = this.itemLoop('sla', [{ ALT: () => this.SUBRULE(this.slaItem, { LABEL: 'items' }) }]);

  private readonly serviceLoop = this.itemLoop('service', [
    { ALT: () => this.SUBRULE(this.descriptionItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.includesItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.excludesItem, { LABEL: 'items' }) }
  ]);

  private readonly scheduleLoop = this.itemLoop('schedule', [
    { ALT: () => this.SUBRULE(this.holidaysItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.scheduleLine, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.scheduleOnItem, { LABEL: 'items' }) }
  ]);

  private readonly maintenanceLoop = this.itemLoop('maintenance', [
    { ALT: () => this.SUBRULE(this.everyItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.onItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.noticeItem, { LABEL: 'items' }) }
  ]);

  private readonly indicatorLoop = this.itemLoop('indicator', [
    { ALT: () => this.SUBRULE(this.kindItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.metricItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.ratioItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.unitItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE2(this.descriptionItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.sampleEveryItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.missingItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.countersItem, { LABEL: 'items' }) }
  ]);

  private readonly objectiveLoop = this.itemLoop('objective', [
    { ALT: () => this.SUBRULE(this.indicatorRefItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.serviceRefItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.targetItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.windowItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.duringItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.excludingItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.coverageItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE3(this.descriptionItem, { LABEL: 'items' }) }
  ]);

  private readonly compensationLoop = this.itemLoop('compensation', [
    { ALT: () => this.SUBRULE(this.tier, { LABEL: 'items' }) }
  ]);

  private readonly creditsLoop = this.itemLoop('credits', [
    { ALT: () => this.SUBRULE(this.capItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.claimItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.remedyItem, { LABEL: 'items' }) }
  ]);

  private readonly responsibilitiesLoop = this.itemLoop('responsibilities', [
    { ALT: () => this.SUBRULE(this.responsibility, { LABEL: 'items' }) }
  ]);

  private readonly supportLoop = this.itemLoop('support', [
    { ALT: () => this.SUBRULE(this.hoursItem, { LABEL: 'items' }) },
    { ALT: () => this.SUBRULE(this.severityItem, { LABEL: 'items' }) }
  ]);

  private readonly slaItemAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.versionItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.providerItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.customerItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.effectiveItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.timezoneItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.feeItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.serviceBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.scheduleBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.maintenanceBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.indicatorBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.objectiveBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.compensationBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.creditsBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.responsibilitiesBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.supportBlock, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.reportingItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.reviewItem, { LABEL: 'item' }) },
    { ALT: () => this.SUBRULE(this.reviewedItem, { LABEL: 'item' }) },
  ];

  // --- file and sla ---------------------------------------------------------------------------

  private readonly fileLoop = {
    GATE: () => this.LA(1).tokenType !== EOF,
    DEF: () => this.OR(this.fileAlternatives),
  };

  private readonly fileAlternatives: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.SUBRULE(this.slaBlock, { LABEL: 'slas' }) },
      { ALT: () => this.SUBRULE(this.slaItem, { LABEL: 'orphans' }) },
      { ALT: () => this.SUBRULE(this.garbage, { ARGS: ['file'], LABEL: 'garbage' }) },
    ],
  };

  private readonly strayAlternatives: OrMethodOpts<unknown> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [{ ALT: () => this.SUBRULE(this.skippedGroup) }, { ALT: () => this.CONSUME(AnyToken, { LABEL: 'tokens' }) }],
  };

  /** Open braces of the group being skipped; a group also stops at `sla` (its `}` is missing). */
  private skippedDepth = 0;

  private readonly skippedGroupLoop = {
    GATE: () => this.skippedDepth > 0 && this.LA(1).tokenType !== T.sla,
    DEF: () => {
      const skipped = this.CONSUME(AnyToken, { LABEL: 'tokens' });
      this.ACTION(() => {
        if (skipped.tokenType === LCurly) this.skippedDepth++;
        else if (skipped.tokenType === RCurly) this.skippedDepth--;
      });
    },
  };

  file = this.RULE('file', () => {
    this.MANY(this.fileLoop);
  });

  /** A stray token, or a stray `{ … }` group skipped whole. */
  garbage = this.RULE('garbage', (block: BlockKind = 'file') => {
    const before = this.ACTION(() => this.LA(0));
    const first = this.ACTION(() => this.LA(1));
    this.OR(this.strayAlternatives);
    this.ACTION(() => this.noteStray(first, before, block));
  });

  /** `{ … }` skipped whole, nested braces included (iteratively: no recursion on `{{{{`). */
  skippedGroup = this.RULE('skippedGroup', () => {
    this.CONSUME(LCurly, { LABEL: 'tokens' });
    this.ACTION(() => {
      this.skippedDepth = 1;
    });
    this.MANY(this.skippedGroupLoop);
  });

  slaBlock = this.RULE('slaBlock', () => {
    this.CONSUME(T.sla, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'title' }));
    this.blockBody(this.slaLoop);
  });

  slaItem = this.RULE('slaItem', () => {
    this.OR(this.slaItemAlternatives);
  });

  /** `{ item* }` of a block: items (labelled `items`, in order), stray tokens, braces. */
  private blockBody(loop: ItemLoop): void {
    this.CONSUME(LCurly, { LABEL: 'open' });
    this.MANY(loop);
    this.CONSUME(RCurly, { LABEL: 'close' });
  }

  /**
   * The item loop of a block, built once: Chevrotain advises against re-creating
   * alternatives (and their closures) on every rule invocation.
   */
  private itemLoop(block: Exclude<BlockKind, 'file'>, items: IOrAlt<unknown>[]): ItemLoop {
    const alternatives: OrMethodOpts<unknown> = {
      IGNORE_AMBIGUITIES: true,
      DEF: [...items, { ALT: () => this.SUBRULE(this.garbage, { ARGS: [block], LABEL: 'garbage' }) }],
    };
    return { GATE: () => this.continues(block), DEF: () => this.OR(alternatives) };
  }

  // --- simple sla items -------------------------------------------------------------------------

  versionItem = this.RULE('versionItem', () => {
    this.CONSUME(T.version, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  providerItem = this.RULE('providerItem', () => {
    this.CONSUME(T.provider, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  customerItem = this.RULE('customerItem', () => {
    this.CONSUME(T.customer, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  effectiveItem = this.RULE('effectiveItem', () => {
    this.CONSUME(T.effective, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'start' });
    this.OPTION(() => {
      this.CONSUME(T.to, { LABEL: 'connectors' });
      this.CONSUME2(DateLiteral, { LABEL: 'end' });
    });
  });

  timezoneItem = this.RULE('timezoneItem', () => {
    this.CONSUME(T.timezone, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  feeItem = this.RULE('feeItem', () => {
    this.CONSUME(T.fee, { LABEL: 'keyword' });
    this.CONSUME(NumberLiteral, { LABEL: 'amount' });
    this.CONSUME(UnitSuffix, { LABEL: 'currency' });
    this.CONSUME(T.per, { LABEL: 'connectors' });
    this.CONSUME(PeriodWord, { LABEL: 'period' });
  });

  reportingItem = this.RULE('reportingItem', () => {
    this.CONSUME(T.reporting, { LABEL: 'keyword' });
    this.CONSUME(CadenceWord, { LABEL: 'cadence' });
    this.OPTION(() => {
      this.CONSUME(T.to, { LABEL: 'connectors' });
      this.CONSUME(StringLiteral, { LABEL: 'recipients' });
      this.MANY(() => {
        this.CONSUME(Comma, { LABEL: 'separators' });
        this.CONSUME2(StringLiteral, { LABEL: 'recipients' });
      });
    });
  });

  reviewItem = this.RULE('reviewItem', () => {
    this.CONSUME(T.review, { LABEL: 'keyword' });
    this.CONSUME(CadenceWord, { LABEL: 'cadence' });
  });

  /** (1.1) `reviewed 2026-03-01`. */
  reviewedItem = this.RULE('reviewedItem', () => {
    this.CONSUME(T.reviewed, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'date' });
  });

  // --- service ----------------------------------------------------------------------------------

  serviceBlock = this.RULE('serviceBlock', () => {
    this.CONSUME(T.service, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'title' }));
    this.blockBody(this.serviceLoop);
  });

  descriptionItem = this.RULE('descriptionItem', () => {
    this.CONSUME(T.description, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  includesItem = this.RULE('includesItem', () => {
    this.CONSUME(T.includes, { LABEL: 'keyword' });
    this.stringList();
  });

  excludesItem = this.RULE('excludesItem', () => {
    this.CONSUME(T.excludes, { LABEL: 'keyword' });
    this.stringList();
  });

  private stringList(): void {
    this.CONSUME(StringLiteral, { LABEL: 'values' });
    this.MANY(() => {
      this.CONSUME(Comma, { LABEL: 'separators' });
      this.CONSUME2(StringLiteral, { LABEL: 'values' });
    });
  }

  // --- schedule and maintenance -------------------------------------------------------------------

  scheduleBlock = this.RULE('scheduleBlock', () => {
    this.CONSUME(T.schedule, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.blockBody(this.scheduleLoop);
  });

  scheduleLine = this.RULE('scheduleLine', () => {
    this.SUBRULE(this.days, { LABEL: 'days' });
    this.SUBRULE(this.timeRange, { LABEL: 'ranges' });
    this.MANY(() => {
      this.CONSUME(Comma, { LABEL: 'separators' });
      this.SUBRULE2(this.timeRange, { LABEL: 'ranges' });
    });
  });

  holidaysItem = this.RULE('holidaysItem', () => {
    this.CONSUME(T.holidays, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'dates' });
    this.MANY(() => {
      this.CONSUME(Comma, { LABEL: 'separators' });
      this.CONSUME2(DateLiteral, { LABEL: 'dates' });
    });
  });

  /** (1.1) `on 2026-10-10, 2026-10-11 09:00-18:00`: dated working hours. */
  scheduleOnItem = this.RULE('scheduleOnItem', () => {
    this.CONSUME(T.on, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'dates' });
    this.MANY(() => {
      this.CONSUME(Comma, { LABEL: 'separators' });
      this.CONSUME2(DateLiteral, { LABEL: 'dates' });
    });
    this.SUBRULE(this.timeRange, { LABEL: 'ranges' });
    this.MANY2(() => {
      this.CONSUME2(Comma, { LABEL: 'separators' });
      this.SUBRULE2(this.timeRange, { LABEL: 'ranges' });
    });
  });

  days = this.RULE('days', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(DayWord, { LABEL: 'from' });
          this.OPTION(() => {
            this.CONSUME(DotDot, { LABEL: 'separators' });
            this.CONSUME2(DayWord, { LABEL: 'to' });
          });
        },
      },
      { ALT: () => this.CONSUME(T.daily, { LABEL: 'form' }) },
      { ALT: () => this.CONSUME(T.weekdays, { LABEL: 'form' }) },
      { ALT: () => this.CONSUME(T.weekends, { LABEL: 'form' }) },
    ]);
  });

  timeRange = this.RULE('timeRange', () => {
    this.CONSUME(TimeLiteral, { LABEL: 'start' });
    this.CONSUME(Dash, { LABEL: 'separators' });
    this.CONSUME2(TimeLiteral, { LABEL: 'end' });
  });

  maintenanceBlock = this.RULE('maintenanceBlock', () => {
    this.CONSUME(T.maintenance, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.blockBody(this.maintenanceLoop);
  });

  everyItem = this.RULE('everyItem', () => {
    this.CONSUME(T.every, { LABEL: 'keyword' });
    this.SUBRULE(this.days, { LABEL: 'days' });
    this.SUBRULE(this.timeRange, { LABEL: 'range' });
  });

  onItem = this.RULE('onItem', () => {
    this.CONSUME(T.on, { LABEL: 'keyword' });
    this.CONSUME(DateTimeLiteral, { LABEL: 'at' });
    this.CONSUME(T.for, { LABEL: 'connectors' });
    this.SUBRULE(this.quantity, { LABEL: 'duration' });
  });

  noticeItem = this.RULE('noticeItem', () => {
    this.CONSUME(T.notice, { LABEL: 'keyword' });
    this.SUBRULE(this.quantity, { LABEL: 'duration' });
  });

  // --- indicator -------------------------------------------------------------------------------------

  indicatorBlock = this.RULE('indicatorBlock', () => {
    this.CONSUME(T.indicator, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'title' }));
    this.blockBody(this.indicatorLoop);
  });

  kindItem = this.RULE('kindItem', () => {
    this.CONSUME(T.kind, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'value' });
  });

  metricItem = this.RULE('metricItem', () => {
    this.CONSUME(T.metric, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  ratioItem = this.RULE('ratioItem', () => {
    this.CONSUME(T.ratio, { LABEL: 'keyword' });
    this.CONSUME(PolarityWord, { LABEL: 'polarity' });
    this.CONSUME(StringLiteral, { LABEL: 'numerator' });
    this.CONSUME(T.total, { LABEL: 'connectors' });
    this.CONSUME2(StringLiteral, { LABEL: 'total' });
  });

  unitItem = this.RULE('unitItem', () => {
    this.CONSUME(T.unit, { LABEL: 'keyword' });
    this.OR([{ ALT: () => this.CONSUME(NameToken, { LABEL: 'value' }) }, { ALT: () => this.CONSUME(Percent, { LABEL: 'value' }) }]);
  });

  /** (1.1) `every 1m`: the sampling interval (maintenance `every` is `everyItem`). */
  sampleEveryItem = this.RULE('sampleEveryItem', () => {
    this.CONSUME(T.every, { LABEL: 'keyword' });
    this.SUBRULE(this.quantity, { LABEL: 'interval' });
  });

  /** (1.1) `missing down`. */
  missingItem = this.RULE('missingItem', () => {
    this.CONSUME(T.missing, { LABEL: 'keyword' });
    this.CONSUME(T.down, { LABEL: 'value' });
  });

  /** (1.1) `counters`. */
  countersItem = this.RULE('countersItem', () => {
    this.CONSUME(T.counters, { LABEL: 'keyword' });
  });

  // --- objective -------------------------------------------------------------------------------------

  objectiveBlock = this.RULE('objectiveBlock', () => {
    this.CONSUME(T.objective, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'title' }));
    this.blockBody(this.objectiveLoop);
  });

  indicatorRefItem = this.RULE('indicatorRefItem', () => {
    this.CONSUME(T.indicator, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'ref' });
  });

  serviceRefItem = this.RULE('serviceRefItem', () => {
    this.CONSUME(T.service, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'ref' });
  });

  targetItem = this.RULE('targetItem', () => {
    this.CONSUME(T.target, { LABEL: 'keyword' });
    this.OPTION(() => this.CONSUME(AggregateWord, { LABEL: 'aggregate' }));
    this.CONSUME(Comparator, { LABEL: 'comparator' });
    this.SUBRULE(this.quantity, { LABEL: 'quantity' });
  });

  windowItem = this.RULE('windowItem', () => {
    this.CONSUME(T.window, { LABEL: 'keyword' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.calendar, { LABEL: 'form' });
          this.CONSUME(PeriodWord, { LABEL: 'period' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.rolling, { LABEL: 'form' });
          this.SUBRULE(this.quantity, { LABEL: 'duration' });
        },
      },
    ]);
  });

  duringItem = this.RULE('duringItem', () => {
    this.CONSUME(T.during, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'ref' });
  });

  excludingItem = this.RULE('excludingItem', () => {
    this.CONSUME(T.excluding, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'refs' });
    this.MANY(() => {
      this.CONSUME(Comma, { LABEL: 'separators' });
      this.CONSUME2(NameToken, { LABEL: 'refs' });
    });
  });

  /** (1.1) `coverage 90%`. */
  coverageItem = this.RULE('coverageItem', () => {
    this.CONSUME(T.coverage, { LABEL: 'keyword' });
    this.SUBRULE(this.quantity, { LABEL: 'percent' });
  });

  /** `99.9%`, `500 ms`, `2`. */
  quantity = this.RULE('quantity', () => {
    this.CONSUME(NumberLiteral, { LABEL: 'number' });
    this.OPTION(() =>
      this.OR([{ ALT: () => this.CONSUME(UnitSuffix, { LABEL: 'unit' }) }, { ALT: () => this.CONSUME(Percent, { LABEL: 'unit' }) }]),
    );
  });

  // --- compensation and credits ------------------------------------------------------------------------

  compensationBlock = this.RULE('compensationBlock', () => {
    this.CONSUME(T.compensation, { LABEL: 'keyword' });
    this.CONSUME(T.for, { LABEL: 'connectors' });
    this.CONSUME(NameToken, { LABEL: 'target' });
    this.blockBody(this.compensationLoop);
  });

  tier = this.RULE('tier', () => {
    this.OR([{ ALT: () => this.CONSUME(T.below, { LABEL: 'keyword' }) }, { ALT: () => this.CONSUME(T.above, { LABEL: 'keyword' }) }]);
    this.SUBRULE(this.quantity, { LABEL: 'threshold' });
    this.CONSUME(T.credit, { LABEL: 'connectors' });
    this.SUBRULE2(this.quantity, { LABEL: 'credit' });
  });

  creditsBlock = this.RULE('creditsBlock', () => {
    this.CONSUME(T.credits, { LABEL: 'keyword' });
    this.blockBody(this.creditsLoop);
  });

  capItem = this.RULE('capItem', () => {
    this.CONSUME(T.cap, { LABEL: 'keyword' });
    this.SUBRULE(this.quantity, { LABEL: 'percent' });
  });

  claimItem = this.RULE('claimItem', () => {
    this.CONSUME(T.claim, { LABEL: 'keyword' });
    this.CONSUME(T.within, { LABEL: 'connectors' });
    this.SUBRULE(this.quantity, { LABEL: 'duration' });
  });

  remedyItem = this.RULE('remedyItem', () => {
    this.CONSUME(T.remedy, { LABEL: 'keyword' });
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  // --- responsibilities and support --------------------------------------------------------------------

  responsibilitiesBlock = this.RULE('responsibilitiesBlock', () => {
    this.CONSUME(T.responsibilities, { LABEL: 'keyword' });
    this.blockBody(this.responsibilitiesLoop);
  });

  responsibility = this.RULE('responsibility', () => {
    this.OR([{ ALT: () => this.CONSUME(T.provider, { LABEL: 'keyword' }) }, { ALT: () => this.CONSUME(T.customer, { LABEL: 'keyword' }) }]);
    this.CONSUME(StringLiteral, { LABEL: 'value' });
  });

  supportBlock = this.RULE('supportBlock', () => {
    this.CONSUME(T.support, { LABEL: 'keyword' });
    this.blockBody(this.supportLoop);
  });

  hoursItem = this.RULE('hoursItem', () => {
    this.CONSUME(T.hours, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'ref' });
  });

  severityItem = this.RULE('severityItem', () => {
    this.CONSUME(T.severity, { LABEL: 'keyword' });
    this.CONSUME(NameToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'title' }));
    this.CONSUME(T.response, { LABEL: 'connectors' });
    this.SUBRULE(this.quantity, { LABEL: 'response' });
    this.OPTION2(() => {
      this.CONSUME(T.resolve, { LABEL: 'connectors' });
      this.SUBRULE2(this.quantity, { LABEL: 'resolve' });
    });
  });
}
