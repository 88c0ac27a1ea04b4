// Recorded parse → AST. The nodes may come from error recovery: any field may be missing and
// tokens inserted by recovery (no text, NaN offsets) count as missing. Every accessor here copes.
// Nodes are typed by parse/parsed.ts: a field the grammar does not record fails to compile.
import type { IToken } from 'chevrotain';
import type * as A from '../ast';
import type { NodeField, NodeListField, ParsedNode, TokenField, TokenListField } from './parsed';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Percentile, StringLiteral, tokenEnd } from '../lexer';
import { isCurrency, isUnit } from '../units';
import type { LineIndex } from '../text';
import { decodeDate, decodeDateTime, decodeString, decodeTime } from './literals';
import { makeQuantitySpan, withFields } from '../span';
import { unknownUnitMessage } from './messages';
import type { Translate } from '../wording';

function isRealToken(element: IToken | undefined): element is IToken {
  return element !== undefined && !element.isInsertedInRecovery && !Number.isNaN(element.startOffset);
}

function token(node: ParsedNode | undefined, field: TokenField): IToken | undefined {
  const element = node?.[field];
  return isRealToken(element) ? element : undefined;
}

function tokens(node: ParsedNode | undefined, field: TokenListField): IToken[] {
  return (node?.[field] ?? []).filter(isRealToken);
}

function child(node: ParsedNode | undefined, field: NodeField): ParsedNode | undefined {
  return node?.[field];
}

function children(node: ParsedNode | undefined, field: NodeListField): ParsedNode[] {
  return node?.[field] ?? [];
}

/** [start, end) of a node's real tokens. */
function extent(node: ParsedNode): [number, number] | undefined {
  if (Number.isNaN(node.startOffset) || Number.isNaN(node.endOffset)) return undefined;
  return [node.startOffset, node.endOffset + 1];
}

