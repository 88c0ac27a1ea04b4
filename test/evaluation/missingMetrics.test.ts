// LANGUAGE.md §5 1.1 "Metrics with no samples": an error per missing metric naming the
// indicators that use it, with the closest metric name read; warnings instead with
// allowMissingMetrics. Expected texts and distances are worked out by hand.
import * as assert from 'node:assert/strict';
import { MissingMetricsError } from '../../server/src/evaluation/index';
import { closestMetric, codePointDistance } from '../../server/src/evaluation/missingMetrics';
import { contract, evaluateCsv, results, rows } from './helpers';

const ORDERS = contract(`
  indicator orders { kind availability ratio good "order_request_ok" total "order_requests_total" }
  indicator probe { kind availability metric "probe_success" }
  indicator probe_eu { kind availability metric "probe_success" }
  objective delivered { indicator orders target >= 99% window calendar month }
  objective uptime { indicator probe target >= 99% window calendar month }
  objective uptime_eu { indicator probe_eu target >= 99% window calendar month }`);

const CSV =
  rows('order_requests_ok', [['2026-10-01T00:00:00Z', 95]]) +
  rows('order_requests_total', [['2026-10-01T00:00:00Z', 100]]) +
  rows('latency_ms', [['2026-10-01T00:00:00Z', 120]]);

describe('evaluation: metrics with no samples (1.1)', () => {
  it('is an error per metric, naming every used indicator and the closest name read', async () => {
    await assert.rejects(evaluateCsv(ORDERS, CSV), (e: unknown) => {
      assert.ok(e instanceof MissingMetricsError);
      assert.deepEqual(e.problems, [
        // order_request_ok → order_requests_ok: one insertion (limit max(2, ⌊16/4⌋) = 4).
        'no samples of metric "order_request_ok" in the inputs (named by indicator orders); did you mean "order_requests_ok"?',
        // probe_success (13 characters, limit 3): latency_ms and the others are far more.
        'no samples of metric "probe_success" in the inputs (named by indicator probe, probe_eu)',
      ]);
      return true;
    });
  });

  it('speaks Chinese with the zh-CN locale', async () => {
    await assert.rejects(evaluateCsv(ORDERS, CSV, { locale: 'zh-CN' }), (e: Error) =>
      e.message.startsWith('输入中没有指标“order_request_ok”的样本（服务等级指标 orders 使用该指标）；您是否要用“order_requests_ok”？'),
    );
  });

  it('with allowMissingMetrics: warnings, and a missing good metric gives 0%', async () => {
    const report = await evaluateCsv(ORDERS, CSV, { allowMissingMetrics: true });
    assert.equal(report.warnings.length, 2);
    assert.match(report.warnings[0], /order_request_ok/);
    // ΣG = 0 (no samples), ΣT = 100 → 0%.
    const [r] = results(report, 'delivered');
    assert.deepEqual([r.attained, r.status], [0, 'breached']);
    assert.deepEqual(results(report, 'uptime'), []);
  });

  it('checks only metrics of objectives: an unused indicator may name anything', async () => {
    const text = contract(`
  indicator probe { kind availability metric "up" }
  indicator spare { kind availability metric "nowhere" }
  objective uptime { indicator probe target >= 99% window calendar month }`);
    const report = await evaluateCsv(text, rows('up', [['2026-10-01T00:00:00Z', 1]]));
    assert.deepEqual(report.warnings, []);
    assert.equal(results(report, 'uptime')[0].status, 'met');
  });

  it('suggests within max(2, ⌊length/4⌋) edits; of equals, the first in code point order', () => {
    assert.equal(closestMetric('up', ['uq', 'vp', 'u']), 'u'); // 1, 1, 1: "u" < "uq" < "vp"
    assert.equal(closestMetric('up', ['xyz']), undefined); // 3 > 2
    assert.equal(closestMetric('probe_success', ['probe_succes_total_x']), undefined); // 7 > 3
    assert.equal(closestMetric('probe_success_rate', ['probe_succ']), undefined); // 8 > 4
    assert.equal(closestMetric('probe_success_rate', ['probe_success_r']), 'probe_success_r'); // 3 ≤ 4
    // Two at distance 2 from "abc": U+FF21 comes before U+1F600 by code point (not by UTF-16 unit).
    assert.equal(closestMetric('abc', ['a😀', 'aＡx']), 'aＡx');
  });

  it('counts Levenshtein edits over code points, without transpositions', () => {
    assert.equal(codePointDistance('可用性', '可用率'), 1);
    assert.equal(codePointDistance('a😀b', 'ab'), 1);
    assert.equal(codePointDistance('porbe', 'probe'), 2);
  });
});
