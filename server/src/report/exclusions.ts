// What left time out of an objective's period, as the contract words it: the `during`
// schedule's hours, its holidays and make-up working dates (`on`) that fall in the period,
// the `excluding` maintenance windows' recurring lines and the one-off windows that touch
// the period, each with the contract's comment as the reason.
import type { Span } from '../language/ast';
import { daysFromCivil, localMs } from '../language/calendar';
import type { ObjectiveFacts } from '../language/linked';
import type { ZoneRules } from '../evaluation/timezone';
import type { ContractComments } from './comments';
import type { ExclusionGroup, ExclusionItem } from './model';

/** The period [start, end) as UTC instants. */
export interface PeriodBounds {
  start: number;
  end: number;
}

export function exclusionsOf(facts: ObjectiveFacts, bounds: PeriodBounds, zone: ZoneRules, text: string, comments: ContractComments): ExclusionGroup[] {
  const written = (from: Span, to: Span = from) => text.slice(from.offset, to.endOffset).replace(/\s+/g, ' ');
  const inPeriod = (year: number, month: number, day: number) => {
    const t = zone.startOfDay(daysFromCivil(year, month, day));
    return t >= bounds.start && t < bounds.end;
  };
  const groups: ExclusionGroup[] = [];
  const schedule = facts.during;
  if (schedule) {
    const items: ExclusionItem[] = [];
    for (const item of schedule.node.items) {
      if (item.type === 'ScheduleLine') {
        items.push({ kind: 'hours', written: written(item), comment: comments.onLine(item) });
      } else if (item.type === 'Holidays') {
        for (const date of item.dates) {
          if (date.valid && inPeriod(date.year, date.month, date.day)) items.push({ kind: 'holiday', written: date.text, comment: comments.onLine(date) });
        }
      } else if (item.type === 'ScheduleOn' && item.ranges.length > 0) {
        const hours = written(item.ranges[0], item.ranges[item.ranges.length - 1]);
        for (const date of item.dates) {
          if (date.valid && inPeriod(date.year, date.month, date.day)) items.push({ kind: 'workingDate', written: `${date.text} ${hours}`, comment: comments.onLine(item) });
        }
      }
    }
    groups.push({ kind: 'schedule', name: schedule.name, comment: comments.above(schedule.node), items });
  }
  for (const excluded of facts.excluding) {
    const maintenance = excluded.maintenance;
    if (!maintenance) continue;
    const items: ExclusionItem[] = [];
    for (const item of maintenance.node.items) {
      if (item.type === 'Every') items.push({ kind: 'recurring', written: written(item), comment: comments.onLine(item) });
    }
    for (const window of maintenance.windows) {
      const at = window.at;
      const local = localMs(at.year, at.month, at.day, at.hour, at.minute, at.second);
      const start = at.offsetMinutes === undefined ? zone.toUtc(local) : local - at.offsetMinutes * 60_000;
      if (start < bounds.end && start + window.durationMs > bounds.start) {
        const item = maintenance.node.items.find((i) => i.type === 'On' && i.at === at) ?? at;
        items.push({ kind: 'window', written: written(item), comment: comments.onLine(item) });
      }
    }
    groups.push({ kind: 'maintenance', name: maintenance.name, comment: comments.above(maintenance.node), items });
  }
  return groups;
}
