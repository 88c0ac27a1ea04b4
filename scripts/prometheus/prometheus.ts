// A real Prometheus for tests and benchmarks: finds `prometheus` and `promtool` (installing
// Debian's `prometheus` package with apt-get when they are missing and we are root),
// writes samples as OpenMetrics text, backfills them with
// `promtool tsdb create-blocks-from openmetrics`, starts `prometheus` on 127.0.0.1 on a
// free port with that storage, a long retention and a configuration that scrapes nothing,
// waits for /-/ready, and stops its whole process group afterwards (also when the calling
// process exits early).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { installDebianPackages } from '../debian';

export interface PrometheusTools {
  prometheus: string;
  promtool: string;
  version: string;
}

/** Prometheus is not available here, and why. */
export class PrometheusUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PrometheusUnavailable';
  }
}

export type Log = (message: string) => void;

export function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const out = found.stdout.trim();
  return found.status === 0 && out !== '' ? out : undefined;
}

/**
 * `prometheus` and `promtool`, installed with apt-get when missing and running as root
 * (`apt-get update` first when the package cannot be found). Throws PrometheusUnavailable
 * saying why when they cannot be had.
 */
export function ensureTools(log: Log = () => undefined): PrometheusTools {
  let prometheus = which('prometheus');
  let promtool = which('promtool');
  if (!prometheus || !promtool) {
    try {
      installDebianPackages(['prometheus'], '`prometheus` and `promtool` are not installed', log);
    } catch (error) {
      throw new PrometheusUnavailable((error as Error).message);
    }
    prometheus = which('prometheus');
    promtool = which('promtool');
    if (!prometheus || !promtool) throw new PrometheusUnavailable('apt-get installed the prometheus package, but `prometheus`/`promtool` are still not on the PATH');
  }
  const version = spawnSync(prometheus, ['--version'], { encoding: 'utf8' });
  const line = `${version.stdout ?? ''}${version.stderr ?? ''}`.split('\n')[0].trim();
  return { prometheus, promtool, version: line };
}

/** One series: name, labels and samples (epoch ms, whole numbers; value). */
export interface Series {
  name: string;
  labels: Record<string, string>;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

/** OpenMetrics seconds for whole milliseconds, written exactly (no float formatting). */
export function openMetricsTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const fraction = abs % 1000;
  return `${sign}${Math.floor(abs / 1000)}${fraction === 0 ? '' : `.${String(fraction).padStart(3, '0')}`}`;
}

/** Writes the series as OpenMetrics text: one gauge family per name, each series' samples in time order, `# EOF` at the end. */
export async function writeOpenMetrics(file: string, series: readonly Series[]): Promise<void> {
  const out = createWriteStream(file);
  const byName = new Map<string, Series[]>();
  for (const s of series) {
    const list = byName.get(s.name) ?? [];
    list.push(s);
    byName.set(s.name, list);
  }
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  for (const [name, list] of byName) {
    await write(`# TYPE ${name} gauge\n`);
    for (const s of list) {
      const prefix = `${name}${labelText(s.labels)} `;
      const order = Array.from({ length: s.times.length }, (_, i) => i).sort((a, b) => s.times[a] - s.times[b]);
      for (const i of order) await write(`${prefix}${s.values[i]} ${openMetricsTime(s.times[i])}\n`);
    }
  }
  await write('# EOF\n');
  out.end(buffer);
  await once(out, 'close');
}

/** Backfills one OpenMetrics file into a TSDB directory. */
function backfillFile(tools: PrometheusTools, openMetricsFile: string, tsdbDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tools.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', openMetricsFile, tsdbDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`promtool tsdb create-blocks-from openmetrics ${openMetricsFile} failed (${code ?? signal}):\n${output.trim().split('\n').slice(-10).join('\n')}`));
    });
  });
}

const DAY_MS = 86_400_000;

/**
 * Writes the series as OpenMetrics text and backfills them into a TSDB directory.
 * promtool (2.42) reads its whole input once per 2-hour block it makes, so one file for
 * months of samples takes minutes: the samples are written one file per UTC day (a day is
 * twelve whole blocks, so no two files make blocks of the same hours) and the files are
 * backfilled two at a time.
 */
