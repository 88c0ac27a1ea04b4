// `sla report` and "SLA: Export Report…": the report of one period, built in the core and
// rendered as self-contained HTML or Markdown. Imports nothing from vscode or the LSP.
import { analyze, type Analysis } from '../language/analyze';
import { evaluateContract, type EvaluateOptions, type SourceSpec } from '../evaluation/index';
import { buildReportDocument } from './build';
import type { ReportDocument } from './model';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export type { ReportDocument } from './model';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

export type ReportFormat = 'html' | 'markdown';

export interface ReportOptions extends Omit<EvaluateOptions, 'explain' | 'daily'> {
  /** The period to report (`2026-10`); default: the latest calendar period in the data. */
  period?: string;
}

/**
 * Evaluates the contract twice over the same sources (per its windows with `explain`, and per
 * day) and builds the report of one period. Throws what evaluateContract throws, and an
 * EvaluationError for a period the data does not hold.
 */
export async function produceReport(contract: string | Analysis, contractPath: string, spec: SourceSpec, options: ReportOptions = {}): Promise<ReportDocument> {
  const analysis = typeof contract === 'string' ? analyze(contract, { locale: options.locale }) : contract;
  const { period, ...evaluation } = options;
  const { report, measured } = await evaluateContract(analysis, contractPath, spec, { ...evaluation, explain: true });
  const { report: daily } = await evaluateContract(analysis, contractPath, spec, { ...evaluation, onProgress: undefined, daily: true });
  return buildReportDocument(analysis, report, daily, { period, locale: options.locale, measured });
}

/** The document in a format. */
export function renderReport(document: ReportDocument, format: ReportFormat): string {
  return format === 'html' ? renderHtml(document) : renderMarkdown(document);
}
