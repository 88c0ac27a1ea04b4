// Helpers for the extension-host suite: everything goes through the public VS Code API, the
// way a user's actions do. Waits are event-driven (onDidChangeDiagnostics), with a timeout
// that fails the test with what was seen instead of a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sla-language-tools.sla-language-tools';
const DEFAULT_WAIT_MS = Number(process.env.SLA_TEST_WAIT_MS ?? 20_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open a workspace folder (a copy of samples/)');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** The workspace's files matching `glob` (relative to the workspace root), sorted. */
export async function workspaceFiles(glob: string): Promise<string[]> {
  const uris = await vscode.workspace.findFiles(glob);
  const root = workspaceRoot().path;
  return uris.map((u) => u.path.slice(root.length + 1)).sort();
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
  return extension;
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them: at once when it
 * already does, else at the first onDidChangeDiagnostics that makes it hold. Rejects after
 * `timeoutMs` with the diagnostics last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_WAIT_MS,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!predicate(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last seen: ${describeAll(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/**
 * Resolves with `probe()`'s first defined value: at once, or at the first `event` after
 * which it is defined (e.g. window.tabGroups.onDidChangeTabs). Rejects after `timeoutMs`.
 */
export function waitForEvent<T>(
  probe: () => T | undefined,
  event: vscode.Event<unknown>,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = probe();
    if (now !== undefined) return resolve(now);
    const subscription = event(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}

/**
 * Resolves at the next diagnostics publication for `uri` (whatever it holds) after `action`
 * runs: the subscription is made first, so a publication cannot slip by unseen. Use it where
 * "no diagnostics" must mean "the server looked and found none", not "nothing arrived yet".
 */
export async function nextDiagnostics(
  uri: vscode.Uri,
  action: () => PromiseLike<unknown>,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const published = new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) resolve(vscode.languages.getDiagnostics(uri));
    });
    timer = setTimeout(() => reject(new Error(`no diagnostics were published for ${uri.path} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await action();
    return await published;
  } finally {
    clearTimeout(timer);
    subscription?.dispose();
  }
}

const opened = new Map<string, Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }>>();

/**
 * Opens a workspace file once per run and resolves with the diagnostics the server
 * published for it on open (the first publication after opening). The document is opened
 * as VS Code opens it for any feature (didOpen), without an editor tab: rendering dozens of
 * editors in the browser only slows the run down.
 */
export function openWithDiagnostics(relativePath: string) {
  let result = opened.get(relativePath);
  if (!result) {
    const uri = workspaceUri(relativePath);
    let document: vscode.TextDocument | undefined;
    result = nextDiagnostics(uri, async () => {
      document = await vscode.workspace.openTextDocument(uri);
    }).then((diagnostics) => ({ document: document!, diagnostics }));
    opened.set(relativePath, result);
  }
  return result;
}

export async function openEditor(relativePath: string): Promise<vscode.TextEditor> {
  const { document } = await openWithDiagnostics(relativePath);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position of the first occurrence of `needle` (plus `offset` characters) in `document`. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = document.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${i + 1}) not found in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${codeOf(d)}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.message}`;
}

export function describeAll(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.length === 0 ? '(none)' : diagnostics.map(describeDiagnostic).join('; ');
}

export function hasCode(code: string) {
  return (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => codeOf(d) === code);
}

/** Plain text of hover contents, whatever form (MarkdownString, MarkedString) they take. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Flattens document symbols (or SymbolInformation) into `name (kind)` paths like `LanyingIM/uptime`. */
export function symbolPaths(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  const paths: string[] = [];
  const walk = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[], prefix: string) => {
    for (const s of list) {
      const path = prefix ? `${prefix}/${s.name}` : s.name;
      paths.push(path);
      if ('children' in s && s.children) walk(s.children, path);
    }
  };
  walk(symbols, '');
  return paths;
}

/** Replaces the whole text of an open document through a WorkspaceEdit (not saved). */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${document.uri.path}`);
}

/** Applies TextEdits to a document through workspace.applyEdit. */
export async function applyTextEdits(uri: vscode.Uri, edits: readonly vscode.TextEdit[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, [...edits]);
  assert.ok(await vscode.workspace.applyEdit(edit), `workspace.applyEdit refused the edits for ${uri.path}`);
}

/** Opens a new file with `text` written to disk in the workspace (a scratch copy). */
export async function createWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}
