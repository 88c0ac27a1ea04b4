// Generates samples/metrics/ for samples/lanying-im.sla (and zh/ for lanying-im.zh.sla, orders/
// for order-service.sla): two months (September and October
// 2026, Asia/Shanghai) of per-minute availability probes, request latency observations and
// incident recovery times, as CSV and as Prometheus query_range JSON holding the same
// samples. Deterministic (seeded PRNG): running it again writes the same bytes.
//
//   npx tsx scripts/generate-sample-metrics.ts [OUTPUT_DIR]   (default: samples/metrics)
//
// The story: September is quiet (every objective met). October has a 100-minute outage
// during business hours on Tuesday 20 October, a latency degradation from 19 to 23
// October, and a P2 incident that took 310 minutes to recover: availability, latency and
// recovery objectives are breached and credits are owed.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { mulberry32 as prng } from './prng';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'samples', 'metrics'));
const ZONE_OFFSET = 8 * 3600; // Asia/Shanghai has no daylight saving time
const START = Date.UTC(2026, 8, 1) / 1000 - ZONE_OFFSET; // 2026-09-01T00:00+08:00
const END = Date.UTC(2026, 10, 1) / 1000 - ZONE_OFFSET; // 2026-11-01T00:00+08:00
const LATENCY_STEP = 600; // one latency observation every 10 minutes

const random = prng(20261020);

