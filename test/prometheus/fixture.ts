// The samples of the Prometheus suite, generated once, in two forms: series for the
// backfill (OpenMetrics) and the CSV file a user would export of the same samples (its
// `metric` column holds the indicator's selector string, as files match it exactly). Five
// weeks around the October 2026 daylight-saving change in Berlin, one sample a minute per
// series, outages and latency spikes, and extra samples one millisecond either side of
// every boundary the contract draws (schedule, maintenance, local midnight, the rolling
// windows' ends), where an off-by-one would change the report.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Series } from '../../scripts/prometheus/prometheus';
import { mulberry32 as random } from '../../scripts/prng';
import { generate11 } from './fixture11';

export const CONTRACT = `sla ChatCloud "Chat cloud" {
  version "1.0"
  provider "P"
  customer "C"
  effective 2026-09-29 to 2026-11-01
  timezone "Europe/Berlin"
  fee 1000 EUR per month

  schedule business_hours {
    mon..fri 09:00-18:00
    holidays 2026-10-01, 2026-10-02
  }
  maintenance weekly_window {
    every sun 02:00-04:00
    on 2026-10-14T10:00 for 90m
  }

  indicator probe { kind availability metric "probe_success{job=\\"chat\\"}" }
  indicator success {
    kind availability
    ratio good "http_requests_good{service=\\"chat\\"}" total "http_requests_all{service=\\"chat\\"}"
  }
  indicator latency { kind latency metric "http_request_duration_ms{service=\\"chat\\"}" unit ms }

  objective uptime {
    indicator probe
    target >= 99.5%
    window calendar month
    during business_hours
    excluding weekly_window
  }
  objective uptime_daily { indicator probe target >= 99% window calendar day }
  objective uptime_7d { indicator probe target >= 99% window rolling 7d during business_hours }
  objective success_weekly {
    indicator success
    target >= 99.5%
    window calendar week
    during business_hours
    excluding weekly_window
  }
  objective latency_p95 { indicator latency target p95 <= 300ms window calendar month during business_hours }
  objective latency_avg { indicator latency target avg <= 200ms window calendar week }
  objective latency_max { indicator latency target max <= 2s window rolling 1d }

  compensation for uptime {
    below 99.5% credit 10%
    below 98% credit 25%
  }
  compensation for success_weekly { below 99.5% credit 5% }
  compensation for latency_p95 {
    above 300ms credit 5%
    above 500ms credit 10%
  }
  credits { cap 25% claim within 30d }
  reporting monthly
  review quarterly
}
`;

/** End of the rolling windows: on the minute grid, so samples lie exactly at both ends. */
export const AT = '2026-10-16T18:00:00+02:00';
const AT_MS = Date.parse(AT);

const START = Date.UTC(2026, 8, 27); // Sunday 27 September 2026, 02:00 in Berlin
const END = Date.UTC(2026, 10, 3);
const STEP = 60_000;
const HOUR = 3_600_000;


/** Berlin local time → UTC ms (CEST until 25 October 2026 03:00 local, then CET). */
function berlin(year: number, month: number, day: number, hour: number, minute = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const summer = asUtc < Date.UTC(2026, 9, 25, 3);
  return asUtc - (summer ? 2 : 1) * HOUR;
}

const OUTAGES: [number, number][] = [
  [berlin(2026, 9, 30, 11, 0), berlin(2026, 9, 30, 11, 10)],
  [berlin(2026, 10, 6, 10, 0), berlin(2026, 10, 6, 12, 30)],
  [berlin(2026, 10, 14, 10, 15), berlin(2026, 10, 14, 11, 15)], // inside the one-off maintenance
  [berlin(2026, 10, 20, 14, 0), berlin(2026, 10, 20, 14, 45)],
  [berlin(2026, 10, 26, 9, 0), berlin(2026, 10, 26, 9, 20)], // first business hour after the DST change
];

function inOutage(t: number): boolean {
  return OUTAGES.some(([a, b]) => t >= a && t < b);
}

