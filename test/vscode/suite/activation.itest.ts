// The extension as VS Code sees it: language registration, activation, commands, and a
// language server that comes back after "SLA: Restart Language Server".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, createWorkspaceFile, nextDiagnostics, openWithDiagnostics } from '../helpers';

describe('extension activation', () => {
  it('gives .sla files the language `sla`', async () => {
    const { document } = await openWithDiagnostics('lanying-im.sla');
    assert.equal(document.languageId, 'sla');
  });

  it('activates and registers the SLA commands', async () => {
    const extension = await activateExtension();
    assert.ok(extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['sla.evaluateContract', 'sla.restartServer', 'sla.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  it('publishes diagnostics again after "Restart Language Server"', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('sla.restartServer');
    const uri = await createWorkspaceFile('scratch/after-restart.sla', 'sla AfterRestart {\n  version "1"\n  oops\n}\n');
    const diagnostics = await nextDiagnostics(uri, async () => {
      await vscode.workspace.openTextDocument(uri);
    });
    assert.ok(diagnostics.length > 0, 'the restarted server reported nothing on a file with a syntax error');
  });
});
