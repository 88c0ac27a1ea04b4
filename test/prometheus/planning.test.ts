// What the evaluator asks an interval source (a server) for: each metric's raw samples
// once, however many objectives read them; calendar periods up to --to or now, never past
// now, the one cut short marked partial. An in-memory source with exact arithmetic stands
// in for the server and counts what it is asked.
import * as assert from 'node:assert/strict';
import { evaluateContract, formatMarkdown, formatText, type IntervalRequest, type IntervalSource, type Report, type SampleBlock } from '../../server/src/evaluation/index';

class MemorySource implements IntervalSource {
  readonly name = 'memory';
  rawSamples = 0;
  rawRequests = 0;
  asked: IntervalRequest[] = [];

  constructor(
    private readonly data: Map<string, { t: number; v: number }[]>,
    readonly aggregates = true,
  ) {}

  async aggregate(requests: readonly IntervalRequest[]): Promise<(number | null)[]> {
    this.asked.push(...requests);
    return requests.map((r) => {
      const values = this.pick(r.series, r.start, r.end).map((s) => s.v);
      if (values.length === 0) return null;
      if (r.statistic === 'count') return values.length;
      if (r.statistic === 'sum') return values.reduce((a, b) => a + b, 0);
      return r.statistic === 'min' ? Math.min(...values) : Math.max(...values);
    });
  }

  async samples(series: string, start: number, end: number): Promise<SampleBlock> {
    const picked = this.pick(series, start, end);
    this.rawRequests++;
    this.rawSamples += picked.length;
    return { times: picked.map((s) => s.t), values: picked.map((s) => s.v) };
  }

  async seriesExists(series: string): Promise<boolean> {
    return this.data.has(series);
  }

  private pick(series: string, start: number, end: number) {
    return (this.data.get(series) ?? []).filter((s) => s.t >= start && s.t < end);
  }
}

const HEAD = `sla S {
  version "1"
  provider "P"
  customer "C"
  timezone "UTC"
`;
const TAIL = `  reporting monthly
  review yearly
}
`;

/** One sample a minute of `lat` (and of `up`), through October and November 2026. */
function minuteSamples(): Map<string, { t: number; v: number }[]> {
  const lat: { t: number; v: number }[] = [];
  const up: { t: number; v: number }[] = [];
  for (let t = Date.UTC(2026, 9, 1), i = 0; t < Date.UTC(2026, 11, 1); t += 60_000, i++) {
    lat.push({ t, v: 100 + (i % 37) });
    up.push({ t, v: i % 500 === 0 ? 0 : 1 });
  }
  return new Map([
    ['lat', lat],
    ['up', up],
  ]);
}

describe('what an interval source is asked for', function () {
  it("each metric's raw samples are fetched once, whatever number of objectives read them", async function () {
    const text = `${HEAD}  effective 2026-10-01 to 2026-10-31
  indicator latency { kind latency metric "lat" unit ms }
  objective p95 { indicator latency target p95 <= 300ms window calendar month }
  objective avg_week { indicator latency target avg <= 200ms window calendar week }
  objective max_day { indicator latency target max <= 2s window calendar day }
  objective p99_roll { indicator latency target p99 <= 400ms window rolling 7d }
${TAIL}`;
    const inOctober = 31 * 24 * 60;
    for (const pushDown of [true, false]) {
      const source = new MemorySource(minuteSamples(), pushDown);
      const { report } = await evaluateContract(text, 'c.sla', { sources: [source] }, { at: '2026-10-20T00:00:00Z', now: Date.UTC(2026, 11, 5) });
      // Every objective gets its results from the one read of October.
      assert.equal(report.objectives[0].results[0].samples, inOctober);
      assert.equal(report.objectives[2].results.length, 31);
      assert.equal(report.objectives[3].results[0].samples, 7 * 24 * 60);
      // Weeks reach into September and November: a week before and after October, read once too.
      assert.ok(source.rawSamples <= inOctober + 2 * 7 * 24 * 60, `pushDown ${pushDown}: ${source.rawSamples} raw samples`);
      // Before, each objective read its own: four times October.
      assert.ok(source.rawSamples < 2 * inOctober, `pushDown ${pushDown}: ${source.rawSamples}`);
    }
  });

  it('calendar periods stop at now: the period holding now is partial and reads no sample after now', async function () {
    const text = `${HEAD}  effective 2026-10-01
  indicator probe { kind availability metric "up" }
  objective month { indicator probe target >= 99% window calendar month }
${TAIL}`;
    const now = Date.UTC(2026, 10, 15, 12); // 15 November 12:00
    const source = new MemorySource(minuteSamples());
    const { report } = await evaluateContract(text, 'c.sla', { sources: [source] }, { now });
    const results = report.objectives[0].results;
    assert.deepEqual(
      results.map((r) => [r.start, r.samples, r.partial]),
      [
        ['2026-10-01T00:00:00+00:00', 31 * 24 * 60, undefined],
        ['2026-11-01T00:00:00+00:00', (14 * 24 + 12) * 60, true],
      ],
    );
    for (const r of source.asked) assert.ok(r.end <= now, `asked up to ${new Date(r.end).toISOString()}`);
    const md = formatMarkdown(report);
    assert.match(md, /\| 2026-11 \(partial data\) \|/);
    assert.match(formatText(report), /2026-11 \(partial data\)/);
  });

  it('--to ends calendar periods earlier; a later --to is still cut at now', async function () {
    const text = `${HEAD}  effective 2026-10-01
  indicator probe { kind availability metric "up" }
  objective week { indicator probe target >= 99% window calendar week }
${TAIL}`;
    const now = Date.UTC(2026, 10, 15, 12);
    const run = async (to: string) => (await evaluateContract(text, 'c.sla', { sources: [new MemorySource(minuteSamples())] }, { now, to })).report;
    const early: Report = await run('2026-10-14T00:00:00Z');
    const weeks = early.objectives[0].results;
    assert.equal(weeks[weeks.length - 1].start, '2026-10-12T00:00:00+00:00');
    assert.equal(weeks[weeks.length - 1].samples, 2 * 24 * 60);
    assert.equal(weeks[weeks.length - 1].partial, true);
    assert.ok(weeks.slice(0, -1).every((w) => w.partial === undefined));
    const late = await run('2027-01-01T00:00:00Z');
    const last = late.objectives[0].results.at(-1)!;
    assert.equal(last.start, '2026-11-09T00:00:00+00:00');
    assert.equal(last.samples, (6 * 24 + 12) * 60);
    assert.equal(last.partial, true);
  });
});
