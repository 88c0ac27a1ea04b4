// `sla export prometheus-rules`: each objective whose indicator PromQL can compute becomes
// recording rules for its error ratio over the alert windows, and multi-window
// multi-burn-rate alerts (Google SRE workbook, "Alerting on SLOs"), read from the linked
// facts: the one reading of the contract. Plain data; rulesYaml.ts writes the file.
//
// The error ratio is the share of the error budget's unit that went wrong: 1 − good share
// for availability and `ratio good`, the bad share for error rates and `ratio bad`, the
// share of requests slower than the target for a latency percentile (histogram buckets).
import type { KindName, Quantity } from '../language/ast';
import { firstItem, tierMildness, type ObjectiveFacts, type SlaFacts } from '../language/linked';
import { formatNumber } from '../language/numberFormat';
import { DURATION_MS } from '../language/units';
import { ZoneRules } from '../evaluation/timezone';
import { messages, type Locale, type Messages } from '../l10n/index';
import { formatOffset } from '../language/calendar';
import { effectiveCondition, instantOf, timeCondition, zoneOffsets } from './promqlTime';

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  /** What the group exports and how, for a comment above it. */
  comments: string[];
  rules: (RecordingRule | AlertingRule)[];
}

export interface PrometheusRules {
  /** File-level comments: what is exported, and what cannot be. */
  comments: string[];
  groups: RuleGroup[];
  /** Objectives left out, and why (also in `comments`). */
  notExported: { sla: string; objective: string; reason: string }[];
}

/** The record name of the error ratio over a window (`sla:sli_error:ratio_rate1h`). */
export function errorRatioRecord(window: string): string {
  return `sla:sli_error:ratio_rate${window}`;
}

export const BURN_ALERT = 'SLAErrorBudgetBurn';

/** The workbook's alerts: a long and a short window, and the share of a 30-day budget spent in the long one. */
interface AlertWindows {
  long: string;
  short: string;
  budgetShare: number;
}
const PAGE: readonly AlertWindows[] = [
  { long: '1h', short: '5m', budgetShare: 0.02 },
  { long: '6h', short: '30m', budgetShare: 0.05 },
];
const TICKET: readonly AlertWindows[] = [{ long: '3d', short: '6h', budgetShare: 0.1 }];

const PERIOD_DAYS = { day: 1, week: 7, month: 30, quarter: 90, year: 365 } as const;

/** Kinds whose percentile targets are read from histogram buckets (requests with a duration). */
const HISTOGRAM_KINDS: readonly KindName[] = ['latency', 'response_time'];

/** A metric name, or a series selector `name{label="v"}` (as `sla evaluate --prometheus` reads them). */
const SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?$/s;

function durationMsOf(window: string): number {
  const [, amount, unit] = /^(\d+)(ms|[smhdw])$/.exec(window)!;
  return Number(amount) * DURATION_MS[unit];
}

/** Numbers written for PromQL and people: no floating-point noise (`0.001`, not `0.0009999…`). */
function num(value: number): string {
  return formatNumber(Number(value.toPrecision(12)));
}

/** A quantity as written in a contract: `99.9%`, `500ms`. */
function written(q: Quantity | undefined): string {
  return q ? `${formatNumber(q.value)}${q.unit ?? ''}` : '';
}

/** The target as written: `>= 99.9%`, `p95 <= 500ms`. */
function targetWritten(o: ObjectiveFacts): string {
  const target = o.target;
  return `${target?.aggregate ? `${target.aggregate.text} ` : ''}${target?.comparator?.op ?? ''} ${written(target?.quantity)}`;
}

/** A PromQL (and YAML-safe) string literal. */
function quote(value: string): string {
  return JSON.stringify(value);
}

