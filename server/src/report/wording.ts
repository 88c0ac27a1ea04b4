// The words both renderers use for the report's facts (plain text; each renderer escapes
// it for its format): statuses, budgets, minutes, time counted, exclusions, credits.
import type { ResultStatus } from '../evaluation/report';
import { STATUS_ID } from '../evaluation/format/common';
import { daysFromCivil, formatDate } from '../language/calendar';
import { formatNumber } from '../language/numberFormat';
import { messages, type Messages } from '../l10n/index';
import type { CreditsSection, ErrorBudget, ExclusionGroup, ExclusionItem, ObjectiveSection, ReportDocument } from './model';

export function wordsFor(document: ReportDocument): Messages {
  return messages(document.locale);
}

export function statusWord(status: ResultStatus, m: Messages): string {
  return m.t(STATUS_ID[status]);
}

export function minutesText(minutes: number, m: Messages): string {
  return m.t('report.doc.unit.minutes', { value: formatNumber(minutes, 2) });
}

export function percentText(value: number): string {
  return `${formatNumber(value, 4)}%`;
}

export function budgetText(o: ObjectiveSection, m: Messages): string {
  const b: ErrorBudget = o.budget;
  if (!b.meaningful) {
    if (b.reason === 'aggregate') return m.t('report.doc.budget.aggregate', { target: o.target });
    return b.reason === 'noData' ? m.t('report.doc.budget.noData') : m.t('report.doc.budget.noTime');
  }
  const amount = (value: number) =>
    b.unit === 'minutes'
      ? minutesText(value, m)
      : m.t(b.unit === 'requestPoints' ? 'report.doc.unit.requestPoints' : 'report.doc.unit.samplePoints', { value: formatNumber(value, 4) });
  const line = budgetLine(b, amount, m);
  return b.usedUntil === null ? line : m.t('report.doc.budget.soFar', { budget: line, until: b.usedUntil });
}

function budgetLine(b: Extract<ErrorBudget, { meaningful: true }>, amount: (value: number) => string, m: Messages): string {
  if (b.usedPercent === null) return m.t('report.doc.budget.nothingAllowed', { used: amount(b.used) });
  const share = `${formatNumber(b.usedPercent, 1)}%`;
  if (b.left < 0) return m.t('report.doc.budget.overspent', { allowed: amount(b.allowed), used: amount(b.used), share, over: amount(-b.left) });
  return m.t('report.doc.budget.line', { allowed: amount(b.allowed), used: amount(b.used), share, left: amount(b.left) });
}

export function downtimeText(o: ObjectiveSection, m: Messages): string {
  return o.downtimeMinutes === null ? m.t('report.doc.downtime.notMeaningful') : minutesText(o.downtimeMinutes, m);
}

export function timeText(o: ObjectiveSection, m: Messages): string | null {
  const t = o.time;
  if (!t) return null;
  const n = (x: number) => formatNumber(x, 2);
  return m.t('report.doc.time.line', {
    period: n(t.periodMinutes),
    eligible: n(t.eligibleMinutes),
    outsideSchedule: n(t.outsideScheduleMinutes),
    maintenance: n(t.maintenanceMinutes),
    outsideEffective: n(t.outsideEffectiveMinutes),
  });
}

export function leftOutText(o: ObjectiveSection, m: Messages): string | null {
  const r = o.result;
  if (!r) return null;
  return m.t('report.doc.leftOut', {
    outsideSchedule: r.leftOut.outsideSchedule,
    maintenance: r.leftOut.inMaintenance,
    outsideEffective: r.leftOut.outsideEffective,
  });
}

export function groupHeading(g: ExclusionGroup, m: Messages): string {
  return g.kind === 'schedule' ? m.t('report.doc.exclusion.schedule', { name: g.name }) : m.t('report.doc.exclusion.maintenance', { name: g.name });
}

