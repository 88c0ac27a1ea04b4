// Builds the report of one period from an evaluation (with `explain`, for the tiers and the
// samples left out), the same contract evaluated per day (EvaluateOptions.daily: the daily
// series) and the contract's linked facts (parties, exclusions and their comments, claim
// period). Everything a renderer shows is decided here.
import type { Analysis } from '../language/analyze';
import { MS_PER_DAY, MS_PER_MINUTE, formatDate, formatLocal } from '../language/calendar';
import { firstItem, type ObjectiveFacts, type SlaFacts } from '../language/linked';
import { formatNumber } from '../language/numberFormat';
import { durationMs } from '../language/units';
import { EvaluationError } from '../evaluation/errors';
import { attainedText, coverageText, periodLabel, reportLabels, targetInAttainedUnit, targetText, type ObjectiveLabels } from '../evaluation/format/labels';
import type { CreditReport, ObjectiveReport, Report, ResultReport } from '../evaluation/report';
import { horizonOf, type MeasuredTime } from '../evaluation/evaluate';
import { ZoneRules } from '../evaluation/timezone';
import { messages, type Locale } from '../l10n/index';
import { spanTimes } from '../services/support/eligibleTime';
import { downtimeMinutes, errorBudget } from './budget';
import { ContractComments } from './comments';
import { exclusionsOf, type PeriodBounds } from './exclusions';
import type { CreditsSection, DailyPoint, ObjectiveSection, PeriodTimeSection, ReportDocument, ReportPeriod, SectionResult } from './model';

export interface BuildOptions {
  /** The period to report, as outputs label it (`2026-10`); default: the latest calendar period in the data. */
  period?: string;
  locale?: Locale;
  /** Where the evaluation's measured time ended: a period in progress has its budget used so far. */
  measured?: MeasuredTime;
}

export function buildReportDocument(analysis: Analysis, report: Report, daily: Report, options: BuildOptions = {}): ReportDocument {
  const facts = analysis.linked.find((l) => (l.sla.name?.text ?? '') === report.sla) ?? analysis.linked[0];
  const zone = ZoneRules.of(report.timezone) ?? ZoneRules.utc;
  const period = choosePeriod(report, options);
  const bounds: PeriodBounds = { start: Date.parse(period.start), end: Date.parse(period.end) };
  const comments = new ContractComments(analysis.text, analysis.parse.comments);
  const labels = reportLabels(report).objectives;
  const objectives = report.objectives.map((o, i) => {
    const objectiveFacts = [...facts.objectives.values()].find((f) => f.node.name?.text === o.name);
    const dailyReport = daily.objectives.find((d) => d.name === o.name);
    return objectiveSection(o, labels[i], resultFor(o, bounds), dailyReport, objectiveFacts, facts, zone, analysis.text, comments, options.measured);
  });
  const statuses = objectives.flatMap((o) => (o.result ? [o.result.status] : []));
  return {
    locale: options.locale ?? 'en',
    sla: report.sla,
    title: report.title ?? null,
    version: report.version,
    provider: firstItem(facts.sla.items, 'Provider')?.value?.value ?? null,
    customer: firstItem(facts.sla.items, 'Customer')?.value?.value ?? null,
    timezone: report.timezone,
    period,
    objectives,
    credits: creditsSection(report, objectives, facts, bounds, zone, options.locale),
    warnings: [...report.warnings],
    totals: {
      met: statuses.filter((s) => s === 'met').length,
      breached: statuses.filter((s) => s === 'breached').length,
      noData: statuses.filter((s) => s === 'no-data').length,
      insufficientData: statuses.filter((s) => s === 'insufficient-data').length,
    },
  };
}

/** The calendar periods of the data by label (labels name their period: `2026-10`, `2026-Q4`), each with its span. */
function calendarPeriods(report: Report): Map<string, ReportPeriod> {
  const periods = new Map<string, ReportPeriod>();
  for (const o of report.objectives) {
    if (!o.window.startsWith('calendar ')) continue;
    for (const r of o.results) {
      const label = periodLabel(o.window, r.start, r.end);
      if (!periods.has(label)) periods.set(label, { label, start: r.start, end: r.end });
    }
  }
  return periods;
}

