// Builds the HTML of the evaluation report webview. Pure (no `vscode` import) so it can be
// unit-tested: the caller passes the webview's CSP source, a fresh nonce and the URIs of
// media/report.css and media/report.js. Every string from the contract, the data or the
// server is escaped; there are no inline styles or event handlers (the CSP forbids them).
import { randomBytes } from 'node:crypto';
import { renderChart, type ChartDatum } from './chart';
import { escapeHtml } from './escape';
import { displayNumber, displayQuantity, formatMoney, splitInstant } from './format';
import { readReport, type CreditView, type ObjectiveView, type PeriodView, type ReportView } from './reportModel';

export interface ReportPageInput {
  /** The `sla/evaluate` result (`report` and `labels` checked before use). */
  result: { report: unknown; labels: unknown; markdown: string; rows: number; millis: number };
  /** Contract file as shown to the user (workspace-relative path or file name). */
  contractLabel: string;
  /** Metric files read, as shown to the user. */
  metricFiles: readonly string[];
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
}

/** A fresh nonce for one rendering of the page. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** Nothing loads unless listed: styles and images from the extension, the one nonce'd script. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** Title of the report panel. */
export function reportTitle(slaName: string): string {
  return `SLA Report: ${slaName}`;
}

const STATUS_TEXT: Readonly<Record<PeriodView['status'], string>> = {
  met: '✔ met',
  breached: '✘ breached',
  'no-data': '– no data',
  'insufficient-data': '◌ insufficient data',
};

/** The unit attained values are in: stated by the server, else assumed to be the target's. */
function attainedUnit(objective: ObjectiveView): string | null {
  return objective.attainedUnit ?? objective.target.unit;
}

/** The target in the attained values' unit (`1s` → 1000 for an `ms` indicator), as the server converted it. */
export function targetInAttainedUnit(objective: ObjectiveView): number | undefined {
  return objective.targetInAttainedUnit ?? undefined;
}

function td(text: string, className?: string, title?: string): string {
  const cls = className ? ` class="${escapeHtml(className)}"` : '';
  const tip = title ? ` title="${escapeHtml(title)}"` : '';
  return `<td${cls}${tip}>${escapeHtml(text)}</td>`;
}

/** `2 outside the effective dates, 40 outside the schedule; tier below 99.9% → 10%` */
function explainText(period: PeriodView): string {
  const e = period.explain;
  if (!e) return '';
  const leftOut = [
    e.outsideEffective ? `${displayNumber(e.outsideEffective, 0)} outside the effective dates` : '',
    e.outsideSchedule ? `${displayNumber(e.outsideSchedule, 0)} outside the schedule` : '',
    e.inMaintenance ? `${displayNumber(e.inMaintenance, 0)} in maintenance` : '',
  ].filter(Boolean);
  const parts = [leftOut.length > 0 ? `left out: ${leftOut.join(', ')}` : 'none left out'];
  if (e.tier) parts.push(`tier ${e.tier.direction} ${displayQuantity(e.tier.threshold, e.tier.unit)} → ${displayNumber(e.tier.credit)}%`);
  if (e.capped) parts.push('capped');
  return parts.join('; ');
}

function periodRow(period: PeriodView, targetText: string, explained: boolean, covered: boolean): string {
  const attained = period.attainedText;
  const attainedTitle = period.attained === null ? undefined : String(period.attained);
  // (1.1) The data does not reach the period's end: said beside its end.
  const partial = period.partial ? ' <span class="partial">partial data</span>' : '';
  return (
    `<tr class="${period.status}">` +
    td(splitInstant(period.start).local, 'time', period.start) +
    td(splitInstant(period.end).local, 'time', period.end).replace('</td>', `${partial}</td>`) +
    td(displayNumber(period.samples, 0), 'num') +
    (covered ? td(period.coverageText ?? '—', 'num coverage', period.coverage === null ? undefined : String(period.coverage)) : '') +
    td(attained, 'num', attainedTitle) +
    td(targetText, 'num') +
    td(STATUS_TEXT[period.status], `status ${period.status}`) +
    td(period.credit > 0 ? `${displayNumber(period.credit)}%` : '—', 'num') +
    (explained ? td(explainText(period), 'explain') : '') +
    '</tr>'
  );
}

