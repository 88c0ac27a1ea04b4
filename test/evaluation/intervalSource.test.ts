// The evaluator's interval-source path (what a Prometheus server is read through) against
// the streaming path, on the same samples: an in-memory source answers count/sum/min/max
// per interval and raw samples exactly, so any difference is the planner's (wrong
// intervals, a sample counted twice or not at all at a boundary, a period listed wrongly).
import * as assert from 'node:assert/strict';
import { MissingMetricsError, evaluateContract, type IntervalRequest, type IntervalSource, type Report, type SampleBlock } from '../../server/src/evaluation/index';
import { contract, tempFile } from './helpers';
import { mulberry32 as random } from '../../scripts/prng';

/** Samples by metric string; answers like a server with exact arithmetic would. */
class MemorySource implements IntervalSource {
  readonly name = 'memory';
  asked: IntervalRequest[] = [];
  rawSamples = 0;

  constructor(
    private readonly data: Map<string, { t: number; v: number }[]>,
    readonly aggregates = true,
  ) {}

  async aggregate(requests: readonly IntervalRequest[]): Promise<(number | null)[]> {
    this.asked.push(...requests);
    return requests.map((r) => {
      for (const q of requests) assert.ok(Number.isInteger(q.start) && Number.isInteger(q.end) && q.end > q.start);
      const values = (this.data.get(r.series) ?? []).filter((s) => s.t >= r.start && s.t < r.end).map((s) => s.v);
      if (values.length === 0) return null;
      switch (r.statistic) {
        case 'count':
          return values.length;
        case 'sum':
          return values.reduce((a, b) => a + b, 0);
        case 'min':
          return Math.min(...values);
        case 'max':
          return Math.max(...values);
      }
    });
  }

  async samples(series: string, start: number, end: number): Promise<SampleBlock> {
    const picked = (this.data.get(series) ?? []).filter((s) => s.t >= start && s.t < end);
    this.rawSamples += picked.length;
    return { times: picked.map((s) => s.t), values: picked.map((s) => s.v) };
  }

  async seriesExists(series: string): Promise<boolean> {
    return this.data.has(series);
  }
}


const ITEMS = `
  effective 2026-03-02 to 2026-04-12
  timezone "Europe/Berlin"
  fee 100 EUR per month
  schedule office { mon..fri 09:00-18:00  sat 10:00-12:00  holidays 2026-04-03 }
  maintenance nightly { every daily 01:00-03:00  on 2026-03-29T01:30 for 90m }
  indicator up { kind availability metric "up{job=\\"a\\"}" }
  indicator ok { kind availability ratio good "good" total "all" }
  indicator bad { kind error_rate ratio bad "errors" total "all" }
  indicator lat { kind latency metric "lat" }
  objective up_month { indicator up target >= 99% window calendar month during office excluding nightly }
  objective up_day { indicator up target >= 99% window calendar day }
  objective up_roll { indicator up target >= 99% window rolling 2d during office }
  objective ok_week { indicator ok target >= 99% window calendar week excluding nightly }
  objective bad_roll { indicator bad target <= 1% window rolling 36h }
  objective lat_p90 { indicator lat target p90 <= 200ms window calendar week during office }
  objective lat_min { indicator lat target min >= 10ms window rolling 1d }
  objective lat_avg { indicator lat target avg <= 150ms window calendar day during office excluding nightly }
  compensation for up_month { below 99% credit 10% }
  compensation for ok_week { below 99% credit 5% }
  compensation for lat_p90 { above 200ms credit 5% }
  credits { cap 8% claim within 30d }
`;

