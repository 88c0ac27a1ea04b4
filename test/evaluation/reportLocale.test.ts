// The text, Markdown and portfolio reports in Simplified Chinese (issue 11): headings, column
// names, statuses, credit lines, explanations and summaries come from the catalogue; numbers,
// periods, targets and contract names stay as they are; English stays the default.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateFiles, formatMarkdown, formatText, reportLabels, type Report } from '../../server/src/evaluation/index';
import { formatPortfolioMarkdown, formatPortfolioText } from '../../server/src/evaluation/format/portfolio';
import { evaluatePortfolio } from '../../server/src/evaluation/portfolio';
import { contract, evaluateCsv, every, rows } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CONTRACT = path.join(ROOT, 'samples', 'lanying-im.sla');
const METRICS = path.join(ROOT, 'samples', 'metrics', 'csv');

/** English words of the English reports that must not be left in a Chinese one. */
const ENGLISH_WORDS = /\b(period|samples|attained|target|status|credit|amount|met|breached|BREACHED|no data|without data|Credits?|owed|left out|outside|maintenance|tier|results?|Times in|version|Indicator|window|contracts?|customer|not evaluated)\b/;

/** The report's lines with the contract's own words (names, targets, windows, tier keywords) taken out. */
function prose(text: string): string {
  return text
    .replace(/calendar (month|week|day)|rolling \w+|below|above|p95|max|LanyingIM|uptime|latency_p95|recovery|probe|api_latency|incident_recovery|Asia\/Shanghai/g, '')
    .replace(/"[^"\n]*"/g, '');
}