function objectiveSection(objective: ObjectiveView, index: number): string {
  const targetText = objective.targetText;
  const breached = objective.results.filter((p) => p.status === 'breached').length;
  const data: ChartDatum[] = objective.results.map((p) => ({
    value: p.attained,
    status: p.status,
    label: p.label,
    title: `${p.label} (${splitInstant(p.start).local} – ${splitInstant(p.end).local})`,
  }));
  const chart =
    objective.results.length === 0
      ? '<p class="empty">No period of this objective has samples of its indicator.</p>'
      : renderChart({
          data,
          target: targetInAttainedUnit(objective),
          op: objective.target.op,
          targetText: objective.targetLine ?? objective.targetText,
          unit: attainedUnit(objective),
        });
  const explained = objective.results.some((p) => p.explain !== undefined);
  // (1.1) A coverage column where the indicator has `every`.
  const covered = objective.results.some((p) => p.coverage !== null);
  const rows = objective.results.map((p) => periodRow(p, targetText, explained, covered)).join('');
  const insufficient = objective.results.filter((p) => p.status === 'insufficient-data').length;
  const headline =
    breached > 0 ? `${breached} breached` : insufficient > 0 ? `${insufficient} with insufficient data` : objective.results.length > 0 ? 'all met' : 'no data';
  const badge = breached > 0 ? 'breached' : insufficient > 0 ? 'insufficient-data' : 'met';
  const indicator = objective.indicator ? ` · indicator <code>${escapeHtml(objective.indicator)}</code>` : '';
  const window = objective.window ? ` · window ${escapeHtml(objective.window)}` : '';
  return (
    `<section class="objective" id="objective-${index}">` +
    `<h2>${escapeHtml(objective.name)}${objective.title ? ` <span class="title">${escapeHtml(objective.title)}</span>` : ''} <span class="badge ${badge}">${escapeHtml(headline)}</span></h2>` +
    `<p class="meta">target ${escapeHtml(targetText)}${window}${indicator}</p>` +
    chart +
    (rows
      ? '<table class="periods"><thead><tr><th>Start</th><th>End</th><th class="num">Samples</th>' +
        (covered ? '<th class="num">Coverage</th>' : '') +
        '<th class="num">Attained</th>' +
        '<th class="num">Target</th><th>Status</th><th class="num">Credit</th>' +
        (explained ? '<th>Explanation</th>' : '') +
        '</tr></thead>' +
        `<tbody>${rows}</tbody></table>`
      : '') +
    '</section>'
  );
}

function creditsSection(credits: CreditView[]): string {
  if (credits.length === 0) return '<section class="credits"><h2>Credits owed</h2><p class="empty">No credits owed.</p></section>';
  const rows = credits
    .map(
      (c) =>
        '<tr>' +
        td(splitInstant(c.start).local, 'time', c.start) +
        td(splitInstant(c.end).local, 'time', c.end) +
        td(`${displayNumber(c.percent)}%`, 'num') +
        td(c.amount === null ? '—' : formatMoney(c.amount, c.currency), 'num') +
        '</tr>',
    )
    .join('');
  const totals = new Map<string, number>();
  for (const c of credits) {
    if (c.amount !== null) totals.set(c.currency ?? '', (totals.get(c.currency ?? '') ?? 0) + c.amount);
  }
  const totalText = [...totals].map(([currency, amount]) => formatMoney(amount, currency || null)).join(' + ');
  const foot = totalText
    ? `<tfoot><tr><td colspan="3">Total</td>${td(totalText, 'num')}</tr></tfoot>`
    : '';
  return (
    '<section class="credits"><h2>Credits owed</h2>' +
    '<table><thead><tr><th>Start</th><th>End</th><th class="num">Credit (after cap)</th><th class="num">Amount</th></tr></thead>' +
    `<tbody>${rows}</tbody>${foot}</table></section>`
  );
}