/** Instants where the report changes if an interval is off by a millisecond. */
function boundaries(): number[] {
  const out: number[] = [];
  for (let d = new Date(START); d.getTime() < END; d = new Date(d.getTime() + 24 * HOUR)) {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    out.push(berlin(y, m, day, 0), berlin(y, m, day, 9), berlin(y, m, day, 18), berlin(y, m, day, 2), berlin(y, m, day, 4));
  }
  out.push(berlin(2026, 10, 14, 10), berlin(2026, 10, 14, 11, 30), AT_MS, AT_MS - 24 * HOUR, AT_MS - 7 * 24 * HOUR);
  return out;
}

export interface Dataset {
  series: Series[];
  /** The same samples as CSV text. */
  csv: string;
  samples: number;
}

export function generate(): Dataset {
  const rng = random(20261016);
  const grid: number[] = [];
  for (let t = START; t < END; t += STEP) grid.push(t);
  const extras = boundaries().flatMap((b) => [b - 1, b + 1]);
  // A series holds one sample per millisecond (Prometheus keeps one): no duplicates.
  const times = [...new Set([...grid, ...extras])].filter((t) => t >= START && t < END).sort((a, b) => a - b);

  const probeChat: number[] = [];
  const probeOther: number[] = [];
  const good = [[], []] as number[][];
  const all = [[], []] as number[][];
  const latency: number[] = [];
  for (const t of times) {
    const down = inOutage(t);
    const offGrid = t % STEP !== 0;
    probeChat.push(down || (offGrid && t % STEP === STEP - 1) || rng() < 0.001 ? 0 : 1);
    probeOther.push(rng() < 0.5 ? 0 : 1);
    for (let i = 0; i < 2; i++) {
      const total = 40 + Math.floor(rng() * 80);
      const bad = down ? Math.floor(total * 0.3) : rng() < 0.05 ? 1 + Math.floor(rng() * 3) : 0;
      all[i].push(total);
      good[i].push(total - bad);
    }
    let ms = 80 + rng() * 120;
    if (down) ms = 400 + rng() * 1100;
    else if (rng() < 0.05) ms = 250 + rng() * 350;
    if (t === AT_MS - 24 * HOUR) ms = 5000; // just outside the rolling 1d window: must not count
    if (t === AT_MS) ms = 1900; // its last instant: counts
    latency.push(Math.round(ms * 10) / 10);
  }

  const series: Series[] = [
    { name: 'probe_success', labels: { job: 'chat' }, times, values: probeChat },
    { name: 'probe_success', labels: { job: 'other' }, times, values: probeOther },
    ...[0, 1].flatMap((i) => [
      { name: 'http_requests_good', labels: { service: 'chat', instance: `i${i}` }, times, values: good[i] },
      { name: 'http_requests_all', labels: { service: 'chat', instance: `i${i}` }, times, values: all[i] },
    ]),
    { name: 'http_request_duration_ms', labels: { service: 'chat' }, times, values: latency },
    // An availability series with one value outside [0, 1] (a data error), in Prometheus only.
    { name: 'probe_success', labels: { job: 'broken' }, times: [berlin(2026, 10, 7, 10), berlin(2026, 10, 7, 10, 1)], values: [1, 2] },
  ];

  // The CSV holds the selector strings of the contract; the other job is not exported.
  const rows: string[] = ['timestamp,metric,value'];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const probe = quote('probe_success{job="chat"}');
  const goodName = quote('http_requests_good{service="chat"}');
  const allName = quote('http_requests_all{service="chat"}');
  const latencyName = quote('http_request_duration_ms{service="chat"}');
  times.forEach((t, k) => {
    const ts = new Date(t).toISOString();
    rows.push(`${ts},${probe},${probeChat[k]}`);
    for (let i = 0; i < 2; i++) rows.push(`${ts},${goodName},${good[i][k]}`, `${ts},${allName},${all[i][k]}`);
    rows.push(`${ts},${latencyName},${latency[k]}`);
  });
  // The servers also hold the language 1.1 samples (fixture11.ts); `samples` counts this fixture's.
  return { series: [...series, ...generate11().series], csv: rows.join('\n') + '\n', samples: series.reduce((n, s) => n + s.times.length, 0) };
}

export function writeCsv(dir: string, dataset: Dataset): string {
  const file = path.join(dir, 'metrics.csv');
  writeFileSync(file, dataset.csv);
  return file;
}
