// The PromQL the evaluator's questions become: exact times, ranges that hold exactly
// [start, end) on servers of either range convention, the single-millisecond form, batching.
import * as assert from 'node:assert/strict';
import { batchQuery, promTime, rangeSelector, selectorProblem, statisticQuery } from '../../server/src/evaluation/prometheus/index';
import { parseHeader, parseTimeout } from '../../server/src/evaluation/prometheus/index';

describe('PromQL for interval questions', function () {
  it('writes epoch milliseconds as exact PromQL seconds', function () {
    assert.equal(promTime(1790805599999), '1790805599.999');
    assert.equal(promTime(1790805600000), '1790805600');
    assert.equal(promTime(1790805600010), '1790805600.010');
    assert.equal(promTime(-1), '-0.001');
    assert.equal(promTime(-1500), '-1.500');
    assert.throws(() => promTime(1.5));
  });

  it('selects [start, end) from a left-open server (Prometheus 3) and a left-closed one (Prometheus 2)', function () {
    const start = 1790805600000;
    const end = start + 3_600_000;
    // (end − 1 − 3600000, end − 1] = [start, end − 1]
    assert.equal(rangeSelector('up', start, end, 'left-open'), 'up[3600000ms] @ 1790809199.999');
    // [end − 1 − 3599999, end − 1] = [start, end − 1]
    assert.equal(rangeSelector('up', start, end, 'left-closed'), 'up[3599999ms] @ 1790809199.999');
  });

  it('asks a single millisecond of a left-closed server with an instant selector kept only at that exact time', function () {
    const r = { series: 'up{job="a"}', start: 1790805600000, end: 1790805600001 };
    assert.equal(
      statisticQuery({ ...r, statistic: 'count' }, 'left-closed'),
      'count(up{job="a"} @ 1790805600 and (timestamp(up{job="a"} @ 1790805600) == 1790805600))',
    );
    assert.equal(
      statisticQuery({ ...r, statistic: 'sum' }, 'left-closed'),
      'sum(up{job="a"} @ 1790805600 and (timestamp(up{job="a"} @ 1790805600) == 1790805600))',
    );
    assert.equal(statisticQuery({ ...r, statistic: 'count' }, 'left-open'), 'sum(count_over_time(up{job="a"}[1ms] @ 1790805600))');
  });

  it('batches questions with a label telling the answers apart', function () {
    const q = batchQuery(
      [
        { series: 'up', start: 0, end: 1000, statistic: 'count' },
        { series: 'up', start: 0, end: 1000, statistic: 'max' },
      ],
      'left-open',
    );
    assert.equal(
      q,
      'label_replace(sum(count_over_time(up[1000ms] @ 0.999)), "sla_term", "0", "", "") or label_replace(max(max_over_time(up[1000ms] @ 0.999)), "sla_term", "1", "", "")',
    );
  });

  it('accepts series selectors only', function () {
    for (const ok of ['up', 'probe_success{job="chat"}', 'a:b_c {x=~"y|z", w!="1"}', '{__name__="x"}']) assert.equal(selectorProblem(ok), undefined, ok);
    for (const bad of ['', 'rate(up[5m])', 'up[5m]', 'sum(up)', 'up or down']) assert.ok(selectorProblem(bad), bad);
  });

  it('reads headers and timeouts as written on a command line', function () {
    assert.deepEqual(parseHeader('X-Scope-OrgID:  team-a '), ['X-Scope-OrgID', 'team-a']);
    assert.deepEqual(parseHeader('Authorization: Bearer a:b'), ['Authorization', 'Bearer a:b']);
    assert.throws(() => parseHeader(': x'), /bad header/);
    assert.equal(parseTimeout('30s'), 30_000);
    assert.equal(parseTimeout('1500ms'), 1500);
    assert.equal(parseTimeout('2m'), 120_000);
    assert.equal(parseTimeout('2.5'), 2500);
    assert.throws(() => parseTimeout('0s'), /bad timeout/);
  });
});
