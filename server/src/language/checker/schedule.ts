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
      ? `time range \`${written}\` is empty: its end must be after its start`
      : `time range \`${written}\` ends before it starts: a time range cannot cross midnight; ` +
        `split it into \`${start.text}-24:00\` and \`00:00-${end.text}\` on the next day`;
  ctx.report('SLA400', range.range, message);
}

function checkScheduleLine(line: ScheduleLine, ctx: CheckContext): void {
  for (const range of line.ranges ?? []) checkRange(range, ctx);
}

function checkEvery(every: EveryItem, ctx: CheckContext): void {
  checkRange(every.times, ctx);
}

export const scheduleChecks: CheckTable = { ScheduleLine: [checkScheduleLine], Every: [checkEvery] };
