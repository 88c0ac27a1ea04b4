// The evaluation engine's public face, used by the CLI, the language server and tests.
// Imports nothing from vscode.
import { analyze, type Analysis } from '../language/analyze';
import { evaluate, type EvaluateOptions, type Evaluation, type Source } from './evaluate';
import { ContractError, EvaluationError } from './errors';
import type { Report } from './report';
import { openMetricFiles } from './sources/files';
import { PartWorkers } from './parallel';
import { messages } from '../l10n/index';

export { evaluate, type EvaluateOptions } from './evaluate';
export type { IntervalRequest, IntervalSource, SampleBlock, SeriesSampleBlock } from './intervals';
export type { SeriesSummary } from './ports';
export { ContractError, EvaluationAborted, EvaluationError, MissingMetricsError, formatDiagnostic } from './errors';
export type * from './report';
export { hasBreach } from './report';
export { formatText } from './format/text';
export { formatMarkdown } from './format/markdown';
export { reportLabels } from './format/labels';
export { expandMetricPaths } from './sources/files';

/**
 * Evaluates a contract (its text, or its analysis) against metric files, directories or globs. Throws
 * ContractError when the contract has error diagnostics, EvaluationError on unreadable
 * data, missing files, an unknown `sla` name or a bad `at`.
 */
export async function evaluateFiles(
  contractText: string,
  contractPath: string,
  metricPaths: string[],
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  return evaluateContract(contractText, contractPath, { metrics: metricPaths }, options);
}

/** Where the samples of an evaluation come from: metric files and other sources (a Prometheus server). */
export interface SourceSpec {
  /** Metric files, directories or globs. */
  metrics?: string[];
  sources?: Source[];
}

/**
 * Evaluates a contract text against metric files and other sources (at least one of them).
 * Throws like evaluateFiles; a Prometheus source adds its own EvaluationErrors (connection
 * refused, timeouts, HTTP errors with Prometheus's error text).
 */
export async function evaluateContract(
  contract: string | Analysis,
  contractPath: string,
  spec: SourceSpec,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  // Worker threads for large files start now: their start-up overlaps checking the contract.
  const pool = options.parallel?.pool === undefined ? PartWorkers.startFor(spec.metrics ?? [], options.parallel, options.baseDir) : undefined;
  try {
    return await evaluateChecked(contract, contractPath, spec, pool ? { ...options, parallel: { ...options.parallel, pool } } : options);
  } finally {
    await pool?.close();
  }
}

async function evaluateChecked(contract: string | Analysis, contractPath: string, spec: SourceSpec, options: EvaluateOptions): Promise<Evaluation> {
  // The language server passes the analysis it already holds for the open document.
  const { t } = messages(options.locale);
  const analysis = typeof contract === 'string' ? analyze(contract, { locale: options.locale }) : contract;
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ContractError(contractPath, errors, options.locale);
  const slas = analysis.parse.file.slas;
  if (slas.length === 0) throw new EvaluationError(t('evaluate.noSlaBlock'), contractPath);
  const names = slas.map((s) => s.name?.text ?? '');
  const wanted = options.sla;
  const sla = wanted === undefined ? slas[0] : slas.find((s) => s.name?.text === wanted);
  if (!sla) {
    throw new EvaluationError(t('evaluate.noSuchSla', { name: JSON.stringify(wanted), names: names.map((n) => JSON.stringify(n)).join(', ') }), contractPath);
  }
  const others = spec.sources ?? [];
  const metrics = spec.metrics ?? [];
  // With no other source, no metric files is an error (expandMetricPaths says so).
  const files = metrics.length > 0 || others.length === 0 ? await openMetricFiles(metrics, options.baseDir, options.locale) : [];
  return evaluate(sla, [...files, ...others], options);
}
