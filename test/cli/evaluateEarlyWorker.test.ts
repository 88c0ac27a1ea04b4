// `sla evaluate` with a large metrics file starts its worker thread in dist/cli.js before the
// bundle loads (scripts/cli-loader.cjs); the bundle then takes it (parallel.ts
// `PartWorkers.startFor`) or ends it. Whatever happens after the early start, the command must
// print exactly what the full bundle (which starts no early worker) prints, with the same exit
// code, and end without waiting on the worker.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUSY_PRESSURE, DEFAULT_MIN_BYTES } from '../../server/src/evaluation/parallel';
import { ROOT, tempTree, type CliRun } from '../helpers/cli';

const CONTRACT = `sla Early {
  provider "p"
  customer "c"
  effective 2026-10-01 to 2026-12-31
  timezone "Asia/Shanghai"
  indicator probe { kind availability metric "up" }
  indicator api { kind latency metric "lat" unit ms }
  objective uptime { indicator probe target >= 99.5% window calendar month }
  objective latency { indicator api target p95 <= 300ms window calendar day }
}
`;

/** At least `bytes` of rows (integer values: the same sums in any order of addition), with `bad` in place of one row near the end. */
function largeCsv(bytes: number, header = 'timestamp,metric,value', bad?: string): string {
  const rows = [header];
  let size = header.length + 1;
  const start = Date.UTC(2026, 9, 1);
  for (let i = 0; size < bytes; i++) {
    const t = new Date(start + i * 1000).toISOString();
    const row = i % 2 === 0 ? `${t},up,${i % 997 === 0 ? 0 : 1}` : `${t},lat,${(i * 7919) % 600}`;
    rows.push(row);
    size += row.length + 1;
  }
  if (bad !== undefined) rows[rows.length - 3] = bad;
  return rows.join('\n') + '\n';
}

const dir = tempTree({ 'c.sla': CONTRACT, 'broken.sla': CONTRACT.replace('target >= 99.5%', 'target >= 199.5%'), 'small.csv': largeCsv(4096) });
const big = largeCsv(DEFAULT_MIN_BYTES + 4096);
writeFileSync(path.join(dir, 'big.csv'), big);
writeFileSync(path.join(dir, 'bad-row.csv'), largeCsv(DEFAULT_MIN_BYTES + 4096, undefined, '2026-10-31T00:00:00Z,lat,fast'));
writeFileSync(path.join(dir, 'bad-header.csv'), big.replace('timestamp,metric,value', 'timestamp,metric,valu'));

/**
 * Logs the worker threads the process starts, the jobs posted to them and their exits, to the
 * file named by SLA_TEST_WORKER_LOG (the bundles take `Worker` from this module when they run).
 */
const PRELOAD = path.join(
  tempTree({
    'workers.cjs': `const threads = require('node:worker_threads');
const fs = require('node:fs');
const log = (line) => fs.appendFileSync(process.env.SLA_TEST_WORKER_LOG, line + '\\n');
const Base = threads.Worker;
let count = 0;
threads.Worker = class extends Base {
  constructor(script, options) {
    super(script, options);
    const id = ++count;
    log('start ' + id + ' ' + (options && options.eval ? 'early' : 'pool'));
    this.on('exit', () => log('exit ' + id));
    this.postMessage = (message, transfer) => (log('job ' + id), Base.prototype.postMessage.call(this, message, transfer));
  }
};
`,
  }),
  'workers.cjs',
);

interface Logged extends CliRun {
  /** What the worker log said, in order. */
  workers: string[];
}

/** `args` run by dist/cli.js (`loader`) or by the full bundle directly, two parts wanted, with a log of the worker threads. */
function run(script: 'loader' | 'full', args: string[], env: Record<string, string> = {}): Logged {
  const log = path.join(tempTree({}), 'workers.log');
  const base: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    LANG: undefined,
    SLA_WORKERS: '2',
    SLA_TEST_WORKER_LOG: log,
    ...env,
  };
  for (const name of Object.keys(base)) if (base[name] === undefined) delete base[name];
  const file = path.join(ROOT, 'dist', script === 'loader' ? 'cli.js' : 'cli-main.js');
  // A worker that kept the process alive would hang it: the time-out fails the test then.
  const done = spawnSync(process.execPath, ['--require', PRELOAD, file, ...args], { cwd: dir, encoding: 'utf8', env: base, timeout: 60_000 });
  const workers = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: done.status, stdout: done.stdout, stderr: done.stderr, workers };
}

