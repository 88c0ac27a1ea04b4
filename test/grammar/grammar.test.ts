// The TextMate grammar as VS Code paints it: each token class gets its scope, and the
// shipped samples tokenize with no word left unscoped or marked invalid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { tokenize, type Token } from './tokenize';

const root = new URL('../../', import.meta.url);

/** The innermost scope of the n-th token whose text is exactly `text`. */
async function scopeOf(source: string, text: string, occurrence = 0): Promise<string> {
  return scopesOf(source, text, occurrence).then((scopes) => scopes[scopes.length - 1] ?? 'source.sla');
}

async function scopesOf(source: string, text: string, occurrence = 0): Promise<string[]> {
  const found = (await tokenize(source)).filter((t) => t.text === text);
  assert.ok(found.length > occurrence, `no token ${JSON.stringify(text)} (#${occurrence}) in ${JSON.stringify(source)}`);
  return found[occurrence].scopes;
}

const KEYWORDS = [
  'sla', 'version', 'provider', 'customer', 'effective', 'to', 'timezone', 'fee', 'per',
  'service', 'description', 'includes', 'excludes', 'schedule', 'holidays', 'maintenance',
  'every', 'on', 'for', 'notice', 'indicator', 'kind', 'metric', 'ratio', 'total', 'unit',
  'objective', 'target', 'window', 'calendar', 'rolling', 'during', 'excluding',
  'compensation', 'below', 'above', 'credit', 'credits', 'cap', 'claim', 'within', 'remedy',
  'responsibilities', 'support', 'hours', 'severity', 'response', 'resolve', 'reporting', 'review',
];

