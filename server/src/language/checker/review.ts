// (1.1) SLA505: the contract's review is overdue: "today" (the local date in the contract's
// zone, or `sla check --today`) is after `reviewed` plus one `review` cadence, added as
// calendar days, weeks, months (monthly 1, quarterly 3) or years, clamped to a month's last day.
import type { CadenceName, ReviewedItem } from '../ast';
import { civilFromDays, daysFromCivil, daysInMonth, formatDate, type CivilDate } from '../calendar';
import type { CheckContext } from './context';
import type { CheckTable } from './registry';
import { localDateIn } from './zones';

/** The day number of `date` plus one cadence (LANGUAGE.md 3). */
export function nextReview(date: CivilDate, cadence: CadenceName): number {
  const day = daysFromCivil(date.year, date.month, date.day);
  if (cadence === 'daily') return day + 1;
  if (cadence === 'weekly') return day + 7;
  const months = cadence === 'monthly' ? 1 : cadence === 'quarterly' ? 3 : 12;
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return daysFromCivil(year, month, Math.min(date.day, daysInMonth(year, month)));
}

/** "Today" for the contract: as given, else the local date of now in its zone (UTC for an unknown zone). */
function today(ctx: CheckContext): CivilDate {
  const { today: given, now = Date.now() } = ctx.options;
  if (given) return given;
  return localDateIn(ctx.linked.zoneName ?? 'UTC', now) ?? civilFromDays(Math.floor(now / 86_400_000));
}

function checkReviewOverdue(item: ReviewedItem, ctx: CheckContext): void {
  const date = item.date;
  if (!date?.valid || ctx.linked.reviewedItem !== item) return;
  const cadence = (ctx.sla.items ?? []).find((i) => i?.type === 'Review')?.cadence?.text;
  if (!cadence || !['daily', 'weekly', 'monthly', 'quarterly', 'yearly'].includes(cadence)) return;
  const due = nextReview(date, cadence as CadenceName);
  const now = today(ctx);
  const todayDay = daysFromCivil(now.year, now.month, now.day);
  if (todayDay <= due) return;
  const todayText = formatDate(todayDay);
  ctx.report('SLA505', item.range, ctx.t('check.sla505', { reviewed: date.text, cadence, due: formatDate(due), today: todayText }), {
    today: todayText,
  });
}

export const reviewChecks: CheckTable = { Reviewed: [checkReviewOverdue] };
