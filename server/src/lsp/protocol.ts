// Custom requests and notifications between the extension client and the language server,
// beyond standard LSP. Types and method names only: the client imports this file, so it
// must not pull in the core (the core's types below are imported as types: nothing of the
// core reaches the client bundle, and the client imports core types only through here).
import type { ReportLabels } from '../evaluation/format/labels';

export type { Report } from '../evaluation/report';
export type { ObjectiveLabels, ReportLabels, ResultLabels } from '../evaluation/format/labels';

/** Request `sla/evaluate`: evaluate one contract document against metric sources. */
export const EVALUATE_REQUEST = 'sla/evaluate';

export interface EvaluateParams {
  /** URI of the `.sla` document (its open text is used when it is open). */
  uri: string;
  /** Metric files, directories or globs (absolute paths, or relative to `baseDir`); may be empty with `prometheus`. */
  metrics: string[];
  /** A Prometheus server to query (metric strings are series selectors), beside or instead of metric files. */
  prometheus?: PrometheusParams;
  baseDir?: string;
  /**
   * Entries of `metrics` the user chose (the file picker, user-level settings, a command
   * argument): they may name files outside the workspace folders. Every other entry must
   * resolve inside a workspace folder (or the open contract's folder): a workspace's own
   * settings cannot make evaluation read other files of the machine.
   */
  userPicked?: string[];
  /** Name of the `sla` block; the first one by default. */
  sla?: string;
  /** RFC 3339 instant for rolling windows; default: the latest sample (now, with Prometheus). */
  at?: string;
  /** Include the per-result explanation (samples left out, tier, cap). */
  explain?: boolean;
}

export interface PrometheusParams {
  /** Base address: http(s)://host:port[/prefix]. */
  url: string;
  /** Bearer token in the clear (for other clients; tracing prints it). */
  token?: string;
  /** Bearer token sealed with the key the extension gave the server (see sealedSecret.ts), so traces never show it. */
  sealedToken?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Per request; default 30 000. */
  timeoutMs?: number;
}

export interface EvaluateResult {
  /** The JSON report of LANGUAGE.md section 5 (extra fields allowed). */
  report: unknown;
  /** The same report as Markdown, for copying into a monthly report. */
  markdown: string;
  /** The report's periods, targets and attained values as every output words them, and targets converted into the attained values' unit. */
  labels: ReportLabels;
  /** Rows read and time taken, for the status message. */
  rows: number;
  millis: number;
}

/** Request `sla/exportReport`: the customer report of one period ("SLA: Export Report…"); fails like `sla/evaluate`. */
export const EXPORT_REPORT_REQUEST = 'sla/exportReport';

export interface ExportReportParams extends EvaluateParams {
  format: 'html' | 'markdown';
  /** The period to report, as reports label it (`2026-10`); default: the latest calendar period in the data. */
  period?: string;
}

export interface ExportReportResult {
  /** The whole file: self-contained HTML, or Markdown. */
  content: string;
  /** The period reported (`2026-10`). */
  period: string;
}

/** Evaluation failures are returned as a ResponseError with this code and a readable message. */
export const EVALUATION_FAILED = -32801;

/** Request `sla/semanticDiff`: the semantic changes from an earlier text of an open contract to its current one. */
export const SEMANTIC_DIFF_REQUEST = 'sla/semanticDiff';

export interface SemanticDiffParams {
  /** URI of the open `.sla` document: its current text is the new version. */
  uri: string;
  /** The earlier version's text (e.g. from git HEAD); empty for a file that is new. */
  previousText: string;
  /** How the two versions are named in the result (`HEAD:chat.sla`, `chat.sla`). */
  previousName: string;
  currentName: string;
}

export interface SemanticDiffResult {
  /** The changes as Markdown, in the server's locale. */
  markdown: string;
  /** How many semantic changes (the version aside). */
  changes: number;
  /** sla blocks whose meaning changed while their version did not. */
  versionNotBumped: string[];
}

/** A semantic diff that cannot be made (a version with errors) is a ResponseError with this code and the reason. */
export const SEMANTIC_DIFF_FAILED = -32802;
