// Objectives: SLA200, SLA201, SLA202, SLA204, SLA207, SLA208, SLA209.
import * as assert from 'node:assert/strict';
import { contract, diagnose, expectNone, expectOne, find, findIn, withCode } from './helpers';

const INDICATORS = `
  indicator probe { kind availability metric "probe_success" }
  indicator errors { kind error_rate ratio bad "failed" total "all" }
  indicator latency { kind latency metric "duration_ms" }
  indicator rate { kind throughput metric "rps" }
  indicator fix_time { kind resolution_time metric "fix_minutes" unit h }`;

function objective(items: string): string {
  return contract(`${INDICATORS}
  objective goal {
    ${items}
  }`);
}

describe('SLA200/SLA201/SLA204 missing parts of an objective', () => {
  it('SLA200: no target, on the objective name, with an example line for its kind', () => {
    const text = objective('indicator latency\n    window rolling 30d');
    expectOne(text, {
      code: 'SLA200',
      severity: 'error',
      range: find(text, 'goal'),
      words: ['objective `goal` has no `target`', 'add a line like `target p95 <= 500ms`'],
    });
  });

  it('SLA201: no indicator', () => {
    const text = objective('target >= 99%\n    window rolling 30d');
    expectOne(text, {
      code: 'SLA201',
      severity: 'error',
      range: find(text, 'goal'),
      words: ['objective `goal` has no `indicator`', 'indicator probe'],
    });
  });

  it('SLA204: no window', () => {
    const text = objective('indicator probe\n    target >= 99%');
    expectOne(text, {
      code: 'SLA204',
      severity: 'error',
      range: find(text, 'goal'),
      words: ['objective `goal` has no `window`', '`window calendar month`'],
    });
  });

  it('none of them for a complete objective', () => {
    const text = objective('indicator probe\n    target >= 99%\n    window rolling 30d');
    for (const code of ['SLA200', 'SLA201', 'SLA204']) expectNone(text, code);
  });

  it('no SLA200 when the target line is there but broken (the parser reports it)', () => {
    const text = objective('indicator probe\n    target >=\n    window rolling 30d');
    const codes = diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('SLA001'), JSON.stringify(codes));
    assert.ok(!codes.includes('SLA200'), JSON.stringify(codes));
  });

  it('no SLA204 when the window line is garbled', () => {
    const text = objective('indicator probe\n    target >= 99%\n    window calender month');
    const codes = diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('SLA001'), JSON.stringify(codes));
    assert.ok(!codes.includes('SLA204'), JSON.stringify(codes));
  });
});

describe("SLA202 target unit vs the indicator's kind", () => {
  it('availability with a duration', () => {
    const text = objective('indicator probe\n    target >= 500ms\n    window rolling 30d');
    expectOne(text, {
      code: 'SLA202',
      severity: 'error',
      range: find(text, '500ms'),
      words: ['target `500ms`', 'indicator `probe`', 'kind `availability`', 'percent', '`>= 99.9%`'],
    });
  });

  it('latency with a percentage', () => {
    const text = objective('indicator latency\n    target p95 <= 99%\n    window rolling 30d');
    expectOne(text, { code: 'SLA202', severity: 'error', range: find(text, '99%'), words: ['target `99%`', 'kind `latency`', 'duration'] });
  });

  it('throughput with a duration', () => {
    const text = objective('indicator rate\n    target avg >= 5s\n    window rolling 30d');
    expectOne(text, { code: 'SLA202', severity: 'error', range: find(text, '5s'), words: ['kind `throughput`', 'rate'] });
  });

  it('not for fitting units, including a unit other than the indicator’s own', () => {
    expectNone(objective('indicator latency\n    target p95 <= 1.5s\n    window rolling 30d'), 'SLA202');
    expectNone(objective('indicator fix_time\n    target p90 <= 240min\n    window rolling 30d'), 'SLA202');
    expectNone(objective('indicator rate\n    target avg >= 600 rpm\n    window rolling 30d'), 'SLA202');
    expectNone(objective('indicator errors\n    target <= 0.5 %\n    window rolling 30d'), 'SLA202');
  });
});

describe('SLA207 aggregate rules', () => {
  it('a latency target without an aggregate: from `target` to the comparator', () => {
    const text = objective('indicator latency\n    target <= 300ms\n    window rolling 30d');
    expectOne(text, {
      code: 'SLA207',
      severity: 'error',
      range: find(text, 'target <='),
      words: ['`latency` target needs an aggregate', '`p95`', '`target p95 <= 500ms`'],
    });
  });

  it('a throughput target without an aggregate', () => {
    const text = objective('indicator rate\n    target >= 100rps\n    window rolling 30d');
    expectOne(text, { code: 'SLA207', severity: 'error', range: find(text, 'target >='), words: ['`throughput` target needs an aggregate'] });
  });

  it('an availability target with an aggregate: on the aggregate', () => {
    const text = objective('indicator probe\n    target p99 >= 99.9%\n    window rolling 30d');
    expectOne(text, {
      code: 'SLA207',
      severity: 'error',
      range: find(text, 'p99'),
      words: ['`availability` target takes no aggregate', 'remove `p99`'],
    });
  });

  it('an error-rate target with `avg`', () => {
    const text = objective('indicator errors\n    target avg <= 1%\n    window rolling 30d');
    expectOne(text, { code: 'SLA207', severity: 'error', range: find(text, 'avg'), words: ['`error_rate` target takes no aggregate'] });
  });

  it('not for fitting aggregates', () => {
    for (const items of [
      'indicator latency\n    target p99.9 <= 2s',
      'indicator latency\n    target max <= 2s',
      'indicator rate\n    target min >= 10rps',
      'indicator fix_time\n    target avg <= 4h',
      'indicator probe\n    target >= 99.9%',
      'indicator errors\n    target < 1%',
    ]) {
      expectNone(objective(`${items}\n    window rolling 30d`), 'SLA207');
    }
  });
});

