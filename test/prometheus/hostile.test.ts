// A hostile or broken server (a fake one on 127.0.0.1): partial answers, warnings and
// infos, result types not asked for, samples outside the interval asked for, elements a
// query cannot give, redirects (same origin and another one), huge bodies. Each is an error
// or a report warning that says what the server did; nothing is dropped silently, no
// credential leaves the origin, no answer is read past the size limit.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EvaluateCommandOptions } from '../../cli/src/evaluate';
import { evaluateCaptured } from './evaluateCli';
import type { Report } from '../../server/src/evaluation/index';
import { serve as serveBody } from './fakeServer';

// Mean availability (pushed down) and a percentile (raw samples) over one calendar month.
const CONTRACT = `sla S {
  version "1"
  provider "P"
  customer "C"
  effective 2026-10-01 to 2026-10-31
  indicator probe { kind availability metric "up{job=\\"api\\"}" }
  indicator latency { kind latency metric "lat{job=\\"api\\"}" unit ms }
  objective month { indicator probe target >= 99% window calendar month }
  objective p95 { indicator latency target p95 <= 300ms window calendar month }
  reporting monthly
  review yearly
}
`;

const dir = mkdtempSync(path.join(tmpdir(), 'sla-prom-hostile-'));
const contractFile = path.join(dir, 'c.sla');
writeFileSync(contractFile, CONTRACT);
const OCT_10 = Date.UTC(2026, 9, 10) / 1000;

function run(options: Partial<EvaluateCommandOptions>, env: Record<string, string | undefined> = {}) {
  return evaluateCaptured(contractFile, options, env);
}

type Handler = (req: IncomingMessage, form: URLSearchParams, res: ServerResponse) => void;

/** A fake server whose handler reads the request's form (a POST body, or the query string of a GET). */
function serve(handler: Handler) {
  return serveBody((req, body, res) => {
    const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    handler(req, new URLSearchParams(body || query), res);
  });
}

const json = (res: ServerResponse, body: unknown) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
};
const vector = (result: unknown[]) => ({ status: 'success', data: { resultType: 'vector', result } });

/** What a query is: the range probe, a batch of aggregates, or raw samples (a range selector at `time`). */
function kind(form: URLSearchParams): 'probe' | 'aggregate' | 'raw' | 'series' {
  const q = form.get('query') ?? '';
  if (form.has('match[]')) return 'series';
  if (q.startsWith('count_over_time(vector(1)')) return 'probe';
  return q.includes('label_replace') ? 'aggregate' : 'raw';
}

/**
 * A server like Prometheus 3 with one sample of each series on 10 October at 12:00 UTC
 * (every count 1, every sum/min/max 1 for `up`, 120 for `lat`); `tweak` changes one kind of answer.
 */
function oneSample(tweak: Partial<Record<'aggregate' | 'raw', (form: URLSearchParams, res: ServerResponse) => void>> = {}): Handler {
  return (req, form, res) => {
    const k = kind(form);
    if (k === 'series') return json(res, { status: 'success', data: [{ __name__: 'up', job: 'api' }] });
    if (k === 'probe') return json(res, vector([{ metric: {}, value: [1000000002, '2'] }]));
    const t = tweak[k];
    if (t) return t(form, res);
    const query = form.get('query') ?? '';
    if (k === 'raw') {
      return json(res, {
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: { __name__: 'lat', job: 'api' }, values: [[OCT_10 + 43200, '120']] }] },
      });
    }
    // label_replace(sum(count_over_time(up…)), "sla_term", "N", "", "") or …: 1 for each term.
    const terms = [...query.matchAll(/label_replace\((\w+)\((\w+)\(([a-z]+)\{[^}]*\}\[(\d+)ms\] @ ([\d.]+)\)\), "sla_term", "(\d+)"/g)];
    const result = terms
      .filter(([, , , , length, at]) => Number(at) - Number(length) / 1000 < OCT_10 + 43200 && OCT_10 + 43200 <= Number(at))
      .map(([, , fn, metric, , , term]) => ({ metric: { sla_term: term }, value: [0, fn === 'count_over_time' ? '1' : metric === 'lat' ? '120' : '1'] }));
    return json(res, vector(result));
  };
}

