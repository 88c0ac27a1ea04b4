// The server tunes V8 for itself at start (server/src/runtime/youngGeneration.ts). A flag this
// Node's V8 does not know is not an error: V8 prints "unrecognized flag" on the server's stderr,
// which VS Code shows in the output channel, and the tuning is lost without a word.
import { strict as assert } from 'node:assert';
import { equalContent } from '../../bench/equalContent';
import { ensureServerBuilt, TestClient } from './client';

describe('language server start-up', function () {
  this.timeout(60000);

  before(async () => {
    await ensureServerBuilt();
  });

  it("sets only V8 flags this Node knows: nothing on stderr while it opens and closes the 7,016-line contract", async () => {
    const client = await TestClient.start({ initializationOptions: { validateDelayMs: 0 } });
    try {
      const text = equalContent(500).sla;
      for (let i = 0; i < 3; i++) {
        const { uri, diagnostics } = await client.open(text);
        assert.deepEqual(diagnostics, []);
        await client.close(uri);
      }
      assert.equal(client.stderr.join(''), '');
    } finally {
      await client.stop();
    }
  });
});
