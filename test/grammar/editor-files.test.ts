// The editor files that are not the grammar: language configuration and snippets. They
// are plain JSON that VS Code reads without telling anyone when a pattern is wrong, so
// the tests exercise the patterns and expand every snippet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/language/analyze';
import { expandSnippet, type Snippet } from './snippets';
import { tokenize } from './tokenize';

const root = new URL('../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  previousLineText?: string;
  action: { indent: string; appendText?: string; removeText?: number };
}
interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: Array<[string, string]>;
  autoClosingPairs: Array<{ open: string; close: string; notIn?: string[] }>;
  surroundingPairs: Array<[string, string]>;
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
  folding: { markers: { start: string; end: string } };
}

describe('language configuration', () => {
  const config = readJson('language-configuration.json') as LanguageConfiguration;

  it('declares the comment tokens and brace pairs of the language', () => {
    assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    assert.deepEqual(config.brackets, [['{', '}']]);
    assert.ok(config.surroundingPairs.some(([open, close]) => open === '"' && close === '"'));
    const quote = config.autoClosingPairs.find((pair) => pair.open === '"');
    assert.deepEqual(quote?.notIn, ['string', 'comment']);
  });

  it('selects percentiles, quantities, dates and times as whole words', () => {
    const words = 'target p99.9 <= 500ms; cap 99.9% on 2026-10-17T22:00+08:00 mon 09:00-18:00 p95_latency fee 12000 CNY'
      .match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words, [
      'target', 'p99.9', '500ms', 'cap', '99.9%', 'on', '2026-10-17T22:00+08:00', 'mon', '09:00', '18:00',
      'p95_latency', 'fee', '12000', 'CNY',
    ]);
  });

  it('indents after an opening brace and outdents a closing one', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('  objective uptime "Monthly" {'));
    assert.ok(increase.test('  credits { // limits'));
    assert.ok(!increase.test('  credits { cap 50% }'));
    assert.ok(!increase.test('  description "uses { in text"'));
    assert.ok(!increase.test('  // objective x {'));
    assert.ok(decrease.test('  }'));
    assert.ok(!decrease.test('  target >= 99%'));
  });

  it('continues block comments with a leading star', () => {
    const rules = config.onEnterRules.map((rule) => ({ ...rule, before: new RegExp(rule.beforeText) }));
    const firstMatch = (line: string) => rules.find((rule) => rule.before.test(line));
    assert.equal(firstMatch('  /* the customer')?.action.appendText, ' * ');
    assert.equal(firstMatch('   * may claim')?.action.appendText, '* ');
    assert.equal(firstMatch('   */')?.action.removeText, 1);
    assert.equal(firstMatch('  cap 50%'), undefined);
    for (const rule of config.onEnterRules) {
      if (rule.afterText) new RegExp(rule.afterText);
      if (rule.previousLineText) new RegExp(rule.previousLineText);
    }
  });

  it('folds on region comments', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('  // #region credits'));
    assert.ok(new RegExp(config.folding.markers.end).test('  // #endregion'));
  });
});

describe('snippets', () => {
  const snippets = readJson('snippets/sla.code-snippets') as Record<string, Snippet>;
  const prefixes = (snippet: Snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);

  it('offers the blocks a contract is made of', () => {
    const all = Object.values(snippets).flatMap(prefixes);
    for (const prefix of ['sla', 'service', 'indicator', 'objective', 'compensation', 'schedule', 'maintenance', 'credits', 'support']) {
      assert.ok(all.includes(prefix), `no snippet with prefix ${prefix}`);
    }
  });

  for (const [title, snippet] of Object.entries(snippets)) {
    it(`"${title}" expands to text the grammar reads without illegal tokens`, async () => {
      assert.equal(snippet.scope, 'sla');
      assert.ok(snippet.description, 'a description is shown in the completion list');
      const text = expandSnippet(snippet.body);
      assert.ok(text.trim().length > 0);
      for (const token of await tokenize(text)) {
        assert.ok(!token.scopes.some((s) => s.startsWith('invalid.')), `${JSON.stringify(token.text)} in:\n${text}`);
      }
    });
  }

  it('"Service level agreement" expands to a contract the checker finds nothing wrong with', () => {
    const text = expandSnippet(snippets['Service level agreement'].body);
    const found = analyze(text).diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.deepEqual(found, [], text);
  });

  for (const [title, snippet] of Object.entries(snippets)) {
    if (prefixes(snippet).includes('sla')) continue;
    it(`"${title}" expands to a block that parses inside an sla`, () => {
      const text = `sla Snippet {\n${expandSnippet(snippet.body)}\n}\n`;
      const syntax = analyze(text).diagnostics.filter((d) => d.code === 'SLA001' || d.code === 'SLA002');
      assert.deepEqual(syntax.map((d) => `${d.code} ${d.message}`), [], text);
    });
  }

  it('mirrors tab stops and resolves variables when expanding', () => {
    assert.equal(expandSnippet(['a ${1:x} ${2|p,q|} $1 ${1} ${CURRENT_YEAR}$0']), 'a x p x x 2026');
  });
});
