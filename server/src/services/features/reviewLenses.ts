// Review code lenses (issue 14, part 4): on `reviewed`, the next review date (`reviewed` plus
// one `review` cadence, LANGUAGE.md §3 SLA505 arithmetic) or that it is overdue, and "Mark
// reviewed today", which sets the date. Only where both `review` and `reviewed` are written:
// a contract without `reviewed` has not opted in to tracking reviews. "Today" is the local
// date in the contract's time zone when the lenses are asked for.
import type { CodeLens, TextEdit } from 'vscode-languageserver-types';
import { CADENCES, type CadenceName } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { addCadence, daysFromCivil, formatDate, type CivilDate } from '../../language/calendar';
import { firstItem } from '../../language/linked';
import { messages, type Locale } from '../../l10n/index';

/** The client command that applies the lens's edit: arguments [document URI, TextEdit]. */
export const MARK_REVIEWED_COMMAND = 'sla.markReviewed';

export function reviewLenses(analysis: Analysis, uri: string, locale: Locale, now: Date = new Date()): CodeLens[] {
  const { t } = messages(locale);
  const lenses: CodeLens[] = [];
  for (const facts of analysis.linked) {
    const review = firstItem(facts.sla.items, 'Review');
    const cadence = review?.cadence?.text;
    if (!review || !isCadence(cadence)) continue;
    const today = localDate(now, facts.zoneName);
    const todayText = isoDate(today);
    const reviewed = facts.reviewedItem;
    const mark = (edit: TextEdit, range: CodeLens['range']): CodeLens => ({
      range,
      command: { title: t('codeLens.markReviewed'), command: MARK_REVIEWED_COMMAND, arguments: [uri, edit] },
    });
    if (!reviewed || !facts.reviewed || !reviewed.date) continue;
    const next = addCadence(facts.reviewed, cadence);
    const overdue = daysOf(today) > daysOf(next);
    const title = overdue ? t('codeLens.reviewOverdue', { date: isoDate(next) }) : t('codeLens.nextReview', { date: isoDate(next) });
    // A label: VS Code shows a lens with an empty command as text.
    lenses.push({ range: reviewed.keyword.range, command: { title, command: '' } });
    if (isoDate(facts.reviewed) !== todayText) lenses.push(mark({ range: reviewed.date.range, newText: todayText }, reviewed.keyword.range));
  }
  return lenses;
}

function isCadence(text: string | undefined): text is CadenceName {
  return (CADENCES as readonly string[]).includes(text as string);
}

const daysOf = (date: CivilDate) => daysFromCivil(date.year, date.month, date.day);
const isoDate = (date: CivilDate) => formatDate(daysOf(date));

/** The local date at `now` in `zone` (UTC when none is written or the zone is unknown: SLA401 says so). */
function localDate(now: Date, zone: string | undefined): CivilDate {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone ?? 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  } catch {
    return localDate(now, 'UTC');
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
