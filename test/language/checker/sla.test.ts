// The sla header: SLA401, SLA402 and SLA500–SLA504.
import * as assert from 'node:assert/strict';
import { contract, diagnose, expectNone, expectOne, find, findIn } from './helpers';

const OBJECTIVE = `
  indicator probe { kind availability metric "probe_success" }
  objective watch { indicator probe target >= 99% window rolling 30d }`;

describe('SLA401 unknown time zone', () => {
  it('a misspelt zone: on the string, with a suggestion', () => {
    const text = contract(`
  timezone "Asia/Shangai"${OBJECTIVE}`);
    const d = expectOne(text, {
      code: 'SLA401',
      severity: 'error',
      range: find(text, '"Asia/Shangai"'),
      words: ['unknown time zone "Asia/Shangai"', 'did you mean "Asia/Shanghai"?'],
    });
    assert.deepEqual(d.data, { suggestion: 'Asia/Shanghai' });
  });

  it('a zone far from any', () => {
    const text = contract(`
  timezone "Middle/Earth"${OBJECTIVE}`);
    expectOne(text, { code: 'SLA401', severity: 'error', range: find(text, '"Middle/Earth"'), words: ['unknown time zone', 'IANA zone name'] });
  });

  it('a fixed offset is not a zone', () => {
    const text = contract(`
  timezone "+08:00"${OBJECTIVE}`);
    expectOne(text, { code: 'SLA401', severity: 'error', range: find(text, '"+08:00"'), words: ['fixed offset, not a time zone'] });
  });

  it('not for IANA zones, links and UTC', () => {
    for (const zone of ['UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Asia/Calcutta', 'Etc/GMT+5']) {
      expectNone(contract(`\n  timezone "${zone}"${OBJECTIVE}`), 'SLA401');
    }
  });
});

describe('SLA402 effective end before start', () => {
  it('on the end date', () => {
    const text = contract(`
  effective 2026-12-31 to 2026-01-01${OBJECTIVE}`);
    expectOne(text, {
      code: 'SLA402',
      severity: 'error',
      range: find(text, '2026-01-01'),
      words: ['ends on 2026-01-01, before it starts on 2026-12-31', 'swap the dates'],
    });
  });

  it('not for a one-day contract, an ordered range or a start alone', () => {
    for (const effective of ['2026-03-01 to 2026-03-01', '2026-01-31 to 2026-02-01', '2026-01-01']) {
      expectNone(contract(`\n  effective ${effective}${OBJECTIVE}`), 'SLA402');
    }
  });
});

describe('SLA500–SLA504 parts of a complete contract', () => {
  const BARE = `sla Bare "Bare contract" {${OBJECTIVE}
}
`;

  it('reports each missing header clause on the sla name', () => {
    const name = find(BARE, 'Bare');
    const found = diagnose(BARE).map((d) => [d.code, d.severity, d.range]);
    assert.deepEqual(found, [
      ['SLA500', 'warning', name],
      ['SLA501', 'warning', name],
      ['SLA502', 'warning', name],
      ['SLA503', 'information', name],
    ]);
    const messages = diagnose(BARE).map((d) => d.message);
    assert.match(messages[0], /sla `Bare` names no `provider` and no `customer`: add `provider "…"` and `customer "…"`/);
    assert.match(messages[1], /no `version`: add a line like `version "1.0"`/);
    assert.match(messages[2], /no `reporting` clause.*`reporting monthly to "…"`/);
    assert.match(messages[3], /no `review` cadence.*`review quarterly`/);
  });

  it('SLA500 names only the missing party', () => {
    const text = `sla Half {
  version "1"
  provider "P"
  reporting monthly
  review yearly${OBJECTIVE}
}`;
    expectOne(text, { code: 'SLA500', severity: 'warning', range: find(text, 'Half'), words: ['names no `customer`'] });
    assert.doesNotMatch(diagnose(text)[0].message, /provider/);
  });

  it('SLA504 for an sla without objectives, and then no SLA502', () => {
    const text = `sla Empty {
  version "1"
  provider "P"
  customer "C"
  review yearly
}`;
    expectOne(text, { code: 'SLA504', severity: 'warning', range: find(text, 'Empty'), words: ['sla `Empty` has no objectives', 'add an `objective`'] });
    expectNone(text, 'SLA502');
  });

  it('none for a complete contract', () => {
    const text = contract(OBJECTIVE);
    for (const code of ['SLA500', 'SLA501', 'SLA502', 'SLA503', 'SLA504']) expectNone(text, code);
  });

  it('on the `sla` keyword when the name is missing (a header error hides no item)', () => {
    const text = `sla {
  version "1"
  provider "P"
  customer "C"
  reporting monthly
  review yearly
}`;
    assert.deepEqual(
      diagnose(text).map((d) => d.code),
      ['SLA504', 'SLA001'],
    );
    expectOne(text, { code: 'SLA504', severity: 'warning', range: findIn(text, 'sla {', 'sla'), words: ['has no objectives'] });
  });
});
