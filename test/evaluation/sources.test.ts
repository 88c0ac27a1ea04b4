import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CsvSource, PrometheusJsonSource, detectFormat, expandMetricPaths, openMetricFiles, readPrometheusJson } from '../../server/src/evaluation/sources/index';
import type { SampleSink } from '../../server/src/evaluation/sources/index';
import { EvaluationError } from '../../server/src/evaluation/errors';
import { ZoneRules } from '../../server/src/evaluation/timezone';
import { tempFile } from './helpers';

interface Sample {
  metric: string;
  t: string;
  value: number;
}

/** Reads a source into a list of samples (every metric gets an id). */
async function collect(source: CsvSource | PrometheusJsonSource, zone = ZoneRules.utc): Promise<Sample[]> {
  const names: string[] = [];
  const out: Sample[] = [];
  const sink: SampleSink = {
    zone,
    metricId(name) {
      const i = names.indexOf(name);
      if (i >= 0) return i;
      names.push(name);
      return names.length - 1;
    },
    add(metric, t, value) {
      out.push({ metric: names[metric], t: new Date(t).toISOString(), value });
      return undefined;
    },
    rowsRead() {},
  };
  await source.read(sink);
  return out;
}

const csv = (text: string | Buffer) => collect(new CsvSource(tempFile('m.csv', text)));
const json = (text: string) => collect(new PrometheusJsonSource(tempFile('m.json', text)));

async function rejects(promise: Promise<unknown>, message: RegExp, line?: number): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof EvaluationError, `expected an EvaluationError, got ${String(e)}`);
    assert.match(e.message, message);
    if (line !== undefined) assert.equal(e.line, line, e.message);
    return true;
  });
}

