// `sla evaluate CONTRACT --metrics FILE|DIR|GLOB… [--sla NAME] [--at TIME]
// [--format text|json|markdown] [--explain]`: evaluates a contract against metric files,
// or against a live Prometheus server with `--prometheus URL` (token from
// SLA_PROMETHEUS_TOKEN, `--prometheus-header`, `--timeout`, `--concurrency`).
// Several contracts (a directory, a glob) are a portfolio: see portfolio.ts.
// Exit 0 when every result is met or no-data, 1 when any is breached, 2 on errors.
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import {
  ContractError,
  EvaluationError,
  MissingMetricsError,
  evaluateContract,
  formatDiagnostic,
  formatMarkdown,
  formatText,
  hasBreach,
} from '../../server/src/evaluation/index';
import { PrometheusSource, prometheusSourceOptions, type QueryCache } from '../../server/src/evaluation/prometheus/index';
import { connectionSecrets, redactSecrets } from '../../server/src/text/redact';
import { readRegularFile } from '../../server/src/files/regularFile';
import type { Output } from './check';
import { messages, type Locale } from '../../server/src/l10n/index';
import { reason } from './inputs';
import { isPortfolio, runPortfolio } from './portfolio';
import { terminalJson, terminalLine, terminalText } from '../../server/src/text/terminal';

export interface EvaluateCommandOptions {
  metrics?: string[];
  sla?: string;
  at?: string;
  format?: 'text' | 'json' | 'markdown';
  explain?: boolean;
  /** Base address of a Prometheus server (or Thanos, Mimir, VictoriaMetrics). */
  prometheus?: string;
  /** `Name: value` headers for every request to the server. */
  prometheusHeader?: string[];
  /** Per request: `30s`, `1500ms`, `2m` or seconds. */
  timeout?: string;
  /** Requests to the server at once. */
  concurrency?: string;
  /** Where calendar periods begin when the contract has no `effective` start (Prometheus only). */
  from?: string;
  /** Where calendar periods end, if before the effective end (Prometheus only; never past now). */
  to?: string;
  /** The largest answer read from the server: `64MiB`, `1GiB`. */
  maxAnswerSize?: string;
  /** false (`--no-push-down`): read every raw sample instead of letting Prometheus count and add up. */
  pushDown?: boolean;
  /** Metrics with no samples are warnings instead of an error. */
  allowMissingMetrics?: boolean;
}

export interface EvaluateEnvironment {
  /** Whether stderr is a terminal (progress is shown then). Default: process.stderr.isTTY. */
  progress?: boolean;
  /** Base for relative paths; default: the working directory. */
  cwd?: string;
  /** Where SLA_PROMETHEUS_TOKEN is read; default: process.env. */
  env?: Record<string, string | undefined>;
}

/** The environment variable holding the bearer token for --prometheus. */
export const TOKEN_VARIABLE = 'SLA_PROMETHEUS_TOKEN';

/** The Prometheus source the options ask for, if any (throws EvaluationError on bad options); `cache` shares answers between sources. */
export function prometheusSource(
  options: EvaluateCommandOptions,
  env: Record<string, string | undefined>,
  cache?: QueryCache,
  locale?: Locale,
): PrometheusSource | undefined {
  if (options.prometheus === undefined) {
    const stray = [
      options.prometheusHeader?.length ? '--prometheus-header' : undefined,
      options.timeout !== undefined ? '--timeout' : undefined,
      options.concurrency !== undefined ? '--concurrency' : undefined,
      options.from !== undefined ? '--from' : undefined,
      options.to !== undefined ? '--to' : undefined,
      options.maxAnswerSize !== undefined ? '--max-answer-size' : undefined,
      options.pushDown === false ? '--no-push-down' : undefined,
    ].filter((x) => x !== undefined);
    const params = { options: stray.join(', ') };
    if (stray.length > 0) throw new EvaluationError(messages(locale).t(stray.length === 1 ? 'cli.evaluate.needsPrometheus.one' : 'cli.evaluate.needsPrometheus.other', params));
    return undefined;
  }
  return new PrometheusSource({
    ...prometheusSourceOptions({
      url: options.prometheus,
      token: env[TOKEN_VARIABLE],
      headers: options.prometheusHeader,
      timeout: options.timeout,
      concurrency: options.concurrency,
      pushDown: options.pushDown,
      maxAnswerSize: options.maxAnswerSize,
    }, locale),
    cache,
    locale,
  });
}

