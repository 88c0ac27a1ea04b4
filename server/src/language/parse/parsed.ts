// What a grammar rule (parse/grammar.ts) records while it is open: the tokens the AST builder
// reads, the AST nodes its sub-rules built, and the extent of the real tokens consumed in it.
// When the rule ends (normally or by an error recovery that leaves it), the AST builder makes
// the rule's AST node from it at once and the node goes to the parent's record; so a rule
// that recovery ended early still gives what it consumed (as a recovered CST node did).
//
// One record per depth of the rule stack, reused by every rule invoked at that depth (issue
// 15: a record per invocation, alive for the whole parse, was a fifth of the parse's garbage).
// All fields are declared here, so every record has one shape. Tokens inserted by recovery (no
// text, NaN offsets) are recorded like real ones; the builder treats them as missing.
import type { IToken } from 'chevrotain';
import type * as A from '../ast';

/** The grammar's rules (names as in parse/grammar.ts). */
export type ParsedRule =
  | 'file'
  | 'garbage'
  | 'skippedGroup'
  | 'slaBlock'
  | 'slaItem'
  | 'versionItem'
  | 'providerItem'
  | 'customerItem'
  | 'effectiveItem'
  | 'timezoneItem'
  | 'feeItem'
  | 'reportingItem'
  | 'reviewItem'
  | 'reviewedItem'
  | 'serviceBlock'
  | 'descriptionItem'
  | 'includesItem'
  | 'excludesItem'
  | 'scheduleBlock'
  | 'scheduleLine'
  | 'holidaysItem'
  | 'scheduleOnItem'
  | 'days'
  | 'timeRange'
  | 'maintenanceBlock'
  | 'everyItem'
  | 'onItem'
  | 'noticeItem'
  | 'indicatorBlock'
  | 'kindItem'
  | 'metricItem'
  | 'ratioItem'
  | 'unitItem'
  | 'sampleEveryItem'
  | 'missingItem'
  | 'countersItem'
  | 'objectiveBlock'
  | 'indicatorRefItem'
  | 'serviceRefItem'
  | 'targetItem'
  | 'windowItem'
  | 'duringItem'
  | 'excludingItem'
  | 'coverageItem'
  | 'quantity'
  | 'compensationBlock'
  | 'tier'
  | 'creditsBlock'
  | 'capItem'
  | 'claimItem'
  | 'remedyItem'
  | 'responsibilitiesBlock'
  | 'responsibility'
  | 'supportBlock'
  | 'hoursItem'
  | 'severityItem';

/** Fields holding the AST node of one sub-rule. */
export type NodeField = 'item' | 'days' | 'range' | 'duration' | 'interval' | 'quantity' | 'percent' | 'threshold' | 'credit' | 'response' | 'resolve';
/** Fields holding the AST nodes of every invocation of a sub-rule, in order. */
export type NodeListField = 'items' | 'ranges' | 'slas' | 'orphans';

export class ParsedNode {
  rule: ParsedRule = 'file';
  /** Offset of the first real token consumed in the rule or a sub-rule; -1 when none (not NaN: a double here would make every span's offset a boxed double). */
  startOffset = -1;
  /** Offset of the last character of the last real token consumed there (inclusive, as Chevrotain's); -1 when none. */
  endOffset = -1;
  /** Where this rule's AST node goes in its parent's record (undefined: nowhere). */
  attachTo: NodeField | NodeListField | undefined = undefined;
  attachToList = false;

  // Tokens, each consumed at most once per invocation.
  keyword: IToken | undefined = undefined;
  name: IToken | undefined = undefined;
  title: IToken | undefined = undefined;
  open: IToken | undefined = undefined;
  close: IToken | undefined = undefined;
  value: IToken | undefined = undefined;
  start: IToken | undefined = undefined;
  end: IToken | undefined = undefined;
  amount: IToken | undefined = undefined;
  currency: IToken | undefined = undefined;
  period: IToken | undefined = undefined;
  cadence: IToken | undefined = undefined;
  date: IToken | undefined = undefined;
  from: IToken | undefined = undefined;
  to: IToken | undefined = undefined;
  form: IToken | undefined = undefined;
  at: IToken | undefined = undefined;
  ref: IToken | undefined = undefined;
  polarity: IToken | undefined = undefined;
  numerator: IToken | undefined = undefined;
  total: IToken | undefined = undefined;
  aggregate: IToken | undefined = undefined;
  comparator: IToken | undefined = undefined;
  number: IToken | undefined = undefined;
  unit: IToken | undefined = undefined;
  target: IToken | undefined = undefined;
  /** The rule's one list of tokens (recipients, values, dates or refs), in order; reused. */
  readonly list: IToken[] = [];

