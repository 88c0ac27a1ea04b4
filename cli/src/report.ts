// `sla report CONTRACT --metrics…|--prometheus… [--period 2026-10] [--format html|markdown]
// [-o FILE]`: the report of one period for the customer, a thin shell over
// server/src/report. Sources and their options are read as `sla evaluate` reads them.
// Exit 0 when the report is written, 2 on errors (a breach is not an error here: the
// report says so).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { ContractError, EvaluationError, MissingMetricsError, formatDiagnostic } from '../../server/src/evaluation/index';
import { readRegularFile } from '../../server/src/files/regularFile';
import { messages } from '../../server/src/l10n/index';
import { produceReport, renderReport, type ReportFormat } from '../../server/src/report/index';
import { connectionSecrets, redactSecrets } from '../../server/src/text/redact';
import { terminalLine, terminalText } from '../../server/src/text/terminal';
import type { Output } from './check';
import { TOKEN_VARIABLE, prometheusSource, type EvaluateCommandOptions, type EvaluateEnvironment } from './evaluate';
import { reason } from './inputs';

export interface ReportCommandOptions extends Omit<EvaluateCommandOptions, 'format' | 'explain'> {
  period?: string;
  format?: ReportFormat;
  output?: string;
}

/** Runs `sla report` and returns its exit code; all output goes through `io`. */
export async function runReport(contractPath: string, options: ReportCommandOptions, io: Output, env: EvaluateEnvironment = {}): Promise<number> {
  const { t } = messages(io.locale);
  const secrets = connectionSecrets(
    (env.env ?? process.env)[TOKEN_VARIABLE]?.trim(),
    (options.prometheusHeader ?? []).map((h) => [h.slice(0, Math.max(0, h.indexOf(':'))), h.slice(h.indexOf(':') + 1)]),
  );
  const fail = (message: string) => {
    io.err(`sla report: ${terminalLine(secrets.length > 0 ? redactSecrets(message, secrets) : message)}\n`);
    return 2;
  };
  const resolve = (file: string) => (env.cwd ? path.resolve(env.cwd, file) : file);
  let text: string;
  try {
    text = await readRegularFile(resolve(contractPath));
  } catch (error) {
    return fail(t('cli.cannotRead', { file: contractPath, reason: reason(error, io.locale) }));
  }
  let output: string;
  let period: string;
  try {
    const prometheus = prometheusSource({ ...options, format: undefined }, env.env ?? process.env);
    const metrics = options.metrics ?? [];
    if (metrics.length === 0 && !prometheus) return fail(t('cli.evaluate.noMetrics'));
    const document = await produceReport(text, contractPath, { metrics, sources: prometheus ? [prometheus] : [] }, {
      sla: options.sla,
      at: options.at,
      from: options.from,
      to: options.to,
      period: options.period,
      allowMissingMetrics: options.allowMissingMetrics,
      locale: io.locale,
      baseDir: env.cwd,
    });
    for (const warning of document.warnings) io.err(`sla report: warning: ${terminalLine(warning)}\n`);
    output = renderReport(document, options.format ?? 'html');
    period = document.period.label;
  } catch (error) {
    if (error instanceof ContractError) {
      for (const d of error.diagnostics) io.err(terminalLine(formatDiagnostic(contractPath, d)) + '\n');
      return fail(t('cli.report.contractErrors', { file: contractPath, count: error.diagnostics.length }));
    }
    if (error instanceof MissingMetricsError) {
      for (const problem of error.problems) fail(problem);
      return 2;
    }
    if (error instanceof EvaluationError) return fail(error.message);
    throw error;
  }
  if (options.output === undefined) {
    io.out(terminalText(output));
    return 0;
  }
  try {
    writeFileSync(resolve(options.output), output);
  } catch (error) {
    return fail(t('cli.cannotWrite', { file: options.output, reason: reason(error, io.locale) }));
  }
  io.err(`sla report: ${terminalLine(t('cli.report.written', { period, file: options.output }))}\n`);
  return 0;
}

/** The options of `sla evaluate` that say where samples come from and which sla and time: `sla report` takes them as they are. */
const SHARED_OPTIONS = new Set([
  '--metrics',
  '--prometheus',
  '--prometheus-header',
  '--timeout',
  '--concurrency',
  '--from',
  '--to',
  '--max-answer-size',
  '--no-push-down',
  '--sla',
  '--at',
  '--allow-missing-metrics',
]);

/** Registers `sla report`; `sla evaluate` must be registered first (its source options are shared). */
export function registerReportCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  const evaluate = program.commands.find((c) => c.name() === 'evaluate');
  const command = program.command('report').description(t('cli.report.description')).argument('<contract>', t('cli.report.contract'));
  for (const option of evaluate?.options ?? []) if (option.long !== undefined && SHARED_OPTIONS.has(option.long)) command.addOption(option);
  command
    .option('--period <period>', t('cli.report.option.period'))
    .addOption(new Option('-f, --format <format>', t('cli.report.option.format')).choices(['html', 'markdown']).default('html'))
    .option('-o, --output <file>', t('cli.option.output'))
    .action(async (contract: string, options: ReportCommandOptions) => setExit(await runReport(contract, options, io)));
}
