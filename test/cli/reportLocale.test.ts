// `sla check` and `sla evaluate` in Simplified Chinese (issue 11), as a user runs the built
// CLI: with `--locale zh-CN` or `LANG=zh_CN.UTF-8`, reports, summaries, errors and help are
// Chinese; machine fields (JSON, SARIF), codes, file names and line numbers stay as they are.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempTree } from '../helpers/cli';

const CONTRACT = 'samples/lanying-im.sla';
const METRICS = 'samples/metrics/csv';
const ZH_ENV = { LANG: 'zh_CN.UTF-8' };

/** A contract whose review is overdue on 2026-05-01: SLA505, a message the catalogue words in both languages. */
function reviewedTree(): string {
  const text = readFileSync(path.join(ROOT, CONTRACT), 'utf8').replace('review quarterly', 'review quarterly\n  reviewed 2026-01-31');
  return tempTree({ 'reviewed.sla': text });
}

describe('sla evaluate in Chinese', () => {
  it('prints the text report in Chinese with LANG=zh_CN.UTF-8 and with --locale zh-CN, the same both ways', () => {
    const byEnv = runCli(['evaluate', CONTRACT, '-m', METRICS], { env: ZH_ENV });
    assert.equal(byEnv.status, 1, byEnv.stderr);
    assert.match(byEnv.stdout, /^ {2}周期\s+样本数\s+实际值\s+目标值\s+状态\s+服务抵扣$/m);
    assert.match(byEnv.stdout, /^ {2}2026-10\s+9180\s+98\.8998%\s+>= 99\.9%\s+未达标\s+25%$/m);
    assert.match(byEnv.stdout, /^服务抵扣（每个周期上限 50%）$/m);
    assert.match(byEnv.stdout, /^6 个结果：3 个达标，3 个未达标，0 个无数据；应付服务抵扣：4200 CNY$/m);
    const byOption = runCli(['--locale', 'zh-CN', 'evaluate', CONTRACT, '-m', METRICS]);
    assert.equal(byOption.stdout, byEnv.stdout);
    const english = runCli(['evaluate', CONTRACT, '-m', METRICS]);
    assert.match(english.stdout, /^ {2}period\s+samples\s+attained\s+target\s+status\s+credit$/m);
    assert.match(english.stdout, /^6 results: 3 met, 3 breached, 0 no data; credits owed: 4200 CNY$/m);
  });

  it('prints the Markdown report in Chinese; JSON keeps its machine fields', () => {
    const markdown = runCli(['evaluate', CONTRACT, '-m', METRICS, '-f', 'markdown', '--explain'], { env: ZH_ENV });
    assert.match(markdown.stdout, /^# SLA 报告：LanyingIM — 蓝莺IM 企业级聊天云服务$/m);
    assert.match(markdown.stdout, /^\| 周期 \| 样本数 \| 实际值 \| 状态 \| 服务抵扣 \| 说明 \|$/m);
    assert.match(markdown.stdout, /\| ❌ 未达标 \| 25% \| 未计入：0 个在生效期外，35460 个在服务时段外，0 个在维护窗口内；档位 below 99% → 服务抵扣 25% \|/);
    assert.match(markdown.stdout, /^## 服务抵扣$/m);
    const zhJson = JSON.parse(runCli(['evaluate', CONTRACT, '-m', METRICS, '-f', 'json'], { env: ZH_ENV }).stdout);
    const enJson = JSON.parse(runCli(['evaluate', CONTRACT, '-m', METRICS, '-f', 'json']).stdout);
    assert.deepEqual(zhJson, enJson);
    assert.deepEqual(
      zhJson.objectives[0].results.map((r: { status: string }) => r.status),
      ['met', 'breached'],
    );
  });

  it('names the file and line of a malformed Prometheus JSON file, with the reason in Chinese', () => {
    const dir = tempTree({
      'value.json': '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1790000000,"1"],\n[1790000060,"abc"]]}]}}',
      'syntax.json': '{"status":"success",\n"data": [1,}',
      'object.json': '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},\n"values":{}}]}}',
      'time.json': '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},\n"values":[["2026-02-30T00:00:00Z","1"]]}]}}',
    });
    const value = runCli(['evaluate', path.join(ROOT, CONTRACT), '-m', 'value.json'], { cwd: dir, env: ZH_ENV });
    assert.equal(value.status, 2);
    assert.equal(value.stderr, 'sla evaluate: value.json:2: 值 "abc" 不是数字\n');
    const syntax = runCli(['--locale', 'zh-CN', 'evaluate', path.join(ROOT, CONTRACT), '-m', 'syntax.json'], { cwd: dir });
    assert.equal(syntax.stderr, 'sla evaluate: syntax.json:2: JSON 无效：意外的 `}`\n');
    const time = runCli(['--locale', 'zh-CN', 'evaluate', path.join(ROOT, CONTRACT), '-m', 'time.json'], { cwd: dir });
    assert.equal(time.stderr, 'sla evaluate: time.json:2: 时间戳 "2026-02-30T00:00:00Z" 中的日期不存在\n');
    const object = runCli(['--locale', 'zh-CN', 'evaluate', path.join(ROOT, CONTRACT), '-m', 'object.json'], { cwd: dir });
    assert.equal(object.stderr, 'sla evaluate: object.json:2: 序列的 `values` 必须是样本 `[time, "value"]` 的数组，却是对象\n');
    // English, word for word as before.
    assert.equal(runCli(['evaluate', path.join(ROOT, CONTRACT), '-m', 'value.json'], { cwd: dir }).stderr, 'sla evaluate: value.json:2: value "abc" is not a number\n');
  });

  it('words usage errors and option help in Chinese', () => {
    const missing = runCli(['evaluate', CONTRACT, '-m', 'nowhere/'], { env: ZH_ENV });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'sla evaluate: 找不到指标文件：nowhere/\n');
    const noMetrics = runCli(['evaluate', CONTRACT, '--timeout', '5s'], { env: ZH_ENV });
    assert.equal(noMetrics.stderr, 'sla evaluate: --timeout 需要与 --prometheus URL 一起使用\n');
    const at = runCli(['evaluate', CONTRACT, '-m', METRICS, '--at', 'yesterday'], { env: ZH_ENV });
    assert.match(at.stderr, /^sla evaluate: --at 的值 "yesterday" 无效：应为 RFC 3339/);
    const help = runCli(['evaluate', '--help'], { env: ZH_ENV });
    assert.match(help.stdout, /依据指标评估协议；任一目标未达标时退出码为 1，出错时为 2/);
    assert.match(help.stdout, /--explain +对每个结果显示各规则未计入的样本/);
    assert.match(runCli(['check', '--help'], { env: ZH_ENV }).stdout, /-q, --quiet +只报告错误/);
  });

  it('lists a contract with errors in the chosen language before refusing it', () => {
    const dir = reviewedTree();
    const broken = readFileSync(path.join(dir, 'reviewed.sla'), 'utf8').replace('reporting monthly', 'reporting monthly\n  zzz');
    const tree = tempTree({ 'broken.sla': broken });
    const run = runCli(['evaluate', 'broken.sla', '-m', path.join(ROOT, METRICS)], { cwd: tree, env: ZH_ENV });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^sla evaluate: broken\.sla 有 1 个错误；请先修正再评估$/m);
  });
});

