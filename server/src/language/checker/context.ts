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
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics';
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

/** What an indicator's values are (LANGUAGE.md 5), as far as its items tell. */
export interface IndicatorFacts {
  /** Its kind, when it is a known kind. */
  kind?: KindName;
  /** `ratio good` / `ratio bad`: the values are then a percentage whatever the kind. */
  ratio?: 'good' | 'bad' | 'unknown';
  /** The unit its values are in: `%` for a ratio, else its valid `unit`, else the kind's default. */
  valueUnit?: string;
  valueDimension?: Dimension;
  /** Whether good service means high values (availability, throughput, `ratio good`). */
  higherIsBetter?: boolean;
  /** Whether a target on it needs an aggregate (durations and rates of a `metric`). */
  needsAggregate?: boolean;
  /** How messages name what is measured: the kind, or `ratio good`. */
  measure?: string;
}

export interface ObjectiveFacts extends IndicatorFacts {
  /** The indicator it names, when the name resolves to an indicator. */
  indicator?: Indicator;
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

/** Kinds whose ratio reads as the kind itself: `availability` counts good, `error_rate` bad. */
const NATURAL_POLARITY: Readonly<Partial<Record<KindName, 'good' | 'bad'>>> = { availability: 'good', error_rate: 'bad' };

const HIGHER_IS_BETTER: Readonly<Record<KindName, boolean>> = {
  availability: true,
  error_rate: false,
  latency: false,
  response_time: false,
  recovery_time: false,
  resolution_time: false,
  throughput: true,
};

export class CheckContext {
  private readonly objectiveFacts = new Map<Objective, ObjectiveFacts>();
  private readonly indicatorFacts = new Map<Indicator, IndicatorFacts>();
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

  report(code: DiagnosticCode, range: Range, message: string, data?: Record<string, unknown>): void {
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

  indicatorFactsOf(indicator: Indicator): IndicatorFacts {
    let facts = this.indicatorFacts.get(indicator);
    if (facts) return facts;
    const kind = this.kindOf(indicator);
    const ratioItem = this.first(indicator.items, 'Ratio');
    const polarity = ratioItem?.polarity?.text;
    const ratio = ratioItem ? (polarity === 'good' || polarity === 'bad' ? polarity : 'unknown') : undefined;
    if (ratio) {
      facts = {
        kind,
        ratio,
        valueUnit: '%',
        valueDimension: 'percent',
        higherIsBetter: ratio === 'unknown' ? undefined : ratio === 'good',
        needsAggregate: false,
        measure: ratio === 'unknown' ? 'ratio' : kind && NATURAL_POLARITY[kind] === ratio ? kind : `ratio ${ratio}`,
      };
    } else if (kind) {
      const declared = this.first(indicator.items, 'Unit')?.value?.text;
      const dimension = dimensionOfKind(kind);
      facts = {
        kind,
        valueUnit: declared !== undefined && dimensionOf(declared) === dimension ? declared : defaultUnitOfKind(kind),
        valueDimension: dimension,
        higherIsBetter: HIGHER_IS_BETTER[kind],
        needsAggregate: dimension !== 'percent',
        measure: kind,
      };
    } else {
      facts = {};
    }
    this.indicatorFacts.set(indicator, facts);
    return facts;
  }

  facts(objective: Objective): ObjectiveFacts {
    let facts = this.objectiveFacts.get(objective);
    if (facts) return facts;
    const indicatorName = this.first(objective.items, 'IndicatorRef')?.ref?.text;
    const indicator = lookup(this.scope, indicatorName, 'indicator')?.node as Indicator | undefined;
    const indicatorFacts = indicator ? this.indicatorFactsOf(indicator) : {};
    const target = this.first(objective.items, 'Target');
    const written = target?.quantity?.unit;
    const targetUnit = written === undefined ? indicatorFacts.valueUnit : dimensionOf(written) ? written : undefined;
    facts = {
      ...indicatorFacts,
      indicator,
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

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** After the `{` (an error at the brace itself is about the header before it) up to the `}`. */
function insideBody(body: Range, position: Position): boolean {
  return comparePositions(position, body.start) > 0 && comparePositions(position, body.end) <= 0;
}

/** 1-based line of a range, for messages that point at another place ("first at line 12"). */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}
