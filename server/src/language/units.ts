// Units of the language (LANGUAGE.md section 2) and how they relate to indicator kinds.
// Shared by the parser (unknown unit words), the checker, hover and the evaluator.
import type { KindName } from './ast';

export type Dimension = 'percent' | 'duration' | 'rate' | 'currency';

/** Milliseconds per duration unit. `d` and `w` are fixed lengths (24 h, 7 d). */
export const DURATION_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Requests per second per rate unit. */
export const RATE_RPS: Readonly<Record<string, number>> = { rps: 1, rpm: 1 / 60 };

/** Every unit word (not `%`, not currencies). */
export const UNIT_WORDS: readonly string[] = [...Object.keys(DURATION_MS), ...Object.keys(RATE_RPS)];

export function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

export function isUnit(unit: string): boolean {
  return dimensionOf(unit) !== undefined;
}

export function dimensionOf(unit: string | undefined): Dimension | undefined {
  if (unit === undefined) return undefined;
  if (unit === '%') return 'percent';
  if (unit in DURATION_MS) return 'duration';
  if (unit in RATE_RPS) return 'rate';
  if (isCurrency(unit)) return 'currency';
  return undefined;
}

/** The dimension an indicator kind is measured in. */
export function dimensionOfKind(kind: KindName): Dimension {
  switch (kind) {
    case 'availability':
    case 'error_rate':
      return 'percent';
    case 'throughput':
      return 'rate';
    default:
      return 'duration';
  }
}

/** The unit an indicator's values are in when it declares no `unit` (LANGUAGE.md 5). */
export function defaultUnitOfKind(kind: KindName): string {
  switch (kind) {
    case 'availability':
    case 'error_rate':
      return '%';
    case 'latency':
    case 'response_time':
      return 'ms';
    case 'recovery_time':
    case 'resolution_time':
      return 'min';
    case 'throughput':
      return 'rps';
  }
}

/** Units that may be written for a kind, in the order completion offers them. */
export function unitsForKind(kind: KindName): string[] {
  switch (dimensionOfKind(kind)) {
    case 'percent':
      return ['%'];
    case 'rate':
      return Object.keys(RATE_RPS);
    default:
      return Object.keys(DURATION_MS);
  }
}

/** Converts `value` from unit `from` to unit `to` of the same dimension; undefined if they differ. */
export function convert(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  if (from in DURATION_MS && to in DURATION_MS) return (value * DURATION_MS[from]) / DURATION_MS[to];
  if (from in RATE_RPS && to in RATE_RPS) return (value * RATE_RPS[from]) / RATE_RPS[to];
  return undefined;
}

/** A duration quantity in milliseconds, or undefined when the unit is not a duration. */
export function durationMs(value: number, unit: string | undefined): number | undefined {
  return unit !== undefined && unit in DURATION_MS ? value * DURATION_MS[unit] : undefined;
}

/** Relative tolerance under which two numbers are equal (LANGUAGE.md 5). */
const TOLERANCE = 1e-9;

export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
