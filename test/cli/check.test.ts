import * as assert from 'node:assert/strict';
import { chmodSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree, ROOT } from '../helpers/cli';

const CLEAN = `sla Tiny {
  version "1"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  compensation for uptime { below 99.9% credit 10% }
  credits { claim within 30d }
  reporting monthly
  review quarterly
}
`;
// Only warnings: no provider/customer/version/objectives.
const WARNINGS_ONLY = `sla Draft {
  review yearly
}
`;
const UNKNOWN_NAME = `sla Broken {
  version "1"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator prob target >= 99.9% window calendar month }
  compensation for uptime { below 99.9% credit 10% }
  credits { claim within 30d }
  reporting monthly
  review quarterly
}
`;

describe('sla check', () => {
  it('accepts every bundled sample with no error (exit 0)', () => {
    const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.sla'));
    assert.ok(samples.length >= 5, `expected at least five samples, found ${samples.length}`);
    const run = runCli(['check', ...samples.map((s) => path.join('samples', s))]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /\berror\b/);
  });

  it('reports samples/broken with codes and 1-based positions (exit 1)', () => {
    const run = runCli(['check', 'samples/broken']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trim().split('\n');
    assert.ok(lines.length > 10);
    for (const line of lines) assert.match(line, /^samples\/broken\/[\w-]+\.sla:\d+:\d+: (error|warning|information) SLA\d{3}: \S/);
  });

  it('prints path:line:col: error CODE: message with the did-you-mean suggestion', () => {
    const dir = tempTree({ 'a.sla': UNKNOWN_NAME });
    const run = runCli(['check', 'a.sla'], { cwd: dir });
    assert.equal(run.status, 1);
    // `prob` is on line 6, column 32 (1-based).
    assert.match(run.stdout, /^a\.sla:6:32: error SLA101: .*`prob`.*`probe`/m);
  });

  it('--format json prints one array of 1-based diagnostics', () => {
    const dir = tempTree({ 'a.sla': UNKNOWN_NAME });
    const run = runCli(['check', '--format', 'json', 'a.sla'], { cwd: dir });
    assert.equal(run.status, 1);
    const parsed = JSON.parse(run.stdout);
    assert.ok(Array.isArray(parsed));
    const d = parsed.find((x: { code: string }) => x.code === 'SLA101');
    assert.deepEqual(
      { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity },
      { file: 'a.sla', line: 6, column: 32, endLine: 6, endColumn: 36, severity: 'error' },
    );
  });

  it('--format sarif prints a SARIF 2.1.0 log with rules and regions', () => {
    const dir = tempTree({ 'a.sla': UNKNOWN_NAME });
    const run = runCli(['check', '--format', 'sarif', 'a.sla'], { cwd: dir });
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'SLA101');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 6, startColumn: 32, endLine: 6, endColumn: 36 });
    assert.ok(log.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'SLA101'));
  });

  it('exits 0 with warnings only, and 1 past --max-warnings', () => {
    const dir = tempTree({ 'w.sla': WARNINGS_ONLY, 'ok.sla': CLEAN });
    const lenient = runCli(['check', 'w.sla'], { cwd: dir });
    assert.equal(lenient.status, 0, lenient.stdout + lenient.stderr);
    assert.match(lenient.stdout, /warning SLA504/);
    const strict = runCli(['check', '--max-warnings', '0', 'w.sla'], { cwd: dir });
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /max-warnings/);
    const clean = runCli(['check', '--max-warnings', '0', 'ok.sla'], { cwd: dir });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('expands directories and globs', () => {
    const dir = tempTree({ 'x/one.sla': CLEAN, 'x/deep/two.sla': UNKNOWN_NAME, 'x/notes.txt': 'not a contract' });
    const byDir = runCli(['check', '--format', 'json', 'x'], { cwd: dir });
    assert.deepEqual([...new Set(JSON.parse(byDir.stdout).map((d: { file: string }) => d.file))], ['x/deep/two.sla']);
    const byGlob = runCli(['check', 'x/**/*.sla'], { cwd: dir });
    assert.equal(byGlob.status, 1);
    assert.match(byGlob.stderr, /2 files checked/);
  });

  it('exits 2 naming a missing file, an empty glob, an unreadable file, or a bad option', () => {
    const dir = tempTree({ 'ok.sla': CLEAN, 'secret.sla': CLEAN });
    const missing = runCli(['check', 'nope.sla'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.sla: no such file or directory/);
    const glob = runCli(['check', 'none/*.sla'], { cwd: dir });
    assert.equal(glob.status, 2);
    assert.match(glob.stderr, /none\/\*\.sla: the pattern matches no file/);
    const format = runCli(['check', '--format', 'xml', 'ok.sla'], { cwd: dir });
    assert.equal(format.status, 2);
    assert.match(format.stderr, /xml/);
    const noArgs = runCli(['check'], { cwd: dir });
    assert.equal(noArgs.status, 2);
    if (process.getuid?.() !== 0) {
      chmodSync(path.join(dir, 'secret.sla'), 0o000);
      const denied = runCli(['check', 'secret.sla'], { cwd: dir });
      assert.equal(denied.status, 2);
      assert.match(denied.stderr, /cannot read secret\.sla: permission denied/);
    }
    const isDir = runCli(['check', 'ok.sla', dir + '/'], { cwd: dir });
    assert.equal(isDir.status, 0);
  });

  it('never prints a stack trace on binary or huge input', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const dir = tempTree({ 'bin.sla': garbage, 'big.sla': CLEAN.repeat(2000) });
    for (const file of ['bin.sla', 'big.sla']) {
      const run = runCli(['check', file], { cwd: dir });
      assert.ok(run.status === 0 || run.status === 1, `${file}: exit ${run.status}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  });
});

describe('sla check positions', () => {
  it('does not count a UTF-8 byte order mark as a column', () => {
    const dir = tempTree({ 'bom.sla': '\uFEFF' + UNKNOWN_NAME.replace(/\n/g, '\r\n') });
    const run = runCli(['check', 'bom.sla'], { cwd: dir });
    assert.match(run.stdout, /^bom\.sla:6:32: error SLA101/m);
  });

  it('--today sets the date SLA505 compares with; a bad date is a usage error (exit 2)', () => {
    const tree = tempTree({ 'reviewed.sla': CLEAN.replace('review quarterly', 'review quarterly\n  reviewed 2026-01-31') });
    const due = runCli(['check', '--today', '2026-04-30', '-f', 'json', path.join(tree, 'reviewed.sla')]);
    assert.equal(due.status, 0, due.stderr);
    assert.deepEqual(JSON.parse(due.stdout), []);
    const overdue = runCli(['check', '--today', '2026-05-01', '-f', 'json', path.join(tree, 'reviewed.sla')]);
    assert.equal(overdue.status, 0, overdue.stderr);
    const [d] = JSON.parse(overdue.stdout);
    assert.equal(d.code, 'SLA505');
    assert.equal(d.line, 11);
    assert.match(d.message, /next was due by 2026-04-30 and today is 2026-05-01/);
    const bad = runCli(['check', '--today', '2026-02-30', path.join(tree, 'reviewed.sla')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--today needs a date as YYYY-MM-DD, not `2026-02-30`/);
  });
});
