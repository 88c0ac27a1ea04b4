// Starts code-server (VS Code 1.139 in the browser) in its own session and process group
// (`setsid`, which is what spawn's `detached` does on POSIX), waits until /healthz answers,
// and stops the whole group: code-server leaves helper processes (extension host, file
// watcher, our language server) behind when only its main process is killed.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { registerResource, withTimeout } from './cleanup';
import type { CodeServerInstall } from './provision';

export interface CodeServer {
  /** `127.0.0.1:PORT`: the authority of the page, and of every vscode-remote URI. */
  authority: string;
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  install: CodeServerInstall;
  /** Scratch folder of this run; code-server's user data, extensions and log go inside. */
  dataDir: string;
  /** Environment with XDG_* pointing into the scratch folder. */
  env: NodeJS.ProcessEnv;
  /** Lets the workbench run the test payload (extensionTestsPath); off for the UI check. */
  smokeTestDriver: boolean;
  /** VS Code's display language (`zh-cn`); default English. See `declareLanguagePack`. */
  displayLanguage?: string;
}

export function codeServerDirs(dataDir: string) {
  return {
    userData: join(dataDir, 'user-data'),
    extensions: join(dataDir, 'extensions'),
    config: join(dataDir, 'config.yaml'),
    log: join(dataDir, 'code-server.log'),
  };
}

/** Runs code-server's own CLI once (e.g. `--install-extension FILE`) with the same folders. */
export function codeServerCli(options: Omit<CodeServerOptions, 'smokeTestDriver'>, args: string[]): string {
  const dirs = codeServerDirs(options.dataDir);
  const run = spawnSync(
    options.install.node,
    [options.install.entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...args],
    { env: options.env, encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${run.status ?? run.signal}):\n${output}`);
  return output;
}

/**
 * `--locale` alone leaves VS Code in English (`vscode.env.language` stays `en`): it switches
 * only to a language that `languagepacks.json` in the user data lists, which installing a
 * language pack writes. None can be downloaded here, so this declares one whose translations
 * of VS Code's own strings are empty: the workbench stays English, but VS Code then runs in
 * that language for extensions (env.language, package.nls.<language>.json, vscode.l10n
 * bundles), which is what the suite checks.
 */
function declareLanguagePack(dataDir: string, userData: string, language: string): void {
  const translations = join(dataDir, `language-pack-${language}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `sla-test-${language}`,
    label: language,
    extensions: [{ extensionIdentifier: { id: `sla-test.language-pack-${language}` }, version: '1.0.0' }],
    translations: { vscode: translations },
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [language]: pack }));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const dirs = codeServerDirs(options.dataDir);
  mkdirSync(dirs.userData, { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(dirs.config, 'auth: none\n');
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [
    options.install.entry,
    '--auth', 'none',
    '--bind-addr', authority,
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.displayLanguage) {
    declareLanguagePack(options.dataDir, dirs.userData, options.displayLanguage);
    args.push('--locale', options.displayLanguage);
  }
  const out = openSync(dirs.log, 'a');
  // A small shell leads the group: it runs code-server and, should this process die without
  // cleaning up (SIGKILL), ends the group itself once it sees its parent gone.
  const watchdog = [
    'parent=$1; shift',
    '"$@" & server=$!',
    'while kill -0 "$parent" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done',
    'kill -TERM 0',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', watchdog, 'sla-code-server', String(process.pid), options.install.node, ...args], {
    detached: true, // setsid(): own session and process group, whose id is child.pid
    stdio: ['ignore', out, out],
    env: options.env,
  });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start (no process id)');
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async () => {
    killGroup('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pid)) killGroup('SIGKILL');
    while (groupAlive(pid) && Date.now() < deadline + 2_000) await sleep(50);
  };
  const unregister = registerResource({ name: `code-server (process group ${pid})`, close: stop, kill: () => killGroup('SIGKILL') });

  const url = `http://${authority}`;
  try {
    await withTimeout(waitHealthy(url, () => exited), 60_000, 'code-server start');
  } catch (error) {
    await stop();
    unregister();
    throw new Error(`${(error as Error).message}\n--- ${dirs.log} (end) ---\n${tail(dirs.log, 40)}`);
  }
  return {
    authority,
    url,
    pid,
    logFile: dirs.log,
    stop: async () => {
      await stop();
      unregister();
    },
  };
}

async function waitHealthy(url: string, exited: () => string | undefined): Promise<void> {
  for (;;) {
    const status = exited();
    if (status) throw new Error(`code-server stopped before it was ready (${status})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(150);
  }
}

/** True while any process of the group still exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

