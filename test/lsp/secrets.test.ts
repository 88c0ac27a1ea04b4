// Protocol test (issue 13, item 8): the extension's Prometheus token reaches the server
// sealed (a verbose trace prints request bodies), the server opens it with the key from its
// environment, and error texts that echo it back are redacted.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResponseError } from 'vscode-jsonrpc/node';
import { EVALUATE_REQUEST, EVALUATION_FAILED, type EvaluateParams } from '../../server/src/lsp/protocol';
import { SECRET_KEY_VARIABLE, newSecretKey, sealSecret } from '../../server/src/lsp/sealedSecret';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = `sla Shop {
  timezone "UTC"
  effective 2026-01-01 to 2026-12-31
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar month }
}
`;
const TOKEN = 'tok-SECRET-12345';

describe('protocol: the Prometheus token is sealed and never echoed', function () {
  this.timeout(30000);
  const key = newSecretKey();
  let client: TestClient;
  let uri: string;
  let server: Server;
  let url: string;
  const received: (string | undefined)[] = [];

  before(async () => {
    await ensureServerBuilt();
    server = createServer((request, response) => {
      received.push(request.headers.authorization);
      response.writeHead(401, { 'Content-Type': 'text/plain' });
      response.end(`denied for ${request.headers.authorization}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = await TestClient.start({ env: { [SECRET_KEY_VARIABLE]: key } });
    ({ uri } = await client.open(CONTRACT));
  });
  after(async () => {
    await client?.stop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  async function failure(params: EvaluateParams): Promise<ResponseError<unknown>> {
    try {
      await client.connection.sendRequest(EVALUATE_REQUEST, params);
    } catch (error) {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, EVALUATION_FAILED);
      return error;
    }
    assert.fail('the evaluation should fail');
  }

  it('opens a sealed token and sends it; the echo in the error is redacted', async () => {
    const params: EvaluateParams = { uri, metrics: [], prometheus: { url, sealedToken: sealSecret(TOKEN, key) } };
    assert.ok(!JSON.stringify(params).includes(TOKEN), 'what a verbose trace prints has no token');
    received.length = 0;
    const error = await failure(params);
    assert.ok(received.includes(`Bearer ${TOKEN}`), `the server got ${received.join(', ')}`);
    assert.match(error.message, /401/);
    assert.match(error.message, /denied for Bearer \*\*\*/);
    assert.ok(!error.message.includes(TOKEN));
    assert.ok(!client.logs.join('\n').includes(TOKEN));
  });

  it('refuses a token sealed with another key, without sending anything', async () => {
    received.length = 0;
    const error = await failure({ uri, metrics: [], prometheus: { url, sealedToken: sealSecret(TOKEN, newSecretKey()) } });
    assert.match(error.message, /the Prometheus token could not be opened/);
    assert.deepEqual(received, []);
  });

  it('redacts a token sent in the clear (other clients) from echoed errors too', async () => {
    const error = await failure({ uri, metrics: [], prometheus: { url, token: TOKEN } });
    assert.match(error.message, /denied for Bearer \*\*\*/);
  });
});
