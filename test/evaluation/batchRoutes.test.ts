// Differential tests (issue 15, evalfast5): rows handed over in batches (`addRows`: each
// objective takes its rows of a batch in one loop of its own) and the same rows handed over
// one `add` at a time must give the same JSON report. The instants crowd around every edge
// the loops cache: schedule and maintenance boundaries (minute, hour, day), a DST change,
// effective-period ends, month and week starts, a one-off maintenance window.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import { evaluate, type EvaluateOptions } from '../../server/src/evaluation/evaluate';
import type { SampleSink, SampleSource } from '../../server/src/evaluation/ports';
import { mulberry32 as seededRandom } from '../../scripts/prng';
import { contract } from './helpers';

const TEXT = contract(`
  timezone "Europe/Berlin"
  effective 2026-10-03 to 2026-11-20
  schedule office {
    mon..fri 08:00-12:30
    mon..fri 13:07-18:00
    holidays 2026-10-26
  }
  maintenance nightly {
    every daily 02:00-03:30
    on 2026-10-24T22:59 for 2h
  }
  indicator probe { kind availability metric "probe_success" }
  indicator api { kind latency metric "http_request_duration_ms" unit ms }
  indicator load { kind throughput metric "rps" unit rps }
  objective uptime { indicator probe target >= 99.5% window calendar week during office excluding nightly }
  objective uptime_month { indicator probe target >= 99% window calendar month excluding nightly }
  objective p95 { indicator api target p95 <= 300ms window calendar day during office }
  objective p999 { indicator api target p99.9 <= 900ms window calendar month }
  objective busy { indicator load target avg >= 10rps window calendar month }
  objective floor { indicator load target min >= 1rps window calendar day excluding nightly }
  objective recent { indicator api target p50 <= 250ms window rolling 3d }`);

const METRICS = ['probe_success', 'http_request_duration_ms', 'rps', 'unrelated_metric'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Instants where a cached segment or period ends (UTC ms), in October and November 2026. */
function edges(): number[] {
  const out: number[] = [];
  // Berlin is UTC+2 until 2026-10-25 01:00 UTC, then UTC+1.
  for (let day = 1; day <= 60; day++) {
    const midnight = Date.UTC(2026, 9, day);
    const offset = midnight < Date.UTC(2026, 9, 25, 1) ? 2 * HOUR : HOUR;
    for (const local of [0, 2 * HOUR, 3.5 * HOUR, 8 * HOUR, 12.5 * HOUR, 13 * HOUR + 7 * MINUTE, 18 * HOUR]) out.push(midnight + local - offset);
  }
  out.push(Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 9, 24, 20, 59), Date.UTC(2026, 9, 24, 22, 59));
  out.push(Date.UTC(2026, 10, 19, 23), Date.UTC(2026, 10, 30, 23), Date.UTC(2026, 9, 2, 22));
  return out;
}

interface Rows {
  /** The id of probe_success. */
  probe: number;
  metrics: Int32Array;
  times: Float64Array;
  values: Float64Array;
}

/** `n` rows: most within a minute of an edge (exactly on it, 1 ms either side), the rest anywhere; values as sources read them. */
function rowsOf(seed: number, n: number, sink: SampleSink): Rows {
  const next = seededRandom(seed);
  const at = edges();
  const ids = METRICS.map((m) => sink.metricId(m));
  const rows: Rows = { probe: ids[0], metrics: new Int32Array(n), times: new Float64Array(n), values: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const near = next() < 0.8;
    const t = near
      ? at[Math.floor(next() * at.length)] + [0, -1, 1, -MINUTE, MINUTE, Math.floor(next() * 2 * MINUTE) - MINUTE][Math.floor(next() * 6)]
      : Date.UTC(2026, 9, 1) + Math.floor(next() * 60 * 24 * HOUR);
    const metric = Math.floor(next() * METRICS.length);
    const value =
      metric === 0 ? (next() < 0.02 ? 0 : 1) : metric === 2 ? Number((next() * 40).toFixed(Math.floor(next() * 4))) : Number((20 + next() * next() * 1200).toFixed(Math.floor(next() * 3)));
    rows.metrics[i] = ids[metric];
    rows.times[i] = t;
    rows.values[i] = value;
  }
  return rows;
}

