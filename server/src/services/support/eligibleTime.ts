// The eligible time of an objective's calendar periods as the evaluator counts it: the
// evaluator's own eligibility rules and UTC segments (effective dates, `during`, holidays,
// `excluding` maintenance, daylight saving), so a hover's error budget and an evaluation
// cannot disagree about how long a period is.
import type { PeriodName } from '../../language/ast';
import { civilFromDays, daysFromCivil, MS_PER_DAY } from '../../language/calendar';
import type { ObjectiveFacts, SlaFacts } from '../../language/linked';
import { ELIGIBLE, Eligibility, IN_MAINTENANCE, OUTSIDE_EFFECTIVE, type MaintenanceRules } from '../../evaluation/eligibility';
import { effectiveBounds, maintenanceRules, scheduleRules } from '../../evaluation/model';
import { CalendarPeriods } from '../../evaluation/periods';
import { ZoneRules } from '../../evaluation/timezone';
import { messages, type Messages } from '../../l10n/messages';
import type { Locale } from '../../l10n/locale';
import { periodLabel } from './periodLabels';

/** One calendar period and how its time is counted, in milliseconds. */
export interface PeriodTime {
  label: string;
  /** The period's whole span (real time: a month with a daylight-saving change is an hour shorter or longer). */
  totalMs: number;
  /** Time that counts: inside `effective` and `during`, outside every `excluding` window. */
  eligibleMs: number;
  /** Time inside `effective` and `during` that maintenance leaves out. */
  maintenanceMs: number;
  /** Time outside the `effective` dates. */
  outsideEffectiveMs: number;
}

/** The periods of an objective, located by a local year and month (1–12) in the contract's zone. */
export type PeriodTimes = (year: number, month: number) => PeriodTime;

/**
 * The eligible time of the objective's periods, or undefined when it cannot be known: an
 * unknown zone, an unresolved `during` or `excluding` name, no calendar window.
 */
export function periodTimes(sla: SlaFacts, facts: ObjectiveFacts, locale?: Locale): PeriodTimes | undefined {
  const text = messages(locale);
  const window = facts.windowFacts;
  const timeOf = spanTimes(sla, facts);
  if (window?.form !== 'calendar' || !timeOf) return undefined;
  const zone = timeOf.zone;
  const periods = new CalendarPeriods(zone, window.period);
  return (year, month) => {
    const firstDay = daysFromCivil(year, month, 1);
    const start = periods.locate(zone.startOfDay(firstDay));
    return { label: label(window.period, zone.toLocal(start), text), ...timeOf.between(start, periods.end) };
  };
}

/**
 * How the time of any span [start, end) (UTC instants) counts for the objective, with the
 * evaluator's rules; undefined when they cannot be known (an unknown zone, an unresolved
 * `during` or `excluding` name). The report's downtime minutes use it.
 */
export function spanTimes(sla: SlaFacts, facts: ObjectiveFacts): { zone: ZoneRules; between(start: number, end: number): Omit<PeriodTime, 'label'> } | undefined {
  const zone = ZoneRules.of(sla.zoneName ?? 'UTC');
  if (!zone) return undefined;
  if (facts.duringName !== undefined && !facts.during) return undefined;
  const maintenance: MaintenanceRules[] = [];
  for (const excluded of facts.excluding) {
    if (!excluded.maintenance) return undefined;
    maintenance.push(maintenanceRules(excluded.maintenance, zone));
  }
  const eligibility = new Eligibility({
    zone,
    ...effectiveBounds(sla, zone),
    schedule: facts.during && scheduleRules(facts.during),
    maintenance,
  });
  return {
    zone,
    between(start, end) {
      const time = { totalMs: end - start, eligibleMs: 0, maintenanceMs: 0, outsideEffectiveMs: 0 };
      for (const segment of eligibility.segments(start, end)) {
        const length = segment.end - segment.start;
        if (segment.cls === ELIGIBLE) time.eligibleMs += length;
        else if (segment.cls === IN_MAINTENANCE) time.maintenanceMs += length;
        else if (segment.cls === OUTSIDE_EFFECTIVE) time.outsideEffectiveMs += length;
      }
      return time;
    },
  };
}

/** `September 2026`, `Q3 2026`, `2026`, `the week from 2026-08-31`, `2026-09-01` (in the user's language). */
function label(period: PeriodName, localStart: number, text: Messages): string {
  const { year, month, day } = civilFromDays(Math.floor(localStart / MS_PER_DAY));
  return periodLabel(period, year, month, day, text);
}
