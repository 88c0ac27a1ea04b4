// Localisation in the real VS Code, run twice by the launcher: in English, and with the
// display language zh-cn (SLA_TEST_DISPLAY_LANGUAGE). The manifest's %keys% and the l10n
// bundle as VS Code resolves them, and the language server following the display language
// (initialize `locale`) unless `sla.locale` says otherwise (the setting travels through the
// real client: initializationOptions at start, didChangeConfiguration afterwards).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, codeOf, createWorkspaceFile, openWithDiagnostics, positionOf, waitForDiagnostics, waitForEvent, workspaceUri } from '../helpers';

const CONTRACT = 'fixtures/evaluation/tiny.sla';
const METRICS = 'fixtures/evaluation/tiny-october.csv';
const WAIT_MS = 15_000;

async function evaluateLensTitle(document: vscode.TextDocument): Promise<string | undefined> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
  const line = positionOf(document, 'objective uptime').line;
  return (lenses ?? []).find((l) => l.range.start.line === line && l.command?.command === 'sla.evaluateContract')?.command?.title;
}

/** Asks for the lens until its title is `expected` (the server applies the setting when it arrives). */
async function waitForLensTitle(document: vscode.TextDocument, expected: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let title: string | undefined;
  while (Date.now() < deadline) {
    title = await evaluateLensTitle(document);
    if (title === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`the Evaluate lens says ${JSON.stringify(title)}, expected ${JSON.stringify(expected)} within ${WAIT_MS} ms`);
}

/** The display language the launcher started VS Code in (scripts/vscode/test-code-server.ts). */
const DISPLAY_LANGUAGE = process.env.SLA_TEST_DISPLAY_LANGUAGE ?? 'en';

describe('localisation', () => {
  const settings = () => vscode.workspace.getConfiguration('sla');
  const chineseDisplay = () => DISPLAY_LANGUAGE === 'zh-cn';
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    ({ document } = await openWithDiagnostics(CONTRACT));
  });
  after(async () => {
    await settings().update('locale', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('runs in the display language it was started with', () => {
    assert.equal(vscode.env.language, DISPLAY_LANGUAGE);
  });

  it('has its manifest texts resolved from package.nls*.json for the display language', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; title: string | { value: string; original: string }; category: string }[] };
    };
    // VS Code keeps a translated title with its English original.
    const text = (title: string | { value: string }) => (typeof title === 'string' ? title : title.value);
    const command = (id: string) => text(manifest.contributes.commands.find((c) => c.command === id)!.title);
    assert.equal(command('sla.evaluateContract'), chineseDisplay() ? '评估协议' : 'Evaluate Contract');
    assert.equal(command('sla.setPrometheusToken'), chineseDisplay() ? '设置 Prometheus 令牌' : 'Set Prometheus Token');
  });

  it('translates its own messages with the l10n bundle of the display language', () => {
    assert.equal(vscode.l10n.t('Show Output'), chineseDisplay() ? '显示输出' : 'Show Output');
    assert.equal(vscode.l10n.t('Evaluate {name}', { name: 'tiny.sla' }), chineseDisplay() ? '评估 tiny.sla' : 'Evaluate tiny.sla');
  });

  it('shows the language server\'s diagnostics in the display language (SLA505, a catalogue message)', async () => {
    const text = document.getText().replace('review quarterly', 'review quarterly\n  reviewed 2020-01-31');
    const uri = await createWorkspaceFile('fixtures/evaluation/tiny-reviewed.sla', text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'SLA505'), undefined, 'SLA505 on `reviewed`');
    const message = diagnostics.find((d) => codeOf(d) === 'SLA505')!.message;
    if (chineseDisplay()) assert.match(message, /^复审已逾期：上次复审于 2020-01-31，复审周期为 quarterly/);
    else assert.match(message, /^review overdue: reviewed on 2020-01-31 with a quarterly review/);
  });

  it('shows the report panel with its heading and column headings in the display language', async () => {
    const api = (await activateExtension()).exports as { reportHtml?: () => string };
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ markdown: string }>('sla.evaluateContract', document.uri, { metrics: [workspaceUri(METRICS).fsPath] });
    assert.ok(result, 'the evaluation returned no result');
    assert.ok(api.reportHtml, 'the extension API exposes no reportHtml()');
    const html = api.reportHtml();
    if (chineseDisplay()) {
      assert.match(html, /<html lang="zh-cn">/);
      assert.match(html, /<h1>SLA 报告：Tiny/);
      assert.match(html, /<th>开始<\/th><th>结束<\/th><th class="num">样本数<\/th><th class="num">实际值<\/th><th class="num">目标值<\/th><th>状态<\/th><th class="num">服务抵扣<\/th>/);
      assert.match(html, /✘ 未达标/);
      assert.match(result.markdown, /^# SLA 报告：Tiny/m);
      // The tab model reaches the extension host asynchronously.
      const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      await waitForEvent(() => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'SLA 报告：Tiny'), vscode.window.tabGroups.onDidChangeTabs, 'the report tab').catch(
        (error: Error) => assert.fail(`${error.message}; tabs: ${tabs().map((t) => t.label).join(', ')}`),
      );
    } else {
      assert.match(html, /<h1>SLA report: Tiny/);
      assert.match(html, /<th>Start<\/th><th>End<\/th><th class="num">Samples<\/th>/);
      assert.match(result.markdown, /^# SLA report: Tiny/m);
    }
  });

  it('switches the language server to Chinese with sla.locale zh-cn, and back with auto', async () => {
    await waitForLensTitle(document, chineseDisplay() ? '▶ 评估' : '▶ Evaluate');
    await settings().update('locale', 'zh-cn', vscode.ConfigurationTarget.Workspace);
    await waitForLensTitle(document, '▶ 评估');
    await settings().update('locale', 'en', vscode.ConfigurationTarget.Workspace);
    await waitForLensTitle(document, '▶ Evaluate');
    await settings().update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForLensTitle(document, chineseDisplay() ? '▶ 评估' : '▶ Evaluate');
  });
});
