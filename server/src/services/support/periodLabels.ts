// Periods in words, in the user's language: as a noun (`month`, `月`), an adjective (`monthly`,
// `月度`) and the label of one period (`September 2026`, `2026年9月`). Shared by the budgets
// and the eligible time of hovers.
import type { PeriodName } from '../../language/ast';
import { daysFromCivil, formatDate } from '../../language/calendar';
import type { Messages } from '../../l10n/messages';
import type { Locale } from '../../l10n/locale';

/** `monthly` / `月度`: a period as an adjective (`the monthly fee`). */
export function periodAdjective(period: PeriodName, { t }: Messages): string {
  return t(`hover.periodAdjective.${period}`);
}

/** `day` / `日`: a period as a noun (`per calendar month`, `自然月`). */
export function periodNoun(period: PeriodName, { t }: Messages): string {
  return t(`hover.period.${period}`);
}

const MONTH_FORMATS = new Map<Locale, Intl.DateTimeFormat>();

/** `September 2026`, `2026年9月`: the platform's own month-and-year form of each language. */
function monthFormat(locale: Locale): Intl.DateTimeFormat {
  let format = MONTH_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    MONTH_FORMATS.set(locale, format);
  }
  return format;
}

/** `September 2026`, `Q3 2026`, `2026`, `the week from 2026-08-31`, `2026-09-01` (in Chinese `2026年9月`, …): the period starting on a local date. */
export function periodLabel(period: PeriodName, year: number, month: number, day: number, { t, locale }: Messages): string {
  switch (period) {
    case 'month':
      return monthFormat(locale).format(Date.UTC(year, month - 1, 1));
    case 'quarter':
      return t('hover.label.quarter', { quarter: Math.floor((month - 1) / 3) + 1, year });
    case 'year':
      return t('hover.label.year', { year });
    case 'week':
      return t('hover.label.week', { date: formatDate(daysFromCivil(year, month, day)) });
    case 'day':
      return formatDate(daysFromCivil(year, month, day));
  }
}
