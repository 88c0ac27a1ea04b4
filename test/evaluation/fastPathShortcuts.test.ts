// The CSV fast path's shortcuts (issue 15, evalfast3): a timestamp whose `YYYY-MM-DD?HH:MM`
// equals the previous row's reuses its instant (two 8-byte compares), `:ss.mmm` is read as two
// 32-bit words, and metric names of 8 bytes or more are compared 8 bytes at a time. Rows in
// time order (so the prefix is shared and changes at minute, hour, day, month and DST
// boundaries), names that share a prefix or differ in one byte: the fast path (LF and CRLF)
// and the general path must give the identical JSON report, and a bad row the same message
// at the same line.
import * as assert from 'node:assert/strict';
import { evaluateFiles, type Report } from '../../server/src/evaluation/index';
import { wideWords } from '../../server/src/evaluation/sources/csv';
import { contract, handedOver, tempFile } from './helpers';

// Confusable names: one byte apart in the first 8-byte word, in the last (overlapping) word,
// one a prefix of another, shorter than 8 bytes (32-bit words), and not ASCII.
const NAMES = ['lat_a_service_ms', 'lat_a_service_mz', 'lat_b_service_ms', 'lat_a_service_ms2', 'probe_succes', 'probe_success', 'latency', 'latencz', 'up', 'upx', '延迟_毫秒'];

const TEXT = contract(`
  timezone "Europe/Berlin"
  effective 2026-10-24 to 2026-11-30
${NAMES.map((n, i) => `  indicator i${i} { kind latency metric "${n}" unit ms }`).join('\n')}
${NAMES.map((_, i) => `  objective o${i} { indicator i${i} target p${50 + 4 * i} <= 300ms window calendar day }`).join('\n')}
${NAMES.map((_, i) => `  objective m${i} { indicator i${i} target p90 <= 250ms window calendar month }`).join('\n')}`);

function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