describe('CSV samples', () => {
  it('reads columns in any order and ignores label columns', async () => {
    const samples = await csv('region,value,metric,timestamp,host\neu,0.5,probe,2026-10-01T00:00:00Z,a\nus,1,probe,1790000000,b\n');
    assert.deepEqual(samples, [
      { metric: 'probe', t: '2026-10-01T00:00:00.000Z', value: 0.5 },
      { metric: 'probe', t: '2026-09-21T14:13:20.000Z', value: 1 },
    ]);
  });

  it('accepts a byte order mark, CRLF line ends, blank lines and a last line without a line end', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('timestamp,metric,value\r\n2026-10-01T00:00:00Z,a,1\r\n\r\n2026-10-01T00:01:00Z,b,2')]);
    assert.deepEqual(await csv(text), [
      { metric: 'a', t: '2026-10-01T00:00:00.000Z', value: 1 },
      { metric: 'b', t: '2026-10-01T00:01:00.000Z', value: 2 },
    ]);
  });

  it('follows RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', async () => {
    const text =
      'timestamp,metric,value,note\n' +
      '"2026-10-01T00:00:00Z","probe ""eu""",1,"a, b"\n' +
      '2026-10-01T00:01:00Z,probe,"0.5","two\nlines"\n' +
      '2026-10-01T00:02:00Z,probe,oops,x\n';
    // The bad value is on line 5: the quoted line break counts.
    await rejects(csv(text), /value "oops" is not a number/, 5);
    const ok = await csv(text.split('\n').slice(0, 4).join('\n') + '\n');
    assert.deepEqual(ok, [
      { metric: 'probe "eu"', t: '2026-10-01T00:00:00.000Z', value: 1 },
      { metric: 'probe', t: '2026-10-01T00:01:00.000Z', value: 0.5 },
    ]);
  });

  it('trims spaces around fields and reads padded rows like plain ones', async () => {
    const samples = await csv('timestamp , metric , value\n 2026-10-01T00:00:00Z , probe , 1 \n');
    assert.deepEqual(samples, [{ metric: 'probe', t: '2026-10-01T00:00:00.000Z', value: 1 }]);
  });

  it('reads a file of many chunks, with quoted records cut by chunk ends, like the same rows unquoted', async () => {
    const plain: string[] = ['timestamp,metric,value,label'];
    const quoted: string[] = ['timestamp,metric,value,label'];
    for (let i = 0; i < 20_000; i++) {
      const t = new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString();
      const metric = i % 3 === 0 ? 'http_request_duration_ms' : i % 3 === 1 ? 'probe_success' : `m${i % 7}`;
      const value = i % 3 === 1 ? String(i % 2) : (i / 7).toFixed(3);
      plain.push(`${t},${metric},${value},${'x'.repeat(i % 97)}`);
      quoted.push(`"${t}","${metric}","${value}","${'y\n'.repeat(i % 5)}"`);
    }
    const a = await csv(plain.join('\n') + '\n');
    const b = await csv(quoted.join('\r\n') + '\r\n');
    assert.equal(a.length, 20_000);
    assert.equal(JSON.stringify(b), JSON.stringify(a));
  });

  it('gives the event loop turns while it reads a large file, alone and as a part (a language server stays responsive, a cancel arrives)', async () => {
    // About 10 MiB: 40 chunks of 256 KiB; as a part they are read synchronously, with a turn every 4 MiB.
    const lines = ['timestamp,metric,value'];
    for (let i = 0; i < 200_000; i++) lines.push(`${new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString()},http_request_duration_ms,${i % 600}.${i % 10}`);
    const text = lines.join('\n') + '\n';
    const file = tempFile('large.csv', text);
    for (const part of [false, true]) {
      let rows = 0;
      const seenByTurns: number[] = [];
      const sink: SampleSink = {
        zone: ZoneRules.utc,
        metricId: () => 0,
        add() {
          // Asked for at the first row: a turn comes only once the reading yields.
          if (rows++ === 0) setImmediate(function turn() {
            seenByTurns.push(rows);
            if (rows < 200_000) setImmediate(turn);
          });
          return undefined;
        },
        rowsRead() {},
      };
      const source = new CsvSource(file);
      if (part) await source.readRange(sink, { start: 0, end: Buffer.byteLength(text), final: true, columns: undefined });
      else await source.read(sink);
      assert.equal(rows, 200_000);
      const during = seenByTurns.filter((n) => n < 200_000);
      assert.ok(during.length >= 2, `${part ? 'part' : 'alone'}: turns while reading at rows ${seenByTurns.join(', ')}`);
      assert.ok(during[0] > 0, 'the first turn comes after some rows, not before the reading starts');
    }
  });

  it('reads every timestamp and value form the same on the fused path and the general one', async () => {
    const fields: [string, string][] = [
      ['2026-10-01T00:00:00Z', '1'],
      ['2026-10-01T08:00:00+08:00', '0.5'],
      ['2026-10-01T00:00:00-02:30', '-3'],
      ['2026-10-01 02:00', '1e3'],
      ['2026-10-25 02:30:15', '12345678901234567'],
      ['2026-03-29 02:30', '.5'],
      ['2026-10-01T02:00:00.123456', '7.'],
      ['2026-10-01T00:00Z', '99.9'],
      ['1790000000', '0.1'],
      ['1790000000.25', '1E-3'],
      ['1790000000123', '+2'],
    ];
    const berlin = ZoneRules.of('Europe/Berlin')!;
    const plain = 'timestamp,metric,value\n' + fields.map(([t, v]) => `${t},m,${v}\n`).join('');
    const padded = 'timestamp,metric,value\n' + fields.map(([t, v]) => ` ${t} , m , ${v} \n`).join('');
    const a = await collect(new CsvSource(tempFile('a.csv', plain)), berlin);
    const b = await collect(new CsvSource(tempFile('b.csv', padded)), berlin);
    assert.equal(a.length, fields.length);
    assert.deepEqual(b, a);
    assert.deepEqual(
      a.map((s) => s.t),
      [
        '2026-10-01T00:00:00.000Z',
        '2026-10-01T00:00:00.000Z',
        '2026-10-01T02:30:00.000Z',
        '2026-10-01T00:00:00.000Z',
        '2026-10-25T00:30:15.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-10-01T00:00:00.123Z',
        '2026-10-01T00:00:00.000Z',
        '2026-09-21T14:13:20.000Z',
        '2026-09-21T14:13:20.250Z',
        '2026-09-21T14:13:20.123Z',
      ],
    );
    assert.deepEqual(a.map((s) => s.value), fields.map(([, v]) => Number(v)));
  });

  for (const [what, text, message, line] of [
    ['an empty file', '', /empty file: expected a header row/, 1],
    ['a header without `value`', 'timestamp,metric\n2026-10-01T00:00:00Z,a\n', /missing column `value` in the header/, 1],
    ['a column named twice', 'timestamp,metric,value,Value\n', /column `value` appears twice/, 1],
    ['a row with too few fields', 'timestamp,metric,value\n2026-10-01T00:00:00Z,a,1\n2026-10-01T00:01:00Z,a\n', /missing column `value`: the row has 2 fields, the header 3/, 3],
    ['a bad timestamp', 'timestamp,metric,value\n2026-10-01T00:00:00Z,a,1\nlast tuesday,a,1\n', /bad timestamp "last tuesday"/, 3],
    ['an impossible date', 'timestamp,metric,value\n2026-02-29T00:00:00Z,a,1\n', /impossible date in timestamp "2026-02-29T00:00:00Z"/, 2],
    ['an empty timestamp', 'timestamp,metric,value\n,a,1\n', /empty timestamp/, 2],
    ['a non-numeric value', 'timestamp,metric,value\n2026-10-01T00:00:00Z,a,12ms\n', /value "12ms" is not a number/, 2],
    ['an empty value', 'timestamp,metric,value\n2026-10-01T00:00:00Z,a,\n', /empty value/, 2],
    ['a NaN value', 'timestamp,metric,value\n2026-10-01T00:00:00Z,a,NaN\n', /value "NaN" is not a finite number/, 2],
    ['an empty metric name', 'timestamp,metric,value\n2026-10-01T00:00:00Z,,1\n', /empty metric name/, 2],
    ['an unclosed quote', 'timestamp,metric,value\n2026-10-01T00:00:00Z,"a,1\n', /quoted field is not closed/, 2],
    ['text after a closing quote', 'timestamp,metric,value\n2026-10-01T00:00:00Z,"a"b,1\n', /unexpected character "b" after a closing quote/, 2],
  ] as const) {
    it(`names the file, line and reason for ${what}`, async () => {
      const file = tempFile('bad.csv', text);
      await assert.rejects(new CsvSource(file, 'bad.csv').read(nullSink()), (e: unknown) => {
        assert.ok(e instanceof EvaluationError);
        assert.match(e.message, message);
        assert.equal(e.file, 'bad.csv');
        assert.equal(e.line, line);
        assert.ok(e.message.startsWith(`bad.csv:${line}: `), e.message);
        return true;
      });
    });
  }

  it('reports a sample the sink rejects at its line', async () => {
    const sink = nullSink();
    sink.add = (_m, _t, v) => (v > 1 ? `value ${v} of probe is outside [0, 1]` : undefined);
    const file = tempFile('p.csv', 'timestamp,metric,value\n2026-10-01T00:00:00Z,probe,1\n2026-10-01T00:01:00Z,probe,1.5\n');
    await rejects(new CsvSource(file).read(sink), /:3: value 1.5 of probe is outside \[0, 1\]/, 3);
  });
});

