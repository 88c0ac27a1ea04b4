// `sla evaluate CONTRACT --metrics FILE|DIR|GLOB… [--sla NAME] [--at TIME]
// [--format text|json|markdown] [--explain]`: evaluates a contract against metric files.
// Exit 0 when every result is met or no-data, 1 when any is breached, 2 on errors.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import {
  ContractError,
  EvaluationError,
  evaluateFiles,
  formatDiagnostic,
  formatMarkdown,
  formatText,
  hasBreach,
} from '../../server/src/evaluation/index';
import type { Output } from './check';
import { reason } from './inputs';

export interface EvaluateCommandOptions {
  metrics: string[];
  sla?: string;
  at?: string;
  format?: 'text' | 'json' | 'markdown';
  explain?: boolean;
}

export interface EvaluateEnvironment {
  /** Whether stderr is a terminal (progress is shown then). Default: process.stderr.isTTY. */
  progress?: boolean;
  /** Base for relative paths; default: the working directory. */
  cwd?: string;
}

/** Runs `sla evaluate` and returns its exit code; all output goes through `io`. */
export async function runEvaluate(
  contractPath: string,
  options: EvaluateCommandOptions,
  io: Output,
  env: EvaluateEnvironment = {},
): Promise<number> {
  let text: string;
  try {
    text = await readFile(env.cwd ? path.resolve(env.cwd, contractPath) : contractPath, 'utf8');
  } catch (error) {
    io.err(`sla evaluate: cannot read ${contractPath}: ${reason(error)}\n`);
    return 2;
  }
  const progress = new Progress(io, env.progress ?? process.stderr.isTTY === true);
  try {
    const { report } = await evaluateFiles(text, contractPath, options.metrics ?? [], {
      slaName: options.sla,
      at: options.at,
      explain: options.explain,
      baseDir: env.cwd,
      onProgress: (rows) => progress.update(rows),
      // SLA_WORKERS=1 reads large CSV files on one thread (benchmarks compare both).
      parallel: process.env.SLA_WORKERS ? { workers: Number(process.env.SLA_WORKERS) } : undefined,
    });
    progress.clear();
    const format = options.format ?? 'text';
    if (format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'markdown') io.out(formatMarkdown(report));
    else io.out(formatText(report, options.explain));
    return hasBreach(report) ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (error instanceof ContractError) {
      for (const d of error.diagnostics) io.err(formatDiagnostic(contractPath, d) + '\n');
      const n = error.diagnostics.length;
      io.err(`sla evaluate: ${contractPath} has ${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} before evaluating\n`);
      return 2;
    }
    if (error instanceof EvaluationError) {
      io.err(`sla evaluate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Rows read and rate on stderr, redrawn at most four times a second, only on a terminal. */
class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly io: Output,
    private readonly enabled: boolean,
  ) {}

  update(rows: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 500 || now - this.lastDraw < 250) return;
    this.lastDraw = now;
    const rate = rows / ((now - this.started) / 1000);
    this.io.err(`\r\x1b[Kreading metrics: ${rows.toLocaleString('en-US')} rows (${formatRate(rate)} rows/s)`);
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

export function registerEvaluateCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  program
    .command('evaluate')
    .description('evaluate a contract against metrics; exit 1 when any objective is breached, 2 on errors')
    .argument('<contract>', 'the .sla contract file')
    .requiredOption('-m, --metrics <paths...>', 'metric files (CSV or Prometheus JSON), directories or globs; repeatable')
    .option('--sla <name>', 'the sla block to evaluate (default: the first in the file)')
    .option('--at <time>', 'end of rolling windows (RFC 3339, local YYYY-MM-DD HH:MM[:SS], or Unix time); default: the latest sample')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--explain', 'show, per result, the samples each rule left out, the tier applied and whether the cap cut the total')
    .action(async (contract: string, options: EvaluateCommandOptions) => setExit(await runEvaluate(contract, options, io)));
}
