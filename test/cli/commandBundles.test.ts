// `sla check` and `sla fmt` run the smaller dist/cli-language.js, `sla evaluate` and `sla
// report` dist/cli-evaluate.js (scripts/cli-loader.cjs): everything they print and their exit
// codes must be what the full bundle gives.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, runCli, tempTree, type CliRun } from '../helpers/cli';

const FULL_BUNDLE = path.join(ROOT, 'dist', 'cli-main.js');

/** The same command line run by the full bundle directly, with the environment runCli gives. */
function runFullBundle(args: string[], env: Record<string, string> = {}, cwd = ROOT): CliRun {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env };
  for (const name of Object.keys(base)) if (base[name] === undefined) delete base[name];
  const run = spawnSync(process.execPath, [FULL_BUNDLE, ...args], { cwd, encoding: 'utf8', env: base });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('commands run by smaller bundles (dist/cli-language.js, dist/cli-evaluate.js)', function () {
  this.timeout(120_000);

  const unformatted = tempTree({ 'messy.sla': 'sla  A {\n    provider "p"\n}\n' });
  const cases: { args: string[]; env?: Record<string, string>; cwd?: string }[] = [
    { args: ['check', 'samples/broken'] },
    { args: ['check', 'samples/broken', '--format', 'json'] },
    { args: ['check', 'samples/broken', '--format', 'sarif', '--quiet'] },
    { args: ['check', 'samples/lanying-im.sla', '--max-warnings', '0', '--today', '2026-12-01'] },
    { args: ['check', 'samples/broken', '--locale', 'zh-CN'] },
    { args: ['check', 'samples/broken'], env: { LANG: 'zh_CN.UTF-8' } },
    { args: ['check', '--help'] },
    { args: ['check', '--locale', 'zh-CN', '--help'] },
    { args: ['check'] },
    { args: ['check', '--bogus', 'samples'] },
    { args: ['check', 'no/such/file.sla'] },
    { args: ['check', 'samples', '--today', '2026-02-30'] },
    { args: ['check', 'samples', '--locale', 'xx'] },
    { args: ['check', '--version'] },
    { args: ['fmt', '--check', 'samples/lanying-im.sla'] },
    { args: ['fmt', '--check', 'messy.sla'], cwd: unformatted },
    { args: ['fmt', '--help'] },
    { args: ['fmt'] },
    { args: ['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv'] },
    { args: ['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv', '--format', 'json', '--explain'] },
    { args: ['evaluate', 'samples/lanying-im.zh.sla', '--metrics', 'samples/metrics/zh', '--locale', 'zh-CN', '--format', 'markdown'] },
    { args: ['evaluate', 'samples/*.sla', '--metrics', 'samples/metrics/csv'] },
    { args: ['evaluate', 'samples/lanying-im.sla'] },
    { args: ['evaluate', 'no/such/file.sla', '--metrics', 'samples/metrics/csv'] },
    { args: ['evaluate', '--help'] },
    { args: ['report', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv', '--format', 'markdown', '--period', '2026-10'] },
    { args: ['report', '--help'] },
    { args: ['report', 'samples/lanying-im.sla', '--format', 'pdf'] },
  ];
  for (const { args, env, cwd } of cases) {
    it(`sla ${args.join(' ')}${env ? ` (${Object.entries(env).map(([k, v]) => `${k}=${v}`)})` : ''}: as the full bundle`, () => {
      const full = runFullBundle(args, env, cwd);
      assert.deepEqual(runCli(args, { env, cwd }), full);
    });
  }

  it('dist/cli.js runs the bundle of each command word', () => {
    // With the cache off, dist/cli.js requires the bundle, which Node's module debugging names.
    const bundleOf = (args: string[]) => {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1', NODE_DEBUG: 'module' },
      });
      return [...new Set(run.stderr.match(/cli-[a-z]+\.js/g))];
    };
    assert.deepEqual(bundleOf(['check', 'samples/lanying-im.sla']), ['cli-language.js']);
    assert.deepEqual(bundleOf(['fmt', '--check', 'samples/lanying-im.sla']), ['cli-language.js']);
    assert.deepEqual(bundleOf(['evaluate', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv']), ['cli-evaluate.js']);
    assert.deepEqual(bundleOf(['report', '--help']), ['cli-evaluate.js']);
    assert.deepEqual(bundleOf(['export', 'openslo', 'samples/lanying-im.sla']), ['cli-main.js']);
    assert.deepEqual(bundleOf(['--locale', 'en', 'check', 'samples/lanying-im.sla']), ['cli-main.js']);
    assert.deepEqual(bundleOf(['--help']), ['cli-main.js']);
  });

  it('`sla check` loads none of the evaluation (no worker threads), the full bundle does', () => {
    const preload = path.join(tempTree({ 'modules.cjs': "process.on('exit', () => console.error(process.moduleLoadList.join(',')));\n" }), 'modules.cjs');
    const modules = (script: string) =>
      spawnSync(process.execPath, ['--require', preload, script, 'check', 'samples/lanying-im.sla'], { cwd: ROOT, encoding: 'utf8' }).stderr;
    assert.match(modules(FULL_BUNDLE), /NativeModule worker_threads/);
    assert.doesNotMatch(modules(path.join(ROOT, 'dist', 'cli.js')), /NativeModule worker_threads/);
  });
});
