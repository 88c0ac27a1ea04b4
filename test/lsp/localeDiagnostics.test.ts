// Protocol test (issue 11): a client whose locale is zh-cn gets the language core's
// diagnostics in Chinese — a syntax error and checker errors — with the codes and ranges it
// gets in English; the English client's messages stay English.
import { strict as assert } from 'node:assert';
import { ensureServerBuilt, TestClient } from './client';

// A missing `{` after the objective name (SLA001), an unknown indicator (SLA101) and the
// sla's missing parts (SLA300, SLA500–SLA503).
const BROKEN = `sla Chat {
  indicator probe { kind availability metric "up" }
  objective uptime
    indicator prob
    target >= 99.9%
  }
}
`;

describe('protocol: language-core diagnostics in the client language', function () {
  this.timeout(30000);
  const clients: TestClient[] = [];
  before(ensureServerBuilt);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  async function diagnosticsIn(locale: string) {
    const client = await TestClient.start({ locale });
    clients.push(client);
    return (await client.open(BROKEN)).diagnostics;
  }

  it('publishes a Chinese syntax error and Chinese checker errors for locale zh-cn', async () => {
    const zh = await diagnosticsIn('zh-cn');
    const en = await diagnosticsIn('en');
    const shape = (ds: typeof zh) => ds.map((d) => ({ code: d.code, range: d.range, severity: d.severity }));
    assert.deepEqual(shape(zh), shape(en));

    const byCode = (ds: typeof zh, code: string) => ds.find((d) => d.code === code)?.message ?? '';
    assert.equal(byCode(zh, 'SLA001'), '目标名称 之后应为 `{`');
    assert.equal(byCode(en, 'SLA001'), 'expected `{` after the objective name');
    assert.match(byCode(zh, 'SLA101'), /^未知的服务等级指标 `prob`；您是指 `probe` 吗？$/);
    assert.equal(byCode(en, 'SLA101'), 'unknown indicator `prob`; did you mean `probe`?');
    assert.ok(zh.every((d) => /[\u4e00-\u9fff]/.test(d.message)), zh.map((d) => d.message).join('\n'));
  });

  it('publishes the diagnostics again in the new language when sla.locale changes', async () => {
    const client = await TestClient.start({ locale: 'en' });
    clients.push(client);
    const { uri, diagnostics } = await client.open(BROKEN);
    assert.ok(diagnostics.every((d) => !/[\u4e00-\u9fff]/.test(d.message)));
    const republished = client.nextDiagnostics(uri);
    await client.configurationChanged({ locale: 'zh-cn' });
    const zh = (await republished).diagnostics;
    assert.deepEqual(zh.map((d) => d.code), diagnostics.map((d) => d.code));
    assert.equal(zh.find((d) => d.code === 'SLA001')?.message, '目标名称 之后应为 `{`');
    assert.ok(zh.every((d) => /[\u4e00-\u9fff]/.test(d.message)));
  });
});
