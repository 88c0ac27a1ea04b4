// `missing down` with --from and no `effective` start, against a real Prometheus and a real
// VictoriaMetrics (fixture11.ts: heartbeat 1–10 September, pulse through October). The
// weekly objective reads pulse from Monday 28 September (the week holding --from, Thursday
// 1 October); that must not start the monthly objective's data span in September: pushed
// down and raw, October alone is listed, with no heartbeat sample, 0%.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../server/src/evaluation/index';
import { evaluateCaptured } from './evaluateCli';
import { HORIZON } from './fixture11';
import { stopPrometheus, usePrometheus } from './server';

after(stopPrometheus);

const CONTRACT = `sla BeatFrom {
  version "1.1"
  provider "P"
  customer "C"
  indicator beat { kind availability metric "heartbeat{job=\\"chat\\"}" every 5m missing down }
  indicator pulse { kind availability metric "pulse{job=\\"chat\\"}" }
  objective up { indicator beat target >= 99% window calendar month }
  objective pulse_weekly { indicator pulse target >= 99% window calendar week }
  reporting monthly
  review yearly
}
`;

describe('missing down with --from: no period before it, pushed down or raw, on both servers', function () {
  it('lists October alone for the monthly objective, while the weekly one starts on 28 September', async function () {
    const shared = await usePrometheus(this);
    const file = path.join(shared.dir, 'beat-from.sla');
    writeFileSync(file, CONTRACT);
    for (const engine of shared.engines) {
      const reports: Report[] = [];
      for (const pushDown of [true, false]) {
        const served = await evaluateCaptured(file, { prometheus: engine.url, from: '2026-10-01T00:00:00Z', to: HORIZON, pushDown });
        assert.equal(served.status, 1, `${engine.name}, push-down ${pushDown}: ${served.stderr}`);
        const report = JSON.parse(served.stdout) as Report;
        const results = (name: string) => report.objectives.find((o) => o.name === name)!.results;
        assert.deepEqual(
          results('up').map((r) => [r.start, r.samples, r.attained, r.status]),
          [['2026-10-01T00:00:00+00:00', 0, 0, 'breached']],
          `${engine.name}, push-down ${pushDown}`,
        );
        assert.equal(results('pulse_weekly')[0].start, '2026-09-28T00:00:00+00:00');
        const { metricsRead: _rows, queries: _queries, ...rest } = report;
        reports.push(rest as Report);
      }
      assert.deepEqual(reports[1], reports[0], engine.name);
    }
  });
});
