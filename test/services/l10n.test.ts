// Editor features in Simplified Chinese (issue 11): keyword documentation, completion
// details and documentation, hovers (keywords, names, budgets, tiers), quick-fix titles,
// result code lenses, outline details and rename errors, with locale zh-CN; English stays
// the default.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/language/analyze';
import type { Position, Range } from '../../server/src/language/ast';
import { CONTEXTUAL_WORDS, KEYWORDS } from '../../server/src/language/lexer';
import { ITEM_STARTS, type BlockKind } from '../../server/src/language/vocabulary';
import { codeActions } from '../../server/src/services/features/codeActions';
import { codeLenses } from '../../server/src/services/features/codeLens';
import { completion } from '../../server/src/services/features/completion';
import { toLspDiagnostic } from '../../server/src/services/features/diagnostics';
import { hover } from '../../server/src/services/features/hover';
import { prepareRename, rename } from '../../server/src/services/features/rename';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { evaluationDiagnostics, resultTitle } from '../../server/src/services/support/evaluationResults';
import { keywordDoc, keywordMarkdown } from '../../server/src/services/support/keywords';
import { contract, evaluateCsv, rows } from '../evaluation/helpers';
import { marked } from './helpers';
import { CATALOGUES } from '../../server/src/l10n/index';

const CJK = /[\u4e00-\u9fff]/;
/** Two English words in a row, outside code: text a Chinese reader was not meant to get. */
const ENGLISH_PHRASE = /[A-Za-z]{3,} [A-Za-z]{3,}/;

/** The prose of Markdown: code blocks and code spans (contract text, names, keywords) left out. */
function prose(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
}

function assertChinese(text: string | undefined, what: string): void {
  assert.ok(text && CJK.test(text), `${what}: no Chinese in ${JSON.stringify(text)}`);
  assert.doesNotMatch(prose(text), ENGLISH_PHRASE, `${what}: English left in ${JSON.stringify(text)}`);
}

const CONTRACT = `sla Shop "网店" {
  provider "蓝莺IM"
  customer "Acme"
  effective 2026-01-01 to 2026-12-31
  timezone "Asia/Shanghai"
  fee 12000 CNY per month
  service web "Web" { includes "chat" excludes "push" }
  schedule office { mon..fri 09:00-18:00 holidays 2026-10-01, 2026-10-02 }
  maintenance nightly { every daily 02:00-03:00 notice 2d }
  indicator probe { kind availability metric "up" }
  indicator requests { kind availability ratio good "ok" total "all" }
  indicator lat { kind latency metric "lat" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective office_hours { indicator probe target >= 99.9% window calendar month during office excluding nightly }
  objective by_requests { indicator requests target >= 99.9% window rolling 30d }
  objective speed { indicator lat target p95 <= 500ms window calendar month }
  compensation for uptime {
    below 99.9% credit 10%
    below 99.0% credit 25%
  }
  credits { cap 40% }
  support { hours office severity P1 "宕机" response 15m resolve 4h }
}
`;

/** The hover at the first occurrence of `needle` (cursor `offset` characters into it). */
function hoverAt(needle: string, locale: 'en' | 'zh-CN', offset = 1): string {
  const analysis = analyze(CONTRACT, { locale });
  const at = CONTRACT.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = CONTRACT.slice(0, at + offset).split('\n');
  const position: Position = { line: before.length - 1, character: before[before.length - 1].length };
  const result = hover(analysis, position, { locale, now: new Date('2026-10-10T00:00:00Z') });
  return (result?.contents as { value: string } | undefined)?.value ?? '';
}

