// A rule's record → its AST node, made by the grammar when the rule ends (parse/grammar.ts:
// `build`); the records of sub-rules already hold their AST nodes. The records may come from
// error recovery: any field may be missing and tokens inserted by recovery (no text, NaN
// offsets) count as missing. Every accessor here copes.
import type { IToken } from 'chevrotain';
import type * as A from '../ast';
import { KEYWORD_OF_TYPE } from '../ast';
import type { ParsedNode } from './parsed';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Percentile, StringLiteral, tokenEnd } from '../lexer';
import { isCurrency, isUnit } from '../units';
import type { LineIndex } from '../text';
import { decodeDate, decodeDateTime, decodeString, decodeTime, plainStringValue } from './literals';
import { makeItemSpan, makeLiteralSpan, makeNodeSpan, makeQuantity, makeScheduleLineSpan, makeSmallNodeSpan, makeTokenLiteralSpan, makeTokenNameSpan, makeTextSpan, makeTokenSpan, makeTokenWordSpan, makeWindowSpan, makeWordSpan, type SpanMaker } from '../span';
import { unknownUnitMessage } from './messages';
import type { Translate } from '../wording';

function isRealToken(element: IToken | undefined): element is IToken {
  return element !== undefined && !element.isInsertedInRecovery && !Number.isNaN(element.startOffset);
}

function token(element: IToken | undefined): IToken | undefined {
  return isRealToken(element) ? element : undefined;
}

/** The real tokens of a rule's token list. */
function tokens(node: ParsedNode): IToken[] {
  return node.list.filter(isRealToken);
}

/** Whether a rule consumed real tokens: its extent is then [startOffset, endOffset + 1). */
function hasExtent(node: ParsedNode): boolean {
  return node.startOffset >= 0;
}

/** Sets an optional field only when there is a value (absent rather than `undefined`). */
function put<N, K extends keyof N>(node: N, key: K, value: N[K] | undefined): void {
  if (value !== undefined) node[key] = value;
}

/** Slots of the builder's table of recent names (a power of two). */
const RECENT_NAMES = 256;

/** What a parse gives: the AST nodes of the file's `sla` blocks and of items outside any. */
export interface ParsedFile {
  slas: A.Sla[];
  orphans: A.SlaItem[];
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** Where each run of items outside any `sla` starts (for the parser to explain cascades). */
  readonly orphanRunOffsets: number[] = [];

  constructor(
    private readonly lines: LineIndex,
    /** The catalogue lookup of the parse's locale. */
    readonly translate: Translate,
  ) {}

  // --- spans and literals ----------------------------------------------------------------------

  /**
   * A token's span, made by `make`. No token the AST keeps spans a line break (only white
   * space and block comments do: lexer.ts), so its end is on its start's line: one line
   * look-up instead of LineIndex.span's two, with the same positions.
   */
  private span(t: IToken, make: SpanMaker = makeTokenSpan): A.Span {
    const start = t.startOffset;
    const length = t.image.length;
    const line = this.lines.lineAt(start);
    const character = start - this.lines.lineStarts[line];
    return make(start, start + length, line, character, line, character + length);
  }

  /**
   * The one copy of each distinct word or unit (not names) the AST keeps, per parse (issue 15):
   * a copy per token would be copied by every young-generation collection the AST survives.
   * The lexer already gives a vocabulary word or an operator one string (the vocabulary's or
   * the punctuation's own: lexer.ts `matchName`, lexScan.ts; a word right before a character
   * above ASCII, rarely, gets a copy), so fields that only ever hold a keyword or an operator
   * take the image as it is; a word or unit may be outside the
   * vocabulary (`p99`, `CNY`). Names are not looked up: a map of every name of a large
   * contract cost more time (profiled) than their copies did.
   */
  private readonly texts = new Map<string, string>();

  private text(image: string): string {
    const known = this.texts.get(image);
    if (known !== undefined) return known;
    this.texts.set(image, image);
    return image;
  }

  private error(code: 'SLA001' | 'SLA002', span: A.Span, message: string, data?: Record<string, unknown>): void {
    this.diagnostics.push(diagnostic(code, span.range, message, data));
  }

