// Language 1.1 items: indicator `every`, `missing down`, `counters`; objective `coverage`;
// sla `reviewed`; schedule `on` lines; their contextual words; once-only rules (SLA103),
// SLA203 for `coverage`, SLA214 and the units fixed by their place.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import type * as A from '../../server/src/language/ast';
import { contract, expectNone, expectOne, find, withCode } from './checker/helpers';

const INDICATORS = `
  indicator probe "探测" {
    kind availability
    metric "probe_success"
    every 30s
    missing down
  }
  indicator requests {
    kind availability
    ratio good "http_ok_total" total "http_requests_total"
    counters
  }
  schedule business_hours {
    mon..fri 09:00-18:00
    holidays 2026-10-01, 2026-10-02
    on 2026-09-27, 2026-10-10 09:00-12:00, 13:00-24:00
  }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
    during business_hours
    coverage 90%
  }
  reviewed 2026-03-01`;

const TEXT = contract(INDICATORS);

describe('language 1.1 syntax', () => {
  const analysis = analyze(TEXT);
  const sla = analysis.parse.file.slas[0];
  const facts = analysis.linked[0];

  it('parses every 1.1 item without a diagnostic', () => {
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity !== 'information' && !['SLA300', 'SLA502'].includes(d.code)), []);
  });

  it('builds the AST nodes with their parts and ranges', () => {
    const probe = sla.items.find((i): i is A.Indicator => i.type === 'Indicator' && i.name?.text === 'probe')!;
    const every = probe.items.find((i): i is A.SampleEveryItem => i.type === 'SampleEvery')!;
    assert.deepEqual([every.interval?.value, every.interval?.unit], [30, 's']);
    assert.deepEqual(every.range, find(TEXT, 'every 30s'));
    const missing = probe.items.find((i): i is A.MissingDownItem => i.type === 'MissingDown')!;
    assert.deepEqual(missing.range, find(TEXT, 'missing down'));
    assert.equal(missing.down?.text, 'down');
    const schedule = sla.items.find((i): i is A.Schedule => i.type === 'Schedule')!;
    const on = schedule.items.find((i): i is A.ScheduleOnItem => i.type === 'ScheduleOn')!;
    assert.deepEqual(on.dates.map((d) => d.text), ['2026-09-27', '2026-10-10']);
    assert.deepEqual(on.ranges.map((r) => `${r.start?.text}-${r.end?.text}`), ['09:00-12:00', '13:00-24:00']);
    assert.deepEqual(on.range, find(TEXT, 'on 2026-09-27, 2026-10-10 09:00-12:00, 13:00-24:00'));
    const reviewed = sla.items.find((i): i is A.ReviewedItem => i.type === 'Reviewed')!;
    assert.equal(reviewed.date?.text, '2026-03-01');
  });

  it('links every, missing down, counters, coverage, reviewed and on dates', () => {
    const [probe, requests] = [...facts.indicators.values()];
    assert.equal(probe.everyMs, 30_000);
    assert.equal(probe.missingDown, true);
    assert.equal(probe.counters, undefined);
    assert.equal(requests.counters, true);
    assert.equal(requests.everyMs, undefined);
    const uptime = [...facts.objectives.values()][0];
    assert.equal(uptime.coverage, 90);
    assert.equal(uptime.everyMs, 30_000, 'an objective sees its indicator’s interval');
    assert.deepEqual(facts.reviewed, { year: 2026, month: 3, day: 1 });
    const schedule = [...facts.schedules.values()][0];
    assert.deepEqual(schedule.onDates, [
      { date: { year: 2026, month: 9, day: 27 }, ranges: [{ start: 540, end: 720 }, { start: 780, end: 1440 }] },
      { date: { year: 2026, month: 10, day: 10 }, ranges: [{ start: 540, end: 720 }, { start: 780, end: 1440 }] },
    ]);
    assert.equal(schedule.holidays.length, 2);
  });

  it('keeps the new words usable as names', () => {
    const text = contract(`
  schedule reviewed { daily 00:00-24:00 }
  maintenance missing { notice 1h }
  indicator coverage { kind availability metric "up" counters }
  indicator down { kind availability metric "down" }
  objective counters { indicator coverage target >= 99% window calendar month during reviewed excluding missing }`);
    const errors = analyze(text).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('keeps the 1.0 meaning of maintenance `every` and `on`', () => {
    const text = contract(`
  maintenance weekly { every sun 02:00-04:00 on 2026-10-17T22:00 for 2h }`);
    assert.deepEqual(withCode(text, 'SLA001'), []);
    const maintenance = [...analyze(text).linked[0].maintenances.values()][0];
    assert.equal(maintenance.recurring.length, 1);
    assert.equal(maintenance.windows.length, 1);
  });
});

