// An objective's target in OpenSLO terms, one rule for both directions: the export writes it,
// the import checks that a target annotation still agrees with the OpenSLO fields.
//
// OpenSLO counts occurrences: `target` is the share (0 ≤ t < 1) of good events, and a
// threshold SLI calls an event good when `value op threshold`. So `p95 <= 500ms` is
// "95% of values ≤ 500", `p5 >= 150rps` is "95% of values ≥ 150", a `>= 99.9%` availability
// probe is "99.9% of values ≥ 1", and a `< 0.5%` bad ratio is "99.5% of events good".
import type { Comparator } from '../../language/ast';

export type OpenSloOp = 'gte' | 'gt' | 'lte' | 'lt';
const TO_OPENSLO: Readonly<Record<Comparator, OpenSloOp>> = { '>=': 'gte', '>': 'gt', '<=': 'lte', '<': 'lt' };
export const FROM_OPENSLO: Readonly<Record<OpenSloOp, Comparator>> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };

/** How an indicator's values are read: a ratio of events, or a metric's values. */
export type SliForm = 'ratio-good' | 'ratio-bad' | 'metric';

export interface TargetShape {
  form: SliForm;
  /** The indicator's kind (decides how a metric's availability or error rate is counted). */
  kind?: string;
  /** `p95` → 95; `avg`, `min`, `max` as their word; none for percentages. */
  aggregate?: number | 'avg' | 'min' | 'max';
  op: Comparator;
  /** In the indicator's value unit (percent for percentages). */
  value: number;
}

export interface OpenSloObjective {
  target: number;
  op?: OpenSloOp;
  value?: number;
}

/** Why a target has no OpenSLO form (a message id suffix). */
export type NotExpressible = 'aggregate' | 'comparator' | 'noBudget';

const higher = (op: Comparator) => op === '>=' || op === '>';

/** A share written as a short decimal: 1 − 0.999 is 0.001, not 0.0010000000000000009. */
export function share(value: number): number {
  return Number(value.toPrecision(12));
}

export function openSloObjective(shape: TargetShape): OpenSloObjective | NotExpressible {
  const result = objective(shape);
  if (typeof result === 'string') return result;
  return result.target >= 0 && result.target < 1 ? result : 'noBudget';
}

function objective({ form, kind, aggregate, op, value }: TargetShape): OpenSloObjective | NotExpressible {
  if (form === 'ratio-good') return higher(op) && aggregate === undefined ? { target: share(value / 100) } : 'comparator';
  if (form === 'ratio-bad') return !higher(op) && aggregate === undefined ? { target: share(1 - value / 100) } : 'comparator';
  if (aggregate === undefined) {
    if (kind === 'availability') return higher(op) ? { target: share(value / 100), op: 'gte', value: 1 } : 'comparator';
    if (kind === 'error_rate') return !higher(op) ? { target: share(1 - value / 100), op: 'lte', value: 0 } : 'comparator';
    return 'aggregate';
  }
  if (typeof aggregate !== 'number') return 'aggregate';
  const target = higher(op) ? share((100 - aggregate) / 100) : share(aggregate / 100);
  return { target, op: TO_OPENSLO[op], value };
}

/** Whether two OpenSLO objectives say the same (numbers within the tolerance of LANGUAGE.md 5). */
export function sameObjective(a: OpenSloObjective, b: OpenSloObjective): boolean {
  const near = (x?: number, y?: number) => (x === undefined || y === undefined ? x === y : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)));
  return near(a.target, b.target) && a.op === b.op && near(a.value, b.value);
}
