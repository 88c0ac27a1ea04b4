// The language server's process environment (lsp/processEnvironment.ts): glibc's mmap
// threshold fixed, so large transient blocks go back to the system when freed.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { MALLOC_MMAP_THRESHOLD, serverProcessEnvironment } from '../../server/src/lsp/processEnvironment';
import { ensureServerBuilt, TestClient } from './client';

describe('language server process environment', () => {
  it('fixes the mmap threshold at 128 KiB unless the environment sets one', () => {
    assert.deepEqual(serverProcessEnvironment({}), { [MALLOC_MMAP_THRESHOLD]: '131072' });
    assert.deepEqual(serverProcessEnvironment({ [MALLOC_MMAP_THRESHOLD]: '65536' }), { [MALLOC_MMAP_THRESHOLD]: '65536' });
  });

  it('reaches the server process the tests and benchmarks start', async function () {
    if (process.platform !== 'linux') this.skip();
    this.timeout(30_000);
    await ensureServerBuilt();
    const client = await TestClient.start();
    try {
      const environ = readFileSync(`/proc/${client.process.pid}/environ`, 'utf8').split('\0');
      assert.ok(environ.includes(`${MALLOC_MMAP_THRESHOLD}=${serverProcessEnvironment()[MALLOC_MMAP_THRESHOLD]}`), 'threshold not in the server environment');
    } finally {
      await client.stop();
    }
  });
});
