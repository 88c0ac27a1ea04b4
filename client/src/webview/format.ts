// Display formatting of report values: numbers, quantities, targets, money and instants.
// Returns plain text; callers escape it for HTML.
import type { TargetView } from './reportModel';

const OP_SYMBOL: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** A number with at most `maxFraction` decimals and no trailing zeros. */
export function formatNumber(value: number, maxFraction = 4): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: maxFraction, useGrouping: false });
}

/** `99.9%`, `500 ms`, `12` (no unit). */
export function formatQuantity(value: number, unit: string | null | undefined): string {
  const n = formatNumber(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

export function opSymbol(op: string): string {
  return OP_SYMBOL[op] ?? op;
}

/** The target as a reader says it: `≥ 99.9%`, `p95 ≤ 500 ms`. */
export function formatTarget(target: TargetView): string {
  const aggregate = target.aggregate ? `${target.aggregate} ` : '';
  return `${aggregate}${opSymbol(target.op)} ${formatQuantity(target.value, target.unit)}`;
}

/** `1,200 CNY`; amounts keep at most two decimals. */
export function formatMoney(amount: number, currency: string | null): string {
  const n = amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return currency ? `${n} ${currency}` : n;
}

export interface InstantParts {
  /** `2026-10-01 00:00` (seconds shown only when not zero). */
  local: string;
  /** `+08:00`, or '' when the text is not an RFC 3339 instant. */
  offset: string;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Splits an RFC 3339 instant of the report into the contract-local wall time and its offset. */
export function splitInstant(text: string): InstantParts {
  const m = RFC3339.exec(text);
  if (!m) return { local: text, offset: '' };
  const [, date, hm, sec, frac] = m;
  const seconds = sec && (sec !== '00' || frac) ? `:${sec}${frac ?? ''}` : '';
  return { local: `${date} ${hm}${seconds}`, offset: m[5] === 'Z' ? '+00:00' : m[5] };
}
