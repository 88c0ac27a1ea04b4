// `sla evaluate --format markdown`: the report as Markdown tables, for pasting into a
// monthly service report.
import type { Report, ResultStatus } from '../report';
import { messages, type Locale, type MessageId } from '../../l10n/index';
import { amountText, capitalised, countResults, insufficientCount, leftOutText, partialMark, percentText, STATUS_ID, totalAmounts } from './common';
import { attainedText, coverageText, creditLabel, hasCoverage, periodLabel, targetText } from './labels';
import { markdownCodeSpan, markdownText as escape } from '../../text/markdown';

const STATUS_MARK = { met: '✅', breached: '❌', 'no-data': '—', 'insufficient-data': '◌' } as const;

type ColumnId = Extract<MessageId, `report.column.${string}`>;

function statusCell(status: ResultStatus, locale?: Locale): string {
  return `${STATUS_MARK[status]} ${messages(locale).t(STATUS_ID[status])}`;
}

export function formatMarkdown(report: Report, locale?: Locale): string {
  const { t } = messages(locale);
  const column = (id: ColumnId) => capitalised(t(id));
  const out: string[] = [];
  out.push(`# ${t('report.md.heading', { sla: escape(report.sla) })}${report.title ? ` — ${escape(report.title)}` : ''}`);
  out.push('');
  const facts = [report.version ? t('report.md.version', { version: escape(report.version) }) : undefined, t('report.md.times', { zone: escape(report.timezone) })];
  if (report.at) facts.push(t('report.md.rollingEnd', { at: report.at }));
  out.push(facts.filter(Boolean).join(' · '));
  const counts = countResults(report);
  const amounts = totalAmounts(report);
  out.push('');
  out.push(
    `**${t('report.md.summary', { met: counts.met, breached: counts.breached, noData: counts.noData })}${insufficientCount(counts, locale)}**` +
      (amounts.length > 0 ? ` · ${t('report.md.creditsOwed', { amounts: `**${amounts.join(', ')}**` })}` : ''),
  );
  for (const warning of report.warnings ?? []) {
    out.push('');
    out.push(`> ⚠ ${escape(warning)}`);
  }
  const explain = report.objectives.some((o) => o.results.some((r) => r.explain));
  for (const o of report.objectives) {
    out.push('');
    out.push(`## ${escape(o.name)}`);
    out.push('');
    out.push(t('report.md.objective', { indicator: markdownCodeSpan(o.indicator), target: markdownCodeSpan(targetText(o)), window: escape(o.window) }));
    out.push('');
    if (o.results.length === 0) {
      out.push(t('report.md.noSamples'));
      continue;
    }
    // (1.1) A coverage column where the indicator has `every`.
    const coverage = hasCoverage(o);
    const head = [
      column('report.column.period'),
      column('report.column.samples'),
      ...(coverage ? [column('report.column.coverage')] : []),
      column('report.column.attained'),
      column('report.column.status'),
      column('report.column.credit'),
      ...(explain ? [column('report.column.notes')] : []),
    ];
    out.push(`| ${head.join(' | ')} |`);
    out.push(`|---|---:|${coverage ? '---:|' : ''}---:|---|---:|${explain ? '---|' : ''}`);
    for (const r of o.results) {
      const cells = [
        periodLabel(o.window, r.start, r.end, locale) + partialMark(r, locale),
        String(r.samples),
        ...(coverage ? [coverageText(r) ?? '—'] : []),
        attainedText(o, r),
        statusCell(r.status, locale),
        percentText(r.credit),
      ];
      if (explain) cells.push(leftOutText(r, locale) ?? '');
      out.push(`| ${cells.map(escape).join(' | ')} |`);
    }
  }
  out.push('');
  out.push(`## ${t('report.md.credits')}`);
  out.push('');
  if (report.credits.length === 0) {
    out.push(t('report.md.noneOwed'));
  } else {
    out.push(`| ${column('report.column.period')} | ${column('report.column.credit')} | ${column('report.column.amount')} |`);
    out.push('|---|---:|---:|');
    for (const c of report.credits) {
      const credit = c.uncapped > c.percent ? t('report.md.capped', { credit: percentText(c.percent), uncapped: percentText(c.uncapped) }) : percentText(c.percent);
      out.push(`| ${escape(creditLabel(c, locale))} | ${escape(credit)} | ${escape(amountText(c))} |`);
    }
  }
  return out.join('\n') + '\n';
}