export function itemKind(item: ExclusionItem, m: Messages): string {
  switch (item.kind) {
    case 'hours':
      return m.t('report.doc.exclusion.hours');
    case 'holiday':
      return m.t('report.doc.exclusion.holiday');
    case 'workingDate':
      return m.t('report.doc.exclusion.workingDate');
    case 'recurring':
      return m.t('report.doc.exclusion.recurring');
    case 'window':
      return m.t('report.doc.exclusion.window');
  }
}

export function creditTotalText(c: CreditsSection, m: Messages): string {
  if (c.uncapped > c.percent) return m.t('report.doc.credits.capped', { percent: percentText(c.percent), cap: percentText(c.cap), uncapped: percentText(c.uncapped) });
  return m.t('report.doc.credits.total', { percent: percentText(c.percent) });
}

export function amountText(c: CreditsSection): string | null {
  return c.amount === null ? null : `${formatNumber(c.amount, 2)} ${c.currency ?? ''}`.trim();
}

export function claimText(c: CreditsSection, m: Messages): string {
  return c.claimDeadline && c.claimWithin ? m.t('report.doc.credits.claim', { deadline: c.claimDeadline, within: c.claimWithin }) : m.t('report.doc.credits.noClaim');
}

export function summaryText(d: ReportDocument, m: Messages): string {
  return m.t('report.doc.summaryLine', { met: d.totals.met, breached: d.totals.breached, noData: d.totals.noData, insufficient: d.totals.insufficientData });
}

/** A labelled fact; `status` marks the row whose value is a status (HTML colours it). */
export interface FactRow {
  name: string;
  value: string;
  status?: ResultStatus;
}

/** The last local date a span ending at `end` (RFC 3339, exclusive) covers: the day before when it ends at midnight. */
function lastDay(end: string): string {
  const date = end.slice(0, 10);
  if (end.slice(11, 19) !== '00:00:00') return date;
  return formatDate(daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) - 1);
}

/** The report's head: period, version, parties, zone (rows without a value left out). */
export function documentFacts(d: ReportDocument, m: Messages): FactRow[] {
  const rows: [string, string | null][] = [
    [m.t('report.doc.period'), `${d.period.label} (${d.period.start.slice(0, 10)} – ${lastDay(d.period.end)})`],
    [m.t('report.doc.version'), d.version],
    [m.t('report.doc.provider'), d.provider],
    [m.t('report.doc.customer'), d.customer],
    [m.t('report.doc.timezone'), d.timezone],
  ];
  return rows.flatMap(([name, value]) => (value === null ? [] : [{ name, value }]));
}

/** An objective's facts: indicator, window, target, the period's result, budget and downtime. */
export function objectiveFacts(o: ObjectiveSection, m: Messages): FactRow[] {
  const r = o.result;
  const rows: FactRow[] = [
    { name: m.t('report.doc.indicator'), value: `${o.indicator} (${o.kind})` },
    { name: m.t('report.doc.window'), value: o.window },
    { name: m.t('report.doc.target'), value: o.target },
  ];
  if (r) {
    rows.push(
      { name: m.t('report.doc.period'), value: r.period },
      { name: m.t('report.doc.attained'), value: r.attainedText },
      { name: m.t('report.doc.status'), value: statusWord(r.status, m), status: r.status },
      { name: m.t('report.doc.samples'), value: String(r.samples) },
    );
    if (r.coverage !== null) rows.push({ name: m.t('report.doc.coverage'), value: r.coverage });
  }
  rows.push({ name: m.t('report.doc.budget'), value: budgetText(o, m) }, { name: m.t('report.doc.downtime'), value: downtimeText(o, m) });
  return rows;
}

/** The summary table's columns. */
export function summaryColumns(m: Messages): string[] {
  return [m.t('report.doc.objective'), m.t('report.doc.target'), m.t('report.doc.attained'), m.t('report.doc.status'), m.t('report.doc.credits.credit')];
}

/** `Monthly availability (uptime)`, or the name alone. */
export function objectiveHeading(o: ObjectiveSection): string {
  return o.title ? `${o.title} (${o.name})` : o.name;
}

/** The attained value with a unit, for a daily point. */
export function valueText(value: number, unit: string): string {
  const text = formatNumber(value, 4);
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