  private name(t: IToken | undefined): A.Name | undefined {
    if (!t) return undefined;
    if (t.tokenType === Percentile && t.image.includes('.')) {
      this.error('SLA001', this.span(t), this.translate('parse.invalidName', { name: t.image }));
    }
    const name = this.span(t, makeTextSpan) as A.Name;
    name.text = this.nameText(t.image);
    return name;
  }

  /**
   * A name's text, shared with an equal name seen shortly before: a contract names a thing
   * where it defines it and again, nearby, where it refers to it (`indicator probe_7 { … }`
   * then `indicator probe_7` in the objective; `during office` in every objective), and each
   * token's image is a string of its own. A table of the last name per slot (slot from the
   * length and the first and last characters; a miss replaces the entry) shares those without
   * the cost of a map of every name (tried, "parsefast"): at 200,000 lines 43,000 of the
   * 114,000 name strings, 1.2 MB of the AST (issue 15, "astsmall2").
   */
  private nameText(image: string): string {
    const length = image.length;
    if (length === 0) return image;
    const slot = (length * 31 + image.charCodeAt(0) * 7 + image.charCodeAt(length - 1)) & (RECENT_NAMES - 1);
    const seen = this.recentNames[slot];
    if (seen === image) return seen;
    this.recentNames[slot] = image;
    return image;
  }

  private readonly recentNames: string[] = new Array<string>(RECENT_NAMES).fill('');

  /** A word token as a span with its `text` (made by `make`: makeTokenWordSpan where a second field follows). */
  private word(t: IToken | undefined, make: SpanMaker = makeTextSpan): A.Word | undefined {
    if (!t) return undefined;
    const word = this.span(t, make) as A.Word;
    word.text = this.text(t.image);
    return word;
  }

  private string(t: IToken | undefined): A.StringLiteral | undefined {
    if (!t || t.tokenType !== StringLiteral) return undefined;
    // Problems in strings are reported once for all tokens by the parser (lexical pass).
    const plain = plainStringValue(t.image);
    const literal = this.span(t, makeTokenWordSpan) as A.StringLiteral;
    if (plain !== undefined) {
      literal.value = plain;
      literal.valid = true;
    } else {
      const decoded = decodeString(t.image);
      literal.value = decoded.value;
      literal.valid = decoded.valid;
    }
    return literal;
  }

  private date(t: IToken | undefined): A.DateLiteral | undefined {
    if (!t) return undefined;
    const d = decodeDate(t.image);
    const literal = this.span(t, makeTokenLiteralSpan) as A.DateLiteral;
    literal.text = t.image;
    literal.year = d.year;
    literal.month = d.month;
    literal.day = d.day;
    literal.valid = d.problem === undefined;
    return literal;
  }

  private time(t: IToken | undefined, role: 'start' | 'end'): A.TimeLiteral | undefined {
    if (!t) return undefined;
    const d = decodeTime(t.image);
    let valid = d.problem === undefined;
    if (valid && role === 'start' && d.hour === 24) {
      this.error('SLA002', this.span(t), this.translate('parse.endOfDayStart'));
      valid = false;
    }
    const literal = this.span(t, makeTokenLiteralSpan) as A.TimeLiteral;
    literal.text = t.image;
    literal.hour = d.hour;
    literal.minute = d.minute;
    literal.valid = valid;
    return literal;
  }

  private dateTime(t: IToken | undefined): A.DateTimeLiteral | undefined {
    if (!t) return undefined;
    const d = decodeDateTime(t.image);
    const literal = this.span(t, makeTokenLiteralSpan) as A.DateTimeLiteral;
    literal.text = t.image;
    literal.year = d.year;
    literal.month = d.month;
    literal.day = d.day;
    literal.hour = d.hour;
    literal.minute = d.minute;
    literal.second = d.second;
    literal.valid = d.problem === undefined;
    if (d.offsetMinutes !== undefined) literal.offsetMinutes = d.offsetMinutes;
    return literal;
  }

  /**
   * The value of a number token. A quantity's `value` field is tagged (span.ts), so a fraction
   * equal to the previous one (the 99.9 of a target and of its tiers) shares its box and is
   * not converted again; a map of every fraction cost more time than its boxes (profiled).
   */
  private numberOf(image: string): number {
    if (image === this.lastFractionImage) return this.lastFraction!;
    const value = Number(image);
    if (Number.isInteger(value)) return value;
    this.lastFractionImage = image;
    this.lastFraction = value;
    return value;
  }

