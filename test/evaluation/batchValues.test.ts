// Batches of values only (issue 15, evalfast6): when every row of a batch is a value of a
// metric objectives read and none is refused, Evaluator.addRows takes the batch's earliest and
// latest time and which metrics had a sample without its loop per row; any other batch (a row
// of a metric no objective reads, an availability outside [0, 1]) goes through that loop as
// before. The CSV fast path (batches) and the general path (one `add` per row) must give the
// same report: the data span of `every` + `missing down` (earliest and latest time), a metric
// without samples, and a refused availability at the same line.
import * as assert from 'node:assert/strict';
import { evaluateFiles, type EvaluateOptions } from '../../server/src/evaluation/index';
import { mulberry32 as seededRandom } from '../../scripts/prng';
import { contract, tempFile } from './helpers';

const TEXT = contract(`
  timezone "Asia/Shanghai"
  effective 2026-09-20 to 2026-11-30
  schedule office { mon..fri 09:00-18:00 }
  indicator probe { kind availability metric "probe_success" every 1h missing down }
  indicator api { kind latency metric "http_request_duration_ms" unit ms }
  indicator quiet { kind latency metric "never_sent_ms" unit ms }
  objective uptime { indicator probe target >= 99.5% window calendar month during office }
  objective uptime_daily { indicator probe target >= 99% window calendar day }
  objective p95 { indicator api target p95 <= 300ms window calendar week }
  objective recent { indicator api target p50 <= 250ms window rolling 7d }
  objective silent { indicator quiet target p90 <= 100ms window calendar month }`);

type Row = [string, string, string];

/**
 * Rows in time order over October 2026 with whole days missing (the `missing down` gaps), but
 * the earliest and the latest row in the middle of the file (inside batches of values, not in
 * the first rows the general path reads); `unread` rows of a metric no objective reads between
 * rows `unread[0]` and `unread[1]`.
 */
function rows(seed: number, n: number, unread?: [number, number]): Row[] {
  const next = seededRandom(seed);
  let t = Date.UTC(2026, 9, 2, 3, 4, 5, 6);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    t += next() < 0.999 ? Math.floor(next() * 120_000) : Math.floor(next() * 3 * 86_400_000);
    const timestamp = new Date(t).toISOString();
    if (unread && i >= unread[0] && i < unread[1] && next() < 0.3) out.push([timestamp, 'unrelated_metric', '7']);
    else if (i % 2 === 0) out.push([timestamp, 'probe_success', next() < 0.003 ? '0' : '1']);
    else out.push([timestamp, 'http_request_duration_ms', (20 + next() * next() * 900).toFixed(1)]);
  }
  // The data span (missing down) then starts on September 25 and ends on November 20.
  out[Math.floor(n / 2)] = ['2026-09-25T01:02:03.004Z', 'probe_success', '1'];
  out[Math.floor(n / 2) + 101] = ['2026-11-20T05:06:07.008Z', 'http_request_duration_ms', '99.5'];
  return out;
}

const plain = (r: Row[]) => 'timestamp,metric,value\n' + r.map((x) => x.join(',') + '\n').join('');
/** Every timestamp quoted: the general (RFC 4180) path reads every row, one `add` each. */
const general = (r: Row[]) => 'timestamp,metric,value\n' + r.map(([t, m, v]) => `"${t}",${m},${v}\n`).join('');

async function outcome(text: string, options: EvaluateOptions): Promise<string> {
  const file = tempFile('metrics.csv', text);
  try {
    const { report } = await evaluateFiles(TEXT, 'c.sla', [file], { explain: true, allowMissingMetrics: true, parallel: { workers: 0 }, ...options });
    return JSON.stringify(report);
  } catch (e) {
    return (e as Error).message.replace(file, 'FILE');
  }
}

describe('evaluation: batches of values only give the report of one add per row (evalfast6)', () => {
  for (const [label, options] of [['with --at', { at: '2026-11-03T00:00:00Z' }], ['without --at', {}]] as const) {
    it(`${label}: values only, and rows of a metric no objective reads in part of the file`, async () => {
      for (const [seed, unread] of [[1, undefined], [2, [10_000, 13_000]], [3, [0, 40_000]]] as const) {
        const data = rows(seed, 40_000, unread as [number, number] | undefined);
        const expected = await outcome(general(data), options);
        const report = JSON.parse(expected) as { objectives: { name: string; results: { samples: number }[] }[]; warnings?: string[] };
        // The gaps count as down, the silent metric is missing, and there are samples to compare.
        assert.ok(report.objectives.find((o) => o.name === 'uptime')!.results.some((r) => r.samples > 0), expected.slice(0, 300));
        assert.ok((report.warnings ?? []).some((w) => w.includes('never_sent_ms')), `seed ${seed}: ${JSON.stringify(report.warnings)}`);
        assert.equal(await outcome(plain(data), options), expected, `seed ${seed}`);
      }
    });
  }

  it('an availability outside [0, 1] after many batches of values: the same message at the same line', async () => {
    for (const at of [3_000, 25_000, 39_998]) {
      const data = rows(4, 40_000);
      const row = data[at][1] === 'probe_success' ? at : at + 1;
      data[row] = [data[row][0], 'probe_success', '1.5'];
      const expected = await outcome(general(data), {});
      assert.match(expected, new RegExp(`^FILE:${row + 2}: `), expected.slice(0, 200));
      assert.equal(await outcome(plain(data), {}), expected, `row ${row}`);
    }
  });
});
