// The customer report rendered: the HTML is self-contained (no script, no external resource,
// printable to A4) and escapes what the contract says; Markdown carries the same key facts.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { produceReport, renderHtml, renderMarkdown } from '../../server/src/report/index';
import { ROOT } from '../helpers/cli';

const EN = readFileSync(path.join(ROOT, 'samples', 'lanying-im.sla'), 'utf8');
const ZH = readFileSync(path.join(ROOT, 'samples', 'lanying-im.zh.sla'), 'utf8');

const english = () => produceReport(EN, 'lanying-im.sla', { metrics: ['samples/metrics/csv'] }, { baseDir: ROOT });

/** Anything that would make a browser fetch or run something. */
const EXTERNAL = /<script|<link|<img|<iframe|<object|<embed|<[^>]*\s(?:src|href)\s*=|url\(|@import|https?:|\/\/[a-z]/i;

describe('report rendering (sla report)', () => {
  it('HTML: self-contained, printable to A4, one daily chart per objective with its target line', async () => {
    const html = renderHtml(await english());
    assert.doesNotMatch(html, EXTERNAL);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /<title>Service level report: 蓝莺IM 企业级聊天云服务 \(LanyingIM\) — 2026-10<\/title>/);
    assert.equal(html.match(/<svg class="chart"/g)?.length, 3);
    assert.equal(html.match(/<line class="target"/g)?.length, 3);
    assert.match(html, /target-label[^>]*>target &gt;= 99\.9%</);
    assert.match(html, /<title>2026-10-20: 81\.4815%<\/title>/);
    assert.match(html, /<span class="status breached">breached<\/span>/);
    assert.match(html, /Claim in writing by 2026-11-30 24:00 \(30d after the end of the period\)\./);
    assert.match(html, /<code>on 2026-10-17T22:00 for 2h<\/code> <span class="why">— database engine upgrade<\/span>/);
  });

  it('HTML escapes every string the contract provides', async () => {
    const contract = EN.replace('"蓝莺IM 企业级聊天云服务"', '"<script>alert(1)</script>"')
      .replace('customer "Acme Retail Ltd."', 'customer "Acme & Sons <img src=x>"')
      .replace('// database engine upgrade', '// upgrade <b onclick="x()">now</b>');
    const html = renderHtml(await produceReport(contract, 'c.sla', { metrics: ['samples/metrics/csv'] }, { baseDir: ROOT }));
    assert.doesNotMatch(html, EXTERNAL);
    assert.doesNotMatch(html, /<b onclick/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /Acme &amp; Sons &lt;img src=x&gt;/);
    assert.match(html, /upgrade &lt;b onclick=&quot;x\(\)&quot;&gt;now&lt;\/b&gt;/);
  });

  it('Markdown: budget, downtime, daily values, exclusions and credits of the period', async () => {
    const lines = renderMarkdown(await english()).split('\n');
    for (const line of [
      '# 蓝莺IM 企业级聊天云服务 (LanyingIM)',
      '- **Customer:** Acme Retail Ltd.',
      '- **Period:** 2026-10 (2026-10-01 – 2026-10-31)',
      '- **Error budget:** 9\\.18 min allowed, 101 min used (1100.2% of the budget): overspent by 91.82 min',
      '- **Downtime in schedule:** 101 min',
      '| 2026-10-20 | 81\\.4815% | breached |',
      'Days without data: 14',
      '  - one-off window: `on 2026-10-17T22:00 for 2h` — database engine upgrade',
      '| Monthly availability (uptime) | below 99% | 25% |',
      '**Total: 35% of the fee**',
      '**Amount: 4200 CNY**',
      'Claim in writing by 2026-11-30 24:00 (30d after the end of the period).',
      '- **Error budget:** not meaningful for the target p95 \\<= 500ms: compare the attained value with the target',
    ]) {
      assert.ok(lines.includes(line), `missing line: ${line}`);
    }
  });

  it('Chinese: `--locale zh-CN` words the whole report in Chinese, with Chinese punctuation', async () => {
    const d = await produceReport(ZH, 'lanying-im.zh.sla', { metrics: ['samples/metrics/zh'] }, { baseDir: ROOT, locale: 'zh-CN' });
    const markdown = renderMarkdown(d).split('\n');
    for (const line of ['- **客户：** 艾克美零售有限公司', '**合计：服务费的 10%**', '**金额：1200 CNY**', '须在 2026-11-30 24:00 前书面申请赔偿（周期结束后 30d 内）。']) {
      assert.ok(markdown.includes(line), `missing line: ${line}`);
    }
    assert.ok(markdown.some((l) => l.startsWith('- **错误预算：** 允许 9.72 分钟')));
    const html = renderHtml(d);
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<span class="status breached">未达标<\/span>/);
    assert.doesNotMatch(html, EXTERNAL);
  });
});
