// Issue 13 items 12 and 13 over the protocol: `$/cancelRequest` stops an evaluation (its
// reading and worker threads), and `sla/evaluate` reads files outside the workspace folders
// only when the user chose them. No timing assertions: a hang fails by the mocha timeout.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { EVALUATE_REQUEST, EVALUATION_FAILED, type EvaluateParams, type EvaluateResult } from '../../server/src/lsp/protocol';
import { shopContract } from '../helpers/contracts';
import { ensureServerBuilt, TestClient } from './client';

const CONTRACT = shopContract();
const SMALL = 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-02T00:00:00Z,up,1\n';
const SECRET = 'root:x:0:0:SECRET-FIRST-LINE\ndaemon:x:1:1\n';

/** About 45 MB of rows: read in parts by worker threads where the machine has more than two cores (parallel.ts `defaultParts`), in one thread on two; cancelling parts is covered by test/evaluation/parallel.test.ts. */
function largeCsv(file: string): void {
  const start = Date.UTC(2026, 0, 1);
  const rows: string[] = ['timestamp,metric,value'];
  for (let i = 0; i < 1_100_000; i++) rows.push(`${new Date(start + i * 10_000).toISOString()},up,${i % 97 === 0 ? 0 : 1}`);
  writeFileSync(file, rows.join('\n') + '\n');
}

function evaluate(client: TestClient, params: EvaluateParams): Promise<EvaluateResult> {
  return client.connection.sendRequest<EvaluateResult>(EVALUATE_REQUEST, params);
}

const failsWith = (pattern: RegExp, absent?: RegExp) => (error: ResponseError<unknown>) => {
  assert.equal(error.code, EVALUATION_FAILED, error.message);
  assert.match(error.message, pattern);
  if (absent) assert.doesNotMatch(error.message, absent);
  return true;
};

describe('protocol: cancelling an evaluation (issue 13 item 12)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sla-cancel-'));
    writeFileSync(path.join(dir, 'shop.sla'), CONTRACT);
    writeFileSync(path.join(dir, 'small.csv'), SMALL);
    largeCsv(path.join(dir, 'large.csv'));
    client = await TestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers RequestCancelled to $/cancelRequest, and evaluates again right after, many times over', async () => {
    const uri = pathToFileURL(path.join(dir, 'shop.sla')).href;
    for (let round = 0; round < 6; round++) {
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest<EvaluateResult>(EVALUATE_REQUEST, { uri, metrics: ['large.csv'], baseDir: dir }, source.token);
      // Every other round, cancel once the server is reading: it answers requests in order,
      // so when a later request is answered, the evaluation has begun.
      if (round % 2 === 1) await client.documentSymbols(pathToFileURL(path.join(dir, 'none.sla')).href);
      source.cancel();
      await assert.rejects(request, (error: ResponseError<unknown>) => error.code === LSPErrorCodes.RequestCancelled);
    }
    // Six cancelled evaluations hold no reader or worker: a small one answers.
    const result = await evaluate(client, { uri, metrics: ['small.csv'], baseDir: dir });
    assert.equal(result.rows, 2);
    assert.equal(client.process.exitCode, null);
  });
});

describe('protocol: FIFOs as contract or metric files (issue 13 item 1)', function () {
  this.timeout(30_000);
  let client: TestClient;
  let dir: string;

  before(async function () {
    if (process.platform === 'win32') this.skip();
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sla-fifo-'));
    writeFileSync(path.join(dir, 'shop.sla'), CONTRACT);
    writeFileSync(path.join(dir, 'small.csv'), SMALL);
    execFileSync('mkfifo', [path.join(dir, 'pipe.csv'), path.join(dir, 'pipe.sla')]);
    client = await TestClient.start({ workspaceFolders: [dir] });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers "not a regular file" at once, more times than libuv has pool threads, and keeps evaluating', async () => {
    const uri = pathToFileURL(path.join(dir, 'shop.sla')).href;
    const pipeContract = pathToFileURL(path.join(dir, 'pipe.sla')).href;
    const attempts = [];
    for (let i = 0; i < 6; i++) {
      attempts.push(assert.rejects(evaluate(client, { uri, metrics: ['pipe.csv'], baseDir: dir }), failsWith(/pipe\.csv: not a regular file/)));
      attempts.push(assert.rejects(evaluate(client, { uri: pipeContract, metrics: ['small.csv'], baseDir: dir }), failsWith(/pipe\.sla: cannot read: not a regular file/)));
    }
    await Promise.all(attempts);
    assert.equal((await evaluate(client, { uri, metrics: ['small.csv'], baseDir: dir })).rows, 2);
  });
});

