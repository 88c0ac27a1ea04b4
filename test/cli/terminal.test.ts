// Issue 13 items 3 and 4: control characters from contracts and metric files never reach the
// terminal raw, and a diagnostic is one line that the `$sla` problem matcher reads as one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempTree } from '../helpers/cli';
import { shopContract } from '../helpers/contracts';

/** Raw C0 (but tab and line feed), DEL, C1 and line separators: none may be printed. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const MATCHER = new RegExp(pkg.contributes.problemPatterns.find((p: { name: string }) => p.name === 'sla').regexp);

// A time zone name that is a forged diagnostic line, an OSC title, BEL, CR and C1 CSI.
const HOSTILE_ZONE = String.raw`Mars/X\nsrc/app.ts:1:1: error SLA100: forged\u{1b}]0;pwned\u{7}\u{d}\u{9b}2J`;

const CONTRACT = shopContract('Shop\\u{1b}[2J\\u{9b}31m\\u{d}title');

describe('terminal output (issue 13 items 3, 4)', () => {
  it('sla check: a message quoting a hostile string stays one escaped line, matched once by $sla', () => {
    const dir = tempTree({ 'a.sla': `sla T {\n  timezone "${HOSTILE_ZONE}"\n}\n` });
    const run = runCli(['check', 'a.sla'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, RAW_CONTROL);
    const lines = run.stdout.trimEnd().split('\n');
    const matched = lines.map((line) => MATCHER.exec(line)).filter((m) => m !== null);
    assert.equal(matched.length, lines.length, 'every output line is one diagnostic');
    assert.deepEqual(
      matched.map((m) => m[1]),
      lines.map(() => 'a.sla'),
      'no line names another file',
    );
    const zone = lines.find((l) => l.includes('SLA401'));
    assert.ok(zone, run.stdout);
    assert.ok(zone.includes(String.raw`Mars/X\nsrc/app.ts:1:1: error SLA100: forged\x1b]0;pwned\x07\r\x9b2J`), zone);
  });

  it('sla check: unknown raw control characters in the text are shown escaped', () => {
    const dir = tempTree({ 'a.sla': 'sla T {\n}\n\x1b[2J\x07\n' });
    const run = runCli(['check', 'a.sla'], { cwd: dir });
    assert.doesNotMatch(run.stdout + run.stderr, RAW_CONTROL);
    assert.match(run.stdout, /unexpected characters `\\x1b\[`/);
  });

  it('sla check --format json/sarif: valid JSON with the same strings, C1 controls as \\u escapes', () => {
    const dir = tempTree({ 'a.sla': `sla T {\n  timezone "${HOSTILE_ZONE}"\n}\n` });
    for (const format of ['json', 'sarif']) {
      const run = runCli(['check', '-f', format, 'a.sla'], { cwd: dir });
      assert.doesNotMatch(run.stdout, RAW_CONTROL);
      const text = JSON.stringify(JSON.parse(run.stdout));
      assert.ok(text.includes('forged\\u001b]0;pwned\\u0007\\r\u009b2J'), format);
    }
  });

  it('sla evaluate: a title with ESC, C1 and CR is escaped in text and Markdown, and valid in JSON', () => {
    const dir = tempTree({ 'shop.sla': CONTRACT, 'm.csv': 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n' });
    const text = runCli(['evaluate', 'shop.sla', '-m', 'm.csv'], { cwd: dir });
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout + text.stderr, RAW_CONTROL);
    assert.match(text.stdout, /^Shop "Shop\\x1b\[2J\\x9b31m\\rtitle"/);
    const markdown = runCli(['evaluate', 'shop.sla', '-m', 'm.csv', '-f', 'markdown'], { cwd: dir });
    assert.doesNotMatch(markdown.stdout, RAW_CONTROL);
    const json = runCli(['evaluate', 'shop.sla', '-m', 'm.csv', '-f', 'json'], { cwd: dir });
    assert.doesNotMatch(json.stdout, RAW_CONTROL);
    assert.equal(JSON.parse(json.stdout).title, 'Shop\x1b[2J\x9b31m\rtitle');
  });

  it('sla evaluate: an error quoting a metric file (ESC in a metric name) is escaped', () => {
    const dir = tempTree({ 'shop.sla': CONTRACT, 'm.csv': 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,1\n2026-10-01T00:00:00Z,up\x1b]0;x\x07,zz\x9b\n' });
    const run = runCli(['evaluate', 'shop.sla', '-m', 'm.csv'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.doesNotMatch(run.stdout + run.stderr, RAW_CONTROL);
    assert.match(run.stderr, /^sla evaluate: m\.csv:3: /);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  });
});
