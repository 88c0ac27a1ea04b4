// LANGUAGE.md section 5, case by case. Every expected value is worked out by hand from the
// samples written here (the comments show how), not taken from a run of the code.
import * as assert from 'node:assert/strict';
import { contract, evaluateCsv, every, results, rows } from './helpers';

const HOUR = 3_600_000;

describe('evaluation: which samples count', () => {
  it('counts business hours in Asia/Shanghai, not holidays, with half-open ranges', async () => {
    const text = contract(`
  timezone "Asia/Shanghai"
  schedule business_hours { mon..fri 09:00-18:00 holidays 2026-10-01 }
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month during business_hours }`);
    const csv = rows('probe_success', [
      ['2026-10-01T02:00:00Z', 0], // Thu 10:00 local, a holiday: left out
      ['2026-10-02T00:59:59Z', 0], // Fri 08:59:59: before the range
      ['2026-10-02T01:00:00Z', 1], // Fri 09:00:00: the start is inside
      ['2026-10-02T09:59:00Z', 0], // Fri 17:59: inside
      ['2026-10-02T10:00:00Z', 0], // Fri 18:00:00: the end is outside
      ['2026-10-03T02:00:00Z', 0], // Sat 10:00: not a weekday
      ['2026-10-05 12:00', 1], // Mon 12:00 local (no offset: contract zone)
    ]);
    const report = await evaluateCsv(text, csv, { explain: true });
    const [r] = results(report, 'uptime');
    // Eligible: 1, 0, 1 → 100 × 2/3.
    assert.equal(r.samples, 3);
    assert.equal(r.attained, (100 * 2) / 3);
    assert.equal(r.status, 'breached');
    assert.equal(r.start, '2026-10-01T00:00:00+08:00');
    assert.equal(r.end, '2026-11-01T00:00:00+08:00');
    assert.deepEqual(r.explain, { outsideEffective: 0, outsideSchedule: 4, inMaintenance: 0, tier: null, capped: false });
  });

  it('leaves out recurring and one-off maintenance windows, start inside and end outside', async () => {
    const text = contract(`
  timezone "Asia/Shanghai"
  maintenance windows {
    every sun 02:00-04:00
    on 2026-10-17T22:00 for 2h
    on 2026-10-20T00:00Z for 30m
  }
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month excluding windows }`);
    const csv = rows('probe_success', [
      ['2026-10-11 01:59', 1], // Sunday, before the window
      ['2026-10-11 02:00', 0], // window start: out
      ['2026-10-11 03:59:59', 0], // out
      ['2026-10-11 04:00', 1], // window end: in
      ['2026-10-17 21:59', 1], // before the one-off window (local time)
      ['2026-10-17 22:00', 0], // out
      ['2026-10-17 23:59:59', 0], // out
      ['2026-10-18 00:00', 1], // its end (a Sunday, but before 02:00): in
      ['2026-10-20T00:15:00Z', 0], // inside the window written with an offset
      ['2026-10-20T00:30:00Z', 1], // its end: in
    ]);
    const report = await evaluateCsv(text, csv, { explain: true });
    const [r] = results(report, 'uptime');
    assert.equal(r.samples, 5);
    assert.equal(r.attained, 100);
    assert.equal(r.status, 'met');
    assert.equal(r.explain?.inMaintenance, 5);
  });

  it('cuts samples outside the effective dates but keeps whole calendar periods', async () => {
    const text = contract(`
  timezone "Asia/Shanghai"
  effective 2026-10-15 to 2026-11-10
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month }`);
    // One sample a day at local noon from 1 September to 30 November.
    const days: [string, number][] = [];
    for (let t = Date.UTC(2026, 8, 1, 4); t < Date.UTC(2026, 11, 1); t += 24 * HOUR) days.push([new Date(t).toISOString(), 1]);
    // 14 October 23:59:59 local is out; 15 October 00:00 is in; 10 November 23:59:59 is in; 11 November 00:00 is out.
    days.push(['2026-10-14 23:59:59', 0], ['2026-10-15 00:00', 1], ['2026-11-10 23:59:59', 1], ['2026-11-11 00:00', 0]);
    const report = await evaluateCsv(text, rows('probe_success', days), { explain: true });
    const r = results(report, 'uptime');
    // September has samples only before the effective dates: no result.
    assert.deepEqual(
      r.map((x) => [x.start, x.end, x.samples, x.explain?.outsideEffective, x.attained]),
      [
        // October: noons of 15..31 (17) + 15 Oct 00:00; left out: noons of 1..14 and 14 Oct 23:59:59.
        ['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00', 18, 15, 100],
        // November: noons of 1..10 + 10 Nov 23:59:59; left out: noons of 11..30 and 11 Nov 00:00.
        ['2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00', 11, 21, 100],
      ],
    );
  });

  it('gives no-data to a period whose samples are all left out, and exits as met', async () => {
    const text = contract(`
  timezone "UTC"
  schedule weekdays_only { weekdays 00:00-24:00 }
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month during weekdays_only }
  compensation for uptime { below 99% credit 10% }
  credits { claim within 30d }`);
    // 3 and 4 October 2026 are a Saturday and a Sunday; 5 October is a Monday.
    const csv = rows('probe_success', [
      ['2026-10-03T10:00:00Z', 0],
      ['2026-10-04T23:59:59Z', 0],
      ['2026-11-07T10:00:00Z', 0],
      ['2026-11-09T00:00:00Z', 1],
    ]);
    const report = await evaluateCsv(text, csv);
    assert.deepEqual(
      results(report, 'uptime').map((r) => [r.start, r.samples, r.attained, r.status, r.credit]),
      [
        ['2026-10-01T00:00:00+00:00', 0, null, 'no-data', 0],
        ['2026-11-01T00:00:00+00:00', 1, 100, 'met', 0],
      ],
    );
    assert.deepEqual(report.credits, []);
  });
});