  private lastFractionImage = '';
  /** Starts as `undefined` so that V8 keeps the field tagged: a number field would be unboxed, and each read would make a new box. */
  private lastFraction: number | undefined = undefined;

  /** A quantity from a number token and an optional unit token. */
  private quantityOf(numberToken: IToken | undefined, unitToken: IToken | undefined): A.Quantity | undefined {
    if (!numberToken) return undefined;
    const offset = numberToken.startOffset;
    const line = this.lines.lineAt(offset);
    const value = this.numberOf(numberToken.image);
    const character = offset - this.lines.lineStarts[line];
    if (!unitToken) return makeQuantity(offset, line, character, numberToken.image.length, value, undefined, 0, 0, 0);
    const unitOffset = unitToken.startOffset;
    const unitLine = this.lines.lineFrom(line, unitOffset);
    const unitCharacter = unitOffset - this.lines.lineStarts[unitLine];
    return makeQuantity(offset, line, character, numberToken.image.length, value, this.text(unitToken.image), unitOffset, unitLine, unitCharacter);
  }


  /**
   * A node's span with its `type`, made by `make` (makeItemSpan: one more field to come;
   * makeNodeSpan: four). Its `keyword` is made when read (span.ts: at the node's start, as long
   * as its type's word); a keyword elsewhere or of another length (the grammar makes none) is
   * kept as an own field instead.
   */
  private base<K extends string>(type: K, node: ParsedNode, keyword: IToken, make: SpanMaker = makeSmallNodeSpan): A.Span & { type: K; keyword: A.Span } {
    const real = hasExtent(node);
    const start = real ? node.startOffset : keyword.startOffset;
    const end = real ? node.endOffset + 1 : tokenEnd(keyword);
    let base: A.Span & { type: K; keyword: A.Span };
    if (start === keyword.startOffset) {
      // Always (the keyword is the rule's first token): one line look-up for the start, one for the end.
      const line = this.lines.lineAt(start);
      const character = start - this.lines.lineStarts[line];
      const endLine = this.lines.lineFrom(line, end);
      const endCharacter = Math.min(end, this.lines.text.length) - this.lines.lineStarts[endLine];
      base = make(start, end, line, character, endLine, endCharacter) as A.Span & { type: K; keyword: A.Span };
    } else {
      base = this.lines.span(start, end, make) as A.Span & { type: K; keyword: A.Span };
    }
    base.type = type;
    const word = KEYWORD_OF_TYPE[type];
    if (start !== keyword.startOffset || (word !== undefined && word.length !== keyword.image.length)) base.keyword = this.span(keyword);
    return base;
  }

  /**
   * A block's body, from its `{` to its `}` (or as far as the block went). Ending where the
   * block does, with its `{` on the block's first line (nearly always), it is made when read
   * (span.ts) from `bodyDelta`; otherwise kept as a span.
   */
  private giveBody(block: A.Span & { body?: A.Span }, node: ParsedNode): void {
    const open = token(node.open);
    if (!open) return;
    const close = token(node.close);
    const end = close ? tokenEnd(close) : hasExtent(node) ? Math.max(node.endOffset + 1, tokenEnd(open)) : tokenEnd(open);
    const delta = open.startOffset - block.offset;
    if (end === block.endOffset && delta >= 0 && this.lines.lineFrom(block.startLine, open.startOffset) === block.startLine) {
      (block as { bodyDelta?: number }).bodyDelta = delta;
    } else {
      block.body = this.lines.span(open.startOffset, end);
    }
  }

  // --- a rule's node ------------------------------------------------------------------------------