describe('editor features in Chinese (zh-CN)', () => {
  it('documents every keyword and contextual word in Chinese, and in English by default', () => {
    for (const word of [...KEYWORDS, ...CONTEXTUAL_WORDS, 'p95', '%']) {
      const zh = keywordDoc(word, undefined, 'zh-CN');
      assertChinese(zh?.summary, word);
      const en = keywordDoc(word);
      assert.ok(en && !CJK.test(en.summary), `${word}: English by default`);
      assert.equal(zh?.example, en.example, `${word}: the example is contract text, the same in every language`);
    }
  });

  it('documents every word that starts an item in each block, block meanings included', () => {
    for (const [block, words] of Object.entries(ITEM_STARTS)) {
      for (const word of words) assertChinese(keywordMarkdown(word, block as BlockKind, 'zh-CN'), `${block}:${word}`);
    }
    assert.match(keywordDoc('provider', 'responsibilities', 'zh-CN')!.summary, /服务提供方承诺/);
    assert.match(keywordDoc('min', 'objective', 'zh-CN')!.summary, /最小值/);
    assert.match(keywordDoc('p99', undefined, 'zh-CN')!.summary, /第 99 百分位/);
  });

  describe('completion', () => {
    const places: [string, string][] = [
      ['sla body', `sla S {\n  <|>\n}`],
      ['objective', `${CONTRACT.slice(0, -2)}  objective x {\n    <|>\n  }\n}`],
      ['indicator', `${CONTRACT.slice(0, -2)}  indicator x {\n    <|>\n  }\n}`],
      ['schedule', `${CONTRACT.slice(0, -2)}  schedule x {\n    <|>\n  }\n}`],
      ['maintenance', `${CONTRACT.slice(0, -2)}  maintenance x {\n    <|>\n  }\n}`],
      ['compensation', `${CONTRACT.slice(0, -2)}  compensation for speed {\n    <|>\n  }\n}`],
      ['credits', `${CONTRACT.slice(0, -2)}  credits {\n    <|>\n  }\n}`],
      ['support', `${CONTRACT.slice(0, -2)}  support {\n    <|>\n  }\n}`],
      ['kind', `${CONTRACT.slice(0, -2)}  indicator x {\n    kind <|>\n  }\n}`],
      ['window', `${CONTRACT.slice(0, -2)}  objective x {\n    window calendar <|>\n  }\n}`],
      ['aggregate', `${CONTRACT.slice(0, -2)}  objective x {\n    indicator lat\n    target <|>\n  }\n}`],
      ['unit', `${CONTRACT.slice(0, -2)}  objective x {\n    indicator lat\n    target p95 <= 500<|>\n  }\n}`],
    ];
    for (const [place, text] of places) {
      it(`documents every keyword offered in Chinese: ${place}`, () => {
        const { analysis, positions } = marked(text);
        const items = completion(analysis, positions[0], 'zh-CN').filter((item) => item.kind !== 15 /* Snippet */ && /^[a-z%][a-z0-9_%.]*$/.test(item.label));
        assert.ok(items.length > 0, `${place}: something is offered`);
        for (const item of items) assertChinese((item.documentation as { value: string } | undefined)?.value, `${place}: ${item.label}`);
        for (const item of completion(analysis, positions[0])) {
          const documentation = (item.documentation as { value: string } | undefined)?.value;
          // The summary line (the example below it may hold Chinese contract text; 调休 is named in English too).
          const summary = documentation?.split('\n')[0].replace('调休', '');
          if (summary) assert.ok(/[A-Za-z]{4,}/.test(summary) && !CJK.test(summary), `${place}: ${item.label} is English by default: ${summary}`);
        }
      });
    }

    it('gives comparators and snippets Chinese details', () => {
      const { analysis, positions } = marked(`${CONTRACT.slice(0, -2)}  objective x {\n    indicator probe\n    target <|>\n  }\n}`);
      const details = Object.fromEntries(completion(analysis, positions[0], 'zh-CN').map((item) => [item.label, item.detail]));
      assert.deepEqual([details['>='], details['>'], details['<='], details['<']], ['不低于', '高于', '不超过', '低于']);
      const english = Object.fromEntries(completion(analysis, positions[0]).map((item) => [item.label, item.detail]));
      assert.equal(english['>='], 'at least');
      const body = marked('sla S {\n  <|>\n}');
      const snippets = completion(body.analysis, body.positions[0], 'zh-CN').filter((item) => item.label.includes('{…}'));
      assert.equal(snippets.length, 3);
      for (const snippet of snippets) assertChinese(snippet.detail, snippet.label);
      const top = marked('<|>');
      assert.equal(completion(top.analysis, top.positions[0], 'zh-CN').find((item) => item.label === 'sla {…}')?.detail, '新的服务等级协议');
    });
  });

  describe('hover', () => {
    it('explains a keyword', () => {
      const text = hoverAt('window calendar month }\n  objective office', 'zh-CN');
      assert.match(text, /^\*\*window\*\* — 评估目标所用的统计窗口/);
      assert.match(hoverAt('window calendar month }\n  objective office', 'en'), /^\*\*window\*\* — The periods the objective is evaluated over/);
    });

    it('summarises every name, the sla and the fee without English sentences', () => {
      const names = ['web "Web"', 'office {', 'nightly {', 'probe {', 'requests {', 'lat {', 'uptime {', 'office_hours', 'by_requests', 'speed {', 'P1 "', 'Shop "'];
      for (const name of names) assertChinese(hoverAt(name, 'zh-CN'), name);
      assertChinese(hoverAt('fee 12000', 'zh-CN', 6), 'fee');
      assert.match(hoverAt('probe {', 'zh-CN'), /- 类型：availability\n- 指标：`up`\n- 单位：%（availability 的默认单位）\n- 目标：uptime, office_hours/);
      assert.match(hoverAt('Shop "', 'zh-CN'), /- 服务提供方："蓝莺IM"\n- 客户："Acme"\n- 生效期：2026-01-01 to 2026-12-31\n- 1 项服务，3 个 SLI，4 个目标，1 条赔偿条款/);
    });

    it('gives an objective’s error budget in Chinese, months in the Chinese form', () => {
      const budget = hoverAt('uptime {', 'zh-CN');
      assert.match(budget, /\*\*target ≥ 99\.9%\*\* — 可用性，自然月/);
      assert.match(budget, /\*\*错误预算\*\*：每个自然月可有 0\.1% 的时间不可用。/);
      assert.match(budget, /- 30 天的月份：43 min 12 s/);
      const office = hoverAt('office_hours', 'zh-CN');
      assert.match(office, /仅计入 `office` 的服务时段（每周 45 h：5 天，每天 9 h），节假日除外。/);
      assert.match(office, /- 2026年10月：/);
      assert.match(office, /除去 2 个节假日/);
      assert.match(office, /维护窗口 `nightly` 内的样本不计入。/);
      assertChinese(hoverAt('by_requests', 'zh-CN'), 'rolling ratio');
      assert.match(hoverAt('speed {', 'zh-CN'), /\*\*错误预算\*\*：每个自然月内约有 5% 的值可以高于 500ms；p95（最近秩法）必须不超过 500ms。/);
      // English unchanged.
      assert.match(hoverAt('uptime {', 'en'), /\*\*Error budget:\*\* 0\.1% of the time may be down per calendar month\./);
      assert.match(hoverAt('office_hours', 'en'), /- .* in October 2026: /);
    });

    it('says when a tier pays, in Chinese', () => {
      const tier = hoverAt('below 99.0%', 'zh-CN', 2);
      assert.match(tier, /当 `uptime` 的月度可用性低于 99\.0% 时，\*\*赔付月度服务费的 25%（3000 CNY）\*\*。/);
      assert.match(tier, /即在 30 天的月份中不可用时间超过 7 h 12 min。/);
      assert.match(tier, /一个周期内的全部服务抵扣合计不超过 40%。/);
      assertChinese(tier, 'tier');
      assert.match(hoverAt('below 99.0%', 'en', 2), /\*\*Pays 25% of the monthly fee \(3000 CNY\)\*\* when the monthly availability of `uptime` is below 99\.0%\./);
    });
  });

  it('closes bold text where Markdown can see the end (not between full-width punctuation and a character)', () => {
    // CommonMark: `**` after punctuation closes only before white space or punctuation, so `**错误预算：**每` stays literal.
    const closesBadly = (text: string) => {
      const parts = text.split('**');
      // parts[i] ends just before the i-th `**`; every second `**` closes.
      return parts.some((part, i) => i % 2 === 1 && i + 1 < parts.length && /\p{P}$/u.test(part) && /^[\p{L}\p{N}]/u.test(parts[i + 1]));
    };
    const unclosed = Object.entries(CATALOGUES['zh-CN']).filter(([, text]) => closesBadly(text));
    assert.deepEqual(unclosed, []);
  });

  describe('quick fixes', () => {
    function titles(text: string, code: string, locale: 'en' | 'zh-CN'): string[] {
      const analysis = analyze(text, { locale });
      const diagnostics = analysis.diagnostics.filter((d) => d.code === code).map(toLspDiagnostic);
      assert.ok(diagnostics.length > 0, `${code} reported`);
      return codeActions(analysis, 'file:///x.sla', diagnostics[0].range, { diagnostics: [diagnostics[0]] }, locale).map((a) => a.title);
    }

    it('titles them in Chinese', () => {
      const uncompensated = 'sla S {\n  indicator probe { kind availability metric "up" }\n  objective uptime { indicator probe target >= 99.9% window calendar month }\n}\n';
      assert.deepEqual(titles(uncompensated, 'SLA300', 'zh-CN'), ['为 `uptime` 添加赔偿档位']);
      assert.deepEqual(titles(uncompensated, 'SLA300', 'en'), ['Add a compensation ladder for `uptime`']);
      const wrongUnit = 'sla S {\n  indicator lat { kind latency metric "lat" }\n  objective speed { indicator lat target p95 <= 500% window calendar month }\n}\n';
      assert.deepEqual(titles(wrongUnit, 'SLA202', 'zh-CN'), ['使用延迟的单位：`500ms`']);
      const fullWidth = 'sla S {\n  indicator probe { kind availability metric “up” }\n}\n';
      const fixes = titles(fullWidth, 'SLA003', 'zh-CN');
      assert.deepEqual(fixes, ['将 `“` 替换为 `"`', '替换此文件中的所有全角标点'].map((t) => fixes.find((f) => f === t) ?? t));
      for (const title of fixes) assertChinese(title, 'SLA003');
    });

    it('titles the missing-% fix in Chinese', () => {
      const text = 'sla S {\n  credits { cap 40 }\n}\n';
      const analysis = analyze(text);
      const range: Range = { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } };
      assert.deepEqual(codeActions(analysis, 'file:///x.sla', range, { diagnostics: [] }, 'zh-CN').map((a) => a.title), ['添加单位：抵扣上限 `40%`']);
      assert.deepEqual(codeActions(analysis, 'file:///x.sla', range, { diagnostics: [] }).map((a) => a.title), ['Add the unit: cap `40%`']);
    });
  });

  it('titles an evaluation result’s code lens and words its warning in Chinese', async () => {
    const text = contract(`
  effective 2026-10-01 to 2026-12-31
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar day }
  compensation for uptime { below 90% credit 10% }`);
    const csv = rows('up', [
      ['2026-10-01T00:00:00Z', 1],
      ['2026-10-01T12:00:00Z', 1],
      ['2026-10-02T00:00:00Z', 0],
      ['2026-10-02T12:00:00Z', 1],
    ]);
    const report = await evaluateCsv(text, csv);
    const [met, breached] = report.objectives[0].results;
    assert.equal(resultTitle(report.objectives[0], met, 'zh-CN'), '✔ 100%；目标值 >= 90%（2026-10-01）');
    assert.equal(resultTitle(report.objectives[0], breached, 'zh-CN'), '✘ 50% — 服务抵扣 10%；目标值 >= 90%（2026-10-02）');
    assert.equal(resultTitle(report.objectives[0], breached), '✘ 50% — credit 10%; target >= 90% (2026-10-02)');
    // The lenses above the objective and the warning on it after the evaluation.
    const snapshot = { report, finishedAt: 0 };
    const analysis = analyze(text);
    assert.deepEqual(codeLenses(analysis, 'file:///x.sla', snapshot, 'zh-CN').map((l) => l.command?.title), ['▶ 评估', '✘ 50% — 服务抵扣 10%；目标值 >= 90%（2026-10-02）']);
    assert.deepEqual(codeLenses(analysis, 'file:///x.sla', snapshot).map((l) => l.command?.title), ['▶ Evaluate', '✘ 50% — credit 10%; target >= 90% (2026-10-02)']);
    assert.deepEqual(evaluationDiagnostics(analysis, snapshot, 'zh-CN').map((d) => d.message), ['目标 uptime 在 2026-10-02 未达标：50%，目标值 >= 90%；服务抵扣 10%。']);
    assert.deepEqual(evaluationDiagnostics(analysis, snapshot).map((d) => d.message), ['Objective uptime breached in 2026-10-02: 50%, target >= 90%; credit 10%.']);
  });

  it('names a week and a quarter in the code lens and warning as the Chinese reports do', async () => {
    const text = contract(`
  effective 2026-10-01 to 2026-12-31
  indicator probe { kind availability metric "up" }
  objective weekly { indicator probe target >= 90% window calendar week }
  objective quarterly { indicator probe target >= 90% window calendar quarter }`);
    const csv = rows('up', [
      ['2026-10-05T00:00:00Z', 1],
      ['2026-10-06T00:00:00Z', 0],
    ]);
    const report = await evaluateCsv(text, csv);
    const [weekly, quarterly] = report.objectives;
    const week = weekly.results.find((r) => r.samples > 0)!;
    const quarter = quarterly.results.find((r) => r.samples > 0)!;
    assert.match(resultTitle(weekly, week, 'zh-CN'), /（2026-10-05 当周）$/);
    assert.match(resultTitle(quarterly, quarter, 'zh-CN'), /（2026 年第 4 季度）$/);
    assert.match(resultTitle(weekly, week), /\(week of 2026-10-05\)$/);
    assert.match(resultTitle(quarterly, quarter), /\(2026-Q4\)$/);
    const warnings = evaluationDiagnostics(analyze(text), { report, finishedAt: 0 }, 'zh-CN').map((d) => d.message);
    assert.ok(warnings.some((m) => m.includes('2026-10-05 当周')), warnings.join('\n'));
  });

  it('details the outline and refuses a rename in Chinese', () => {
    const analysis = analyze(CONTRACT, { locale: 'zh-CN' });
    const compensation = documentSymbols(analysis, 'zh-CN')[0].children!.find((s) => s.name === 'compensation for uptime');
    assert.equal(compensation?.detail, '2 个档位');
    assert.equal(documentSymbols(analysis)[0].children!.find((s) => s.name === 'compensation for uptime')?.detail, '2 tiers');
    const line = CONTRACT.split('\n').findIndex((l) => l.includes('objective speed'));
    const at = { line, character: CONTRACT.split('\n')[line].indexOf('speed') + 1 };
    assert.deepEqual(rename(analysis, at, 'uptime', 'zh-CN'), { error: '`uptime` 已在此 sla 中定义：第 13 行的目标（`objective`）。' });
    assert.deepEqual(rename(analysis, at, 'uptime'), { error: '`uptime` is already defined in this sla: an objective on line 13.' });
    assert.deepEqual(rename(analysis, at, 'window', 'zh-CN'), { error: '`window` 是关键字，不能用作名称。' });
    const keyword = { line, character: 3 };
    assert.deepEqual(prepareRename(analysis, keyword, 'zh-CN'), { error: '`objective` 是关键字，不能重命名。' });
  });
});
