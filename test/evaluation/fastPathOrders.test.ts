// The CSV fast path for every column order (issue 15, evalfast4): a file headed
// `timestamp,metric,value` reads the three fields one after the other, any other order (and
// label columns anywhere) looks up each column's role. The same rows are written in each
// layout twice: plain (the fast path) and with the timestamp quoted (the general RFC 4180
// path reads every row). Every row must be handed over with the same metric, instant and value
// (exact doubles), the JSON reports must be identical, and a bad row must give the same
// message at the same line. Values include the edge cases of the fast decimal reader.
import * as assert from 'node:assert/strict';
import { evaluateFiles } from '../../server/src/evaluation/index';
import { mulberry32 as seededRandom } from '../../scripts/prng';
import { contract, handedOver, tempFile } from './helpers';

const NAMES = ['http_request_duration_ms', 'probe_success', 'up'];

const TEXT = contract(`
  timezone "Asia/Shanghai"
  effective 2026-10-01 to 2026-11-30
  indicator api { kind latency metric "http_request_duration_ms" unit ms }
  indicator probe { kind availability metric "probe_success" }
  indicator up { kind latency metric "up" unit ms }
  objective p95 { indicator api target p95 <= 300ms window calendar day }
  objective uptime { indicator probe target >= 99.5% window calendar month }
  objective upMean { indicator up target p50 <= 250ms window calendar month }`);

/** Values the fast reader takes itself or hands to the general one: digits, leading zeros, exponents, many digits, fractions without a digit on one side. */
const EDGE_VALUES = [
  '0', '00', '007', '007.50', '1', '5.', '.5', '0.1', '0.30000000000000004', '1e3', '1E3', '2.5e+2', '1e-3', '+2', '-0', '-1.25',
  '123456789012345', '1234567890123456', '12345678901234567890', '9007199254740993', '0.000000000000001', '99999999999999.9',
  '999999999999999.9', '3.14159265358979323846', '0000000000000000001.5', '100.000000000000000001', '1.7976931348623157e308', '4.9e-324',
];

/** Values no reader takes (the row is refused with a message naming it). */
const BAD_VALUES = ['', 'abc', '1.2.3', '--1', 'NaN', 'inf', '1e', '.', '1_000', '0x10', '١٢'];

/** The layouts: the three needed columns in every order, without and with label columns before, between and after them. */
function layouts(): string[][] {
  const orders: string[][] = [];
  const permute = (done: string[], left: string[]) => {
    if (left.length === 0) orders.push(done);
    left.forEach((c, i) => permute([...done, c], [...left.slice(0, i), ...left.slice(i + 1)]));
  };
  permute([], ['timestamp', 'metric', 'value']);
  const out: string[][] = [];
  for (const order of orders) {
    out.push(order);
    out.push(['region', ...order]);
    out.push([order[0], 'region', order[1], order[2]]);
    out.push([...order, 'region', 'pod']);
  }
  return out;
}

interface Row {
  timestamp: string;
  metric: string;
  value: string;
}

