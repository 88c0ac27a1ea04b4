// `sla check` with the parse's recognition on a worker thread (issue 15, "offthread":
// server/src/language/parse/offthread.ts), started by dist/cli.js before the bundle loads
// (scripts/cli-loader.cjs). Whatever the worker does (answers, rejects a broken text, dies,
// sends garbage), the command prints exactly what it prints without it, with the same exit code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateContract } from '../../bench/contractGenerator';
import { parseForDiagnostics, wasParsedInChunks } from '../../server/src/language/parser';
import { OFFTHREAD_MIN_LENGTH, offthreadWanted, recordsOffThread } from '../../server/src/language/parse/offthread';
import type { RecordMessage } from '../../server/src/language/parse/recordBatches';
import { ROOT, tempTree, type CliRun } from '../helpers/cli';

const VALID = generateContract(3000)
  .replace('99.9%', '99.9％') // SLA003
  .replace('holidays 2026-12-24', 'holidays 2026-02-30'); // SLA002, worded where the AST is built
const dir = tempTree({
  'valid.sla': VALID,
  'bom.sla': `\uFEFF${VALID}`,
  'broken.sla': VALID.replace('window calendar month', 'window calendar'), // SLA001: the whole parse
  'second.sla': VALID.replace('sla Bench', 'sla Second'),
  // As long as valid.sla, one name differs: what the worker reads if the file changes between the two reads.
  'changed.sla': VALID.replace('sla Bench', 'sla Bunch'),
});

/** Logs the worker threads started and each message the main thread takes from one; SLA_TEST_WORKER_MODE makes the worker die or send garbage. */
const PRELOAD = path.join(
  tempTree({
    'workers.cjs': `const threads = require('node:worker_threads');
const fs = require('node:fs');
const log = (line) => fs.appendFileSync(process.env.SLA_TEST_WORKER_LOG, line + '\\n');
const path = require('node:path');
const Base = threads.Worker;
const GARBAGE = \`const { workerData } = require('node:worker_threads');
const text = require('node:fs').readFileSync(workerData.path, 'utf8').replace(/^\\\\uFEFF/, '');
const words = new Int32Array(workerData.signal);
Atomics.store(words, 1, text.length);
Atomics.store(words, 2, require('node:zlib').crc32(text) | 1);
workerData.port.postMessage(Int32Array.of(255, 0, 0, 0, 0));
Atomics.add(words, 0, 1);
Atomics.notify(words, 0);\`;
threads.Worker = class extends Base {
  constructor(script, options) {
    const mode = process.env.SLA_TEST_WORKER_MODE;
    if (mode === 'die') super('process.exit(3)', { ...options, eval: true });
    else if (mode === 'changed') super(script, { ...options, workerData: { ...options.workerData, path: path.join(path.dirname(options.workerData.path), 'changed.sla') } });
    else if (mode === 'garbage') super(GARBAGE, { ...options, eval: true });
    else super(script, options);
    log('start ' + path.basename(String(script)));
  }
};
const receive = threads.receiveMessageOnPort;
threads.receiveMessageOnPort = (port) => {
  const received = receive(port);
  if (received) log(received.message instanceof Int32Array ? 'batch' : 'end ' + received.message.end);
  return received;
};
`,
  }),
  'workers.cjs',
);

interface Logged extends CliRun {
  workers: string[];
}

function run(args: string[], env: Record<string, string> = {}): Logged {
  const log = path.join(tempTree({}), 'workers.log');
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, SLA_TEST_WORKER_LOG: log, ...env };
  for (const name of Object.keys(base)) if (base[name] === undefined) delete base[name];
  // A worker that kept the process alive, or a wait that never ends, would hang it: the time-out fails the test then.
  const done = spawnSync(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', env: base, timeout: 60_000 });
  const workers = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: done.status, stdout: done.stdout, stderr: done.stderr, workers };
}

const output = ({ status, stdout, stderr }: Logged): CliRun => ({ status, stdout, stderr });
const batches = (workers: string[]) => workers.filter((w) => w === 'batch').length;

