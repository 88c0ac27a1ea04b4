// `sla report` as a user runs it (dist/cli.js): where the report goes, and the message and
// exit code of each kind of bad input.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

const SAMPLE = ['samples/lanying-im.sla', '--metrics', 'samples/metrics/csv'];

describe('sla report (CLI)', () => {
  it('writes the HTML report of the latest month to -o FILE and says so on stderr', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'report.html');
    const run = runCli(['report', ...SAMPLE, '-o', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `sla report: report for 2026-10 written to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h1>蓝莺IM 企业级聊天云服务 \(LanyingIM\)<\/h1>/);
  });

  it('prints Markdown of a chosen period on stdout (a breach is not an error: exit 0)', () => {
    const run = runCli(['report', ...SAMPLE, '--period', '2026-09', '--format', 'markdown']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# 蓝莺IM 企业级聊天云服务 \(LanyingIM\)\n\nService level report · 2026-09\n/);
    assert.match(run.stdout, /\nNo credit is owed for this period\.\n/);
  });

  it('an unknown period: the periods the data holds, exit 2, nothing written', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'r.html');
    const run = runCli(['report', ...SAMPLE, '--period', '2026-07', '-o', file]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla report: no period 2026-07 in the data; it holds 2026-09, 2026-10\n');
    assert.equal(existsSync(file), false);
  });

  it('the same message in Chinese with --locale zh-CN', () => {
    const run = runCli(['report', ...SAMPLE, '--period', '2026-07', '--locale', 'zh-CN']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla report: 数据中没有周期 2026-07；数据包含 2026-09, 2026-10\n');
  });

  it('no period in the data: no objective has a sample inside the effective dates', () => {
    const dir = tempTree({
      'later.sla': `sla Later {
  effective 2027-01-01 to 2027-12-31
  timezone "Asia/Shanghai"
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99% window calendar month }
}
`,
    });
    const run = runCli(['report', path.join(dir, 'later.sla'), '--metrics', 'samples/metrics/csv/probes.csv']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla report: no period in the data: no objective has a sample inside the effective dates\n');
  });

  it('an output that cannot be written: the file and the reason, exit 2', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'missing', 'r.html');
    const run = runCli(['report', ...SAMPLE, '-o', file]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`^sla report: cannot write ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\n$`));
  });

  it('no metrics, a missing contract, a contract with errors, a bad format: exit 2 with a message', () => {
    let run = runCli(['report', 'samples/lanying-im.sla']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla report: no metrics given: use --metrics FILE|DIR|GLOB… or --prometheus URL\n');

    run = runCli(['report', 'no-such.sla', '--metrics', 'samples/metrics/csv']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^sla report: cannot read no-such\.sla: .+\n$/);

    const dir = tempTree({ 'bad.sla': 'sla Bad {\n  objective x { indicator nope target >= 99% window calendar month }\n}\n' });
    run = runCli(['report', path.join(dir, 'bad.sla'), '--metrics', 'samples/metrics/csv']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /error SLA101/);
    assert.match(run.stderr, /sla report: .*bad\.sla has 1 error\(s\); fix them before making a report\n$/);

    run = runCli(['report', ...SAMPLE, '--format', 'pdf']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /argument 'pdf' is invalid/);
  });
});
