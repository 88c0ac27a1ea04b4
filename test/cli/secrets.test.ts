// `sla evaluate` never prints a credential (issue 13, item 8): not the password of a
// `--prometheus` address, not a malformed `--prometheus-header`, not a token that a server
// echoes back in its error text.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runEvaluate, type EvaluateCommandOptions } from '../../cli/src/evaluate';
import { runCli, tempTree } from '../helpers/cli';

const CONTRACT = `sla Shop {
  timezone "UTC"
  effective 2026-01-01 to 2026-12-31
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar month }
}
`;

async function evaluate(options: EvaluateCommandOptions, env: Record<string, string> = {}) {
  const dir = tempTree({ 'c.sla': CONTRACT });
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const status = await runEvaluate('c.sla', { format: 'text', ...options }, io, { progress: false, cwd: dir, env });
  return { status, stdout, stderr };
}

describe('sla evaluate keeps secrets out of its output', () => {
  it('--prometheus with user:password: the password is not printed (bundled CLI)', () => {
    const dir = tempTree({ 'c.sla': CONTRACT });
    const run = runCli(['evaluate', 'c.sla', '--prometheus', 'http://user:PASSWORD123@127.0.0.1:9090'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad Prometheus address "http:\/\/\*\*\*@127\.0\.0\.1:9090": put credentials in a header or the token/);
    assert.doesNotMatch(run.stdout + run.stderr, /PASSWORD123|user/);
  });

  it('a query string in the address: its values are not printed', async () => {
    const run = await evaluate({ prometheus: 'http://127.0.0.1:9090/?api_key=KEY12345' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /"http:\/\/127\.0\.0\.1:9090\/\?api_key=\*\*\*": give the base address/);
    assert.doesNotMatch(run.stderr, /KEY12345/);
  });

  it('a malformed --prometheus-header: the token is not printed', async () => {
    const run = await evaluate({ prometheus: 'http://127.0.0.1:9090', prometheusHeader: ['Authorization Bearer TOKEN12345'] });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad header "Authorization \*\*\*": expected 'Name: value'/);
    assert.doesNotMatch(run.stderr, /TOKEN12345/);
  });

  describe('a server that echoes credentials in its error text', () => {
    let server: Server;
    let url: string;
    before(async () => {
      server = createServer((request, response) => {
        response.writeHead(401, { 'Content-Type': 'text/plain' });
        response.end(`unauthorized: Authorization=${request.headers.authorization} key=${request.headers['x-api-key']}`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('shows the error with the token and credential headers hidden', async () => {
      const run = await evaluate(
        { prometheus: url, prometheusHeader: ['X-Api-Key: APIKEY12345', 'X-Scope-OrgID: team-a'] },
        { SLA_PROMETHEUS_TOKEN: 'TOKEN12345' },
      );
      assert.equal(run.status, 2);
      assert.match(run.stderr, /401/);
      assert.match(run.stderr, /unauthorized: Authorization=Bearer \*\*\* key=\*\*\*/);
      assert.doesNotMatch(run.stderr, /TOKEN12345|APIKEY12345/);
    });
  });
});
