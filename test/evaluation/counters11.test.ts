// LANGUAGE.md §5 1.1: `counters` (increases per series, resets, first samples, duplicate
// timestamps) and the warning for ratio series that look cumulative. Expected values are
// worked out by hand in the comments.
import * as assert from 'node:assert/strict';
import { evaluateFiles } from '../../server/src/evaluation/index';
import { COUNTER_ROWS as CSV } from './counterRows';
import { contract, results, tempFile } from './helpers';

const COUNTERS = contract(`
  indicator orders { kind availability ratio good "ok_total" total "req_total" counters }
  objective delivered { indicator orders target >= 99% window calendar month }`);

describe('evaluation 1.1: counters', () => {
  it('sums increases per series in time order, a drop being a reset; first samples add nothing', async () => {
    const { report } = await evaluateFiles(COUNTERS, 'c.sla', [tempFile('m.csv', CSV)]);
    const [sep, oct] = results(report, 'delivered');
    // September holds only the first samples of series a: total 0 → no-data.
    assert.deepEqual([sep.start, sep.samples, sep.attained, sep.status], ['2026-09-01T00:00:00+00:00', 0, null, 'no-data']);
    // a, sorted: req 1000 → 1100 (+100) → 1300 (+200) → 50 (reset: +50) → 150 (+100) = 450;
    //            ok   990 → 1089 (+99)  → 1287 (+198) → 45 (+45)         → 140 (+95)  = 437.
    // b: req 0 → 100 (+100), ok 0 → 90 (+90). T = 550, G = 527; samples: 4 of a + 1 of b.
    assert.equal(oct.samples, 5);
    assert.equal(oct.attained, (100 * 527) / 550);
    assert.equal(oct.status, 'breached');
    assert.deepEqual(report.warnings, []);
  });

  it('reads the series of Prometheus JSON from its labels, with the same result', async () => {
    const matrix = (name: string, instance: string, values: [number, string][]) => ({ metric: { __name__: name, instance, job: 'shop' }, values });
    const t = (iso: string) => Date.parse(iso) / 1000;
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          matrix('req_total', 'a', [[t('2026-09-30T23:00:00Z'), '1000'], [t('2026-10-01T00:00:00Z'), '1100'], [t('2026-10-02T00:00:00Z'), '1300'], [t('2026-10-03T00:00:00Z'), '50'], [t('2026-10-04T00:00:00Z'), '150']]),
          matrix('ok_total', 'a', [[t('2026-09-30T23:00:00Z'), '990'], [t('2026-10-01T00:00:00Z'), '1089'], [t('2026-10-02T00:00:00Z'), '1287'], [t('2026-10-03T00:00:00Z'), '45'], [t('2026-10-04T00:00:00Z'), '140']]),
          matrix('req_total', 'b', [[t('2026-10-01T00:00:00Z'), '0'], [t('2026-10-02T00:00:00Z'), '100']]),
          matrix('ok_total', 'b', [[t('2026-10-01T00:00:00Z'), '0'], [t('2026-10-02T00:00:00Z'), '90']]),
        ],
      },
    };
    const { report } = await evaluateFiles(COUNTERS, 'c.sla', [tempFile('m.json', JSON.stringify(body))]);
    const [, oct] = results(report, 'delivered');
    assert.deepEqual([oct.samples, oct.attained], [5, (100 * 527) / 550]);
  });

  it('refuses two samples of one series at one timestamp: file, line and series of the second', async () => {
    const file = tempFile('dup.csv', CSV + '2026-10-04T00:00:00Z,req_total,160,b\n2026-10-04T00:00:00Z,req_total,170,a\n');
    // The header is line 1: the 16th row is on line 17.
    await assert.rejects(evaluateFiles(COUNTERS, 'c.sla', [file]), (e: Error) => {
      assert.equal(e.message, `${file}:17: a second sample of series req_total{instance="a"} at the same timestamp: under \`counters\` a series has one value per instant`);
      return true;
    });
  });
});

describe('evaluation 1.1: ratio series that look cumulative', () => {
  const PLAIN = contract(`
  indicator orders { kind availability ratio good "ok" total "req" }
  objective delivered { indicator orders target >= 99% window calendar month }`);
  const rowsOf = (metric: string, instance: string, values: number[]) =>
    values.map((v, i) => `${new Date(Date.UTC(2026, 9, 1, i)).toISOString()},${metric},${v},${instance}\n`).join('');

  it('warns once per series of 10 or more samples that never decreases and ends above 10 times its first', async () => {
    const tens = Array.from({ length: 10 }, (_, i) => 10 * (i + 1)); // 10 … 100: ends at exactly 10 × 10
    const csv =
      'timestamp,metric,value,instance\n' +
      rowsOf('req', 'a', tens) + // not above 10 × first: no warning
      rowsOf('req', 'b', [...tens, 101]) + // 11 samples, 101 > 100: warning
      rowsOf('req', 'c', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) + // starts at 0, ends above 0: warning
      rowsOf('req', 'd', [0, 1, 2, 3, 4, 5, 6, 7, 8]) + // 9 samples: too few
      rowsOf('ok', 'a', [...tens.slice(0, 9), 5, 1000]); // decreases once: no warning
    const { report } = await evaluateFiles(PLAIN, 'c.sla', [tempFile('m.csv', csv)]);
    assert.deepEqual(report.warnings, [
      'series req{instance="b"} looks cumulative: its 11 samples never decrease and end at 101, more than 10 times the first (10); a ratio adds per-interval counts, so mark indicator orders `counters` if these are counters',
      'series req{instance="c"} looks cumulative: its 10 samples never decrease and end at 1, more than 10 times the first (0); a ratio adds per-interval counts, so mark indicator orders `counters` if these are counters',
    ]);
    // The values are still added as per-interval counts (the warning changes nothing).
    assert.equal(results(report, 'delivered')[0].samples, 10 + 11 + 10 + 9);
  });
});
