// What the user sees when the server is not there, does not answer, answers with an error
// page, or wants credentials; and what is sent: the token, the headers, at most
// --concurrency requests at once. Small local HTTP servers stand in for Prometheus here
// (no real one is needed).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runEvaluate, type EvaluateCommandOptions } from '../../cli/src/evaluate';
import { evaluateCaptured } from './evaluateCli';
import type { Report } from '../../server/src/evaluation/index';
import { ROOT } from '../helpers/cli';
import { spawn } from 'node:child_process';
import { serve } from './fakeServer';

const CONTRACT = `sla S {
  version "1"
  provider "P"
  customer "C"
  effective 2026-10-01 to 2026-10-31
  indicator probe { kind availability metric "up{job=\\"api\\"}" }
  objective month { indicator probe target >= 99% window calendar month }
  objective week { indicator probe target >= 99% window rolling 7d }
  reporting monthly
  review yearly
}
`;

const dir = mkdtempSync(path.join(tmpdir(), 'sla-prom-fail-'));
const contractFile = path.join(dir, 'c.sla');
writeFileSync(contractFile, CONTRACT);

function run(options: Partial<EvaluateCommandOptions>, env: Record<string, string | undefined> = {}) {
  return evaluateCaptured(contractFile, { at: '2026-10-20T00:00:00Z', ...options }, env);
}

/** Answers like an empty Prometheus 2: the range-bounds probe gives 3, everything else nothing. */
function emptyPrometheus(req: IncomingMessage, body: string, res: ServerResponse): void {
  const query = new URLSearchParams(body).get('query') ?? '';
  res.setHeader('Content-Type', 'application/json');
  if (req.url === '/api/v1/series') {
    res.end('{"status":"success","data":[]}');
  } else if (query.startsWith('count_over_time(vector(1)')) {
    res.end('{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"3"]}]}}');
  } else {
    res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
  }
}

