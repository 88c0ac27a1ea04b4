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
  const message = isOffset
    ? `\`${value.value}\` is a fixed offset, not a time zone: use an IANA zone name such as "Asia/Shanghai" or "UTC"`
    : suggestion
      ? `unknown time zone "${value.value}"; did you mean "${suggestion}"?`
      : `unknown time zone "${value.value}": use an IANA zone name such as "Europe/Berlin", "Asia/Shanghai" or "UTC"`;
  ctx.report('SLA401', value.range, message, suggestion ? { suggestion } : undefined);
}

function dayNumber(date: DateLiteral): number {
  return daysFromCivil(date.year, date.month, date.day);
}

function checkEffective(item: EffectiveItem, ctx: CheckContext): void {
  const { start, end } = item;
  if (!start?.valid || !end?.valid || dayNumber(end) >= dayNumber(start)) return;
  ctx.report(
    'SLA402',
    end.range,
    `the contract ends on ${end.text}, before it starts on ${start.text}: swap the dates or correct the end`,
  );
}

function checkCompleteness(sla: Sla, ctx: CheckContext): void {
  if (ctx.incomplete(sla)) return;
  const range = blockNameRange(sla);
  const name = sla.name?.text ?? '';
  const has = (type: string) => (sla.items ?? []).some((i) => i?.type === type);
  const hasObjectives = has('Objective');

  const missingParties = (['provider', 'customer'] as const).filter((party) => !has(party === 'provider' ? 'Provider' : 'Customer'));
  if (missingParties.length > 0) {
    const names = missingParties.map((p) => `\`${p}\``).join(' and no ');
    const lines = missingParties.map((p) => `\`${p} "…"\``).join(' and ');
    ctx.report('SLA500', range, `sla \`${name}\` names no ${names}: add ${lines} so the parties are on record`);
  }
  if (!has('Version')) ctx.report('SLA501', range, `sla \`${name}\` has no \`version\`: add a line like \`version "1.0"\``);
  if (hasObjectives && !has('Reporting')) {
    ctx.report(
      'SLA502',
      range,
      `sla \`${name}\` has no \`reporting\` clause, so nobody reports on its targets: add a line like \`reporting monthly to "…"\``,
    );
  }
  if (!has('Review')) ctx.report('SLA503', range, `sla \`${name}\` has no \`review\` cadence: add a line like \`review quarterly\``);
  if (!hasObjectives) {
    ctx.report('SLA504', range, `sla \`${name}\` has no objectives: add an \`objective\` with an indicator, a target and a window`);
  }
}

export const slaChecks: CheckTable = {
  Sla: [checkCompleteness],
  Timezone: [checkTimezone],
  Effective: [checkEffective],
};
