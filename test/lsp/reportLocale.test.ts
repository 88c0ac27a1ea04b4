// Protocol tests: `sla/evaluate` for a client whose locale is zh-cn answers with the Markdown
// report, the period labels and the data errors in Chinese; the JSON report is the same as
// for an English client (machine fields are never translated).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-jsonrpc/node';
import { EVALUATE_REQUEST, EVALUATION_FAILED, type EvaluateResult } from '../../server/src/lsp/protocol';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = `sla Shop {
  timezone "UTC"
  fee 1000 EUR per month
  indicator probe { kind availability metric "up" }
  objective weekly {
    indicator probe
    target >= 99.9%
    window calendar week
  }
  compensation for weekly { below 99.9% credit 10% }
}
`;

/** 2026-10-05 is a Monday: one week, 10 probes, 1 down (90%: breached). */
const METRICS = ['timestamp,metric,value', ...Array.from({ length: 10 }, (_, i) => `2026-10-05T0${i}:00:00Z,up,${i === 0 ? 0 : 1}`)].join('\n') + '\n';

describe('protocol: sla/evaluate in Chinese', function () {
  this.timeout(30000);
  let dir: string;
  let uri: string;
  const clients: TestClient[] = [];
  const start = async (locale: string) => {
    const client = await TestClient.start({ locale, workspaceFolders: [dir] });
    clients.push(client);
    await client.open(CONTRACT, uri);
    return client;
  };
  const evaluate = (client: TestClient, metrics: string) =>
    client.connection.sendRequest(EVALUATE_REQUEST, { uri, metrics: [path.join(dir, metrics)] }) as Promise<EvaluateResult>;

  before(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sla-lsp-zh-'));
    writeFileSync(path.join(dir, 'probes.csv'), METRICS);
    writeFileSync(path.join(dir, 'broken.json'), '{"status":"success",\n"data": [1,}');
    writeFileSync(path.join(dir, 'shop.sla'), CONTRACT);
    uri = pathToFileURL(path.join(dir, 'shop.sla')).href;
  });
  after(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends the Markdown report and the period labels in Chinese, the JSON report unchanged', async () => {
    const zh = await evaluate(await start('zh-cn'), 'probes.csv');
    const en = await evaluate(await start('en'), 'probes.csv');
    assert.match(zh.markdown, /^# SLA 报告：Shop$/m);
    assert.match(zh.markdown, /^\| 周期 \| 样本数 \| 实际值 \| 状态 \| 服务抵扣 \|$/m);
    assert.match(zh.markdown, /^\| 2026-10-05 当周 \| 10 \| 90% \| ❌ 未达标 \| 10% \|$/m);
    assert.equal(zh.labels.objectives[0].results[0].period, '2026-10-05 当周');
    assert.equal(en.labels.objectives[0].results[0].period, 'week of 2026-10-05');
    assert.match(en.markdown, /^\| week of 2026-10-05 \| 10 \| 90% \| ❌ breached \| 10% \|$/m);
    assert.deepEqual(zh.report, en.report);
  });

  it('words a malformed metric file in Chinese, naming the file and line', async () => {
    await assert.rejects(evaluate(await start('zh-cn'), 'broken.json'), (error: ResponseError<unknown>) => {
      assert.equal(error.code, EVALUATION_FAILED);
      assert.equal(error.message, `${path.join(dir, 'broken.json')}:2: JSON 无效：意外的 \`}\``);
      return true;
    });
  });
});
