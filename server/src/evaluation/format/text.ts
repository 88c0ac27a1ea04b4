// `sla evaluate --format text`: one table per objective (period, samples, attained vs
// target, status, credit), then the credits owed per interval and a one-line verdict.
import type { Report } from '../report';
import { messages, type Locale } from '../../l10n/index';
import { amountText, countResults, insufficientCount, leftOutText, partialMark, percentText, statusText, totalAmounts } from './common';
import { attainedText, coverageText, creditLabel, hasCoverage, periodLabel, targetText } from './labels';

export function formatText(report: Report, explain = false, locale?: Locale): string {
  const lines: string[] = [];
  const title = report.title ? ` "${report.title}"` : '';
  const version = report.version ? `, version ${report.version}` : '';
  lines.push(`${report.sla}${title}${version}`);
  lines.push(`Times in ${report.timezone}${report.at ? `; rolling windows end at ${report.at}` : ''}`);
  for (const o of report.objectives) {
    lines.push('');
    lines.push(`${o.name}: ${o.indicator} ${targetText(o)}, ${o.window}`);
    if (o.results.length === 0) {
      lines.push('  no samples of this indicator inside the effective dates');
      continue;
    }
    // (1.1) A coverage column where the indicator has `every`.
    const coverage = hasCoverage(o);
    const rows = o.results.map((r) => [
      periodLabel(o.window, r.start, r.end) + partialMark(r, locale),
      String(r.samples),
      ...(coverage ? [coverageText(r) ?? '—'] : []),
      attainedText(o, r),
      targetText(o),
      statusText(r.status, locale),
      percentText(r.credit),
    ]);
    const explanations = o.results.map((r) => (explain ? leftOutText(r) : undefined));
    const head = ['period', 'samples', ...(coverage ? [messages(locale).t('report.column.coverage')] : []), 'attained', 'target', 'status', 'credit'];
    const right = [false, true, ...(coverage ? [true] : []), true, false, false, true];
    lines.push(...table(head, rows, right, explanations));
  }
  lines.push('');
  if (report.credits.length === 0) {
    lines.push('Credits: none owed');
  } else {
    lines.push(`Credits (cap ${percentText(report.credits[0].cap)} per period)`);
    const rows = report.credits.map((c) => [
      creditLabel(c),
      percentText(c.percent) + (c.uncapped > c.percent ? ` (of ${percentText(c.uncapped)})` : ''),
      amountText(c),
    ]);
    lines.push(...table(['period', 'credit', 'amount'], rows, [false, true, true]));
  }
  for (const q of report.queries ?? []) {
    lines.push('');
    lines.push(`Prometheus ${q.source}: ${q.count} quer${q.count === 1 ? 'y' : 'ies'}, ${bytesText(q.bytes)} received; the first ${q.first.length}:`);
    for (const promql of q.first) lines.push(`  ${promql.length > QUERY_SHOWN ? `${promql.slice(0, QUERY_SHOWN)}… (${promql.length} characters)` : promql}`);
  }
  const counts = countResults(report);
  const amounts = totalAmounts(report);
  lines.push('');
  lines.push(
    `${counts.results} result${counts.results === 1 ? '' : 's'}: ${counts.met} met, ${counts.breached} breached, ${counts.noData} no data` +
      insufficientCount(counts, locale) +
      (amounts.length > 0 ? `; credits owed: ${amounts.join(', ')}` : ''),
  );
  return lines.join('\n') + '\n';
}

/** Batched queries can be long: the start shows their shape. */
const QUERY_SHOWN = 300;

function bytesText(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Columns padded to their widest cell; `right` aligns numbers. Display width counts CJK as two. */
export function table(head: string[], rows: string[][], right: boolean[], notes: (string | undefined)[] = []): string[] {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => (right[i] ? ' '.repeat(widths[i] - width(c)) + c : c + ' '.repeat(widths[i] - width(c))))
      .join('  ')
      .trimEnd();
  const out = [line(head)];
  rows.forEach((r, i) => {
    out.push(line(r));
    if (notes[i]) out.push(`      ${notes[i]}`);
  });
  return out;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
