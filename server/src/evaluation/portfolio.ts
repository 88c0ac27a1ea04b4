// A provider's portfolio: many contracts (one per customer) evaluated in one run against
// the same sources, one after the other (a shared query cache then answers the questions
// an earlier contract already asked), and summed up: per contract its customer, whether
// it is met, breached or lacks data, and the credits owed per currency; in total the same.
import { readFile } from 'node:fs/promises';
import { analyze } from '../language/analyze';
import type { Sla } from '../language/ast';
import type { EvaluateOptions } from './evaluate';
import { ContractError, EvaluationAborted, EvaluationError } from './errors';
import { evaluateContract, type SourceSpec } from './index';
import { hasBreach, type Report } from './report';
import { messages } from '../l10n/index';

export type ContractStatus = 'met' | 'breached' | 'insufficient' | 'error';

export interface OwedAmount {
  currency: string;
  amount: number;
}

export interface PortfolioRow {
  /** The contract file as the user named it. */
  contract: string;
  /** The evaluated `sla` block's name; null when the file could not be read or analysed. */
  sla: string | null;
  /** The contract's `customer`, or null when it has none. */
  customer: string | null;
  /** breached: some result is breached; met: every result is met; insufficient: otherwise (no-data results, or none); error: not evaluated. */
  status: ContractStatus;
  /** Credits owed with an amount (the fee's period matches), per currency, sorted by currency. */
  credits: OwedAmount[];
  /** Why the contract was not evaluated (status `error`). */
  error?: string;
  /** The contract's full report (status other than `error`). */
  report?: Report;
}

export interface PortfolioReport {
  contracts: PortfolioRow[];
  totals: { contracts: number; met: number; breached: number; insufficient: number; errors: number; credits: OwedAmount[] };
  /** With a server: requests sent, requests answered from the queries the contracts share, bytes received. */
  queries?: { sent: number; shared: number; bytes: number };
}

export interface PortfolioContract {
  /** Absolute path. */
  path: string;
  /** As the user named it. */
  name: string;
}

/**
 * Evaluates each contract against the sources `spec` gives for it (called once per
 * contract: a server source is made per contract, sharing a query cache). A contract that
 * cannot be read, has errors or fails to evaluate gets status `error` and its reason; a
 * cancelled run rejects with EvaluationAborted.
 */
export async function evaluatePortfolio(
  contracts: readonly PortfolioContract[],
  spec: (contract: PortfolioContract) => SourceSpec,
  options: EvaluateOptions = {},
): Promise<PortfolioReport> {
  const rows: PortfolioRow[] = [];
  for (const contract of contracts) {
    if (options.signal?.aborted) throw new EvaluationAborted(options.locale);
    rows.push(await evaluateOne(contract, spec, options));
  }
  const count = (status: ContractStatus) => rows.filter((r) => r.status === status).length;
  return {
    contracts: rows,
    totals: {
      contracts: rows.length,
      met: count('met'),
      breached: count('breached'),
      insufficient: count('insufficient'),
      errors: count('error'),
      credits: sumAmounts(rows.flatMap((r) => r.credits)),
    },
  };
}

async function evaluateOne(contract: PortfolioContract, spec: (contract: PortfolioContract) => SourceSpec, options: EvaluateOptions): Promise<PortfolioRow> {
  const row: PortfolioRow = { contract: contract.name, sla: null, customer: null, status: 'error', credits: [] };
  let text: string;
  try {
    text = await readFile(contract.path, 'utf8');
  } catch (error) {
    row.error = messages(options.locale).t('metrics.cannotRead', { reason: (error as Error).message });
    return row;
  }
  const analysis = analyze(text, { locale: options.locale });
  const wanted = options.sla;
  const sla = analysis.parse.file.slas.find((s) => wanted === undefined || s.name?.text === wanted);
  row.sla = sla?.name?.text ?? null;
  row.customer = sla ? customerOf(sla) : null;
  try {
    const { report } = await evaluateContract(analysis, contract.name, spec(contract), options);
    row.report = report;
    row.status = statusOf(report);
    row.credits = sumAmounts(report.credits.flatMap((c) => (c.amount !== null && c.currency ? [{ currency: c.currency, amount: c.amount }] : [])));
  } catch (error) {
    if (error instanceof EvaluationAborted) throw error;
    if (error instanceof ContractError) {
      const n = error.diagnostics.length;
      const params = { count: n, file: contract.name };
      row.error = n === 1 ? messages(options.locale).t('portfolio.contractErrors.one', params) : messages(options.locale).t('portfolio.contractErrors.other', params);
    } else if (error instanceof EvaluationError) {
      row.error = error.message;
    } else {
      throw error;
    }
  }
  return row;
}

function customerOf(sla: Sla): string | null {
  for (const item of sla.items) if (item.type === 'Customer' && item.value) return item.value.value;
  return null;
}

export function statusOf(report: Report): ContractStatus {
  if (hasBreach(report)) return 'breached';
  const results = report.objectives.flatMap((o) => o.results);
  return results.length > 0 && results.every((r) => r.status === 'met') ? 'met' : 'insufficient';
}

function sumAmounts(amounts: readonly OwedAmount[]): OwedAmount[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.amount);
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, amount]) => ({ currency, amount }));
}
