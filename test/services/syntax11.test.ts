// Editor features for the language 1.1 items: completion after each new word, hover on
// them and on a schedule's `on` dates, the outline and semantic tokens.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/language/analyze';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { expectCompletion, expectHover } from './helpers';

const HEAD = 'sla 蓝莺IM {\n  version "1"\n';

describe('editor features for language 1.1', () => {
  it('completes after each new word', () => {
    expectCompletion(`${HEAD}  indicator i {\n    missing <|>\n  }\n}`, { exactly: ['down'] });
    expectCompletion(`${HEAD}  indicator i {\n    every 5<|>\n  }\n}`, { includes: ['ms', 's', 'm', 'h'], excludes: ['%', 'rps'] });
    expectCompletion(`${HEAD}  objective o {\n    coverage 90<|>\n  }\n}`, { includes: ['%'] });
    expectCompletion(`${HEAD}  indicator i {\n    counters\n    <|>\n  }\n}`, { includes: ['every', 'missing', 'kind'] });
    expectCompletion(`${HEAD}  schedule s {\n    on 2026-10-10 09:00-18:00\n    <|>\n  }\n}`, { includes: ['on', 'holidays', 'mon'] });
    expectCompletion(`${HEAD}  reviewed 2026-03-01\n  <|>\n}`, { includes: ['review', 'objective'] });
  });

  it('completes Chinese names after `indicator` and `during`', () => {
    const text = `${HEAD}  indicator 探测 { kind availability metric "up" }\n  schedule 工作时间 { daily 00:00-24:00 }\n  objective o {\n    indicator <|>\n  }\n}`;
    expectCompletion(text, { exactly: ['探测'] });
    expectCompletion(text.replace('indicator <|>', 'during 工<|>'), { exactly: ['工作时间'] });
  });

  it('explains the new words on hover, by block', () => {
    expectHover(`${HEAD}  indicator i {\n    ev<|>ery 1m\n  }\n}`, ['**every**', 'expected', '`missing down`']);
    expectHover(`${HEAD}  indicator i {\n    missing do<|>wn\n  }\n}`, ['**down**', 'counts as down']);
    expectHover(`${HEAD}  indicator i {\n    coun<|>ters\n  }\n}`, ['**counters**', 'cumulative counters']);
    expectHover(`${HEAD}  objective o {\n    cove<|>rage 90%\n  }\n}`, ['**coverage**', '`insufficient-data`']);
    expectHover(`${HEAD}  revi<|>ewed 2026-03-01\n}`, ['**reviewed**', 'last reviewed']);
    expectHover(`${HEAD}  schedule s {\n    o<|>n 2026-10-10 09:00-18:00\n  }\n}`, ['**on**', 'make-up working days']);
  });

  it('lists the `on` dates in the schedule hover', () => {
    expectHover(`${HEAD}  schedule 工作<|>时间 {\n    mon..fri 09:00-18:00\n    holidays 2026-10-01\n    on 2026-09-27, 2026-10-10 09:00-12:00, 13:00-24:00\n  }\n}`, [
      'On 2026-09-27: 09:00-12:00, 13:00-24:00 (whatever the weekday)',
      'On 2026-10-10: 09:00-12:00, 13:00-24:00',
      'Holidays: 2026-10-01',
    ]);
  });

  it('shows `reviewed` and the schedule `on` line in the outline', () => {
    const [sla] = documentSymbols(analyze(`${HEAD}  reviewed 2026-03-01\n  schedule s { on 2026-10-10 09:00-18:00 }\n}`));
    assert.equal(sla.name, '蓝莺IM');
    const names = sla.children!.map((c) => `${c.name}: ${c.detail}`);
    assert.ok(names.includes('reviewed: 2026-03-01'), names.join('; '));
    assert.ok(names.includes('s: on 2026-10-10 09:00-18:00'), names.join('; '));
  });

  it('paints the new item words as keywords, and the same words used as names as names', () => {
    const text = `${HEAD}  indicator coverage { counters every 1m missing down }\n  coverage\n}`;
    const analysis = analyze(text);
    const data = semanticTokens(analysis);
    const typeAt = (needle: string, occurrence = 1): string => {
      let offset = -1;
      for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
      const before = text.slice(0, offset).split('\n');
      const [line, character] = [before.length - 1, before[before.length - 1].length];
      let l = 0;
      let c = 0;
      for (let i = 0; i < data.length; i += 5) {
        l += data[i];
        c = data[i] === 0 ? c + data[i + 1] : data[i + 1];
        if (l === line && c === character) return SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]];
      }
      return 'none';
    };
    assert.equal(typeAt('counters'), 'keyword');
    assert.equal(typeAt('missing'), 'keyword');
    assert.equal(typeAt('down'), 'keyword');
    assert.equal(typeAt('coverage'), 'variable', 'a declared indicator named `coverage`');
  });
});
