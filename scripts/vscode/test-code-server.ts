// `npm run test:vscode`: runs the extension-host suite (test/vscode/suite) inside a real VS
// Code, code-server 1.139 driven by Debian's Chromium, and exits with the suite's code.
// The page runs the payload (extensionDevelopmentPath/extensionTestsPath) because the
// server starts with the smoke-test driver, and reports through two functions exposed to
// the page: codeAutomationLog (the extension host's console: mocha's report) and
// codeAutomationExit (the result of the suite's run()). Same protocol as @vscode/test-web.
import { appendFileSync, cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './browser';
import { buildSuite } from './build-suite';
import { closeAll, withTimeout } from './cleanup';
import { startCodeServer, tail } from './code-server';
import { log } from './log';
import { ensureChromium, ensureCodeServer, type CodeServerInstall } from './provision';
import { startSuitePrometheus, type SuitePrometheus } from './prometheus-for-suite';
import { makeScratch } from './scratch';
import { REPORT_MARK } from '../../test/vscode/report-mark';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SUITE_TIMEOUT_MS = Number(process.env.SLA_TEST_SUITE_TIMEOUT_S ?? 600) * 1000;
/** Variables handed to the extension host (and so to the suite) when set here. */
const PASSED_THROUGH = ['SLA_TEST_GREP', 'SLA_TEST_TIMEOUT_MS', 'SLA_TEST_WAIT_MS', 'CI'];

async function main(): Promise<number> {
  const started = Date.now();
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  const suite = await buildSuite(ROOT);

  const chromium = ensureChromium();
  if (!chromium.path) {
    if (onCi()) {
      log(`FAILED: no Chromium for the VS Code tests: ${chromium.reason}`);
      return 1;
    }
    log(`SKIPPED: the VS Code extension-host suite needs Chromium, and none could be found or installed: ${chromium.reason}.`);
    log('Install Debian\'s chromium (or set SLA_TEST_CHROMIUM=/path/to/chromium) to run it. Under CI=true this is a failure.');
    return 0;
  }
  const install = ensureCodeServer();
  const english = await runSuite({ install, chromium: chromium.path, suite, started, prometheus: true });
  if (english !== 0) return english;
  // The localisation tests once more with VS Code's display language Chinese.
  log('the localisation tests with the display language zh-cn');
  return runSuite({ install, chromium: chromium.path, suite, started, prometheus: false, displayLanguage: 'zh-cn', grep: 'localisation' });
}

interface SuiteRun {
  install: CodeServerInstall;
  chromium: string;
  /** The bundled suite's index.js. */
  suite: string;
  started: number;
  /** Start a Prometheus for the suite's Prometheus tests (else they are told it is unavailable). */
  prometheus: boolean;
  /** VS Code's display language (default: English); the suite reads it as SLA_TEST_DISPLAY_LANGUAGE. */
  displayLanguage?: string;
  /** Only the tests whose titles match. */
  grep?: string;
}

/** One run of the suite in a fresh code-server and browser, both stopped afterwards; the suite's exit code. */
async function runSuite(run: SuiteRun): Promise<number> {
  const { install, suite, started } = run;
  const scratch = makeScratch(ROOT, run.displayLanguage ? `vscode-test-${run.displayLanguage}` : 'vscode-test');
  if (existsSync(join(ROOT, 'test/vscode/fixtures'))) {
    cpSync(join(ROOT, 'test/vscode/fixtures'), join(scratch.workspace, 'fixtures'), { recursive: true });
  }

  // Backfilled while code-server starts; the suite's Prometheus tests need it (or skip).
  const prometheus: Promise<SuitePrometheus> = run.prometheus ? startSuitePrometheus() : Promise.resolve({ unavailable: 'not started for this run' });
  prometheus.catch(() => undefined);
  const server = await startCodeServer({ install, dataDir: scratch.dir, env: scratch.env, smokeTestDriver: true, displayLanguage: run.displayLanguage });
  log(`code-server ${server.url} (process group ${server.pid}) ready after ${seconds(started)}`);
  const browser = await launchBrowser({ executablePath: run.chromium, dataDir: scratch.dir, env: scratch.env });

  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (reportExit = resolve));
  await browser.page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  const workbenchLog = join(scratch.dir, 'workbench.log');
  await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => printLog(type, args, workbenchLog));
  browser.page.on('crash', () => {
    log('the page crashed');
    reportExit(1);
  });

  const remote = (path: string) => `vscode-remote://${server.authority}${pathToFileURL(path).pathname}`;
  const environment: Record<string, string> = {};
  for (const name of PASSED_THROUGH) if (process.env[name]) environment[name] = process.env[name]!;
  if (run.grep) environment.SLA_TEST_GREP = run.grep;
  if (run.displayLanguage) environment.SLA_TEST_DISPLAY_LANGUAGE = run.displayLanguage;
  const suitePrometheus = await prometheus;
  if ('unavailable' in suitePrometheus) {
    if (onCi() && run.prometheus) {
      log(`FAILED: CI=true and no Prometheus for the VS Code suite: ${suitePrometheus.unavailable}`);
      return 1;
    }
    if (run.prometheus) log(`the Prometheus tests will be skipped: ${suitePrometheus.unavailable}`);
    environment.SLA_TEST_PROMETHEUS_UNAVAILABLE = suitePrometheus.unavailable;
  } else {
    Object.assign(environment, suitePrometheus.env);
  }
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(suite)],
    ['extensionEnvironment', JSON.stringify(environment)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(scratch.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await browser.page.goto(url);

  let code: number;
  try {
    code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'the extension-host suite');
  } catch (error) {
    log(`${(error as Error).message}; giving up\n--- code-server log (end) ---\n${tail(server.logFile, 30)}`);
    code = 1;
  }
  if (code !== 0) {
    log(`workbench and extension host log: ${workbenchLog}; code-server log: ${server.logFile} (SLA_TEST_KEEP=1 keeps them; SLA_TEST_VERBOSE=1 prints the first)`);
    log(`errors the workbench logged (end):\n${errorsIn(workbenchLog)}`);
  }
  log(`extension-host suite${run.displayLanguage ? ` (${run.displayLanguage})` : ''} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(started)}`);
  await browser.close();
  await server.stop();
  return code;
}

