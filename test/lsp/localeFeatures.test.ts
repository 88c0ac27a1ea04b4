// Protocol tests: with `initialize` `locale: "zh-cn"` the editor features answer in Chinese
// (hover, completion details and documentation, quick-fix titles, rename
// errors); in English without it.
import { strict as assert } from 'node:assert';
import type { ResponseError } from 'vscode-jsonrpc/node';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = `sla Chat {
  fee 12000 CNY per month
  
  indicator probe { kind availability metric "up" }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
  objective spare {
    indicator probe
    target 
  }
}
`;
const lines = CONTRACT.split('\n');
/** The position `offset` characters into the first line holding `needle`, at the needle. */
function at(needle: string, offset = 1) {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + offset };
}
const markdown = (hover: { contents: unknown } | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

describe('protocol: editor features in the client’s language', function () {
  this.timeout(30000);
  const clients: TestClient[] = [];
  before(ensureServerBuilt);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });
  const start = async (locale?: string) => {
    const client = await TestClient.start({ locale });
    clients.push(client);
    return client;
  };

  it('hovers in Chinese for zh-cn: a keyword, a name and an objective’s error budget', async () => {
    const client = await start('zh-cn');
    const { uri } = await client.open(CONTRACT);
    assert.match(markdown(await client.hover(uri, at('window calendar'))), /^\*\*window\*\* — 评估目标所用的统计窗口/);
    assert.match(markdown(await client.hover(uri, at('probe {'))), /- 类型：availability\n- 指标：`up`/);
    const budget = markdown(await client.hover(uri, at('uptime')));
    assert.match(budget, /\*\*错误预算\*\*：每个自然月可有 0\.1% 的时间不可用。/);
    assert.match(budget, /- 30 天的月份：43 min 12 s/);
  });

  it('completes with Chinese details and documentation for zh-cn', async () => {
    const client = await start('zh-cn');
    const { uri } = await client.open(CONTRACT);
    const target = lines.findIndex((l) => l === '    target ');
    const comparators = await client.completion(uri, { line: target, character: lines[target].length });
    assert.equal(comparators.find((item) => item.label === '>=')?.detail, '不低于');
    const items = await client.completion(uri, { line: lines.indexOf('  '), character: 2 });
    assert.ok(items.some((item) => item.label === 'objective'), items.map((item) => item.label).join(' '));
    const documented = items.filter((item) => item.documentation);
    assert.ok(documented.length > 0);
    for (const item of documented) assert.match((item.documentation as { value: string }).value, /[\u4e00-\u9fff]/, item.label);
  });

  it('titles quick fixes and refuses renames in Chinese for zh-cn', async () => {
    const client = await start('zh-cn');
    const { uri, diagnostics } = await client.open(CONTRACT);
    const sla300 = diagnostics.find((d) => d.code === 'SLA300');
    assert.ok(sla300, 'uptime has no compensation');
    const actions = await client.codeActions(uri, sla300.range, [sla300]);
    assert.ok(actions.some((a) => a.title === '为 `uptime` 添加赔偿档位'), actions.map((a) => a.title).join(' | '));
    await assert.rejects(client.rename(uri, at('spare', 2), 'uptime'), (error: ResponseError<unknown>) => error.message === '`uptime` 已在此 sla 中定义：第 5 行的目标（`objective`）。');
  });

  it('answers in English without a locale', async () => {
    const client = await start();
    const { uri, diagnostics } = await client.open(CONTRACT);
    assert.match(markdown(await client.hover(uri, at('window calendar'))), /^\*\*window\*\* — The periods the objective is evaluated over/);
    assert.match(markdown(await client.hover(uri, at('uptime'))), /\*\*Error budget:\*\* 0\.1% of the time may be down per calendar month\./);
    const sla300 = diagnostics.find((d) => d.code === 'SLA300')!;
    assert.ok((await client.codeActions(uri, sla300.range, [sla300])).some((a) => a.title === 'Add a compensation ladder for `uptime`'));
    await assert.rejects(client.rename(uri, at('spare', 2), 'uptime'), (error: ResponseError<unknown>) => error.message === '`uptime` is already defined in this sla: an objective on line 5.');
  });
});
