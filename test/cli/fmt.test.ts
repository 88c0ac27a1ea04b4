import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

const MESSY = `sla Tiny{
version   "1"
    provider "P" customer "C"
  indicator probe {kind availability metric "probe_success"}
}
`;
const TIDY = `sla Tiny {
  version "1"
  provider "P"
  customer "C"
  indicator probe {
    kind availability
    metric "probe_success"
  }
}
`;
const BROKEN = 'sla Tiny {\n  version\n}\n';

describe('sla fmt', () => {
  it('formats files in place with the editor\'s layout and leaves formatted ones alone', () => {
    const dir = tempTree({ 'messy.sla': MESSY, 'tidy.sla': TIDY });
    const run = runCli(['fmt', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(path.join(dir, 'messy.sla'), 'utf8'), TIDY);
    assert.equal(readFileSync(path.join(dir, 'tidy.sla'), 'utf8'), TIDY);
    assert.match(run.stdout, /messy\.sla: formatted/);
    assert.doesNotMatch(run.stdout, /tidy\.sla/);
    // Formatting is idempotent: a second run changes nothing.
    assert.equal(runCli(['fmt', '--check', dir]).status, 0);
  });

  it('--check lists the files that would change, writes nothing and exits 1', () => {
    const dir = tempTree({ 'messy.sla': MESSY, 'tidy.sla': TIDY });
    const run = runCli(['fmt', '--check', 'messy.sla', 'tidy.sla'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, 'messy.sla: not formatted\n');
    assert.match(run.stderr, /1 of 2 files would be reformatted/);
    assert.equal(readFileSync(path.join(dir, 'messy.sla'), 'utf8'), MESSY);
  });

  it('never formats a file with syntax errors: exit 2 naming the diagnostics', () => {
    const dir = tempTree({ 'broken.sla': BROKEN, 'messy.sla': MESSY });
    const run = runCli(['fmt', 'broken.sla', 'messy.sla'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /broken\.sla has syntax errors; not formatted/);
    assert.match(run.stderr, /^broken\.sla:\d+:\d+: error SLA001: /m);
    assert.equal(readFileSync(path.join(dir, 'broken.sla'), 'utf8'), BROKEN);
    // The other file is still formatted.
    assert.equal(readFileSync(path.join(dir, 'messy.sla'), 'utf8'), TIDY);
  });

  it('names the syntax errors in Chinese with --locale zh-CN', () => {
    const dir = tempTree({ 'broken.sla': BROKEN });
    const run = runCli(['--locale', 'zh-CN', 'fmt', 'broken.sla'], { cwd: dir });
    assert.equal(run.status, 2);
    const diagnostics = run.stderr.split('\n').filter((line) => / SLA001: /.test(line));
    assert.ok(diagnostics.length > 0, run.stderr);
    for (const line of diagnostics) assert.match(line.replace(/^.*? SLA001: /, ''), /\p{Script=Han}/u, line);
  });

  it('keeps a byte order mark and CRLF line endings', () => {
    const dir = tempTree({ 'bom.sla': '\uFEFF' + MESSY.replace(/\n/g, '\r\n') });
    assert.equal(runCli(['fmt', 'bom.sla'], { cwd: dir }).status, 0);
    assert.equal(readFileSync(path.join(dir, 'bom.sla'), 'utf8'), '\uFEFF' + TIDY.replace(/\n/g, '\r\n'));
  });

  it('names a missing file (exit 2)', () => {
    const run = runCli(['fmt', 'no-such.sla'], { cwd: tempTree({}) });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such\.sla/);
  });
});
