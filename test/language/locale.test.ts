// The language core in Chinese (issue 11): every diagnostic the broken samples and a set of
// broken snippets produce is worded in Simplified Chinese with `locale: 'zh-CN'`, and is the
// same diagnostic as in English (code, severity, range, data); only the message differs.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, MAX_DIAGNOSTICS, type AnalyzeOptions } from '../../server/src/language/analyze';
import { DIAGNOSTIC_CODES } from '../../server/src/language/codes';
import type { Diagnostic } from '../../server/src/language/diagnostics';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BROKEN = path.join(ROOT, 'samples', 'broken');
/** SLA505 compares with "today": fixed, so that the samples' review is overdue on every run. */
const TODAY = { year: 2026, month: 12, day: 5 };
const CJK = /[\u4e00-\u9fff]/;

function both(text: string, options: AnalyzeOptions = {}): { en: Diagnostic[]; zh: Diagnostic[] } {
  return { en: analyze(text, { ...options, locale: 'en' }).diagnostics, zh: analyze(text, { ...options, locale: 'zh-CN' }).diagnostics };
}

/** The diagnostics without their messages: what must not depend on the language. */
const withoutMessages = (diagnostics: Diagnostic[]) => diagnostics.map(({ message: _message, ...rest }) => rest);

/** Messages that are not Chinese, or hold a placeholder left unfilled (`{name}`), with their code. */
function notChinese(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => !CJK.test(d.message) || /\{[a-z]\w*\}/.test(d.message)).map((d) => `${d.code}: ${d.message}`);
}

/** Broken snippets for the parser's and the literals' messages, one or more shapes each. */
const SNIPPETS: Record<string, string> = {
  'an extra `}` and items after it': 'sla X { objective o { target >= 99% } } }\nobjective p { }',
  'an item outside any sla': 'version "1"',
  'an unknown unit word': 'sla X { indicator i { kind latency unit parsecs } }',
  'a lower-case currency': 'sla X { fee 100 usd per month }',
  'a reserved word as a name': 'sla X { objective target { } support { severity sla response 1h } }',
  'bad escapes and an unclosed string': 'sla X { description "a\\qb" provider "x\\u{D800}" customer "\\u{zz}" version "abc\\',
  'impossible dates': 'sla X { effective 2026-02-30 to 2026-1-01 reviewed 2026-13-01 }',
  'impossible times and date-times':
    'sla X { schedule s { mon..fri 24:00-25:00 9:00-10:61 } maintenance m { on 2026-01-01T25:00 for 2h on 2026-01-01T10:00:61 for 1h on 2026-01-01T10:00+25:00 for 1h } }',
  'a percentile above 100': 'sla X { objective o { target p101 <= 5ms } }',
  'a missing `}` at the end': 'sla X { indicator i { kind availability metric "m" } ',
  'full-width punctuation and unknown characters': 'sla 蓝莺 { objective o { target >= 99％ window calendar month } } # ¤',
  'an unclosed comment': 'sla X { } /* open',
  'blocks nested too deep': 'sla X {' + ' objective o {'.repeat(70),
  'more than 100 syntax errors': 'sla X { ' + '@ '.repeat(150) + '}',
  'a missing name and stray words in blocks':
    'sla { responsibilities { foo } compensation for o { 12 } credits { wrong } support { x } service s { y } maintenance m { z } }',
  'stray tokens and a misspelt item word': 'sla X "t" { objectiv o { indicatr i } indicator i "t" kind }',
  'units in the wrong place': 'sla X { credits { cap 10 claim within 30 } indicator i { every 5% } }',
};

describe('language core in Chinese (locale zh-CN)', () => {
  const codesSeen = new Set<string>();

  for (const file of readdirSync(BROKEN).filter((f) => f.endsWith('.sla'))) {
    it(`samples/broken/${file}: every diagnostic in Chinese, otherwise the same as in English`, () => {
      const { en, zh } = both(readFileSync(path.join(BROKEN, file), 'utf8'), { today: TODAY });
      assert.ok(zh.length > 0);
      assert.deepEqual(withoutMessages(zh), withoutMessages(en));
      assert.deepEqual(notChinese(zh), []);
      for (const d of zh) codesSeen.add(d.code);
    });
  }

  it('the broken samples produce every code of LANGUAGE.md section 4 but SLA004 (tested below)', () => {
    assert.deepEqual(
      DIAGNOSTIC_CODES.filter((code) => !codesSeen.has(code)),
      ['SLA004'],
    );
  });

  for (const [what, text] of Object.entries(SNIPPETS)) {
    it(`syntax: ${what}`, () => {
      const { en, zh } = both(text);
      assert.ok(zh.some((d) => d.code === 'SLA001' || d.code === 'SLA002' || d.code === 'SLA003'), 'the snippet has a syntax or literal error');
      assert.deepEqual(withoutMessages(zh), withoutMessages(en));
      assert.deepEqual(notChinese(zh), []);
    });
  }

  it('words SLA004, the cap on diagnostics, in Chinese', () => {
    const items = Array.from({ length: MAX_DIAGNOSTICS + 10 }, (_, i) => `  objective o${i} { }`).join('\n');
    const last = analyze(`sla X {\n${items}\n}\n`, { locale: 'zh-CN' }).diagnostics.at(-1);
    assert.equal(last?.code, 'SLA004');
    assert.match(last?.message ?? '', /^此文件的诊断信息超过 1,000 条：从此处起还有 [\d,]+ 条未显示；请先修正上面的问题$/);
  });

  it('reads as a Chinese user expects: syntax errors, literals, references and tiers', () => {
    const messages = (text: string) => analyze(text, { locale: 'zh-CN' }).diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.ok(messages('sla X { objective target { } }').includes('SLA001 `objective` 之后应为 名称；`target` 是保留字，不能用作名称'));
    assert.ok(messages('sla X { indicator i { kind availability metric "m" } ').includes('SLA001 `sla` 块缺少结尾的 `}`'));
    assert.ok(messages('sla X { effective 2026-02-30 to 2026-03-01 }').includes('SLA002 `2026-02-30` 不是日期：2026 年 2 月只有 28 天'));
    assert.ok(messages('sla X { # }').includes('SLA001 意外的字符 `#`'));
    const contract = readFileSync(path.join(BROKEN, 'unknown-names.sla'), 'utf8');
    assert.ok(messages(contract).some((m) => /^SLA101 未知的(服务等级指标|服务时段|维护窗口|目标|服务) `\w+`[：；]/.test(m)));
  });

  it('keeps English the default', () => {
    const text = 'sla X { objective target { } }';
    assert.deepEqual(analyze(text).diagnostics, analyze(text, { locale: 'en' }).diagnostics);
    assert.ok(analyze(text).diagnostics.every((d) => !CJK.test(d.message)));
  });
});
