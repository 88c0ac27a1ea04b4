// Lists inside messages, worded by the catalogue: "a, b or c" in English, "a、b 或 c" in Chinese.
import type { Messages } from '../l10n/messages';

/** The catalogue lookup of one locale (`messages(locale).t`). */
export type Translate = Messages['t'];

/** The items joined by the locale's list separator. */
export function list(t: Translate, items: readonly string[]): string {
  return items.join(t('list.separator'));
}

/** "a, b or c": the last two joined by the locale's "or"; one item as it is. */
export function orList(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('list.or', { first: list(t, items.slice(0, -1)), second: items[items.length - 1] });
}