/** Sets an optional field only when there is a value (absent rather than `undefined`). */
function put<N, K extends keyof N>(node: N, key: K, value: N[K] | undefined): void {
  if (value !== undefined) node[key] = value;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** Where each run of items outside any `sla` starts (for the parser to explain cascades). */
  readonly orphanRunOffsets: number[] = [];

  constructor(
    private readonly lines: LineIndex,
    /** The catalogue lookup of the parse's locale. */
    private readonly translate: Translate,
  ) {}

  // --- spans and literals ----------------------------------------------------------------------

  private span(t: IToken): A.Span {
    return this.lines.span(t.startOffset, tokenEnd(t));
  }

  private error(code: 'SLA001' | 'SLA002', span: A.Span, message: string, data?: Record<string, unknown>): void {
    this.diagnostics.push(diagnostic(code, span.range, message, data));
  }

  private name(t: IToken | undefined): A.Name | undefined {
    if (!t) return undefined;
    if (t.tokenType === Percentile && t.image.includes('.')) {
      this.error('SLA001', this.span(t), this.translate('parse.invalidName', { name: t.image }));
    }
    return this.word(t);
  }

  /** A token as a span with its `text`. */
  private word(t: IToken | undefined): A.Word | undefined {
    if (!t) return undefined;
    const end = tokenEnd(t);
    return withFields(this.lines.span(t.startOffset, end), { text: t.image });
  }

  private string(t: IToken | undefined): A.StringLiteral | undefined {
    if (!t || t.tokenType !== StringLiteral) return undefined;
    // Problems in strings are reported once for all tokens by the parser (lexical pass).
    const decoded = decodeString(t.image);
    const end = tokenEnd(t);
    return withFields(this.lines.span(t.startOffset, end), { value: decoded.value, valid: decoded.valid });
  }

  private date(t: IToken | undefined): A.DateLiteral | undefined {
    if (!t) return undefined;
    const d = decodeDate(t.image);
    const end = tokenEnd(t);
    return withFields(this.lines.span(t.startOffset, end), { text: t.image, year: d.year, month: d.month, day: d.day, valid: d.problem === undefined });
  }

  private time(t: IToken | undefined, role: 'start' | 'end'): A.TimeLiteral | undefined {
    if (!t) return undefined;
    const d = decodeTime(t.image);
    let valid = d.problem === undefined;
    if (valid && role === 'start' && d.hour === 24) {
      this.error('SLA002', this.span(t), this.translate('parse.endOfDayStart'));
      valid = false;
    }
    const end = tokenEnd(t);
    return withFields(this.lines.span(t.startOffset, end), { text: t.image, hour: d.hour, minute: d.minute, valid });
  }

  private dateTime(t: IToken | undefined): A.DateTimeLiteral | undefined {
    if (!t) return undefined;
    const d = decodeDateTime(t.image);
    const end = tokenEnd(t);
    const literal: A.DateTimeLiteral = withFields(this.lines.span(t.startOffset, end), {
      text: t.image,
      year: d.year,
      month: d.month,
      day: d.day,
      hour: d.hour,
      minute: d.minute,
      second: d.second,
      valid: d.problem === undefined,
    } as Omit<A.DateTimeLiteral, keyof A.Span>);
    if (d.offsetMinutes !== undefined) literal.offsetMinutes = d.offsetMinutes;
    return literal;
  }

  /** A quantity from a number token and an optional unit token. */
  private quantityOf(numberToken: IToken | undefined, unitToken: IToken | undefined): A.Quantity | undefined {
    if (!numberToken) return undefined;
    const start = numberToken.startOffset;
    const numberEnd = tokenEnd(numberToken);
    const end = unitToken ? tokenEnd(unitToken) : numberEnd;
    const numberSpan = this.lines.span(start, numberEnd);
    const unitStart = unitToken ? this.lines.positionAt(unitToken.startOffset) : undefined;
    const whole = unitToken ? this.lines.span(start, end) : numberSpan;
    const quantity: A.Quantity = withFields(makeQuantitySpan(whole, numberSpan.endLine, numberSpan.endCharacter, unitStart), {
      value: Number(numberToken.image),
    } as Pick<A.Quantity, 'value' | 'unit'>);
    if (unitToken) quantity.unit = unitToken.image;
    return quantity;
  }

  private quantity(node: ParsedNode | undefined): A.Quantity | undefined {
    return this.quantityOf(token(node, 'number'), token(node, 'unit'));
  }

  private base<K extends string>(type: K, node: ParsedNode, keyword: IToken): A.Span & { type: K; keyword: A.Span } {
    const e = extent(node);
    const start = e ? e[0] : keyword.startOffset;
    const end = e ? e[1] : tokenEnd(keyword);
    return withFields(this.lines.span(start, end), { type, keyword: this.span(keyword) });
  }

  private body(node: ParsedNode): A.Span | undefined {
    const open = token(node, 'open');
    if (!open) return undefined;
    const close = token(node, 'close');
    if (close) return this.lines.span(open.startOffset, tokenEnd(close));
    const e = extent(node);
    return this.lines.span(open.startOffset, e ? Math.max(e[1], tokenEnd(open)) : tokenEnd(open));
  }

  // --- file and sla ------------------------------------------------------------------------------

  file(node: ParsedNode, textLength: number): A.ContractFile {
    const slas = children(node, 'slas')
      .map((s) => this.sla(s))
      .filter((s): s is A.Sla => s !== undefined);
    this.adoptOrphans(slas, children(node, 'orphans'));
    return { type: 'File', slas, range: this.lines.range(0, textLength) };
  }

  /**
   * Items after an `sla` was closed (an extra `}` above them) join the preceding `sla`, so
   * that the checker and outline still see them; one SLA001 per run explains the cause.
   */
  private adoptOrphans(slas: A.Sla[], orphanNodes: ParsedNode[]): void {
    let reportedFor: A.Sla | null | undefined = undefined;
    for (const orphanNode of orphanNodes) {
      const item = this.slaItem(orphanNode);
      if (!item) continue;
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


  private sla(node: ParsedNode): A.Sla | undefined {
    const keyword = token(node, 'keyword');
    if (!keyword) return undefined;
    const items: A.SlaItem[] = [];
    // Each item's nodes are let go as soon as its AST is built (the peak memory of a big file).
    const wrappers: (ParsedNode | undefined)[] = children(node, 'items');
    node.items = undefined;
    for (let i = 0; i < wrappers.length; i++) {
      const item = this.slaItem(wrappers[i]!);
      wrappers[i] = undefined;
      if (item) items.push(item);
    }
    const sla: A.Sla = withFields(this.base('Sla' as const, node, keyword), { items });
    this.header(sla, node, token(node, 'title'));
    return sla;
  }

  /** Name, title and body of a block. */
  private header(block: { name?: A.Name; title?: A.StringLiteral; body?: A.Span }, node: ParsedNode, title?: IToken): void {
    put(block, 'name', this.name(token(node, 'name')));
    put(block, 'title', this.string(title));
    put(block, 'body', this.body(node));
  }

  /** One item of an sla block (public for incremental parsing, which builds items alone). */
  slaItem(wrapper: ParsedNode): A.SlaItem | undefined {
    const node = child(wrapper, 'item');
    if (!node) return undefined;
    const keyword = token(node, 'keyword');
    if (!keyword) return undefined;
    switch (node.rule) {
      case 'versionItem':
        return this.valued(this.base('Version' as const, node, keyword), token(node, 'value'));
      case 'providerItem':
        return this.valued(this.base('Provider' as const, node, keyword), token(node, 'value'));
      case 'customerItem':
        return this.valued(this.base('Customer' as const, node, keyword), token(node, 'value'));
      case 'timezoneItem':
        return this.valued(this.base('Timezone' as const, node, keyword), token(node, 'value'));
      case 'effectiveItem': {
        const item: A.EffectiveItem = this.base('Effective' as const, node, keyword);
        put(item, 'start', this.date(token(node, 'start')));
        put(item, 'end', this.date(token(node, 'end')));
        return item;
      }
      case 'feeItem':
        return this.fee(node, keyword);
      case 'reportingItem': {
        const item: A.ReportingItem = withFields(this.base('Reporting' as const, node, keyword), { recipients: this.strings(tokens(node, 'recipients')) });
        put(item, 'cadence', this.word(token(node, 'cadence')));
        return item;
      }
      case 'reviewItem': {
        const item: A.ReviewItem = this.base('Review' as const, node, keyword);
        put(item, 'cadence', this.word(token(node, 'cadence')));
        return item;
      }
      case 'reviewedItem': {
        const item: A.ReviewedItem = this.base('Reviewed' as const, node, keyword);
        put(item, 'date', this.date(token(node, 'date')));
        return item;
      }
      case 'serviceBlock':
        return this.service(node, keyword);
      case 'scheduleBlock':
        return this.schedule(node, keyword);
      case 'maintenanceBlock':
        return this.maintenance(node, keyword);
      case 'indicatorBlock':
        return this.indicator(node, keyword);
      case 'objectiveBlock':
        return this.objective(node, keyword);
      case 'compensationBlock':
        return this.compensation(node, keyword);
      case 'creditsBlock':
        return this.credits(node, keyword);
      case 'responsibilitiesBlock':
        return this.responsibilities(node, keyword);
      case 'supportBlock':
        return this.support(node, keyword);
    }
    return undefined;
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

  private fee(node: ParsedNode, keyword: IToken): A.FeeItem {
    const currency = token(node, 'currency');
    if (currency && isUnit(currency.image) && !isCurrency(currency.image)) {
      this.error('SLA002', this.span(currency), this.translate('parse.notCurrency', { currency: currency.image }));
    }
    const item: A.FeeItem = this.base('Fee' as const, node, keyword);
    put(item, 'amount', this.quantityOf(token(node, 'amount'), currency));
    put(item, 'period', this.word(token(node, 'period')));
    return item;
  }

  // --- service -------------------------------------------------------------------------------------

  private service(node: ParsedNode, keyword: IToken): A.Service {
    const items: A.ServiceItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      if (item.rule === 'descriptionItem') items.push(this.valued(this.base('Description' as const, item, kw), token(item, 'value')));
      else if (item.rule === 'includesItem') items.push(withFields(this.base('Includes' as const, item, kw), { values: this.strings(tokens(item, 'values')) }));
      else if (item.rule === 'excludesItem') items.push(withFields(this.base('Excludes' as const, item, kw), { values: this.strings(tokens(item, 'values')) }));
    }
    const service: A.Service = withFields(this.base('Service' as const, node, keyword), { items });
    this.header(service, node, token(node, 'title'));
    return service;
  }

  // --- schedule and maintenance ----------------------------------------------------------------------

  private schedule(node: ParsedNode, keyword: IToken): A.Schedule {
    const items: A.ScheduleItem[] = [];
    for (const item of children(node, 'items')) {
      if (item.rule === 'holidaysItem') {
        const kw = token(item, 'keyword');
        if (!kw) continue;
        const dates: A.DateLiteral[] = [];
        for (const t of tokens(item, 'dates')) dates.push(this.date(t)!);
        items.push(withFields(this.base('Holidays' as const, item, kw), { dates }));
      } else if (item.rule === 'scheduleOnItem') {
        const kw = token(item, 'keyword');
        if (!kw) continue;
        const dates: A.DateLiteral[] = [];
        for (const t of tokens(item, 'dates')) dates.push(this.date(t)!);
        items.push(withFields(this.base('ScheduleOn' as const, item, kw), { dates, ranges: this.timeRanges(children(item, 'ranges')) }));
      } else if (item.rule === 'scheduleLine') {
        const days = this.days(child(item, 'days'));
        if (!days) continue;
        const ranges = this.timeRanges(children(item, 'ranges'));
        const e = extent(item) ?? [days.offset, days.endOffset];
        items.push(withFields(this.lines.span(e[0], e[1]), { type: 'ScheduleLine' as const, keyword: this.lines.span(days.offset, days.endOffset), days, ranges }));
      }
    }
    const schedule: A.Schedule = withFields(this.base('Schedule' as const, node, keyword), { items });
    this.header(schedule, node);
    return schedule;
  }

  private days(node: ParsedNode | undefined): A.Days | undefined {
    if (!node) return undefined;
    const e = extent(node);
    if (!e) return undefined;
    const form = token(node, 'form');
    const days: A.Days = withFields(this.lines.span(e[0], e[1]), { form: form ? (form.image as A.Days['form']) : 'range' } as Pick<A.Days, 'form'>);
    if (!form) {
      put(days, 'from', this.word(token(node, 'from')));
      put(days, 'to', this.word(token(node, 'to')));
    }
    return days;
  }

  private timeRanges(nodes: ParsedNode[]): A.TimeRange[] {
    const ranges: A.TimeRange[] = [];
    for (const node of nodes) {
      const range = this.timeRange(node);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  private timeRange(node: ParsedNode | undefined): A.TimeRange | undefined {
    if (!node) return undefined;
    const e = extent(node);
    if (!e) return undefined;
    const range: A.TimeRange = this.lines.span(e[0], e[1]);
    put(range, 'start', this.time(token(node, 'start'), 'start'));
    put(range, 'end', this.time(token(node, 'end'), 'end'));
    return range;
  }

  private maintenance(node: ParsedNode, keyword: IToken): A.Maintenance {
    const items: A.MaintenanceItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      if (item.rule === 'everyItem') {
        const every: A.EveryItem = this.base('Every' as const, item, kw);
        put(every, 'days', this.days(child(item, 'days')));
        put(every, 'times', this.timeRange(child(item, 'range')));
        items.push(every);
      } else if (item.rule === 'onItem') {
        const on: A.OnItem = this.base('On' as const, item, kw);
        put(on, 'at', this.dateTime(token(item, 'at')));
        put(on, 'duration', this.quantity(child(item, 'duration')));
        items.push(on);
      } else if (item.rule === 'noticeItem') {
        const notice: A.NoticeItem = this.base('Notice' as const, item, kw);
        put(notice, 'duration', this.quantity(child(item, 'duration')));
        items.push(notice);
      }
    }
    const maintenance: A.Maintenance = withFields(this.base('Maintenance' as const, node, keyword), { items });
    this.header(maintenance, node);
    return maintenance;
  }

  // --- indicator ----------------------------------------------------------------------------------------

  private indicator(node: ParsedNode, keyword: IToken): A.Indicator {
    const items: A.IndicatorItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      switch (item.rule) {
        case 'kindItem': {
          const kind: A.KindItem = this.base('Kind' as const, item, kw);
          put(kind, 'value', this.word(token(item, 'value')));
          items.push(kind);
          break;
        }
        case 'metricItem':
          items.push(this.valued(this.base('Metric' as const, item, kw), token(item, 'value')));
          break;
        case 'ratioItem': {
          const ratio: A.RatioItem = this.base('Ratio' as const, item, kw);
          put(ratio, 'polarity', this.word(token(item, 'polarity')));
          put(ratio, 'numerator', this.string(token(item, 'numerator')));
          put(ratio, 'total', this.string(token(item, 'total')));
          items.push(ratio);
          break;
        }
        case 'unitItem': {
          const unit: A.UnitItem = this.base('Unit' as const, item, kw);
          const value = this.word(token(item, 'value'));
          if (value && !isUnit(value.text)) this.error('SLA002', value, unknownUnitMessage(this.translate, value.text), { unit: value.text });
          put(unit, 'value', value);
          items.push(unit);
          break;
        }
        case 'descriptionItem':
          items.push(this.valued(this.base('Description' as const, item, kw), token(item, 'value')));
          break;
        case 'sampleEveryItem': {
          const every: A.SampleEveryItem = this.base('SampleEvery' as const, item, kw);
          put(every, 'interval', this.quantity(child(item, 'interval')));
          items.push(every);
          break;
        }
        case 'missingItem': {
          const missing: A.MissingDownItem = this.base('MissingDown' as const, item, kw);
          put(missing, 'down', this.word(token(item, 'value')));
          items.push(missing);
          break;
        }
        case 'countersItem':
          items.push(this.base('Counters' as const, item, kw));
          break;
      }
    }
    const indicator: A.Indicator = withFields(this.base('Indicator' as const, node, keyword), { items });
    this.header(indicator, node, token(node, 'title'));
    return indicator;
  }

  // --- objective ----------------------------------------------------------------------------------------

  private objective(node: ParsedNode, keyword: IToken): A.Objective {
    const items: A.ObjectiveItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      switch (item.rule) {
        case 'indicatorRefItem':
          items.push(this.referring(this.base('IndicatorRef' as const, item, kw), token(item, 'ref')));
          break;
        case 'serviceRefItem':
          items.push(this.referring(this.base('ServiceRef' as const, item, kw), token(item, 'ref')));
          break;
        case 'targetItem':
          items.push(this.target(item, kw));
          break;
        case 'windowItem': {
          const window: A.WindowItem = this.base('Window' as const, item, kw);
          const form = token(item, 'form');
          if (form) {
            window.form = form.image as 'calendar' | 'rolling';
            window.formSpan = this.span(form);
          }
          put(window, 'period', this.word(token(item, 'period')));
          put(window, 'duration', this.quantity(child(item, 'duration')));
          items.push(window);
          break;
        }
        case 'duringItem':
          items.push(this.referring(this.base('During' as const, item, kw), token(item, 'ref')));
          break;
        case 'excludingItem': {
          const refs: A.Reference[] = [];
          for (const t of tokens(item, 'refs')) refs.push(this.name(t)!);
          items.push(withFields(this.base('Excluding' as const, item, kw), { refs }));
          break;
        }
        case 'coverageItem': {
          const coverage: A.CoverageItem = this.base('Coverage' as const, item, kw);
          put(coverage, 'percent', this.quantity(child(item, 'percent')));
          items.push(coverage);
          break;
        }
        case 'descriptionItem':
          items.push(this.valued(this.base('Description' as const, item, kw), token(item, 'value')));
          break;
      }
    }
    const objective: A.Objective = withFields(this.base('Objective' as const, node, keyword), { items });
    this.header(objective, node, token(node, 'title'));
    return objective;
  }

  /** An item whose only child is a reference (labelled `ref`). */
  private referring<N extends object>(item: N, refToken: IToken | undefined): N & { ref?: A.Reference } {
    const referring: N & { ref?: A.Reference } = item;
    const ref = this.name(refToken);
    if (ref) referring.ref = ref;
    return referring;
  }

  private target(node: ParsedNode, keyword: IToken): A.TargetItem {
    const target: A.TargetItem = this.base('Target' as const, node, keyword);
    const aggregate = token(node, 'aggregate');
    if (aggregate) {
      target.aggregate = withFields(this.span(aggregate), { text: aggregate.image });
      if (aggregate.tokenType === Percentile) {
        const percentile = Number(aggregate.image.slice(1));
        target.aggregate.percentile = percentile;
        if (percentile > 100) this.error('SLA002', this.span(aggregate), this.translate('parse.percentileAbove100', { percentile: aggregate.image }));
      }
    }
    const comparator = token(node, 'comparator');
    if (comparator) target.comparator = withFields(this.span(comparator), { op: comparator.image as A.Comparator });
    put(target, 'quantity', this.quantity(child(node, 'quantity')));
    return target;
  }

  // --- compensation and credits ----------------------------------------------------------------------------

  private compensation(node: ParsedNode, keyword: IToken): A.Compensation {
    const tiers: A.Tier[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      const tier: A.Tier = withFields(this.base('Tier' as const, item, kw), { direction: kw.image as 'below' | 'above' });
      put(tier, 'threshold', this.quantity(child(item, 'threshold')));
      put(tier, 'credit', this.quantity(child(item, 'credit')));
      tiers.push(tier);
    }
    const compensation: A.Compensation = withFields(this.base('Compensation' as const, node, keyword), { tiers });
    put(compensation, 'target', this.name(token(node, 'target')));
    put(compensation, 'body', this.body(node));
    return compensation;
  }

  private credits(node: ParsedNode, keyword: IToken): A.Credits {
    const items: A.CreditsItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      if (item.rule === 'capItem') {
        const cap: A.CapItem = this.base('Cap' as const, item, kw);
        put(cap, 'percent', this.quantity(child(item, 'percent')));
        items.push(cap);
      } else if (item.rule === 'claimItem') {
        const claim: A.ClaimItem = this.base('Claim' as const, item, kw);
        put(claim, 'duration', this.quantity(child(item, 'duration')));
        items.push(claim);
      } else if (item.rule === 'remedyItem') {
        items.push(this.valued(this.base('Remedy' as const, item, kw), token(item, 'value')));
      }
    }
    const credits: A.Credits = withFields(this.base('Credits' as const, node, keyword), { items });
    put(credits, 'body', this.body(node));
    return credits;
  }

  // --- responsibilities and support -------------------------------------------------------------------------

  private responsibilities(node: ParsedNode, keyword: IToken): A.Responsibilities {
    const items: A.ResponsibilityItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      items.push(this.valued(withFields(this.base('Responsibility' as const, item, kw), { party: kw.image as 'provider' | 'customer' }), token(item, 'value')));
    }
    const responsibilities: A.Responsibilities = withFields(this.base('Responsibilities' as const, node, keyword), { items });
    put(responsibilities, 'body', this.body(node));
    return responsibilities;
  }

  private support(node: ParsedNode, keyword: IToken): A.Support {
    const items: A.SupportItem[] = [];
    for (const item of children(node, 'items')) {
      const kw = token(item, 'keyword');
      if (!kw) continue;
      if (item.rule === 'hoursItem') {
        items.push(this.referring(this.base('Hours' as const, item, kw), token(item, 'ref')));
      } else if (item.rule === 'severityItem') {
        const severity: A.SeverityItem = this.base('Severity' as const, item, kw);
        put(severity, 'name', this.name(token(item, 'name')));
        put(severity, 'title', this.string(token(item, 'title')));
        put(severity, 'response', this.quantity(child(item, 'response')));
        put(severity, 'resolve', this.quantity(child(item, 'resolve')));
        items.push(severity);
      }
    }
    const support: A.Support = withFields(this.base('Support' as const, node, keyword), { items });
    put(support, 'body', this.body(node));
    return support;
  }
}
