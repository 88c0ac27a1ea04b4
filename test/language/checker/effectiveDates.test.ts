// SLA405 (holidays and one-off maintenance outside the effective dates, in the contract's
// time zone) and SLA406 (a severity resolved sooner than it is answered).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/language/analyze';
import { contract, expectNone, expectOne, find, withCode } from './helpers';

function dated(body: string, effective = 'effective 2026-01-01 to 2026-12-31', zone = 'Asia/Shanghai'): string {
  return contract(`  ${effective}
  timezone "${zone}"
${body}`);
}

describe('SLA405 dates outside the effective dates', () => {
  it('a holiday before the start and one after the end, not one inside', () => {
    const text = dated('  schedule office { mon..fri 09:00-18:00 holidays 2025-10-01, 2026-10-01, 2027-01-01 }');
    const found = withCode(text, 'SLA405');
    assert.deepEqual(
      found.map((d) => d.range),
      [find(text, '2025-10-01'), find(text, '2027-01-01')],
    );
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /holiday 2025-10-01 lies outside the effective dates \(2026-01-01 to 2026-12-31\)/);
  });

  it('the first and last effective days are inside', () => {
    expectNone(dated('  schedule office { mon..fri 09:00-18:00 holidays 2026-01-01, 2026-12-31 }'), 'SLA405');
  });

  it('an open-ended contract bounds only one side; no `effective`, nothing to compare', () => {
    const from = dated('  schedule office { mon..fri 09:00-18:00 holidays 2025-12-31, 2030-01-01 }', 'effective 2026-01-01');
    assert.deepEqual(withCode(from, 'SLA405').map((d) => d.range), [find(from, '2025-12-31')]);
    assert.match(withCode(from, 'SLA405')[0].message, /\(from 2026-01-01\)/);
    expectNone(dated('  schedule office { mon..fri 09:00-18:00 holidays 2025-12-31 }', ''), 'SLA405');
  });

  it('a maintenance start without an offset is a local date as written', () => {
    const text = dated('  maintenance m { on 2026-12-31T23:00 for 2h on 2027-01-01T00:30 for 1h }');
    expectOne(text, {
      code: 'SLA405',
      severity: 'warning',
      range: find(text, '2027-01-01T00:30'),
      words: ['maintenance starting 2027-01-01T00:30', 'on 2027-01-01 in the contract'],
    });
  });

  it('a maintenance start with an offset is compared on its local date in the contract zone', () => {
    // 2026-12-31T17:00Z is 2027-01-01 01:00 in Shanghai (UTC+8): outside; 15:00Z is 23:00 on the 31st: inside.
    const text = dated('  maintenance m { on 2026-12-31T17:00Z for 1h on 2026-12-31T15:00Z for 1h }');
    expectOne(text, { code: 'SLA405', severity: 'warning', range: find(text, '2026-12-31T17:00Z'), words: ['on 2027-01-01 in the contract'] });
    // 2026-01-01T01:00+09:00 is 2025-12-31 16:00 UTC, 2026-01-01 00:00 in Shanghai: inside.
    expectNone(dated('  maintenance m { on 2026-01-01T01:00+09:00 for 1h }'), 'SLA405');
    // The same instant in New York (UTC−5) is 2025-12-31 11:00: outside.
    const newYork = dated('  maintenance m { on 2026-01-01T01:00+09:00 for 1h }', undefined, 'America/New_York');
    assert.equal(withCode(newYork, 'SLA405').length, 1);
  });

  it('not when the effective dates are reversed (SLA402 says so)', () => {
    expectNone(dated('  schedule office { holidays 2025-10-01 }', 'effective 2026-12-31 to 2026-01-01'), 'SLA405');
  });

  it('is worded in Chinese for zh-CN', () => {
    const text = dated('  schedule office { mon..fri 09:00-18:00 holidays 2025-10-01 }');
    const [d] = analyze(text, { locale: 'zh-CN' }).diagnostics.filter((x) => x.code === 'SLA405');
    assert.equal(d.message, '节假日 2025-10-01 不在生效期（2026-01-01 至 2026-12-31）内，永远不会生效；请更正日期（年份？）或删除');
  });
});

describe('SLA406 resolve shorter than response', () => {
  it('on the resolve duration, units converted', () => {
    const text = contract('  support { severity P1 "Down" response 1h resolve 30m severity P2 response 1h resolve 60min severity P3 response 4h resolve 1d }');
    expectOne(text, {
      code: 'SLA406',
      severity: 'warning',
      range: find(text, '30m'),
      words: ['severity `P1` must be resolved within 30m, sooner than its response within 1h'],
    });
  });

  it('not without a resolve', () => {
    expectNone(contract('  support { severity P1 response 1h }'), 'SLA406');
  });
});