describe('Prometheus failures and what is sent', function () {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a server that is not there: connection refused, exit 2, nothing on stdout', async function () {
    const { url, close } = await serve(emptyPrometheus);
    await close(); // the port is free now: nothing listens
    const r = await run({ prometheus: url });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `sla evaluate: Prometheus at ${url}: connection refused (is Prometheus running there, on that port?)\n`);
  });

  it('in Chinese (--locale zh-CN): the connection error, and a selector that matches nothing as a missing metric', async function () {
    const zh = async (url: string) => {
      let stderr = '';
      const io = { out: () => undefined, err: (t: string) => (stderr += t), locale: 'zh-CN' as const };
      const status = await runEvaluate(contractFile, { format: 'json', at: '2026-10-20T00:00:00Z', prometheus: url }, io, { progress: false, env: {} });
      return { status, stderr };
    };
    const server = await serve(emptyPrometheus);
    try {
      const empty = await zh(server.url);
      assert.equal(empty.status, 2);
      assert.equal(empty.stderr, 'sla evaluate: 指标“up{job="api"}”（服务等级指标 probe 使用该指标）在 Prometheus 服务器上任何时间都匹配不到序列：请检查指标名称和标签\n');
    } finally {
      await server.close();
    }
    const refused = await zh(server.url);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, `sla evaluate: Prometheus at ${server.url}: 连接被拒绝（Prometheus 是否在该地址和端口上运行？）\n`);
  });

  it('a server that never answers: stopped by --timeout, with the limit in the message', async function () {
    const hanging = await serve(() => undefined);
    try {
      const r = await run({ prometheus: hanging.url, timeout: '300ms' });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `sla evaluate: Prometheus at ${hanging.url}: no answer within 300 ms (the timeout; raise it with --timeout)\n`);
    } finally {
      await hanging.close();
    }
  });

  it('an HTML error page from a proxy: the status and the page text', async function () {
    const proxy = await serve((_req, _body, res) => {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>503</h1><p>upstream prometheus is down</p></body></html>');
    });
    try {
      const r = await run({ prometheus: proxy.url });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `sla evaluate: Prometheus at ${proxy.url}: HTTP 503 Service Unavailable: 503 upstream prometheus is down\n`);
    } finally {
      await proxy.close();
    }
  });

  it('credentials refused: Prometheus-style JSON error text and a hint about the token', async function () {
    const guarded = await serve((_req, _body, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"status":"error","errorType":"unauthorized","error":"missing bearer token"}');
    });
    try {
      const r = await run({ prometheus: guarded.url });
      assert.equal(r.status, 2);
      assert.equal(
        r.stderr,
        `sla evaluate: Prometheus at ${guarded.url}: HTTP 401 Unauthorized: unauthorized: missing bearer token (check the token in SLA_PROMETHEUS_TOKEN or the headers)\n`,
      );
    } finally {
      await guarded.close();
    }
  });

  it('sends the token from SLA_PROMETHEUS_TOKEN as a bearer token, and every --prometheus-header', async function () {
    const seen: IncomingMessage['headers'][] = [];
    const server = await serve((req, body, res) => {
      seen.push(req.headers);
      emptyPrometheus(req, body, res);
    });
    try {
      const r = await run({ prometheus: server.url, prometheusHeader: ['X-Scope-OrgID: team-a', 'X-Trace:  1 '], allowMissingMetrics: true }, { SLA_PROMETHEUS_TOKEN: 's3cret' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(seen.length >= 3);
      for (const h of seen) {
        assert.equal(h.authorization, 'Bearer s3cret');
        assert.equal(h['x-scope-orgid'], 'team-a');
        assert.equal(h['x-trace'], '1');
      }
      // Queries are POST forms; the metric names (/api/v1/label/__name__/values) a GET, as Prometheus serves that path.
      assert.ok(seen.some((h) => h['content-type'] === 'application/x-www-form-urlencoded'));
      // The selector matches nothing on this empty server: with --allow-missing-metrics, no-data and a warning.
      const report = JSON.parse(r.stdout) as Report;
      assert.equal(report.objectives[1].results[0].status, 'no-data');
      assert.equal(r.stderr, 'sla evaluate: warning: metric "up{job="api"}" (named by indicator probe) matches no series on the Prometheus server, at any time: check the metric name and the labels\n');
    } finally {
      await server.close();
    }
  });

  it('an Authorization header given with --prometheus-header wins over the token', async function () {
    const seen: (string | undefined)[] = [];
    const server = await serve((req, body, res) => {
      seen.push(req.headers.authorization);
      emptyPrometheus(req, body, res);
    });
    try {
      // The empty server matches nothing: --allow-missing-metrics lets the evaluation run to the end.
      const r = await run({ prometheus: server.url, prometheusHeader: ['Authorization: Basic dTpw'], allowMissingMetrics: true }, { SLA_PROMETHEUS_TOKEN: 's3cret' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual([...new Set(seen)], ['Basic dTpw']);
    } finally {
      await server.close();
    }
  });

  it('keeps at most --concurrency requests in flight', async function () {
    let inFlight = 0;
    let most = 0;
    const server = await serve((req, body, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Answer later, so that requests overlap when the client lets them.
      setTimeout(() => {
        inFlight--;
        emptyPrometheus(req, body, res);
      }, 20);
    });
    // Many periods, each a question, in several batches.
    const days = CONTRACT.replace('window calendar month', 'window calendar day');
    const file = path.join(dir, 'days.sla');
    writeFileSync(file, days);
    try {
      let stderr = '';
      const io = { out: () => undefined, err: (t: string) => (stderr += t) };
      const status = await runEvaluate(file, { format: 'json', at: '2026-10-20T00:00:00Z', prometheus: server.url, concurrency: '2', explain: true, allowMissingMetrics: true }, io, { progress: false, env: {} });
      assert.equal(status, 0, stderr);
      assert.equal(most, 2);
    } finally {
      await server.close();
    }
  });

  it('bad options: exit 2 with a message saying what is expected', async function () {
    const cases: [Partial<EvaluateCommandOptions>, RegExp][] = [
      [{}, /^sla evaluate: no metrics given: use --metrics FILE\|DIR\|GLOB… or --prometheus URL\n$/],
      [{ prometheus: 'prometheus:9090' }, /^sla evaluate: bad Prometheus address "prometheus:9090": only http:\/\/ and https:\/\/ are supported\n$/],
      [{ prometheus: 'http://u:p@h:9090' }, /credentials in a header or the token/],
      [{ prometheus: 'http://h:9090', timeout: 'soon' }, /^sla evaluate: bad timeout "soon": expected a duration such as 30s, 1500ms or 2m\n$/],
      [{ prometheus: 'http://h:9090', concurrency: '0' }, /^sla evaluate: bad --concurrency "0": expected a whole number of at least 1\n$/],
      // The value may be a token: only a leading name-like word is shown (issue 13 item 8).
      [{ prometheus: 'http://h:9090', prometheusHeader: ['no colon'] }, /^sla evaluate: bad header "no \*\*\*": expected 'Name: value'/],
      [{ metrics: ['x.csv'], timeout: '5s' }, /^sla evaluate: --timeout needs --prometheus URL\n$/],
      [{ metrics: ['x.csv'], to: '2026-10-01' }, /^sla evaluate: --to needs --prometheus URL\n$/],
      [{ prometheus: 'http://h:9090', maxAnswerSize: 'huge' }, /^sla evaluate: bad size "huge": expected a size of at least 1 KiB such as 64MiB, 512MiB or 2GiB\n$/],
    ];
    for (const [options, expected] of cases) {
      const r = await run(options);
      assert.equal(r.status, 2, JSON.stringify(options));
      assert.match(r.stderr, expected);
      assert.equal(r.stdout, '');
    }
  });

  it('the bundled CLI (dist/cli.js, built by test:prometheus) takes the options', async function () {
    const server = await serve(emptyPrometheus);
    try {
      const child = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, ['dist/cli.js', 'evaluate', contractFile, '--prometheus', server.url, '--at', '2026-10-20T00:00:00Z', '--timeout', '5s', '--allow-missing-metrics'], {
          cwd: ROOT,
          env: { ...process.env, SLA_PROMETHEUS_TOKEN: '' },
        });
        let stderr = '';
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        p.on('exit', (status) => resolve({ status, stderr }));
      });
      assert.equal(child.status, 0, child.stderr);
      assert.match(child.stderr, /warning: metric "up\{job="api"\}" \(named by indicator probe\) matches no series on the Prometheus server/);
    } finally {
      await server.close();
    }
  });
});
