// Compensation and credits: SLA300–SLA310.
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, find, findIn, withCode } from './helpers';

const BASE = `
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "duration_ms" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective speed { indicator latency target p95 <= 500ms window calendar month }`;

/** A contract with BASE, the given compensation clauses and a claim period. */
function withTiers(clauses: string, credits = 'credits { claim within 30d }'): string {
  return contract(`${BASE}
  ${clauses}
  ${credits}`);
}

const CLEAN = `compensation for uptime { below 99.9% credit 10% below 99% credit 25% }
  compensation for speed { above 500ms credit 5% above 1s credit 10% }`;

describe('compensation: a clean contract', () => {
  it('has none of SLA300–SLA310', () => {
    const codes = withTiers(CLEAN, 'credits { cap 50% claim within 30d }');
    for (let n = 300; n <= 310; n++) expectNone(codes, `SLA${n}`);
  });
});

describe('SLA300 objective without compensation', () => {
  it('on the objective name', () => {
    const text = withTiers('compensation for uptime { below 99.9% credit 10% }');
    expectOne(text, {
      code: 'SLA300',
      severity: 'warning',
      range: findIn(text, 'objective speed', 'speed'),
      words: ['objective `speed` has no `compensation` clause', '`compensation for speed'],
    });
  });

  it('not for an objective with a rolling window (it could earn no credits)', () => {
    const text = contract(`
  indicator probe { kind availability metric "probe_success" }
  objective watch { indicator probe target >= 99% window rolling 24h }`);
    expectNone(text, 'SLA300');
  });
});

describe('SLA301 tier direction', () => {
  it('`below` for a `<=` target: on the direction word', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed { below 400ms credit 5% }`);
    const d = expectOne(text, {
      code: 'SLA301',
      severity: 'error',
      range: findIn(text, 'below 400ms', 'below'),
      words: ['`below` does not fit the target `p95 <= 500ms` of `speed`', '`above …`'],
    });
    assert.deepEqual(d.data, { suggestion: 'above' });
  });

  it('`above` for a `>=` target', () => {
    const text = withTiers(`compensation for uptime { above 99.9% credit 10% }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, {
      code: 'SLA301',
      severity: 'error',
      range: findIn(text, 'above 99.9%', 'above'),
      words: ['`above` does not fit the target `>= 99.9%` of `uptime`', 'low values'],
    });
  });

  it('not for fitting directions', () => {
    expectNone(withTiers(CLEAN), 'SLA301');
  });
});

describe('SLA302 tier threshold unit', () => {
  it('a percentage threshold for a latency target', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed { above 500ms credit 5% above 99% credit 10% }`);
    expectOne(text, {
      code: 'SLA302',
      severity: 'error',
      range: findIn(text, 'above 99%', '99%'),
      words: ['tier threshold `99%` does not fit the target `p95 <= 500ms` of `speed`', '`above 500ms`'],
    });
  });

  it('a duration threshold for an availability target', () => {
    const text = withTiers(`compensation for uptime { below 2s credit 10% }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, { code: 'SLA302', severity: 'error', range: find(text, '2s'), words: ['tier threshold `2s`', '`below 99.9%`'] });
  });

  it('not for another unit of the same dimension, or no unit', () => {
    const text = withTiers(`compensation for uptime { below 99.9 credit 10% }
  compensation for speed { above 0.5s credit 5% above 2000 credit 10% }`);
    expectNone(text, 'SLA302');
  });
});