/** Samples of every metric: a 5-minute grid across the DST change of 29 March 2026, plus samples a millisecond either side of boundaries. */
function dataset(): { data: Map<string, { t: number; v: number }[]>; csv: string } {
  const rng = random(7);
  const start = Date.UTC(2026, 1, 27);
  const end = Date.UTC(2026, 3, 16);
  const times = new Set<number>();
  for (let t = start; t < end; t += 300_000) times.add(t);
  // Local 00:00, 01:00, 03:00, 09:00, 10:00, 12:00, 18:00 in Berlin (UTC+1, then UTC+2).
  for (let day = start; day < end; day += 86_400_000) {
    const offset = day < Date.UTC(2026, 2, 29, 1) ? 1 : 2;
    for (const h of [0, 1, 3, 9, 10, 12, 18]) {
      const b = day + (h - offset) * 3_600_000;
      times.add(b - 1);
      times.add(b + 1);
    }
  }
  const at = Date.parse(AT);
  for (const b of [at, at - 2 * 86_400_000, at - 36 * 3_600_000, at - 86_400_000]) {
    times.add(b);
    times.add(b - 1);
    times.add(b + 1);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const data = new Map<string, { t: number; v: number }[]>();
  const push = (metric: string, t: number, v: number) => {
    if (!data.has(metric)) data.set(metric, []);
    data.get(metric)!.push({ t, v });
  };
  for (const t of sorted) {
    push('up{job="a"}', t, rng() < 0.02 ? 0 : 1);
    const all = 10 + Math.floor(rng() * 50);
    const errors = rng() < 0.1 ? Math.floor(rng() * 5) : 0;
    push('all', t, all);
    push('good', t, all - errors);
    push('errors', t, errors);
    push('lat', t, Math.round((5 + rng() * 300) * 10) / 10);
  }
  const rows = ['timestamp,metric,value'];
  for (const t of sorted) {
    for (const [metric, samples] of data) {
      const s = samples.find((x) => x.t === t);
      if (s) rows.push(`${new Date(t).toISOString()},"${metric.replace(/"/g, '""')}",${s.v}`);
    }
  }
  return { data, csv: rows.join('\n') + '\n' };
}

const AT = '2026-04-08T18:00:00+02:00';

function comparable(report: Report): unknown {
  const { metricsRead: _rows, queries: _queries, ...rest } = report;
  return rest;
}

describe('interval sources (how a Prometheus server is read)', function () {
  const { data, csv } = dataset();
  const text = contract(ITEMS);
  const csvFile = tempFile('metrics.csv', csv);
  let fromCsv: Report;

  before(async function () {
    fromCsv = (await evaluateContract(text, 'c.sla', { metrics: [csvFile] }, { at: AT, explain: true })).report;
  });

  it('aggregating per interval gives the report the same samples give from a CSV file, --explain counts included', async function () {
    const source = new MemorySource(data);
    const { report } = await evaluateContract(text, 'c.sla', { sources: [source] }, { at: AT, explain: true });
    assert.deepEqual(comparable(report), comparable(fromCsv));
    assert.ok(fromCsv.objectives.every((o) => o.results.length > 0));
    assert.ok(fromCsv.credits.some((c) => c.uncapped > c.percent), 'some period is capped');
    // Every interval asked is whole milliseconds, [start, end) with end > start (checked in aggregate).
    assert.ok(source.asked.some((r) => r.end - r.start === 1), 'a window ending on a boundary has a 1 ms interval');
    // Mean and ratio objectives read no raw sample; the latency ones read only their eligible intervals.
    assert.ok(source.rawSamples < data.get('lat')!.length * 2);
  });

  it('reading raw samples only (no aggregation) gives the same report', async function () {
    const source = new MemorySource(data, false);
    const { report } = await evaluateContract(text, 'c.sla', { sources: [source] }, { at: AT, explain: true });
    assert.deepEqual(comparable(report), comparable(fromCsv));
    assert.equal(source.asked.length, 0);
  });

  it('without --explain, intervals outside the schedule and in maintenance are not asked about', async function () {
    const lean = new MemorySource(data);
    const full = new MemorySource(data);
    const { report } = await evaluateContract(text, 'c.sla', { sources: [lean] }, { at: AT });
    await evaluateContract(text, 'c.sla', { sources: [full] }, { at: AT, explain: true });
    assert.ok(lean.asked.length < full.asked.length);
    const plain = (await evaluateContract(text, 'c.sla', { metrics: [csvFile] }, { at: AT })).report;
    assert.deepEqual(comparable(report), comparable(plain));
  });

  it('a metric with no samples at all (1.1): an error naming it; with allowMissingMetrics a warning, and the rolling window is no-data', async function () {
    const withoutLatency = new Map(data);
    withoutLatency.delete('lat');
    await assert.rejects(
      evaluateContract(text, 'c.sla', { sources: [new MemorySource(withoutLatency)] }, { at: AT }),
      (e: unknown) => e instanceof MissingMetricsError && e.message === 'metric "lat" (named by indicator lat) matches no series on the Prometheus server, at any time: check the metric name and the labels',
    );
    const { report } = await evaluateContract(text, 'c.sla', { sources: [new MemorySource(withoutLatency)] }, { at: AT, allowMissingMetrics: true });
    assert.deepEqual(report.warnings, ['metric "lat" (named by indicator lat) matches no series on the Prometheus server, at any time: check the metric name and the labels']);
    assert.equal(report.objectives.find((o) => o.name === 'lat_min')!.results[0].status, 'no-data');
    assert.deepEqual(report.objectives.find((o) => o.name === 'lat_p90')!.results, []);
  });

  it('rolling windows end now when no --at is given (a server has no "latest sample read")', async function () {
    const now = Date.parse('2026-04-10T12:00:00Z');
    const { report } = await evaluateContract(text, 'c.sla', { sources: [new MemorySource(data)] }, { now });
    assert.equal(report.at, '2026-04-10T14:00:00+02:00');
  });

  it('an availability value outside [0, 1] is a data error naming the metric and the period', async function () {
    const broken = new Map(data);
    broken.set('up{job="a"}', [...data.get('up{job="a"}')!, { t: Date.UTC(2026, 2, 10, 12), v: 1.5 }].sort((a, b) => a.t - b.t));
    await assert.rejects(
      evaluateContract(text, 'c.sla', { sources: [new MemorySource(broken)] }, { at: AT }),
      /^EvaluationError: memory: value 1\.5 of up\{job="a"\} between 2026-03-01T00:00:00\+01:00 and 2026-04-01T00:00:00\+02:00 is outside \[0, 1\]/,
    );
  });
});