/** (1.1) The evaluation's warnings (also in the report's `warnings`), one item each. */
function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  return `<section class="warnings"><h2>Warnings</h2><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>`;
}

function summary(report: ReportView): string {
  const periods = report.objectives.flatMap((o) => o.results);
  const count = (s: PeriodView['status']) => periods.filter((p) => p.status === s).length;
  const parts = [`${count('met')} met`, `${count('breached')} breached`];
  if (count('no-data') > 0) parts.push(`${count('no-data')} without data`);
  if (count('insufficient-data') > 0) parts.push(`${count('insufficient-data')} with insufficient data`);
  const objectives = `${report.objectives.length} objective${report.objectives.length === 1 ? '' : 's'}`;
  const text = `${objectives}, ${periods.length} period${periods.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
  return `<p class="summary ${count('breached') > 0 ? 'breached' : 'met'}">${escapeHtml(text)}</p>`;
}

/** ` · times in Asia/Shanghai (UTC+08:00)`: the report's times are contract-local. */
function timeNote(report: ReportView): string {
  const first = report.objectives.flatMap((o) => o.results)[0] ?? report.credits[0];
  const offset = first ? splitInstant(first.start).offset : '';
  if (report.timezone) return ` · times in ${escapeHtml(report.timezone)}${offset ? ` (UTC${offset})` : ''}`;
  return offset ? ` · times at UTC${offset}` : '';
}

function header(input: ReportPageInput, name: string, version: string | null, extraMeta: string, title: string | null = null): string {
  const { result } = input;
  const versionText = version ? ` <span class="version">v${escapeHtml(version)}</span>` : '';
  const titleLine = title ? `<p class="title">${escapeHtml(title)}</p>` : '';
  const files = input.metricFiles.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join('');
  return (
    '<header>' +
    `<h1>SLA report: ${escapeHtml(name)}${versionText}</h1>` +
    titleLine +
    `<p class="meta">${escapeHtml(input.contractLabel)} · ${escapeHtml(displayNumber(result.rows, 0))} rows read in ` +
    `${escapeHtml(displayNumber(result.millis, 0))} ms${extraMeta}</p>` +
    (files
      ? `<details><summary>Metric files (${input.metricFiles.length})</summary><ul class="files">${files}</ul></details>`
      : '') +
    '<div class="actions">' +
    '<button type="button" data-command="evaluateAgain">Evaluate Again</button>' +
    '<button type="button" class="secondary" data-command="copyMarkdown">Copy as Markdown</button>' +
    '<button type="button" class="secondary" data-command="openMarkdown">Open as Markdown</button>' +
    '</div></header>'
  );
}

/** The whole report page. A report the extension cannot read is shown as a message, with the Markdown. */
export function buildReportHtml(input: ReportPageInput): string {
  const read = readReport(input.result.report, input.result.labels);
  let body: string;
  let name: string;
  if (read.ok) {
    const report = read.report;
    name = report.sla;
    body =
      header(input, report.sla, report.version, timeNote(report), report.title) +
      summary(report) +
      warningsSection(report.warnings) +
      creditsSection(report.credits) +
      report.objectives.map(objectiveSection).join('') +
      (report.objectives.length === 0 ? '<p class="empty">This contract has no objectives.</p>' : '');
  } else {
    name = input.contractLabel;
    body =
      header(input, input.contractLabel, null, '') +
      `<p class="error">The language server sent a report this version of the extension cannot read: ${escapeHtml(read.error)}.</p>` +
      `<pre class="markdown">${escapeHtml(input.result.markdown)}</pre>`;
  }
  const nonce = escapeHtml(input.nonce);
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">' +
    `<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">` +
    `<title>${escapeHtml(reportTitle(name))}</title></head>` +
    `<body>${body}<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script></body></html>`
  );
}
