// Display formatting in the report webview of what the server does not word for it: chart
// ticks, counts, percentages, money and instants, through the platform's Intl. Periods,
// targets and attained values arrive worded by the server (`sla/evaluate`'s labels), as
// every other output words them. Returns plain text; callers escape it for HTML.

/** A number the webview shows on its own (a chart tick, a count): at most `maxFraction` decimals, no grouping. */
export function displayNumber(value: number, maxFraction = 4): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: maxFraction, useGrouping: false });
}

/** `99.9%`, `500 ms`, `12` (no unit). */
export function displayQuantity(value: number, unit: string | null | undefined): string {
  const n = displayNumber(value);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
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