/** A source that hands `n` seeded rows over in batches of random sizes (`addRows`), or one `add` each; the first rejected row's index is kept. */
class RowsSource implements SampleSource {
  readonly name = 'rows';
  rejected: { row: number; reason: string } | undefined;
  constructor(
    private readonly seed: number,
    private readonly n: number,
    private readonly batched: boolean,
    private readonly change?: (rows: Rows) => void,
  ) {}

  async read(sink: SampleSink): Promise<void> {
    const rows = rowsOf(this.seed, this.n, sink);
    this.change?.(rows);
    const next = seededRandom(this.seed + 1);
    for (let first = 0; first < this.n && this.rejected === undefined; ) {
      const count = Math.min(this.n - first, 1 + Math.floor(next() * 1500));
      if (this.batched) {
        const rejection = sink.addRows!(rows.metrics.subarray(first), rows.times.subarray(first), rows.values.subarray(first), count);
        if (rejection !== undefined) this.rejected = { row: first + rejection.row, reason: rejection.reason };
      } else {
        for (let row = first; row < first + count && this.rejected === undefined; row++) {
          const reason = sink.add(rows.metrics[row], rows.times[row], rows.values[row]);
          if (reason !== undefined) this.rejected = { row, reason };
        }
      }
      sink.rowsRead(count);
      first += count;
    }
  }
}

const SLA = analyze(TEXT).parse.file.slas[0];

async function reportOf(source: RowsSource, options: EvaluateOptions): Promise<string> {
  const { report } = await evaluate(SLA, [source], { ...options, explain: true, allowMissingMetrics: true });
  return JSON.stringify(report);
}

describe('rows in batches and one at a time (evalfast5)', () => {
  it('the contract checks without errors', () => {
    assert.deepEqual(analyze(TEXT).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`give the same report, with --at (rolling window taken in batches), seed ${seed}`, async () => {
      const options = { at: '2026-11-10T12:00:00Z' };
      const batched = await reportOf(new RowsSource(seed, 20_000, true), options);
      const single = await reportOf(new RowsSource(seed, 20_000, false), options);
      assert.equal(batched, single);
      // The edges are really met: some samples fall in each class.
      const explain = JSON.parse(batched).objectives.flatMap((o: { results: { explain: Record<string, number> }[] }) => o.results.map((r) => r.explain));
      for (const key of ['outsideEffective', 'outsideSchedule', 'inMaintenance']) assert.ok(explain.some((e: Record<string, number>) => e[key] > 0), key);
    });
  }

  it('give the same report without --at (a held rolling window: row by row for all)', async () => {
    assert.equal(await reportOf(new RowsSource(7, 20_000, true), {}), await reportOf(new RowsSource(7, 20_000, false), {}));
  });

  it('stop at the same rejected row (availability outside [0, 1]), rows before it counted alike', async () => {
    // The first availability sample from row 5,000 on becomes 1.5.
    const spoil = (rows: Rows) => {
      let i = 5_000;
      while (rows.metrics[i] !== rows.probe) i++;
      rows.values[i] = 1.5;
    };
    const batched = new RowsSource(8, 20_000, true, spoil);
    const single = new RowsSource(8, 20_000, false, spoil);
    const options = { at: '2026-11-10T12:00:00Z' };
    assert.equal(await reportOf(batched, options), await reportOf(single, options));
    assert.ok(batched.rejected !== undefined && batched.rejected.row >= 5_000);
    assert.deepEqual(batched.rejected, single.rejected);
  });
});
