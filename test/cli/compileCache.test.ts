// dist/cli.js runs the bundle from V8 code cached by an earlier run (scripts/cli-loader.cjs):
// a run from the cache, a damaged cache and a cache turned off must all print what a run
// without any cache prints.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

const BROKEN = 'samples/broken';

/** Our cache files (Node, reading NODE_COMPILE_CACHE itself, keeps its own directory there too). */
const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('cli-')) : []);

describe('sla compile cache (dist/cli.js)', function () {
  this.timeout(60_000);

  it('writes one cache per command word, and runs from it with the same output', () => {
    const cacheDir = path.join(tempTree({}), 'cache');
    const env = { NODE_COMPILE_CACHE: cacheDir };
    const uncached = runCli(['check', BROKEN], { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    assert.equal(uncached.status, 1, uncached.stderr);
    const first = runCli(['check', BROKEN], { env });
    const names = cacheFiles(cacheDir);
    assert.equal(names.length, 1, names.join());
    assert.match(names[0], /^cli-v\d+\.\d+\.\d+-[0-9a-f]+-check$/);
    const second = runCli(['check', BROKEN], { env });
    for (const run of [first, second]) assert.deepEqual(run, uncached);
    assert.equal(runCli(['--version'], { env }).status, 0);
    assert.deepEqual(cacheFiles(cacheDir).map((name) => name.replace(/.*-/, '')).sort(), ['check', 'default']);
  });

  it('runs correctly from a damaged cache and replaces it', () => {
    const cacheDir = path.join(tempTree({}), 'cache');
    const env = { NODE_COMPILE_CACHE: cacheDir };
    const uncached = runCli(['check', BROKEN], { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
    runCli(['check', BROKEN], { env });
    const [name] = cacheFiles(cacheDir);
    writeFileSync(path.join(cacheDir, name), 'not V8 code');
    assert.deepEqual(runCli(['check', BROKEN], { env }), uncached);
    assert.notEqual(readFileSync(path.join(cacheDir, name), 'latin1'), 'not V8 code');
    assert.deepEqual(runCli(['check', BROKEN], { env }), uncached);
  });

  it('writes nothing after a usage error or with the cache turned off', () => {
    const cacheDir = path.join(tempTree({}), 'cache');
    assert.equal(runCli(['chek', BROKEN], { env: { NODE_COMPILE_CACHE: cacheDir } }).status, 2);
    assert.deepEqual(cacheFiles(cacheDir), []);
    const run = runCli(['check', BROKEN], { env: { NODE_COMPILE_CACHE: cacheDir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    assert.equal(run.status, 1);
    assert.deepEqual(cacheFiles(cacheDir), []);
  });
});
