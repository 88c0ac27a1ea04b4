// "SLA: Compare with Previous Version" in a real VS Code with its built-in Git extension: a
// temporary git repository inside the test workspace, one commit, an edit in the working
// copy; the command opens VS Code's text diff and returns the server's semantic diff.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, workspaceUri } from '../helpers';

const COMMITTED = `sla Chat {
  version "1.0"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  credits { cap 50% }
}
`;

interface CompareApi {
  compareWithPrevious(uri: vscode.Uri): Promise<{ markdown: string; changes: number; versionNotBumped: string[] } | undefined>;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

describe('SLA: Compare with Previous Version', () => {
  let api: CompareApi;
  let contract: vscode.Uri;

  before(async function () {
    api = (await activateExtension()).exports as CompareApi;
    const repo = workspaceUri('git-compare').fsPath;
    mkdirSync(repo, { recursive: true });
    writeFileSync(path.join(repo, 'chat.sla'), COMMITTED);
    git(repo, 'init', '-q');
    git(repo, 'add', 'chat.sla');
    git(repo, 'commit', '-qm', 'first');
    writeFileSync(path.join(repo, 'chat.sla'), COMMITTED.replace('99.9%', '99.95%').replace('cap 50%', 'cap 40%'));
    contract = vscode.Uri.file(path.join(repo, 'chat.sla'));
  });

  it('opens the text diff of HEAD against the working copy and shows the semantic changes', async function () {
    this.timeout(60_000);
    const result = await api.compareWithPrevious(contract);
    assert.ok(result, 'the command returned nothing (did it show an error?)');
    assert.equal(result.changes, 2);
    assert.deepEqual(result.versionNotBumped, ['Chat']);
    assert.match(result.markdown, /uptime: target \| \\>= 99\.9% → \\>= 99\.95%/);
    assert.match(result.markdown, /credit cap \| 50% → 40%/);
    const diffTab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === contract.toString());
    assert.ok(diffTab, 'no diff editor of the contract is open');
    const original = (diffTab.input as vscode.TabInputTextDiff).original;
    assert.equal(original.scheme, 'git');
    assert.equal((await vscode.workspace.openTextDocument(original)).getText(), COMMITTED);
    // The semantic changes beside it: VS Code's Markdown preview of the server's Markdown
    // (a webview, whose tab may appear after the command has answered).
    const isPreview = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType);
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    for (let waited = 0; !tabs().some(isPreview) && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    const describe = (tab: vscode.Tab) => `${tab.label} [${tab.input instanceof vscode.TabInputWebview ? tab.input.viewType : (tab.input as object | undefined)?.constructor?.name}]`;
    const preview = tabs().find(isPreview);
    assert.ok(preview, `no Markdown preview open: ${tabs().map(describe).join(', ')}`);
    assert.match(preview.label, /chat\.sla\.semantic-diff\.md/);
  });
});
