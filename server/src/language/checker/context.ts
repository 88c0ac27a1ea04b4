// What the checks of one `sla` block share: where to report, the names in scope, and
// facts derived once per node (an objective's indicator, kind, target unit, …).
import type {
  Compensation,
  Credits,
  Indicator,
  KindName,
  Objective,
  Position,
  Range,
  Sla,
  SlaItem,
  TargetItem,
  WindowItem,
} from '../ast';
import { KINDS } from '../ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { lookup, type SlaScope } from '../scope';
import { dimensionOf, dimensionOfKind, defaultUnitOfKind, type Dimension } from '../units';

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

export interface ObjectiveFacts {
  /** The indicator it names, when the name resolves to an indicator. */
  indicator?: Indicator;
  /** That indicator's kind, when it is a known kind. */
  kind?: KindName;
  /** The unit the indicator's values are in (its valid `unit`, else the kind's default). */
  valueUnit?: string;
  /** The first `target`. */
  target?: TargetItem;
  /**
   * The unit of the target's value: as written, or the indicator's value unit when none
   * is written. Undefined when unknown (an unknown unit word, or no kind to default from).
   */
  targetUnit?: string;
  targetDimension?: Dimension;
  /** The first `window`. */
  window?: WindowItem;
}

export class CheckContext {
  private readonly objectiveFacts = new Map<Objective, ObjectiveFacts>();
  private readonly compensations = new Map<Objective, Compensation[]>();
  private readonly blocksWithSyntaxErrors = new Set<object>();

  constructor(
    readonly sla: Sla,
    readonly scope: SlaScope,
    private readonly out: Diagnostic[],
    syntaxErrors: readonly Position[],
  ) {
    for (const position of syntaxErrors) this.attributeSyntaxError(position);
    for (const item of sla.items ?? []) {
      if (item?.type !== 'Compensation') continue;
      const objective = this.objectiveOf(item);
      if (!objective) continue;
      const list = this.compensations.get(objective);
      if (list) list.push(item);
      else this.compensations.set(objective, [item]);
    }
  }

  report(code: string, range: Range, message: string, data?: Record<string, unknown>): void {
    this.out.push(diagnostic(code, range, message, data));
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
    for (const item of items ?? []) if (item?.type === type) return item as Extract<T, { type: K }>;
    return undefined;
  }

  kindOf(indicator: Indicator): KindName | undefined {
    const word = this.first(indicator.items, 'Kind')?.value?.text;
    return word !== undefined && (KINDS as readonly string[]).includes(word) ? (word as KindName) : undefined;
  }

  /** The unit an indicator's values are in: its `unit` when that fits the kind, else the default. */
  valueUnitOf(indicator: Indicator): string | undefined {
    const kind = this.kindOf(indicator);
    if (!kind) return undefined;
    const declared = this.first(indicator.items, 'Unit')?.value?.text;
    if (declared !== undefined && dimensionOf(declared) === dimensionOfKind(kind)) return declared;
    return defaultUnitOfKind(kind);
  }

  facts(objective: Objective): ObjectiveFacts {
    let facts = this.objectiveFacts.get(objective);
    if (facts) return facts;
    const indicatorName = this.first(objective.items, 'IndicatorRef')?.ref?.text;
    const indicator = lookup(this.scope, indicatorName, 'indicator')?.node as Indicator | undefined;
    const kind = indicator && this.kindOf(indicator);
    const valueUnit = indicator && this.valueUnitOf(indicator);
    const target = this.first(objective.items, 'Target');
    const written = target?.quantity?.unit;
    const targetUnit = written === undefined ? valueUnit : dimensionOf(written) ? written : undefined;
    facts = {
      indicator,
      kind,
      valueUnit,
      target,
      targetUnit,
      targetDimension: dimensionOf(targetUnit),
      window: this.first(objective.items, 'Window'),
    };
    this.objectiveFacts.set(objective, facts);
    return facts;
  }

  /** The objective a compensation clause is for, when its name resolves to an objective. */
  objectiveOf(compensation: Compensation): Objective | undefined {
    return lookup(this.scope, compensation.target?.text, 'objective')?.node as Objective | undefined;
  }

  /** The compensation clauses for an objective, in text order. */
  compensationsOf(objective: Objective): readonly Compensation[] {
    return this.compensations.get(objective) ?? [];
  }

  /** The first `credits` block of the sla. */
  credits(): Credits | undefined {
    return this.first(this.sla.items, 'Credits');
  }

  private attributeSyntaxError(position: Position): void {
    if (!contains(this.sla.range, position)) return;
    this.blocksWithSyntaxErrors.add(this.innermostBlockAt(position));
  }

  /** The item block of the sla that contains `position`, else the sla itself (binary search: items are in text order). */
  private innermostBlockAt(position: Position): Block {
    const items = this.sla.items ?? [];
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = items[middle];
      if (!item || comparePositions(position, item.range.start) < 0) high = middle - 1;
      else if (comparePositions(position, item.range.end) > 0) low = middle + 1;
      else return IS_BLOCK_TYPE.has(item.type) ? (item as Block) : this.sla;
    }
    return this.sla;
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(position, range.start) >= 0 && comparePositions(position, range.end) <= 0;
}

/** 1-based line of a range, for messages that point at another place ("first at line 12"). */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}