describe('language 1.1 syntax errors and recovery', () => {
  it('`missing` without `down` is a syntax error naming it, and the indicator goes on', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" missing every 1m }`);
    const [error] = withCode(text, 'SLA001');
    assert.match(error.message, /`down`/);
    const probe = analyze(text).linked[0].indicators.values().next().value!;
    assert.equal(probe.everyMs, 60_000);
    assert.equal(probe.missingDown, undefined);
  });

  it('a schedule `on` line needs a date then a time range', () => {
    const text = contract(`
  schedule s { on 09:00-18:00 }`);
    assert.match(withCode(text, 'SLA001')[0].message, /date/);
  });

  it('an impossible `on` or `reviewed` date is SLA002 and left out of the facts', () => {
    const text = contract(`
  schedule s { mon..fri 09:00-18:00 on 2026-02-30 09:00-12:00 }
  reviewed 2026-13-01`);
    assert.equal(withCode(text, 'SLA002').length, 2);
    const facts = analyze(text).linked[0];
    assert.deepEqual([...facts.schedules.values()][0].onDates, []);
    assert.equal(facts.reviewed, undefined);
    assert.ok(facts.reviewedItem);
  });
});

describe('language 1.1 checks of the syntax helper', () => {
  it('SLA103 for a second every, missing down, counters, coverage and reviewed', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 1m every 2m missing down missing down }
  indicator req { kind availability ratio good "a" total "b" counters counters }
  objective o { indicator probe target >= 99% window calendar month coverage 90% coverage 80% }
  reviewed 2026-01-01
  reviewed 2026-02-01`);
    const found = withCode(text, 'SLA103').map((d) => d.range);
    assert.deepEqual(found, [
      find(text, 'every 2m'),
      find(text, 'missing down', 2),
      find(text, 'counters', 2),
      find(text, 'coverage 80%'),
      find(text, 'reviewed 2026-02-01'),
    ]);
  });

  it('SLA203 for a coverage above 100%', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 1m }
  objective o { indicator probe target >= 99% window calendar month coverage 120% }`);
    expectOne(text, { code: 'SLA203', severity: 'error', range: find(text, '120%'), words: ['coverage', '`120%`', '100%'] });
    expectNone(contract(`
  indicator probe { kind availability metric "p" every 1m }
  objective o { indicator probe target >= 99% window calendar month coverage 100% }`), 'SLA203');
  });

  it('SLA214 for `every` not above 0; a positive one is quiet', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 0s }`);
    expectOne(text, { code: 'SLA214', severity: 'error', range: find(text, '0s'), words: ['`every 0s`', 'not above 0', 'every 1m'] });
    assert.equal(analyze(text).linked[0].indicators.values().next().value!.everyMs, undefined);
    expectNone(contract(`
  indicator probe { kind availability metric "p" every 0.5s }`), 'SLA214');
  });

  it('`every` takes a duration and `coverage` a percentage', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 5 }
  objective o { indicator probe target >= 99% window calendar month coverage 90ms }`);
    assert.match(withCode(text, 'SLA001').find((d) => d.range.start.line === find(text, 'every 5').start.line)!.message, /duration after `every`/);
    assert.match(withCode(text, 'SLA002')[0].message, /`ms` is not a percentage/);
  });
});

describe('names in any script (1.1)', () => {
  it('reads Chinese names, names with combining marks and `p95延迟` as names', () => {
    const text = contract(`
  indicator 可用性_p95 { kind availability metric "up" }
  indicator p95延迟 { kind latency metric "latency_ms" }
  indicator café { kind availability metric "up" }
  objective 月度可用性 "月度可用性" { indicator 可用性_p95 target >= 99.9% window calendar month }`).replace('sla Test', 'sla 蓝莺IM');
    const analysis = analyze(text);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
    const sla = analysis.parse.file.slas[0];
    assert.equal(sla.name?.text, '蓝莺IM');
    assert.deepEqual(
      sla.items.filter((i) => i.type === 'Indicator' || i.type === 'Objective').map((i) => (i as A.Indicator).name?.text),
      ['可用性_p95', 'p95延迟', 'café', '月度可用性'],
    );
  });

  it('keeps keywords ASCII: a keyword followed by letters is one name', () => {
    const text = contract(`
  indicator kind指标 { kind availability metric "up" }`);
    assert.deepEqual(withCode(text, 'SLA001'), []);
  });

  it('suggests a Chinese name for a near miss (SLA101)', () => {
    const text = contract(`
  indicator 可用性 { kind availability metric "up" }
  objective o { indicator 可用 target >= 99% window calendar month }`);
    assert.equal(withCode(text, 'SLA101').length, 1);
  });
});

