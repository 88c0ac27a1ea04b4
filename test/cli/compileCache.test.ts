// dist/cli.js runs the bundle from V8 code cached by an earlier run (scripts/cli-loader.cjs):
// a run from the cache, a damaged cache and a cache turned off must all print what a run
// without any cache prints.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('never runs code cached for another bundle of the same length', () => {
    // A copy of dist/ whose check bundle is then rebuilt with one message changed, keeping
    // its length and the bytes the cache's file name is made from: the same cache file is
    // found, and must not be used.
    const dist = tempTree({});
    for (const name of ['cli.js', 'cli-language.js', 'package.json']) copyFileSync(path.join('dist', name), path.join(dist, name));
    const cacheDir = path.join(tempTree({}), 'cache');
    const env = { NODE_COMPILE_CACHE: cacheDir };
    const run = () => {
      const result = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'check', BROKEN], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1', LC_ALL: 'C' } });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const before = run();
    assert.match(before.stderr, / checked: /);
    assert.deepEqual(run(), before);
    const [name] = cacheFiles(cacheDir);
    const bundle = path.join(dist, 'cli-language.js');
    const source = readFileSync(bundle, 'latin1');
    const summary = source.indexOf('} checked: {') + 2;
    assert.ok(summary > 2, 'the summary message is in the bundle');
    // One letter upper-cased; not one of the bytes the name hashes (every 256th).
    const letter = summary % 256 === 0 ? summary + 1 : summary;
    writeFileSync(bundle, source.slice(0, letter) + source[letter].toUpperCase() + source.slice(letter + 1), 'latin1');
    const word = 'checked'.slice(0, letter - summary) + 'checked'[letter - summary].toUpperCase() + 'checked'.slice(letter - summary + 1);
    const after = run();
    assert.deepEqual(cacheFiles(cacheDir), [name]);
    assert.deepEqual(after, { ...before, stderr: before.stderr.replace(' checked: ', ` ${word}: `) });
    assert.deepEqual(run(), after);
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
