// The portfolio summary (sla evaluate DIR|GLOB) as text and as Markdown: one line per
// contract (customer, sla, status, credits owed per currency), then the totals.
import type { OwedAmount, PortfolioReport, PortfolioRow } from '../portfolio';
import { formatNumber } from '../../language/numberFormat';
import { escape } from './markdown';
import { table } from './text';

const STATUS: Record<PortfolioRow['status'], string> = { met: 'met', breached: 'BREACHED', insufficient: 'insufficient data', error: 'ERROR' };

function owedText(amounts: readonly OwedAmount[]): string {
  return amounts.map((a) => `${formatNumber(a.amount, 2)} ${a.currency}`).join(', ');
}

function totalsText(p: PortfolioReport): string {
  const t = p.totals;
  const owed = owedText(t.credits);
  return (
    `${t.contracts} contract${t.contracts === 1 ? '' : 's'}: ${t.met} met, ${t.breached} breached, ${t.insufficient} with insufficient data, ${t.errors} not evaluated` +
    (owed ? `; credits owed: ${owed}` : '')
  );
}

function queriesText(p: PortfolioReport): string | undefined {
  const q = p.queries;
  if (!q) return undefined;
  const asked = q.sent + q.shared;
  return `${q.sent} requests sent, ${q.shared} of ${asked} answered by identical queries of an earlier contract, ${q.bytes} bytes received`;
}

export function formatPortfolioText(p: PortfolioReport): string {
  const lines = [`Portfolio: ${totalsText(p)}`, ''];
  const rows = p.contracts.map((r) => [r.contract, r.customer ?? '-', r.sla ?? '-', STATUS[r.status], owedText(r.credits) || '-']);
  lines.push(...table(['contract', 'customer', 'sla', 'status', 'credits owed'], rows, [false, false, false, false, true], p.contracts.map((r) => r.error)));
  const queries = queriesText(p);
  if (queries) lines.push('', queries);
  return lines.join('\n') + '\n';
}

export function formatPortfolioMarkdown(p: PortfolioReport): string {
  const out = ['# SLA portfolio', '', escape(totalsText(p)), '', '| Contract | Customer | SLA | Status | Credits owed |', '|---|---|---|---|---:|'];
  for (const r of p.contracts) {
    const status = r.status === 'error' ? `${STATUS.error}: ${r.error ?? ''}` : STATUS[r.status];
    out.push(`| ${[r.contract, r.customer ?? '', r.sla ?? '', status, owedText(r.credits)].map(escape).join(' | ')} |`);
  }
  const queries = queriesText(p);
  if (queries) out.push('', escape(queries));
  return out.join('\n') + '\n';
}