const output = ({ status, stdout, stderr }: Logged): CliRun => ({ status, stdout, stderr });

describe('sla evaluate: the worker thread started before the bundle loads', function () {
  this.timeout(180_000);

  it('is the worker that reads the second part: one thread started, one job, the same report', () => {
    const early = run('loader', ['evaluate', 'c.sla', '--metrics', 'big.csv', '--format', 'json']);
    const full = run('full', ['evaluate', 'c.sla', '--metrics', 'big.csv', '--format', 'json']);
    assert.deepEqual(output(early), output(full));
    // The latency objective is breached (exit 1); nothing on stderr.
    assert.equal(early.status, 1, early.stderr);
    assert.equal(early.stderr, '');
    assert.deepEqual(JSON.parse(early.stdout).objectives.map((o: { name: string }) => o.name), ['uptime', 'latency']);
    assert.deepEqual(early.workers.filter((w) => !w.startsWith('exit')), ['start 1 early', 'job 1']);
    // The full bundle starts its own (not early) and gives it the same job.
    assert.deepEqual(full.workers.filter((w) => !w.startsWith('exit')), ['start 1 pool', 'job 1']);
  });

  it('also takes the form --metrics=FILE', () => {
    const early = run('loader', ['evaluate', 'c.sla', '--metrics=big.csv']);
    assert.deepEqual(output(early), output(run('full', ['evaluate', 'c.sla', '--metrics=big.csv'])));
    assert.deepEqual(early.workers.filter((w) => !w.startsWith('exit')), ['start 1 early', 'job 1']);
  });

  const failures: { title: string; args: string[]; status: number; message: RegExp }[] = [
    { title: 'a contract with errors', args: ['evaluate', 'broken.sla', '--metrics', 'big.csv'], status: 2, message: /broken\.sla:\d+:\d+/ },
    { title: 'a contract that does not exist', args: ['evaluate', 'missing.sla', '--metrics', 'big.csv'], status: 2, message: /missing\.sla/ },
    { title: 'a metrics file that does not exist next to the large one', args: ['evaluate', 'c.sla', '--metrics', 'big.csv', 'missing.csv'], status: 2, message: /missing\.csv/ },
    { title: 'a bad header in the large file', args: ['evaluate', 'c.sla', '--metrics', 'bad-header.csv'], status: 2, message: /bad-header\.csv/ },
    { title: 'a bad row near the end of the large file', args: ['evaluate', 'c.sla', '--metrics', 'bad-row.csv'], status: 2, message: /bad-row\.csv:\d+/ },
    { title: 'an unknown sla name', args: ['evaluate', 'c.sla', '--metrics', 'big.csv', '--sla', 'Other'], status: 2, message: /Other/ },
    { title: 'a usage error', args: ['evaluate', 'c.sla', '--metrics', 'big.csv', '--format', 'pdf'], status: 2, message: /pdf/ },
  ];
  for (const { title, args, status, message } of failures) {
    it(`${title}: the same message and exit code, the early worker ended`, () => {
      const early = run('loader', args);
      assert.deepEqual(output(early), output(run('full', args)));
      assert.equal(early.status, status, early.stderr);
      assert.match(early.stderr, message);
      assert.equal(early.stdout, '');
      assert.equal(early.workers[0], 'start 1 early');
    });
  }

  it('is not started for a small file, one part, or another command', () => {
    assert.deepEqual(run('loader', ['evaluate', 'c.sla', '--metrics', 'small.csv']).workers, []);
    assert.deepEqual(run('loader', ['evaluate', 'c.sla', '--metrics', 'big.csv'], { SLA_WORKERS: '1' }).workers, []);
    assert.deepEqual(run('loader', ['report', 'c.sla', '--metrics', 'big.csv', '--period', '2026-10']).workers.filter((w) => w.includes('early')), []);
  });

  it("uses parallel.ts's size and CPU pressure", () => {
    const loader = readFileSync(path.join(ROOT, 'scripts', 'cli-loader.cjs'), 'utf8');
    const constant = (name: string) => Number(new Function(`return ${/const NAME = ([^;]+);/.exec(loader.replace(/const (\w+) = /g, (m, n) => (n === name ? 'const NAME = ' : m)))![1]}`)());
    assert.equal(constant('EARLY_MIN_BYTES'), DEFAULT_MIN_BYTES);
    assert.equal(constant('EARLY_BUSY_PRESSURE'), BUSY_PRESSURE);
  });
});
