// Localisation in the real VS Code: the manifest's %keys% as VS Code resolves them for its
// display language, and the language server answering in Chinese when `sla.locale` says so
// (the setting travels through the real client: initializationOptions at start,
// didChangeConfiguration afterwards).
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

describe('localisation', () => {
  const settings = () => vscode.workspace.getConfiguration('sla');
  const chineseDisplay = () => vscode.env.language.toLowerCase().startsWith('zh');
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    ({ document } = await openWithDiagnostics(CONTRACT));
  });
  after(async () => {
    await settings().update('locale', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('has its manifest texts resolved from package.nls*.json for the display language', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; title: string; category: string }[] };
    };
    const evaluate = manifest.contributes.commands.find((c) => c.command === 'sla.evaluateContract')!;
    assert.equal(evaluate.title, chineseDisplay() ? '评估协议' : 'Evaluate Contract', `display language ${vscode.env.language}`);
    assert.equal(evaluate.category, 'SLA');
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
