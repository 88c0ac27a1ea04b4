// SLA400: a time range in a schedule or a maintenance window whose end is not after its
// start. Ranges do not wrap past midnight (day ranges do): `24:00` is the end of a day.
import type { EveryItem, ScheduleLine, TimeRange } from '../ast';
import type { CheckContext } from './context';
import type { CheckTable } from './registry';

function checkRange(range: TimeRange | undefined, ctx: CheckContext): void {
  const { start, end } = range ?? {};
  if (!range || !start?.valid || !end?.valid) return;
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  if (to > from) return;
  const written = `${start.text}-${end.text}`;
  const message =
    to === from
      ? ctx.t('check.sla400.empty', { range: written })
      : ctx.t('check.sla400.midnight', { range: written, start: start.text, end: end.text });
  ctx.report('SLA400', range.range, message);
}

function checkScheduleLine(line: ScheduleLine, ctx: CheckContext): void {
  for (const range of line.ranges ?? []) checkRange(range, ctx);
}

function checkEvery(every: EveryItem, ctx: CheckContext): void {
  checkRange(every.times, ctx);
}

export const scheduleChecks: CheckTable = { ScheduleLine: [checkScheduleLine], Every: [checkEvery] };
