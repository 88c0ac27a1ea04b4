// Protocol tests: the `sla/semanticDiff` request behind "SLA: Compare with Previous Version".
import { strict as assert } from 'node:assert';
import { ResponseError } from 'vscode-jsonrpc/node';
import { SEMANTIC_DIFF_FAILED, SEMANTIC_DIFF_REQUEST, type SemanticDiffResult } from '../../server/src/lsp/protocol';
import { startForSuite, TestClient } from './client';

const PREVIOUS = `sla Chat {
  version "1.0"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  credits { cap 50% }
}
`;
const CURRENT = PREVIOUS.replace('99.9%', '99.95%');

describe('protocol: semantic diff', function () {
  this.timeout(30000);
  let client: TestClient;
  startForSuite((started) => (client = started));

  const request = (params: unknown) => client.connection.sendRequest<SemanticDiffResult>(SEMANTIC_DIFF_REQUEST, params);

  it('diffs the open document against the previous text, as Markdown', async () => {
    const { uri } = await client.open(CURRENT);
    const result = await request({ uri, previousText: PREVIOUS, previousName: 'HEAD:chat.sla', currentName: 'chat.sla' });
    assert.equal(result.changes, 1);
    assert.deepEqual(result.versionNotBumped, ['Chat']);
    assert.match(result.markdown, /^## HEAD:chat\.sla → chat\.sla$/m);
    assert.match(result.markdown, /^\| stricter \| uptime: target \| \\>= 99\.9% → \\>= 99\.95% \|$/m);
  });

  it('refuses a previous version with errors, naming them, and the server lives on', async () => {
    const { uri } = await client.open(CURRENT);
    await assert.rejects(request({ uri, previousText: PREVIOUS.replace('>= 99.9%', '>='), previousName: 'HEAD:chat.sla', currentName: 'chat.sla' }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, SEMANTIC_DIFF_FAILED);
      assert.match(error.message, /HEAD:chat\.sla has errors/);
      assert.match(error.message, /HEAD:chat\.sla:6:\d+: SLA001: /);
      return true;
    });
    await assert.rejects(request({ uri: 'file:///not/open.sla', previousText: '' }), /not open/);
    await assert.rejects(request(null), /needs a document uri/);
    const again = await request({ uri, previousText: CURRENT, previousName: 'a', currentName: 'b' });
    assert.equal(again.changes, 0);
    assert.match(again.markdown, /no semantic change/);
  });

  it('names the errors of a previous version in the client\'s locale (zh-cn)', async () => {
    const chinese = await TestClient.start({ locale: 'zh-cn' });
    try {
      const { uri } = await chinese.open(CURRENT);
      const params = { uri, previousText: PREVIOUS.replace('>= 99.9%', '>='), previousName: 'HEAD:chat.sla', currentName: 'chat.sla' };
      await assert.rejects(chinese.connection.sendRequest(SEMANTIC_DIFF_REQUEST, params), (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        const errors = error.message.split('\n').filter((line) => / SLA\d+: /.test(line));
        assert.ok(errors.length > 0, error.message);
        for (const line of errors) assert.match(line.replace(/^.*? SLA\d+: /, ''), /\p{Script=Han}/u, line);
        return true;
      });
    } finally {
      await chinese.stop();
    }
  });
});