describe('SLA303 tier threshold that is not a breach', () => {
  it('`below 99.95%` for `>= 99.9%`: pays while the target is met', () => {
    const text = withTiers(`compensation for uptime { below 99.95% credit 5% below 99.9% credit 10% }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, {
      code: 'SLA303',
      severity: 'warning',
      range: find(text, '99.95%'),
      words: ['tier `below 99.95%` pays while the target `>= 99.9%` of `uptime` is met', 'at or below', '99.9%'],
    });
  });

  it('`above 400ms` for `<= 500ms`, compared after unit conversion (`0.4s`)', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed { above 0.4s credit 5% above 1s credit 10% }`);
    expectOne(text, { code: 'SLA303', severity: 'warning', range: find(text, '0.4s'), words: ['tier `above 0.4s` pays while the target'] });
  });

  it('not at the target itself (`0.5s` equals `500ms`) or beyond it', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% below 90% credit 20% }
  compensation for speed { above 0.5s credit 5% above 1s credit 10% }`);
    expectNone(text, 'SLA303');
  });
});

describe('SLA304 severe tier paying no more', () => {
  it('a lower `below` threshold with the same credit: on the more severe tier', () => {
    const text = withTiers(`compensation for uptime {
    below 99.9% credit 10%
    below 99% credit 10%
  }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, {
      code: 'SLA304',
      severity: 'warning',
      range: find(text, 'below 99% credit 10%'),
      words: ['tier `below 99%` is more severe than `below 99.9%`', 'pays 10%, no more than its 10%'],
    });
  });

  it('a higher `above` threshold written first with a smaller credit, compared in ms', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed {
    above 2s credit 5%
    above 800ms credit 10%
  }`);
    expectOne(text, {
      code: 'SLA304',
      severity: 'warning',
      range: find(text, 'above 2s credit 5%'),
      words: ['tier `above 2s` is more severe than `above 800ms`', 'pays 5%'],
    });
  });

  it('not when credits grow with severity in any written order', () => {
    const text = withTiers(`compensation for uptime { below 95% credit 50% below 99.9% credit 10% below 99% credit 25% }
  compensation for speed { above 1s credit 10% above 500ms credit 5% }`);
    expectNone(text, 'SLA304');
  });
});

describe('SLA305 two tiers with one threshold', () => {
  it('equal after unit conversion: on the later threshold', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed {
    above 1s credit 10%
    above 1000ms credit 20%
  }`);
    expectOne(text, {
      code: 'SLA305',
      severity: 'error',
      range: find(text, '1000ms'),
      words: ['a second tier at `1000ms`', `line ${find(text, 'above 1s').start.line + 1}`, 'same threshold'],
    });
  });

  it('`99%` and `99.0%`', () => {
    const text = withTiers(`compensation for uptime { below 99% credit 10% below 99.0% credit 20% }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, { code: 'SLA305', severity: 'error', range: find(text, '99.0%'), words: ['a second tier at `99%`', 'same threshold'] });
  });

  it('not for distinct thresholds', () => {
    expectNone(withTiers(CLEAN), 'SLA305');
  });
});

describe('SLA306 credit not above 0%', () => {
  it('a credit of 0%', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 0% }
  compensation for speed { above 500ms credit 5% }`);
    expectOne(text, { code: 'SLA306', severity: 'error', range: findIn(text, 'credit 0%', '0%'), words: ['credit of `0%` pays nothing'] });
  });

  it('not for a small positive credit', () => {
    expectNone(
      withTiers(`compensation for uptime { below 99.9% credit 0.5% }
  compensation for speed { above 500ms credit 5% }`),
      'SLA306',
    );
  });
});

describe('SLA307 cap below the largest credit', () => {
  it('on the cap, naming the credit', () => {
    const text = withTiers(CLEAN, 'credits { cap 20% claim within 30d }');
    expectOne(text, {
      code: 'SLA307',
      severity: 'warning',
      range: findIn(text, 'cap 20%', '20%'),
      words: ['cap `20%` is below the 25% credit', 'never pays in full', 'at least 25%'],
    });
  });

  it('not when the cap equals the largest credit', () => {
    expectNone(withTiers(CLEAN, 'credits { cap 25% claim within 30d }'), 'SLA307');
  });
});

describe('SLA308 compensation for a rolling window', () => {
  it('on the clause header', () => {
    const text = contract(`
  indicator probe { kind availability metric "probe_success" }
  objective watch { indicator probe target >= 99% window rolling 30d }
  compensation for watch { below 99% credit 10% }
  credits { claim within 30d }`);
    expectOne(text, {
      code: 'SLA308',
      severity: 'warning',
      range: find(text, 'compensation for watch'),
      words: ['`watch` has a rolling window (`window rolling 30d`)', 'only calendar periods', '`window calendar month`'],
    });
  });

  it('not for a calendar window', () => {
    expectNone(withTiers(CLEAN), 'SLA308');
  });
});

describe('SLA309 no claim period', () => {
  it('no credits block: on the first compensation header', () => {
    const text = withTiers(CLEAN, '');
    expectOne(text, {
      code: 'SLA309',
      severity: 'warning',
      range: find(text, 'compensation for uptime'),
      words: ['no `claim within` period', '`credits { claim within 30d }`'],
    });
  });

  it('a credits block without `claim within`: on its keyword', () => {
    const text = withTiers(CLEAN, 'credits { cap 50% }');
    expectOne(text, { code: 'SLA309', severity: 'warning', range: findIn(text, 'credits { cap 50% }', 'credits'), words: ['`credits` has no `claim within` period'] });
  });

  it('not without compensation clauses', () => {
    const text = contract(`
  indicator probe { kind availability metric "probe_success" }
  objective watch { indicator probe target >= 99% window rolling 30d }`);
    expectNone(text, 'SLA309');
  });
});

describe('SLA310 compensation without tiers', () => {
  it('on the clause header, with an example tier in the target’s unit', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed { }`);
    expectOne(text, {
      code: 'SLA310',
      severity: 'error',
      range: find(text, 'compensation for speed'),
      words: ['`compensation for speed` has no tiers', '`above 500ms credit 10%`'],
    });
  });

  it('not for a clause with one tier', () => {
    expectNone(withTiers(CLEAN), 'SLA310');
  });

  it('not when the clause has no body (the parser reports that)', () => {
    const text = withTiers(`compensation for uptime { below 99.9% credit 10% }
  compensation for speed`);
    assert.ok(withCode(text, 'SLA001').length > 0);
    expectNone(text, 'SLA310');
  });
});
