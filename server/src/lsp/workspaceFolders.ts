// The workspace folders the client announced (at initialize, and as they change): the places
// `sla/evaluate` may read metric files from without the user choosing them.
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams, WorkspaceFolder } from 'vscode-languageserver/node';

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class WorkspaceFolders {
  private folders: string[] = [];
  private changeNotifications = false;

  /** From `initialize`: the folders, else the root (older clients); none for a lone file. */
  initialize(params: InitializeParams): void {
    const announced: WorkspaceFolder[] | undefined = params.workspaceFolders ?? undefined;
    const uris = announced ? announced.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
    this.folders = uris.map(toPath).filter((p): p is string => p !== undefined);
    if (this.folders.length === 0 && !announced && typeof params.rootPath === 'string' && params.rootPath !== '') this.folders = [params.rootPath];
    this.changeNotifications = params.capabilities.workspace?.workspaceFolders === true;
  }

  /** Follows added and removed folders (when the client supports workspace folders). */
  listen(connection: Connection): void {
    if (!this.changeNotifications) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => toPath(f.uri)));
      const added = event.added.map((f) => toPath(f.uri)).filter((p): p is string => p !== undefined);
      this.folders = [...this.folders.filter((f) => !removed.has(f)), ...added];
    });
  }

  paths(): readonly string[] {
    return this.folders;
  }
}