  /** The AST node of a rule that has ended (undefined: none, or the rule gives none). */
  build(node: ParsedNode): unknown {
    switch (node.rule) {
      case 'file':
      case 'garbage':
      case 'skippedGroup':
        return undefined;
      case 'slaItem':
        return node.item;
      case 'scheduleLine':
        return this.scheduleLine(node);
      case 'days':
        return this.days(node);
      case 'timeRange':
        return this.timeRange(node);
      case 'quantity':
        return this.quantityOf(token(node.number), token(node.unit));
    }
    const keyword = token(node.keyword);
    if (!keyword) return undefined;
    switch (node.rule) {
      case 'slaBlock':
        return this.block('Sla' as const, node, keyword, true);
      case 'versionItem':
        return this.valued(this.base('Version' as const, node, keyword, makeItemSpan), token(node.value));
      case 'providerItem':
        return this.valued(this.base('Provider' as const, node, keyword, makeItemSpan), token(node.value));
      case 'customerItem':
        return this.valued(this.base('Customer' as const, node, keyword, makeItemSpan), token(node.value));
      case 'timezoneItem':
        return this.valued(this.base('Timezone' as const, node, keyword, makeItemSpan), token(node.value));
      case 'effectiveItem': {
        const item: A.EffectiveItem = this.base('Effective' as const, node, keyword);
        put(item, 'start', this.date(token(node.start)));
        put(item, 'end', this.date(token(node.end)));
        return item;
      }
      case 'feeItem':
        return this.fee(node, keyword);
      case 'reportingItem': {
        const item = this.base('Reporting' as const, node, keyword) as A.ReportingItem;
        item.recipients = this.strings(tokens(node));
        put(item, 'cadence', this.word(token(node.cadence)));
        return item;
      }
      case 'reviewItem': {
        const item: A.ReviewItem = this.base('Review' as const, node, keyword, makeItemSpan);
        put(item, 'cadence', this.word(token(node.cadence)));
        return item;
      }
      case 'reviewedItem': {
        const item: A.ReviewedItem = this.base('Reviewed' as const, node, keyword, makeItemSpan);
        put(item, 'date', this.date(token(node.date)));
        return item;
      }
      case 'serviceBlock':
        return this.block('Service' as const, node, keyword, true);
      case 'scheduleBlock':
        return this.block('Schedule' as const, node, keyword, false);
      case 'maintenanceBlock':
        return this.block('Maintenance' as const, node, keyword, false);
      case 'indicatorBlock':
        return this.block('Indicator' as const, node, keyword, true);
      case 'objectiveBlock':
        return this.block('Objective' as const, node, keyword, true);
      case 'compensationBlock':
        return this.compensation(node, keyword);
      case 'creditsBlock':
        return this.unnamedBlock('Credits' as const, node, keyword);
      case 'responsibilitiesBlock':
        return this.unnamedBlock('Responsibilities' as const, node, keyword);
      case 'supportBlock':
        return this.unnamedBlock('Support' as const, node, keyword);
      // service
      case 'descriptionItem':
        return this.valued(this.base('Description' as const, node, keyword, makeItemSpan), token(node.value));
      case 'includesItem':
      {
        const item = this.base('Includes' as const, node, keyword, makeItemSpan) as A.IncludesItem;
        item.values = this.strings(tokens(node));
        return item;
      }
      case 'excludesItem':
      {
        const item = this.base('Excludes' as const, node, keyword, makeItemSpan) as A.ExcludesItem;
        item.values = this.strings(tokens(node));
        return item;
      }
      // schedule and maintenance
      case 'holidaysItem':
      {
        const item = this.base('Holidays' as const, node, keyword, makeItemSpan) as A.HolidaysItem;
        item.dates = this.dates(node);
        return item;
      }
      case 'scheduleOnItem':
      {
        const item = this.base('ScheduleOn' as const, node, keyword) as A.ScheduleOnItem;
        item.dates = this.dates(node);
        item.ranges = node.ranges.slice();
        return item;
      }
      case 'everyItem': {
        const every: A.EveryItem = this.base('Every' as const, node, keyword);
        put(every, 'days', node.days);
        put(every, 'times', node.range);
        return every;
      }
      case 'onItem': {
        const on: A.OnItem = this.base('On' as const, node, keyword);
        put(on, 'at', this.dateTime(token(node.at)));
        put(on, 'duration', node.duration);
        return on;
      }
      case 'noticeItem': {
        const notice: A.NoticeItem = this.base('Notice' as const, node, keyword, makeItemSpan);
        put(notice, 'duration', node.duration);
        return notice;
      }
      // indicator
      case 'kindItem': {
        const kind: A.KindItem = this.base('Kind' as const, node, keyword, makeItemSpan);
        put(kind, 'value', this.word(token(node.value)));
        return kind;
      }
      case 'metricItem':
        return this.valued(this.base('Metric' as const, node, keyword, makeItemSpan), token(node.value));
      case 'ratioItem': {
        const ratio: A.RatioItem = this.base('Ratio' as const, node, keyword);
        put(ratio, 'polarity', this.word(token(node.polarity)));
        put(ratio, 'numerator', this.string(token(node.numerator)));
        put(ratio, 'total', this.string(token(node.total)));
        return ratio;
      }
      case 'unitItem': {
        const unit: A.UnitItem = this.base('Unit' as const, node, keyword, makeItemSpan);
        const value = this.word(token(node.value));
        if (value && !isUnit(value.text)) this.error('SLA002', value, unknownUnitMessage(this.translate, value.text), { unit: value.text });
        put(unit, 'value', value);
        return unit;
      }
      case 'sampleEveryItem': {
        const every: A.SampleEveryItem = this.base('SampleEvery' as const, node, keyword, makeItemSpan);
        put(every, 'interval', node.interval);
        return every;
      }
      case 'missingItem': {
        const missing: A.MissingDownItem = this.base('MissingDown' as const, node, keyword, makeItemSpan);
        put(missing, 'down', this.word(token(node.value)));
        return missing;
      }
      case 'countersItem':
        return this.base('Counters' as const, node, keyword, makeItemSpan);
      // objective
      case 'indicatorRefItem':
        return this.referring(this.base('IndicatorRef' as const, node, keyword, makeItemSpan), token(node.ref));
      case 'serviceRefItem':
        return this.referring(this.base('ServiceRef' as const, node, keyword, makeItemSpan), token(node.ref));
      case 'targetItem':
        return this.target(node, keyword);
      case 'windowItem': {
        const window: A.WindowItem = this.base('Window' as const, node, keyword, makeWindowSpan);
        const form = token(node.form);
        if (form) {
          window.form = form.image as 'calendar' | 'rolling';
          // Made when read from its distance to the window's start when on its first line (span.ts).
          const delta = form.startOffset - window.offset;
          if (delta >= 0 && this.lines.lineFrom(window.startLine, form.startOffset) === window.startLine) (window as { formDelta?: number }).formDelta = delta;
          else window.formSpan = this.span(form);
        }
        put(window, 'period', this.word(token(node.period)));
        put(window, 'duration', node.duration);
        return window;
      }
      case 'duringItem':
        return this.referring(this.base('During' as const, node, keyword, makeItemSpan), token(node.ref));
      case 'excludingItem': {
        const refs: A.Reference[] = [];
        for (const t of tokens(node)) refs.push(this.name(t)!);
        const item = this.base('Excluding' as const, node, keyword, makeItemSpan) as A.ExcludingItem;
        item.refs = refs;
        return item;
      }
      case 'coverageItem': {
        const coverage: A.CoverageItem = this.base('Coverage' as const, node, keyword, makeItemSpan);
        put(coverage, 'percent', node.percent);
        return coverage;
      }
      // compensation and credits
      case 'tier': {
        const tier = this.base('Tier' as const, node, keyword) as A.Tier;
        tier.direction = keyword.image as 'below' | 'above';
        put(tier, 'threshold', node.threshold);
        put(tier, 'credit', node.credit);
        return tier;
      }
      case 'capItem': {
        const cap: A.CapItem = this.base('Cap' as const, node, keyword, makeItemSpan);
        put(cap, 'percent', node.percent);
        return cap;
      }
      case 'claimItem': {
        const claim: A.ClaimItem = this.base('Claim' as const, node, keyword, makeItemSpan);
        put(claim, 'duration', node.duration);
        return claim;
      }
      case 'remedyItem':
        return this.valued(this.base('Remedy' as const, node, keyword, makeItemSpan), token(node.value));
      // responsibilities and support
      case 'responsibility':
      {
        const item = this.base('Responsibility' as const, node, keyword) as A.ResponsibilityItem;
        item.party = keyword.image as 'provider' | 'customer';
        return this.valued(item, token(node.value));
      }
      case 'hoursItem':
        return this.referring(this.base('Hours' as const, node, keyword, makeItemSpan), token(node.ref));
      case 'severityItem': {
        const severity: A.SeverityItem = this.base('Severity' as const, node, keyword, makeNodeSpan);
        put(severity, 'name', this.name(token(node.name)));
        put(severity, 'title', this.string(token(node.title)));
        put(severity, 'response', node.response);
        put(severity, 'resolve', node.resolve);
        return severity;
      }
    }
    return undefined;
  }

