// Builds the HTML of the evaluation report webview. Pure (no `vscode` import) so it can be
// unit-tested: the caller passes the webview's CSP source, a fresh nonce and the URIs of
// media/report.css and media/report.js. Every string from the contract, the data or the
// server is escaped; there are no inline styles or event handlers (the CSP forbids them).
import { randomBytes } from 'node:crypto';
import { renderChart, type ChartDatum } from './chart';
import { escapeHtml } from './escape';
import { displayNumber, displayQuantity, formatMoney, splitInstant } from './format';
import { readReport, type CreditView, type ObjectiveView, type PeriodView, type ReportView } from './reportModel';
import { english, statusWord, type Translate } from './words';

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
  /** The page's words in the user's language (`vscode.l10n.t`); English by default. */
  t?: Translate;
  /** The page's `lang` (VS Code's display language); `en` by default. */
  lang?: string;
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
export function reportTitle(slaName: string, t: Translate = english): string {
  return t('SLA Report: {name}', { name: slaName });
}

const STATUS_MARK: Readonly<Record<PeriodView['status'], string>> = { met: '✔', breached: '✘', 'no-data': '–', 'insufficient-data': '◌' };

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
function explainText(period: PeriodView, t: Translate): string {
  const e = period.explain;
  if (!e) return '';
  const leftOut = [
    e.outsideEffective ? t('{count} outside the effective dates', { count: displayNumber(e.outsideEffective, 0) }) : '',
    e.outsideSchedule ? t('{count} outside the schedule', { count: displayNumber(e.outsideSchedule, 0) }) : '',
    e.inMaintenance ? t('{count} in maintenance', { count: displayNumber(e.inMaintenance, 0) }) : '',
  ].filter(Boolean);
  const parts = [leftOut.length > 0 ? t('left out: {list}', { list: leftOut.join(t(', ')) }) : t('none left out')];
  if (e.tier) {
    parts.push(
      t('tier {direction} {threshold} → {credit}%', {
        direction: e.tier.direction,
        threshold: displayQuantity(e.tier.threshold, e.tier.unit),
        credit: displayNumber(e.tier.credit),
      }),
    );
  }
  if (e.capped) parts.push(t('capped'));
  return parts.join(t('; '));
}

function periodRow(period: PeriodView, targetText: string, explained: boolean, covered: boolean, t: Translate): string {
  const attained = period.attainedText;
  const attainedTitle = period.attained === null ? undefined : String(period.attained);
  // (1.1) The data does not reach the period's end: said beside its end.
  const partial = period.partial ? ` <span class="partial">${escapeHtml(t('partial data'))}</span>` : '';
  return (
    `<tr class="${period.status}">` +
    td(splitInstant(period.start).local, 'time', period.start) +
    td(splitInstant(period.end).local, 'time', period.end).replace('</td>', `${partial}</td>`) +
    td(displayNumber(period.samples, 0), 'num') +
    (covered ? td(period.coverageText ?? '—', 'num coverage', period.coverage === null ? undefined : String(period.coverage)) : '') +
    td(attained, 'num', attainedTitle) +
    td(targetText, 'num') +
    td(`${STATUS_MARK[period.status]} ${statusWord(period.status, t)}`, `status ${period.status}`) +
    td(period.credit > 0 ? `${displayNumber(period.credit)}%` : '—', 'num') +
    (explained ? td(explainText(period, t), 'explain') : '') +
    '</tr>'
  );
}

function objectiveSection(objective: ObjectiveView, index: number, t: Translate): string {
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
      ? `<p class="empty">${escapeHtml(t('No period of this objective has samples of its indicator.'))}</p>`
      : renderChart({
          t,
          data,
          target: targetInAttainedUnit(objective),
          op: objective.target.op,
          targetText: objective.targetLine ?? objective.targetText,
          unit: attainedUnit(objective),
        });
  const explained = objective.results.some((p) => p.explain !== undefined);
  // (1.1) A coverage column where the indicator has `every`.
  const covered = objective.results.some((p) => p.coverage !== null);
  const rows = objective.results.map((p) => periodRow(p, targetText, explained, covered, t)).join('');
  const insufficient = objective.results.filter((p) => p.status === 'insufficient-data').length;
  const headline =
    breached > 0
      ? t('{count} breached', { count: breached })
      : insufficient > 0
        ? t('{count} with insufficient data', { count: insufficient })
        : objective.results.length > 0
          ? t('all met')
          : t('no data');
  const badge = breached > 0 ? 'breached' : insufficient > 0 ? 'insufficient-data' : 'met';
  const indicator = objective.indicator ? ` · ${escapeHtml(t('indicator'))} <code>${escapeHtml(objective.indicator)}</code>` : '';
  const window = objective.window ? ` · ${escapeHtml(t('window {window}', { window: objective.window }))}` : '';
  const th = (text: string, numeric = false) => `<th${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</th>`;
  return (
    `<section class="objective" id="objective-${index}">` +
    `<h2>${escapeHtml(objective.name)}${objective.title ? ` <span class="title">${escapeHtml(objective.title)}</span>` : ''} <span class="badge ${badge}">${escapeHtml(headline)}</span></h2>` +
    `<p class="meta">${escapeHtml(t('target {target}', { target: targetText }))}${window}${indicator}</p>` +
    chart +
    (rows
      ? '<table class="periods"><thead><tr>' +
        th(t('Start')) +
        th(t('End')) +
        th(t('Samples'), true) +
        (covered ? th(t('Coverage'), true) : '') +
        th(t('Attained'), true) +
        th(t('Target'), true) +
        th(t('Status')) +
        th(t('Credit'), true) +
        (explained ? th(t('Explanation')) : '') +
        '</tr></thead>' +
        `<tbody>${rows}</tbody></table>`
      : '') +
    '</section>'
  );
}

