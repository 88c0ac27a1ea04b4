// `sla evaluate --format markdown`: the report as Markdown tables, for pasting into a
// monthly service report.
import type { Report, ResultStatus } from '../report';
import { messages, type Locale } from '../../l10n/index';
import { amountText, countResults, insufficientCount, leftOutText, partialMark, percentText, totalAmounts } from './common';
import { attainedText, coverageText, creditLabel, hasCoverage, periodLabel, targetText } from './labels';
import { markdownCodeSpan, markdownText as escape } from '../../text/markdown';

const STATUS = { met: '✅ met', breached: '❌ breached', 'no-data': '— no data' } as const;

function statusCell(status: ResultStatus, locale?: Locale): string {
  return status === 'insufficient-data' ? `◌ ${messages(locale).t('report.status.insufficientData')}` : STATUS[status];
}

export function formatMarkdown(report: Report, locale?: Locale): string {
  const out: string[] = [];
  out.push(`# SLA report: ${escape(report.sla)}${report.title ? ` — ${escape(report.title)}` : ''}`);
  out.push('');
  const facts = [report.version ? `Version ${escape(report.version)}` : undefined, `times in ${escape(report.timezone)}`];
  if (report.at) facts.push(`rolling windows end at ${report.at}`);
  out.push(facts.filter(Boolean).join(' · '));
  const counts = countResults(report);
  const amounts = totalAmounts(report);
  out.push('');
  out.push(
    `**${counts.met} met, ${counts.breached} breached, ${counts.noData} without data${insufficientCount(counts, locale)}**` +
      (amounts.length > 0 ? ` · credits owed: **${amounts.join(', ')}**` : ''),
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
    out.push(`Indicator ${markdownCodeSpan(o.indicator)}, target ${markdownCodeSpan(targetText(o))}, window ${escape(o.window)}.`);
    out.push('');
    if (o.results.length === 0) {
      out.push('No samples of this indicator inside the effective dates.');
      continue;
    }
    // (1.1) A coverage column where the indicator has `every`.
    const coverage = hasCoverage(o);
    const coverageHead = coverage ? ` ${capitalised(messages(locale).t('report.column.coverage'))} |` : '';
    out.push(`| Period | Samples |${coverageHead} Attained | Status | Credit |${explain ? ' Notes |' : ''}`);
    out.push(`|---|---:|${coverage ? '---:|' : ''}---:|---|---:|${explain ? '---|' : ''}`);
    for (const r of o.results) {
      const cells = [
        periodLabel(o.window, r.start, r.end) + partialMark(r, locale),
        String(r.samples),
        ...(coverage ? [coverageText(r) ?? '—'] : []),
        attainedText(o, r),
        statusCell(r.status, locale),
        percentText(r.credit),
      ];
      if (explain) cells.push(leftOutText(r) ?? '');
      out.push(`| ${cells.map(escape).join(' | ')} |`);
    }
  }
  out.push('');
  out.push('## Credits');
  out.push('');
  if (report.credits.length === 0) {
    out.push('None owed.');
  } else {
    out.push('| Period | Credit | Amount |');
    out.push('|---|---:|---:|');
    for (const c of report.credits) {
      const credit = percentText(c.percent) + (c.uncapped > c.percent ? ` (capped from ${percentText(c.uncapped)})` : '');
      out.push(`| ${escape(creditLabel(c))} | ${escape(credit)} | ${escape(amountText(c))} |`);
    }
  }
  return out.join('\n') + '\n';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
