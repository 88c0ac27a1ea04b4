// Language 1.1 through an interval source (how a Prometheus server is read) against the same
// samples in a CSV file: `counters` with a reset, `every` + `missing down` gaps (a 0% month),
// `coverage` below the boundary, metrics that match nothing (exit 2 with a did-you-mean) and
// the cumulative-looking warning. The in-memory source answers exactly, with series, so any
// difference is the interval reader's.
import * as assert from 'node:assert/strict';
import {
  MissingMetricsError,
  evaluateContract,
  type IntervalRequest,
  type IntervalSource,
  type Report,
  type SampleBlock,
  type SeriesSampleBlock,
  type SeriesSummary,
} from '../../server/src/evaluation/index';
import { COUNTER_ROWS } from './counterRows';
import { contract, results, tempFile } from './helpers';

interface Sample {
  series: string;
  t: number;
  v: number;
}

/** Samples by selector, each with its series (`name{label="value"}`); answers as a server with exact arithmetic would. */
class SeriesMemorySource implements IntervalSource {
  readonly name = 'memory';
  constructor(
    private readonly data: Map<string, Sample[]>,
    readonly aggregates = true,
  ) {}

  private inside(series: string, start: number, end: number): Sample[] {
    return (this.data.get(series) ?? []).filter((s) => s.t >= start && s.t < end);
  }

  async aggregate(requests: readonly IntervalRequest[]): Promise<(number | null)[]> {
    return requests.map((r) => {
      const values = this.inside(r.series, r.start, r.end).map((s) => s.v);
      if (values.length === 0) return null;
      if (r.statistic === 'count') return values.length;
      if (r.statistic === 'sum') return values.reduce((a, b) => a + b, 0);
      return r.statistic === 'min' ? Math.min(...values) : Math.max(...values);
    });
  }

  async samples(series: string, start: number, end: number): Promise<SampleBlock> {
    const picked = this.inside(series, start, end);
    return { times: picked.map((s) => s.t), values: picked.map((s) => s.v) };
  }

  async seriesSamples(series: string, start: number, end: number): Promise<SeriesSampleBlock> {
    const picked = this.inside(series, start, end);
    const names = [...new Set(picked.map((s) => s.series))];
    return { times: picked.map((s) => s.t), values: picked.map((s) => s.v), seriesOf: picked.map((s) => names.indexOf(s.series)), names };
  }

  async seriesSummaries(series: string, start: number, end: number): Promise<SeriesSummary[]> {
    const bySeries = new Map<string, Sample[]>();
    for (const s of this.inside(series, start, end)) bySeries.set(s.series, [...(bySeries.get(s.series) ?? []), s]);
    return [...bySeries].map(([name, list]) => {
      const values = list.sort((a, b) => a.t - b.t).map((s) => s.v);
      const decreases = values.filter((v, i) => i > 0 && v < values[i - 1]).length;
      return { series: name, count: values.length, decreases, min: Math.min(...values), max: Math.max(...values) };
    });
  }

  async seriesExists(series: string): Promise<boolean> {
    return (this.data.get(series) ?? []).length > 0;
  }