describe('sla check: the recognition on a worker thread', function () {
  this.timeout(180_000);

  const texts: [string, string[], Record<string, string>, string][] = [
    ['a valid contract with literal problems', ['check', 'valid.sla', '--format', 'json'], {}, 'end done'],
    ['a contract with a byte order mark', ['check', 'bom.sla'], {}, 'end done'],
    ['the same, in Chinese', ['check', 'valid.sla'], { LANG: 'zh_CN.UTF-8' }, 'end done'],
    ['a broken contract (parsed whole)', ['check', 'broken.sla'], {}, 'end rejected'],
    ['a broken contract in Chinese', ['check', 'broken.sla', '--format', 'sarif'], { LANG: 'zh_CN.UTF-8' }, 'end rejected'],
  ];
  for (const [what, args, env, end] of texts) {
    it(`${what}: the same output and exit code as without it`, () => {
      const on = run(args, { ...env, SLA_OFFTHREAD: 'force' });
      const off = run(args, { ...env, SLA_OFFTHREAD: '0' });
      assert.deepEqual(output(on), output(off));
      assert.ok(on.stdout.length > 0 || on.stderr.length > 0);
      assert.deepEqual(off.workers, [], 'no worker when turned off');
      assert.equal(on.workers[0], 'start check-worker.js', 'the worker dist/cli.js starts');
      assert.equal(on.workers.at(-1), end);
      if (end === 'end done') assert.ok(batches(on.workers) >= 2, `the AST was built from the worker's records (${batches(on.workers)} batches)`);
    });
  }

  it('several contracts, the first from the worker dist/cli.js started, the others from workers the bundle starts: the same output', () => {
    const args = ['check', 'valid.sla', 'second.sla', 'broken.sla'];
    const on = run(args, { SLA_OFFTHREAD: 'force' });
    assert.deepEqual(output(on), output(run(args, { SLA_OFFTHREAD: '0' })));
    assert.equal(on.status, 1);
    assert.equal(on.workers.filter((w) => w.startsWith('start')).length, 3);
    assert.deepEqual(on.workers.filter((w) => w.startsWith('end')), ['end done', 'end done', 'end rejected']);
  });

  for (const mode of ['die', 'garbage']) {
    it(`a worker that ${mode === 'die' ? 'dies at once' : 'sends a malformed batch'}: the same output`, () => {
      for (const file of ['valid.sla', 'broken.sla']) {
        const on = run(['check', file], { SLA_OFFTHREAD: 'force', SLA_TEST_WORKER_MODE: mode, SLA_OFFTHREAD_WAIT_MS: '300' });
        assert.deepEqual(output(on), output(run(['check', file], { SLA_OFFTHREAD: '0' })), `${mode}, ${file}`);
        assert.match(on.workers[0], /^start /);
        assert.equal(on.workers.some((w) => w.startsWith('end')), false, 'no end from this worker');
      }
    });
  }

  it('a worker that read another text (the file changed between the two reads): its records are not taken', () => {
    const on = run(['check', 'valid.sla', '--format', 'json'], { SLA_OFFTHREAD: 'force', SLA_TEST_WORKER_MODE: 'changed' });
    assert.deepEqual(output(on), output(run(['check', 'valid.sla', '--format', 'json'], { SLA_OFFTHREAD: '0' })));
    // The first message is taken and the text compared: nothing more.
    assert.deepEqual(on.workers, ['start check-worker.js', 'batch']);
  });

  it('no worker by default, nor for a contract under the size when turned on', () => {
    assert.ok(VALID.length < OFFTHREAD_MIN_LENGTH);
    assert.deepEqual(run(['check', 'valid.sla']).workers, []);
    assert.deepEqual(run(['check', 'valid.sla'], { SLA_OFFTHREAD: '1' }).workers, []);
    assert.equal(offthreadWanted(OFFTHREAD_MIN_LENGTH, {}), false, 'off by default');
    assert.equal(offthreadWanted(OFFTHREAD_MIN_LENGTH - 1, { SLA_OFFTHREAD: '1' }), false);
    assert.equal(offthreadWanted(1, { SLA_OFFTHREAD: 'force' }), true);
  });

  it('dist/cli.js starts it from the size offthread.ts starts one from', () => {
    const loader = readFileSync(path.join(ROOT, 'scripts', 'cli-loader.cjs'), 'utf8');
    const size = /const CHECK_EARLY_MIN_BYTES = (.+);/.exec(loader);
    assert.ok(size, 'the loader names its size');
    assert.equal(Function(`return ${size[1]}`)(), OFFTHREAD_MIN_LENGTH);
  });

  it('in-process, on a real worker thread: its records taken, the same tree', () => {
    const previous = process.env.SLA_OFFTHREAD;
    process.env.SLA_OFFTHREAD = 'force';
    try {
      const source = recordsOffThread(VALID);
      assert.ok(source, 'a worker is started');
      const taken: RecordMessage[] = [];
      const counting = { next: () => { const m = source.next(); if (m) taken.push(m); return m; }, close: () => source.close() };
      const tree = parseForDiagnostics(VALID, 'zh-CN', undefined, counting);
      assert.deepStrictEqual(tree, parseForDiagnostics(VALID, 'zh-CN'));
      assert.equal(wasParsedInChunks(tree), true);
      assert.ok(taken.length >= 3 && taken.at(-1) && !(taken.at(-1) instanceof Int32Array), `${taken.length} messages, the last the end`);
    } finally {
      if (previous === undefined) delete process.env.SLA_OFFTHREAD;
      else process.env.SLA_OFFTHREAD = previous;
    }
  });
});

