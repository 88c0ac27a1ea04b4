// SLA203: percentages outside 0–100 in targets, tier thresholds, credits and caps.
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, find, withCode } from './helpers';

const BASE = `
  indicator probe { kind availability metric "probe_success" }
  indicator errors { kind error_rate metric "error_ratio" }`;

describe('SLA203 percentage outside 0–100', () => {
  it('a target above 100%', () => {
    const text = contract(`${BASE}
  objective uptime { indicator probe target >= 100.5% window rolling 30d }`);
    expectOne(text, { code: 'SLA203', severity: 'error', range: find(text, '100.5%'), words: ['target `100.5%`', 'more than 100%'] });
  });

  it('a target without a unit takes the percent of its indicator', () => {
    const text = contract(`${BASE}
  objective err { indicator errors target <= 120 window rolling 30d }`);
    expectOne(text, { code: 'SLA203', severity: 'error', range: find(text, '120'), words: ['target `120`', 'more than 100%'] });
  });

  it('a tier threshold, a credit and a cap above 100%', () => {
    const text = contract(`${BASE}
  objective err { indicator errors target <= 1% window calendar month }
  compensation for err {
    above 1% credit 10%
    above 101% credit 20%
    above 5% credit 150%
  }
  credits { cap 200% claim within 30d }`);
    const found = withCode(text, 'SLA203');
    assert.deepEqual(
      found.map((d) => [d.range, d.severity]),
      [
        [find(text, '101%'), 'error'],
        [find(text, '150%'), 'error'],
        [find(text, '200%'), 'error'],
      ],
    );
    assert.match(found[0].message, /tier threshold `101%` is more than 100%/);
    assert.match(found[1].message, /credit `150%` is more than 100%.*at most 100%/);
    assert.match(found[2].message, /cap `200%` is more than 100%/);
  });

  it('not at exactly 100% or for durations above 100', () => {
    const text = contract(`${BASE}
  indicator latency { kind latency metric "d" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective slow { indicator latency target p95 <= 250ms window calendar month }
  compensation for uptime { below 99.9% credit 100% }
  compensation for slow { above 250ms credit 10% above 500ms credit 20% }
  credits { cap 100% claim within 30d }`);
    expectNone(text, 'SLA203');
  });
});