describe('full-width punctuation (1.1, SLA003)', () => {
  const typed = contract(`
  indicator 可用性 { kind availability metric “probe_success” }
  schedule 工作时间 { mon..fri ０９：００－１８：００ }
  objective 月度 {
    indicator 可用性１
    target >＝ ９９．９％
    window calendar month
  }
  indicator 可用性１ { kind availability metric "up" description "全角，标点“不变”：字符串内" }
  // 注释里的，：不报告
  fee １２０００ CNY per month`);

  it('reads the text as its ASCII form: no error, the same AST', () => {
    const analysis = analyze(typed);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
    const objective = [...analysis.linked[0].objectives.values()][0];
    assert.equal(objective.targetValue, 99.9);
    assert.equal(objective.target?.comparator?.op, '>=');
    assert.equal(objective.indicator?.name?.text, '可用性１', 'a full-width digit inside a name is a name character');
    const schedule = [...analysis.linked[0].schedules.values()][0];
    assert.deepEqual(schedule.ranges, [{ days: [0, 1, 2, 3, 4], start: 540, end: 1080 }]);
    const probe = [...analysis.linked[0].indicators.values()][0];
    assert.deepEqual(probe.source, { type: 'metric', metric: 'probe_success' });
    assert.equal(analysis.linked[0].fee?.amount, 12000);
  });

  it('reports each character once, as a warning with the ASCII replacement, and nothing in strings or comments', () => {
    const found = withCode(typed, 'SLA003');
    const chars = found.map((d) => typed.slice(...offsets(typed, d.range)));
    assert.deepEqual(chars.join(''), '“”０９：００－１８：００＝９９．９％１２０００');
    assert.ok(found.every((d) => d.severity === 'warning' && d.range.end.character === d.range.start.character + 1));
    const percent = found.find((d) => typed.slice(...offsets(typed, d.range)) === '％')!;
    assert.equal(percent.message, 'full-width `％` read as `%`: type the ASCII character (English punctuation in the input method)');
    assert.deepEqual(percent.data, { replacement: '%' });
  });

  it('ends a string opened by `“` at `”` or `"`, and one opened by `"` only at `"`', () => {
    const text = contract(`
  indicator a { kind availability metric “up" }
  indicator b { kind availability metric "x”y" }`);
    assert.deepEqual(analyze(text).diagnostics.filter((d) => d.severity === 'error'), []);
    const [a, b] = [...analyze(text).linked[0].indicators.values()];
    assert.deepEqual([a.source, b.source], [{ type: 'metric', metric: 'up' }, { type: 'metric', metric: 'x”y' }]);
    assert.equal(withCode(text, 'SLA003').length, 1);
  });

  it('reads the ideographic space as a space', () => {
    const text = contract('\u3000indicator\u3000a { kind availability metric "up" }');
    assert.deepEqual(analyze(text).diagnostics.filter((d) => d.severity === 'error'), []);
    const spaces = withCode(text, 'SLA003');
    assert.equal(spaces.length, 2);
    assert.match(spaces[0].message, /U\+3000/);
  });

  it('keeps the positions of everything after a full-width character', () => {
    const text = contract(`
  objective o { indicator nope target >＝ 99% window calendar month }`);
    const unknown = withCode(text, 'SLA101')[0];
    assert.deepEqual(unknown.range, find(text, 'nope'));
  });
});

function offsets(text: string, range: A.Range): [number, number] {
  const lineStart = (line: number) => text.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
  return [lineStart(range.start.line) + range.start.character, lineStart(range.end.line) + range.end.character];
}

describe('language 1.1 lexing and recovery', () => {
  it('lexes names in any script, `p95延迟` as a name and `p95` as a percentile', async () => {
    const { tokenize } = await import('../../server/src/language/lexer');
    const result = tokenize('sla 蓝莺IM { target p95 <= 5分钟 p95延迟 ŝablono café 𠀀名 }');
    assert.deepEqual(
      result.tokens.map((t) => `${t.tokenType.name}:${t.image}`),
      ['sla:sla', 'Identifier:蓝莺IM', 'LCurly:{', 'target:target', 'Percentile:p95', 'LessEqual:<=', 'NumberLiteral:5', 'UnitSuffix:分钟', 'Identifier:p95延迟', 'Identifier:ŝablono', 'Identifier:café', 'Identifier:𠀀名', 'RCurly:}'],
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.fullWidth, []);
  });

  it('reads a full-width date, time range and date-time as their ASCII literals', async () => {
    const { tokenize } = await import('../../server/src/language/lexer');
    const result = tokenize('２０２６－１０－１０ ０９：００－１８：００ ２０２６－１０－１７T２２：００');
    assert.deepEqual(
      result.tokens.map((t) => `${t.tokenType.name}:${t.image}`),
      ['DateLiteral:2026-10-10', 'TimeLiteral:09:00', 'Dash:-', 'TimeLiteral:18:00', 'DateTimeLiteral:2026-10-17T22:00'],
    );
    assert.equal(result.fullWidth.length, 36);
  });

  it('ends an indicator whose `}` is missing at `reviewed`, and keeps both items', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 1m
  reviewed 2026-03-01`);
    const analysis = analyze(text);
    assert.match(withCode(text, 'SLA001')[0].message, /expected `}` to close the indicator/);
    assert.equal(analysis.linked[0].indicators.values().next().value!.everyMs, 60_000);
    assert.deepEqual(analysis.linked[0].reviewed, { year: 2026, month: 3, day: 1 });
  });

  it('skips a stray word in an objective and still reads its `coverage`', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" every 1m }
  objective o { indicator probe covrage 80% target >= 99% window calendar month coverage 90% }`);
    const [stray] = withCode(text, 'SLA001');
    assert.match(stray.message, /did you mean `coverage`\?/);
    const objective = [...analyze(text).linked[0].objectives.values()][0];
    assert.equal(objective.coverage, 90);
    assert.equal(objective.targetValue, 99);
  });
});
