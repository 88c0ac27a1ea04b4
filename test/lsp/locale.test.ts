// Protocol tests: the server speaks the client's language (`initialize` params `locale`),
// unless the `sla.locale` setting says otherwise, at start or later.
import { strict as assert } from 'node:assert';
import { ResponseError } from 'vscode-jsonrpc/node';
import { EVALUATE_REQUEST, EVALUATION_FAILED } from '../../server/src/lsp/protocol';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = `sla Chat {
  indicator probe { kind availability metric "up" }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
}
`;

async function lensTitles(client: TestClient): Promise<string[]> {
  const { uri } = await client.open(CONTRACT);
  return (await client.codeLenses(uri)).map((l) => l.command?.title ?? '');
}

describe('protocol: locale', function () {
  this.timeout(30000);
  const clients: TestClient[] = [];
  const start = async (...args: Parameters<typeof TestClient.start>) => {
    const client = await TestClient.start(...args);
    clients.push(client);
    return client;
  };
  before(ensureServerBuilt);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  it('answers in Chinese when the client says zh-cn: code lens titles and sla/evaluate errors', async () => {
    const client = await start({ locale: 'zh-cn' });
    assert.deepEqual(await lensTitles(client), ['▶ 评估']);
    await assert.rejects(
      client.connection.sendRequest(EVALUATE_REQUEST, { uri: 'untitled:Untitled-1', metrics: [] }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED && error.message === '无法评估 untitled:Untitled-1：该文档既未打开，也不是本地文件',
    );
    await assert.rejects(
      client.connection.sendRequest(EVALUATE_REQUEST, { uri: 'untitled:Untitled-1' }),
      (error: ResponseError<unknown>) => error.message === 'sla/evaluate 需要文档 URI 和指标文件列表',
    );
  });

  it('publishes the checker diagnostics in the chosen language (SLA406 in Chinese for zh-cn, English otherwise)', async () => {
    const text = CONTRACT.replace(/\}\n$/, '  support { severity P1 "Down" response 1h resolve 30m }\n}\n');
    const sla406 = (diagnostics: { code?: unknown; message: string }[]) => diagnostics.find((d) => d.code === 'SLA406')?.message;
    assert.match(sla406((await (await start({ locale: 'zh-cn' })).open(text)).diagnostics) ?? '', /^级别 `P1` 的解决时限 30m 短于其响应时限 1h/);
    assert.match(sla406((await (await start({ locale: 'en' })).open(text)).diagnostics) ?? '', /P1/);
    assert.doesNotMatch(sla406((await (await start({ locale: 'en' })).open(text)).diagnostics) ?? '', /级别/);
  });

  it('answers in English for other languages and without a locale', async () => {
    assert.deepEqual(await lensTitles(await start({ locale: 'de' })), ['▶ Evaluate']);
    assert.deepEqual(await lensTitles(await start({})), ['▶ Evaluate']);
  });

  it('lets sla.locale at start override the client language, and auto follow it', async () => {
    assert.deepEqual(await lensTitles(await start({ locale: 'zh-cn', initializationOptions: { locale: 'en' } })), ['▶ Evaluate']);
    assert.deepEqual(await lensTitles(await start({ locale: 'en-us', initializationOptions: { locale: 'zh-cn' } })), ['▶ 评估']);
    assert.deepEqual(await lensTitles(await start({ locale: 'zh-cn', initializationOptions: { locale: 'auto' } })), ['▶ 评估']);
  });

  it('switches language when sla.locale changes, and back with auto', async () => {
    const client = await start({ locale: 'en' });
    const { uri } = await client.open(CONTRACT);
    const titles = async () => (await client.codeLenses(uri)).map((l) => l.command?.title);
    assert.deepEqual(await titles(), ['▶ Evaluate']);
    const refreshes = client.codeLensRefreshes;
    await client.configurationChanged({ locale: 'zh-cn' });
    assert.deepEqual(await titles(), ['▶ 评估']);
    assert.equal(client.codeLensRefreshes, refreshes + 1, 'the lenses shown are asked for again');
    await client.configurationChanged({ locale: 'auto' });
    assert.deepEqual(await titles(), ['▶ Evaluate']);
  });
});