type Sli =
  // `complement`: the error ratio is 1 − the value (a good share must stay above the target).
  // (1.1) `everyMs`: the indicator's `every` (a window shorter than it is read over it);
  // `missingDown`: a slot with no sample counts as a value of 0; `since`: the effective start
  // (Unix seconds), before which no slot is expected.
  | { form: 'mean'; metric: string; complement: boolean; everyMs?: number; missingDown?: boolean; since?: number }
  // (1.1) `everyMs`: per-interval counts come every `every` (a window shorter than it is read over it).
  | { form: 'ratio'; numerator: string; total: string; complement: boolean; counters: boolean; everyMs?: number };

interface Exportable {
  sli: Sli;
  /** The error budget as a ratio (0.001 for 99.9%). */
  budget: number;
  /** A note on how the SLI is read, when it is not plain. */
  note?: string;
}

/** The SLI of an objective and its budget, or why PromQL cannot compute it. */
function exportable(o: ObjectiveFacts, t: Messages['t'], name: string): Exportable | { reason: string } {
  const target = o.targetValue;
  const op = o.target?.comparator?.op;
  if (!o.indicator || !o.source || target === undefined || !op || !o.windowFacts) return { reason: t('export.rules.reason.incomplete') };
  const names = o.source.type === 'metric' ? [o.source.metric] : [o.source.numerator, o.source.total];
  const bad = names.find((n) => !SELECTOR.test(n));
  if (bad !== undefined) return { reason: t('export.rules.reason.metricName', { metric: bad }) };
  const atLeast = op === '>=' || op === '>';
  if (o.valueDimension === 'percent') {
    if (o.target?.aggregate) return { reason: t('export.rules.reason.aggregate', { aggregate: o.target.aggregate.text, kind: o.measure ?? '' }) };
    // The good share must stay above the target (budget 100 − T), or the bad share below it (budget T).
    const budget = (atLeast ? 100 - target : target) / 100;
    if (!(budget > 0) || budget >= 1) return { reason: t('export.rules.reason.noBudget', { target: targetWritten(o) }) };
    if (o.source.type === 'metric') {
      const sampling = { ...(o.everyMs !== undefined ? { everyMs: o.everyMs } : {}), ...(o.everyMs !== undefined && o.missingDown ? { missingDown: true } : {}) };
      return { sli: { form: 'mean', metric: o.source.metric, complement: atLeast, ...sampling }, budget };
    }
    const every = o.everyMs !== undefined && !o.counters ? { everyMs: o.everyMs } : {};
    return { sli: { form: 'ratio', numerator: o.source.numerator, total: o.source.total, complement: atLeast, counters: o.counters === true, ...every }, budget };
  }
  const aggregate = o.target?.aggregate;
  const percentile = aggregate?.percentile;
  if (!o.kind || !HISTOGRAM_KINDS.includes(o.kind) || percentile === undefined || atLeast || o.source.type !== 'metric') {
    return { reason: t('export.rules.reason.notPromql', { aggregate: aggregate?.text ?? '', kind: o.measure ?? o.kind ?? '' }) };
  }
  const budget = (100 - percentile) / 100;
  if (!(budget > 0)) return { reason: t('export.rules.reason.noBudget', { target: targetWritten(o) }) };
  const [, metric, matchers] = SELECTOR.exec(o.source.metric)!;
  const le = num(target);
  // Client libraries write bucket bounds as `0.5` (Go) or `0.5`/`500.0` (Python): accept both.
  const leMatcher = Number.isInteger(Number(le)) ? `${le}(\\\\.0+)?` : le.replace('.', '\\\\.');
  const bucket = `${metric}_bucket{${matchers ? `${matchers}, ` : ''}le=~"${leMatcher}"}`;
  const count = `${metric}_count${matchers ? `{${matchers}}` : ''}`;
  return {
    sli: { form: 'ratio', numerator: bucket, total: count, complement: true, counters: true },
    budget,
    note: t('export.rules.histogram', {
      objective: name,
      target: targetWritten(o),
      metric,
      le: `${le} ${o.valueUnit ?? ''}`.trim(),
      share: formatNumber(percentile),
    }),
  };
}

/** The window whose error ratio is computed from the data when a time condition applies. */
const BASE_WINDOW = '5m';

