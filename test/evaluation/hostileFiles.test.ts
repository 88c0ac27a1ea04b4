// Issue 13 items 1 and 11: FIFOs and other non-regular files are refused without blocking,
// symbolic link loops are named as such, padded JSON and top-level arrays are read as JSON,
// and a quote inside an unquoted CSV field is an error (RFC 4180). A hang fails by the
// mocha timeout (no timed assertion).
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CsvSource, PrometheusJsonSource, detectFormat, expandMetricPaths } from '../../server/src/evaluation/sources/index';
import { EvaluationError } from '../../server/src/evaluation/errors';
import { ZoneRules } from '../../server/src/evaluation/timezone';
import type { SampleSink } from '../../server/src/evaluation/sources/index';
import { openRegularFile, readRegularFile, readRegularFileSync } from '../../server/src/files/regularFile';
import { CLI, ROOT } from '../helpers/cli';
import { tempFile } from './helpers';

const fifos = process.platform !== 'win32';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sla-hostile-'));
}

function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** The built CLI, killed if it hangs (a hang then fails on the exit status, not on a clock). */
function cli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, signal: run.signal, stderr: run.stderr, stdout: run.stdout };
}

const sink = (): SampleSink => ({ zone: ZoneRules.utc, metricId: () => 0, add: () => undefined, rowsRead() {} });

async function rejectsWith(promise: Promise<unknown>, message: RegExp, line?: number): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof EvaluationError, `expected an EvaluationError, got ${String(e)}`);
    assert.match(e.message, message);
    if (line !== undefined) assert.equal(e.line, line, e.message);
    return true;
  });
}

