// Installing Debian packages that test suites need (Chromium, Prometheus, build headers),
// for CI and fresh machines where the project's own scripts must install everything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function debianPackageInstalled(name: string): boolean {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

/**
 * Installs `packages` with apt-get (root only). The package lists are refreshed only when
 * the first attempt fails, which is what a stale or empty list makes it do. Throws an Error
 * saying why, with the end of apt-get's output, when they cannot be installed.
 */
export function installDebianPackages(packages: string[], why: string, log: (message: string) => void): void {
  const list = packages.join(' ');
  if (process.getuid?.() !== 0) throw new Error(`Debian package(s) ${list} missing (${why}); install them: sudo apt-get install -y ${list}`);
  if (!existsSync('/usr/bin/apt-get')) throw new Error(`Debian package(s) ${list} missing (${why}) and there is no apt-get`);
  log(`apt-get install ${list} (${why})…`);
  const install = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
  let result = aptGet(install);
  if (!result.ok) {
    log('apt-get install failed; running apt-get update and trying again');
    aptGet(['update', '-qq']);
    result = aptGet(install);
  }
  if (!result.ok) throw new Error(`apt-get install ${list} failed:\n${result.output.trim().split('\n').slice(-12).join('\n')}`);
}

function aptGet(args: string[]): { ok: boolean; output: string } {
  const run = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 900_000,
  });
  return { ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}
