// Reads the JSON report of LANGUAGE.md section 5 and the labels the server words it with
// (as received over `sla/evaluate`, typed `unknown`) into the shape the webview renders. Both
// cross a process boundary, so they are checked field by field; a malformed report yields a
// message naming the bad field instead of a broken page. The server's types are imported as
// types only, through the protocol; the compile-time checks at the end keep this reader in
// step with them.
import type { ObjectiveLabels, Report, ReportLabels, ResultLabels } from '../../../server/src/lsp/protocol';

export type PeriodStatus = 'met' | 'breached' | 'no-data' | 'insufficient-data';

export interface TargetView {
  aggregate: string | null;
  op: string;
  value: number;
  /** As written in the contract (`%`, `ms`, `1s` → `s`); null for a bare number. */
  unit: string | null;
}

export interface PeriodView {
  start: string;
  end: string;
  samples: number;
  /** In the indicator's unit; null when the period has no eligible samples. */
  attained: number | null;
  status: PeriodStatus;
  /** Percent owed for this result before the cap. */
  credit: number;
  /** (1.1) Percent of the expected samples present, when the indicator has `every`; else null. */
  coverage: number | null;
  /** (1.1) The data does not reach the period's end: the result may still change. */
  partial?: true;
  /** Present when evaluated with `explain`. */
  explain: ExplainView | undefined;
  /** Worded by the server: `2026-10`, `2026-Q4`, `week of 2026-10-05`, `start → end`. */
  label: string;
  /** Worded by the server: `99.8765%`, `1250 ms`, `—`. */
  attainedText: string;
  /** Worded by the server: `87.5%`; null without `every`. */
  coverageText: string | null;
}

export interface ExplainView {
  outsideEffective: number;
  outsideSchedule: number;
  inMaintenance: number;
  tier: { direction: string; threshold: number; unit: string | null; credit: number } | null;
  capped: boolean;
}

export interface ObjectiveView {
  name: string;
  /** (1.1) The objective's string, or null. */
  title: string | null;
  indicator: string;
  target: TargetView;
  /** Unit of `attained` (extra field `unit`), when the server states it. */
  attainedUnit: string | undefined;
  /** The window as written (extra field), e.g. `calendar month`. */
  window: string | undefined;
  results: PeriodView[];
  /** Worded by the server: `≥ 99.9%`, `p95 ≤ 1 s`. */
  targetText: string;
  /** Converted by the server into the attained values' unit (`1s` → 1000 for milliseconds); null when it cannot be. */
  targetInAttainedUnit: number | null;
  /** The chart's target line, `≤ 1000 ms`; null when the target cannot be converted. */
  targetLine: string | null;
}

export interface CreditView {
  start: string;
  end: string;
  percent: number;
  amount: number | null;
  currency: string | null;
}

export interface ReportView {
  sla: string;
  version: string | null;
  /** Extra fields: the `sla` block's title and IANA time zone, when sent. */
  title: string | null;
  timezone: string | null;
  objectives: ObjectiveView[];
  credits: CreditView[];
  /** (1.1) Warnings of the evaluation (missing metrics allowed, cumulative-looking series, source warnings). */
  warnings: string[];
}

export type ReadReportResult = { ok: true; report: ReportView } | { ok: false; error: string };

class ShapeError extends Error {}

type Obj = Record<string, unknown>;

