// The sla header: SLA401 (unknown time zone), SLA402 (effective dates in the wrong order)
// and the clauses a complete contract has: SLA500–SLA504.
import type { DateLiteral, EffectiveItem, Sla, TimezoneItem } from '../ast';
import { daysFromCivil } from '../calendar';
import { suggest } from '../suggest';
import type { CheckContext } from './context';
import { blockNameRange } from './describe';
import type { CheckTable } from './registry';
import { isKnownTimeZone, zoneNames } from './zones';

function checkTimezone(item: TimezoneItem, ctx: CheckContext): void {
  const value = item.value;
  if (!value?.valid || isKnownTimeZone(value.value)) return;
  const isOffset = /^[+-]\d/.test(value.value);
  const suggestion = isOffset ? undefined : suggest(value.value, zoneNames());
  const zone = value.value;
  const message = isOffset
    ? ctx.t('check.sla401.offset', { zone })
    : suggestion
      ? ctx.t('check.sla401.suggest', { zone, suggestion })
      : ctx.t('check.sla401.unknown', { zone });
  ctx.report('SLA401', value.range, message, suggestion ? { suggestion } : undefined);
}

function dayNumber(date: DateLiteral): number {
  return daysFromCivil(date.year, date.month, date.day);
}

function checkEffective(item: EffectiveItem, ctx: CheckContext): void {
  const { start, end } = item;
  if (!start?.valid || !end?.valid || dayNumber(end) >= dayNumber(start)) return;
  ctx.report('SLA402', end.range, ctx.t('check.sla402', { end: end.text, start: start.text }));
}

function checkCompleteness(sla: Sla, ctx: CheckContext): void {
  if (ctx.incomplete(sla)) return;
  const range = blockNameRange(sla);
  const name = sla.name?.text ?? '';
  // One pass over the items, not one per clause asked about; the six types compared rather
  // than every item's type added to a set (a hash each, 57,000 items at 200,000 lines: issue 15).
  let hasObjectives = false;
  let hasProvider = false;
  let hasCustomer = false;
  let hasVersion = false;
  let hasReporting = false;
  let hasReview = false;
  const items = sla.items ?? [];
  for (let i = 0; i < items.length; i++) {
    // indexed: no iterator result per item, cold
    switch (items[i]?.type) {
      case 'Objective':
        hasObjectives = true;
        break;
      case 'Provider':
        hasProvider = true;
        break;
      case 'Customer':
        hasCustomer = true;
        break;
      case 'Version':
        hasVersion = true;
        break;
      case 'Reporting':
        hasReporting = true;
        break;
      case 'Review':
        hasReview = true;
        break;
    }
  }

  const noProvider = !hasProvider;
  const noCustomer = !hasCustomer;
  if (noProvider || noCustomer) {
    ctx.report('SLA500', range, ctx.t(noProvider && noCustomer ? 'check.sla500.both' : noProvider ? 'check.sla500.provider' : 'check.sla500.customer', { name }));
  }
  if (!hasVersion) ctx.report('SLA501', range, ctx.t('check.sla501', { name }));
  if (hasObjectives && !hasReporting) ctx.report('SLA502', range, ctx.t('check.sla502', { name }));
  if (!hasReview) ctx.report('SLA503', range, ctx.t('check.sla503', { name }));
  if (!hasObjectives) ctx.report('SLA504', range, ctx.t('check.sla504', { name }));
}

export const slaChecks: CheckTable = {
  Sla: [checkCompleteness],
  Timezone: [checkTimezone],
  Effective: [checkEffective],
};
