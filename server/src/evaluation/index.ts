// The evaluation engine's public face, used by the CLI, the language server and tests.
// Imports nothing from vscode.
import { analyze } from '../language/analyze';
import { evaluate, type EvaluateOptions } from './evaluate';
import { ContractError, EvaluationError } from './errors';
import type { Report } from './report';
import { openMetricFiles } from './sources/files';

export { evaluate, type EvaluateOptions } from './evaluate';
export { ContractError, EvaluationAborted, EvaluationError, formatDiagnostic } from './errors';
export type * from './report';
export { hasBreach } from './report';
export { formatText } from './format/text';
export { formatMarkdown } from './format/markdown';
export type { SampleSink, SampleSource } from './sources/index';
export { CsvSource, PrometheusJsonSource, readPrometheusJson, openMetricFiles, expandMetricPaths, detectFormat } from './sources/index';
export { ZoneRules } from './timezone';

/**
 * Evaluates a contract text against metric files, directories or globs. Throws
 * ContractError when the contract has error diagnostics, EvaluationError on unreadable
 * data, missing files, an unknown `sla` name or a bad `at`.
 */
export async function evaluateFiles(
  contractText: string,
  contractPath: string,
  metricPaths: string[],
  options: EvaluateOptions = {},
): Promise<{ report: Report; rows: number }> {
  const analysis = analyze(contractText);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ContractError(contractPath, errors);
  const slas = analysis.parse.file.slas;
  if (slas.length === 0) throw new EvaluationError('the file holds no `sla` block', contractPath);
  const names = slas.map((s) => s.name?.text ?? '');
  const wanted = options.slaName ?? options.sla;
  const sla = wanted === undefined ? slas[0] : slas.find((s) => s.name?.text === wanted);
  if (!sla) {
    throw new EvaluationError(
      `no sla named ${JSON.stringify(wanted)} (the file defines ${names.map((n) => JSON.stringify(n)).join(', ')})`,
      contractPath,
    );
  }
  const sources = await openMetricFiles(metricPaths, options.baseDir);
  return evaluate(sla, sources, options);
}