describe('TextMate grammar', () => {
  describe('comments', () => {
    it('scopes line comments, also after code', async () => {
      assert.equal(await scopeOf('// a comment', ' a comment'), 'comment.line.double-slash.sla');
      assert.equal(await scopeOf('review quarterly // yearly from 2027', ' yearly from 2027'), 'comment.line.double-slash.sla');
      assert.equal(await scopeOf('review quarterly // x', 'quarterly'), 'constant.language.cadence.sla');
    });

    it('scopes block comments across lines and resumes code after them', async () => {
      const source = 'sla A { /* first\n objective not_a_name {\n end */ review yearly }';
      assert.deepEqual(await scopesOf(source, ' objective not_a_name {'), ['comment.block.sla']);
      assert.equal(await scopeOf(source, 'review'), 'keyword.control.review.sla');
      assert.equal(await scopeOf(source, '*/'), 'punctuation.definition.comment.end.sla');
    });
  });

  describe('strings', () => {
    it('scopes strings, including Chinese text', async () => {
      assert.equal(await scopeOf('provider "蓝莺IM"', '蓝莺IM'), 'string.quoted.double.sla');
    });

    it('scopes every valid escape and marks a bad one illegal', async () => {
      const source = String.raw`description "a \" b \\ c \n d \t e \u{4E2D} f \q g"`;
      for (const escape of [String.raw`\"`, String.raw`\\`, String.raw`\n`, String.raw`\t`, String.raw`\u{4E2D}`]) {
        assert.deepEqual(await scopesOf(source, escape), ['string.quoted.double.sla', 'constant.character.escape.sla'], escape);
      }
      assert.deepEqual(await scopesOf(source, String.raw`\q`), ['string.quoted.double.sla', 'invalid.illegal.escape.sla']);
    });

    it('ends an unterminated string at the end of its line', async () => {
      const source = 'description "no closing quote\nreview yearly';
      assert.equal(await scopeOf(source, 'review'), 'keyword.control.review.sla');
    });
  });

  describe('keywords and names', () => {
    it('scopes block keywords as storage types and the names they declare', async () => {
      const source = [
        'sla LanyingIM "t" {',
        '  service chat_api "Chat API" {',
        '  schedule business_hours {',
        '  maintenance weekly_window {',
        '  indicator probe "Probe" {',
        '  indicator api_latency {',
        '  objective uptime {',
        '  credits {',
        '  responsibilities {',
        '  support {',
      ].join('\n');
      const expected: Array<[string, string, string]> = [
        ['sla', 'LanyingIM', 'entity.name.type.sla.sla'],
        ['service', 'chat_api', 'entity.name.type.service.sla'],
        ['schedule', 'business_hours', 'entity.name.type.schedule.sla'],
        ['maintenance', 'weekly_window', 'entity.name.type.maintenance.sla'],
        ['indicator', 'probe', 'entity.name.type.indicator.sla'],
        ['indicator', 'api_latency', 'entity.name.type.indicator.sla'],
        ['objective', 'uptime', 'entity.name.function.objective.sla'],
      ];
      for (const [keyword, name, nameScope] of expected) {
        assert.equal(await scopeOf(source, name), nameScope, name);
        assert.match(await scopeOf(source, keyword, keyword === 'indicator' && name === 'api_latency' ? 1 : 0), /^storage\.type\./, keyword);
      }
      for (const keyword of ['credits', 'responsibilities', 'support']) {
        assert.equal(await scopeOf(source, keyword), `storage.type.${keyword}.sla`);
      }
    });

    it('tells an objective\'s `service`/`indicator` references from declarations', async () => {
      const source = 'objective uptime {\n  service chat_api\n  indicator probe\n  during business_hours\n  excluding weekly_window, release\n}';
      assert.equal(await scopeOf(source, 'service'), 'keyword.control.service.sla');
      assert.equal(await scopeOf(source, 'indicator'), 'keyword.control.indicator.sla');
      for (const name of ['chat_api', 'probe', 'business_hours', 'weekly_window', 'release']) {
        assert.equal(await scopeOf(source, name), 'variable.other.reference.sla', name);
      }
      assert.equal(await scopeOf(source, ','), 'punctuation.separator.comma.sla');
    });

    it('scopes compensation targets, support hours and severity names', async () => {
      const source = 'compensation for uptime {\nsupport { hours business_hours\n severity P1 "Down" response 15m resolve 4h }';
      assert.equal(await scopeOf(source, 'compensation'), 'storage.type.compensation.sla');
      assert.equal(await scopeOf(source, 'for'), 'keyword.other.for.sla');
      assert.equal(await scopeOf(source, 'uptime'), 'variable.other.reference.objective.sla');
      assert.equal(await scopeOf(source, 'business_hours'), 'variable.other.reference.sla');
      assert.equal(await scopeOf(source, 'P1'), 'entity.name.tag.severity.sla');
      assert.equal(await scopeOf(source, 'response'), 'keyword.control.response.sla');
    });

    it('gives every reserved word a keyword scope when it stands alone', async () => {
      for (const keyword of KEYWORDS) {
        assert.match(await scopeOf(`${keyword}\n`, keyword), /^(keyword\.(control|other)|storage\.type)\./, keyword);
      }
    });

    it('scopes contextual words: kinds, periods, cadences, days, ratio sides', async () => {
      const cases: Array<[string, string, string]> = [
        ['kind availability', 'availability', 'support.constant.kind.sla'],
        ['kind error_rate', 'error_rate', 'support.constant.kind.sla'],
        ['kind resolution_time', 'resolution_time', 'support.constant.kind.sla'],
        ['kind throughput', 'throughput', 'support.constant.kind.sla'],
        ['window calendar quarter', 'quarter', 'constant.language.period.sla'],
        ['fee 10 USD per year', 'year', 'constant.language.period.sla'],
        ['reporting weekly', 'weekly', 'constant.language.cadence.sla'],
        ['every sat 01:00-02:00', 'sat', 'constant.language.day.sla'],
        ['weekends 10:00-16:00', 'weekends', 'constant.language.day.sla'],
        ['ratio bad "e" total "t"', 'bad', 'constant.language.ratio.sla'],
        ['ratio good "g" total "t"', 'good', 'constant.language.ratio.sla'],
      ];
      for (const [source, word, scope] of cases) assert.equal(await scopeOf(source, word), scope, source);
    });

    it('gives a contextual word used as a declared name the name scope', async () => {
      assert.equal(await scopeOf('indicator latency {', 'latency'), 'entity.name.type.indicator.sla');
    });

    it('(1.1) paints names in any script as names', async () => {
      assert.equal(await scopeOf('sla 蓝莺IM "t" {', '蓝莺IM'), 'entity.name.type.sla.sla');
      assert.equal(await scopeOf('objective 月度可用性 {', '月度可用性'), 'entity.name.function.objective.sla');
      assert.equal(await scopeOf('  indicator p95延迟 {', 'p95延迟'), 'entity.name.type.indicator.sla');
      assert.equal(await scopeOf('    indicator 可用性_1', '可用性_1'), 'variable.other.reference.sla');
      assert.equal(await scopeOf('    excluding 周维护, 发布窗口', '发布窗口'), 'variable.other.reference.sla');
      assert.equal(await scopeOf('target p95延迟', 'p95延迟'), 'variable.other.sla');
    });

    it('(1.1) scopes the new item words, and full-width punctuation as deprecated', async () => {
      for (const word of ['every', 'counters', 'coverage', 'reviewed', 'missing']) {
        assert.equal(await scopeOf(`  ${word} x`, word), `keyword.control.${word}.sla`, word);
      }
      assert.equal(await scopeOf('missing down', 'down'), 'keyword.other.down.sla');
      assert.equal(await scopeOf('target >= 99.9％', '％'), 'invalid.deprecated.full-width.sla');
      assert.equal(await scopeOf('metric “probe”', 'probe'), 'string.quoted.double.full-width.sla');
    });
  });

  describe('aggregates', () => {
    it('scopes percentiles and avg/min/max after target', async () => {
      for (const aggregate of ['p50', 'p95', 'p99', 'p99.9']) {
        assert.match(await scopeOf(`target ${aggregate} <= 500ms`, aggregate), /^support\.function\.aggregate\./, aggregate);
      }
      for (const aggregate of ['avg', 'min', 'max']) {
        assert.equal(await scopeOf(`target ${aggregate} <= 4h`, aggregate), 'support.function.aggregate.sla', aggregate);
      }
    });

    it('reads `p95_latency` as a name and `unit min` as minutes', async () => {
      assert.equal(await scopeOf('indicator p95_latency', 'p95_latency'), 'variable.other.reference.sla');
      assert.equal(await scopeOf('unit min', 'min'), 'keyword.other.unit.duration.sla');
      assert.equal(await scopeOf('unit rps', 'rps'), 'keyword.other.unit.rate.sla');
    });
  });

  describe('numbers and units', () => {
    it('scopes numbers and their units, with or without a space', async () => {
      const cases: Array<[string, string, string]> = [
        ['target p95 <= 500ms', 'ms', 'keyword.other.unit.duration.sla'],
        ['target p95 <= 500 ms', 'ms', 'keyword.other.unit.duration.sla'],
        ['above 1.5s credit 5%', 's', 'keyword.other.unit.duration.sla'],
        ['claim within 30d', 'd', 'keyword.other.unit.duration.sla'],
        ['response 15m', 'm', 'keyword.other.unit.duration.sla'],
        ['target max <= 90min', 'min', 'keyword.other.unit.duration.sla'],
        ['target min >= 150rps', 'rps', 'keyword.other.unit.rate.sla'],
        ['target >= 99.9%', '%', 'keyword.other.unit.percent.sla'],
        ['target >= 99.9 %', '%', 'keyword.other.unit.percent.sla'],
        ['fee 12000 CNY per month', 'CNY', 'keyword.other.unit.currency.sla'],
      ];
      for (const [source, unit, scope] of cases) {
        assert.equal(await scopeOf(source, unit), scope, source);
      }
      assert.equal(await scopeOf('target >= 99.9%', '99.9'), 'constant.numeric.sla');
      assert.equal(await scopeOf('fee 12000 CNY per month', '12000'), 'constant.numeric.sla');
      assert.equal(await scopeOf('above 1.5s', '1.5'), 'constant.numeric.sla');
    });

    it('marks an unknown unit glued to a number illegal', async () => {
      assert.equal(await scopeOf('target p95 <= 500usec', 'usec'), 'invalid.illegal.unit.sla');
    });
  });

  describe('dates and times', () => {
    it('scopes dates, times and date-times', async () => {
      assert.equal(await scopeOf('effective 2026-01-01 to 2026-12-31', '2026-12-31'), 'constant.numeric.date.sla');
      assert.equal(await scopeOf('mon..fri 09:00-24:00', '09:00'), 'constant.numeric.time.sla');
      assert.equal(await scopeOf('mon..fri 09:00-24:00', '24:00'), 'constant.numeric.time.sla');
      for (const dateTime of ['2026-10-17T22:00', '2026-10-17T22:00:30', '2026-10-17T22:00Z', '2026-10-17T22:00+08:00']) {
        assert.equal(await scopeOf(`on ${dateTime} for 2h`, dateTime), 'constant.numeric.datetime.sla', dateTime);
      }
    });

    it('marks impossible months and times illegal', async () => {
      assert.equal(await scopeOf('holidays 2026-13-01', '2026-13-01'), 'invalid.illegal.date.sla');
      assert.equal(await scopeOf('mon 25:00-26:00', '25:00'), 'invalid.illegal.time.sla');
      assert.equal(await scopeOf('mon 09:00-24:30', '24:30'), 'invalid.illegal.time.sla');
    });
  });

  describe('operators and punctuation', () => {
    it('scopes comparators and range operators', async () => {
      for (const op of ['>=', '>', '<=', '<']) {
        assert.equal(await scopeOf(`target ${op} 99%`, op), 'keyword.operator.comparison.sla', op);
      }
      assert.equal(await scopeOf('mon..fri 09:00-18:00', '..'), 'keyword.operator.range.sla');
      assert.equal(await scopeOf('mon..fri 09:00-18:00', '-'), 'keyword.operator.range.sla');
    });

    it('scopes braces and commas', async () => {
      const source = 'credits { cap 50% }\nholidays 2026-10-01, 2026-10-02';
      assert.equal(await scopeOf(source, '{'), 'punctuation.section.block.begin.sla');
      assert.equal(await scopeOf(source, '}'), 'punctuation.section.block.end.sla');
      assert.equal(await scopeOf(source, ','), 'punctuation.separator.comma.sla');
    });

    it('marks a stray character illegal', async () => {
      assert.equal(await scopeOf('target >= 99%;', ';'), 'invalid.illegal.character.sla');
    });
  });

  describe('shipped contracts', () => {
    const files = globSync(['samples/*.sla', 'test/fixtures/example.sla'], { cwd: root.pathname }).sort();

    it('finds the sample contracts', () => {
      assert.ok(files.includes('samples/lanying-im.sla'), files.join(', '));
      assert.ok(files.length >= 6, files.join(', '));
    });

    for (const file of files) {
      it(`tokenizes ${file} with every word scoped and nothing illegal`, async () => {
        const tokens = await tokenize(readFileSync(new URL(file, root), 'utf8'));
        const where = (t: Token) => `${file}:${t.line + 1}:${t.startIndex + 1} ${JSON.stringify(t.text)} [${t.scopes.join(' ')}]`;
        for (const token of tokens) {
          if (token.text.trim() === '') continue;
          assert.ok(token.scopes.length > 0, `unscoped ${where(token)}`);
          assert.ok(!token.scopes.some((s) => s.startsWith('invalid.')), `illegal ${where(token)}`);
          // A bare word the grammar could not place would mean a missing rule.
          assert.ok(!token.scopes.includes('variable.other.sla'), `unplaced word ${where(token)}`);
          const inText = token.scopes.some((s) => s.startsWith('comment.') || s.startsWith('string.'));
          if (!inText && KEYWORDS.includes(token.text.trim())) {
            assert.match(token.scopes.at(-1)!, /^(keyword\.(control|other)|storage\.type)\./, `keyword ${where(token)}`);
          }
        }
      });
    }
  });
});
