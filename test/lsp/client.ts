// A real JSON-RPC client for protocol tests: starts the bundled dist/server.js over stdio
// and speaks LSP to it. Waits resolve on the server's notifications, never on timers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverProcessEnvironment } from '../../server/src/lsp/processEnvironment';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  Position,
  PublishDiagnosticsParams,
  Range,
  SelectionRange,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

/** Builds dist/server.js (as `npm run build` does) when it is missing or older than a source of the server. */
export async function ensureServerBuilt(): Promise<void> {
  const built = existsSync(SERVER) ? statSync(SERVER).mtimeMs : 0;
  if (built && !newerSource(path.join(ROOT, 'server/src'), built)) return;
  // The project's own build, so the server under test is the one that ships.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
}

/**
 * One server for the enclosing mocha suite: built when needed and started before its tests,
 * stopped after them; `use` receives the client once it runs.
 */
export function startForSuite(use: (client: TestClient) => void, options?: ClientOptions): void {
  let client: TestClient | undefined;
  before(async () => {
    await ensureServerBuilt();
    client = await TestClient.start(options);
    use(client);
  });
  after(async () => client?.stop());
}

function newerSource(dir: string, than: number): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() ? newerSource(full, than) : statSync(full).mtimeMs > than) return true;
  }
  return false;
}


export interface ClientOptions {
  /** The `sla` settings answered to workspace/configuration (when `configuration` is on). */
  settings?: unknown;
  /** Whether the client announces workspace/configuration support (default true). */
  configuration?: boolean;
  initializationOptions?: unknown;
  /** The client's display language sent in `initialize` (VS Code sends e.g. `zh-cn`). */
  locale?: string;
  /** Extra server arguments; default `--stdio`. */
  args?: string[];
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** Workspace folders (absolute paths) announced at initialize, with change notifications; default: none, the repository as rootUri. */
  workspaceFolders?: string[];
}

type Waiter = { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** The latest diagnostics published per uri. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication, in order (for counting). */
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly stderr: string[] = [];
  /** window/logMessage texts: a handler that caught an exception logs it there. */
  readonly logs: string[] = [];
  settings: unknown;
  configurationRequests = 0;
  codeLensRefreshes = 0;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  private counter = 0;
  initializeResult?: InitializeResult;

  private constructor(options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...serverProcessEnvironment(), ...options.env } });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publications.push(params);
      const ready = this.waiters.filter((w) => w.predicate(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => this.logs.push(params.message));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'sla' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      return null;
    });
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const client = new TestClient(options);
    // A server that dies at start fails the test at once, with its stderr.
    const died = new Promise<never>((_, reject) =>
      client.process.once('exit', (code) => reject(new Error(`server exited with ${code}: ${client.stderr.join('')}`))),
    );
    const initialize = client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.workspaceFolders?.[0] ?? ROOT).href,
      workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: {
        workspace: {
          workspaceFolders: options.workspaceFolders !== undefined,
          configuration: options.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
      initializationOptions: options.initializationOptions,
      locale: options.locale,
    });
    client.initializeResult = await Promise.race([initialize, died]);
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }

  /** Resolves on the next publication for `uri` that satisfies `predicate`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ predicate: (p) => p.uri === uri && predicate(p), resolve }));
  }

  /** Resolves with the diagnostics published for `version` of `uri` (at once if already there). */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && current.version === version) return Promise.resolve(current.diagnostics);
    return this.nextDiagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  newUri(name = 'test'): string {
    return pathToFileURL(path.join(ROOT, 'test-output', `${name}-${++this.counter}.sla`)).href;
  }

  /** Opens a document and resolves with its first diagnostics. */
  async open(text: string, uri = this.newUri()): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const published = this.nextDiagnostics(uri, (p) => p.version === 1);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sla', version: 1, text } });
    return { uri, diagnostics: (await published).diagnostics };
  }

  /** Sends incremental changes; returns the new version. */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    let text = this.texts.get(uri) ?? '';
    for (const change of changes) text = applyEdits(text, [{ range: change.range, newText: change.text }]);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text with an incremental change covering the old text. */
  async replaceText(uri: string, text: string): Promise<number> {
    const old = this.texts.get(uri) ?? '';
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: endPosition(old) }, text }]);
  }

  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    // Later edits first, so that earlier ranges stay valid (LSP edits do not overlap).
    const sorted = [...edits].sort((a, b) => comparePos(b.range.start, a.range.start));
    return this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async configurationChanged(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sla: settings } });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return this.connection
      .sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position })
      .then((r) => (Array.isArray(r) ? r : (r?.items ?? [])));
  }
  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }
  definition(uri: string, position: Position): Promise<Location[] | Location | null> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
  }
  references(uri: string, position: Position, includeDeclaration = true): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  }
  prepareRename(uri: string, position: Position): Promise<{ range: Range; placeholder: string } | Range | null> {
    return this.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position });
  }
  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName });
  }
  documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }
  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }
  selectionRanges(uri: string, positions: Position[]): Promise<SelectionRange[]> {
    return this.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions });
  }
  semanticTokens(uri: string): Promise<SemanticTokens> {
    return this.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  }
  formatting(uri: string): Promise<TextEdit[] | null> {
    return this.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  }
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }
  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }
}

// --- text helpers ---------------------------------------------------------------------

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function endPosition(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => comparePos(b.range.start, a.range.start));
  for (const edit of sorted) {
    text = text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
  }
  return text;
}

/** Text of a range. */
export function textOf(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Removes every `<|>` marker and returns the clean text and the markers' positions. */
export function markers(marked: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let text = '';
  let rest = marked;
  for (;;) {
    const at = rest.indexOf('<|>');
    if (at < 0) break;
    text += rest.slice(0, at);
    positions.push(positionAt(text, text.length));
    rest = rest.slice(at + 3);
  }
  return { text: text + rest, positions };
}

/** The position of the `nth` occurrence (0-based) of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found (occurrence ${nth})`);
  }
  return positionAt(text, at + delta);
}