  // --- file and sla ------------------------------------------------------------------------------

  file(parsed: ParsedFile, textLength: number): A.ContractFile {
    const slas = parsed.slas;
    this.adoptOrphans(slas, parsed.orphans);
    return { type: 'File', slas, range: this.lines.range(0, textLength) };
  }

  /**
   * Items after an `sla` was closed (an extra `}` above them) join the preceding `sla`, so
   * that the checker and outline still see them; one SLA001 per run explains the cause.
   */
  private adoptOrphans(slas: A.Sla[], orphans: A.SlaItem[]): void {
    let reportedFor: A.Sla | null | undefined = undefined;
    for (const item of orphans) {
      const owner = [...slas].reverse().find((s) => s.offset < item.offset);
      if (reportedFor !== (owner ?? null)) {
        reportedFor = owner ?? null;
        const keyword = item.keyword;
        this.orphanRunOffsets.push(keyword.offset);
        this.error(
          'SLA001',
          keyword,
          this.orphanMessage(this.lines.text.slice(keyword.offset, keyword.endOffset), owner),
        );
      }
      if (owner) {
        owner.items.push(item);
        if (item.endOffset > owner.endOffset) {
          // Its body no longer ends where it does: kept as a span from now on (span.ts).
          if (!Object.prototype.hasOwnProperty.call(owner, 'body') && owner.body) owner.body = owner.body;
          owner.endOffset = item.endOffset;
          owner.endLine = item.endLine;
          owner.endCharacter = item.endCharacter;
        }
      }
    }
  }

