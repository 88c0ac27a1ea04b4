// Language 1.1 samples for the Prometheus suite, loaded into both servers with the main
// fixture's (new metric names, so the other tests do not see them), and the same samples as
// CSV files. Contract time zone UTC throughout.
// - heartbeat{job="chat"}: every 5 minutes from 1 to 10 September (one hour down on the 5th),
//   then nothing: under `every 5m` + `missing down` the rest of September and all of October
//   count as down; pulse{job="chat"} (every 5 minutes, 1 September to 31 October) makes the
//   data span reach 1 November 00:00.
// - shop_requests_total / shop_requests_ok_total, hourly cumulative counters: instance a from
//   30 September 23:00 (before the effective dates: only a previous value) with a reset on
//   15 October; instance b from 0 on 2 October.
import type { Series } from '../../scripts/prometheus/prometheus';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SEP = Date.UTC(2026, 8, 1);
const BEAT_END = Date.UTC(2026, 8, 11);
const NOV = Date.UTC(2026, 10, 1);
const OUTAGE: [number, number] = [Date.UTC(2026, 8, 5, 10), Date.UTC(2026, 8, 5, 11)];
const RESET = Date.UTC(2026, 9, 15);

/** The data span's end for files (latest sample plus `every`), given to a server as --to. */
export const HORIZON = '2026-11-01T00:00:00Z';

export const BEAT_CONTRACT = `sla Beat {
  version "1.1"
  provider "P"
  customer "C"
  effective 2026-09-01 to 2026-11-30
  indicator beat { kind availability metric "heartbeat{job=\\"chat\\"}" every 5m missing down }
  indicator pulse { kind availability metric "pulse{job=\\"chat\\"}" }
  objective up { indicator beat target >= 99% window calendar month }
  objective up_covered { indicator beat target >= 99% window calendar month coverage 50% }
  objective up_daily { indicator beat target >= 99% window calendar day coverage 90% }
  objective pulse_up { indicator pulse target >= 99% window calendar month }
  reporting monthly
  review yearly
}
`;

export const SHOP_CONTRACT = `sla Shop {
  version "1.1"
  provider "P"
  customer "C"
  effective 2026-10-01 to 2026-10-31
  indicator orders { kind availability ratio good "shop_requests_ok_total" total "shop_requests_total" counters }
  indicator orders_plain { kind availability ratio good "shop_requests_ok_total" total "shop_requests_total" }
  objective delivered { indicator orders target >= 99.5% window calendar month }
  objective delivered_weekly { indicator orders target >= 99.5% window calendar week }
  objective plain { indicator orders_plain target >= 99.5% window calendar month }
  reporting monthly
  review yearly
}
`;

function grid(start: number, end: number, step: number): number[] {
  const out: number[] = [];
  for (let t = start; t < end; t += step) out.push(t);
  return out;
}

interface Dataset11 {
  series: Series[];
  /** heartbeat and pulse as CSV (timestamp,metric,value; the metric column holds the selector). */
  beatCsv: string;
  /** The counters as CSV with an instance column (each instance a series, as on the server). */
  shopCsv: string;
}

export function generate11(): Dataset11 {
  const beatTimes = grid(SEP, BEAT_END, 5 * MINUTE);
  const beat = beatTimes.map((t) => (t >= OUTAGE[0] && t < OUTAGE[1] ? 0 : 1));
  const pulseTimes = grid(SEP, NOV, 5 * MINUTE);
  const pulse = pulseTimes.map(() => 1);
  // a: 1000 at 30 September 23:00, +100 an hour (ok +99), reset to 40 (ok 36) on 15 October.
  const aTimes = grid(Date.UTC(2026, 8, 30, 23), NOV, HOUR);
  const aReq: number[] = [];
  const aOk: number[] = [];
  for (const t of aTimes) {
    const after = t >= RESET;
    const k = (after ? t - RESET : t - aTimes[0]) / HOUR;
    aReq.push(after ? 40 + 100 * k : 1000 + 100 * k);
    aOk.push(after ? 36 + 99 * k : 990 + 99 * k);
  }
  // b: from 0 on 2 October 00:00, +50 an hour, all good.
  const bTimes = grid(Date.UTC(2026, 9, 2), NOV, HOUR);
  const b = bTimes.map((_, k) => 50 * k);
  const series: Series[] = [
    { name: 'heartbeat', labels: { job: 'chat' }, times: beatTimes, values: beat },
    { name: 'pulse', labels: { job: 'chat' }, times: pulseTimes, values: pulse },
    { name: 'shop_requests_total', labels: { instance: 'a' }, times: aTimes, values: aReq },
    { name: 'shop_requests_ok_total', labels: { instance: 'a' }, times: aTimes, values: aOk },
    { name: 'shop_requests_total', labels: { instance: 'b' }, times: bTimes, values: b },
    { name: 'shop_requests_ok_total', labels: { instance: 'b' }, times: bTimes, values: b },
  ];
  const iso = (t: number) => new Date(t).toISOString();
  const beatRows = ['timestamp,metric,value'];
  beatTimes.forEach((t, k) => beatRows.push(`${iso(t)},"heartbeat{job=""chat""}",${beat[k]}`));
  pulseTimes.forEach((t, k) => beatRows.push(`${iso(t)},"pulse{job=""chat""}",${pulse[k]}`));
  const shopRows = ['timestamp,metric,value,instance'];
  for (const s of series.slice(2)) Array.from(s.times).forEach((t, k) => shopRows.push(`${iso(t)},${s.name},${s.values[k]},${s.labels.instance}`));
  return { series, beatCsv: beatRows.join('\n') + '\n', shopCsv: shopRows.join('\n') + '\n' };
}
