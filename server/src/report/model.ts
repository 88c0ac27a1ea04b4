// The report a provider sends its customer for one period (`sla report`, "SLA: Export
// Report…"): plain data computed from an evaluation and the contract's linked facts, worded
// later by the HTML and Markdown renderers. Numbers stay numbers; strings from the contract
// stay as written (renderers escape them).
import type { KindName } from '../language/ast';
import type { Locale } from '../l10n/index';
import type { ResultStatus } from '../evaluation/report';

export interface ReportDocument {
  locale: Locale;
  /** The `sla` block's name and title. */
  sla: string;
  title: string | null;
  version: string | null;
  provider: string | null;
  customer: string | null;
  /** The contract's IANA zone: every time of the report is in it. */
  timezone: string;
  period: ReportPeriod;
  objectives: ObjectiveSection[];
  credits: CreditsSection;
  /** The evaluation's warnings (missing metrics allowed, cumulative-looking series, source warnings). */
  warnings: string[];
  totals: { met: number; breached: number; noData: number; insufficientData: number };
}

export interface ReportPeriod {
  /** As `--period` takes it and every output words it: `2026-10`, `2026-Q4`. */
  label: string;
  /** RFC 3339 in the contract's zone, end exclusive. */
  start: string;
  end: string;
}

export interface ObjectiveSection {
  name: string;
  title: string | null;
  indicator: string;
  kind: KindName;
  /** The window as written: `calendar month`, `rolling 30d`. */
  window: string;
  /** As written: `>= 99.9%`, `p95 <= 500ms`. */
  target: string;
  /** The unit of attained values and of the daily series (`%`, `ms`). */
  unit: string;
  /** The target in `unit`, for the chart's target line; null when it cannot be converted. */
  targetInUnit: number | null;
  /** The target line as every chart words it (`>= 99.9%`, `<= 1000ms`); null when it cannot be converted. */
  targetLine: string | null;
  /** The result that covers the report's period; null when the data holds none. */
  result: SectionResult | null;
  /** One point per local day of the result's span (null values for days without data). */
  daily: DailyPoint[];
  budget: ErrorBudget;
  /** (availability read from a 0/1 `metric`) Failed share × eligible time, in minutes; null otherwise. */
  downtimeMinutes: number | null;
  /** How the result's time was counted; null when the rules cannot be resolved. */
  time: PeriodTimeSection | null;
  /** The `during` schedule and the `excluding` maintenance windows, with what applied in the period. */
  exclusions: ExclusionGroup[];
}

export interface SectionResult {
  /** Period label of the result (`2026-10`, or `start → end` for a rolling window). */
  period: string;
  start: string;
  end: string;
  samples: number;
  /** Unrounded; null without data. */
  attained: number | null;
  /** Worded once for every output (format/labels.ts). */
  attainedText: string;
  status: ResultStatus;
  /** `87.5%`, or null without `every`. */
  coverage: string | null;
  /** The data ends before the period does. */
  partial: boolean;
  /** Percent owed for this result before the cap. */
  credit: number;
  /** The tier that applied, as written (`below 99.0%`); null when none. */
  tier: string | null;
  /** Samples of the counted metric left out in the period. */
  leftOut: { outsideEffective: number; outsideSchedule: number; inMaintenance: number };
}

export interface DailyPoint {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  value: number | null;
  status: ResultStatus;
}

/**
 * How much failure the target allows in the period and how much of it was used, in the
 * indicator's terms: minutes of eligible time (availability from a 0/1 metric), percentage
 * points of requests (ratios) or of samples (error rate from a metric). Not meaningful for
 * aggregates (p95, avg, min, max), throughput, or a period without data.
 */
export type ErrorBudget =
  | {
      meaningful: true;
      unit: BudgetUnit;
      allowed: number;
      used: number;
      left: number;
      /** used / allowed × 100; null when nothing is allowed. */
      usedPercent: number | null;
      /** A period in progress, in minutes: `allowed` is the whole period's, `used` what was measured up to this local time (`2026-12-05 10:00`); else null. */
      usedUntil: string | null;
    }
  | { meaningful: false; reason: 'aggregate' | 'noData' | 'noTime' };

export type BudgetUnit = 'minutes' | 'requestPoints' | 'samplePoints';

export interface PeriodTimeSection {
  periodMinutes: number;
  eligibleMinutes: number;
  outsideScheduleMinutes: number;
  maintenanceMinutes: number;
  outsideEffectiveMinutes: number;
}

export interface ExclusionGroup {
  kind: 'schedule' | 'maintenance';
  name: string;
  /** The contract's comment above the block (the "why"), or null. */
  comment: string | null;
  items: ExclusionItem[];
}

export interface ExclusionItem {
  /** `hours`: a schedule's day line; `holiday` and `workingDate` (`on`): dates in the period; `recurring` (`every`) and `window` (`on … for`) maintenance. */
  kind: 'hours' | 'holiday' | 'workingDate' | 'recurring' | 'window';
  /** As written in the contract: `mon..fri 09:00-18:00`, `2026-10-01`, `on 2026-10-17T22:00 for 2h`. */
  written: string;
  /** The comment on the item's line, or null. */
  comment: string | null;
}

export interface CreditsSection {
  /** Per objective that owes a credit in the period. */
  owed: { objective: string; title: string | null; tier: string | null; percent: number }[];
  /** Total after the cap, the sum before it, and the cap. */
  percent: number;
  uncapped: number;
  cap: number;
  /** percent / 100 × fee when the fee's period is the report's; null otherwise. */
  amount: number | null;
  currency: string | null;
  /** The contract's `fee` as written: `12000 CNY per month`; null without one. */
  fee: string | null;
  /** `claim within`: as written (`30d`), and the last local date a claim is accepted. */
  claimWithin: string | null;
  claimDeadline: string | null;
  /** The contract's `remedy` strings. */
  remedies: string[];
}