  // AST nodes of sub-rules (the first one given for a field is kept).
  item: A.SlaItem | undefined = undefined;
  days: A.Days | undefined = undefined;
  range: A.TimeRange | undefined = undefined;
  duration: A.Quantity | undefined = undefined;
  interval: A.Quantity | undefined = undefined;
  quantity: A.Quantity | undefined = undefined;
  percent: A.Quantity | undefined = undefined;
  threshold: A.Quantity | undefined = undefined;
  credit: A.Quantity | undefined = undefined;
  response: A.Quantity | undefined = undefined;
  resolve: A.Quantity | undefined = undefined;
  // Lists of sub-rule nodes, reused like `list`: the AST builder copies each into an array of
  // its exact length (issue 15: a list grown from `[]` by `push` keeps room for 17 elements,
  // 120 bytes more than a block of two to four items needs, in each of the 43,000 blocks
  // of the 200,000-line contract, copied by every scavenge the AST survives).
  /** Item nodes of a block, in order. */
  readonly items: object[] = [];
  readonly ranges: A.TimeRange[] = [];
  readonly slas: A.Sla[] = [];
  readonly orphans: A.SlaItem[] = [];

  /** Counts [start, end] (end inclusive) in the extent: the first real one sets both ends, later ones (text order) move the end. */
  extend(start: number, end: number): void {
    if (this.startOffset < 0) {
      this.startOffset = start;
      this.endOffset = end;
    } else if (this.endOffset < end) {
      this.endOffset = end;
    }
  }

  /**
   * Ready for an invocation of `rule`. The lists are emptied by `pop`, which keeps their room:
   * `length = 0` gives an array V8's empty backing store, so the next `push` allocated a new one
   * for every rule invocation with a list (issue 15, "recog": 7 MB of a 200k parse).
   */
  reset(rule: ParsedRule, attachTo: NodeField | NodeListField | undefined, attachToList: boolean): void {
    this.rule = rule;
    this.startOffset = -1;
    this.endOffset = -1;
    this.attachTo = attachTo;
    this.attachToList = attachToList;
    this.keyword = undefined;
    this.name = undefined;
    this.title = undefined;
    this.open = undefined;
    this.close = undefined;
    this.value = undefined;
    this.start = undefined;
    this.end = undefined;
    this.amount = undefined;
    this.currency = undefined;
    this.period = undefined;
    this.cadence = undefined;
    this.date = undefined;
    this.from = undefined;
    this.to = undefined;
    this.form = undefined;
    this.at = undefined;
    this.ref = undefined;
    this.polarity = undefined;
    this.numerator = undefined;
    this.total = undefined;
    this.aggregate = undefined;
    this.comparator = undefined;
    this.number = undefined;
    this.unit = undefined;
    this.target = undefined;
    while (this.list.length > 0) this.list.pop();
    this.item = undefined;
    this.days = undefined;
    this.range = undefined;
    this.duration = undefined;
    this.interval = undefined;
    this.quantity = undefined;
    this.percent = undefined;
    this.threshold = undefined;
    this.credit = undefined;
    this.response = undefined;
    this.resolve = undefined;
    while (this.items.length > 0) this.items.pop();
    while (this.ranges.length > 0) this.ranges.pop();
    while (this.slas.length > 0) this.slas.pop();
    while (this.orphans.length > 0) this.orphans.pop();
  }

  /** Gives a sub-rule's AST node to the field `field` (the first one given is kept): a store per field, not a keyed one. */
  give(field: NodeField, built: unknown): void {
    switch (field) {
      case 'item':
        this.item ??= built as A.SlaItem;
        return;
      case 'days':
        this.days ??= built as A.Days;
        return;
      case 'range':
        this.range ??= built as A.TimeRange;
        return;
      case 'duration':
        this.duration ??= built as A.Quantity;
        return;
      case 'interval':
        this.interval ??= built as A.Quantity;
        return;
      case 'quantity':
        this.quantity ??= built as A.Quantity;
        return;
      case 'percent':
        this.percent ??= built as A.Quantity;
        return;
      case 'threshold':
        this.threshold ??= built as A.Quantity;
        return;
      case 'credit':
        this.credit ??= built as A.Quantity;
        return;
      case 'response':
        this.response ??= built as A.Quantity;
        return;
      case 'resolve':
        this.resolve ??= built as A.Quantity;
        return;
    }
  }

  /** Adds a sub-rule's AST node to the list `field`. */
  add(field: NodeListField, built: unknown): void {
    switch (field) {
      case 'items':
        this.items.push(built as object);
        return;
      case 'ranges':
        this.ranges.push(built as A.TimeRange);
        return;
      case 'slas':
        this.slas.push(built as A.Sla);
        return;
      case 'orphans':
        this.orphans.push(built as A.SlaItem);
        return;
    }
  }
}
