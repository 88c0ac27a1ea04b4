// The report page in Simplified Chinese: its words through the translator the panel passes
// (vscode.l10n.t reading l10n/bundle.l10n.zh-cn.json, rebuilt here from the same bundle),
// periods from the server's labels in its locale. No English word of the page is left.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReportHtml, reportTitle } from '../../client/src/webview/html';
import type { Translate } from '../../client/src/webview/words';
import { evaluateFiles, formatMarkdown, reportLabels, type Report } from '../../server/src/evaluation/index';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUNDLE = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/** What vscode.l10n.t does with a bundle: the entry (or the English text), `{name}` filled. */
const chinese: Translate = (message, params = {}) =>
  (BUNDLE[message] ?? message).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

function page(report: Report, t?: Translate, locale?: 'zh-CN'): string {
  return buildReportHtml({
    result: { report, labels: reportLabels(report, locale), markdown: formatMarkdown(report, locale), rows: 29000, millis: 120 },
    contractLabel: 'lanying-im.sla',
    metricFiles: ['metrics/probe.csv'],
    cspSource: 'csp',
    nonce: 'n',
    styleUri: 's',
    scriptUri: 'j',
    t,
    lang: t ? 'zh-cn' : undefined,
  });
}

/** The page's visible text and its tooltips and labels, without markup. */
function visibleText(html: string): string {
  const attributes = [...html.matchAll(/(?:title|aria-label)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    // The contract's titles are its own words.
    .replace(/<(span|p) class="title">[^<]*<\/\1>|<head>[\s\S]*<\/head>|<script[^>]*><\/script>/g, '')
    .replace(/<[^>]+>/g, '\n');
  return [body, ...attributes].join('\n').replace(/&\w+;/g, ' ');
}

describe('report page in Chinese', () => {
  let report: Report;
  before(async () => {
    const contract = path.join(ROOT, 'samples', 'lanying-im.sla');
    report = (await evaluateFiles(readFileSync(contract, 'utf8'), contract, [path.join(ROOT, 'samples', 'metrics', 'csv')], { explain: true })).report;
  });

  it('words headings, column names, statuses, the chart and the credits in Chinese', () => {
    const html = page(report, chinese, 'zh-CN');
    assert.match(html, /<html lang="zh-cn">/);
    assert.match(html, /<title>SLA 报告：LanyingIM<\/title>/);
    assert.match(html, /<h1>SLA 报告：LanyingIM <span class="version">v2\.1\.0<\/span><\/h1>/);
    assert.match(html, /读取 29000 行，用时 120 毫秒 · 时间均为 Asia\/Shanghai 时区（UTC\+08:00）/);
    assert.match(html, /3 个目标，6 个周期：3 个达标，3 个未达标/);
    assert.match(html, /<th>开始<\/th><th>结束<\/th><th class="num">样本数<\/th><th class="num">实际值<\/th><th class="num">目标值<\/th><th>状态<\/th><th class="num">服务抵扣<\/th><th>说明<\/th>/);
    assert.match(html, /<td class="status breached">✘ 未达标<\/td>/);
    assert.match(html, /<td class="status met">✔ 达标<\/td>/);
    assert.match(html, /<span class="badge breached">1 个未达标<\/span>/);
    assert.match(html, /aria-label="各周期的实际值与目标线"/);
    assert.match(html, />目标值 &gt;= 99\.9%<\/text>/);
    assert.match(html, /<h2>应付服务抵扣<\/h2>/);
    assert.match(html, /<th class="num">服务抵扣（计入上限后）<\/th><th class="num">金额<\/th>/);
    assert.match(html, /未计入：35460 个在服务时段外；档位 below 99% → 25%/);
    assert.match(html, /<button type="button" data-command="evaluateAgain">重新评估<\/button>/);
    assert.equal(reportTitle('LanyingIM', chinese), 'SLA 报告：LanyingIM');
  });

  it('leaves no English word of its own on the page', () => {
    const text = visibleText(page(report, chinese, 'zh-CN'))
      // The contract's own words and codes: names, targets, tier keywords, units, zone, files.
      .replace(/LanyingIM|蓝莺IM|uptime|latency_p95|recovery|probe|api_latency|incident_recovery|calendar month|below|above|p95|max|Asia\/Shanghai|lanying-im\.sla|metrics\/probe\.csv|Markdown|SLA|UTC|CNY|ms|min|\d+h/g, '');
    assert.doesNotMatch(text, /[A-Za-z]{2,}/);
  });

  it('is English without a translator, as before', () => {
    const html = page(report);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>SLA report: LanyingIM/);
    assert.match(html, /<th>Start<\/th><th>End<\/th><th class="num">Samples<\/th>/);
    assert.match(html, /<td class="status breached">✘ breached<\/td>/);
    assert.match(html, /3 objectives, 6 periods: 3 met, 3 breached/);
    assert.equal(reportTitle('LanyingIM'), 'SLA Report: LanyingIM');
  });
});
