// The portfolio summary (sla evaluate DIR|GLOB) as text and as Markdown: one line per
// contract (customer, sla, status, credits owed per currency), then the totals.
import type { OwedAmount, PortfolioReport, PortfolioRow } from '../portfolio';
import { formatNumber } from '../../language/numberFormat';
import { markdownText as escape } from '../../text/markdown';
import { messages, type Locale, type Messages } from '../../l10n/index';
import { table } from './text';
import { capitalised } from './common';

const STATUS_ID = { met: 'portfolio.status.met', breached: 'portfolio.status.breached', insufficient: 'portfolio.status.insufficient', error: 'portfolio.status.error' } as const;

function owedText(amounts: readonly OwedAmount[]): string {
  return amounts.map((a) => `${formatNumber(a.amount, 2)} ${a.currency}`).join(', ');
}

function totalsText(p: PortfolioReport, t: Messages['t']): string {
  const total = p.totals;
  const owed = owedText(total.credits);
  const params = { count: total.contracts, met: total.met, breached: total.breached, insufficient: total.insufficient, errors: total.errors };
  const totals = total.contracts === 1 ? t('portfolio.totals.one', params) : t('portfolio.totals.other', params);
  return owed ? t('portfolio.totals.owed', { totals, owed }) : totals;
}

function queriesText(p: PortfolioReport, t: Messages['t']): string | undefined {
  const q = p.queries;
  if (!q) return undefined;
  return t('portfolio.queries', { sent: q.sent, shared: q.shared, asked: q.sent + q.shared, bytes: q.bytes });
}

export function formatPortfolioText(p: PortfolioReport, locale?: Locale): string {
  const { t } = messages(locale);
  const lines = [t('portfolio.text.heading', { totals: totalsText(p, t) }), ''];
  const rows = p.contracts.map((r) => [r.contract, r.customer ?? '-', r.sla ?? '-', t(STATUS_ID[r.status]), owedText(r.credits) || '-']);
  const head = [t('portfolio.column.contract'), t('portfolio.column.customer'), t('portfolio.column.sla'), t('portfolio.column.status'), t('portfolio.column.owed')];
  lines.push(...table(head, rows, [false, false, false, false, true], p.contracts.map((r) => r.error)));
  const queries = queriesText(p, t);
  if (queries) lines.push('', queries);
  return lines.join('\n') + '\n';
}

export function formatPortfolioMarkdown(p: PortfolioReport, locale?: Locale): string {
  const { t } = messages(locale);
  const head = [t('portfolio.column.contract'), t('portfolio.column.customer'), 'SLA', t('portfolio.column.status'), t('portfolio.column.owed')].map(capitalised);
  const out = [`# ${t('portfolio.md.heading')}`, '', escape(totalsText(p, t)), '', `| ${head.join(' | ')} |`, '|---|---|---|---|---:|'];
  for (const r of p.contracts) {
    const status = r.status === 'error' ? `${t(STATUS_ID.error)}: ${r.error ?? ''}` : t(STATUS_ID[r.status]);
    out.push(`| ${[r.contract, r.customer ?? '', r.sla ?? '', status, owedText(r.credits)].map(escape).join(' | ')} |`);
  }
  const queries = queriesText(p, t);
  if (queries) out.push('', escape(queries));
  return out.join('\n') + '\n';
}
