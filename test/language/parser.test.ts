import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import type * as A from '../../server/src/language/ast';
import { parse } from '../../server/src/language/parser';
import { LineIndex, positionAt } from '../../server/src/language/text';

const EXAMPLE = readFileSync(new URL('../fixtures/example.sla', import.meta.url), 'utf8');

/** The item of type `type` (the first, or the `index`-th) of a list of nodes. */
function find<T extends { type: string }, K extends T['type']>(items: T[], type: K, index = 0): Extract<T, { type: K }> {
  const found = items.filter((i) => i.type === type)[index];
  assert.ok(found, `no ${type} #${index}`);
  return found as Extract<T, { type: K }>;
}

function named<T extends { name?: A.Name }>(items: { type: string }[], name: string): T {
  const found = items.find((i) => (i as { name?: A.Name }).name?.text === name);
  assert.ok(found, `no item named ${name}`);
  return found as unknown as T;
}

/** `line:character-line:character` of a range (0-based), for compact assertions. */
function at(range: A.Range | undefined): string {
  assert.ok(range);
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function messages(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code} ${at(d.range)} ${d.message}`);
}

describe('parser', () => {
  describe('the LANGUAGE.md example', () => {
    const result = parse(EXAMPLE);
    const sla = result.file.slas[0];

    it('parses without diagnostics into one sla', () => {
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.file.slas.length, 1);
      assert.equal(sla.name?.text, 'LanyingIM');
      assert.equal(sla.title?.value, '蓝莺IM 企业级聊天云服务');
      assert.equal(result.comments.length, 1);
      assert.equal(at(result.comments[0].range), '0:0-0:44');
    });

    it('keeps every sla item in order', () => {
      assert.deepEqual(
        sla.items.map((i) => i.type),
        [
          'Version', 'Provider', 'Customer', 'Effective', 'Timezone', 'Fee', 'Service', 'Schedule', 'Maintenance',
          'Indicator', 'Indicator', 'Objective', 'Objective', 'Compensation', 'Compensation', 'Credits',
          'Responsibilities', 'Support', 'Reporting', 'Review',
        ],
      );
    });

    it('gives the sla its keyword, name, body and whole ranges', () => {
      assert.equal(at(sla.keyword.range), '1:0-1:3');
      assert.equal(at(sla.name?.range), '1:4-1:13');
      assert.equal(at(sla.title?.range), '1:14-1:29');
      assert.equal(at(sla.range), '1:0-82:1');
      assert.equal(at(sla.body?.range), '1:30-82:1');
      assert.equal(EXAMPLE.slice(sla.offset, sla.offset + 3), 'sla');
      assert.equal(sla.endOffset, EXAMPLE.lastIndexOf('}') + 1);
    });

    it('decodes the header items', () => {
      assert.equal(find(sla.items, 'Version').value?.value, '2.1.0');
      assert.equal(find(sla.items, 'Provider').value?.value, '蓝莺IM');
      const effective = find(sla.items, 'Effective');
      assert.deepEqual([effective.start?.year, effective.start?.month, effective.start?.day], [2026, 1, 1]);
      assert.deepEqual([effective.end?.year, effective.end?.month, effective.end?.day, effective.end?.valid], [2026, 12, 31, true]);
      assert.equal(find(sla.items, 'Timezone').value?.value, 'Asia/Shanghai');
      const fee = find(sla.items, 'Fee');
      assert.equal(at(fee.range), '7:2-7:25');
      assert.deepEqual([fee.amount?.value, fee.amount?.unit, fee.period?.text], [12000, 'CNY', 'month']);
      assert.equal(at(fee.amount?.numberRange), '7:6-7:11');
      assert.equal(at(fee.amount?.unitRange), '7:12-7:15');
      const reporting = find(sla.items, 'Reporting');
      assert.equal(reporting.cadence?.text, 'monthly');
      assert.deepEqual(reporting.recipients.map((r) => r.value), ['sla-reports@acme.example']);
      assert.equal(find(sla.items, 'Review').cadence?.text, 'quarterly');
    });

    it('parses the service with its lists', () => {
      const service = find(sla.items, 'Service');
      assert.equal(service.name?.text, 'chat_api');
      assert.equal(service.title?.value, 'Chat API');
      assert.equal(at(service.range), '9:2-13:3');
      assert.equal(at(service.keyword.range), '9:2-9:9');
      assert.deepEqual(find(service.items, 'Includes').values.map((v) => v.value), ['message delivery', 'presence', 'ChatAI SDK']);
      assert.deepEqual(find(service.items, 'Excludes').values.map((v) => v.value), ['third-party push channels']);
    });

    it('parses the schedule: days, time ranges, holidays', () => {
      const schedule = find(sla.items, 'Schedule');
      const line = find(schedule.items, 'ScheduleLine');
      assert.deepEqual([line.days.form, line.days.from?.text, line.days.to?.text], ['range', 'mon', 'fri']);
      assert.equal(at(line.keyword.range), '16:4-16:12');
      assert.equal(line.ranges.length, 1);
      assert.deepEqual([line.ranges[0].start?.hour, line.ranges[0].start?.minute, line.ranges[0].end?.hour], [9, 0, 18]);
      assert.equal(at(line.ranges[0].range), '16:13-16:24');
      assert.deepEqual(find(schedule.items, 'Holidays').dates.map((d) => d.text), ['2026-10-01', '2026-10-02']);
    });

    it('parses the maintenance items', () => {
      const maintenance = find(sla.items, 'Maintenance');
      const every = find(maintenance.items, 'Every');
      assert.deepEqual([every.days?.form, every.days?.from?.text, every.days?.to], ['range', 'sun', undefined]);
      assert.deepEqual([every.times?.start?.text, every.times?.end?.text], ['02:00', '04:00']);
      const on = find(maintenance.items, 'On');
      assert.deepEqual(
        [on.at?.year, on.at?.month, on.at?.day, on.at?.hour, on.at?.minute, on.at?.second, on.at?.offsetMinutes],
        [2026, 10, 17, 22, 0, 0, undefined],
      );
      assert.deepEqual([on.duration?.value, on.duration?.unit], [2, 'h']);
      assert.deepEqual([find(maintenance.items, 'Notice').duration?.value, find(maintenance.items, 'Notice').duration?.unit], [72, 'h']);
    });

    it('parses the indicators', () => {
      const probe = named<A.Indicator>(sla.items, 'probe');
      assert.equal(probe.title?.value, 'Synthetic availability probe');
      assert.equal(find(probe.items, 'Kind').value?.text, 'availability');
      assert.equal(find(probe.items, 'Metric').value?.value, 'probe_success');
      const latency = named<A.Indicator>(sla.items, 'api_latency');
      assert.equal(find(latency.items, 'Unit').value?.text, 'ms');
      assert.equal(at(find(latency.items, 'Unit').value?.range), '34:9-34:11');
    });

    it('parses the objectives with references, targets and windows', () => {
      const uptime = named<A.Objective>(sla.items, 'uptime');
      assert.deepEqual(
        uptime.items.map((i) => i.type),
        ['ServiceRef', 'IndicatorRef', 'Target', 'Window', 'During', 'Excluding'],
      );
      assert.equal(find(uptime.items, 'ServiceRef').ref?.text, 'chat_api');
      assert.equal(find(uptime.items, 'IndicatorRef').ref?.text, 'probe');
      const target = find(uptime.items, 'Target');
      assert.equal(target.aggregate, undefined);
      assert.equal(target.comparator?.op, '>=');
      assert.deepEqual([target.quantity?.value, target.quantity?.unit], [99.9, '%']);
      assert.equal(at(target.range), '40:4-40:19');
      assert.equal(at(target.keyword.range), '40:4-40:10');
      const window = find(uptime.items, 'Window');
      assert.deepEqual([window.form, window.period?.text, window.duration], ['calendar', 'month', undefined]);
      assert.equal(at(window.formSpan?.range), '41:11-41:19');
      assert.equal(find(uptime.items, 'During').ref?.text, 'business_hours');
      assert.deepEqual(find(uptime.items, 'Excluding').refs.map((r) => r.text), ['weekly_window']);

      const latency = named<A.Objective>(sla.items, 'latency_p95');
      const p95 = find(latency.items, 'Target');
      assert.deepEqual([p95.aggregate?.text, p95.aggregate?.percentile, p95.comparator?.op], ['p95', 95, '<=']);
      assert.deepEqual([p95.quantity?.value, p95.quantity?.unit], [500, 'ms']);
      assert.equal(at(p95.quantity?.range), '48:18-48:23');
      assert.equal(at(p95.quantity?.numberRange), '48:18-48:21');
      assert.equal(at(p95.quantity?.unitRange), '48:21-48:23');
    });

    it('parses compensations with tiers', () => {
      const uptime = find(sla.items, 'Compensation', 0);
      assert.equal(uptime.target?.text, 'uptime');
      assert.deepEqual(
        uptime.tiers.map((t) => [t.direction, t.threshold?.value, t.threshold?.unit, t.credit?.value, t.credit?.unit]),
        [
          ['below', 99.9, '%', 10, '%'],
          ['below', 99.0, '%', 25, '%'],
          ['below', 95.0, '%', 50, '%'],
        ],
      );
      assert.equal(at(uptime.tiers[0].range), '53:4-53:26');
      const latency = find(sla.items, 'Compensation', 1);
      assert.deepEqual(
        latency.tiers.map((t) => [t.direction, t.threshold?.value, t.threshold?.unit]),
        [
          ['above', 500, 'ms'],
          ['above', 1, 's'],
        ],
      );
    });

    it('parses credits, responsibilities and support', () => {
      const credits = find(sla.items, 'Credits');
      assert.deepEqual([find(credits.items, 'Cap').percent?.value, find(credits.items, 'Cap').percent?.unit], [50, '%']);
      assert.deepEqual([find(credits.items, 'Claim').duration?.value, find(credits.items, 'Claim').duration?.unit], [30, 'd']);
      assert.match(find(credits.items, 'Remedy').value?.value ?? '', /premium support/);
      const responsibilities = find(sla.items, 'Responsibilities');
      assert.deepEqual(responsibilities.items.map((r) => r.party), ['provider', 'customer']);
      const support = find(sla.items, 'Support');
      assert.equal(find(support.items, 'Hours').ref?.text, 'business_hours');
      const p1 = find(support.items, 'Severity', 0);
      assert.deepEqual(
        [p1.name?.text, p1.title?.value, p1.response?.value, p1.response?.unit, p1.resolve?.value, p1.resolve?.unit],
        ['P1', 'Service down', 15, 'm', 4, 'h'],
      );
      assert.equal(find(support.items, 'Severity', 1).resolve?.unit, 'd');
    });

    it('returns every non-comment token in order', () => {
      assert.equal(result.tokens.imageAt(0), 'sla');
      assert.equal(result.tokens.imageAt(result.tokens.length - 1), '}');
      for (let i = 1; i < result.tokens.length; i++) assert.ok(result.tokens.startAt(i) > result.tokens.startAt(i - 1));
    });
  });

  describe('literal forms', () => {
    it('reads units with and without a space alike', () => {
      const file = parse('sla X { objective o { target p99.9 <= 500 ms window rolling 7 d } }').file;
      const objective = file.slas[0].items[0] as A.Objective;
      const target = find(objective.items, 'Target');
      assert.deepEqual([target.aggregate?.percentile, target.quantity?.value, target.quantity?.unit], [99.9, 500, 'ms']);
      assert.equal(at(target.quantity?.unitRange), '0:42-0:44');
      const window = find(objective.items, 'Window');
      assert.deepEqual([window.form, window.duration?.value, window.duration?.unit], ['rolling', 7, 'd']);
    });

    it('accepts contextual words as names and p1 as a severity name', () => {
      const file = parse(
        'sla month { indicator latency { kind latency } objective day { indicator latency } support { severity p1 response 1h } }',
      ).file;
      const sla = file.slas[0];
      assert.equal(sla.name?.text, 'month');
      assert.deepEqual(parse.length, 1);
      assert.equal(named<A.Indicator>(sla.items, 'latency').items.length, 1);
      assert.equal(find(named<A.Objective>(sla.items, 'day').items, 'IndicatorRef').ref?.text, 'latency');
      assert.equal(find(find(sla.items, 'Support').items, 'Severity').name?.text, 'p1');
      assert.deepEqual(parse('sla month { }').diagnostics, []);
    });

    it('parses day forms, several time ranges and a date-time with seconds and offset', () => {
      const sla = parse(
        'sla X { schedule s { daily 00:00-24:00\n weekdays 09:00-12:00, 13:00-18:00\n fri..mon 20:00-23:00 }\n maintenance m { on 2026-10-17T22:00:30.5-05:30 for 90 min } }',
      ).file.slas[0];
      const lines = find(sla.items, 'Schedule').items as A.ScheduleLine[];
      assert.deepEqual(
        lines.map((l) => [l.days.form, l.days.from?.text, l.days.to?.text, l.ranges.length]),
        [
          ['daily', undefined, undefined, 1],
          ['weekdays', undefined, undefined, 2],
          ['range', 'fri', 'mon', 1],
        ],
      );
      assert.deepEqual([lines[0].ranges[0].end?.hour, lines[0].ranges[0].end?.valid], [24, true]);
      const on = find(find(sla.items, 'Maintenance').items, 'On');
      assert.deepEqual([on.at?.second, on.at?.offsetMinutes, on.at?.valid], [30.5, -330, true]);
      assert.deepEqual([on.duration?.value, on.duration?.unit], [90, 'min']);
    });

    it('decodes string escapes', () => {
      const sla = parse('sla X "a\\"b\\\\c\\nd\\te\\u{4E2D}" { }').file.slas[0];
      assert.equal(sla.title?.value, 'a"b\\c\nd\te中');
      assert.equal(sla.title?.valid, true);
    });

    it('parses ratio indicators and several slas in one file', () => {
      const file = parse('sla A { indicator r { kind availability ratio good "ok" total "all" } }\nsla B { }');
      assert.deepEqual(file.diagnostics, []);
      assert.deepEqual(file.file.slas.map((s) => s.name?.text), ['A', 'B']);
      const ratio = find(named<A.Indicator>(file.file.slas[0].items, 'r').items, 'Ratio');
      assert.deepEqual([ratio.polarity?.text, ratio.numerator?.value, ratio.total?.value], ['good', 'ok', 'all']);
    });

    it('counts positions in UTF-16 and CRLF as one line break', () => {
      const result = parse('sla X "蓝莺😀" {\r\n  version "1"\r\n}\r\n');
      const version = find(result.file.slas[0].items, 'Version');
      assert.equal(at(result.file.slas[0].title?.range), '0:6-0:12');
      assert.equal(at(version.range), '1:2-1:13');
      assert.equal(at(result.file.range), '0:0-3:0');
    });

    it('counts a lone \\r as a line break too, like LSP', () => {
      const lines = new LineIndex('a\rb\r\nc\nd');
      assert.deepEqual([0, 2, 5, 7].map((o) => lines.positionAt(o)), [
        { line: 0, character: 0 },
        { line: 1, character: 0 },
        { line: 2, character: 0 },
        { line: 3, character: 0 },
      ]);
      assert.equal(lines.offsetAt({ line: 1, character: 99 }), 3, 'a character past the end stays on its line');
      assert.deepEqual(positionAt('x\n😀y', 5), { line: 1, character: 3 });
    });

    it('returns an empty file for empty or comment-only text', () => {
      for (const text of ['', '   \n', '// nothing\n/* here */']) {
        const result = parse(text);
        assert.deepEqual(result.file.slas, []);
        assert.deepEqual(result.diagnostics, []);
      }
    });
  });

  describe('syntax errors (SLA001)', () => {
    it('names the missing `{` after an objective name', () => {
      assert.deepEqual(messages('sla X {\n  objective up\n    target >= 99%\n  }\n}'), [
        'SLA001 1:14-1:14 expected `{` after the objective name',
      ]);
    });

    it('names the missing comparator after `target`', () => {
      assert.deepEqual(messages('sla X { objective o { target 99.9% } }'), [
        'SLA001 0:29-0:33 expected a comparator (`>=`, `>`, `<=`, `<`) after `target`',
      ]);
    });

    it('lists the objective items for a stray word', () => {
      assert.deepEqual(messages('sla X { objective o {\n  foo bar\n} }'), [
        'SLA001 1:2-1:5 unexpected `foo`: expected an objective item (`indicator`, `service`, `target`, `window`, `during`, `excluding`, `description`, `coverage`) or `}`',
      ]);
    });

    it('names the missing number after a comparator, right after it', () => {
      assert.deepEqual(messages('sla X { objective o {\n  target >=\n  window calendar month\n} }'), [
        'SLA001 1:11-1:11 expected a number after `>=`',
      ]);
    });

    it('names the missing `}` of a block and where it was expected', () => {
      assert.deepEqual(messages('sla X {\n  service s {\n    description "d"\n\n  objective o { }\n}'), [
        'SLA001 2:19-2:19 expected `}` to close the service',
      ]);
      assert.deepEqual(messages('sla X {\n  objective o {\n'), ['SLA001 1:15-1:15 expected `}` to close the objective']);
    });

    it('names the missing period or window form', () => {
      assert.deepEqual(messages('sla X { objective o { window calendar months } }'), [
        'SLA001 0:38-0:44 expected a period (`day`, `week`, `month`, `quarter`, `year`) after `calendar`',
      ]);
      assert.deepEqual(messages('sla X { objective o { window 30d } }'), [
        'SLA001 0:29-0:31 expected `calendar` or `rolling` after `window`',
      ]);
    });

    it('says when a reserved word is used as a name', () => {
      assert.deepEqual(messages('sla X { objective target { } }'), [
        'SLA001 0:18-0:24 expected a name after `objective`; `target` is a reserved word and cannot be used as a name',
      ]);
    });

    it('suggests the keyword for a misspelt item and says where a misplaced item belongs', () => {
      const result = parse('sla X {\n  objectve o { target >= 1% }\n  target >= 5%\n}');
      assert.deepEqual(
        result.diagnostics.map((d) => `${at(d.range)} ${d.message}`),
        ['1:2-1:10 unexpected `objectve`: did you mean `objective`?', '2:2-2:8 unexpected `target`: `target` belongs inside an objective'],
      );
      assert.deepEqual(result.diagnostics[0].data, { suggestion: 'objective' });
    });

    it('counts two swapped letters as one typo when suggesting a keyword', () => {
      const result = parse('sla X {\n  indicator i {\n    kidn availability\n  }\n}');
      assert.deepEqual(result.diagnostics.map((d) => d.message), ['unexpected `kidn`: did you mean `kind`?']);
      assert.deepEqual(result.diagnostics[0].data, { suggestion: 'kind' });
    });

    it('expects `sla` at the top level', () => {
      assert.deepEqual(messages('hello world'), ['SLA001 0:0-0:5 unexpected `hello`: expected `sla`']);
      assert.deepEqual(messages('sla X { }\n}'), ['SLA001 1:0-1:1 unexpected `}`: no block is open here']);
    });

    it('rejects a fractional percentile as a name', () => {
      assert.deepEqual(messages('sla X { support { severity p99.9 response 1h } }'), [
        'SLA001 0:27-0:32 `p99.9` is not a valid name: names are letters, digits and `_`',
      ]);
    });

    it('reports a run of unknown characters once; (1.1) names in any script are names', () => {
      assert.deepEqual(messages('sla X { objective 延迟 { } }'), []);
      assert.deepEqual(messages('sla X { objective a（b） { } }'), ['SLA001 0:19-0:20 unexpected character `（`', 'SLA001 0:21-0:22 unexpected character `）`']);
      assert.deepEqual(messages('sla X { @#$ }'), ['SLA001 0:8-0:11 unexpected characters `@#$`']);
    });

    it('reports an unclosed string and an unclosed comment', () => {
      assert.deepEqual(messages('sla X "title {\n}'), [
        'SLA001 0:6-0:14 string is not closed: add `"` before the end of the line (strings cannot span lines)',
      ]);
      assert.deepEqual(messages('sla X { } /* open'), ['SLA001 0:10-0:12 comment is not closed: add `*/` (block comments do not nest)']);
    });

    it('never reports a token type dump', () => {
      const texts = ['sla', 'sla X', 'sla X {', 'sla X { fee', 'sla X { fee 10', 'sla X { fee 10 CNY per', 'sla X { effective', 'sla X { reporting daily to'];
      for (const text of texts) {
        for (const d of parse(text).diagnostics) {
          assert.doesNotMatch(d.message, /-->|Expecting|token of type|NumberLiteral|LCurly|NameToken/, `${text}: ${d.message}`);
          assert.equal(d.code, 'SLA001');
        }
      }
    });
  });

  describe('invalid literals (SLA002)', () => {
    it('reports impossible dates', () => {
      assert.deepEqual(messages('sla X { effective 2026-02-30 to 2026-13-01 }'), [
        'SLA002 0:18-0:28 `2026-02-30` is not a date: February 2026 has 28 days',
        'SLA002 0:32-0:42 `2026-13-01` is not a date: the month must be 01 to 12',
      ]);
      const effective = find(parse('sla X { effective 2028-02-29 to 2026-02-30 }').file.slas[0].items, 'Effective');
      assert.deepEqual([effective.start?.valid, effective.end?.valid, effective.end?.day], [true, false, 30]);
    });

    it('reports impossible times and 24:00 as a start', () => {
      assert.deepEqual(messages('sla X { schedule s { mon 25:00-12:60, 24:30-24:00, 24:00-01:00 } }'), [
        'SLA002 0:25-0:30 `25:00` is not a time: the hour must be 00 to 24',
        'SLA002 0:31-0:36 `12:60` is not a time: minutes must be 00 to 59',
        'SLA002 0:38-0:43 `24:30` is not a time: after 23:59 only `24:00` (the end of the day) is allowed',
        'SLA002 0:51-0:56 `24:00` can only end a time range: a range starts at 00:00 to 23:59',
      ]);
      assert.deepEqual(messages('sla X { schedule s { mon 9:00-10:00 } }'), [
        'SLA002 0:25-0:29 `9:00` is not a time: write HH:MM with two digits each, e.g. `09:00`',
      ]);
    });

    it('reports impossible date-times', () => {
      assert.deepEqual(messages('sla X { maintenance m { on 2026-10-17T24:00 for 1h } }'), [
        'SLA002 0:27-0:43 in `2026-10-17T24:00`: `24:00` is not a time: the hour must be 00 to 23',
      ]);
    });

    it('reports bad escapes on the escape itself', () => {
      const result = parse('sla X { version "1\\q2" }');
      assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${at(d.range)} ${d.message}`), [
        'SLA002 0:18-0:20 unknown escape `\\q` in string; use `\\"`, `\\\\`, `\\n`, `\\t` or `\\u{XXXX}`',
      ]);
      assert.equal(find(result.file.slas[0].items, 'Version').value?.valid, false);
      assert.deepEqual(messages('sla X { version "\\u{110000}" }'), [
        'SLA002 0:17-0:27 `\\u{110000}` is not a Unicode character: the code must be at most 10FFFF and not a surrogate',
      ]);
    });

    it('reports unknown units, glued or as an indicator unit', () => {
      const hint = 'expected one of `%`, `ms`, `s`, `m`, `min`, `h`, `d`, `w`, `rps`, `rpm` or a currency (three capital letters such as `CNY`)';
      assert.deepEqual(messages('sla X { objective o { target p95 <= 500usec } }'), [`SLA002 0:39-0:43 unknown unit \`usec\`; ${hint}`]);
      assert.deepEqual(messages('sla X { indicator i { unit secs } }'), [`SLA002 0:27-0:31 unknown unit \`secs\`; ${hint}`]);
      const quantity = find((parse('sla X { objective o { target p95 <= 500usec } }').file.slas[0].items[0] as A.Objective).items, 'Target').quantity;
      assert.deepEqual([quantity?.value, quantity?.unit], [500, 'usec']);
    });

    it('reports an unknown currency-like unit glued to the fee amount', () => {
      const found = messages('sla X { fee 12000cny per month }');
      assert.equal(found.length, 1);
      assert.match(found[0], /^SLA002 0:17-0:20 unknown unit `cny`; expected one of `%`, `ms`/);
    });

    it('reports a fee whose unit is not a currency, and a percentile above 100', () => {
      assert.deepEqual(messages('sla X { fee 100 ms per month }'), [
        'SLA002 0:16-0:18 `ms` is not a currency: write a three-letter code such as `CNY` or `USD`',
      ]);
      assert.deepEqual(messages('sla X { objective o { target p101 <= 5ms } }'), [
        'SLA002 0:29-0:33 percentile `p101` is above 100: write `p0` to `p100`, e.g. `p95`',
      ]);
    });
  });
});
