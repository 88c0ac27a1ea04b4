// Protocol: `sla/exportReport` ("SLA: Export Report…") against the built server over stdio:
// the report of the open contract in both formats, in the client's locale, and readable errors.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-jsonrpc/node';
import { EVALUATION_FAILED, EXPORT_REPORT_REQUEST, type ExportReportResult } from '../../server/src/lsp/protocol';
import { ROOT } from '../helpers/cli';
import { ensureServerBuilt, TestClient } from '../lsp/client';

const SAMPLE = path.join(ROOT, 'samples', 'lanying-im.sla');
const METRICS = path.join(ROOT, 'samples', 'metrics', 'csv');

describe('protocol: sla/exportReport', function () {
  this.timeout(60000);
  let client: TestClient;
  const uri = pathToFileURL(SAMPLE).href;

  before(async () => {
    await ensureServerBuilt();
    client = await TestClient.start();
    await client.open(readFileSync(SAMPLE, 'utf8'), uri);
  });
  after(async () => {
    await client?.stop();
  });

  it('returns the HTML report of the latest month of the open contract', async () => {
    const result = await client.connection.sendRequest<ExportReportResult>(EXPORT_REPORT_REQUEST, { uri, metrics: [METRICS], userPicked: [METRICS], format: 'html' });
    assert.equal(result.period, '2026-10');
    assert.match(result.content, /^<!DOCTYPE html>/);
    assert.match(result.content, /<svg class="chart"/);
    assert.match(result.content, /Claim in writing by 2026-11-30 24:00/);
  });

  it('returns Markdown of a chosen period', async () => {
    const result = await client.connection.sendRequest<ExportReportResult>(EXPORT_REPORT_REQUEST, {
      uri,
      metrics: [METRICS],
      userPicked: [METRICS],
      format: 'markdown',
      period: '2026-09',
    });
    assert.equal(result.period, '2026-09');
    assert.match(result.content, /^# 蓝莺IM 企业级聊天云服务 \(LanyingIM\)\n/);
  });

  it('answers an unknown period, a bad format and unreadable metrics with a readable error', async () => {
    await assert.rejects(
      client.connection.sendRequest(EXPORT_REPORT_REQUEST, { uri, metrics: [METRICS], userPicked: [METRICS], format: 'html', period: '2025-01' }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED && error.message === 'no period 2025-01 in the data; it holds 2026-09, 2026-10',
    );
    await assert.rejects(
      client.connection.sendRequest(EXPORT_REPORT_REQUEST, { uri, metrics: [METRICS], userPicked: [METRICS], format: 'pdf' }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED,
    );
    await assert.rejects(
      client.connection.sendRequest(EXPORT_REPORT_REQUEST, { uri, metrics: ['/nonexistent/metrics.csv'], userPicked: ['/nonexistent/metrics.csv'], format: 'html' }),
      (error: ResponseError<unknown>) => error.code === EVALUATION_FAILED && /nonexistent/.test(error.message),
    );
  });
});