/**
 * The error ratio over `window`, counting only instants where `condition` holds (when given).
 * Under a condition, only the 5-minute ratio is computed from the data, one step a minute
 * (a subquery: the condition is tested at each step); longer windows average its recorded
 * values, as evaluating the condition at every minute of 3 days in one query would not do.
 */
function errorRatioExpr(sli: Sli, window: string, condition: string | undefined, selector: string): string {
  if (condition && window !== BASE_WINDOW) return `avg_over_time(${errorRatioRecord(BASE_WINDOW)}${selector}[${window}])`;
  const range = (selector: string) => (condition ? `(${selector} and on() (${condition}))[${window}:1m]` : `${selector}[${atLeastEvery(window, sli.everyMs)}]`);
  if (sli.form === 'mean') {
    const mean = condition ? conditionalMean(sli, window, condition) : windowMean(sli, window);
    return sli.complement ? `1 - (${mean})` : mean;
  }
  const total = (selector: string) =>
    !sli.counters
      ? `sum(sum_over_time(${range(selector)}))`
      : condition
        ? `sum(sum_over_time((rate(${selector}[5m]) and on() (${condition}))[${window}:1m]))`
        : `sum(increase(${selector}[${window}]))`;
  const share = `${total(sli.numerator)} / ${total(sli.total)}`;
  return sli.complement ? `1 - (${share})` : share;
}

/**
 * The pooled mean over a window (LANGUAGE.md 5). (1.1) With `every I`, a window shorter than I
 * is read over I (it would hold no sample); with `missing down`, Σv / max(n, window / I):
 * slots without a sample count as down, and a window with none at all is all down.
 */
function windowMean(sli: Extract<Sli, { form: 'mean' }>, window: string): string {
  const span = atLeastEvery(window, sli.everyMs);
  const spanMs = durationMsOf(span);
  const values = `sum_over_time(${sli.metric}[${span}])`;
  const count = `count_over_time(${sli.metric}[${span}])`;
  if (!sli.missingDown) return `sum(${values}) / sum(${count})`;
  // Slots expected: one per `every` of the window, none before the effective start (LANGUAGE.md 5: E lies within the effective dates).
  const perWindow = num(spanMs / sli.everyMs!);
  const expected = sli.since === undefined ? perWindow : `scalar(clamp_max(vector(${perWindow}), (time() - ${sli.since}) / ${num(sli.everyMs! / 1000)}))`;
  return `(sum(${values}) or vector(0)) / clamp_min(sum(${count}) or vector(0), ${expected})`;
}

/**
 * The mean of each minute's mean where the condition holds. (1.1) With `every I`, each minute
 * takes the latest sample of the last I (not only the last 5 minutes Prometheus looks back);
 * with `missing down`, a minute with none counts as 0 (down).
 */
function conditionalMean(sli: Extract<Sli, { form: 'mean' }>, window: string, condition: string): string {
  let value = sli.everyMs !== undefined ? `avg(last_over_time(${sli.metric}[${promDuration(sli.everyMs)}]))` : `avg(${sli.metric})`;
  if (sli.missingDown) value = `(${value} or vector(0))`;
  return `avg_over_time((${value} and on() (${condition}))[${window}:1m])`;
}

/** The range a window is read over: the window, or `every` when that is longer. */
function atLeastEvery(window: string, everyMs: number | undefined): string {
  return everyMs !== undefined && everyMs > durationMsOf(window) ? promDuration(everyMs) : window;
}

/** A duration in PromQL's syntax, in its largest whole unit (`3600000` → `1h`). */
function promDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) if (ms % DURATION_MS[unit] === 0) return `${ms / DURATION_MS[unit]}${unit}`;
  return `${Math.max(1, Math.round(ms))}ms`;
}

function sloWindowDays(o: ObjectiveFacts): number {
  const w = o.windowFacts!;
  return w.form === 'calendar' ? PERIOD_DAYS[w.period] : w.durationMs / DURATION_MS.d;
}