  async metricNames(): Promise<string[]> {
    return [...new Set([...this.data.values()].flat().map((s) => s.series.replace(/\{.*$/, '')))].sort();
  }
}

/** CSV rows `timestamp,metric,value,instance` → the CSV file and the same samples by selector (the metric column). */
function bothForms(csv: string): { file: string; data: Map<string, Sample[]> } {
  const data = new Map<string, Sample[]>();
  const lines = csv.trim().split('\n');
  const header = lines[0].split(',');
  for (const line of lines.slice(1)) {
    const [ts, metric, value, instance] = line.split(',');
    const series = header.length > 3 && instance !== undefined ? `${metric}{instance="${instance}"}` : metric;
    data.set(metric, [...(data.get(metric) ?? []), { series, t: Date.parse(ts), v: Number(value) }]);
  }
  return { file: tempFile('m.csv', csv + (csv.endsWith('\n') ? '' : '\n')), data };
}

function comparable(report: Report): unknown {
  const { metricsRead: _rows, queries: _queries, ...rest } = report;
  return rest;
}

const NOV = Date.UTC(2026, 10, 1);

describe('evaluation 1.1 from a server (in-memory interval source) equals files', () => {
  const COUNTERS = contract(`
  effective 2026-09-01 to 2026-10-31
  indicator orders { kind availability ratio good "ok_total" total "req_total" counters }
  objective delivered { indicator orders target >= 99% window calendar month }`);
  // Series a resets on 3 October; b starts at 0; a's first sample lies before the effective dates.
  const CSV = COUNTER_ROWS.replace('instance\n', 'instance\n2026-08-31T12:00:00Z,req_total,900,a\n2026-08-31T12:00:00Z,ok_total,891,a\n');

  it('counters: increases per series with a reset, the previous value read from before the evaluated time', async () => {
    const { file, data } = bothForms(CSV);
    const fromFile = (await evaluateContract(COUNTERS, 'c.sla', { metrics: [file] })).report;
    for (const aggregates of [true, false]) {
      const { report } = await evaluateContract(COUNTERS, 'c.sla', { sources: [new SeriesMemorySource(data, aggregates)] }, { now: NOV });
      assert.deepEqual(comparable(report), comparable(fromFile));
    }
    const [sep, oct] = results(fromFile, 'delivered');
    // September: a 900 (31 Aug, outside the effective dates, the previous value) → 1000: +100, ok +99.
    assert.deepEqual([sep.samples, sep.attained, sep.status], [1, 99, 'met']);
    // October: a +100 +200, reset 50, +100 = 450, ok 99 + 198 + 45 + 95 = 437; b +100, ok +90.
    assert.deepEqual([oct.samples, oct.attained, oct.status], [5, (100 * 527) / 550, 'breached']);
  });

  it('counters: two samples of one series at one instant are a data error naming the selector, the instant and the series', async () => {
    const { data } = bothForms(CSV);
    data.get('req_total')!.push({ series: 'req_total{instance="a"}', t: Date.UTC(2026, 9, 4), v: 160 });
    await assert.rejects(evaluateContract(COUNTERS, 'c.sla', { sources: [new SeriesMemorySource(data)] }, { now: NOV }), (e: Error) => {
      assert.equal(
        e.message,
        'memory: selector req_total, at 2026-10-04T00:00:00+00:00: a second sample of series req_total{instance="a"} at the same timestamp: under `counters` a series has one value per instant',
      );
      return true;
    });
  });

  it('counters from a source that cannot give series: refused, naming the objective', async () => {
    const { data } = bothForms(CSV);
    const source = new SeriesMemorySource(data);
    const plain: IntervalSource = { name: 'plain', aggregates: true, aggregate: (r) => source.aggregate(r), samples: (s, a, b) => source.samples(s, a, b), seriesExists: async () => true };
    await assert.rejects(evaluateContract(COUNTERS, 'c.sla', { sources: [plain] }, { now: NOV }), /^EvaluationError: plain: objective delivered: indicator orders reads `counters`/);
  });

  // Probe: hourly, 1 September 00:00 to 10 September 24:00 UTC, one hour down; then nothing.
  // Ping: hourly through 31 October 23:00, so the data span ends (horizon) at 1 November 00:00.
  const GAPS = contract(`
  effective 2026-09-01 to 2026-11-30
  indicator probe { kind availability metric "probe" every 1h missing down }
  indicator ping { kind availability metric "ping" }
  objective up { indicator probe target >= 99% window calendar month }
  objective up_covered { indicator probe target >= 99% window calendar month coverage 50% }
  objective ping_up { indicator ping target >= 99% window calendar month }`);
  function gapsCsv(): string {
    const rows = ['timestamp,metric,value'];
    for (let t = Date.UTC(2026, 8, 1); t < Date.UTC(2026, 8, 11); t += 3_600_000) rows.push(`${new Date(t).toISOString()},probe,${t === Date.UTC(2026, 8, 5, 3) ? 0 : 1}`);
    for (let t = Date.UTC(2026, 8, 1); t < NOV; t += 3_600_000) rows.push(`${new Date(t).toISOString()},ping,1`);
    return rows.join('\n');
  }

  it('every + missing down: the gap counts as down and a month without a sample attains 0%; coverage below the boundary is insufficient-data', async () => {
    const { file, data } = bothForms(gapsCsv());
    const fromFile = (await evaluateContract(GAPS, 'c.sla', { metrics: [file] })).report;
    // Files: the horizon is the latest sample plus `every` = 1 November 00:00; a server's is --to.
    for (const aggregates of [true, false]) {
      const { report } = await evaluateContract(GAPS, 'c.sla', { sources: [new SeriesMemorySource(data, aggregates)] }, { now: NOV + 86_400_000, to: NOV });
      assert.deepEqual(comparable(report), comparable(fromFile), `aggregates: ${aggregates}`);
    }
    const [sep, oct] = results(fromFile, 'up');
    // September: 239 of the 720 expected hours up; coverage 240 / 720.
    assert.deepEqual([sep.samples, sep.attained, sep.coverage, sep.status], [240, (100 * 239) / 720, 100 * Math.min(1, (240 * 3_600_000) / (720 * 3_600_000)), 'breached']);
    // October: no probe sample at all, inside the data span: 0% (744 expected hours).
    assert.deepEqual([oct.samples, oct.attained, oct.coverage, oct.status], [0, 0, 0, 'breached']);
    assert.deepEqual(
      results(fromFile, 'up_covered').map((r) => r.status),
      ['insufficient-data', 'insufficient-data'],
    );
  });

  it('missing down with --from and no effective start: no period before --from, whether pushed down, raw or from files', async () => {
    // Ping from 1 August; --from 2026-09-01 (a Tuesday): the weekly objective reads ping from Monday 31 August.
    const FROM = contract(`
  indicator probe { kind availability metric "probe" every 1h missing down }
  indicator ping { kind availability metric "ping" }
  objective up { indicator probe target >= 99% window calendar month }
  objective ping_weekly { indicator ping target >= 99% window calendar week }`);
    const AUG = Date.UTC(2026, 7, 1);
    const SEP = Date.UTC(2026, 8, 1);
    const rows = (since: number) => gapsCsv().split('\n').filter((line, i) => i === 0 || Date.parse(line.split(',')[0]) >= since);
    const earlyPing: string[] = [];
    for (let t = AUG; t < SEP; t += 3_600_000) earlyPing.push(`${new Date(t).toISOString()},ping,1`);
    const { data } = bothForms([...rows(0), ...earlyPing].join('\n'));
    const window = { now: NOV + 86_400_000, from: '2026-09-01T00:00:00Z', to: NOV };
    const pushed = (await evaluateContract(FROM, 'c.sla', { sources: [new SeriesMemorySource(data, true)] }, window)).report;
    const raw = (await evaluateContract(FROM, 'c.sla', { sources: [new SeriesMemorySource(data, false)] }, window)).report;
    assert.deepEqual(comparable(raw), comparable(pushed));
    // The weekly objective does start on 31 August; `up` starts with September, as a file holding the samples from --from on.
    assert.equal(results(pushed, 'ping_weekly')[0].start, '2026-08-31T00:00:00+00:00');
    const fromFile = (await evaluateContract(FROM, 'c.sla', { metrics: [bothForms(rows(SEP).join('\n')).file] })).report;
    assert.deepEqual(results(raw, 'up'), results(fromFile, 'up'));
    assert.deepEqual(
      results(raw, 'up').map((r) => [r.start, r.samples, r.status]),
      [
        ['2026-09-01T00:00:00+00:00', 240, 'breached'],
        ['2026-10-01T00:00:00+00:00', 0, 'breached'],
      ],
    );
  });

  it('a selector that matches no series is a missing metric: an error with a did-you-mean over the names the server knows, no report', async () => {
    const { data } = bothForms(gapsCsv());
    const typo = GAPS.replace('metric "ping"', 'metric "pign"').replace('metric "probe"', 'metric "probe{job=\\"x\\"}"');
    await assert.rejects(evaluateContract(typo, 'c.sla', { sources: [new SeriesMemorySource(data)] }, { now: NOV }), (e: unknown) => {
      assert.ok(e instanceof MissingMetricsError);
      assert.deepEqual(e.problems, [
        'metric "probe{job="x"}" (named by indicator probe) matches no series on the Prometheus server, at any time: the server has metric probe, but no series of it with these labels; check the label matchers',
        'metric "pign" (named by indicator ping) matches no series on the Prometheus server, at any time; did you mean "ping"?',
      ]);
      return true;
    });
    // --allow-missing-metrics: a warning, and `missing down` applies over the data span (ping's): no probe sample, 0%.
    const labels = GAPS.replace('metric "probe"', 'metric "probe{job=\\"x\\"}"');
    const { report } = await evaluateContract(labels, 'c.sla', { sources: [new SeriesMemorySource(data)] }, { now: NOV, allowMissingMetrics: true });
    assert.equal(report.warnings.length, 1);
    assert.deepEqual(
      results(report, 'up').map((r) => [r.attained, r.status]),
      [
        [0, 'breached'],
        [0, 'breached'],
      ],
    );
  });

  it('in Chinese: the missing metric and the data error of a server name the same things', async () => {
    const { data } = bothForms(gapsCsv());
    const typo = GAPS.replace('metric "ping"', 'metric "pign"');
    await assert.rejects(evaluateContract(typo, 'c.sla', { sources: [new SeriesMemorySource(data)] }, { now: NOV, locale: 'zh-CN' }), (e: unknown) => {
      assert.ok(e instanceof MissingMetricsError);
      assert.deepEqual(e.problems, ['指标“pign”（服务等级指标 ping 使用该指标）在 Prometheus 服务器上任何时间都匹配不到序列；您是否要用“ping”？']);
      return true;
    });
    const counters = bothForms(CSV).data;
    counters.get('req_total')!.push({ series: 'req_total{instance="a"}', t: Date.UTC(2026, 9, 4), v: 160 });
    await assert.rejects(
      evaluateContract(COUNTERS, 'c.sla', { sources: [new SeriesMemorySource(counters)] }, { now: NOV, locale: 'zh-CN' }),
      (e: Error) => e.message === 'memory: 序列选择器 req_total，时间 2026-10-04T00:00:00+00:00：序列 req_total{instance="a"} 在同一时间戳有第二个样本：使用 `counters` 时，每个序列在每个时刻只能有一个值',
    );
  });

  it('ratio series that look cumulative draw the same warning as from files', async () => {
    const PLAIN = contract(`
  effective 2026-10-01 to 2026-10-31
  indicator orders { kind availability ratio good "ok" total "req" }
  objective delivered { indicator orders target >= 99% window calendar month }`);
    const hourly = (metric: string, instance: string, values: number[]) => values.map((v, i) => `${new Date(Date.UTC(2026, 9, 1, i)).toISOString()},${metric},${v},${instance}`);
    const tens = Array.from({ length: 10 }, (_, i) => 10 * (i + 1));
    const csv = [
      'timestamp,metric,value,instance',
      ...hourly('req', 'a', tens), // ends at exactly 10 × the first: no warning
      ...hourly('req', 'b', [...tens, 101]), // warning
      ...hourly('ok', 'a', [...tens.slice(0, 9), 5, 1000]), // decreases once: no warning
      ...hourly('ok', 'b', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), // from 0 to above 0: warning
    ].join('\n');
    const { file, data } = bothForms(csv);
    const fromFile = (await evaluateContract(PLAIN, 'c.sla', { metrics: [file] })).report;
    assert.equal(fromFile.warnings.length, 2);
    const { report } = await evaluateContract(PLAIN, 'c.sla', { sources: [new SeriesMemorySource(data)] }, { now: NOV });
    assert.deepEqual([...report.warnings].sort(), [...fromFile.warnings].sort());
    assert.deepEqual(comparable({ ...report, warnings: [] }), comparable({ ...fromFile, warnings: [] }));
  });
});
