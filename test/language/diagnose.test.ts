// `diagnose` (what `sla check` runs) leaves out the token list, comment spans and per-item
// diagnostics that only the editor features read: its diagnostics must be those of `analyze`,
// also with syntax errors, in Chinese, past the SLA004 cap and with `today`.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { analyze, diagnose, MAX_DIAGNOSTICS } from '../../server/src/language/analyze';
import { goldenCases } from './parserGolden';

describe('diagnose (sla check) equals analyze', () => {
  it('on every third case of the parser golden corpus (samples, generated contracts, fuzz and mutations)', () => {
    const cases = goldenCases().filter((_, i) => i % 3 === 0);
    let withErrors = 0;
    for (const golden of cases) {
      const expected = analyze(golden.text, { locale: golden.locale }).diagnostics;
      if (expected.some((d) => d.code === 'SLA001')) withErrors++;
      assert.deepStrictEqual(diagnose(golden.text, { locale: golden.locale }), expected, golden.name);
    }
    assert.ok(withErrors > cases.length / 4, `only ${withErrors} of ${cases.length} cases had syntax errors`);
  });

  it('past the cap of diagnostics, and with a date for SLA505', () => {
    const objectives = Array.from({ length: MAX_DIAGNOSTICS + 20 }, (_, i) => `  objective o${i} { target >= 150% }`).join('\n');
    const text = `sla A {\n  timezone "Asia/Shanghai"\n  reviewed 2020-01-01\n${objectives}\n}\n`;
    const options = { today: { year: 2026, month: 12, day: 5 } };
    const expected = analyze(text, options).diagnostics;
    assert.equal(expected.at(-1)?.code, 'SLA004');
    assert.deepStrictEqual(diagnose(text, options), expected);
  });
});