  /** SLA001 for the first of a run of items outside an sla: after one (closed early?) or before any. */
  private orphanMessage(word: string, owner: A.Sla | undefined): string {
    if (!owner) return this.translate('parse.orphan.noSla', { word, example: 'sla NAME { … }' });
    const rbrace = '}';
    return owner.name ? this.translate('parse.orphan.outsideNamed', { word, sla: owner.name.text, rbrace }) : this.translate('parse.orphan.outside', { word, rbrace });
  }

  /** Name, title and body of a block. */
  private header(block: A.Span & { name?: A.Name; title?: A.StringLiteral; body?: A.Span }, node: ParsedNode, title?: IToken): void {
    put(block, 'name', this.name(token(node.name)));
    put(block, 'title', this.string(title));
    this.giveBody(block, node);
  }

  /** A named block and its items (with a title where the grammar takes one). */
  private block<K extends 'Sla' | 'Service' | 'Schedule' | 'Maintenance' | 'Indicator' | 'Objective'>(type: K, node: ParsedNode, keyword: IToken, titled: boolean): A.Span & { type: K; items: object[] } {
    const block = this.base(type, node, keyword, makeNodeSpan) as A.NodeBase & { type: K; items: object[]; name?: A.Name; title?: A.StringLiteral; body?: A.Span };
    block.items = node.items.slice();
    this.header(block, node, titled ? token(node.title) : undefined);
    return block;
  }

  /** A block without a name and its items. */
  private unnamedBlock<K extends 'Credits' | 'Responsibilities' | 'Support'>(type: K, node: ParsedNode, keyword: IToken): A.Span & { type: K; items: object[] } {
    const block = this.base(type, node, keyword) as A.NodeBase & { type: K; items: object[]; body?: A.Span };
    block.items = node.items.slice();
    this.giveBody(block, node);
    return block;
  }

  /** An item whose only child is a string (labelled `value`). */
  private valued<N extends object>(item: N, valueToken: IToken | undefined): N & { value?: A.StringLiteral } {
    const valued: N & { value?: A.StringLiteral } = item;
    const value = this.string(valueToken);
    if (value) valued.value = value;
    return valued;
  }