describe('reports in Chinese', () => {
  let report: Report;
  before(async () => {
    report = (await evaluateFiles(readFileSync(CONTRACT, 'utf8'), CONTRACT, [METRICS], { explain: true })).report;
  });

  it('the text report: headings, columns, statuses, credits, explanations and the summary in Chinese', () => {
    const text = formatText(report, true, 'zh-CN');
    assert.match(text, /^LanyingIM "蓝莺IM 企业级聊天云服务"，版本 2\.1\.0$/m);
    assert.match(text, /^时间均为 Asia\/Shanghai 时区$/m);
    assert.match(text, /^ {2}周期\s+样本数\s+实际值\s+目标值\s+状态\s+服务抵扣$/m);
    assert.match(text, /^ {2}2026-10\s+9180\s+98\.8998%\s+>= 99\.9%\s+未达标\s+25%$/m);
    assert.match(text, /^ {2}2026-09\s+11340\s+99\.9559%\s+>= 99\.9%\s+达标\s+0%$/m);
    assert.match(text, /未计入：0 个在生效期外，35460 个在服务时段外，0 个在维护窗口内；档位 below 99% → 服务抵扣 25%/);
    assert.match(text, /^服务抵扣（每个周期上限 50%）$/m);
    assert.match(text, /^ {2}周期\s+服务抵扣\s+金额$/m);
    assert.match(text, /^6 个结果：3 个达标，3 个未达标，0 个无数据；应付服务抵扣：4200 CNY$/m);
    assert.doesNotMatch(prose(text), ENGLISH_WORDS);
  });

  it('the text report lines up Chinese columns by display width (a CJK character is two columns)', () => {
    const lines = formatText(report, false, 'zh-CN').split('\n');
    const head = lines.find((l) => l.startsWith('  周期'))!;
    const row = lines[lines.indexOf(head) + 1];
    // `样本数` (6 columns wide) ends where the right-aligned count `11340` ends.
    const displayEnd = (s: string, upTo: string) => [...s.slice(0, s.indexOf(upTo) + upTo.length)].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    assert.equal(displayEnd(head, '样本数'), displayEnd(row, '11340'));
  });

  it('the Markdown report in Chinese', () => {
    const markdown = formatMarkdown(report, 'zh-CN');
    assert.match(markdown, /^# SLA 报告：LanyingIM — 蓝莺IM 企业级聊天云服务$/m);
    assert.match(markdown, /^版本 2\\\.1\.0 · 时间均为 Asia\/Shanghai 时区$/m);
    assert.match(markdown, /^\*\*3 个达标，3 个未达标，0 个无数据\*\* · 应付服务抵扣：\*\*4200 CNY\*\*$/m);
    assert.match(markdown, /^服务等级指标 `probe`，目标值 `>= 99\.9%`，统计窗口 calendar month。$/m);
    assert.match(markdown, /^\| 周期 \| 样本数 \| 实际值 \| 状态 \| 服务抵扣 \| 说明 \|$/m);
    assert.match(markdown, /\| ❌ 未达标 \|/);
    assert.match(markdown, /\| ✅ 达标 \|/);
    assert.match(markdown, /^## 服务抵扣$/m);
    assert.match(markdown, /^\| 周期 \| 服务抵扣 \| 金额 \|$/m);
    assert.doesNotMatch(prose(markdown.replace(/^# SLA 报告/m, '')), ENGLISH_WORDS);
  });

  it('English stays the default, word for word', () => {
    assert.equal(formatText(report, true), formatText(report, true, 'en'));
    assert.equal(formatMarkdown(report), formatMarkdown(report, 'en'));
    assert.match(formatText(report), /^ {2}period\s+samples\s+attained\s+target\s+status\s+credit$/m);
    assert.match(formatText(report), /^6 results: 3 met, 3 breached, 0 no data; credits owed: 4200 CNY$/m);
    assert.match(formatMarkdown(report), /^\| Period \| Samples \| Attained \| Status \| Credit \| Notes \|$/m);
  });

  it('a week, a quarter and a report without credits in Chinese', async () => {
    const text = contract(`
  timezone "UTC"
  indicator probe { kind availability metric "up" }
  objective weekly { indicator probe target >= 99% window calendar week }
  objective quarterly { indicator probe target >= 99% window calendar quarter }`);
    const samples = every('2026-10-05T00:00:00Z', '2026-10-05T12:00:00Z', 3600_000).map((t): [string, number] => [t, 1]);
    const weekly = await evaluateCsv(text, rows('up', samples));
    assert.equal(reportLabels(weekly, 'zh-CN').objectives[0].results[0].period, '2026-10-05 当周');
    assert.equal(reportLabels(weekly).objectives[0].results[0].period, 'week of 2026-10-05');
    assert.equal(reportLabels(weekly, 'zh-CN').objectives[1].results[0].period, '2026 年第 4 季度');
    assert.equal(reportLabels(weekly).objectives[1].results[0].period, '2026-Q4');
    const zh = formatText(weekly, false, 'zh-CN');
    assert.match(zh, /^ {2}2026-10-05 当周\s+12\s+100%/m);
    assert.match(zh, /^服务抵扣：无应付$/m);
    assert.match(zh, /^ {2}2026 年第 4 季度\s+12\s+100%/m);
    assert.match(zh, /^2 个结果：2 个达标，0 个未达标，0 个无数据$/m);
    assert.match(formatMarkdown(weekly, 'zh-CN'), /^无应付服务抵扣。$/m);
  });

  it('the portfolio summary in Chinese', async () => {
    const portfolio = await evaluatePortfolio([{ path: CONTRACT, name: 'lanying-im.sla' }], () => ({ metrics: [METRICS], sources: [] }), {});
    const text = formatPortfolioText(portfolio, 'zh-CN');
    assert.match(text, /^协议组合：1 份协议：0 份达标，1 份未达标，0 份数据不足，0 份未能评估；应付服务抵扣：4200 CNY$/m);
    assert.match(text, /^ {2}协议文件\s+客户\s+sla\s+状态\s+应付服务抵扣$/m);
    assert.match(text, /^ {2}lanying-im\.sla\s+.*\s+LanyingIM\s+未达标\s+4200 CNY$/m);
    const markdown = formatPortfolioMarkdown(portfolio, 'zh-CN');
    assert.match(markdown, /^# SLA 协议组合$/m);
    assert.match(markdown, /^\| 协议文件 \| 客户 \| SLA \| 状态 \| 应付服务抵扣 \|$/m);
    assert.match(formatPortfolioText(portfolio), /^Portfolio: 1 contract: 0 met, 1 breached, 0 with insufficient data, 0 not evaluated; credits owed: 4200 CNY$/m);
  });

  it('a portfolio contract with errors is named in Chinese', async () => {
    const broken = path.join(ROOT, 'samples', 'broken', 'units.sla');
    const spec = () => ({ metrics: [METRICS], sources: [] });
    const [zh] = (await evaluatePortfolio([{ path: broken, name: 'units.sla' }], spec, { locale: 'zh-CN' })).contracts;
    assert.match(zh.error ?? '', /^协议有 \d+ 个错误（请运行 sla check units\.sla）$/);
    const [en] = (await evaluatePortfolio([{ path: broken, name: 'units.sla' }], spec, {})).contracts;
    assert.match(en.error ?? '', /^the contract has \d+ errors \(run sla check units\.sla\)$/);
  });
});
