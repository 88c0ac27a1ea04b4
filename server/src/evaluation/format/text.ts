// `sla evaluate --format text`: one table per objective (period, samples, attained vs
// target, status, credit), then the credits owed per interval and a one-line verdict.
import type { Report } from '../report';
import { messages, type Locale } from '../../l10n/index';
import { amountText, countResults, insufficientCount, leftOutText, partialMark, percentText, statusText, totalAmounts } from './common';
import { attainedText, coverageText, creditLabel, hasCoverage, periodLabel, targetText } from './labels';

export function formatText(report: Report, explain = false, locale?: Locale): string {
  const { t } = messages(locale);
  const lines: string[] = [];
  const title = report.title ? `${report.sla} "${report.title}"` : report.sla;
  lines.push(report.version ? t('report.text.version', { sla: title, version: report.version }) : title);
  lines.push(report.at ? t('report.text.timesRolling', { zone: report.timezone, at: report.at }) : t('report.text.times', { zone: report.timezone }));
  for (const o of report.objectives) {
    lines.push('');
    lines.push(`${o.name}: ${o.indicator} ${targetText(o)}, ${o.window}`);
    if (o.results.length === 0) {
      lines.push(`  ${t('report.text.noSamples')}`);
      continue;
    }
    // (1.1) A coverage column where the indicator has `every`.
    const coverage = hasCoverage(o);
    const rows = o.results.map((r) => [
      periodLabel(o.window, r.start, r.end, locale) + partialMark(r, locale),
      String(r.samples),
      ...(coverage ? [coverageText(r) ?? '—'] : []),
      attainedText(o, r),
      targetText(o),
      statusText(r.status, locale),
      percentText(r.credit),
    ]);
    const explanations = o.results.map((r) => (explain ? leftOutText(r, locale) : undefined));
    const head = [
      t('report.column.period'),
      t('report.column.samples'),
      ...(coverage ? [t('report.column.coverage')] : []),
      t('report.column.attained'),
      t('report.column.target'),
      t('report.column.status'),
      t('report.column.credit'),
    ];
    const right = [false, true, ...(coverage ? [true] : []), true, false, false, true];
    lines.push(...table(head, rows, right, explanations));
  }
  lines.push('');
  if (report.credits.length === 0) {
    lines.push(t('report.text.creditsNone'));
  } else {
    lines.push(t('report.text.creditsCap', { cap: percentText(report.credits[0].cap) }));
    const rows = report.credits.map((c) => [
      creditLabel(c, locale),
      c.uncapped > c.percent ? t('report.text.uncapped', { credit: percentText(c.percent), uncapped: percentText(c.uncapped) }) : percentText(c.percent),
      amountText(c),
    ]);
    lines.push(...table([t('report.column.period'), t('report.column.credit'), t('report.column.amount')], rows, [false, true, true]));
  }
  for (const q of report.queries ?? []) {
    lines.push('');
    const params = { source: q.source, count: q.count, bytes: bytesText(q.bytes, locale), shown: q.first.length };
    lines.push(q.count === 1 ? t('report.text.queries.one', params) : t('report.text.queries.other', params));
    for (const promql of q.first) {
      lines.push(`  ${promql.length > QUERY_SHOWN ? t('report.text.queryCut', { start: promql.slice(0, QUERY_SHOWN), length: promql.length }) : promql}`);
    }
  }
  const counts = countResults(report);
  const amounts = totalAmounts(report);
  lines.push('');
  const summary = { count: counts.results, met: counts.met, breached: counts.breached, noData: counts.noData };
  lines.push(
    (counts.results === 1 ? t('report.text.summary.one', summary) : t('report.text.summary.other', summary)) +
      insufficientCount(counts, locale) +
      (amounts.length > 0 ? t('report.text.creditsOwed', { amounts: amounts.join(', ') }) : ''),
  );
  return lines.join('\n') + '\n';
}

/** Batched queries can be long: the start shows their shape. */
const QUERY_SHOWN = 300;

function bytesText(bytes: number, locale: Locale | undefined): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return messages(locale).t('report.text.bytes', { count: bytes });
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
