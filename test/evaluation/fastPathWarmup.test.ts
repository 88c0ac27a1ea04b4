// The CSV fast path's first rows and rare paths (issue 15, evalfast6): a scanner's first calls
// of the fast loop read short runs (the record that crosses a run's end goes to the general
// reader), a record starting within 32 bytes of a buffer's end and a metric name not seen yet
// are left to the general reader, and a thread reading a file in parts keeps its scanner from
// one chunk to the next. None of this may change a row: every row's metric, instant and value
// as the fast path hands them over equal the general path's, the reports are identical, and a
// bad row gives the same message at the same line, in one thread and in parts.
import * as assert from 'node:assert/strict';
import { evaluateFiles } from '../../server/src/evaluation/index';
import { mulberry32 as seededRandom } from '../../scripts/prng';
import { contract, handedOver, tempFile } from './helpers';

/** 80 names (more than the 64 spellings the fast path remembers), short and long. */
const NAMES = Array.from({ length: 80 }, (_, i) => (i % 3 === 0 ? `m${i}` : i % 3 === 1 ? `http_request_duration_ms_${i}` : `probe_success_${i}`));

const TEXT = contract(`
  timezone "Asia/Shanghai"
  effective 2026-09-01 to 2026-12-31
${[0, 1, 2, 70, 79].map((i) => `  indicator i${i} { kind latency metric "${NAMES[i]}" unit ms }`).join('\n')}
${[0, 1, 2, 70, 79].map((i) => `  objective o${i} { indicator i${i} target p95 <= 300ms window calendar day }`).join('\n')}
${[0, 1, 2, 70, 79].map((i) => `  objective a${i} { indicator i${i} target avg <= 250ms window calendar month }`).join('\n')}`);

type Row = [string, string, string];

/**
 * Rows in time order from 2026-09-30: timestamps with milliseconds or seconds only (rows of
 * 26 bytes and of 60), names from the first `known` at first and each later one first seen
 * after row 400 × its index (the last ones after several 256 KiB buffers).
 */
function rows(seed: number, n: number): Row[] {
  const next = seededRandom(seed);
  let t = Date.UTC(2026, 8, 30, 15, 59, 58, 0);
  return Array.from({ length: n }, (_, i): Row => {
    t += next() < 0.9 ? Math.floor(next() * 700) : Math.floor(next() * 3_600_000);
    const iso = new Date(t).toISOString();
    const seen = Math.min(NAMES.length, 3 + Math.floor(i / 400));
    // Mostly the first three names, alternating as in real files; now and then any name seen so far.
    const metric = next() < 0.8 ? NAMES[i % 3] : NAMES[Math.floor(next() * seen)];
    return [next() < 0.4 ? `${iso.slice(0, 19)}Z` : iso, metric, next() < 0.3 ? String(Math.floor(next() * 2)) : (next() * 400).toFixed(1)];
  });
}

const plain = (r: Row[], eol = '\n') => 'timestamp,metric,value' + eol + r.map((x) => x.join(',') + eol).join('');
/** Every timestamp quoted: the general (RFC 4180) path reads every row. */
const general = (r: Row[]) => 'timestamp,metric,value\n' + r.map(([t, m, v]) => `"${t}",${m},${v}\n`).join('');

const samplesOf = (file: string) => handedOver(file, 'Asia/Shanghai', (name) => NAMES.indexOf(name));

async function outcome(file: string, parallel: { workers: number; everyThread?: boolean }): Promise<string> {
  try {
    return JSON.stringify((await evaluateFiles(TEXT, 'c.sla', [file], { explain: true, parallel: { minBytes: 0, ...parallel } })).report);
  } catch (e) {
    return (e as Error).message.replace(file, 'FILE');
  }
}

describe('evaluation: the CSV fast path\'s short first runs, buffer ends and new names (evalfast6)', () => {
  const data = rows(11, 40_000);
  let expected: string[];

  before(async () => {
    expected = (await samplesOf(tempFile('general.csv', general(data)))).samples;
    assert.equal(expected.length, data.length);
  });

  for (const [label, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`${label}: 40,000 rows of 26 to 60 bytes over five 256 KiB buffers, 80 names first seen late: the general path's rows, nearly all in batches`, async () => {
      const text = plain(data, eol);
      assert.ok(text.length > 4 * (256 << 10), 'several read buffers');
      const { samples, batched } = await samplesOf(tempFile('plain.csv', text));
      // The first row that differs (a deepEqual diff of 40,000 rows takes minutes to print).
      const row = samples.findIndex((x, i) => x !== expected[i]);
      assert.deepEqual([samples.length, row, samples[row]], [expected.length, -1, undefined], `row ${row}: ${data[row]}`);
      // The general reader takes the row crossing each short run's end (32), each buffer's last
      // rows, and the first row of each name beyond the first ones (77): a few hundred at most.
      assert.ok(batched > data.length - 600, `${batched} of ${data.length} rows in batches`);
    });
  }

  it('the same report in one thread, from the general path, and in parts where a thread reads several chunks with one scanner', async () => {
    const file = tempFile('plain.csv', plain(data));
    const one = await outcome(file, { workers: 0 });
    assert.ok(one.startsWith('{'), one.slice(0, 200));
    assert.equal(await outcome(tempFile('general.csv', general(data)), { workers: 0 }), one);
    // Two threads: 8 chunks, so one thread reads at least two; three where every worker reads one.
    assert.equal(await outcome(file, { workers: 2 }), one);
    assert.equal(await outcome(file, { workers: 3, everyThread: true }), one);
  });

  it('a bad row in a late chunk: the same message and line in parts as in one thread', async () => {
    for (const at of [1, 700, 35_000, 39_999]) {
      const broken = data.map((r) => [...r] as Row);
      broken[at] = [broken[at][0], broken[at][1], '12,5'];
      const file = tempFile('bad.csv', plain(broken));
      const one = await outcome(file, { workers: 0 });
      assert.match(one, new RegExp(`^FILE:${at + 2}: `), one.slice(0, 200));
      assert.equal(await outcome(file, { workers: 2 }), one, `row ${at}, two threads`);
      assert.equal(await outcome(file, { workers: 3, everyThread: true }), one, `row ${at}, three threads`);
    }
  });
});
