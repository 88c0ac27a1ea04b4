// The language server's `sla/evaluate` with a Prometheus source (what "Evaluate Contract"
// sends when the user picks the server): the same report as from the CSV form, and the
// token from VS Code's secret storage reaching the server as a bearer token.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVALUATE_REQUEST, type EvaluateParams, type EvaluateResult } from '../../server/src/lsp/protocol';
import type { Report } from '../../server/src/evaluation/index';
import { ensureServerBuilt, TestClient } from '../lsp/client';
import { AT, CONTRACT } from './fixture';
import { usePrometheus, type Shared } from './server';

describe('language server: sla/evaluate against Prometheus', function () {
  let shared: Shared;
  let client: TestClient;
  let uri: string;

  before(async function () {
    shared = await usePrometheus(this);
    await ensureServerBuilt();
    const file = path.join(shared.dir, 'lsp.sla');
    writeFileSync(file, CONTRACT);
    uri = pathToFileURL(file).href;
    client = await TestClient.start();
    await client.open(CONTRACT, uri);
  });
  after(async () => {
    await client?.stop();
  });

  it('gives the report the CSV form gives, with the queries logged when explaining', async function () {
    const ask = (params: Partial<EvaluateParams>) =>
      client.connection.sendRequest<EvaluateResult>(EVALUATE_REQUEST, { uri, at: AT, explain: true, metrics: [], ...params });
    const fromCsv = (await ask({ metrics: [shared.csvFile] })).report as Report;
    const result = await ask({ prometheus: { url: shared.prometheus.url, token: 'not-checked-by-prometheus', timeoutMs: 20_000 } });
    const { metricsRead: _a, queries, ...fromProm } = result.report as Report;
    const { metricsRead: _b, ...csv } = fromCsv;
    assert.deepEqual(fromProm, csv);
    assert.equal(queries![0].source, shared.prometheus.url);
    assert.match(result.markdown, /## uptime/);
  });

  it('sends the token as a bearer token and answers a readable error for a server that is down', async function () {
    const headers: IncomingHttpHeaders[] = [];
    const fake = createServer((req, res) => {
      headers.push(req.headers);
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"status":"error","errorType":"unavailable","error":"TSDB not ready"}');
    });
    fake.listen(0, '127.0.0.1');
    await once(fake, 'listening');
    const port = (fake.address() as { port: number }).port;
    try {
      await assert.rejects(
        client.connection.sendRequest(EVALUATE_REQUEST, { uri, metrics: [], at: AT, prometheus: { url: `http://127.0.0.1:${port}`, token: 's3cret' } }),
        (error: Error) => {
          assert.equal(error.message, `Prometheus at http://127.0.0.1:${port}: HTTP 503 Service Unavailable: unavailable: TSDB not ready`);
          return true;
        },
      );
      assert.equal(headers[0].authorization, 'Bearer s3cret');
    } finally {
      fake.closeAllConnections();
      fake.close();
    }
  });
});
