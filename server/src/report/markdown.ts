// The report in Markdown: the same content as the HTML, the daily series as a table of the
// days with data. Every string from the contract or the data goes through text/markdown.ts.
import { markdownCodeSpan, markdownText as md } from '../text/markdown';
import type { Messages } from '../l10n/index';
import type { ObjectiveSection, ReportDocument } from './model';
import {
  amountText,
  claimText,
  creditTotalText,
  documentFacts,
  groupHeading,
  itemKind,
  leftOutText,
  objectiveFacts,
  objectiveHeading,
  percentText,
  statusWord,
  summaryColumns,
  summaryText,
  timeText,
  valueText,
  wordsFor,
  type FactRow,
} from './wording';

export function renderMarkdown(d: ReportDocument): string {
  const m = wordsFor(d);
  const out: string[] = [];
  out.push(`# ${md(d.title ? `${d.title} (${d.sla})` : d.sla)}`, '');
  out.push(`${md(m.t('report.doc.heading'))} · ${md(d.period.label)}`, '');
  for (const row of documentFacts(d, m)) out.push(factLine(row, m));
  out.push('', `## ${md(m.t('report.doc.summary'))}`, '', md(summaryText(d, m)), '');
  out.push(`| ${summaryColumns(m).map(md).join(' | ')} |`);
  out.push('|---|---|---:|---|---:|');
  for (const o of d.objectives) {
    const r = o.result;
    out.push(`| ${[objectiveHeading(o), o.target, r ? r.attainedText : '—', r ? statusWord(r.status, m) : '—', r ? percentText(r.credit) : '—'].map(md).join(' | ')} |`);
  }
  if (d.credits.owed.length > 0) {
    const amount = amountText(d.credits);
    out.push('', `**${md(creditTotalText(d.credits, m))}${amount ? ` · ${md(m.t('report.doc.credits.amount', { amount }))}` : ''}**`);
  }
  if (d.warnings.length > 0) {
    out.push('', `### ${md(m.t('report.doc.warnings'))}`, '');
    for (const w of d.warnings) out.push(`- ${md(w)}`);
  }
  for (const o of d.objectives) out.push('', ...objectiveMarkdown(o, m));
  out.push('', ...creditsMarkdown(d, m));
  out.push('', '---', '', md(m.t('report.doc.footer', { zone: d.timezone })));
  return out.join('\n') + '\n';
}

function objectiveMarkdown(o: ObjectiveSection, m: Messages): string[] {
  const out: string[] = [`## ${md(objectiveHeading(o))}`, ''];
  const r = o.result;
  for (const row of objectiveFacts(o, m)) out.push(factLine(row, m));
  if (!r) out.push('', md(m.t('report.doc.noResult')));
  if (r?.partial) out.push('', `> ${md(m.t('report.doc.partial'))}`);

  if (o.daily.length > 0) {
    out.push('', `### ${md(m.t('report.doc.daily'))}`, '');
    const withData = o.daily.filter((p) => p.value !== null);
    if (withData.length === 0) {
      out.push(md(m.t('report.doc.daily.none')));
    } else {
      out.push(`| ${md(m.t('report.doc.daily.day'))} | ${md(m.t('report.doc.attained'))} | ${md(m.t('report.doc.status'))} |`, '|---|---:|---|');
      for (const p of withData) out.push(`| ${p.date} | ${md(valueText(p.value!, o.unit))} | ${md(statusWord(p.status, m))} |`);
      const without = o.daily.length - withData.length;
      if (without > 0) out.push('', md(m.t('report.doc.daily.withoutData', { count: without })));
    }
  }

  out.push('', `### ${md(m.t('report.doc.exclusions'))}`, '');
  const time = timeText(o, m);
  if (time) out.push(md(time), '');
  const leftOut = leftOutText(o, m);
  if (leftOut) out.push(md(leftOut), '');
  if (o.exclusions.length === 0) out.push(md(m.t('report.doc.exclusions.none')));
  for (const g of o.exclusions) {
    out.push(`- **${md(groupHeading(g, m))}**${g.comment ? ` — ${md(m.t('report.doc.exclusion.why', { comment: g.comment }))}` : ''}`);
    for (const item of g.items) out.push(`  - ${md(m.t('report.doc.field', { name: itemKind(item, m) }))} ${markdownCodeSpan(item.written)}${item.comment ? ` — ${md(item.comment)}` : ''}`);
  }
  return out;
}

function factLine(row: FactRow, m: Messages): string {
  return `- **${md(m.t('report.doc.field', { name: row.name }))}** ${md(row.value)}`;
}

function creditsMarkdown(d: ReportDocument, m: Messages): string[] {
  const c = d.credits;
  const out: string[] = [`## ${md(m.t('report.doc.credits'))}`, ''];
  if (c.owed.length === 0) {
    out.push(md(m.t('report.doc.credits.none')));
  } else {
    out.push(`| ${md(m.t('report.doc.objective'))} | ${md(m.t('report.doc.credits.tier'))} | ${md(m.t('report.doc.credits.credit'))} |`, '|---|---|---:|');
    for (const o of c.owed) out.push(`| ${md(o.title ? `${o.title} (${o.objective})` : o.objective)} | ${md(o.tier ?? '—')} | ${md(percentText(o.percent))} |`);
    out.push('', `**${md(creditTotalText(c, m))}**`);
    const amount = amountText(c);
    if (amount) out.push('', `**${md(m.t('report.doc.credits.amount', { amount }))}**`);
  }
  if (c.fee) out.push('', md(m.t('report.doc.credits.fee', { fee: c.fee })));
  out.push('', md(claimText(c, m)));
  for (const remedy of c.remedies) out.push('', md(m.t('report.doc.credits.remedy', { remedy })));
  return out;
}