export async function backfill(tools: PrometheusTools, series: readonly Series[], tsdbDir: string, log: Log = () => undefined): Promise<void> {
  const started = Date.now();
  const days = new Map<number, Series[]>();
  for (const s of series) {
    const byDay = new Map<number, number[]>();
    for (let i = 0; i < s.times.length; i++) {
      const day = Math.floor(s.times[i] / DAY_MS);
      let list = byDay.get(day);
      if (!list) byDay.set(day, (list = []));
      list.push(i);
    }
    for (const [day, indices] of byDay) {
      let list = days.get(day);
      if (!list) days.set(day, (list = []));
      list.push({ name: s.name, labels: s.labels, times: indices.map((i) => s.times[i]), values: indices.map((i) => s.values[i]) });
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-openmetrics-'));
  try {
    const queue = [...days.keys()].sort((a, b) => a - b);
    let samples = 0;
    for (const s of series) samples += s.times.length;
    const worker = async () => {
      for (let day = queue.shift(); day !== undefined; day = queue.shift()) {
        const file = path.join(dir, `${day}.om`);
        await writeOpenMetrics(file, days.get(day)!);
        await backfillFile(tools, file, tsdbDir);
        rmSync(file, { force: true });
      }
    };
    await Promise.all([worker(), worker()]);
    log(`backfilled ${samples} samples (${days.size} days) in ${Date.now() - started} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningPrometheus {
  url: string;
  tools: PrometheusTools;
  /** Stops the process group and removes the working directory. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Keeps the server process to stop it when this process exits or is interrupted; `untrack` when stopped. */
function track(child: ChildProcess): void {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of running) killGroup(c, 'SIGKILL');
  });
  // Interrupted (Ctrl-C, a CI timeout): stop the servers, then die of the same signal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const c of running) killGroup(c, 'SIGKILL');
      process.kill(process.pid, signal);
    });
  }
}

/** The server process is gone or being stopped: no longer stopped at exit. Returns whether it was tracked. */
function untrack(child: ChildProcess): boolean {
  return running.delete(child);
}

/**
 * Backfills the series into a fresh TSDB and starts Prometheus on it; resolves
 * once /-/ready answers 200. The caller must call stop() (a process exit does it too).
 */
export async function startPrometheus(options: { series: readonly Series[]; tools?: PrometheusTools; log?: Log }): Promise<RunningPrometheus> {
  const log = options.log ?? (() => undefined);
  const tools = options.tools ?? ensureTools(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-prometheus-'));
  const tsdb = path.join(dir, 'data');
  const config = path.join(dir, 'prometheus.yml');
  // Scrapes nothing: the data is only what was backfilled.
  writeFileSync(config, 'global:\n  scrape_interval: 1h\n  evaluation_interval: 1h\nscrape_configs: []\n');
  try {
    await backfill(tools, options.series, tsdb, log);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const server = await startServer({
    command: tools.prometheus,
    args: (port) => [
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
    dir,
  });
  log(`${tools.version} ready at ${server.url}`);
  return { ...server, tools };
}

/** A server process started by startServer: its address, and stop(), which also removes its directory. */
export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `command` in its own process group on a free 127.0.0.1 port (`args(port)`), waits
 * until `readyPath` answers 200 (trying another port when the chosen one was taken), and
 * gives the way to stop it; `dir` (its working directory) is removed when it stops or fails.
 */
export async function startServer(options: { command: string; args: (port: number) => string[]; readyPath: string; dir: string }): Promise<RunningServer> {
  const { command, dir } = options;
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(command, options.args(port), { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    track(child);
    // Never what keeps the caller alive: stop() or the exit hooks end it.
    child.unref();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const stop = async () => {
      if (untrack(child)) {
        child.ref(); // wait for it to be gone before removing its directory
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        if (child.exitCode === null && child.signalCode === null) await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    };
    if (await waitReady(`${url}${options.readyPath}`, exited, 60_000)) return { url, stop };
    lastError = stderr.trim();
    untrack(child);
    killGroup(child, 'SIGKILL');
    await exited;
    if (!/address already in use/i.test(lastError)) break;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`${path.basename(command)} did not become ready:\n${lastError.split('\n').slice(-10).join('\n')}`);
}

async function waitReady(url: string, exited: Promise<void>, timeoutMs: number): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
