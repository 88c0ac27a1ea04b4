// Indicators: SLA205, SLA206, SLA210.
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, find, findIn, withCode } from './helpers';

describe('SLA205 indicator data binding', () => {
  it('bound to no data: on the indicator name', () => {
    const text = contract(`
  indicator queue { kind latency description "queue wait" }`);
    expectOne(text, {
      code: 'SLA205',
      severity: 'error',
      range: find(text, 'queue'),
      words: ['indicator `queue` is bound to no data', '`metric "metric_name"`', '`ratio good'],
    });
  });

  it('bound to both metric and ratio: on the later of the two', () => {
    const text = contract(`
  indicator errors {
    kind error_rate
    ratio bad "failed" total "all"
    metric "error_ratio"
  }`);
    expectOne(text, {
      code: 'SLA205',
      severity: 'error',
      range: find(text, 'metric "error_ratio"'),
      words: ['both `metric` and `ratio`', 'keep one'],
    });
  });

  it('not for a metric alone or a ratio alone', () => {
    expectNone(contract(`\n  indicator a { kind availability metric "up" }`), 'SLA205');
    expectNone(contract(`\n  indicator a { kind availability ratio good "ok" total "all" }`), 'SLA205');
  });
});

describe('SLA206 indicator kind', () => {
  it('no kind: on the indicator name, listing the kinds', () => {
    const text = contract(`
  indicator probe { metric "up" }`);
    expectOne(text, {
      code: 'SLA206',
      severity: 'error',
      range: find(text, 'probe'),
      words: ['indicator `probe` has no `kind`', '`kind availability`', 'resolution_time'],
    });
  });

  it('an unknown kind: on the word, with a suggestion', () => {
    const text = contract(`
  indicator probe { kind availabilty metric "up" }`);
    const d = expectOne(text, {
      code: 'SLA206',
      severity: 'error',
      range: find(text, 'availabilty'),
      words: ['unknown kind `availabilty`', 'did you mean `availability`?'],
    });
    assert.deepEqual(d.data, { suggestion: 'availability' });
  });

  it('an unknown kind far from every kind lists them', () => {
    const text = contract(`
  indicator probe { kind happiness metric "up" }`);
    expectOne(text, { code: 'SLA206', severity: 'error', range: find(text, 'happiness'), words: ['unknown kind `happiness`', 'use one of availability'] });
  });

  it('not for every kind of the language', () => {
    for (const kind of ['availability', 'error_rate', 'latency', 'response_time', 'recovery_time', 'resolution_time', 'throughput']) {
      expectNone(contract(`\n  indicator a { kind ${kind} metric "m" }`), 'SLA206');
    }
  });
});

describe('SLA210 indicator unit', () => {
  it('a rate unit on a latency', () => {
    const text = contract(`
  indicator latency { kind latency metric "d" unit rps }`);
    expectOne(text, {
      code: 'SLA210',
      severity: 'error',
      range: findIn(text, 'unit rps', 'rps'),
      words: ['unit `rps` does not fit kind `latency`', 'duration', '`ms`'],
    });
  });

  it('a duration unit on a throughput', () => {
    const text = contract(`
  indicator rate { kind throughput metric "r" unit ms }`);
    expectOne(text, { code: 'SLA210', severity: 'error', range: findIn(text, 'unit ms', 'ms'), words: ['unit `ms` does not fit kind `throughput`', '`rps`'] });
  });

  it('a duration unit on an availability', () => {
    const text = contract(`
  indicator up { kind availability metric "u" unit s }`);
    expectOne(text, { code: 'SLA210', severity: 'error', range: findIn(text, 'unit s', 's'), words: ['unit `s`', 'percent'] });
  });

  it('not for fitting units, nor without a kind (SLA206 covers that)', () => {
    for (const [kind, unit] of [
      ['latency', 's'],
      ['response_time', 'ms'],
      ['recovery_time', 'min'],
      ['resolution_time', 'd'],
      ['throughput', 'rpm'],
    ]) {
      expectNone(contract(`\n  indicator a { kind ${kind} metric "m" unit ${unit} }`), 'SLA210');
    }
    const text = contract(`\n  indicator a { metric "m" unit rps }`);
    expectNone(text, 'SLA210');
    assert.equal(withCode(text, 'SLA206').length, 1);
  });

  it('not for an unknown unit word: that is the parser’s SLA002 alone', () => {
    const text = contract(`\n  indicator a { kind latency metric "m" unit usec }`);
    expectNone(text, 'SLA210');
    assert.deepEqual(withCode(text, 'SLA002').map((d) => d.range), [findIn(text, 'unit usec', 'usec')]);
  });
});
