// `sla evaluate DIR|GLOB|FILE FILE…`: a provider's portfolio, one contract per customer,
// evaluated in one run against the same metric files or server. Against a server, the
// contracts share one query cache, so a question one contract asked is not sent again
// for the next. Prints a summary (text, Markdown, or JSON with every contract's report),
// each contract's warnings and errors on stderr, and exits as for one contract: 2 when any
// contract could not be evaluated, else 1 when any is breached, else 0.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { EvaluationAborted, EvaluationError, type EvaluateOptions } from '../../server/src/evaluation/index';
import { formatPortfolioMarkdown, formatPortfolioText } from '../../server/src/evaluation/format/portfolio';
import { evaluatePortfolio } from '../../server/src/evaluation/portfolio';
import { QueryCache, type PrometheusSource } from '../../server/src/evaluation/prometheus/index';
import type { Output } from './check';
import { expandInputs, UsageError } from './inputs';
import { messages } from '../../server/src/l10n/index';

/** Several contracts, a directory or a glob: a portfolio. One existing file is one contract. */
export function isPortfolio(args: readonly string[], cwd = process.cwd()): boolean {
  if (args.length !== 1) return true;
  try {
    return statSync(path.resolve(cwd, args[0])).isDirectory();
  } catch {
    return isDynamicPattern(args[0]);
  }
}

export interface PortfolioSetup {
  format: 'text' | 'json' | 'markdown';
  /** Metric files, directories or globs (each contract reads them). */
  metrics: string[];
  options: EvaluateOptions;
  /** A server source for one contract, answering through the shared cache; undefined without --prometheus. Throws EvaluationError on bad options. */
  source(cache: QueryCache): PrometheusSource | undefined;
}

export async function runPortfolio(specs: string[], setup: PortfolioSetup, io: Output): Promise<number> {
  let files: string[];
  try {
    files = expandInputs(specs, ['.sla'], io.locale);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`sla evaluate: ${error.message}\n`);
    return 2;
  }
  const cache = new QueryCache();
  const sources: PrometheusSource[] = [];
  try {
    // Bad options are one error, not one per contract.
    if (setup.source(cache) === undefined && setup.metrics.length === 0) {
      throw new EvaluationError(messages(io.locale).t('cli.evaluate.noMetrics'));
    }
    const portfolio = await evaluatePortfolio(
      files.map((name) => ({ path: path.resolve(setup.options.baseDir ?? process.cwd(), name), name })),
      () => {
        const source = setup.source(cache);
        if (source) sources.push(source);
        return { metrics: setup.metrics, sources: source ? [source] : [] };
      },
      setup.options,
    );
    if (sources.length > 0) {
      const logs = sources.map((s) => s.queryLog());
      portfolio.queries = { sent: logs.reduce((n, l) => n + l.count, 0), shared: cache.hits, bytes: logs.reduce((n, l) => n + l.bytes, 0) };
    }
    for (const row of portfolio.contracts) {
      for (const warning of row.report?.warnings ?? []) io.err(`sla evaluate: ${messages(io.locale).t('cli.evaluate.warning', { message: `${row.contract}: ${warning}` })}\n`);
      if (row.error !== undefined) io.err(`sla evaluate: ${row.contract}: ${row.error}\n`);
    }
    if (setup.format === 'json') io.out(JSON.stringify(portfolio, null, 2) + '\n');
    else if (setup.format === 'markdown') io.out(formatPortfolioMarkdown(portfolio, io.locale));
    else io.out(formatPortfolioText(portfolio, io.locale));
    return portfolio.totals.errors > 0 ? 2 : portfolio.totals.breached > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof EvaluationError || error instanceof EvaluationAborted) {
      io.err(`sla evaluate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