function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${path} is not an object`);
  }
  return value as Obj;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path} is not an array`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${path} is not a string`);
  return value;
}

function optionalString(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(`${path} is not a number`);
  return value;
}

function optionalNumber(value: unknown, path: string): number | null {
  return value === null || value === undefined ? null : number(value, path);
}

function status(value: unknown, path: string): PeriodStatus {
  if (value === 'met' || value === 'breached' || value === 'no-data' || value === 'insufficient-data') return value;
  throw new ShapeError(`${path} is not one of met, breached, no-data, insufficient-data`);
}

function readTarget(value: unknown, path: string): TargetView {
  const t = object(value, path);
  return {
    aggregate: optionalString(t.aggregate, `${path}.aggregate`),
    op: string(t.op, `${path}.op`),
    value: number(t.value, `${path}.value`),
    unit: optionalString(t.unit, `${path}.unit`),
  };
}

function readExplain(value: unknown, path: string): ExplainView | undefined {
  if (value === undefined || value === null) return undefined;
  const e = object(value, path);
  const tier = e.tier === null || e.tier === undefined ? null : object(e.tier, `${path}.tier`);
  return {
    outsideEffective: number(e.outsideEffective, `${path}.outsideEffective`),
    outsideSchedule: number(e.outsideSchedule, `${path}.outsideSchedule`),
    inMaintenance: number(e.inMaintenance, `${path}.inMaintenance`),
    tier: tier && {
      direction: string(tier.direction, `${path}.tier.direction`),
      threshold: number(tier.threshold, `${path}.tier.threshold`),
      unit: optionalString(tier.unit, `${path}.tier.unit`),
      credit: number(tier.credit, `${path}.tier.credit`),
    },
    capped: e.capped === true,
  };
}

function readPeriod(value: unknown, path: string, labels: ResultLabels): PeriodView {
  const r = object(value, path);
  return {
    label: labels.period,
    attainedText: labels.attained,
    coverageText: labels.coverage,
    start: string(r.start, `${path}.start`),
    end: string(r.end, `${path}.end`),
    samples: number(r.samples, `${path}.samples`),
    attained: optionalNumber(r.attained, `${path}.attained`),
    status: status(r.status, `${path}.status`),
    credit: optionalNumber(r.credit, `${path}.credit`) ?? 0,
    coverage: optionalNumber(r.coverage, `${path}.coverage`),
    ...(r.partial === true ? { partial: true as const } : {}),
    explain: readExplain(r.explain, `${path}.explain`),
  };
}

function readObjective(value: unknown, path: string, labels: ObjectiveLabels): ObjectiveView {
  const o = object(value, path);
  const results = array(o.results, `${path}.results`);
  if (results.length !== labels.results.length) throw new ShapeError(`${path}.results has ${results.length} entries but its labels ${labels.results.length}`);
  return {
    targetText: labels.target,
    targetInAttainedUnit: labels.targetInAttainedUnit,
    targetLine: labels.targetLine,
    name: string(o.name, `${path}.name`),
    title: optionalString(o.title, `${path}.title`),
    indicator: optionalString(o.indicator, `${path}.indicator`) ?? '',
    target: readTarget(o.target, `${path}.target`),
    // Not a field of section 5 but an extra one of this server: without it the target is
    // assumed to be in the attained values' unit.
    attainedUnit: optionalString(o.unit, `${path}.unit`) ?? undefined,
    window: optionalString(o.window, `${path}.window`) ?? undefined,
    results: results.map((r, i) => readPeriod(r, `${path}.results[${i}]`, labels.results[i])),
  };
}

function readCredit(value: unknown, path: string): CreditView {
  const c = object(value, path);
  return {
    start: string(c.start, `${path}.start`),
    end: string(c.end, `${path}.end`),
    percent: number(c.percent, `${path}.percent`),
    amount: optionalNumber(c.amount, `${path}.amount`),
    currency: optionalString(c.currency, `${path}.currency`),
  };
}

function readResultLabels(value: unknown, path: string): ResultLabels {
  const l = object(value, path);
  return {
    period: string(l.period, `${path}.period`),
    attained: string(l.attained, `${path}.attained`),
    coverage: optionalString(l.coverage, `${path}.coverage`),
  };
}

function readObjectiveLabels(value: unknown, path: string): ObjectiveLabels {
  const l = object(value, path);
  return {
    target: string(l.target, `${path}.target`),
    targetInAttainedUnit: optionalNumber(l.targetInAttainedUnit, `${path}.targetInAttainedUnit`),
    targetLine: optionalString(l.targetLine, `${path}.targetLine`),
    results: array(l.results, `${path}.results`).map((r, i) => readResultLabels(r, `${path}.results[${i}]`)),
  };
}

/** Checks and converts a section 5 report and its labels (`sla/evaluate`'s `report` and `labels`); never throws. */
export function readReport(value: unknown, labelsValue: unknown): ReadReportResult {
  try {
    const r = object(value, 'report');
    const objectives = array(r.objectives, 'report.objectives');
    const labels = array(object(labelsValue, 'labels').objectives, 'labels.objectives').map((l, i) => readObjectiveLabels(l, `labels.objectives[${i}]`));
    if (labels.length !== objectives.length) throw new ShapeError(`report.objectives has ${objectives.length} entries but labels.objectives ${labels.length}`);
    return {
      ok: true,
      report: {
        sla: string(r.sla, 'report.sla'),
        version: optionalString(r.version, 'report.version'),
        title: optionalString(r.title, 'report.title'),
        timezone: optionalString(r.timezone, 'report.timezone'),
        objectives: objectives.map((o, i) => readObjective(o, `report.objectives[${i}]`, labels[i])),
        credits: array(r.credits ?? [], 'report.credits').map((c, i) => readCredit(c, `report.credits[${i}]`)),
        warnings: array(r.warnings ?? [], 'report.warnings').map((w, i) => string(w, `report.warnings[${i}]`)),
      },
    };
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, error: err.message };
    throw err;
  }
}

// Compile-time checks: every report the server's type allows is one this reader accepts.
type Fits<T extends true> = T;
type ServerObjective = Report['objectives'][number];
type ServerResult = ServerObjective['results'][number];
type ReportTypeChecks = [
  Fits<Omit<ServerResult, 'explain'> extends Omit<PeriodView, 'explain' | 'label' | 'attainedText' | 'coverageText'> ? true : false>,
  Fits<NonNullable<ServerResult['explain']> extends ExplainView ? true : false>,
  Fits<ServerObjective['target'] extends TargetView ? true : false>,
  Fits<Report['credits'][number] extends CreditView ? true : false>,
  Fits<Pick<Report, 'sla' | 'version'> extends Pick<ReportView, 'sla' | 'version'> ? true : false>,
  Fits<ReportLabels['objectives'][number] extends Omit<ObjectiveLabels, 'results'> ? true : false>,
];
