// "SLA: Compare with Previous Version": VS Code's text diff of the contract at git HEAD
// against the working copy, and beside it the semantic changes (computed by the language
// server, `sla/semanticDiff`) as a rendered Markdown preview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SEMANTIC_DIFF_REQUEST, type SemanticDiffParams, type SemanticDiffResult } from '../../../server/src/lsp/protocol';
import { GIT_EXTENSION_ID, type GitApi, type GitExtension, type GitRepository } from './gitApi';

/** Read-only documents holding the semantic diffs shown in the Markdown preview. */
export const SEMANTIC_DIFF_SCHEME = 'sla-semantic-diff';

export interface CompareDependencies {
  client(): LanguageClient;
  ready(): Promise<void>;
}

/** The previous version compared with: the commit the working copy is based on. */
const REF = 'HEAD';

export class CompareWithPrevious implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly dependencies: CompareDependencies) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SEMANTIC_DIFF_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  /** Runs the command on `argument` (a URI) or the active editor's contract; the result for tests. */
  async run(argument?: unknown): Promise<SemanticDiffResult | undefined> {
    const uri = argument instanceof vscode.Uri ? argument : typeof argument === 'string' ? vscode.Uri.parse(argument) : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t('SLA: open a saved contract (.sla file) to compare it with its previous version.'));
      return undefined;
    }
    const file = path.basename(uri.fsPath);
    const git = await gitApi();
    if (typeof git === 'string') {
      void vscode.window.showErrorMessage(git);
      return undefined;
    }
    const repository = await repositoryOf(git, uri);
    if (!repository) {
      void vscode.window.showErrorMessage(vscode.l10n.t('SLA: {file} is not in a Git repository.', { file }));
      return undefined;
    }
    // A file that is not in HEAD (new, or a repository without commits) is all added.
    const previousText = await repository.show(REF, uri.fsPath).catch(() => '');

    const document = await vscode.workspace.openTextDocument(uri);
    const name = vscode.workspace.asRelativePath(uri, false);
    await vscode.commands.executeCommand('vscode.diff', git.toGitUri(uri, REF), uri, vscode.l10n.t('{file} (HEAD) ↔ Working Tree', { file }));

    let result: SemanticDiffResult;
    try {
      await this.dependencies.ready();
      const params: SemanticDiffParams = { uri: document.uri.toString(), previousText, previousName: `${REF}:${name}`, currentName: name };
      result = await this.dependencies.client().sendRequest<SemanticDiffResult>(SEMANTIC_DIFF_REQUEST, params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('SLA: cannot compare {file}: {message}', { file, message }));
      return undefined;
    }
    await this.show(uri, result.markdown);
    if (result.versionNotBumped.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('SLA: the meaning of {slas} changed but its version did not.', { slas: result.versionNotBumped.join(', ') }),
      );
    }
    return result;
  }

  private async show(contract: vscode.Uri, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SEMANTIC_DIFF_SCHEME, path: `/${path.basename(contract.fsPath)}.semantic-diff.md`, query: contract.toString() });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // Without the built-in Markdown extension: the Markdown text itself, beside the diff.
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }
  }
}

/** The Git extension's API, or the reason it is not available, in words. */
async function gitApi(): Promise<GitApi | string> {
  const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
  if (!extension) return vscode.l10n.t('SLA: the built-in Git extension is not available.');
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports.enabled) return vscode.l10n.t('SLA: Git is disabled (setting git.enabled).');
  return exports.getAPI(1);
}

/** The repository holding `uri`; git discovers repositories lazily, so ask it to open the folder's. */
async function repositoryOf(git: GitApi, uri: vscode.Uri): Promise<GitRepository | null> {
  const known = git.getRepository(uri);
  if (known || !git.openRepository) return known;
  await git.openRepository(vscode.Uri.file(path.dirname(uri.fsPath))).catch(() => null);
  return git.getRepository(uri);
}
