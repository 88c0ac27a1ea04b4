// What one objective accumulates per period, and the attained value computed from it
// (LANGUAGE.md section 5, "The attained value"). Sums are compensated (Neumaier), so a
// month of millions of samples keeps the precision the 1e-9 tolerance assumes. Only a
// percentile keeps the values themselves (values.ts: compact blocks, never joined); the
// nearest-rank value is then found by a radix selection over the blocks, not by sorting.
import { KeptValues, type KeptValuesState } from './values';

/** Where `add` puts its number for `addOf` (one body for both). */
const ONE = new Float64Array(1);

/** How the attained value is made from the samples. */
export type Reduction =
  | { type: 'mean' } // 100 × mean of 0..1 values (availability, error_rate with `metric`)
  | { type: 'ratio' } // 100 × Σnumerator / Σtotal
  | { type: 'avg' }
  | { type: 'min' }
  | { type: 'max' }
  | { type: 'percentile'; text: string };

export class PeriodAccumulator {
  readonly start: number;
  readonly end: number;
  /** Some sample of the indicator's metrics lies in the period inside the effective dates. */
  seen = false;
  /** Samples of the counted metric left out, by the first rule that removed them. */
  outsideEffective = 0;
  outsideSchedule = 0;
  inMaintenance = 0;
  /** Eligible samples of the counted metric (the total metric for a ratio). */
  count = 0;
  private sum = 0;
  private sumCompensation = 0;
  private numerator = 0;
  private numeratorCompensation = 0;
  private minimum = Infinity;
  private maximum = -Infinity;
  /** A percentile's values. */
  private values: KeptValues | undefined;
  private result: number | null | undefined;

  constructor(start: number, end: number, keepValues: boolean) {
    this.start = start;
    this.end = end;
    if (keepValues) this.values = new KeptValues();
  }

  /** An eligible value of the counted metric. */
  add(value: number): void {
    ONE[0] = value;
    this.addOf(ONE, 0);
  }

  /** `add(values[row])`: the number read here, not passed to a call (see ObjectiveRun.addRow). */
  addOf(values: Float64Array, row: number): void {
    this.count++;
    // A percentile needs its values and their count alone (not the sum, minimum or maximum).
    const kept = this.values;
    if (kept !== undefined) {
      kept.addOf(values, row);
      return;
    }
    const value = values[row];
    const sum = this.sum;
    const t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) this.sumCompensation += sum - t + value;
    else this.sumCompensation += value - t + sum;
    this.sum = t;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
  }

  /**
   * `count` eligible values of the counted metric that add up to `sum`, as a source that
   * aggregates (a Prometheus server) answers for an interval. Only for reductions that
   * need nothing but the count and the sum (mean, ratio, avg): min, max and percentiles
   * are read value by value.
   */
  addCountAndSum(count: number, sum: number): void {
    if (this.values !== undefined) throw new Error('a percentile needs the values, not their sum');
    this.count += count;
    [this.sum, this.sumCompensation] = addCompensated(this.sum, this.sumCompensation, sum, 0);
  }

  /** An eligible value of a ratio's numerator (good or bad) metric. */
  addNumerator(value: number): void {
    const sum = this.numerator;
    const t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) this.numeratorCompensation += sum - t + value;
    else this.numeratorCompensation += value - t + sum;
    this.numerator = t;
  }

  /** (1.1) `missing down`: 100 × Σvalues / denominator (the larger of the samples and the expected samples). */
  meanOver(denominator: number): number {
    return (100 * (this.sum + this.sumCompensation)) / denominator;
  }

  /** The attained value, or null when there is nothing to compute it from (`no-data`). */
  attained(reduction: Reduction): number | null {
    if (this.result === undefined) this.result = this.compute(reduction);
    return this.result;
  }

  private compute(reduction: Reduction): number | null {
    const n = this.count;
    if (n === 0) return null;
    const total = this.sum + this.sumCompensation;
    switch (reduction.type) {
      case 'mean':
        return (100 * total) / n;
      case 'ratio':
        return total === 0 ? null : (100 * (this.numerator + this.numeratorCompensation)) / total;
      case 'avg':
        return total / n;
      case 'min':
        return this.minimum;
      case 'max':
        return this.maximum;
      case 'percentile': {
        const value = this.values!.select(nearestRank(reduction.text, n) - 1);
        this.values = undefined;
        return value;
      }
    }
  }
  /** Everything accumulated, as plain data (to send from a worker thread); releases the values. */
  exportState(): AccumulatorState {
    return {
      start: this.start,
      end: this.end,
      seen: this.seen,
      outsideEffective: this.outsideEffective,
      outsideSchedule: this.outsideSchedule,
      inMaintenance: this.inMaintenance,
      count: this.count,
      sum: this.sum,
      sumCompensation: this.sumCompensation,
      numerator: this.numerator,
      numeratorCompensation: this.numeratorCompensation,
      minimum: this.minimum,
      maximum: this.maximum,
      values: this.values?.release(),
    };
  }

  /** Adds what another accumulator of the same period gathered. */
  merge(other: AccumulatorState): void {
    this.seen ||= other.seen;
    this.outsideEffective += other.outsideEffective;
    this.outsideSchedule += other.outsideSchedule;
    this.inMaintenance += other.inMaintenance;
    this.count += other.count;
    [this.sum, this.sumCompensation] = addCompensated(this.sum, this.sumCompensation, other.sum, other.sumCompensation);
    [this.numerator, this.numeratorCompensation] = addCompensated(
      this.numerator,
      this.numeratorCompensation,
      other.numerator,
      other.numeratorCompensation,
    );
    if (other.minimum < this.minimum) this.minimum = other.minimum;
    if (other.maximum > this.maximum) this.maximum = other.maximum;
    if (this.values !== undefined && other.values !== undefined) this.values.merge(other.values);
  }

}

/** A PeriodAccumulator as plain data (structured-cloneable; `values` transferable). */
export interface AccumulatorState {
  start: number;
  end: number;
  seen: boolean;
  outsideEffective: number;
  outsideSchedule: number;
  inMaintenance: number;
  count: number;
  sum: number;
  sumCompensation: number;
  numerator: number;
  numeratorCompensation: number;
  minimum: number;
  maximum: number;
  /** A percentile's kept values (blocks transferable). */
  values: KeptValuesState | undefined;
}

/** (sum + compensation) + (other + its compensation), compensated. */
function addCompensated(sum: number, compensation: number, other: number, otherCompensation: number): [number, number] {
  const t = sum + other;
  if (Math.abs(sum) >= Math.abs(other)) compensation += sum - t + other;
  else compensation += other - t + sum;
  return [t, compensation + otherCompensation];
}


/**
 * The 1-based nearest rank ⌈NN/100 × n⌉ (at least 1) for a percentile written `pNN`,
 * computed exactly from the decimal text (0.95 × 20 is 19, not 19.000000000000004).
 */
function nearestRank(percentileText: string, n: number): number {
  const digits = percentileText.replace(/^p/i, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!m) throw new Error(`not a percentile: ${percentileText}`);
  const fraction = m[2] ?? '';
  const numerator = BigInt(m[1] + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  const count = BigInt(n);
  const rank = Number((numerator * count + denominator - 1n) / denominator);
  return Math.min(Math.max(rank, 1), n);
}
