// The report as one self-contained HTML file: inline CSS and SVG, no script, no external
// resource, printable to A4 (`@page`, each objective kept off a page break where it fits).
// Every string from the contract, the data or the catalogue is escaped.
import { htmlText as h } from '../text/html';
import { dailyChartSvg } from './chart';
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
  wordsFor,
  type FactRow,
} from './wording';
import type { Messages } from '../l10n/index';
import type { ResultStatus } from '../evaluation/report';

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 180mm; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #d0d7de; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #d0d7de; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; }
.facts th { width: 32%; }
.status { font-weight: 600; }
.status.met { color: #1a7f37; }
.status.breached { color: #cf222e; }
.status.no-data, .status.insufficient-data { color: #6e7781; }
.objective { margin-bottom: 5mm; }
table, svg.chart, li { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.note { color: #57606a; font-size: 9.5pt; margin: 1mm 0; }
.warnings li { color: #9a6700; }
.why { color: #57606a; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 1mm 0 2mm; }
svg.chart .plot { fill: #fbfcfd; stroke: #d0d7de; }
svg.chart .grid { stroke: #eaeef2; }
svg.chart .tick { font-size: 9px; fill: #57606a; }
svg.chart .target { stroke: #cf222e; stroke-dasharray: 5 3; }
svg.chart .target-label { font-size: 9px; fill: #cf222e; }
svg.chart .series { fill: none; stroke: #0969da; stroke-width: 1.2; }
svg.chart .point { stroke: #ffffff; stroke-width: 0.6; }
svg.chart .point.met { fill: #1a7f37; }
svg.chart .point.breached { fill: #cf222e; }
svg.chart .point.insufficient-data, svg.chart .point.no-data { fill: #8c959f; }
svg.chart .no-data { fill: #8c959f; }
.credits { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 8mm; color: #6e7781; font-size: 8.5pt; }
`;

export function renderHtml(d: ReportDocument): string {
  const m = wordsFor(d);
  const title = d.title ? `${d.title} (${d.sla})` : d.sla;
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${d.locale === 'zh-CN' ? 'zh-CN' : 'en'}">`);
  out.push('<head><meta charset="utf-8">');
  out.push(`<title>${h(`${m.t('report.doc.heading')}: ${title} — ${d.period.label}`)}</title>`);
  out.push(`<style>${STYLE}</style></head>`);
  out.push('<body>');
  out.push(`<header><h1>${h(title)}</h1><p class="note">${h(m.t('report.doc.heading'))} · ${h(d.period.label)}</p></header>`);
  out.push('<table class="facts">');
  for (const row of documentFacts(d, m)) out.push(factRow(row, m));
  out.push('</table>');

  out.push(`<h2>${h(m.t('report.doc.summary'))}</h2>`);
  out.push(`<p>${h(summaryText(d, m))}</p>`);
  out.push('<table><thead><tr>');
  for (const head of summaryColumns(m)) out.push(`<th>${h(head)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const o of d.objectives) {
    const r = o.result;
    out.push(
      `<tr><td>${h(objectiveHeading(o))}</td><td>${h(o.target)}</td><td class="num">${h(r ? r.attainedText : '—')}</td>` +
        `<td>${r ? statusCell(r.status, m) : h('—')}</td><td class="num">${h(r ? percentText(r.credit) : '—')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (d.credits.owed.length > 0) out.push(`<p><strong>${h(creditTotalText(d.credits, m))}${amountText(d.credits) ? ` · ${h(m.t('report.doc.credits.amount', { amount: amountText(d.credits)! }))}` : ''}</strong></p>`);
  if (d.warnings.length > 0) {
    out.push(`<h3>${h(m.t('report.doc.warnings'))}</h3><ul class="warnings">`);
    for (const w of d.warnings) out.push(`<li>${h(w)}</li>`);
    out.push('</ul>');
  }

  for (const o of d.objectives) out.push(objectiveHtml(o, m));
  out.push(creditsHtml(d, m));
  out.push(`<footer>${h(m.t('report.doc.footer', { zone: d.timezone }))}</footer>`);
  out.push('</body></html>');
  return out.join('\n') + '\n';
}

function factRow(row: FactRow, m: Messages): string {
  return `<tr><th>${h(row.name)}</th><td>${row.status ? statusCell(row.status, m) : h(row.value)}</td></tr>`;
}

function statusCell(status: ResultStatus, m: Messages): string {
  return `<span class="status ${status}">${h(statusWord(status, m))}</span>`;
}

function objectiveHtml(o: ObjectiveSection, m: Messages): string {
  const out: string[] = [];
  out.push('<section class="objective">');
  out.push(`<h2>${h(objectiveHeading(o))}</h2>`);
  const r = o.result;
  out.push('<table class="facts">');
  for (const row of objectiveFacts(o, m)) out.push(factRow(row, m));
  out.push('</table>');
  if (!r) out.push(`<p class="note">${h(m.t('report.doc.noResult'))}</p>`);
  if (r?.partial) out.push(`<p class="note">${h(m.t('report.doc.partial'))}</p>`);

  if (o.daily.length > 0) {
    out.push(`<h3>${h(m.t('report.doc.daily'))}</h3>`);
    if (o.daily.every((p) => p.value === null)) {
      out.push(`<p class="note">${h(m.t('report.doc.daily.none'))}</p>`);
    } else {
      out.push(
        dailyChartSvg({
          points: o.daily,
          unit: o.unit,
          target: o.targetInUnit,
          targetLabel: m.t('report.doc.chart.target', { target: o.targetLine ?? o.target }),
          label: m.t('report.doc.chart.label', { objective: objectiveHeading(o), target: o.target }),
        }),
      );
      const without = o.daily.filter((p) => p.value === null).length;
      if (without > 0) out.push(`<p class="note">${h(m.t('report.doc.daily.withoutData', { count: without }))}</p>`);
    }
  }

  out.push(`<h3>${h(m.t('report.doc.exclusions'))}</h3>`);
  const time = timeText(o, m);
  if (time) out.push(`<p class="note">${h(time)}</p>`);
  const leftOut = leftOutText(o, m);
  if (leftOut) out.push(`<p class="note">${h(leftOut)}</p>`);
  if (o.exclusions.length === 0) out.push(`<p>${h(m.t('report.doc.exclusions.none'))}</p>`);
  for (const g of o.exclusions) {
    out.push(`<p><strong>${h(groupHeading(g, m))}</strong>${g.comment ? ` <span class="why">— ${h(m.t('report.doc.exclusion.why', { comment: g.comment }))}</span>` : ''}</p>`);
    if (g.items.length === 0) continue;
    out.push('<ul>');
    for (const item of g.items) {
      out.push(`<li>${h(m.t('report.doc.field', { name: itemKind(item, m) }))} <code>${h(item.written)}</code>${item.comment ? ` <span class="why">— ${h(item.comment)}</span>` : ''}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function creditsHtml(d: ReportDocument, m: Messages): string {
  const c = d.credits;
  const out: string[] = ['<section class="credits">', `<h2>${h(m.t('report.doc.credits'))}</h2>`];
  if (c.owed.length === 0) {
    out.push(`<p>${h(m.t('report.doc.credits.none'))}</p>`);
  } else {
    out.push(`<table><thead><tr><th>${h(m.t('report.doc.objective'))}</th><th>${h(m.t('report.doc.credits.tier'))}</th><th class="num">${h(m.t('report.doc.credits.credit'))}</th></tr></thead><tbody>`);
    for (const o of c.owed) out.push(`<tr><td>${h(o.title ? `${o.title} (${o.objective})` : o.objective)}</td><td>${h(o.tier ?? '—')}</td><td class="num">${h(percentText(o.percent))}</td></tr>`);
    out.push('</tbody></table>');
    out.push(`<p><strong>${h(creditTotalText(c, m))}</strong></p>`);
    const amount = amountText(c);
    if (amount) out.push(`<p><strong>${h(m.t('report.doc.credits.amount', { amount }))}</strong></p>`);
  }
  if (c.fee) out.push(`<p class="note">${h(m.t('report.doc.credits.fee', { fee: c.fee }))}</p>`);
  out.push(`<p>${h(claimText(c, m))}</p>`);
  for (const remedy of c.remedies) out.push(`<p class="note">${h(m.t('report.doc.credits.remedy', { remedy }))}</p>`);
  out.push('</section>');
  return out.join('\n');
}
