// `sla evaluate --format markdown`: the report as Markdown tables, for pasting into a
// monthly service report.
import type { Report } from '../report';
import { amountText, countResults, leftOutText, percentText, totalAmounts } from './common';
import { attainedText, creditLabel, periodLabel, targetText } from './labels';
import { markdownCodeSpan, markdownText as escape } from '../../text/markdown';

const STATUS = { met: '✅ met', breached: '❌ breached', 'no-data': '— no data' } as const;

export function formatMarkdown(report: Report): string {
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
    `**${counts.met} met, ${counts.breached} breached, ${counts.noData} without data**` +
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
    out.push(`| Period | Samples | Attained | Status | Credit |${explain ? ' Notes |' : ''}`);
    out.push(`|---|---:|---:|---|---:|${explain ? '---|' : ''}`);
    for (const r of o.results) {
      const cells = [
        periodLabel(o.window, r.start, r.end) + (r.partial ? ' (partial)' : ''),
        String(r.samples),
        attainedText(o, r),
        STATUS[r.status],
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
