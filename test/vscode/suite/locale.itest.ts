// Localisation in the real VS Code, run twice by the launcher: in English, and with the
// display language zh-cn (SLA_TEST_DISPLAY_LANGUAGE). The manifest's %keys% and the l10n
// bundle as VS Code resolves them, and the language server following the display language
// (initialize `locale`) unless `sla.locale` says otherwise (the setting travels through the
// real client: initializationOptions at start, didChangeConfiguration afterwards).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openWithDiagnostics, positionOf } from '../helpers';

const CONTRACT = 'fixtures/evaluation/tiny.sla';
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