describe('a hostile or broken Prometheus-compatible server', function () {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the fake server answers like a real one: one sample, met, no warning', async function () {
    const server = await serve(oneSample());
    try {
      const r = await run({ prometheus: server.url });
      assert.equal(r.stderr, '');
      assert.equal(r.status, 0);
      const report = JSON.parse(r.stdout) as Report;
      assert.deepEqual(
        report.objectives.map((o) => o.results.map((x) => [x.samples, x.attained, x.status])),
        [[[1, 100, 'met']], [[1, 120, 'met']]],
      );
    } finally {
      await server.close();
    }
  });

  it('a partial answer (VictoriaMetrics cluster "isPartial": true) is an error, for aggregates and for raw samples', async function () {
    for (const which of ['aggregate', 'raw'] as const) {
      const server = await serve(
        oneSample({
          [which]: (_form: URLSearchParams, res: ServerResponse) =>
            json(res, { status: 'success', isPartial: true, data: { resultType: which === 'raw' ? 'matrix' : 'vector', result: [] } }),
        }),
      );
      try {
        const r = await run({ prometheus: server.url });
        assert.equal(r.status, 2, which);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /the answer is partial \("isPartial": true: some storage nodes did not answer\)/, which);
      } finally {
        await server.close();
      }
    }
  });

  it("the server's warnings and infos become report warnings, on stderr too", async function () {
    const server = await serve(
      oneSample({
        raw: (_form, res) =>
          json(res, {
            status: 'success',
            warnings: ['result truncated to 1000 series'],
            infos: ['PromQL info: metric might not be a counter'],
            data: { resultType: 'matrix', result: [{ metric: { __name__: 'lat' }, values: [[OCT_10 + 43200, '120']] }] },
          }),
      }),
    );
    try {
      const r = await run({ prometheus: server.url });
      assert.equal(r.status, 0, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      assert.deepEqual(report.warnings, [
        `Prometheus at ${server.url}: the server warns: result truncated to 1000 series`,
        `Prometheus at ${server.url}: the server notes: PromQL info: metric might not be a counter`,
      ]);
      assert.match(r.stderr, /warning: Prometheus at \S+: the server warns: result truncated to 1000 series\n/);
    } finally {
      await server.close();
    }
  });

  it('a result type not asked for is an error: a matrix for aggregates, a vector for raw samples', async function () {
    const cases: [string, Partial<Record<'aggregate' | 'raw', (form: URLSearchParams, res: ServerResponse) => void>>, RegExp][] = [
      ['aggregate', { aggregate: (_f, res) => json(res, { status: 'success', data: { resultType: 'matrix', result: [] } }) }, /expected a vector answer, got "matrix"/],
      [
        'raw',
        { raw: (_f, res) => json(res, vector([{ metric: { __name__: 'lat' }, value: [OCT_10 + 43200, '120'] }])) },
        /has result type "vector", not the "matrix" of raw samples a range selector asks for/,
      ],
    ];
    for (const [name, tweak, expected] of cases) {
      const server = await serve(oneSample(tweak));
      try {
        const r = await run({ prometheus: server.url });
        assert.equal(r.status, 2, name);
        assert.match(r.stderr, expected, name);
      } finally {
        await server.close();
      }
    }
  });

  it('a sample outside the interval asked for (an engine ignoring the evaluation time) is an error, not dropped', async function () {
    const server = await serve(
      oneSample({
        raw: (_form, res) =>
          json(res, {
            status: 'success',
            // 90 days before the month: what VictoriaMetrics 1.79 gave for `@` on a top-level range selector.
            data: { resultType: 'matrix', result: [{ metric: { __name__: 'lat' }, values: [[OCT_10 - 90 * 86400, '120']] }] },
          }),
      }),
    );
    try {
      const r = await run({ prometheus: server.url });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /the server sent a sample at 2026-07-12T00:00:00.000Z, outside the interval asked for \[2026-10-/);
    } finally {
      await server.close();
    }
  });

  it('an element a batched query cannot give (no or an unknown term label) is an error', async function () {
    for (const metric of [{}, { sla_term: '99' }]) {
      const server = await serve(oneSample({ aggregate: (_f, res) => json(res, vector([{ metric, value: [0, '1'] }])) }));
      try {
        const r = await run({ prometheus: server.url });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /the answer holds an element the query cannot give .*label sla_term missing, repeated or out of range/);
      } finally {
        await server.close();
      }
    }
  });

  it('a redirect within the same origin is followed with the token and headers', async function () {
    const server = await serve((req, form, res) => {
      if (req.url?.startsWith('/old/')) {
        res.writeHead(307, { Location: `/new/${req.url.slice('/old/'.length)}` });
        return res.end();
      }
      oneSample()(req, form, res);
    });
    try {
      const r = await run({ prometheus: `${server.url}/old`, prometheusHeader: ['X-Scope-OrgID: team-a'] }, { SLA_PROMETHEUS_TOKEN: 's3cret' });
      assert.equal(r.status, 0, r.stderr);
      const followed = server.requests.filter((q) => q.url?.startsWith('/new/'));
      assert.ok(followed.length >= 3);
      for (const q of followed) {
        assert.equal(q.headers.authorization, 'Bearer s3cret');
        assert.equal(q.headers['x-scope-orgid'], 'team-a');
      }
    } finally {
      await server.close();
    }
  });

  it('a redirect to another origin is refused, naming both addresses; the other host gets nothing', async function () {
    const elsewhere = await serve(oneSample());
    const server = await serve((req, _form, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}${req.url}` });
      res.end();
    });
    try {
      const r = await run({ prometheus: server.url, prometheusHeader: ['X-Scope-OrgID: team-a'] }, { SLA_PROMETHEUS_TOKEN: 's3cret' });
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        `sla evaluate: Prometheus at ${server.url}: ${server.url}/api/v1/query redirects to ${elsewhere.url}/api/v1/query, another origin: not followed, so that the token and headers are not sent there (if that server is the right one, give its address to --prometheus)\n`,
      );
      assert.equal(elsewhere.requests.length, 0);
    } finally {
      await server.close();
      await elsewhere.close();
    }
  });

  it('an answer larger than the limit stops with the query and the limit named, streamed or announced; a raised limit reads it', async function () {
    const padding = 'x'.repeat(3 << 20); // 3 MiB, before the data
    const big = (announce: boolean) =>
      oneSample({
        raw: (_form, res) => {
          const body = `{"status":"success","padding":"${padding}","data":{"resultType":"matrix","result":[{"metric":{"__name__":"lat"},"values":[[${OCT_10 + 43200},"120"]]}]}}`;
          res.setHeader('Content-Type', 'application/json');
          if (announce) res.setHeader('Content-Length', Buffer.byteLength(body));
          // Without Content-Length: chunked, in 64 KiB pieces.
          for (let i = 0; i < body.length; i += 65536) res.write(body.slice(i, i + 65536));
          res.end();
        },
      });
    for (const announce of [true, false]) {
      const server = await serve(big(announce));
      try {
        const r = await run({ prometheus: server.url, maxAnswerSize: '1MiB' });
        assert.equal(r.status, 2, `announced: ${announce}`);
        assert.match(
          r.stderr,
          /: the answer to lat\{job="api"\}\[\d+ms\] is larger than 1 MiB \(the answer size limit; raise it with --max-answer-size\)\n$/,
        );
        const raised = await run({ prometheus: server.url, maxAnswerSize: '8MiB' });
        assert.equal(raised.status, 0, raised.stderr);
      } finally {
        await server.close();
      }
    }
  });
});

describe('a server that sends two samples of one counter series at one instant (1.1)', function () {
  const own = mkdtempSync(path.join(tmpdir(), 'sla-prom-counters-'));
  const counters = path.join(own, 'counters.sla');
  after(() => rmSync(own, { recursive: true, force: true }));
  writeFileSync(
    counters,
    CONTRACT.replace('indicator probe {', 'indicator orders { kind availability ratio good "ok_total" total "req_total" counters }\n  indicator probe {').replace(
      'objective month {',
      'objective delivered { indicator orders target >= 99% window calendar month }\n  objective month {',
    ),
  );

  it('is a data error naming the server, the selector, the instant and the series, as files name file, line and series', async function () {
    const at = OCT_10 + 43200;
    const server = await serve(
      oneSample({
        raw: (form, res) => {
          const query = form.get('query') ?? '';
          const time = Number(form.get('time'));
          const length = Number(/\[(\d+)ms\]/.exec(query)![1]) / 1000;
          const inside = time - length < at && at <= time;
          const name = /^\w+/.exec(query)![0];
          const values = name === 'req_total' ? [[at - 60, '10'], [at, '11'], [at, '12']] : [[at - 60, name === 'ok_total' ? '9' : '120'], [at, '10']];
          const result = inside ? [{ metric: { __name__: name, instance: 'a' }, values }] : [];
          json(res, { status: 'success', data: { resultType: 'matrix', result } });
        },
      }),
    );
    try {
      const r = await evaluateCaptured(counters, { prometheus: server.url });
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr,
        `sla evaluate: Prometheus at ${server.url}: selector req_total, at 2026-10-10T12:00:00+00:00: a second sample of series req_total{instance="a"} at the same timestamp: under \`counters\` a series has one value per instant\n`,
      );
    } finally {
      await server.close();
    }
  });
});