  private strings(stringTokens: IToken[]): A.StringLiteral[] {
    const values: A.StringLiteral[] = [];
    for (const t of stringTokens) {
      const value = this.string(t);
      if (value) values.push(value);
    }
    return values;
  }

  private dates(node: ParsedNode): A.DateLiteral[] {
    const dates: A.DateLiteral[] = [];
    for (const t of tokens(node)) dates.push(this.date(t)!);
    return dates;
  }

  private fee(node: ParsedNode, keyword: IToken): A.FeeItem {
    const currency = token(node.currency);
    if (currency && isUnit(currency.image) && !isCurrency(currency.image)) {
      this.error('SLA002', this.span(currency), this.translate('parse.notCurrency', { currency: currency.image }));
    }
    const item: A.FeeItem = this.base('Fee' as const, node, keyword);
    put(item, 'amount', this.quantityOf(token(node.amount), currency));
    put(item, 'period', this.word(token(node.period)));
    return item;
  }

  // --- schedule ----------------------------------------------------------------------------------------

  private scheduleLine(node: ParsedNode): A.ScheduleLine | undefined {
    const days = node.days;
    if (!days) return undefined;
    const ranges = node.ranges.slice();
    // Its `keyword`, the span of its days, is made when read (span.ts).
    const line = (hasExtent(node) ? this.lines.span(node.startOffset, node.endOffset + 1, makeScheduleLineSpan) : this.lines.span(days.offset, days.endOffset, makeScheduleLineSpan)) as A.ScheduleLine;
    line.type = 'ScheduleLine';
    line.days = days;
    line.ranges = ranges;
    return line;
  }

  private days(node: ParsedNode): A.Days | undefined {
    if (!hasExtent(node)) return undefined;
    const form = token(node.form);
    const days = this.lines.span(node.startOffset, node.endOffset + 1, makeLiteralSpan) as A.Days;
    days.form = form ? (form.image as A.Days['form']) : 'range';
    if (!form) {
      put(days, 'from', this.word(token(node.from)));
      put(days, 'to', this.word(token(node.to)));
    }
    return days;
  }

  private timeRange(node: ParsedNode): A.TimeRange | undefined {
    if (!hasExtent(node)) return undefined;
    const range: A.TimeRange = this.lines.span(node.startOffset, node.endOffset + 1, makeWordSpan);
    put(range, 'start', this.time(token(node.start), 'start'));
    put(range, 'end', this.time(token(node.end), 'end'));
    return range;
  }

  // --- objective ----------------------------------------------------------------------------------------

  /** An item whose only child is a reference (labelled `ref`). */
  private referring<N extends object>(item: N, refToken: IToken | undefined): N & { ref?: A.Reference } {
    const referring: N & { ref?: A.Reference } = item;
    const ref = this.name(refToken);
    if (ref) referring.ref = ref;
    return referring;
  }

  private target(node: ParsedNode, keyword: IToken): A.TargetItem {
    const target: A.TargetItem = this.base('Target' as const, node, keyword);
    const aggregate = token(node.aggregate);
    if (aggregate) {
      target.aggregate = this.word(aggregate, makeTokenWordSpan)!;
      if (aggregate.tokenType === Percentile) {
        const percentile = Number(aggregate.image.slice(1));
        target.aggregate.percentile = percentile;
        if (percentile > 100) this.error('SLA002', this.span(aggregate), this.translate('parse.percentileAbove100', { percentile: aggregate.image }));
      }
    }
    const comparator = token(node.comparator);
    if (comparator) {
      target.comparator = this.span(comparator, makeTokenNameSpan) as A.Span & { op: A.Comparator };
      target.comparator.op = comparator.image as A.Comparator;
    }
    put(target, 'quantity', node.quantity);
    return target;
  }

  // --- compensation -------------------------------------------------------------------------------------

  private compensation(node: ParsedNode, keyword: IToken): A.Compensation {
    const compensation = this.base('Compensation' as const, node, keyword) as A.Compensation;
    compensation.tiers = node.items.slice() as A.Tier[];
    put(compensation, 'target', this.name(token(node.target)));
    this.giveBody(compensation, node);
    return compensation;
  }
}