function creditsSection(credits: CreditView[], t: Translate): string {
  const heading = `<h2>${escapeHtml(t('Credits owed'))}</h2>`;
  if (credits.length === 0) return `<section class="credits">${heading}<p class="empty">${escapeHtml(t('No credits owed.'))}</p></section>`;
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
    ? `<tfoot><tr><td colspan="3">${escapeHtml(t('Total'))}</td>${td(totalText, 'num')}</tr></tfoot>`
    : '';
  const head = [t('Start'), t('End'), t('Credit (after cap)'), t('Amount')].map((h, i) => `<th${i >= 2 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`);
  return (
    `<section class="credits">${heading}` +
    `<table><thead><tr>${head.join('')}</tr></thead>` +
    `<tbody>${rows}</tbody>${foot}</table></section>`
  );
}

/** (1.1) The evaluation's warnings (also in the report's `warnings`), one item each. */
function warningsSection(warnings: readonly string[], t: Translate): string {
  if (warnings.length === 0) return '';
  return `<section class="warnings"><h2>${escapeHtml(t('Warnings'))}</h2><ul>${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>`;
}

function summary(report: ReportView, t: Translate): string {
  const periods = report.objectives.flatMap((o) => o.results);
  const count = (s: PeriodView['status']) => periods.filter((p) => p.status === s).length;
  const parts = [t('{count} met', { count: count('met') }), t('{count} breached', { count: count('breached') })];
  if (count('no-data') > 0) parts.push(t('{count} without data', { count: count('no-data') }));
  if (count('insufficient-data') > 0) parts.push(t('{count} with insufficient data', { count: count('insufficient-data') }));
  const n = report.objectives.length;
  const objectives = n === 1 ? t('1 objective') : t('{count} objectives', { count: n });
  const inPeriods = periods.length === 1 ? t('1 period') : t('{count} periods', { count: periods.length });
  const text = t('{objectives}, {periods}: {counts}', { objectives, periods: inPeriods, counts: parts.join(t(', ')) });
  return `<p class="summary ${count('breached') > 0 ? 'breached' : 'met'}">${escapeHtml(text)}</p>`;
}

/** ` · times in Asia/Shanghai (UTC+08:00)`: the report's times are contract-local. */
function timeNote(report: ReportView, t: Translate): string {
  const first = report.objectives.flatMap((o) => o.results)[0] ?? report.credits[0];
  const offset = first ? splitInstant(first.start).offset : '';
  if (report.timezone) {
    const zone = offset ? t('times in {zone} (UTC{offset})', { zone: report.timezone, offset }) : t('times in {zone}', { zone: report.timezone });
    return ` · ${escapeHtml(zone)}`;
  }
  return offset ? ` · ${escapeHtml(t('times at UTC{offset}', { offset }))}` : '';
}

function header(input: ReportPageInput, name: string, version: string | null, extraMeta: string, title: string | null = null): string {
  const { result } = input;
  const t = input.t ?? english;
  const button = (command: string, text: string, secondary = true) =>
    `<button type="button"${secondary ? ' class="secondary"' : ''} data-command="${command}">${escapeHtml(text)}</button>`;
  const versionText = version ? ` <span class="version">v${escapeHtml(version)}</span>` : '';
  const titleLine = title ? `<p class="title">${escapeHtml(title)}</p>` : '';
  const files = input.metricFiles.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join('');
  return (
    '<header>' +
    `<h1>${escapeHtml(t('SLA report: {name}', { name }))}${versionText}</h1>` +
    titleLine +
    `<p class="meta">${escapeHtml(input.contractLabel)} · ` +
    escapeHtml(t('{rows} rows read in {millis} ms', { rows: displayNumber(result.rows, 0), millis: displayNumber(result.millis, 0) })) +
    `${extraMeta}</p>` +
    (files
      ? `<details><summary>${escapeHtml(t('Metric files ({count})', { count: input.metricFiles.length }))}</summary><ul class="files">${files}</ul></details>`
      : '') +
    '<div class="actions">' +
    button('evaluateAgain', t('Evaluate Again'), false) +
    button('copyMarkdown', t('Copy as Markdown')) +
    button('openMarkdown', t('Open as Markdown')) +
    '</div></header>'
  );
}

/** The whole report page. A report the extension cannot read is shown as a message, with the Markdown. */
export function buildReportHtml(input: ReportPageInput): string {
  const read = readReport(input.result.report, input.result.labels);
  const t = input.t ?? english;
  let body: string;
  let name: string;
  if (read.ok) {
    const report = read.report;
    name = report.sla;
    body =
      header(input, report.sla, report.version, timeNote(report, t), report.title) +
      summary(report, t) +
      warningsSection(report.warnings, t) +
      creditsSection(report.credits, t) +
      report.objectives.map((o, i) => objectiveSection(o, i, t)).join('') +
      (report.objectives.length === 0 ? `<p class="empty">${escapeHtml(t('This contract has no objectives.'))}</p>` : '');
  } else {
    name = input.contractLabel;
    body =
      header(input, input.contractLabel, null, '') +
      `<p class="error">${escapeHtml(t('The language server sent a report this version of the extension cannot read: {error}.', { error: read.error }))}</p>` +
      `<pre class="markdown">${escapeHtml(input.result.markdown)}</pre>`;
  }
  const nonce = escapeHtml(input.nonce);
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(input.lang ?? 'en')}"><head><meta charset="UTF-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">' +
    `<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">` +
    `<title>${escapeHtml(reportTitle(name, t))}</title></head>` +
    `<body>${body}<script nonce="${nonce}" src="${escapeHtml(input.scriptUri)}"></script></body></html>`
  );
}