/** Local wall-clock time in Europe/Berlin, `YYYY-MM-DD HH:MM:SS` (read in the contract's zone). */
function naiveBerlin(t: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Rows in time order from 2026-10-24 past the end of October (Berlin's DST ends on the 25th): runs within a minute, then jumps. */
function rows(seed: number, n: number): [string, string, string][] {
  const next = random(seed);
  let t = Date.UTC(2026, 9, 24, 22, 58, 59, 500);
  const out: [string, string, string][] = [];
  for (let i = 0; i < n; i++) {
    const jump = next();
    t += jump < 0.8 ? Math.floor(next() * 900) : jump < 0.95 ? Math.floor(next() * 120_000) : Math.floor(next() * 7_200_000);
    const iso = new Date(t).toISOString();
    const form = next();
    const timestamp =
      form < 0.7
        ? iso
        : form < 0.75
          ? `${iso.slice(0, 19)}Z`
          : form < 0.8
            ? `${iso.slice(0, 19)}.${String(t % 1000).padStart(3, '0')}4Z`
            : form < 0.85
              ? `${iso.slice(0, 19)}.${Math.floor((t % 1000) / 100)}Z`
              : form < 0.9
                ? `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`
                : form < 0.95
                  ? `${iso.slice(0, 10)}t${iso.slice(11)}`
                  : naiveBerlin(t);
    const metric = NAMES[Math.floor(next() * NAMES.length)];
    out.push([timestamp, metric, (NAMES.indexOf(metric) * 25 + next() * 200).toFixed(1)]);
  }
  return out;
}

const plain = (r: [string, string, string][], eol = '\n') => 'timestamp,metric,value' + eol + r.map((x) => x.join(',') + eol).join('');
/** Every timestamp quoted: the general (RFC 4180) path reads every row. */
const general = (r: [string, string, string][]) => 'timestamp,metric,value\n' + r.map(([t, m, v]) => `"${t}",${m},${v}\n`).join('');

async function outcome(file: string): Promise<string> {
  try {
    return JSON.stringify((await evaluateFiles(TEXT, 'c.sla', [file], { explain: true, parallel: { workers: 0 } })).report);
  } catch (e) {
    return (e as Error).message.replace(file, 'FILE');
  }
}

/** Every row as the source hands it over (the report alone would not show a millisecond off). */
const samplesOf = async (file: string) => (await handedOver(file, 'Europe/Berlin', (name) => NAMES.indexOf(name))).samples;

describe('evaluation: the CSV fast path\'s shortcuts give the general path\'s results', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: rows in time order, confusable names, LF and CRLF: the identical JSON report`, async () => {
      const data = rows(seed, 30_000);
      const generalFile = tempFile('general.csv', general(data));
      const samples = await samplesOf(generalFile);
      assert.equal(samples.length, data.length);
      for (const [name, text] of [['plain.csv', plain(data)], ['crlf.csv', plain(data, '\r\n')]]) {
        const fast = await samplesOf(tempFile(name, text));
        // The first row that differs (a deepEqual diff of 30,000 rows takes minutes to print).
        const row = fast.findIndex((x, i) => x !== samples[i]);
        assert.deepEqual([fast.length, row, fast[row]], [samples.length, -1, undefined], `${name}: row ${row} ${data[row]}`);
      }
      const expected = await outcome(generalFile);
      const report = JSON.parse(expected) as Report;
      // Every name was told apart (each objective has samples) and the days and months are there.
      assert.ok(report.objectives.every((o) => o.results.some((r) => r.samples > 0)), expected.slice(0, 200));
      assert.ok(report.objectives[0].results.length >= 8, 'days from October 24 into November');
      assert.equal(await outcome(tempFile('plain.csv', plain(data))), expected);
      assert.equal(await outcome(tempFile('crlf.csv', plain(data, '\r\n'))), expected);
    });
  }

  it('a row whose minute is the previous row\'s but whose seconds are malformed: same message and line as the general path', async () => {
    const data = rows(7, 5_000);
    const at = 3_000;
    const previous = data[at - 1][0];
    assert.match(previous, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'the row before is in the common shape');
    const minute = previous.slice(0, 16);
    const bad = [':7.000Z', ':6a.000Z', ':60.000Z', ':07.Z', ':07.12aZ', ':07.000X', ':07.000+25:00', ':07:000Z', '.07.000Z', ':07.000 Z'];
    for (const seconds of bad) {
      const broken = data.map((r) => [...r] as [string, string, string]);
      broken[at] = [minute + seconds, broken[at][1], broken[at][2]];
      const fast = await outcome(tempFile('bad.csv', plain(broken)));
      assert.match(fast, new RegExp(`^FILE:${at + 2}: `), `${seconds}: ${fast.slice(0, 120)}`);
      assert.ok(fast.includes(JSON.stringify(minute + seconds)), fast);
      assert.equal(fast, await outcome(tempFile('bad-general.csv', general(broken))), seconds);
    }
  });

  it('names compared 8 bytes at a time: every byte is covered, and a word that is NaN or zero as a double is not used', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    assert.equal(wideWords(bytes('latency')).length, 0, 'shorter than 8 bytes: 32-bit words');
    for (let length = 8; length <= 33; length++) {
      const name = 'abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, length);
      const words = wideWords(bytes(name));
      assert.equal(words.length, Math.ceil(length / 8), name);
      // Changing any one byte changes one of the words.
      for (let k = 0; k < length; k++) {
        const other = wideWords(bytes(name.slice(0, k) + '_' + name.slice(k + 1)));
        assert.ok(other.some((w, i) => w !== words[i]), `${name}: byte ${k}`);
      }
    }
    assert.equal(wideWords(bytes('\0\0\0\0\0\0\0\0abc')).length, 0, '+0');
    assert.equal(wideWords(bytes('abc\0\0\0\0\0\0\0\x80')).length, 0, '-0 in the last word');
    assert.equal(wideWords(bytes('abcdefg\xf8\xff')).length, 0, 'NaN in the last word');
  });
});
