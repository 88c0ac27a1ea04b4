import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import { diffContracts, type SemanticChange } from '../../server/src/lifecycle/diff';

// A complete contract; each test changes one line of it.
const BASE = `sla Chat {
  version "1.0"
  provider "蓝莺IM"
  customer "Acme"
  effective 2026-01-01 to 2026-12-31
  timezone "Asia/Shanghai"
  fee 12000 CNY per month
  schedule business {
    mon..fri 09:00-18:00
    holidays 2026-10-01, 2026-10-02
  }
  maintenance weekly_window {
    every sun 02:00-04:00
    on 2026-10-17T22:00 for 2h
  }
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "duration_ms" unit ms }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
    during business
    excluding weekly_window
  }
  objective fast {
    indicator latency
    target p95 <= 500ms
    window rolling 30d
  }
  compensation for uptime {
    below 99.9% credit 10%
    below 99% credit 25%
  }
  compensation for fast {
    above 500ms credit 5%
  }
  credits {
    cap 50%
    claim within 30d
  }
}
`;

function changes(before: string, after: string): SemanticChange[] {
  const a = analyze(before);
  const b = analyze(after);
  for (const analysis of [a, b]) assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), [], 'test contracts must be valid');
  return diffContracts(a, b).changes;
}

/** The changes after replacing `from` (which must occur) by `to` in BASE. */
function edit(from: string, to: string): SemanticChange[] {
  assert.ok(BASE.includes(from), from);
  return changes(BASE, BASE.replace(from, to));
}

const brief = (list: SemanticChange[]) => list.map((c) => `${c.class} ${c.objective ? c.objective + ' ' : ''}${c.aspect}`);