/**
 * The workbench's and extension host's console arrive here together: the suite's report
 * lines (marked by the runner) go to stdout, everything else to a log file, printed only
 * with SLA_TEST_VERBOSE=1 (it is mostly offline noise: Open VSX, GitHub sign-in).
 */
function printLog(type: string, args: unknown[], logFile: string): void {
  const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const rest: string[] = [];
  for (const line of text.split('\n')) {
    const at = line.indexOf(REPORT_MARK);
    if (at >= 0) process.stdout.write(`${line.slice(at + REPORT_MARK.length)}\n`);
    else rest.push(line);
  }
  if (rest.length === 0) return;
  const entry = `[${type}] ${rest.join('\n')}\n`;
  appendFileSync(logFile, entry);
  if (process.env.SLA_TEST_VERBOSE === '1') process.stderr.write(entry);
}

const NOISE = /open-vsx|ENOTFOUND|authentication provider|api\.github\.com/i;

function errorsIn(logFile: string): string {
  const entries = tail(logFile, 400).split(/\n(?=\[\w+\] )/);
  const errors = entries.filter((e) => e.startsWith('[error]') && !NOISE.test(e));
  return errors.slice(-8).join('\n') || '(none)';
}

function onCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`FAILED: ${(error as Error).message}`);
} finally {
  const stopping = Date.now();
  if ((await closeAll()) > 0) log(`stopped code-server and Chromium in ${seconds(stopping)}`);
}
process.exit(exitCode);
