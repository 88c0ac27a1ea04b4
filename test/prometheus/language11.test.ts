// Language 1.1 against a real Prometheus and a real VictoriaMetrics holding the same samples
// as CSV files (fixture11.ts): `counters` with a reset, gaps under `every` + `missing down`
// (a 0% month), coverage below the boundary (insufficient-data), the cumulative-looking
// warning, and a metric that matches nothing (exit 2 with a did-you-mean). The reports must
// be equal field for field (metricsRead and the query log aside).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EvaluateCommandOptions } from '../../cli/src/evaluate';
import type { Report } from '../../server/src/evaluation/index';
import { evaluateCaptured } from './evaluateCli';
import { BEAT_CONTRACT, HORIZON, SHOP_CONTRACT, generate11 } from './fixture11';
import { stopPrometheus, usePrometheus, type Shared } from './server';

after(stopPrometheus);

function comparable(report: Report): unknown {
  const { metricsRead: _rows, queries: _queries, warnings, ...rest } = report;
  return { ...rest, warnings: [...warnings].sort() };
}

describe('language 1.1: files, Prometheus and VictoriaMetrics give the same report', function () {
  let shared: Shared;
  const files: Record<string, string> = {};
  const run = (contract: string, options: EvaluateCommandOptions) => evaluateCaptured(files[contract], options);

  before(async function () {
    shared = await usePrometheus(this);
    const data = generate11();
    for (const [name, text] of [
      ['beat.sla', BEAT_CONTRACT],
      ['shop.sla', SHOP_CONTRACT],
      ['beat.csv', data.beatCsv],
      ['shop.csv', data.shopCsv],
      ['typo.sla', SHOP_CONTRACT.replace('total "shop_requests_total" counters', 'total "shop_requets_total" counters')],
    ]) {
      files[name] = path.join(shared.dir, name);
      writeFileSync(files[name], text);
    }
  });

  it('every + missing down: a gap counts as down, October without a sample attains 0%, coverage below the boundary is insufficient-data', async function () {
    const csv = await run('beat.sla', { metrics: [files['beat.csv']] });
    assert.equal(csv.stderr, '');
    assert.equal(csv.status, 1);
    const report = JSON.parse(csv.stdout) as Report;
    const byName = Object.fromEntries(report.objectives.map((o) => [o.name, o.results]));
    // September: 2880 samples, 12 of them down, of 8640 expected (30 days of 5 minutes).
    assert.deepEqual(
      byName.up.map((r) => [r.start, r.samples, r.attained, r.status]),
      [
        ['2026-09-01T00:00:00+00:00', 2880, (100 * 2868) / 8640, 'breached'],
        ['2026-10-01T00:00:00+00:00', 0, 0, 'breached'],
      ],
    );
    assert.deepEqual(
      byName.up_covered.map((r) => r.status),
      ['insufficient-data', 'insufficient-data'],
    );
    // Days: 1–10 September fully covered (the 5th breached), then 51 days without a sample.
    assert.equal(byName.up_daily.length, 61);
    assert.deepEqual(
      byName.up_daily.slice(3, 6).map((r) => [r.coverage, r.status]),
      [
        [100, 'met'],
        [100, 'breached'],
        [100, 'met'],
      ],
    );
    assert.ok(byName.up_daily.slice(10).every((r) => r.coverage === 0 && r.status === 'insufficient-data'));
    for (const engine of shared.engines) {
      for (const pushDown of [true, false]) {
        const served = await run('beat.sla', { prometheus: engine.url, to: HORIZON, pushDown });
        assert.equal(served.stderr, '', `${engine.name}, push-down ${pushDown}`);
        assert.equal(served.status, 1);
        assert.deepEqual(comparable(JSON.parse(served.stdout) as Report), comparable(report), `${engine.name}, push-down ${pushDown}`);
      }
    }
  });

  it('counters with a reset: increases per series from the raw samples, equal to files; the cumulative-looking warning for the ratio without `counters`', async function () {
    const csv = await run('shop.sla', { metrics: [files['shop.csv']] });
    assert.equal(csv.status, 1);
    const report = JSON.parse(csv.stdout) as Report;
    const [month] = report.objectives.find((o) => o.name === 'delivered')!.results;
    // a: 743 increases of 100 (ok 99) and the reset's 40 (ok 36); b: 719 increases of 50.
    assert.deepEqual([month.samples, month.attained, month.status], [744 + 719, (100 * (743 * 99 + 36 + 719 * 50)) / (743 * 100 + 40 + 719 * 50), 'breached']);
    const warning = (metric: string) =>
      `series ${metric}{instance="b"} looks cumulative: its 720 samples never decrease and end at 35950, more than 10 times the first (0); a ratio adds per-interval counts, so mark indicator orders_plain \`counters\` if these are counters`;
    assert.deepEqual([...report.warnings].sort(), [warning('shop_requests_ok_total'), warning('shop_requests_total')]);
    assert.equal(csv.stderr, report.warnings.map((w) => `sla evaluate: warning: ${w}\n`).join(''));
    for (const engine of shared.engines) {
      for (const pushDown of [true, false]) {
        const served = await run('shop.sla', { prometheus: engine.url, pushDown });
        assert.equal(served.status, 1, served.stderr);
        assert.deepEqual(comparable(JSON.parse(served.stdout) as Report), comparable(report), `${engine.name}, push-down ${pushDown}`);
      }
    }
  });

  it('a metric that matches nothing: exit 2, no report, a did-you-mean from the files and from the names the server knows', async function () {
    const csv = await evaluateCaptured(files['typo.sla'], { metrics: [files['shop.csv']] });
    assert.equal(csv.status, 2);
    assert.equal(csv.stdout, '');
    assert.equal(csv.stderr, 'sla evaluate: no samples of metric "shop_requets_total" in the inputs (named by indicator orders); did you mean "shop_requests_total"?\n');
    for (const engine of shared.engines) {
      const served = await evaluateCaptured(files['typo.sla'], { prometheus: engine.url });
      assert.equal(served.status, 2, engine.name);
      assert.equal(served.stdout, '');
      assert.equal(
        served.stderr,
        'sla evaluate: metric "shop_requets_total" (named by indicator orders) matches no series on the Prometheus server, at any time; did you mean "shop_requests_total"?\n',
        engine.name,
      );
    }
  });
});
