// The part of the built-in Git extension's API (`vscode.git`, `getAPI(1)`, see its git.d.ts)
// that "Compare with Previous Version" uses. Declared here: the extension ships no types.
import type * as vscode from 'vscode';

export interface GitRepository {
  /** The text of `path` (absolute) at `ref`; rejects when the file is not in that commit. */
  show(ref: string, path: string): Promise<string>;
}

export interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  /** Opens the repository at `root` if git knows it (VS Code 1.76+). */
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
  /** A `git:` URI whose content is `uri` at `ref`, for VS Code's diff editor. */
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export const GIT_EXTENSION_ID = 'vscode.git';
