// bench:lsp, issue 15: our server against yaml-language-server with the OpenSLO schema, on equal
// content (bench/equalContent.ts: the 500 objectives as a 7,016-line contract and as 18,500
// lines of OpenSLO YAML), both over stdio, same run. Measures open → first publishDiagnostics
// (a new document each time) and completion at an equivalent spot: a value from a fixed set in
// the middle objective (`window |calendar month` ↔ `budgetingMethod: |Occurrences`).
// Goals: open ≤ 25 ms and ≤ 0.05× the peer; completion ≤ 2 ms. Printed, not asserted; with the
// opens' spread, each server's first open, and its CPU time per open (steadier under load).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionItem, CompletionList, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { equalContent } from './equalContent';
import { fmt, median } from './stats';

const OBJECTIVES = 500;
const OPEN_RUNS = 15;
const OPEN_WARMUP = 5;
const COMPLETION_RUNS = 40;
const COMPLETION_WARMUP = 20;

interface Peer {
  name: string;
  languageId: string;
  extension: string;
  command: string[];
  settings: Record<string, unknown>;
  text: string;
  spot: Position;
  /** A completion label that only a correctly configured server offers at the spot. */
  expected: string;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * CPU milliseconds a process has used, all its threads (Linux /proc; NaN elsewhere): wall time
 * on a shared machine includes waiting for a core, CPU time much less so.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

function positionOf(text: string, needle: string, delta: number): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`not in the text: ${needle}`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

class StdioClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  private counter = 0;