describe('sla check in Chinese', () => {
  it('prints Chinese diagnostics and summary; JSON and SARIF keep codes, severities and positions', () => {
    const file = path.join(reviewedTree(), 'reviewed.sla');
    const text = runCli(['check', '--today', '2026-05-01', file], { env: ZH_ENV });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /reviewed\.sla:\d+:\d+: warning SLA505: 复审已逾期：上次复审于 2026-01-31/);
    assert.equal(text.stderr, '已检查 1 个文件：0 个错误，1 个警告，0 条信息\n');
    const [zh] = JSON.parse(runCli(['check', '--today', '2026-05-01', '-f', 'json', file], { env: ZH_ENV }).stdout);
    const [en] = JSON.parse(runCli(['check', '--today', '2026-05-01', '-f', 'json', file]).stdout);
    assert.deepEqual({ ...zh, message: '' }, { ...en, message: '' });
    assert.match(zh.message, /^复审已逾期/);
    assert.match(en.message, /^review overdue/);
    const sarif = JSON.parse(runCli(['check', '--today', '2026-05-01', '-f', 'sarif', file], { env: ZH_ENV }).stdout);
    assert.equal(sarif.runs[0].results[0].ruleId, 'SLA505');
    assert.equal(sarif.runs[0].results[0].level, 'warning');
    assert.match(sarif.runs[0].results[0].message.text, /^复审已逾期/);
    const english = runCli(['check', '--today', '2026-05-01', file]);
    assert.equal(english.stderr, '1 file checked: 0 errors, 1 warning, 0 information\n');
  });

  it('words its usage errors in Chinese', () => {
    const run = runCli(['check', 'samples/*.nothing'], { env: ZH_ENV });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla check: samples/*.nothing：该模式没有匹配任何文件\n');
    const count = runCli(['check', '--max-warnings', 'many', CONTRACT], { env: ZH_ENV });
    assert.equal(count.status, 2);
    assert.match(count.stderr, /--max-warnings 需要 ≥ 0 的整数，而不是 `many`/);
  });
});