/** The credit at stake: the mildest tier's credit, and its amount when a fee of the window's period is known. */
function creditAtStake(sla: SlaFacts, o: ObjectiveFacts, t: Messages['t']): string {
  const tiers = o.tiers.filter((tier) => tier.threshold !== undefined && tier.credit !== undefined);
  if (tiers.length === 0) return t('export.rules.credit.none');
  const mildest = tiers.reduce((a, b) => (tierMildness(a.direction, b.threshold!) > tierMildness(a.direction, a.threshold!) ? b : a));
  const credit = formatNumber(mildest.credit!);
  const threshold = `${mildest.direction} ${written(mildest.node.threshold)}`;
  const w = o.windowFacts;
  if (sla.fee && w?.form === 'calendar' && w.period === sla.fee.period) {
    const amount = formatNumber((mildest.credit! / 100) * sla.fee.amount, 2);
    return t('export.rules.credit.amount', { credit, threshold, amount, currency: sla.fee.currency, period: w.period });
  }
  return t('export.rules.credit.percent', { credit, threshold });
}

/** (1.1) What the rules make of `counters`, `every`, `missing down` and `coverage`, and what they cannot say. */
function samplingNotes(o: ObjectiveFacts, sli: Sli, objective: string, t: Messages['t']): string[] {
  const notes: string[] = [];
  if (sli.form === 'ratio' && sli.counters && o.counters) {
    notes.push(t('export.rules.counters', { objective }));
    if (o.everyMs !== undefined) notes.push(t('export.rules.countersEvery', { objective, every: promDuration(o.everyMs) }));
  }
  if (sli.form === 'ratio' && sli.everyMs !== undefined) notes.push(t('export.rules.every', { objective, every: promDuration(sli.everyMs) }));
  if (sli.form === 'mean' && sli.everyMs !== undefined) {
    const every = promDuration(sli.everyMs);
    notes.push(t(sli.missingDown ? 'export.rules.missingDown' : 'export.rules.every', { objective, every }));
  }
  if (o.coverage !== undefined) notes.push(t('export.rules.coverage', { objective, coverage: formatNumber(o.coverage) }));
  return notes;
}

