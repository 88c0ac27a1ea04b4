import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { LineIndex } from '../../server/src/language/text';
import {
  CONTEXTUAL_WORDS,
  isContextualWord,
  isReservedWord,
  KEYWORDS,
  tokenCategory,
  tokenize,
  tokenTypeName,
  LCurly,
  Comparator,
  NumberLiteral,
} from '../../server/src/language/lexer';

/** `type:image` of every token, for compact assertions. */
function lex(text: string): string[] {
  return tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  describe('token classes', () => {
    it('lexes punctuation, comparators and ranges', () => {
      assert.deepEqual(lex('{ } , .. - % >= > <= <'), [
        'LCurly:{', 'RCurly:}', 'Comma:,', 'DotDot:..', 'Dash:-', 'Percent:%',
        'GreaterEqual:>=', 'Greater:>', 'LessEqual:<=', 'Less:<',
      ]);
    });

    it('lexes keywords as their own tokens, named after the word', () => {
      assert.deepEqual(lex('sla objective target compensation for'), [
        'sla:sla', 'objective:objective', 'target:target', 'compensation:compensation', 'for:for',
      ]);
    });

    it('lexes a word that merely starts with a keyword as a name', () => {
      assert.deepEqual(lex('monday months maximum target_x slam'), [
        'Identifier:monday', 'Identifier:months', 'Identifier:maximum', 'Identifier:target_x', 'Identifier:slam',
      ]);
    });

    it('prefers the longest keyword: month over mon, max over m, monthly over month', () => {
      assert.deepEqual(lex('month mon max m monthly response_time response'), [
        'month:month', 'mon:mon', 'max:max', 'm:m', 'monthly:monthly', 'response_time:response_time', 'response:response',
      ]);
    });

    it('lexes numbers, dates, times and date-times', () => {
      assert.deepEqual(lex('123 99.95 2026-01-31 09:00 24:00 2026-10-17T22:00 2026-10-17T22:00:30Z 2026-10-17T22:00+08:00'), [
        'NumberLiteral:123', 'NumberLiteral:99.95', 'DateLiteral:2026-01-31', 'TimeLiteral:09:00', 'TimeLiteral:24:00',
        'DateTimeLiteral:2026-10-17T22:00', 'DateTimeLiteral:2026-10-17T22:00:30Z', 'DateTimeLiteral:2026-10-17T22:00+08:00',
      ]);
    });

    it('lexes a time range as time, dash, time and a day range as day, dots, day', () => {
      assert.deepEqual(lex('mon..fri 09:00-18:00'), ['mon:mon', 'DotDot:..', 'fri:fri', 'TimeLiteral:09:00', 'Dash:-', 'TimeLiteral:18:00']);
    });

    it('lexes strings with escapes and Chinese text as one token each', () => {
      const tokens = tokenize('"蓝莺IM 企业级聊天云服务" "say \\"hi\\"\\n" "\\u{1F600}"').tokens;
      assert.deepEqual(tokens.map((t) => t.tokenType.name), ['StringLiteral', 'StringLiteral', 'StringLiteral']);
      assert.equal(tokens[0].image, '"蓝莺IM 企业级聊天云服务"');
      assert.equal(tokens[1].image, '"say \\"hi\\"\\n"');
    });

    it('stops an unclosed string at the end of its line', () => {
      assert.deepEqual(lex('"abc\nversion'), ['StringLiteral:"abc', 'version:version']);
    });
  });

  describe('units', () => {
    it('takes a unit glued to a number or after a space', () => {
      assert.deepEqual(lex('500ms 500 ms 99.9% 99.9 % 12000 CNY 4h 1 d'), [
        'NumberLiteral:500', 'UnitSuffix:ms', 'NumberLiteral:500', 'UnitSuffix:ms',
        'NumberLiteral:99.9', 'Percent:%', 'NumberLiteral:99.9', 'Percent:%',
        'NumberLiteral:12000', 'UnitSuffix:CNY', 'NumberLiteral:4', 'UnitSuffix:h', 'NumberLiteral:1', 'UnitSuffix:d',
      ]);
    });

    it('always takes a glued word as the unit, even an unknown one', () => {
      assert.deepEqual(lex('500usec'), ['NumberLiteral:500', 'UnitSuffix:usec']);
    });

    it('takes a spaced word as the unit only when it is a unit word or a currency', () => {
      assert.deepEqual(lex('500 foo 500 Usd 500 min'), [
        'NumberLiteral:500', 'Identifier:foo', 'NumberLiteral:500', 'Identifier:Usd', 'NumberLiteral:500', 'UnitSuffix:min',
      ]);
    });

    it('does not take a unit from the next line', () => {
      assert.deepEqual(lex('500\nms'), ['NumberLiteral:500', 'ms:ms']);
    });

    it('lexes unit words as contextual words (names) when not after a number', () => {
      assert.deepEqual(lex('unit ms'), ['unit:unit', 'ms:ms']);
    });
  });

  describe('percentiles', () => {
    it('lexes p95, p99.9 and p50 as percentiles', () => {
      assert.deepEqual(lex('p95 p99.9 p50'), ['Percentile:p95', 'Percentile:p99.9', 'Percentile:p50']);
    });

    it('lexes p95_latency and p95x as names', () => {
      assert.deepEqual(lex('p95_latency p95x P95'), ['Identifier:p95_latency', 'Identifier:p95x', 'Identifier:P95']);
    });
  });

  describe('comments and line breaks', () => {
    it('puts comments aside and keeps their spans', () => {
      const result = tokenize('// line\nsla /* block\n comment */ X // end');
      assert.deepEqual(result.tokens.map((t) => t.image), ['sla', 'X']);
      assert.deepEqual(result.comments.map((c) => c.image), ['// line', '/* block\n comment */', '// end']);
    });

    it('lexes CRLF files with the right lines', () => {
      // Tokens carry offsets only; lines come from the text (the LineIndex every diagnostic uses).
      const text = 'sla X {\r\n  version "1"\r\n}\r\n';
      const result = tokenize(text);
      const lines = new LineIndex(text);
      assert.deepEqual(result.tokens.map((t) => [t.image, lines.positionAt(t.startOffset).line + 1]), [
        ['sla', 1], ['X', 1], ['{', 1], ['version', 2], ['"1"', 2], ['}', 3],
      ]);
      assert.equal(result.errors.length, 0);
    });

    it('reports a run of unknown characters once', () => {
      const result = tokenize('sla @@@ X （） {');
      assert.deepEqual(result.errors, [
        { offset: 4, length: 3 },
        { offset: 10, length: 2 },
      ]);
      assert.deepEqual(result.tokens.map((t) => t.image), ['sla', 'X', '{']);
    });
  });

  describe('vocabulary helpers', () => {
    it('separates reserved keywords from contextual words', () => {
      assert.ok(KEYWORDS.includes('objective'));
      assert.ok(isReservedWord('target'));
      assert.ok(!isReservedWord('month'));
      for (const word of ['availability', 'month', 'mon', 'daily', 'weekly', 'avg', 'ms', 'good', 'total']) {
        assert.ok(isContextualWord(word), word);
        assert.ok(CONTEXTUAL_WORDS.includes(word), word);
      }
      for (const word of KEYWORDS) assert.ok(!isContextualWord(word), word);
    });

    it('categorises tokens for highlighting', () => {
      const categories = tokenize('objective x { target p95 <= 500ms window calendar month } "s" 2026-01-01 09:00').tokens.map((t) =>
        tokenCategory(t.tokenType),
      );
      assert.deepEqual(categories, [
        'keyword', 'name', 'punctuation', 'keyword', 'percentile', 'operator', 'number', 'unit',
        'keyword', 'keyword', 'contextual', 'punctuation', 'string', 'date', 'time',
      ]);
    });

    it('describes token types in words', () => {
      assert.equal(tokenTypeName(LCurly), '`{`');
      assert.equal(tokenTypeName(Comparator), 'a comparator (`>=`, `>`, `<=`, `<`)');
      assert.equal(tokenTypeName(NumberLiteral), 'a number');
    });
  });
});