/** `--period`, or the latest calendar period (the shortest of those starting last); a rolling window when the contract has only those. */
function choosePeriod(report: Report, options: BuildOptions): ReportPeriod {
  const { t } = messages(options.locale);
  const periods = calendarPeriods(report);
  if (options.period !== undefined) {
    const wanted = periods.get(options.period.trim());
    if (wanted) return wanted;
    const known = [...periods.keys()].sort();
    throw new EvaluationError(
      known.length > 0 ? t('report.doc.unknownPeriod', { period: options.period, periods: known.join(', ') }) : t('report.doc.noCalendarPeriod', { period: options.period }),
    );
  }
  const latest = [...periods.values()].sort((a, b) => Date.parse(b.start) - Date.parse(a.start) || Date.parse(a.end) - Date.parse(b.end))[0];
  if (latest) return latest;
  for (const o of report.objectives) {
    const r = o.results[0];
    if (r && r.samples > 0) return { label: periodLabel(o.window, r.start, r.end), start: r.start, end: r.end };
  }
  throw new EvaluationError(t('report.doc.noPeriod'));
}

/** The objective's result for the period: the calendar period holding its start, or the rolling window. */
function resultFor(o: ObjectiveReport, bounds: PeriodBounds): ResultReport | undefined {
  if (!o.window.startsWith('calendar ')) return o.results[0];
  return o.results.find((r) => Date.parse(r.start) <= bounds.start && bounds.start < Date.parse(r.end));
}

function objectiveSection(
  o: ObjectiveReport,
  labels: ObjectiveLabels,
  r: ResultReport | undefined,
  daily: ObjectiveReport | undefined,
  facts: ObjectiveFacts | undefined,
  sla: SlaFacts,
  zone: ZoneRules,
  text: string,
  comments: ContractComments,
  measured: MeasuredTime | undefined,
): ObjectiveSection {
  const span = r ? { start: Date.parse(r.start), end: Date.parse(r.end) } : undefined;
  const rules = facts && span ? spanTimes(sla, facts) : undefined;
  const times = rules && span ? rules.between(span.start, span.end) : undefined;
  const time: PeriodTimeSection | null = times
    ? {
        periodMinutes: times.totalMs / MS_PER_MINUTE,
        eligibleMinutes: times.eligibleMs / MS_PER_MINUTE,
        maintenanceMinutes: times.maintenanceMs / MS_PER_MINUTE,
        outsideEffectiveMinutes: times.outsideEffectiveMs / MS_PER_MINUTE,
        outsideScheduleMinutes: (times.totalMs - times.eligibleMs - times.maintenanceMs - times.outsideEffectiveMs) / MS_PER_MINUTE,
      }
    : null;
  const eligibleMs = times?.eligibleMs ?? null;
  // A period in progress: downtime and budget used are those of the eligible time measured so far.
  const until = r && span ? measuredUntil(r, span, facts, measured) : undefined;
  const soFar = rules && span && until !== undefined ? { eligibleMs: rules.between(span.start, until).eligibleMs, until: lastMoment(until, zone) } : undefined;
  return {
    name: o.name,
    title: o.title,
    indicator: o.indicator,
    kind: o.kind,
    window: o.window,
    target: targetText(o),
    unit: o.unit,
    targetInUnit: targetInAttainedUnit(o),
    targetLine: labels.targetLine,
    result: r ? sectionResult(o, r) : null,
    daily: span ? dailyPoints(daily, span, zone) : [],
    budget: errorBudget(o, r, facts?.source, eligibleMs, soFar),
    downtimeMinutes: downtimeMinutes(o, r, facts?.source, soFar?.eligibleMs ?? eligibleMs),
    time,
    exclusions: facts && span ? exclusionsOf(facts, span, zone, text, comments) : [],
  };
}

/**
 * Where a partial result was measured to (inside its period): a server's end (--to, never past
 * now), else, under `every`, the latest sample plus `every` (the evaluator's horizon);
 * undefined for a complete result.
 */
