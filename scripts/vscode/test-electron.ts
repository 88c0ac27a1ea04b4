// `npm run test:vscode:electron`: the same extension-host suite in desktop VS Code, through
// @vscode/test-electron, for anyone with a network (it downloads VS Code into .vscode-test/
// on first use). Offline it fails at the download with ENOTFOUND; `npm run test:vscode`
// runs the suite in code-server instead. SLA_VSCODE_VERSION picks the version (default
// stable); SLA_VSCODE_EXECUTABLE uses an installed VS Code and skips the download.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSuite } from './build-suite';
import { closeAll } from './cleanup';
import { log } from './log';
import { makeScratch } from './scratch';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PASSED_THROUGH = ['SLA_TEST_GREP', 'SLA_TEST_TIMEOUT_MS', 'SLA_TEST_WAIT_MS', 'CI'];

async function main(): Promise<number> {
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
  const suite = await buildSuite(ROOT);
  const scratch = makeScratch(ROOT, 'vscode-electron');
  if (existsSync(join(ROOT, 'test/vscode/fixtures'))) {
    cpSync(join(ROOT, 'test/vscode/fixtures'), join(scratch.workspace, 'fixtures'), { recursive: true });
  }
  const extensionTestsEnv: Record<string, string> = {};
  for (const name of PASSED_THROUGH) if (process.env[name]) extensionTestsEnv[name] = process.env[name]!;
  return runTests({
    version: process.env.SLA_VSCODE_VERSION ?? 'stable',
    vscodeExecutablePath: process.env.SLA_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    extensionTestsEnv,
    // test-electron adds --disable-workspace-trust, --skip-welcome and --skip-release-notes.
    launchArgs: [scratch.workspace, '--disable-extensions', '--user-data-dir', join(scratch.dir, 'user-data')],
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  const message = (error as Error).message ?? String(error);
  log(`FAILED: ${message}`);
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) {
    log('VS Code could not be downloaded (no network). Offline, use `npm run test:vscode` (code-server) instead.');
  }
} finally {
  await closeAll();
}
process.exit(exitCode);
