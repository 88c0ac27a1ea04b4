// Quantities whose place fixes their unit: durations and percentages (SLA001 when the unit
// is missing, SLA002 when it is of the wrong sort).
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, findIn, withCode } from './helpers';

const BASE = `
  indicator probe { kind availability metric "probe_success" }`;

describe('durations and percentages fixed by their place', () => {
  it('SLA001 for a rolling window without a unit', () => {
    const text = contract(`${BASE}
  objective watch { indicator probe target >= 99% window rolling 30 }`);
    expectOne(text, {
      code: 'SLA001',
      severity: 'error',
      range: findIn(text, 'rolling 30', '30'),
      words: ['expected a duration after `rolling`', '`30` has no unit', '`30d`'],
    });
  });

  it('SLA002 for a credit in a duration unit, and a notice in percent', () => {
    const text = contract(`${BASE}
  objective uptime { indicator probe target >= 99% window calendar month }
  compensation for uptime { below 99% credit 10ms }
  maintenance m { every sun 01:00-02:00 notice 5% }
  credits { claim within 30d }`);
    assert.deepEqual(
      withCode(text, 'SLA002').map((d) => [d.range, d.severity, d.message]),
      [
        [findIn(text, 'credit 10ms', 'ms'), 'error', '`ms` is not a percentage: a `credit` is a share of the fee, like `10%`'],
        [findIn(text, 'notice 5%', '%'), 'error', '`%` is not a duration unit: write the duration after `notice` like `5h` (ms, s, min, h, d, w)'],
      ],
    );
  });

  it('SLA001 for a cap and a response time without a unit', () => {
    const text = contract(`${BASE}
  objective uptime { indicator probe target >= 99% window calendar month }
  compensation for uptime { below 99% credit 10% }
  credits { cap 50 claim within 30d }
  support { severity P1 "Down" response 15 resolve 4h }`);
    assert.deepEqual(
      withCode(text, 'SLA001').map((d) => d.range),
      [findIn(text, 'cap 50', '50'), findIn(text, 'response 15', '15')],
    );
  });

  it('nothing for the LANGUAGE.md forms', () => {
    const text = contract(`${BASE}
  maintenance m { every sun 01:00-02:00 on 2026-10-17T22:00 for 2h notice 72h }
  objective uptime { indicator probe target >= 99% window calendar month excluding m }
  objective watch { indicator probe target >= 99% window rolling 4w }
  compensation for uptime { below 99% credit 10% }
  credits { cap 50% claim within 30d }
  support { severity P1 "Down" response 15m resolve 4h }`);
    expectNone(text, 'SLA001');
    expectNone(text, 'SLA002');
  });
});