/** Rows in time order in October 2026 (shared minutes, then jumps), a few timestamp shapes, latencies from `values` now and then. */
function rows(seed: number, n: number, values: readonly string[]): Row[] {
  const next = seededRandom(seed);
  let t = Date.UTC(2026, 9, 1, 0, 0, 0, 0);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    t += next() < 0.9 ? Math.floor(next() * 700) : Math.floor(next() * 3_600_000);
    const iso = new Date(t).toISOString();
    const form = next();
    const timestamp = form < 0.8 ? iso : form < 0.9 ? `${iso.slice(0, 19)}Z` : `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
    const metric = NAMES[Math.floor(next() * NAMES.length)];
    // Availability samples are 0 or 1 (anything else is refused); the latencies take the edge cases.
    const value = metric === 'probe_success' ? String(next() < 0.99 ? 1 : 0) : next() < 0.2 ? values[Math.floor(next() * values.length)] : (next() * 400).toFixed(1);
    out.push({ timestamp, metric, value });
  }
  return out;
}

/** The rows in a layout; `quoted`: the timestamp in quotes, so that the general path reads every row. */
function csv(layout: string[], data: Row[], quoted: boolean, eol = '\n'): string {
  const field = (row: Row, column: string, i: number): string => {
    if (column === 'timestamp') return quoted ? `"${row.timestamp}"` : row.timestamp;
    if (column === 'metric') return row.metric;
    if (column === 'value') return row.value;
    return `${column}-${i % 3}`;
  };
  return layout.join(',') + eol + data.map((row, i) => layout.map((c) => field(row, c, i)).join(',') + eol).join('');
}

const samplesOf = (file: string) => handedOver(file, 'Asia/Shanghai', (name) => NAMES.indexOf(name));

async function outcome(file: string): Promise<string> {
  try {
    return JSON.stringify((await evaluateFiles(TEXT, 'c.sla', [file], { explain: true, parallel: { workers: 0 } })).report);
  } catch (e) {
    return (e as Error).message.replace(file, 'FILE');
  }
}

describe('evaluation: the CSV fast path in every column order gives the general path\'s results', () => {
  it('every order, label columns anywhere, LF and CRLF: the same rows (exact values, edge cases included) and the identical JSON report', async function () {
    this.timeout(120_000);
    const data = rows(11, 4_000, EDGE_VALUES);
    const nonNegative = data.filter((r) => !r.value.startsWith('-'));
    for (const layout of layouts()) {
      const name = layout.join(',');
      const general = await samplesOf(tempFile('general.csv', csv(layout, data, true)));
      assert.equal(general.samples.length, data.length, name);
      assert.equal(general.batched, 0, `${name}: the general path reads the quoted file`);
      for (const eol of ['\n', '\r\n']) {
        const fast = await samplesOf(tempFile('fast.csv', csv(layout, data, false, eol)));
        // Most rows on the fast path (the edge values it hands to the general reader stay on it too).
        assert.ok(fast.batched > data.length * 0.9, `${name}: ${fast.batched} rows on the fast path`);
        const row = fast.samples.findIndex((x, i) => x !== general.samples[i]);
        assert.deepEqual([fast.samples.length, row, fast.samples[row]], [data.length, -1, undefined], `${name} ${JSON.stringify(eol)}: row ${row} ${JSON.stringify(data[row])}`);
      }
      const expected = await outcome(tempFile('general.csv', csv(layout, nonNegative, true)));
      assert.ok(expected.startsWith('{'), `${name}: ${expected.slice(0, 200)}`);
      assert.equal(await outcome(tempFile('fast.csv', csv(layout, nonNegative, false))), expected, name);
    }
  });

  it('every order: a bad value or timestamp among many rows gives the general path\'s message at the same line', async function () {
    this.timeout(120_000);
    // Past the first batch of rows handed over (1,024), so that the bad row meets a running fast loop.
    const data = rows(12, 1_500, ['12', '2.5']);
    const at = 1_300;
    const bad: Row[] = [
      ...BAD_VALUES.map((value) => ({ ...data[at], value })),
      { ...data[at], value: '1,5' },
      { ...data[at], timestamp: `${data[at].timestamp.slice(0, 17)}61.000Z` },
      { ...data[at], timestamp: `${data[at].timestamp.slice(0, 19)}+24:00` },
      { ...data[at], metric: '' },
    ];
    // Each bad row in a third of the layouts (every order among them), each layout with a third of the bad rows.
    for (const [i, layout] of layouts().entries()) {
      for (const row of bad.filter((_, j) => (i + j) % 3 === 0)) {
        const broken = [...data];
        broken[at] = row;
        const name = `${layout.join(',')} ${JSON.stringify(row)}`;
        const fast = await outcome(tempFile('bad.csv', csv(layout, broken, false)));
        assert.match(fast, new RegExp(`^FILE:${at + 2}: `), `${name}: ${fast.slice(0, 160)}`);
        assert.equal(fast, await outcome(tempFile('bad-general.csv', csv(layout, broken, true))), name);
      }
    }
  });
});