describe('SLA208 no error budget', () => {
  it('100% availability', () => {
    const text = objective('indicator probe\n    target >= 100%\n    window rolling 30d');
    expectOne(text, { code: 'SLA208', severity: 'warning', range: find(text, '100%'), words: ['100% availability', 'no error budget'] });
  });

  it('0% error rate', () => {
    const text = objective('indicator errors\n    target <= 0%\n    window rolling 30d');
    expectOne(text, { code: 'SLA208', severity: 'warning', range: find(text, '0%'), words: ['0% error rate', 'no error budget'] });
  });

  it('not for 99.999% availability or 0.001% error rate', () => {
    expectNone(objective('indicator probe\n    target >= 99.999%\n    window rolling 30d'), 'SLA208');
    expectNone(objective('indicator errors\n    target <= 0.001%\n    window rolling 30d'), 'SLA208');
  });
});

describe('SLA209 comparator pointing the unusual way', () => {
  const cases: [string, string, string][] = [
    ['indicator probe\n    target <= 99.9%', '<=', '>='],
    ['indicator errors\n    target > 1%', '>', '<'],
    ['indicator latency\n    target p95 >= 100ms', '>=', '<='],
    ['indicator rate\n    target avg < 100rps', '<', '>'],
  ];
  for (const [items, op, flipped] of cases) {
    it(`${items.split('\n')[0].replace('indicator ', '')} with \`${op}\``, () => {
      const text = objective(`${items}\n    window rolling 30d`);
      const d = expectOne(text, {
        code: 'SLA209',
        severity: 'warning',
        range: findIn(text, `target ${items.split('target ')[1]}`, op),
        words: [`with \`${op}\``, `did you mean \`${flipped}\`?`],
      });
      assert.deepEqual(d.data, { suggestion: flipped });
    });
  }

  it('not for the usual directions', () => {
    for (const items of [
      'indicator probe\n    target > 99.9%',
      'indicator errors\n    target <= 1%',
      'indicator latency\n    target p95 < 100ms',
      'indicator rate\n    target avg >= 100rps',
    ]) {
      expectNone(objective(`${items}\n    window rolling 30d`), 'SLA209');
    }
  });
});

describe('objective checks on incomplete input', () => {
  it('an objective whose indicator is unknown gets no kind-based diagnostics', () => {
    const text = objective('indicator nothing\n    target p95 >= 5s\n    window rolling 30d');
    assert.deepEqual(
      diagnose(text).map((d) => d.code),
      ['SLA101'],
    );
    assert.equal(withCode(text, 'SLA101')[0].range.start.line, find(text, 'nothing').start.line);
  });
});

describe('objectives on ratio indicators (their values are percentages whatever the kind)', () => {
  const RATIOS = `
  indicator fast_share { kind latency ratio good "fast_requests" total "requests" }
  indicator failed_share { kind availability ratio bad "failed" total "requests" }`;

  function onRatio(items: string): string {
    return contract(`${RATIOS}
  objective goal {
    ${items}
    window rolling 30d
  }`);
  }

  it('a latency ratio takes a percentage target without an aggregate', () => {
    const text = onRatio('indicator fast_share\n    target >= 99%');
    for (const code of ['SLA202', 'SLA207', 'SLA209']) expectNone(text, code);
  });

  it('SLA202 for a duration target on a latency ratio', () => {
    const text = onRatio('indicator fast_share\n    target >= 300ms');
    expectOne(text, {
      code: 'SLA202',
      severity: 'error',
      range: find(text, '300ms'),
      words: ['indicator `fast_share` (a ratio)', 'measured in percent', '`>= 99.9%`'],
    });
  });

  it('SLA207 for an aggregate on a ratio', () => {
    const text = onRatio('indicator fast_share\n    target p95 >= 99%');
    expectOne(text, { code: 'SLA207', severity: 'error', range: find(text, 'p95'), words: ['`ratio good` target takes no aggregate'] });
  });

  it('SLA209 for `>=` on a `ratio bad`, even of kind availability', () => {
    const text = onRatio('indicator failed_share\n    target >= 99.9%');
    expectOne(text, {
      code: 'SLA209',
      severity: 'warning',
      range: findIn(text, 'target >= 99.9%', '>='),
      words: ['`ratio bad` target with `>=`', 'did you mean `<=`?'],
    });
  });

  it('SLA208 for 0% on a `ratio bad`, not for 0.01%', () => {
    const text = onRatio('indicator failed_share\n    target <= 0%');
    expectOne(text, { code: 'SLA208', severity: 'warning', range: find(text, '0%'), words: ['0% on a `ratio bad` indicator', 'no error budget'] });
    expectNone(onRatio('indicator failed_share\n    target <= 0.01%'), 'SLA208');
  });
});