function nullSink(): SampleSink {
  return { zone: ZoneRules.utc, metricId: () => 0, add: () => undefined, rowsRead: () => {} };
}

describe('Prometheus JSON samples', () => {
  it('reads a query_range matrix: one series per metric name, times in Unix seconds', async () => {
    const body = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { __name__: 'probe_success', job: 'x' }, values: [[1790000000, '1'], [1790000060.5, '0']] },
          { metric: { __name__: 'latency_ms' }, values: [[1790000000, '12.5']] },
        ],
      },
    });
    assert.deepEqual(await json(body), [
      { metric: 'probe_success', t: '2026-09-21T14:13:20.000Z', value: 1 },
      { metric: 'probe_success', t: '2026-09-21T14:14:20.500Z', value: 0 },
      { metric: 'latency_ms', t: '2026-09-21T14:13:20.000Z', value: 12.5 },
    ]);
  });

  it('reads a query vector, and a series whose labels come after its values', async () => {
    const vector = '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up"},"value":[1790000000,"1"]}]}}';
    assert.deepEqual(await json(vector), [{ metric: 'up', t: '2026-09-21T14:13:20.000Z', value: 1 }]);
    const late = '{"data":{"result":[{"values":[[1790000000,"3"]],"metric":{"__name__":"late"}}],"resultType":"matrix"},"status":"success"}';
    assert.deepEqual(await json(late), [{ metric: 'late', t: '2026-09-21T14:13:20.000Z', value: 3 }]);
  });

  it('reads a body that arrives in pieces of any size (an HTTP response) the same', async () => {
    const body =
      '\ufeff{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"lat\\u00e9ncy","job":"x"},' +
      '"values":[[1790000000,"12.5"],[1790000060.25,"-3e2"],[1790000120,"0.000001"]]}]}}';
    const whole = await json(body);
    assert.equal(whole.length, 3);
    assert.equal(whole[0].metric, 'laténcy');
    for (const size of [1, 2, 7, 64]) {
      const bytes = Buffer.from(body);
      async function* pieces() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const names: string[] = [];
      const got: Sample[] = [];
      await readPrometheusJson(pieces(), 'live', {
        zone: ZoneRules.utc,
        metricId: (n) => (names.push(n), names.length - 1),
        add: (m, t, value) => (got.push({ metric: names[m], t: new Date(t).toISOString(), value }), undefined),
        rowsRead: () => {},
      });
      assert.deepEqual(got, whole, `pieces of ${size} bytes`);
    }
  });

  for (const [what, body, message, line] of [
    ['an error response', '{"status":"error","errorType":"bad_data","error":"parse error at char 3"}', /status "error" \(bad_data: parse error at char 3\)/, 1],
    ['a scalar result', '{"status":"success","data":{"resultType":"scalar","result":[1790000000,"1"]}}', /result type "scalar" is not supported/, 1],
    ['a series without __name__', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"x"},"values":[[1790000000,"1"]]}]}}', /no `__name__` label/, 1],
    ['a non-numeric value', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"a"},"values":[\n[1790000000,"1"],\n[1790000060,"x"]]}]}}', /value "x" is not a number/, 3],
    ['a NaN value', '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"a"},"value":[1790000000,"NaN"]}]}}', /value "NaN" is not a finite number/, 1],
    ['a bad timestamp', '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"a"},"value":["soon","1"]}]}}', /bad timestamp "soon"/, 1],
    ['a sample of three items', '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"a"},"value":[1790000000,"1","2"]}]}}', /found 3 items/, 1],
    ['broken JSON', '{"status":"success",\n"data":{"result":[}\n', /invalid JSON: unexpected `}`/, 2],
    ['a truncated file', '{"status":"success","data":{"result":[', /invalid JSON: the JSON document ends too early/, 1],
    ['JSON that is not a Prometheus response', '{"hello":"world"}', /not a Prometheus API response: no "status"/, 1],
  ] as const) {
    it(`names the file, line and reason for ${what}`, async () => {
      const file = tempFile('bad.json', body);
      await assert.rejects(new PrometheusJsonSource(file, 'bad.json').read(nullSink()), (e: unknown) => {
        assert.ok(e instanceof EvaluationError);
        assert.match(e.message, message);
        assert.equal(e.line, line, e.message);
        assert.ok(e.message.startsWith(`bad.json:${line}: `), e.message);
        return true;
      });
    });
  }
});