function measuredUntil(r: ResultReport, span: PeriodBounds, facts: ObjectiveFacts | undefined, measured: MeasuredTime | undefined): number | undefined {
  if (!r.partial || !measured) return undefined;
  if (measured.serverEnd === null && facts?.everyMs === undefined) return undefined;
  const until = horizonOf(measured, facts?.everyMs ?? 0);
  return until > span.start && until < span.end ? until : undefined;
}

function sectionResult(o: ObjectiveReport, r: ResultReport): SectionResult {
  const tier = r.explain?.tier;
  return {
    period: periodLabel(o.window, r.start, r.end),
    start: r.start,
    end: r.end,
    samples: r.samples,
    attained: r.attained,
    attainedText: attainedText(o, r),
    status: r.status,
    coverage: coverageText(r),
    partial: r.partial === true,
    credit: r.credit,
    tier: tier ? `${tier.direction} ${tier.threshold}${tier.unit ?? ''}` : null,
    leftOut: {
      outsideEffective: r.explain?.outsideEffective ?? 0,
      outsideSchedule: r.explain?.outsideSchedule ?? 0,
      inMaintenance: r.explain?.inMaintenance ?? 0,
    },
  };
}

/** One point per local day of [start, end): the day's result from the per-day evaluation, or no data. */
function dailyPoints(daily: ObjectiveReport | undefined, span: PeriodBounds, zone: ZoneRules): DailyPoint[] {
  const byDate = new Map((daily?.results ?? []).map((d) => [d.start.slice(0, 10), d]));
  const points: DailyPoint[] = [];
  for (let day = Math.floor(zone.toLocal(span.start) / MS_PER_DAY); zone.startOfDay(day) < span.end; day++) {
    const date = formatDate(day);
    const result = byDate.get(date);
    points.push({ date, value: result?.attained ?? null, status: result?.status ?? 'no-data' });
  }
  return points;
}

function creditsSection(report: Report, objectives: ObjectiveSection[], facts: SlaFacts, bounds: PeriodBounds, zone: ZoneRules, locale: Locale | undefined): CreditsSection {
  const { t } = messages(locale);
  const interval: CreditReport | undefined = report.credits.find((c) => Date.parse(c.start) <= bounds.start && bounds.start < Date.parse(c.end));
  const fee = facts.fee;
  const credits = facts.credits;
  const claim = credits ? firstItem(credits.items, 'Claim')?.duration : undefined;
  const claimMs = claim ? durationMs(claim.value, claim.unit) : undefined;
  const end = interval ? Date.parse(interval.end) : bounds.end;
  return {
    owed: objectives.flatMap((o) => (o.result && o.result.credit > 0 ? [{ objective: o.name, title: o.title, tier: o.result.tier, percent: o.result.credit }] : [])),
    percent: interval?.percent ?? 0,
    uncapped: interval?.uncapped ?? 0,
    cap: interval?.cap ?? facts.cap ?? 100,
    amount: interval ? interval.amount : null,
    currency: interval?.currency ?? fee?.currency ?? null,
    fee: fee ? t('report.doc.feeAmount', { amount: formatNumber(fee.amount), currency: fee.currency, period: t(`hover.period.${fee.period}`) }) : null,
    claimWithin: claim ? `${formatNumber(claim.value)}${claim.unit ?? ''}` : null,
    claimDeadline: claimMs !== undefined ? lastMoment(end + claimMs, zone) : null,
    remedies: credits ? credits.items.flatMap((i) => (i.type === 'Remedy' && i.value ? [i.value.value] : [])) : [],
  };
}

/** The local time a claim period ends, `2026-11-30 24:00` for one that ends at midnight (the whole day counts). */
function lastMoment(utc: number, zone: ZoneRules): string {
  const local = zone.toLocal(utc);
  if (local % MS_PER_DAY === 0) return `${formatDate(local / MS_PER_DAY - 1)} 24:00`;
  return formatLocal(local).slice(0, 16).replace('T', ' ');
}
