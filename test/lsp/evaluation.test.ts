// Protocol tests: the `sla/evaluate` request, and its results as code lenses and diagnostics.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-jsonrpc/node';
import { EVALUATE_REQUEST, EVALUATION_FAILED, type EvaluateResult } from '../../server/src/lsp/protocol';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = `sla Shop {
  version "1"
  provider "P"
  customer "C"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
  fee 1000 EUR per month
  indicator probe { kind availability metric "up" }
  indicator latency { kind latency metric "lat_ms" }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
  objective speed {
    indicator latency
    target p95 <= 500ms
    window calendar month
  }
  compensation for uptime {
    below 99.9% credit 10%
    below 99.0% credit 25%
  }
  compensation for speed {
    above 500ms credit 5%
  }
  credits { claim within 30d }
  reporting monthly
  review yearly
}
`;

/** September: all probes up; October: 8 of 1000 down (99.2%). Latency 100–300 ms throughout. */
function metricsCsv(): string {
  const rows = ['timestamp,metric,value'];
  const push = (month: number, count: number, down: number) => {
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.UTC(2026, month - 1, 1) + i * 60_000 * 30).toISOString();
      rows.push(`${at},up,${i < down ? 0 : 1}`);
      rows.push(`${at},lat_ms,${100 + (i % 3) * 100}`);
    }
  };
  push(9, 1000, 0);
  push(10, 1000, 8);
  return rows.join('\n') + '\n';
}

describe('protocol: evaluation', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  let uri: string;

  before(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sla-lsp-'));
    mkdirSync(path.join(dir, 'metrics'));
    writeFileSync(path.join(dir, 'metrics', 'probes.csv'), metricsCsv());
    writeFileSync(path.join(dir, 'shop.sla'), CONTRACT);
    uri = pathToFileURL(path.join(dir, 'shop.sla')).href;
    client = await TestClient.start({ settings: { validate: { onType: true } } });
    const { diagnostics } = await client.open(CONTRACT, uri);
    assert.deepEqual(diagnostics, []);
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows an Evaluate lens above each objective before any evaluation', async () => {
    const lenses = await client.codeLenses(uri);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [9, '▶ Evaluate', 'sla.evaluateContract', [uri]],
        [14, '▶ Evaluate', 'sla.evaluateContract', [uri]],
      ],
    );
  });

  it('evaluates the open document and returns the report and its Markdown', async () => {
    const republished = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const result = await client.connection.sendRequest<EvaluateResult>(EVALUATE_REQUEST, { uri, metrics: ['metrics/probes.csv'] });
    const report = result.report as { objectives: { name: string; results: { status: string; credit: number; attained: number }[] }[] };
    const uptime = report.objectives.find((o) => o.name === 'uptime')!;
    assert.deepEqual(uptime.results.map((r) => r.status), ['met', 'breached']);
    assert.ok(Math.abs(uptime.results[1].attained - 99.2) < 1e-9);
    assert.equal(uptime.results[1].credit, 10);
    assert.equal(result.rows, 4000);
    assert.match(result.markdown, /uptime/);
    // The webview's wording comes from the server, as the other outputs word it.
    assert.deepEqual(result.labels.objectives[0], {
      target: '>= 99.9%',
      targetInAttainedUnit: 99.9,
      targetLine: '>= 99.9%',
      results: [
        { period: '2026-09', attained: '100%', coverage: null },
        { period: '2026-10', attained: '99.2%', coverage: null },
      ],
    });

    // The breach appears as a warning on the objective.
    const { diagnostics } = await republished;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 2);
    assert.equal(diagnostics[0].range.start.line, 9);
    assert.match(diagnostics[0].message, /Objective uptime breached in 2026-10: 99\.2%, target >= 99\.9%; credit 10%/);
    assert.ok(client.codeLensRefreshes >= 1, 'code lenses refreshed');
  });

  it('shows the last result of the latest period as a lens', async () => {
    const titles = (await client.codeLenses(uri)).map((l) => l.command?.title);
    assert.deepEqual(titles, ['▶ Evaluate', '✘ 99.2% — credit 10%; target >= 99.9% (2026-10)', '▶ Evaluate', '✔ p95 300 ms; target p95 <= 500ms (2026-10)']);
  });

  it('keeps the results on the right objectives after an edit above them', async () => {
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  // a new comment line\n' }]);
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.equal(diagnostics[0].range.start.line, 10);
    const lenses = await client.codeLenses(uri);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [10, 10, 15, 15]);
  });

  it('answers a readable error for missing data and for contracts with errors', async () => {
    await assert.rejects(
      client.connection.sendRequest(EVALUATE_REQUEST, { uri, metrics: ['metrics/missing.csv'] }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED && /missing\.csv/.test(error.message),
    );
    const broken = pathToFileURL(path.join(dir, 'broken.sla')).href;
    await client.open(CONTRACT.replace('indicator probe\n', 'indicator prob\n'), broken);
    await assert.rejects(
      client.connection.sendRequest(EVALUATE_REQUEST, { uri: broken, metrics: ['metrics/probes.csv'] }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED && /SLA101/.test(error.message) && !/\n\s+at /.test(error.message),
    );
  });
});