(fifos ? describe : describe.skip)('non-regular files (issue 13 item 1)', () => {
  it('openRegularFile and readRegularFile(Sync) refuse a FIFO with no writer at once', async () => {
    const dir = tempDir();
    const pipe = fifo(path.join(dir, 'p.csv'));
    await assert.rejects(openRegularFile(pipe), /not a regular file/);
    await assert.rejects(readRegularFile(pipe), /not a regular file/);
    assert.throws(() => readRegularFileSync(pipe), /not a regular file/);
    assert.throws(() => readRegularFileSync('/dev/null'), /not a regular file/);
  });

  it('metric paths: a FIFO named, matched by a glob or met in a directory is "not a regular file"', async () => {
    const dir = tempDir();
    fifo(path.join(dir, 'named.csv'));
    mkdirSync(path.join(dir, 'inside'));
    writeFileSync(path.join(dir, 'inside', 'a.csv'), 'timestamp,metric,value\n');
    fifo(path.join(dir, 'inside', 'b.csv'));
    await rejectsWith(expandMetricPaths(['named.csv'], dir), /^named\.csv: not a regular file$/);
    // A glob matches files only: the FIFO is no match (and nothing waits on it)…
    await rejectsWith(expandMetricPaths(['*.csv'], dir), /no metric files match "\*\.csv"/);
    // …nor is a symbolic link to it read.
    symlinkSync('named.csv', path.join(dir, 'link.csv'));
    await rejectsWith(expandMetricPaths(['l*.csv'], dir), /^(link\.csv: not a regular file|no metric files match "l\*\.csv")$/);
    await rejectsWith(expandMetricPaths(['inside'], dir), /^inside[/\\]b\.csv: not a regular file$/);
    // A FIFO without a metric extension in a directory is not a metric file: left alone.
    const other = tempDir();
    writeFileSync(path.join(other, 'a.csv'), 'timestamp,metric,value\n');
    fifo(path.join(other, 'notes'));
    assert.deepEqual((await expandMetricPaths(['.'], other)).map((f) => f.name), ['a.csv']);
  });

  it('sources opened after the check still refuse a FIFO swapped in (no wait for a writer)', async () => {
    const dir = tempDir();
    const pipe = fifo(path.join(dir, 'late.csv'));
    await rejectsWith(detectFormat(pipe, 'late.csv'), /late\.csv: cannot open: not a regular file/);
    await rejectsWith(new CsvSource(pipe, 'late.csv').read(sink()), /late\.csv: cannot open: not a regular file/);
    await rejectsWith(new PrometheusJsonSource(pipe, 'late.json').read(sink()), /late\.json: cannot open: not a regular file/);
  });

  it('sla check and sla evaluate: a FIFO contract or metric file exits 2 with "not a regular file"', () => {
    const dir = tempDir();
    fifo(path.join(dir, 'pipe.sla'));
    fifo(path.join(dir, 'pipe.csv'));
    mkdirSync(path.join(dir, 'contracts'));
    fifo(path.join(dir, 'contracts', 'x.sla'));
    const contract = path.join(ROOT, 'samples', 'lanying-im.sla');
    const runs = [
      [['check', 'pipe.sla'], /^sla check: pipe\.sla: not a regular file$/m],
      [['check', 'contracts'], /^sla check: contracts[/\\]x\.sla: not a regular file$/m],
      [['evaluate', 'pipe.sla', '-m', 'pipe.csv'], /^sla evaluate: cannot read pipe\.sla: not a regular file$/m],
      [['evaluate', contract, '-m', 'pipe.csv'], /^sla evaluate: pipe\.csv: not a regular file$/m],
    ] as const;
    for (const [args, message] of runs) {
      const run = cli([...args], dir);
      assert.equal(run.signal, null, `${args.join(' ')} hung`);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });
});

describe('input sniffing (issue 13 item 11)', () => {
  const RESPONSE = JSON.stringify({
    status: 'success',
    data: { resultType: 'matrix', result: [{ metric: { __name__: 'up' }, values: [[1790812800, '1']] }] },
  });

  it('reads JSON after more than 4 KB of leading white space as JSON', async () => {
    const file = tempFile('padded.json', ' \n\t\r'.repeat(50_000) + RESPONSE);
    assert.equal(await detectFormat(file), 'prometheus-json');
  });

  it('reads a top-level JSON array as JSON and says a Prometheus response object was expected', async () => {
    const file = tempFile('array.json', '  [1, 2, 3]');
    assert.equal(await detectFormat(file), 'prometheus-json');
    await rejectsWith(new PrometheusJsonSource(file, 'array.json').read(sink()), /array\.json:1: .*expected an object, found an array/);
  });

  it('reports a symbolic link loop as such, not as "not found"', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    symlinkSync('loop.csv', path.join(dir, 'loop.csv'));
    await rejectsWith(expandMetricPaths(['loop.csv'], dir), /^loop\.csv: symbolic link loop$/);
    mkdirSync(path.join(dir, 'd'));
    symlinkSync('a.csv', path.join(dir, 'd', 'b.csv'));
    symlinkSync('b.csv', path.join(dir, 'd', 'a.csv'));
    await rejectsWith(expandMetricPaths(['d'], dir), /^d[/\\]a\.csv: symbolic link loop$/);
    const run = cli(['check', 'loop.sla'], dir);
    symlinkSync('loop.sla', path.join(dir, 'loop.sla'));
    const looped = cli(['check', 'loop.sla'], dir);
    assert.match(run.stderr, /no such file/);
    assert.equal(looped.status, 2);
    assert.match(looped.stderr, /^sla check: loop\.sla: symbolic link loop$/m);
  });

  it('rejects a quote inside an unquoted CSV field, naming file and line (RFC 4180)', async () => {
    const rows = 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-01T00:01:00Z,up,1\n2026-10-01T00:02:00Z,u"p,1\n';
    await rejectsWith(new CsvSource(tempFile('q.csv', rows), 'q.csv').read(sink()), /^q\.csv:4: a `"` inside a field/, 4);
    const label = 'timestamp,metric,value,host\n2026-10-01T00:00:00Z,up,1,a"b\n';
    await rejectsWith(new CsvSource(tempFile('q.csv', label), 'q.csv').read(sink()), /^q\.csv:2: a `"` inside a field/, 2);
    const header = 'timestamp,met"ric,value\n';
    await rejectsWith(new CsvSource(tempFile('q.csv', header), 'q.csv').read(sink()), /^q\.csv:1: a `"` inside a header field/, 1);
    // Quoted fields with doubled quotes stay fine.
    const quoted = 'timestamp,metric,value,host\n2026-10-01T00:00:00Z,"u""p",1,"a""b"\n';
    await new CsvSource(tempFile('q.csv', quoted), 'q.csv').read(sink());
  });
});
