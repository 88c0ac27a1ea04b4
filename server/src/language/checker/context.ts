// What the checks of one `sla` block share: where to report, the names in scope, and the
// sla's linked facts (an objective's indicator, kind, target unit, …; see linked/).
import type { Compensation, Credits, Indicator, KindName, Objective, Position, Range, Sla, SlaItem } from '../ast';
import { diagnostic, diagnosticWordedLater, type Diagnostic, type DiagnosticCode, type Wording } from '../diagnostics';
import { factsOfObjective, firstItem, type IndicatorFacts, type ObjectiveFacts, type SlaFacts } from '../linked';
import type { SlaScope } from '../scope';
import type { CivilDate } from '../calendar';
import { messages, type Messages } from '../../l10n/messages';
import type { Locale } from '../../l10n/locale';
import { comparePositions } from '../text';

/** What a check may depend on beyond the text: the language of its messages and the date. */
export interface CheckOptions {
  /** The language of the messages that go through the catalogue (default English). */
  locale?: Locale;
  /** "Today" for SLA505, as a local date taken as is in every contract's zone (`sla check --today`). */
  today?: CivilDate;
  /** The instant whose local date in the contract's zone is "today" when `today` is not given (default: now). */
  now?: number;
}

/** A node with a `{ … }` body of items: the unit to which syntax errors are attributed. */
export type Block = Sla | Extract<SlaItem, { type: BlockType }>;
type BlockType = (typeof BLOCK_TYPES)[number];
const BLOCK_TYPES = [
  'Service',
  'Schedule',
  'Maintenance',
  'Indicator',
  'Objective',
  'Compensation',
  'Credits',
  'Responsibilities',
  'Support',
] as const;
const IS_BLOCK_TYPE: ReadonlySet<string> = new Set(BLOCK_TYPES);

export class CheckContext {
  readonly sla: Sla;
  readonly scope: SlaScope;
  /** The catalogue's messages in the chosen language. */
  readonly t: Messages['t'];
  private readonly blocksWithSyntaxErrors = new Set<object>();

  /** Where the reports of this analysis go: `out` at first (`reportInto` may send them to an item's list). */
  private readonly reports: Diagnostic[];

  constructor(
    /** The linked facts of the sla: the checks read them rather than work them out again. */
    readonly linked: SlaFacts,
    private out: Diagnostic[],
    syntaxErrors: readonly Position[],
    readonly options: CheckOptions = {},
  ) {
    this.reports = out;
    this.sla = linked.sla;
    this.scope = linked.scope;
    this.t = messages(options.locale).t;
    for (const position of syntaxErrors) this.attributeSyntaxError(position);
  }

  /** Where the next reports go (the checker keeps each item's diagnostics apart to reuse them). */
  reportInto(out: Diagnostic[]): void {
    this.out = out;
  }

  report(code: DiagnosticCode, range: Range, message: string, data?: Record<string, unknown>): void {
    this.out.push(diagnostic(code, range, message, data));
  }

  /**
   * `report`, with the message and data worked out only if the diagnostic is shown
   * (`diagnosticWordedLater`): worded at once when it goes to an item's list, which the next
   * edit may carry over and would word after the AST has moved.
   */
  reportWordedLater(code: DiagnosticCode, range: Range, wording: Wording): void {
    if (this.out === this.reports) this.out.push(diagnosticWordedLater(code, range, wording));
    else {
      const { message, data } = wording();
      this.report(code, range, message, data);
    }
  }

  /**
   * True when a block has no body or a syntax error lies directly inside it: a part it
   * seems to lack may be the one the parser could not read, so "missing …" diagnostics
   * would only repeat the syntax error.
   */
  incomplete(block: Block): boolean {
    return !block.body || this.blocksWithSyntaxErrors.has(block);
  }

  /** The first item of `type` among `items`. */
  first<T extends { type: string }, K extends T['type']>(items: readonly T[] | undefined, type: K): Extract<T, { type: K }> | undefined {
    return firstItem(items, type);
  }

  kindOf(indicator: Indicator): KindName | undefined {
    return this.indicatorFactsOf(indicator).kind;
  }

  indicatorFactsOf(indicator: Indicator): IndicatorFacts {
    return this.linked.indicators.get(indicator) ?? {};
  }

  facts(objective: Objective): ObjectiveFacts {
    // The checks of an objective's items and of its compensation ask one after another.
    if (objective !== this.lastObjective) {
      this.lastObjective = objective;
      this.lastFacts = factsOfObjective(this.linked, objective);
    }
    return this.lastFacts!;
  }

  private lastObjective: Objective | undefined;
  private lastFacts: ObjectiveFacts | undefined;

  /** The objective a compensation clause is for, when its name resolves to an objective. */
  objectiveOf(compensation: Compensation): Objective | undefined {
    // Asked by each check of a clause and of its tiers, one after another (six times a clause).
    if (compensation !== this.lastCompensation) {
      this.lastCompensation = compensation;
      this.lastCompensated = this.linked.compensated.get(compensation);
    }
    return this.lastCompensated;
  }

  private lastCompensation: Compensation | undefined;
  private lastCompensated: Objective | undefined;

  /** The compensation clauses for an objective, in text order. */
  compensationsOf(objective: Objective): readonly Compensation[] {
    return this.facts(objective).compensations;
  }

  /** The first `credits` block of the sla. */
  credits(): Credits | undefined {
    return this.linked.credits;
  }

  /**
   * A syntax error inside a body may have swallowed an item of that body. Errors in a
   * header (`sla {` without a name) hide nothing: the body is still read.
   */
  private attributeSyntaxError(position: Position): void {
    const body = this.sla.body;
    if (!body || !insideBody(body.range, position)) return;
    const item = this.itemAt(position);
    if (!item || !IS_BLOCK_TYPE.has(item.type)) {
      this.blocksWithSyntaxErrors.add(this.sla);
      return;
    }
    const itemBody = (item as Block).body;
    if (itemBody && insideBody(itemBody.range, position)) this.blocksWithSyntaxErrors.add(item);
  }

  /** The item of the sla whose range contains `position` (binary search: items are in text order). */
  private itemAt(position: Position): SlaItem | undefined {
    const items = this.sla.items ?? [];
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = items[middle];
      if (!item || comparePositions(position, item.range.start) < 0) high = middle - 1;
      else if (comparePositions(position, item.range.end) > 0) low = middle + 1;
      else return item;
    }
    return undefined;
  }
}

/** After the `{` (an error at the brace itself is about the header before it) up to the `}`. */
function insideBody(body: Range, position: Position): boolean {
  return comparePositions(position, body.start) > 0 && comparePositions(position, body.end) <= 0;
}

/** 1-based line of a range, for messages that point at another place ("first at line 12"). */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}