describe('semantic diff', () => {
  it('finds no change in a reformatted, recommented contract', () => {
    const reformatted = BASE.replace(/\n {2,}/g, '\n').replace('target >= 99.9%', 'target   >=   99.9 % // tighter next year');
    assert.deepEqual(changes(BASE, reformatted), []);
  });

  it('classes a target by its comparator: a lower bound rising and an upper bound falling are stricter', () => {
    assert.deepEqual(brief(edit('target >= 99.9%', 'target >= 99.95%')), ['stricter uptime target']);
    assert.deepEqual(brief(edit('target >= 99.9%', 'target >= 99.5%')), ['looser uptime target']);
    assert.deepEqual(brief(edit('target p95 <= 500ms', 'target p95 <= 400ms')), ['stricter fast target']);
    assert.deepEqual(brief(edit('target p95 <= 500ms', 'target p95 <= 1s')), ['looser fast target']);
    assert.deepEqual(brief(edit('target p95 <= 500ms', 'target p99 <= 500ms')), ['stricter fast target']);
    assert.deepEqual(brief(edit('target >= 99.9%', 'target > 99.9%')), ['stricter uptime target']);
    const change = edit('target >= 99.9%', 'target >= 99.95%')[0];
    assert.equal(change.before, '>= 99.9%');
    assert.equal(change.after, '>= 99.95%');
  });

  it('compares targets in the value unit: 0.5s is 500ms', () => {
    assert.deepEqual(changes(BASE, BASE.replace('target p95 <= 500ms', 'target p95 <= 0.5s')), []);
    assert.deepEqual(changes(BASE, BASE.replace('above 500ms', 'above 0.5s').replace('rolling 30d', 'rolling 720h')), []);
  });

  it('classes windows: shorter is stricter, calendar against rolling is neutral', () => {
    assert.deepEqual(brief(edit('window rolling 30d', 'window rolling 7d')), ['stricter fast window']);
    assert.deepEqual(brief(edit('window calendar month', 'window calendar quarter')), ['looser uptime window']);
    assert.deepEqual(brief(edit('window calendar month', 'window rolling 30d')), ['neutral uptime window']);
  });

  it('classes schedule hours by weekly minutes: more hours in schedule are stricter', () => {
    const longer = edit('mon..fri 09:00-18:00', 'mon..fri 08:00-18:00');
    assert.deepEqual(brief(longer), ['stricter uptime schedule-hours']);
    assert.equal(longer[0].after, 'mon 10h, tue 10h, wed 10h, thu 10h, fri 10h, sat 0h, sun 0h');
    assert.deepEqual(brief(edit('mon..fri 09:00-18:00', 'mon..thu 09:00-18:00')), ['looser uptime schedule-hours']);
    assert.deepEqual(brief(edit('    during business\n', '')), ['stricter uptime schedule-hours', 'stricter uptime holidays']);
  });

  it('classes holidays: one added is looser, one removed stricter, both neutral', () => {
    const added = edit('holidays 2026-10-01, 2026-10-02', 'holidays 2026-10-01, 2026-10-02, 2026-10-03');
    assert.deepEqual(brief(added), ['looser uptime holidays']);
    assert.deepEqual(added[0].added, ['2026-10-03']);
    assert.deepEqual(brief(edit('holidays 2026-10-01, 2026-10-02', 'holidays 2026-10-01')), ['stricter uptime holidays']);
    assert.deepEqual(brief(edit('holidays 2026-10-01, 2026-10-02', 'holidays 2026-10-01, 2026-10-05')), ['neutral uptime holidays']);
  });

  it('classes maintenance: more excluded time is looser', () => {
    assert.deepEqual(brief(edit('every sun 02:00-04:00', 'every sun 01:00-04:00')), ['looser uptime maintenance']);
    assert.deepEqual(brief(edit('every sun 02:00-04:00', 'every sun 03:00-04:00')), ['stricter uptime maintenance']);
    const removed = edit('    on 2026-10-17T22:00 for 2h\n', '');
    assert.deepEqual(brief(removed), ['stricter uptime maintenance']);
    assert.deepEqual(removed[0].removed, ['2026-10-17T22:00 for 2h']);
  });

  it('classes tiers: a higher credit, an earlier threshold or a new tier is stricter', () => {
    assert.deepEqual(brief(edit('below 99% credit 25%', 'below 99% credit 30%')), ['stricter uptime tier']);
    assert.deepEqual(brief(edit('below 99% credit 25%', 'below 98% credit 25%')), ['looser uptime tier']);
    assert.deepEqual(brief(edit('above 500ms credit 5%', 'above 400ms credit 5%')), ['stricter fast tier']);
    assert.deepEqual(brief(edit('above 500ms credit 5%', 'above 500ms credit 5%\n    above 1s credit 10%')), ['stricter fast tier']);
    assert.deepEqual(brief(edit('    below 99% credit 25%\n', '')), ['looser uptime tier']);
    // An earlier threshold with a smaller credit: the two pull apart, so neutral.
    assert.deepEqual(brief(edit('below 99% credit 25%', 'below 99.5% credit 20%')), ['neutral uptime tier']);
  });

  it('classes cap and claim period: larger is stricter, none at all means no limit', () => {
    assert.deepEqual(brief(edit('cap 50%', 'cap 60%')), ['stricter cap']);
    assert.deepEqual(brief(edit('    cap 50%\n', '')), ['stricter cap']);
    assert.deepEqual(brief(edit('claim within 30d', 'claim within 2w')), ['looser claim']);
    const claim = edit('claim within 30d', 'claim within 60d')[0];
    assert.deepEqual([claim.class, claim.before, claim.after], ['stricter', 'within 30d', 'within 60d']);
  });

  it('reports objectives added (stricter) and removed (looser)', () => {
    const extra = '  objective fast2 { indicator latency target avg <= 200ms window calendar month }\n}\n';
    const added = changes(BASE, BASE.replace(/}\n$/, extra));
    assert.deepEqual(brief(added), ['stricter fast2 objective']);
    assert.equal(added[0].after, 'avg <= 200ms, window calendar month');
    assert.deepEqual(brief(changes(BASE.replace(/}\n$/, extra), BASE)), ['looser fast2 objective']);
  });

  it('reports fee, parties, effective dates, time zone and indicator as neutral, version apart', () => {
    assert.deepEqual(brief(edit('fee 12000 CNY', 'fee 15000 CNY')), ['neutral fee']);
    assert.deepEqual(brief(edit('provider "蓝莺IM"', 'provider "Lanying"')), ['neutral provider']);
    assert.deepEqual(brief(edit('customer "Acme"', 'customer "Acme Ltd."')), ['neutral customer']);
    assert.deepEqual(brief(edit('to 2026-12-31', 'to 2027-06-30')), ['neutral effective']);
    assert.deepEqual(brief(edit('"Asia/Shanghai"', '"UTC"')), ['neutral timezone']);
    assert.deepEqual(brief(edit('metric "probe_success"', 'metric "probe_ok"')), ['neutral uptime indicator']);
    const bumped = diffContracts(analyze(BASE), analyze(BASE.replace('"1.0"', '"1.1"')));
    assert.deepEqual(brief(bumped.changes), ['neutral version']);
    assert.deepEqual(bumped.versions, [{ sla: 'Chat', before: '1.0', after: '1.1', semanticChange: false, versionNotBumped: false }]);
  });

  it('says when the meaning changed and the version did not', () => {
    const same = diffContracts(analyze(BASE), analyze(BASE.replace('cap 50%', 'cap 60%')));
    assert.equal(same.versions[0].versionNotBumped, true);
    const bumped = diffContracts(analyze(BASE), analyze(BASE.replace('cap 50%', 'cap 60%').replace('"1.0"', '"1.1"')));
    assert.equal(bumped.versions[0].versionNotBumped, false);
    assert.equal(bumped.versions[0].semanticChange, true);
  });

  it('matches several sla blocks by name, whatever their order', () => {
    const other = 'sla Other {\n  version "1"\n  credits { cap 10% }\n}\n';
    const result = diffContracts(analyze(BASE + other), analyze(other.replace('cap 10%', 'cap 20%') + BASE));
    assert.deepEqual(result.changes.map((c) => `${c.sla} ${c.class} ${c.aspect}`), ['Other stricter cap']);
    const dropped = diffContracts(analyze(BASE + other), analyze(BASE));
    assert.deepEqual(dropped.changes.map((c) => `${c.sla} ${c.class} ${c.aspect}`), ['Other looser sla']);
    assert.equal(dropped.versions.find((v) => v.sla === 'Other')?.versionNotBumped, false);
  });
});