/** The rules of one `sla` block's objectives. */
export function prometheusRules(slas: readonly SlaFacts[], locale: Locale, now = Date.now()): PrometheusRules {
  const { t } = messages(locale);
  const result: PrometheusRules = { comments: [t('export.rules.header')], groups: [], notExported: [] };
  for (const sla of slas) {
    const slaName = sla.sla.name?.text ?? '';
    const zone = (sla.zoneName !== undefined ? ZoneRules.of(sla.zoneName) : ZoneRules.utc) ?? ZoneRules.utc;
    const from = sla.effectiveStart ? instantOf(zone, sla.effectiveStart) : now;
    const offsets = zoneOffsets(zone, from);
    let zoneNoted = false;
    const customer = firstItem(sla.sla.items, 'Customer')?.value?.value;
    for (const o of sla.objectives.values()) {
      const name = o.node.name?.text ?? '';
      const found = exportable(o, t, name);
      if ('reason' in found) {
        result.notExported.push({ sla: slaName, objective: name, reason: found.reason });
        result.comments.push(t('export.rules.notExported', { sla: slaName, objective: name, reason: found.reason }));
        continue;
      }
      if (found.sli.form === 'mean' && found.sli.missingDown && sla.effectiveStart) found.sli.since = Math.floor(instantOf(zone, sla.effectiveStart) / 1000);
      const comments: string[] = [];
      if (found.note) comments.push(found.note);
      comments.push(...samplingNotes(o, found.sli, name, t));
      const excluding = o.excluding.flatMap((e) => (e.maintenance ? [e.maintenance] : []));
      const eligibility = { zone, offsets, effectiveStart: sla.effectiveStart, effectiveEnd: sla.effectiveEnd, during: o.during, excluding };
      const condition = timeCondition(eligibility);
      const effective = effectiveCondition(eligibility);
      const wallClock = o.during !== undefined || excluding.some((m) => m.recurring.length > 0);
      if (condition) comments.push(t('export.rules.condition', { zone: zone.name, offset: formatOffset(offsets.used) }));
      if (effective) comments.push(t('export.rules.effective'));
      if (wallClock && offsets.all.length > 1) {
        const dst = t('export.rules.dst', {
          zone: zone.name,
          offsets: offsets.all.map(formatOffset).join(', '),
          used: formatOffset(offsets.used),
          others: offsets.all.slice(1).map(formatOffset).join(', '),
        });
        // Said once for the file, where a reader looks first.
        if (!zoneNoted) result.comments.push(dst);
        zoneNoted = true;
      }
      const days = sloWindowDays(o);
      const windowWords = o.windowFacts!.form === 'calendar' ? `calendar ${o.windowFacts!.period}` : `rolling ${written(o.window?.duration)}`;
      const labels: Record<string, string> = { sla: slaName, objective: name };
      const selector = `{sla=${quote(slaName)}, objective=${quote(name)}}`;
      const used = new Set<string>();
      const alerts: AlertingRule[] = [];
      const factors: string[] = [];
      const severities = [
        ['page', PAGE],
        ['ticket', TICKET],
      ] as const;
      for (const [severity, pairs] of severities) {
        const conditions: string[] = [];
        let shown = '';
        for (const pair of pairs) {
          const longDays = durationMsOf(pair.long) / DURATION_MS.d;
          const factor = Number(((pair.budgetShare * days) / longDays).toPrecision(6));
          const threshold = factor * found.budget;
          if (longDays > days) {
            comments.push(t('export.rules.alertLongerThanWindow', { severity, long: pair.long, window: windowWords }));
            continue;
          }
          if (threshold >= 1) {
            comments.push(t('export.rules.alertCannotFire', { severity, long: pair.long, factor: num(factor), budget: num(found.budget) }));
            continue;
          }
          factors.push(`${pair.long}/${pair.short} ${num(factor)}×`);
          shown ||= num(factor);
          used.add(pair.long).add(pair.short);
          const bound = `(${num(factor)} * ${num(found.budget)})`;
          conditions.push(`${errorRatioRecord(pair.long)}${selector} > ${bound}\nand\n${errorRatioRecord(pair.short)}${selector} > ${bound}`);
        }
        if (conditions.length === 0) continue;
        const title = o.node.title?.value ?? name;
        let expr = conditions.length === 1 ? conditions[0] : conditions.map((c) => `(\n${c}\n)`).join('\nor\n');
        if (effective) expr = `(\n${expr}\n)\nand on()\n${effective}`;
        alerts.push({
          alert: BURN_ALERT,
          expr,
          labels: { severity, sla: slaName, objective: name, ...(customer !== undefined ? { customer } : {}) },
          annotations: {
            summary: t(severity === 'page' ? 'export.rules.summary.page' : 'export.rules.summary.ticket', { objective: title, sla: sla.sla.title?.value ?? slaName }),
            description: t('export.rules.description', { objective: name, target: targetWritten(o), window: windowWords, budget: num(found.budget * 100) }),
            credit_at_stake: creditAtStake(sla, o, t),
          },
        });
      }
      if (alerts.length === 0) {
        const reason = t('export.rules.reason.noAlert');
        result.notExported.push({ sla: slaName, objective: name, reason });
        result.comments.push(t('export.rules.notExported', { sla: slaName, objective: name, reason }));
        continue;
      }
      comments.unshift(t('export.rules.burnRates', { objective: name, window: windowWords, days: num(days), factors: factors.join(', ') }));
      if (condition) used.add(BASE_WINDOW);
      const windows = [...used].sort((a, b) => durationMsOf(a) - durationMsOf(b));
      const recording: RecordingRule[] = windows.map((w) => ({ record: errorRatioRecord(w), expr: errorRatioExpr(found.sli, w, condition, selector), labels: { ...labels } }));
      result.groups.push({ name: `sla-${slaName}-${name}`, comments, rules: [...recording, ...alerts] });
    }
  }
  return result;
}
