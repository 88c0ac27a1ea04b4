// The error budget of one result, in the indicator's terms, and the downtime it stands for.
// A share target (availability, error rate, ratios: no aggregate, values in %) allows
// 100 − target percentage points of failure (`>=`) or `target` points (`<=`); the result used
// 100 − attained or attained points. For availability read from a 0/1 metric those points
// are a share of the eligible time, so they become minutes.
import { MS_PER_MINUTE } from '../language/calendar';
import type { MetricSource } from '../language/linked';
import type { ObjectiveReport, ResultReport } from '../evaluation/report';
import { targetInAttainedUnit } from '../evaluation/format/labels';
import type { ErrorBudget } from './model';

/** Whether the objective's values are shares of time: availability from a `metric` (0/1 probes or per-interval ratios). */
export function measuresTime(o: ObjectiveReport, source: MetricSource | undefined): boolean {
  return o.kind === 'availability' && source?.type === 'metric';
}

/**
 * `eligibleMs`: the result's eligible time, or null when it cannot be known (an unknown zone or
 * name). A period in progress (`soFar`): minutes allowed over the whole period's eligible time,
 * used over the eligible time measured so far (`soFar.eligibleMs`, up to `soFar.until`).
 */
export function errorBudget(
  o: ObjectiveReport,
  r: ResultReport | undefined,
  source: MetricSource | undefined,
  eligibleMs: number | null,
  soFar?: { eligibleMs: number; until: string },
): ErrorBudget {
  const target = targetInAttainedUnit(o);
  if (o.target.aggregate !== null || o.unit !== '%' || target === null) return { meaningful: false, reason: 'aggregate' };
  if (r === undefined || r.attained === null) return { meaningful: false, reason: 'noData' };
  const higherIsBetter = o.target.op === '>=' || o.target.op === '>';
  let allowed = higherIsBetter ? 100 - target : target;
  let used = higherIsBetter ? 100 - r.attained : r.attained;
  let unit: 'minutes' | 'requestPoints' | 'samplePoints' = source?.type === 'ratio' ? 'requestPoints' : 'samplePoints';
  let usedUntil: string | null = null;
  if (measuresTime(o, source)) {
    if (eligibleMs === null) return { meaningful: false, reason: 'noTime' };
    allowed = ((eligibleMs / MS_PER_MINUTE) * allowed) / 100;
    used = (((soFar?.eligibleMs ?? eligibleMs) / MS_PER_MINUTE) * used) / 100;
    unit = 'minutes';
    usedUntil = soFar?.until ?? null;
  }
  return { meaningful: true, unit, allowed, used, left: allowed - used, usedPercent: allowed > 0 ? (100 * used) / allowed : null, usedUntil };
}

/** Minutes of the eligible time (measured so far, for a period in progress) the failed share stands for; null unless the objective measures time and the result has a value. */
export function downtimeMinutes(o: ObjectiveReport, r: ResultReport | undefined, source: MetricSource | undefined, eligibleMs: number | null): number | null {
  if (!measuresTime(o, source) || r === undefined || r.attained === null || eligibleMs === null) return null;
  return ((eligibleMs / MS_PER_MINUTE) * (100 - r.attained)) / 100;
}