  constructor(private readonly peer: Peer, private readonly dir: string) {
    this.process = spawn(peer.command[0], peer.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const resolve = this.waiting.get(p.uri);
      this.waiting.delete(p.uri);
      resolve?.(p);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? (peer.settings[item.section] ?? null) : peer.settings)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.dir).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { validateDelayMs: 0 },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.peer.settings });
  }

  /** Opens a new document with the peer's text; resolves with the milliseconds to its first diagnostics. */
  async open(): Promise<{ uri: string; ms: number; errors: number }> {
    const uri = pathToFileURL(path.join(this.dir, `bench-${++this.counter}${this.peer.extension}`)).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) => this.waiting.set(uri, resolve));
    const start = now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.peer.languageId, version: 1, text: this.peer.text } });
    const p = await published;
    return { uri, ms: now() - start, errors: p.diagnostics.filter((d) => d.severity === 1).length };
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string): Promise<{ ms: number; labels: string[] }> {
    const start = now();
    const result = await this.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: this.peer.spot });
    const ms = now() - start;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return { ms, labels: items.map((i) => i.label) };
  }

  async stop(): Promise<void> {
    await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

interface Measured {
  open: number;
  /** The fastest and slowest of the measured opens. */
  openRange: [number, number];
  /** The server's CPU time (all threads) per measured open, close included. */
  openCpu: number;
  /** The first open of a fresh server (not in the median): what a user waits for first. */
  firstOpen: number;
  completion: number;
}

async function measure(peer: Peer, dir: string): Promise<Measured> {
  const client = new StdioClient(peer, dir);
  try {
    await client.start();
    const opens: number[] = [];
    let cpuBefore = Number.NaN;
    let firstOpen = Number.NaN;
    for (let i = 0; i < OPEN_WARMUP + OPEN_RUNS; i++) {
      if (i === OPEN_WARMUP) cpuBefore = cpuMs(client.process.pid);
      const { uri, ms, errors } = await client.open();
      if (errors > 0) throw new Error(`${peer.name}: the benchmark text has ${errors} errors`);
      if (i === 0) firstOpen = ms;
      if (i >= OPEN_WARMUP) opens.push(ms);
      await client.close(uri);
    }
    const openCpu = (cpuMs(client.process.pid) - cpuBefore) / OPEN_RUNS;
    const { uri } = await client.open();
    const completions: number[] = [];
    for (let i = 0; i < COMPLETION_WARMUP + COMPLETION_RUNS; i++) {
      const { ms, labels } = await client.completion(uri);
      if (!labels.includes(peer.expected)) throw new Error(`${peer.name}: completion did not offer ${peer.expected} (got ${labels.slice(0, 8).join(', ')})`);
      if (i >= COMPLETION_WARMUP) completions.push(ms);
    }
    return { open: median(opens), openRange: [Math.min(...opens), Math.max(...opens)], openCpu, firstOpen, completion: median(completions) };
  } finally {
    await client.stop();
  }
}

export async function compareWithYamlLanguageServer(root: string): Promise<void> {
  const { sla, yaml } = equalContent(OBJECTIVES);
  // Documents in a folder that is not hidden: yaml-language-server's `*.yaml` leaves out dot folders.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sla-bench-lsp-'));
  const schema = pathToFileURL(path.join(root, 'bench/openslo.schema.json')).href;
  const yamlServer = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server', { paths: [root] });
  const middle = Math.floor(OBJECTIVES / 2);
  const ours: Peer = {
    name: 'sla server',
    languageId: 'sla',
    extension: '.sla',
    command: [process.execPath, path.join(root, 'dist/server.js'), '--stdio'],
    settings: { sla: { validate: { onType: true } } },
    text: sla,
    spot: positionOf(sla, `objective uptime_${middle} {\n    indicator probe_${middle}\n    target >= 99.9%\n    window `, `objective uptime_${middle} {\n    indicator probe_${middle}\n    target >= 99.9%\n    window `.length),
    expected: 'rolling',
  };
  const peer: Peer = {
    name: 'yaml-language-server',
    languageId: 'yaml',
    extension: '.yaml',
    command: [process.execPath, yamlServer, '--stdio'],
    settings: { yaml: { schemas: { [schema]: '*.yaml' }, validate: true, completion: true, hover: true, schemaStore: { enable: false } } },
    text: yaml,
    spot: positionOf(yaml, `name: uptime-${middle}\nspec:\n  service: web\n  indicatorRef: probe-${middle}\n  budgetingMethod: `, `name: uptime-${middle}\nspec:\n  service: web\n  indicatorRef: probe-${middle}\n  budgetingMethod: `.length),
    expected: 'Timeslices',
  };
  let a: Measured;
  let b: Measured;
  try {
    a = await measure(ours, dir);
    b = await measure(peer, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = (t: string) => (t.split('\n').length - 1).toLocaleString('en');
  console.log(`\nbench:lsp, equal content — ${OBJECTIVES} objectives: ${lines(sla)} lines of SLA, ${lines(yaml)} lines of OpenSLO YAML; medians of ${OPEN_RUNS} opens, ${COMPLETION_RUNS} completions`);
  console.log(`  open → publishDiagnostics   sla ${fmt(a.open)}   yaml-language-server ${fmt(b.open)}   ratio ${(a.open / b.open).toFixed(3)}×  (goal ≤ 25 ms and ≤ 0.05×: ${a.open <= 25 && a.open / b.open <= 0.05 ? 'met' : 'MISSED'})`);
  const range = (m: Measured) => `${m.openRange[0].toFixed(1)}–${m.openRange[1].toFixed(1)}`;
  console.log(`    spread of the ${OPEN_RUNS} opens          sla ${range(a)} ms   yaml-language-server ${range(b)} ms`);
  console.log(`    first open of a fresh server sla ${fmt(a.firstOpen)}   yaml-language-server ${fmt(b.firstOpen)}`);
  if (Number.isFinite(a.openCpu) && Number.isFinite(b.openCpu)) {
    console.log(`    server CPU per open          sla ${fmt(a.openCpu)}   yaml-language-server ${fmt(b.openCpu)}   ratio ${(a.openCpu / b.openCpu).toFixed(3)}×  (all threads, close included)`);
  }
  console.log(`  completion (middle, value)  sla ${fmt(a.completion)}   yaml-language-server ${fmt(b.completion)}   ratio ${(a.completion / b.completion).toFixed(3)}×  (goal ≤ 2 ms: ${a.completion <= 2 ? 'met' : 'MISSED'})`);
  console.log(`  load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other processes inflate the figures)`);
}
