// "SLA: Export Report…" in a real VS Code: after an evaluation, the extension asks the server
// for the customer report (sla/exportReport) and writes it where the user said (the API's
// options answer the format and save prompts); the command is in the palette.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openWithDiagnostics, workspaceUri } from '../helpers';

const CONTRACT = 'fixtures/evaluation/tiny.sla';
const METRICS = 'fixtures/evaluation/tiny-october.csv';

interface ExtensionApi {
  exportReport?: (options?: { format?: 'html' | 'markdown'; target?: vscode.Uri; period?: string }) => Promise<vscode.Uri | undefined>;
}

describe('SLA: Export Report…', () => {
  let api: ExtensionApi;

  before(async function () {
    api = (await activateExtension()).exports as ExtensionApi;
    const { document } = await openWithDiagnostics(CONTRACT);
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand('sla.evaluateContract', document.uri, { metrics: [workspaceUri(METRICS).fsPath] });
    assert.ok(result, 'the evaluation the report is made from failed');
  });

  it('is a command of the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('sla.exportReport'), 'sla.exportReport is not registered');
  });

  it('writes the HTML report of the evaluated contract: title, chart, credits, no script', async () => {
    assert.ok(api.exportReport, 'the extension API exposes no exportReport()');
    const target = workspaceUri('tiny-report.html');
    const saved = await api.exportReport({ format: 'html', target });
    assert.equal(saved?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<h1>Evaluation fixture \(Tiny\)<\/h1>/);
    assert.match(html, /<svg class="chart"/);
    assert.match(html, /Amount: 100 USD/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('writes the Markdown report of a chosen period', async () => {
    assert.ok(api.exportReport, 'the extension API exposes no exportReport()');
    const target = workspaceUri('tiny-report.md');
    await api.exportReport({ format: 'markdown', target, period: '2026-10' });
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(markdown, /^# Evaluation fixture \(Tiny\)\n/);
    assert.match(markdown, /Claim in writing by 2026-11-30 24:00/);
  });
});