/** Runs `sla evaluate` and returns its exit code; all output goes through `io`. */
export async function runEvaluate(
  contractPath: string,
  options: EvaluateCommandOptions,
  io: Output,
  env: EvaluateEnvironment = {},
): Promise<number> {
  // A server may echo the token or a credential header back in its error text.
  const secrets = connectionSecrets(
    (env.env ?? process.env)[TOKEN_VARIABLE]?.trim(),
    (options.prometheusHeader ?? []).map((h) => [h.slice(0, Math.max(0, h.indexOf(':'))), h.slice(h.indexOf(':') + 1)]),
  );
  const raw = io;
  if (secrets.length > 0) io = { out: (t: string) => raw.out(t), err: (t: string) => raw.err(redactSecrets(t, secrets)), locale: raw.locale };
  const { t } = messages(io.locale);
  let text: string;
  try {
    text = await readRegularFile(env.cwd ? path.resolve(env.cwd, contractPath) : contractPath);
  } catch (error) {
    io.err(`sla evaluate: ${terminalLine(t('cli.cannotRead', { file: contractPath, reason: reason(error, io.locale) }))}\n`);
    return 2;
  }
  const progress = new Progress(io, env.progress ?? process.stderr.isTTY === true);
  try {
    const prometheus = prometheusSource(options, env.env ?? process.env, undefined, io.locale);
    const metrics = options.metrics ?? [];
    if (metrics.length === 0 && !prometheus) throw new EvaluationError(t('cli.evaluate.noMetrics'));
    const { report } = await evaluateContract(text, contractPath, { metrics, sources: prometheus ? [prometheus] : [] }, {
      sla: options.sla,
      at: options.at,
      from: options.from,
      to: options.to,
      explain: options.explain,
      allowMissingMetrics: options.allowMissingMetrics,
      locale: io.locale,
      baseDir: env.cwd,
      onProgress: (rows) => progress.update(rows),
      // SLA_WORKERS=N reads large CSV files in N parts (1: one thread), whatever the cores (benchmarks compare).
      parallel: process.env.SLA_WORKERS ? { workers: Number(process.env.SLA_WORKERS) } : undefined,
    });
    progress.clear();
    for (const warning of report.warnings ?? []) io.err(`sla evaluate: ${terminalLine(t('cli.evaluate.warning', { message: warning }))}\n`);
    const format = options.format ?? 'text';
    if (format === 'json') io.out(terminalJson(JSON.stringify(report, null, 2)) + '\n');
    else if (format === 'markdown') io.out(terminalText(formatMarkdown(report, io.locale)));
    else io.out(terminalText(formatText(report, options.explain, io.locale)));
    return hasBreach(report) ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (error instanceof ContractError) {
      for (const d of error.diagnostics) io.err(terminalLine(formatDiagnostic(contractPath, d)) + '\n');
      const n = error.diagnostics.length;
      const params = { file: terminalLine(contractPath), count: n };
      io.err(`sla evaluate: ${n === 1 ? t('cli.evaluate.contractErrors.one', params) : t('cli.evaluate.contractErrors.other', params)}\n`);
      return 2;
    }
    if (error instanceof MissingMetricsError) {
      for (const problem of error.problems) io.err(`sla evaluate: ${terminalLine(problem)}\n`);
      return 2;
    }
    if (error instanceof EvaluationError) {
      io.err(`sla evaluate: ${terminalLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Runs `sla evaluate` on a portfolio (several contracts, a directory, a glob) and returns its exit code. */
export function runEvaluatePortfolio(specs: string[], options: EvaluateCommandOptions, io: Output, env: EvaluateEnvironment = {}): Promise<number> {
  return runPortfolio(
    specs,
    {
      format: options.format ?? 'text',
      metrics: options.metrics ?? [],
      options: { sla: options.sla, at: options.at, from: options.from, to: options.to, explain: options.explain, baseDir: env.cwd, locale: io.locale },
      source: (cache) => prometheusSource(options, env.env ?? process.env, cache, io.locale),
    },
    io,
  );
}

/** Rows read and rate on stderr, redrawn at most four times a second, only on a terminal. */
/** Rows read and rate on one rewritten stderr line, for inputs that take more than half a second. */
export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly io: Output,
    private readonly enabled: boolean,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  update(rows: number): void {
    if (!this.enabled) return;
    const now = this.clock();
    if (now - this.started < 500 || now - this.lastDraw < 250) return;
    this.lastDraw = now;
    const rate = rows / ((now - this.started) / 1000);
    const progress = messages(this.io.locale).t('cli.evaluate.progress', { rows: rows.toLocaleString('en-US'), rate: formatRate(rate) });
    this.io.err(`\r\x1b[K${progress}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.io.err('\r\x1b[K');
    this.shown = false;
  }
}

function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(1)} M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(0)} k`;
  return rate.toFixed(0);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerEvaluateCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  program
    .command('evaluate')
    .description(t('cli.evaluate.description'))
    .argument('<contracts...>', t('cli.evaluate.contracts'))
    .option('-m, --metrics <paths...>', t('cli.evaluate.metrics'))
    .option('--prometheus <url>', t('cli.evaluate.prometheus', { variable: TOKEN_VARIABLE }))
    .option('--prometheus-header <header>', t('cli.evaluate.prometheusHeader'), collect)
    .option('--timeout <duration>', t('cli.evaluate.timeout'))
    .option('--concurrency <n>', t('cli.evaluate.concurrency'))
    .option('--from <time>', t('cli.evaluate.from'))
    .option('--to <time>', t('cli.evaluate.to'))
    .option('--max-answer-size <size>', t('cli.evaluate.maxAnswerSize'))
    .option('--no-push-down', t('cli.evaluate.noPushDown'))
    .option('--sla <name>', t('cli.evaluate.sla'))
    .option('--at <time>', t('cli.evaluate.at'))
    .addOption(new Option('-f, --format <format>', t('cli.diff.format')).choices(['text', 'json', 'markdown']).default('text'))
    .option('--allow-missing-metrics', t('evaluate.option.allowMissingMetrics'))
    .option('--explain', t('cli.evaluate.explain'))
    .action(async (contracts: string[], options: EvaluateCommandOptions) =>
      setExit(await (isPortfolio(contracts) ? runEvaluatePortfolio(contracts, options, io) : runEvaluate(contracts[0], options, io))),
    );
}