describe('protocol: files outside the workspace folders (issue 13 item 13)', function () {
  this.timeout(30_000);
  let client: TestClient;
  let workspace: string;
  let outside: string;
  let uri: string;

  before(async () => {
    await ensureServerBuilt();
    workspace = mkdtempSync(path.join(tmpdir(), 'sla-ws-'));
    outside = mkdtempSync(path.join(tmpdir(), 'sla-outside-'));
    mkdirSync(path.join(workspace, 'contracts'));
    writeFileSync(path.join(workspace, 'contracts', 'shop.sla'), CONTRACT);
    writeFileSync(path.join(workspace, 'm.csv'), SMALL);
    writeFileSync(path.join(outside, 'passwd'), SECRET);
    writeFileSync(path.join(outside, 'other.csv'), SMALL);
    writeFileSync(path.join(outside, 'far.sla'), CONTRACT);
    symlinkSync(path.join(outside, 'passwd'), path.join(workspace, 'link.csv'));
    uri = pathToFileURL(path.join(workspace, 'contracts', 'shop.sla')).href;
    client = await TestClient.start({ workspaceFolders: [workspace] });
  });
  after(async () => {
    await client?.stop();
    for (const d of [workspace, outside]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('reads metric files inside a workspace folder, whatever the base directory', async () => {
    const result = await evaluate(client, { uri, metrics: ['m.csv'], baseDir: workspace });
    assert.equal(result.rows, 2);
  });

  it('refuses, without opening or quoting them, files outside that the user did not choose: absolute, `..`, globs, symbolic links', async () => {
    const notChosen = /outside the workspace folders, and not chosen by you/;
    for (const metrics of [[path.join(outside, 'passwd')], ['../' + path.basename(outside) + '/passwd'], [path.join(outside, '*.csv')], ['link.csv']]) {
      await assert.rejects(evaluate(client, { uri, metrics, baseDir: workspace }), failsWith(notChosen, /SECRET|root:x/));
    }
  });

  it('reads a file outside when the user chose it (the picker marks it)', async () => {
    const other = path.join(outside, 'other.csv');
    const result = await evaluate(client, { uri, metrics: [other], baseDir: workspace, userPicked: [other] });
    assert.equal(result.rows, 2);
    const passwd = path.join(outside, 'passwd');
    await assert.rejects(evaluate(client, { uri, metrics: [passwd], baseDir: workspace, userPicked: [passwd] }), failsWith(/missing column `timestamp`/));
  });

  it('refuses a contract outside the workspace folders that is not open in the editor', async () => {
    const far = pathToFileURL(path.join(outside, 'far.sla')).href;
    await assert.rejects(
      evaluate(client, { uri: far, metrics: [path.join(outside, 'other.csv')], userPicked: [path.join(outside, 'other.csv')] }),
      failsWith(/the contract is outside the workspace folders: open it in the editor/),
    );
  });

  it('follows workspace folders added and removed', async () => {
    const other = path.join(outside, 'other.csv');
    const folder = { uri: pathToFileURL(outside).href, name: 'outside' };
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    assert.equal((await evaluate(client, { uri, metrics: [other], baseDir: workspace })).rows, 2);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await assert.rejects(evaluate(client, { uri, metrics: [other], baseDir: workspace }), failsWith(/outside the workspace folders/));
  });
});
