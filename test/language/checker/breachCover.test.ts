// SLA311 (credits for a period the fee is not paid per) and SLA312 (a breach no tier covers),
// with hand-worked cases for each comparator of LANGUAGE.md 3, the equal threshold of `>`
// included, and the tolerance of section 5.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/language/analyze';
import { contract, expectNone, expectOne, findIn, withCode } from './helpers';

const INDICATORS = `
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "duration_ms" }
  credits { claim within 30d }`;

/** A contract with one objective `o` of `target` and one clause of `tiers`. */
function objective(target: string, tiers: string, indicator = target.includes('%') ? 'probe' : 'latency'): string {
  return contract(`${INDICATORS}
  objective o { indicator ${indicator} target ${target} window calendar month }
  compensation for o { ${tiers} }`);
}

describe('SLA312 a breach that no tier covers', () => {
  it('`>= 99.9%` with `below 99%`: 99% up to 99.9% owe nothing, reported at the threshold', () => {
    const text = objective('>= 99.9%', 'below 99% credit 10% below 95% credit 25%');
    const d = expectOne(text, {
      code: 'SLA312',
      severity: 'warning',
      range: findIn(text, 'below 99% credit', '99%'),
      words: ['`o` (>= 99.9%)', 'values from 99% up to (not including) 99.9%', '`below 99%`', 'add the tier `below 99.9% credit 5%`'],
    });
    assert.deepEqual(d.data, { tier: 'below 99.9% credit 5%' });
  });

  it('`>= 99.9%` with `below 99.9%`: every breach pays', () => {
    expectNone(objective('>= 99.9%', 'below 99.9% credit 10% below 99% credit 25%'), 'SLA312');
  });

  it('the mildest tier decides whatever the order of the lines', () => {
    expectNone(objective('>= 99.9%', 'below 99% credit 25% below 99.9% credit 10%'), 'SLA312');
  });

  it('a threshold equal to the target within the tolerance of 1e-9 covers it', () => {
    expectNone(objective('>= 99.9%', 'below 99.90000000001% credit 10%'), 'SLA312');
  });

  it('`> 99.9%` with `below 99.9%`: exactly 99.9% is breached and owes nothing', () => {
    const text = objective('> 99.9%', 'below 99.9% credit 10%');
    const d = expectOne(text, {
      code: 'SLA312',
      severity: 'warning',
      range: findIn(text, 'below 99.9% credit', '99.9%'),
      words: ['values of exactly 99.9%', 'write the target as `>= 99.9%`'],
    });
    assert.deepEqual(d.data, { comparator: '>=' });
  });

  it('`> 99.9%` with `below 99.5%`: 99.5% up to and including 99.9%', () => {
    const text = objective('> 99.9%', 'below 99.5% credit 10%');
    expectOne(text, {
      code: 'SLA312',
      severity: 'warning',
      range: findIn(text, 'below 99.5% credit', '99.5%'),
      words: ['values from 99.5% up to and including 99.9%', 'write the target as `>= 99.9%` and add the tier `below 99.9% credit 5%`'],
    });
  });

  it('`<= 500ms` with `above 1s`: above 500 ms up to 1 s owe nothing (units converted)', () => {
    const text = objective('p95 <= 500ms', 'above 1s credit 5%');
    expectOne(text, {
      code: 'SLA312',
      severity: 'warning',
      range: findIn(text, 'above 1s', '1s'),
      words: ['values above 500ms up to 1s', 'add the tier `above 500ms credit 2.5%`'],
    });
  });

  it('`<= 500ms` with `above 0.5s`: equal after unit conversion, every breach pays', () => {
    expectNone(objective('p95 <= 500ms', 'above 0.5s credit 5%'), 'SLA312');
  });

  it('`< 500ms` with `above 0.5s`: exactly 500 ms is breached and owes nothing', () => {
    const text = objective('p95 < 500ms', 'above 0.5s credit 5%');
    expectOne(text, {
      code: 'SLA312',
      severity: 'warning',
      range: findIn(text, 'above 0.5s', '0.5s'),
      words: ['values of exactly 500ms', 'write the target as `<= 500ms`'],
    });
  });

  it('`< 500ms` with `above 600ms`: 500 ms up to 600 ms', () => {
    const text = objective('p95 < 500ms', 'above 600ms credit 5%');
    expectOne(text, { code: 'SLA312', severity: 'warning', range: findIn(text, 'above 600ms', '600ms'), words: ['values from 500ms up to 600ms'] });
  });

  it('tiers of the wrong direction (SLA301) are no mildest tier', () => {
    const text = objective('>= 99.9%', 'above 99.9% credit 10%');
    expectNone(text, 'SLA312');
    assert.equal(withCode(text, 'SLA301').length, 1);
  });

  it('is worded in Chinese for zh-CN', () => {
    const text = objective('>= 99.9%', 'below 99% credit 10%');
    const [d] = analyze(text, { locale: 'zh-CN' }).diagnostics.filter((x) => x.code === 'SLA312');
    assert.match(d.message, /最宽松的档位是 `below 99%`；请添加档位 `below 99.9% credit 5%`/);
  });
});

describe('SLA311 compensation for a period the fee is not paid per', () => {
  const withFee = (fee: string, window: string) =>
    contract(`${INDICATORS}
  ${fee}
  objective o { indicator probe target >= 99.9% window ${window} }
  compensation for o { below 99.9% credit 10% }`);

  it('a weekly objective with a monthly fee: at `for NAME`', () => {
    const text = withFee('fee 12000 CNY per month', 'calendar week');
    expectOne(text, {
      code: 'SLA311',
      severity: 'warning',
      range: findIn(text, 'compensation for o', 'compensation for o'),
      words: ['per calendar week', 'paid per month', '`window calendar month`'],
    });
  });

  it('not when the periods agree, without a fee, or for a rolling window', () => {
    expectNone(withFee('fee 12000 CNY per month', 'calendar month'), 'SLA311');
    expectNone(withFee('', 'calendar week'), 'SLA311');
    expectNone(withFee('fee 12000 CNY per month', 'rolling 7d'), 'SLA311');
  });
});

describe('quick fix titles in Chinese', () => {
  it('SLA312 and SLA505 titles come from the zh-CN catalogue', async () => {
    const { codeActions } = await import('../../../server/src/services/features/codeActions');
    const text = contract(`${INDICATORS}
  reviewed 2020-01-31
  objective o { indicator probe target >= 99.9% window calendar month }
  compensation for o { below 99% credit 10% }`);
    const analysis = analyze(text, { locale: 'zh-CN', today: { year: 2026, month: 12, day: 5 } });
    const diagnostics = analysis.diagnostics.filter((d) => d.code === 'SLA312' || d.code === 'SLA505').map((d) => ({ ...d, severity: 2 as const }));
    const titles = codeActions(analysis, 'file:///t.sla', diagnostics[0].range, { diagnostics }, 'zh-CN').map((a) => a.title);
    assert.ok(titles.includes('添加档位 `below 99.9% credit 5%`'), JSON.stringify(titles));
    assert.ok(titles.includes('将 `reviewed` 设为今天（2026-12-05）'), JSON.stringify(titles));
  });
});