describe('evaluation: daylight saving time (Europe/Berlin)', () => {
  const text = contract(`
  timezone "Europe/Berlin"
  schedule night { daily 01:00-03:00 }
  indicator probe { kind availability metric "probe_success" }
  objective daily { indicator probe target >= 50% window calendar day }
  objective weekly { indicator probe target >= 50% window calendar week }
  objective nightly { indicator probe target >= 50% window calendar day during night }`);

  it('makes the spring day 23 hours and its week 167 hours long', async () => {
    // Hourly samples on the hour, Monday 23 March 00:00 CET to Monday 30 March 00:00 CEST.
    const hours = every('2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z', HOUR).map((t) => [t, 1] as [string, number]);
    const report = await evaluateCsv(text, rows('probe_success', hours));
    const day = results(report, 'daily').find((r) => r.start.startsWith('2026-03-29'))!;
    assert.deepEqual([day.start, day.end, day.samples], ['2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 23]);
    const before = results(report, 'daily').find((r) => r.start.startsWith('2026-03-28'))!;
    assert.equal(before.samples, 24);
    const week = results(report, 'weekly');
    assert.deepEqual(
      week.map((r) => [r.start, r.end, r.samples]),
      [['2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 167]],
    );
    // 01:00–03:00 on the spring night is one real hour (02:00–03:00 does not exist): 01:00 only.
    const night = results(report, 'nightly').find((r) => r.start.startsWith('2026-03-29'))!;
    assert.equal(night.samples, 1);
    const ordinaryNight = results(report, 'nightly').find((r) => r.start.startsWith('2026-03-28'))!;
    assert.equal(ordinaryNight.samples, 2);
  });

  it('makes the autumn day 25 hours long and 01:00–03:00 three real hours', async () => {
    // Every 30 minutes through 25 October (local), which runs 2026-10-24T22:00Z to 2026-10-25T23:00Z.
    const halfHours = every('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', HOUR / 2).map((t) => [t, 1] as [string, number]);
    const report = await evaluateCsv(text, rows('probe_success', halfHours));
    const [day] = results(report, 'daily');
    assert.deepEqual([day.start, day.end, day.samples], ['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 50]);
    // 01:00 CEST (23:00Z) to 03:00 CET (02:00Z): six half hours.
    const [night] = results(report, 'nightly');
    assert.equal(night.samples, 6);
    // The week of Monday 19 October runs to Monday 26 October 00:00 CET.
    const [week] = results(report, 'weekly');
    assert.deepEqual([week.start, week.end], ['2026-10-19T00:00:00+02:00', '2026-10-26T00:00:00+01:00']);
  });

  it('puts a sample exactly on a period boundary into the period it starts', async () => {
    const report = await evaluateCsv(text, rows('probe_success', [['2026-03-29T22:00:00Z', 1], ['2026-03-29T21:59:59.999Z', 0]]));
    assert.deepEqual(
      results(report, 'daily').map((r) => [r.start, r.samples, r.attained]),
      [
        ['2026-03-29T00:00:00+01:00', 1, 0],
        ['2026-03-30T00:00:00+02:00', 1, 100],
      ],
    );
  });
});

describe('evaluation: attained values', () => {
  const latency = (target: string, extra = '') =>
    contract(`
  indicator api { kind latency metric "lat" }
  objective o { indicator api target ${target} window calendar month }${extra}`);
  const at = (i: number) => new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
  const values = (vs: number[]) => rows('lat', vs.map((v, i) => [at(i), v]));

  it('takes nearest-rank percentiles, with ties and small samples', async () => {
    const cases: [string, number[], number][] = [
      ['p50', [5, 1, 3, 3, 2], 3], // sorted 1 2 3 3 5; rank ⌈2.5⌉ = 3
      ['p95', [5, 1, 3, 3, 2], 5], // rank ⌈4.75⌉ = 5
      ['p20', [5, 1, 3, 3, 2], 1], // rank ⌈1⌉ = 1
      ['p0', [5, 1, 3, 3, 2], 1], // rank 0 → 1
      ['p100', [5, 1, 3, 3, 2], 5],
      ['p50', [7, 7, 7, 1], 7], // sorted 1 7 7 7; rank 2
      ['p99', [42], 42], // n = 1
      ['p95', Array.from({ length: 20 }, (_, i) => 20 - i), 19], // rank exactly 19, not 20
      ['p99.9', Array.from({ length: 1000 }, (_, i) => i + 1), 999], // rank 999
      ['p99.9', Array.from({ length: 1001 }, (_, i) => i + 1), 1000], // rank ⌈999.999⌉ = 1000
    ];
    for (const [aggregate, vs, expected] of cases) {
      const report = await evaluateCsv(latency(`${aggregate} <= 1000ms`), values(vs));
      assert.equal(results(report, 'o')[0].attained, expected, `${aggregate} of ${vs.length} values`);
    }
  });

  it('takes avg, min and max', async () => {
    const vs = [10, 20, 60, 30];
    for (const [aggregate, expected] of [['avg', 30], ['min', 10], ['max', 60]] as const) {
      const report = await evaluateCsv(latency(`${aggregate} <= 1000ms`), values(vs));
      assert.equal(results(report, 'o')[0].attained, expected, aggregate);
    }
  });

  it('converts the target into the indicator unit before comparing', async () => {
    // Default unit of latency is ms: p95 of [400, 600] is 600 ms; 0.5s = 500 ms → breached; 1s → met.
    assert.equal(results(await evaluateCsv(latency('p95 <= 0.5s'), values([400, 600])), 'o')[0].status, 'breached');
    assert.equal(results(await evaluateCsv(latency('p95 <= 1s'), values([400, 600])), 'o')[0].status, 'met');
    // recovery_time defaults to minutes: max 239 min against 4h = 240 min.
    const recovery = contract(`
  indicator r { kind recovery_time metric "rec" }
  objective o { indicator r target max <= 4h window calendar month }`);
    const report = await evaluateCsv(recovery, rows('rec', [[at(0), 239], [at(1), 30]]));
    const [r] = results(report, 'o');
    assert.deepEqual([r.attained, r.status], [239, 'met']);
    assert.deepEqual(report.objectives[0].target, { aggregate: 'max', op: '<=', value: 4, unit: 'h' });
    assert.equal(report.objectives[0].unit, 'min');
    // An indicator in seconds: values are seconds, the target 500ms is 0.5 s.
    const seconds = contract(`
  indicator api { kind latency metric "lat" unit s }
  objective o { indicator api target p50 <= 500ms window calendar month }`);
    assert.deepEqual(
      [results(await evaluateCsv(seconds, values([0.5, 0.5, 0.6])), 'o')[0].attained, results(await evaluateCsv(seconds, values([0.5, 0.5, 0.6])), 'o')[0].status],
      [0.5, 'met'],
    );
  });

  it('treats numbers within a relative 1e-9 as equal: >= and <= hold, > and < do not', async () => {
    // avg of [100.00000001] is 1e-10 relative above 100: equal to the target.
    for (const [target, status] of [['avg <= 100ms', 'met'], ['avg < 100ms', 'breached'], ['avg >= 100ms', 'met'], ['avg > 100ms', 'breached']]) {
      const report = await evaluateCsv(latency(target), values([100.00000001]));
      assert.equal(results(report, 'o')[0].status, status, target);
    }
    // 1e-8 relative is not within the tolerance.
    assert.equal(results(await evaluateCsv(latency('avg <= 100ms'), values([100.000001])), 'o')[0].status, 'breached');
    // The value exactly on the target.
    assert.equal(results(await evaluateCsv(latency('p95 <= 500ms'), values([500])), 'o')[0].status, 'met');
    assert.equal(results(await evaluateCsv(latency('p95 < 500ms'), values([500])), 'o')[0].status, 'breached');
  });

  it('aggregates throughput in its unit, converting rps and rpm', async () => {
    const text = contract(`
  indicator rate { kind throughput metric "rpm" unit rpm }
  objective o { indicator rate target avg >= 2rps window calendar month }`);
    // avg of 100 and 130 rpm is 115 rpm; 2 rps is 120 rpm → breached. 1.9rps = 114 rpm → met.
    const csv = rows('rpm', [[at(0), 100], [at(1), 130]]);
    const [r] = results(await evaluateCsv(text, csv), 'o');
    assert.deepEqual([r.attained, r.status], [115, 'breached']);
    assert.equal(results(await evaluateCsv(text.replace('2rps', '1.9rps'), csv), 'o')[0].status, 'met');
  });

  it('takes 100 × the mean of availability values, which must lie in [0, 1]', async () => {
    const text = contract(`
  indicator probe { kind availability metric "up" }
  objective o { indicator probe target >= 99.9% window calendar month }`);
    // 999 successes in 1000 probes is exactly the target (within the tolerance): met.
    const probes: [string, number][] = Array.from({ length: 1000 }, (_, i) => [at(i), i === 500 ? 0 : 1]);
    const [r] = results(await evaluateCsv(text, rows('up', probes)), 'o');
    assert.ok(Math.abs(r.attained! - 99.9) < 1e-9);
    assert.equal(r.status, 'met');
    // Per-interval ratios: mean of 0.5 and 1 is 75%.
    const [q] = results(await evaluateCsv(text, rows('up', [[at(0), 0.5], [at(1), 1]])), 'o');
    assert.equal(q.attained, 75);
  });

  it('takes 100 × the mean for error_rate, and ratios good/total and bad/total', async () => {
    const text = contract(`
  indicator errors { kind error_rate metric "err" }
  indicator good_requests { kind availability ratio good "ok" total "all" }
  indicator bad_requests { kind error_rate ratio bad "failed" total "all" }
  objective e { indicator errors target <= 1% window calendar month }
  objective g { indicator good_requests target >= 99% window calendar month }
  objective b { indicator bad_requests target <= 1% window calendar month }`);
    const csv =
      rows('err', [[at(0), 0], [at(1), 0.04]]) + // mean 0.02 → 2%
      rows('all', [[at(0), 100], [at(1), 300]]) + // total 400
      rows('ok', [[at(0), 99], [at(1), 297]]) + // good 396 → 99%
      rows('failed', [[at(0), 1], [at(1), 3], [at(2), 0]]); // bad 4 → 1%
    const report = await evaluateCsv(text, csv);
    assert.deepEqual(results(report, 'e').map((r) => [r.samples, r.attained, r.status]), [[2, 2, 'breached']]);
    // samples of a ratio count its total metric's samples.
    assert.deepEqual(results(report, 'g').map((r) => [r.samples, r.attained, r.status]), [[2, 99, 'met']]);
    assert.deepEqual(results(report, 'b').map((r) => [r.samples, r.attained, r.status]), [[2, 1, 'met']]);
  });

  it('gives no-data to a ratio period whose total is 0', async () => {
    const text = contract(`
  indicator good_requests { kind availability ratio good "ok" total "all" }
  objective g { indicator good_requests target >= 99% window calendar month }`);
    const report = await evaluateCsv(text, rows('all', [[at(0), 0]]) + rows('ok', [[at(0), 0]]));
    assert.deepEqual(results(report, 'g').map((r) => [r.samples, r.attained, r.status]), [[1, null, 'no-data']]);
  });
});

describe('evaluation: rolling windows', () => {
  const text = contract(`
  indicator probe { kind availability metric "probe_success" }
  objective daily { indicator probe target >= 50% window rolling 1d }
  objective monthly { indicator probe target >= 50% window calendar month }`);
  // Hourly probes 1 October 00:00Z to 3 October 23:00Z (72), and a sample of another metric later.
  const csv =
    rows('probe_success', every('2026-10-01T00:00:00Z', '2026-10-04T00:00:00Z', HOUR).map((t) => [t, 1] as [string, number])) +
    rows('other_metric', [['2026-10-04T05:30:00Z', 7]]);

  it('ends at the latest sample of any metric by default: (at − D, at]', async () => {
    const report = await evaluateCsv(text, csv);
    // (3 Oct 05:30Z, 4 Oct 05:30Z]: probes 06:00 … 23:00 on 3 October.
    assert.deepEqual(results(report, 'daily'), [
      { start: '2026-10-03T05:30:00+00:00', end: '2026-10-04T05:30:00+00:00', samples: 18, attained: 100, status: 'met', credit: 0, coverage: null },
    ]);
    assert.equal(report.at, '2026-10-04T05:30:00+00:00');
  });

  it('ends at --at, which includes its end and excludes its start, and changes nothing else', async () => {
    const report = await evaluateCsv(text, csv, { at: '2026-10-02T12:00:00Z' });
    // (1 Oct 12:00Z, 2 Oct 12:00Z]: 13:00 … 23:00 (11) and 00:00 … 12:00 (13).
    const [r] = results(report, 'daily');
    assert.deepEqual([r.start, r.end, r.samples], ['2026-10-01T12:00:00+00:00', '2026-10-02T12:00:00+00:00', 24]);
    assert.equal(results(report, 'monthly')[0].samples, 72);
  });

  it('always gives one result, no-data when nothing is eligible', async () => {
    const report = await evaluateCsv(text, csv, { at: '2026-12-01 00:00' });
    assert.deepEqual(results(report, 'daily'), [
      { start: '2026-11-30T00:00:00+00:00', end: '2026-12-01T00:00:00+00:00', samples: 0, attained: null, status: 'no-data', credit: 0, coverage: null },
    ]);
  });

  it('keeps only what the window can still hold while reading, in any order', async () => {
    // 20 000 per-minute probes, the second half first; the last day holds 1 440 of them, 60 failed.
    const minutes = every('2026-10-01T00:00:00Z', '2026-10-14T21:20:00Z', 60_000);
    assert.equal(minutes.length, 20_000);
    const all = minutes.map((t, i) => [t, i >= 20_000 - 60 ? 0 : 1] as [string, number]);
    const samples = [...all.slice(10_000), ...all.slice(0, 10_000)];
    const report = await evaluateCsv(text, rows('probe_success', samples));
    const [r] = results(report, 'daily');
    assert.equal(r.samples, 1440);
    assert.equal(r.attained, (100 * 1380) / 1440);
  });
});

describe('evaluation: credits', () => {
  const text = contract(`
  timezone "Asia/Shanghai"
  fee 12000 CNY per month
  indicator probe { kind availability metric "up" }
  indicator api { kind latency metric "lat" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective latency { indicator api target p95 <= 500ms window calendar month }
  compensation for uptime {
    below 99.9% credit 10%
    below 99% credit 30%
    below 95% credit 50%
  }
  compensation for latency {
    above 500ms credit 5%
    above 1s credit 40%
  }
  credits { cap 50% claim within 30d }`);
  const at = (day: number, i: number) => new Date(Date.UTC(2026, 8, day) + i * 60_000).toISOString();
  /** n probes on a day of September 2026 (2026-09-day, UTC), `failed` of them 0. */
  const probes = (day: number, n: number, failed: number) =>
    rows('up', Array.from({ length: n }, (_, i) => [at(day, i), i < failed ? 0 : 1] as [string, number]));

  it('owes the most severe tier that holds; a threshold exactly met is not a breach of that tier', async () => {
    // 99 of 100 is exactly 99%: `below 99%` does not hold, `below 99.9%` does → 10%.
    // Only probes: latency's metric is allowed to be missing (an error otherwise since 1.1).
    const report = await evaluateCsv(text, probes(10, 100, 1), { explain: true, allowMissingMetrics: true });
    const [r] = results(report, 'uptime');
    assert.deepEqual([r.status, r.credit], ['breached', 10]);
    assert.deepEqual(r.explain?.tier, { direction: 'below', threshold: 99.9, unit: '%', credit: 10 });
    // 94 of 100: below 99.9, 99 and 95 all hold; the most severe is 95 → 50%.
    const worse = results(await evaluateCsv(text, probes(10, 100, 6), { allowMissingMetrics: true }), 'uptime')[0];
    assert.equal(worse.credit, 50);
  });

  it('owes nothing for a met period and 0% for a breach no tier covers', async () => {
    const latencyOnly = contract(`
  indicator api { kind latency metric "lat" }
  objective latency { indicator api target p95 <= 500ms window calendar month }
  compensation for latency { above 1s credit 40% }
  credits { claim within 30d }`);
    const report = await evaluateCsv(latencyOnly, rows('lat', [[at(1, 0), 800]]), { explain: true });
    const [r] = results(report, 'latency');
    assert.deepEqual([r.status, r.credit, r.explain?.tier], ['breached', 0, null]);
    assert.deepEqual(report.credits, []);
  });

  it('adds the credits of objectives over the same interval, cuts the sum at the cap, and prices it', async () => {
    // September: uptime 96/100 → below 99 → 30%; latency p95 = 1000 ms, not above 1s → 5%. Sum 35%.
    // October: uptime 90/100 → 50%; latency 1500 ms → 40%. Sum 90%, capped at 50%.
    const csv =
      probes(10, 100, 4) +
      rows('lat', [[at(10, 0), 1000]]) +
      rows('up', Array.from({ length: 100 }, (_, i) => [`2026-10-10T00:${String(i % 60).padStart(2, '0')}:0${Math.floor(i / 60)}Z`, i < 10 ? 0 : 1] as [string, number])) +
      rows('lat', [['2026-10-10T00:00:00Z', 1500]]);
    const report = await evaluateCsv(text, csv, { explain: true });
    assert.deepEqual(results(report, 'uptime').map((r) => [r.credit, r.explain?.capped]), [[30, false], [50, true]]);
    assert.deepEqual(results(report, 'latency').map((r) => [r.attained, r.credit, r.explain?.capped]), [[1000, 5, false], [1500, 40, true]]);
    assert.deepEqual(
      report.credits.map(({ start, end, percent, amount, currency }) => ({ start, end, percent, amount, currency })),
      [
        { start: '2026-09-01T00:00:00+08:00', end: '2026-10-01T00:00:00+08:00', percent: 35, amount: 4200, currency: 'CNY' },
        { start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', percent: 50, amount: 6000, currency: 'CNY' },
      ],
    );
  });

  it('leaves the amount null when the fee is charged per another period, and without a fee; no cap means 100%', async () => {
    const quarterly = contract(`
  fee 30000 USD per quarter
  indicator probe { kind availability metric "up" }
  objective a { indicator probe target >= 99.9% window calendar month }
  objective b { indicator probe target >= 99.9% window calendar quarter }
  compensation for a { below 99.9% credit 70% }
  compensation for b { below 99.9% credit 60% }
  credits { claim within 30d }`);
    const report = await evaluateCsv(quarterly, probes(10, 10, 5));
    assert.deepEqual(
      report.credits.map(({ start, end, percent, amount, currency }) => ({ start, end, percent, amount, currency })),
      [
        // The month and the quarter are different intervals: not added up.
        { start: '2026-07-01T00:00:00+00:00', end: '2026-10-01T00:00:00+00:00', percent: 60, amount: 18000, currency: 'USD' },
        { start: '2026-09-01T00:00:00+00:00', end: '2026-10-01T00:00:00+00:00', percent: 70, amount: null, currency: null },
      ],
    );
    const noFee = quarterly.replace('fee 30000 USD per quarter', '');
    const free = await evaluateCsv(noFee, probes(10, 10, 5));
    assert.deepEqual(free.credits.map((c) => [c.percent, c.amount, c.currency]), [[60, null, null], [70, null, null]]);
  });

  it('owes no credit for rolling windows', async () => {
    const rolling = contract(`
  indicator probe { kind availability metric "up" }
  objective a { indicator probe target >= 99.9% window rolling 30d }
  compensation for a { below 99.9% credit 70% }
  credits { claim within 30d }`);
    const report = await evaluateCsv(rolling, probes(10, 10, 5));
    assert.deepEqual(results(report, 'a').map((r) => [r.status, r.credit]), [['breached', 0]]);
    assert.deepEqual(report.credits, []);
  });
});