describe('metric files', () => {
  it('expands directories (csv and json, recursively) and globs, once each, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sla-files-'));
    mkdirSync(path.join(dir, 'sub'));
    for (const f of ['b.csv', 'a.json', 'sub/c.csv', 'notes.txt']) writeFileSync(path.join(dir, f), 'timestamp,metric,value\n');
    const files = await expandMetricPaths(['.', '*.csv', 'notes.txt'], dir);
    assert.deepEqual(files.map((f) => f.name), ['a.json', 'b.csv', path.join('sub', 'c.csv'), 'notes.txt']);
    await assert.rejects(expandMetricPaths(['missing.csv'], dir), /metric file not found: missing.csv/);
    await assert.rejects(expandMetricPaths(['*.parquet'], dir), /no metric files match "\*.parquet"/);
    await assert.rejects(expandMetricPaths([], dir), /no metric files given/);
  });

  it('recognises the format from the content, not the name', async () => {
    assert.equal(await detectFormat(tempFile('x.csv', '\ufeff  {"status":"success"}')), 'prometheus-json');
    assert.equal(await detectFormat(tempFile('x.json', 'timestamp,metric,value\n')), 'csv');
    const [source] = await openMetricFiles([tempFile('data.txt', '{"status":"success","data":{"resultType":"vector","result":[]}}')]);
    assert.ok(source instanceof PrometheusJsonSource);
  });
});
