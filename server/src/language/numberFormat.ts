// How every output words a number: the checker's messages, the text and Markdown reports,
// the code lens and the labels the server sends to the report webview.

/**
 * `value` rounded to at most `maxDecimals` decimals, without trailing zeros: `99.9`, `500`,
 * `0.3` (not `0.30000000000000004`), `0` (not `-0`). Non-finite values as JavaScript writes
 * them. The default keeps every decimal a contract can sensibly hold (the checker's messages
 * quote quantities as written); reports round attained values to 4.
 */
export function formatNumber(value: number, maxDecimals = 12): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(maxDecimals)));
}
