// The words of the report page. The page is built without `vscode` (unit-tested), so the
// panel passes a translator: `vscode.l10n.t`, which looks the English text up in
// l10n/bundle.l10n.<language>.json. Tests and the default use English. Periods, targets and
// attained values are not words of the page: the server sends them in its locale (labels).
import type { PeriodStatus } from './reportModel';

/** An English text of the page in the user's language, `{name}` placeholders filled. */
export type Translate = (message: string, params?: Record<string, string | number>) => string;

/** The English page: the texts as written, placeholders filled. */
export const english: Translate = (message, params) =>
  params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole)) : message;

/** A period's status in words, as the table and the chart's tooltips show it. */
export function statusWord(status: PeriodStatus, t: Translate): string {
  switch (status) {
    case 'met':
      return t('met');
    case 'breached':
      return t('breached');
    case 'no-data':
      return t('no data');
    case 'insufficient-data':
      return t('insufficient data');
  }
}
