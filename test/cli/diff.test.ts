import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

const OLD = `sla Chat {
  version "1.0"
  provider "蓝莺IM"
  customer "Acme"
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  compensation for uptime { below 99.9% credit 10% }
  credits { cap 50% claim within 30d }
}
`;
const TIGHTER = OLD.replace('99.9% window', '99.95% window').replace('cap 50%', 'cap 40%');
const BUMPED = TIGHTER.replace('"1.0"', '"1.1"');
const BROKEN = OLD.replace('target >= 99.9%', 'target >= ');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'ignore' });
}

describe('sla diff', () => {
  it('prints each semantic change classed for the provider, and a summary (exit 0)', () => {
    const dir = tempTree({ 'old.sla': OLD, 'new.sla': TIGHTER });
    const run = runCli(['diff', 'old.sla', 'new.sla'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'old.sla → new.sla',
        'sla Chat',
        '  stricter  uptime: target: >= 99.9% → >= 99.95%',
        '  looser    credit cap: 50% → 40%',
        '2 semantic changes: 1 stricter for the provider, 1 looser, 0 neutral',
        '',
      ].join('\n'),
    );
  });

  it('says there is no semantic change for a reformatted file', () => {
    const dir = tempTree({ 'old.sla': OLD, 'new.sla': OLD.replace(/ {2}/g, '    ').replace('99.9%', '99.9 %') });
    const run = runCli(['diff', 'old.sla', 'new.sla', '--require-version-bump'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^no semantic change$/m);
  });

  it('writes Markdown and JSON', () => {
    const dir = tempTree({ 'old.sla': OLD, 'new.sla': TIGHTER });
    const markdown = runCli(['diff', 'old.sla', 'new.sla', '--format', 'markdown'], { cwd: dir });
    assert.equal(markdown.status, 0, markdown.stderr);
    assert.match(markdown.stdout, /^## old\.sla → new\.sla$/m);
    assert.match(markdown.stdout, /^\| stricter \| uptime: target \| \\>= 99\.9% → \\>= 99\.95% \|$/m);
    const json = runCli(['diff', 'old.sla', 'new.sla', '-f', 'json'], { cwd: dir });
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.files[0].semanticChange, true);
    assert.deepEqual(parsed.files[0].counts, { stricter: 1, looser: 1, neutral: 0 });
    assert.deepEqual(parsed.files[0].changes[0], { sla: 'Chat', aspect: 'target', objective: 'uptime', before: '>= 99.9%', after: '>= 99.95%', class: 'stricter' });
    assert.deepEqual(parsed.files[0].versions, [{ sla: 'Chat', before: '1.0', after: '1.0', semanticChange: true, versionNotBumped: true }]);
  });

  it('speaks Chinese with --locale zh-CN; JSON fields stay as they are', () => {
    const dir = tempTree({ 'old.sla': OLD, 'new.sla': TIGHTER });
    const run = runCli(['--locale', 'zh-CN', 'diff', 'old.sla', 'new.sla'], { cwd: dir });
    assert.match(run.stdout, /^ {2}更严格 {2}uptime：目标值：>= 99\.9% → >= 99\.95%$/m);
    assert.match(run.stdout, /共 2 处语义变更/);
    const json = runCli(['--locale', 'zh-CN', 'diff', 'old.sla', 'new.sla', '-f', 'json'], { cwd: dir });
    assert.equal(JSON.parse(json.stdout).files[0].changes[0].class, 'stricter');
  });

  it('names a broken version\'s errors in Chinese with --locale zh-CN', () => {
    const dir = tempTree({ 'old.sla': OLD, 'broken.sla': OLD.replace('>= 99.9%', '>=') });
    const run = runCli(['--locale', 'zh-CN', 'diff', 'old.sla', 'broken.sla'], { cwd: dir });
    assert.equal(run.status, 2);
    const diagnostics = run.stderr.split('\n').filter((line) => / SLA\d+: /.test(line));
    assert.ok(diagnostics.length > 0, run.stderr);
    for (const line of diagnostics) assert.match(line.replace(/^.*? SLA\d+: /, ''), /\p{Script=Han}/u, line);
  });

  it('--require-version-bump exits 1 when the meaning changed and version did not, 0 once bumped', () => {
    const dir = tempTree({ 'old.sla': OLD, 'new.sla': TIGHTER, 'bumped.sla': BUMPED });
    const same = runCli(['diff', '--require-version-bump', 'old.sla', 'new.sla'], { cwd: dir });
    assert.equal(same.status, 1);
    assert.match(same.stderr, /new\.sla: sla Chat: the meaning changed but version is still 1\.0/);
    const bumped = runCli(['diff', '--require-version-bump', 'old.sla', 'bumped.sla'], { cwd: dir });
    assert.equal(bumped.status, 0, bumped.stderr);
    assert.match(bumped.stdout, /neutral {3}version: 1\.0 → 1\.1/);
  });

  it('refuses a file with errors, naming its diagnostics (exit 2)', () => {
    const dir = tempTree({ 'old.sla': OLD, 'broken.sla': BROKEN });
    const run = runCli(['diff', 'old.sla', 'broken.sla'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /broken\.sla has errors; fix them before comparing/);
    assert.match(run.stderr, /^broken\.sla:6:\d+: error SLA001: /m);
  });

  it('names a missing file and a wrong number of files (exit 2)', () => {
    const dir = tempTree({ 'old.sla': OLD });
    const missing = runCli(['diff', 'old.sla', 'nope.sla'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nope\.sla: /);
    const one = runCli(['diff', 'old.sla'], { cwd: dir });
    assert.equal(one.status, 2);
    assert.match(one.stderr, /needs two files, OLD and NEW/);
  });

  describe('--git', () => {
    let repo: string;
    before(() => {
      repo = tempTree({ 'contract.sla': OLD, 'other.sla': OLD.replace('Chat', 'Other'), 'sub/same.sla': OLD });
      git(repo, 'init', '-q');
      git(repo, 'add', '.');
      git(repo, 'commit', '-qm', 'first');
      writeFileSync(path.join(repo, 'contract.sla'), TIGHTER);
      writeFileSync(path.join(repo, 'added.sla'), OLD.replace('Chat', 'Added'));
    });
    after(() => rmSync(repo, { recursive: true, force: true }));

    it('compares a file at REV with the working tree', () => {
      const run = runCli(['diff', '--git', 'HEAD', 'contract.sla'], { cwd: repo });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^HEAD:contract\.sla → contract\.sla$/m);
      assert.match(run.stdout, /stricter {2}uptime: target: >= 99\.9% → >= 99\.95%/);
    });

    it('without files, compares every changed .sla file; an untracked file is all added', () => {
      const run = runCli(['diff', '--git', 'HEAD', '--require-version-bump'], { cwd: repo });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^HEAD:contract\.sla → contract\.sla$/m);
      assert.doesNotMatch(run.stdout, /other\.sla/);
      const added = runCli(['diff', '--git', 'HEAD', 'added.sla'], { cwd: repo });
      assert.equal(added.status, 0, added.stderr);
      assert.match(added.stdout, /stricter {2}sla block: \(none\) → Added/);
    });

    it('says there is no semantic change when no .sla file differs from REV', () => {
      const run = runCli(['diff', '--git', 'HEAD', '--require-version-bump'], { cwd: path.join(repo, 'sub') });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'no semantic change\n');
    });

    it('names a revision that does not exist (exit 2)', () => {
      const run = runCli(['diff', '--git', 'no-such-branch', 'contract.sla'], { cwd: repo });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /git revision "no-such-branch" does not exist/);
    });

    it('says so outside a git repository (exit 2)', () => {
      const outside = mkdtempSync(path.join(tmpdir(), 'sla-nogit-'));
      writeFileSync(path.join(outside, 'a.sla'), OLD);
      const run = runCli(['diff', '--git', 'HEAD', 'a.sla'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /is not in a git repository/);
      rmSync(outside, { recursive: true, force: true });
    });
  });
});
