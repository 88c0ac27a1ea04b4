// SLA103: items that may appear once per block, reported on the later occurrence.
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, find, withCode } from './helpers';

const INDICATOR = `
  indicator probe { kind availability metric "probe_success" }`;

describe('SLA103 item given twice', () => {
  it('a second `target` in an objective: the whole later clause', () => {
    const text = contract(`${INDICATOR}
  objective uptime {
    indicator probe
    target >= 99.9%
    target >= 99.5%
    window rolling 30d
  }`);
    expectOne(text, {
      code: 'SLA103',
      severity: 'error',
      range: find(text, 'target >= 99.5%'),
      words: ['second `target`', 'objective `uptime`', `line ${find(text, 'target >= 99.9%').start.line + 1}`, 'only once'],
    });
  });

  it('a second `kind` in an indicator', () => {
    const text = contract(`
  indicator probe { kind availability metric "p" kind latency }`);
    expectOne(text, { code: 'SLA103', severity: 'error', range: find(text, 'kind latency'), words: ['second `kind`', 'indicator `probe`'] });
  });

  it('items written with more than their keyword are named by their phrase: `missing down`, `claim within`', () => {
    const missing = contract(`
  indicator probe { kind availability metric "p" missing down missing down }`);
    expectOne(missing, { code: 'SLA103', severity: 'error', range: find(missing, 'missing down', 2), words: ['second `missing down`', 'indicator `probe`'] });
    const claim = contract(`
  credits { claim within 30d claim within 60d }`);
    expectOne(claim, { code: 'SLA103', severity: 'error', range: find(claim, 'claim within 60d'), words: ['second `claim within`'] });
  });

  it('a second `version` in an sla', () => {
    const text = contract(`
  version "2.0"`);
    expectOne(text, { code: 'SLA103', severity: 'error', range: find(text, 'version "2.0"'), words: ['second `version`', 'sla `Test`'] });
  });

  it('a second `credits` block: on its keyword only', () => {
    const text = contract(`
  credits { cap 50% }
  credits { claim within 30d }`);
    expectOne(text, { code: 'SLA103', severity: 'error', range: find(text, 'credits', 2), words: ['second `credits`'] });
  });

  it('a second `cap` in credits, `notice` in maintenance, `hours` in support, `description` in a service', () => {
    const text = contract(`
  schedule office { mon..fri 09:00-17:00 }
  credits { cap 50% claim within 30d cap 60% }
  maintenance patching { every sun 01:00-02:00 notice 24h notice 48h }
  support { hours office hours office }
  service api { description "a" description "b" }`);
    assert.deepEqual(
      withCode(text, 'SLA103').map((d) => [d.range, d.severity]),
      [
        [find(text, 'cap 60%'), 'error'],
        [find(text, 'notice 48h'), 'error'],
        [find(text, 'hours office', 2), 'error'],
        [find(text, 'description "b"'), 'error'],
      ],
    );
  });

  it('a second `compensation for` one objective', () => {
    const text = contract(`${INDICATOR}
  objective uptime { indicator probe target >= 99% window calendar month }
  compensation for uptime { below 99% credit 10% }
  compensation for uptime { below 95% credit 20% }
  credits { claim within 30d }`);
    expectOne(text, {
      code: 'SLA103',
      severity: 'error',
      range: find(text, 'compensation for uptime', 2),
      words: ['second `compensation for uptime`', 'one compensation clause'],
    });
  });

  it('is not reported for items that may repeat', () => {
    const text = contract(`${INDICATOR}
  service api { includes "a" includes "b" excludes "c" excludes "d" }
  schedule office { mon..fri 09:00-12:00 mon..fri 13:00-17:00 holidays 2026-01-01 holidays 2026-12-25 }
  maintenance patching { every sun 01:00-02:00 every sat 01:00-02:00 on 2026-03-01T01:00 for 2h on 2026-04-01T01:00 for 2h }
  maintenance backups { every mon 01:00-02:00 }
  objective uptime { indicator probe target >= 99% window calendar month excluding patching excluding backups }
  compensation for uptime { below 99% credit 10% below 95% credit 20% }
  credits { claim within 30d remedy "a" remedy "b" }
  responsibilities { provider "x" provider "y" customer "z" customer "w" }
  support { severity P1 "a" response 1h severity P2 "b" response 2h }`);
    expectNone(text, 'SLA103');
  });

  it('counts each block on its own, whatever the blocks checked before it held', () => {
    // The check keeps one list of first items for every block (issue 15): a block must not see
    // the first items of the one before it, even when that one held more kinds of them.
    const text = contract(`${INDICATOR}
  objective a {
    indicator probe
    target >= 99.9%
    window rolling 30d
    description "a"
  }
  objective b {
    target >= 99.5%
    indicator probe
    window rolling 7d
  }
  objective c {
    window rolling 1d
    target >= 99%
    window rolling 2d
  }`);
    assert.deepEqual(
      withCode(text, 'SLA103').map((d) => [d.range, d.message.includes(`line ${find(text, 'window rolling 1d').start.line + 1}`)]),
      [[find(text, 'window rolling 2d'), true]],
    );
  });
});