/** Local wall clock of a Unix time in Asia/Shanghai. */
function local(unix: number): { date: string; time: string; day: number; hour: number; minute: number } {
  const d = new Date((unix + ZONE_OFFSET) * 1000);
  const iso = d.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), day: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`) / 1000;

// --- availability probes: per minute, the share of the three regional probes that succeeded.
const OUTAGE = [at('2026-10-20', '10:12'), at('2026-10-20', '11:52')]; // all regions fail
const PARTIAL = [
  [at('2026-09-16', '15:20'), at('2026-09-16', '15:24')], // one region for 4 minutes (incident of 95 min, mostly degraded)
  [at('2026-10-11', '02:10'), at('2026-10-11', '03:40')], // inside the Sunday maintenance window
  [at('2026-10-17', '22:30'), at('2026-10-17', '23:30')], // inside the one-off maintenance window
];
const probes: [number, number][] = [];
for (let t = START; t < END; t += 60) {
  let ok = 3;
  if (t >= OUTAGE[0] && t < OUTAGE[1]) ok = 0;
  else if (PARTIAL.some(([s, e]) => t >= s && t < e)) ok = 2;
  else if (random() < 0.0006) ok = 2; // a region's probe times out now and then
  probes.push([t, ok / 3]);
}

// --- latency: one observed request duration (ms) every five minutes; log-normal around 140 ms,
// degraded (about 5× slower) from 19 to 23 October while a storage node was rebuilt.
const DEGRADED = [at('2026-10-19', '00:00'), at('2026-10-24', '00:00')];
const latency: [number, number, string][] = [];
const ENDPOINTS = ['/v1/messages', '/v1/presence', '/v1/sessions'];
for (let t = START; t < END; t += LATENCY_STEP) {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let ms = 140 * Math.exp(0.45 * normal);
  if (t >= DEGRADED[0] && t < DEGRADED[1]) ms *= 5;
  latency.push([t + Math.floor(random() * 60), Math.round(ms * 10) / 10, ENDPOINTS[Math.floor(random() * 3)]]);
}

// --- incident recovery: minutes from the opening of each P1/P2 incident to recovery,
// stamped at the opening of the incident.
const recovery: [number, number, string][] = [
  [at('2026-09-16', '15:20'), 95, 'INC-2026-0916'],
  [at('2026-10-20', '10:12'), 100, 'INC-2026-1020'],
  [at('2026-10-27', '03:10'), 310, 'INC-2026-1027'],
];

// --- writing
const iso = (unix: number) => {
  const l = local(unix);
  return `${l.date}T${l.time}+08:00`;
};
const naive = (unix: number) => {
  const l = local(unix);
  return `${l.date} ${l.time.slice(0, 5)}`;
};
const value = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/0+$/, ''));

mkdirSync(path.join(OUT, 'csv'), { recursive: true });
mkdirSync(path.join(OUT, 'prometheus'), { recursive: true });

// Probes use local times without an offset (read in the contract's zone); the other files RFC 3339.
writeFileSync(
  path.join(OUT, 'csv', 'probes.csv'),
  'timestamp,metric,value\n' + probes.map(([t, v]) => `${naive(t)},probe_success,${value(v)}\n`).join(''),
);
writeFileSync(
  path.join(OUT, 'csv', 'latency.csv'),
  'metric,timestamp,value,endpoint\n' +
    latency.map(([t, v, e]) => `http_request_duration_ms,${iso(t)},${value(v)},${e}\n`).join(''),
);
writeFileSync(
  path.join(OUT, 'csv', 'recovery.csv'),
  'timestamp,metric,value,incident\n' +
    recovery.map(([t, v, id]) => `${iso(t)},incident_recovery_minutes,${v},"${id}"\n`).join(''),
);

/** A query_range response with one series, one sample per line. */
function matrix(name: string, labels: Record<string, string>, samples: [number, number][]): string {
  const metric = JSON.stringify({ __name__: name, ...labels });
  const values = samples.map(([t, v]) => `[${t},"${value(v)}"]`).join(',\n');
  return `{"status":"success","data":{"resultType":"matrix","result":[{"metric":${metric},"values":[\n${values}\n]}]}}\n`;
}
writeFileSync(
  path.join(OUT, 'prometheus', 'probes.json'),
  matrix('probe_success', { job: 'blackbox', service: 'chat_api' }, probes),
);
writeFileSync(
  path.join(OUT, 'prometheus', 'latency.json'),
  matrix('http_request_duration_ms', { job: 'chat-gateway' }, latency.map(([t, v]) => [t, v])),
);
writeFileSync(
  path.join(OUT, 'prometheus', 'recovery.json'),
  matrix('incident_recovery_minutes', { job: 'incident-tracker' }, recovery.map(([t, v]) => [t, v])),
);

// --- samples/order-service.sla (language 1.1): hourly checkout probe summaries from 25 August
// to 10 October 2026 (local), with a 3-hour outage on 16 September and a 6-hour gap on 22
// September (no samples: `missing down` counts it as down); order counters of two instances,
// scraped hourly, instance b restarting (a counter reset) on 14 September 10:00.
const ORDERS_START = at('2026-08-25', '00:00');
const ORDERS_END = at('2026-10-11', '00:00');
const HOUR = 3600;
const CHECKOUT_OUTAGE = [at('2026-09-16', '14:00'), at('2026-09-16', '17:00')];
const PROBE_GAP = [at('2026-09-22', '02:00'), at('2026-09-22', '08:00')];
const RESTART = at('2026-09-14', '10:00');
const orderRows: string[] = [];
const counters = { a: { ok: 51234, total: 51300 }, b: { ok: 88000, total: 88102 } };
for (let t = ORDERS_START; t < ORDERS_END; t += HOUR) {
  const down = t >= CHECKOUT_OUTAGE[0] && t < CHECKOUT_OUTAGE[1];
  if (!(t >= PROBE_GAP[0] && t < PROBE_GAP[1])) {
    const ratio = down ? 0 : 1 - Math.floor(random() * 4) / 1000;
    orderRows.push(`${iso(t)},checkout_probe_success_ratio,${value(ratio)},checkout\n`);
  }
  for (const instance of ['a', 'b'] as const) {
    const c = counters[instance];
    if (instance === 'b' && t === RESTART) {
      c.ok = 0;
      c.total = 0;
    }
    const orders = 300 + Math.floor(random() * 200);
    const failed = down ? Math.floor(orders * 0.6) : Math.floor(random() * 3);
    c.total += orders;
    c.ok += orders - failed;
    orderRows.push(`${iso(t)},orders_total,${c.total},${instance}\n`, `${iso(t)},orders_ok_total,${c.ok},${instance}\n`);
  }
}
mkdirSync(path.join(OUT, 'orders'), { recursive: true });
writeFileSync(path.join(OUT, 'orders', 'orders.csv'), 'timestamp,metric,value,instance\n' + orderRows.join(''));

// --- samples/lanying-im.zh.sla (the same contract in Chinese, with the 2026 National Day
// holidays and their make-up working days, 调休): September and October 2026, its own seed so
// that the files above do not change. Probes are exact (no random failures) so that the
// results can be worked by hand; business hours 09:00-18:00 on working days:
// - 2026-09-20 (Sunday, a make-up working day) 10:00-10:06: 6 minutes down, counted;
// - 2026-09-25 (Friday, Mid-Autumn holiday) 10:00-12:00: 120 minutes down, not counted;
//   September: 22 working days × 540 min = 11880 min, 11874 up: 99.9495%, met;
// - 2026-10-02 (Friday, National Day holiday) 09:00-14:00: 300 minutes down, not counted;
// - 2026-10-10 (Saturday, a make-up working day) 14:00-14:45: 45 minutes down, counted;
//   October: 18 working days × 540 min = 9720 min, 9675 up: 99.5370%, breached, credit 10%.
// Latency: log-normal around 140 ms every 10 minutes, met in both months.
const zhRandom = prng(20261010);
const ZH_DOWN = [
  [at('2026-09-20', '10:00'), at('2026-09-20', '10:06')],
  [at('2026-09-25', '10:00'), at('2026-09-25', '12:00')],
  [at('2026-10-02', '09:00'), at('2026-10-02', '14:00')],
  [at('2026-10-10', '14:00'), at('2026-10-10', '14:45')],
];
const zhProbes: string[] = [];
for (let t = START; t < END; t += 60) {
  const down = ZH_DOWN.some(([s, e]) => t >= s && t < e);
  zhProbes.push(`${naive(t)},probe_success,${down ? 0 : 1}\n`);
}
const zhLatency: string[] = [];
for (let t = START; t < END; t += LATENCY_STEP) {
  const normal = Math.sqrt(-2 * Math.log(1 - zhRandom())) * Math.cos(2 * Math.PI * zhRandom());
  const ms = Math.round(140 * Math.exp(0.45 * normal) * 10) / 10;
  zhLatency.push(`http_request_duration_ms,${iso(t + Math.floor(zhRandom() * 60))},${value(ms)}\n`);
}
mkdirSync(path.join(OUT, 'zh'), { recursive: true });
writeFileSync(path.join(OUT, 'zh', 'probes.csv'), 'timestamp,metric,value\n' + zhProbes.join(''));
writeFileSync(path.join(OUT, 'zh', 'latency.csv'), 'metric,timestamp,value\n' + zhLatency.join(''));

console.log(`wrote ${probes.length} probes, ${latency.length} latency observations, ${recovery.length} recoveries to ${path.relative(ROOT, OUT)}/`);
