// commander's own words (help headings, defaults and choices, parse errors) in the CLI's locale.
import { strict as assert } from 'node:assert';
import { runCli } from '../helpers/cli';

const HAN = /\p{Script=Han}/u;
const COMMANDS = [[], ['check'], ['evaluate'], ['report'], ['export'], ['export', 'prometheus-rules'], ['export', 'openslo'], ['import', 'openslo'], ['diff'], ['fmt']];

/** Parse errors of every shape the CLI can meet, with what the English one says. */
const ERRORS: [string[], RegExp][] = [
  [['--bogus'], /^error: unknown option '--bogus'$/m],
  [['chek'], /^error: unknown command 'chek'\n\(Did you mean check\?\)$/m],
  [['fmt', '--chek', 'x.sla'], /^error: unknown option '--chek'\n\(Did you mean --check\?\)$/m],
  [['evaluate'], /^error: missing required argument 'contracts'$/m],
  [['check', 'x.sla', '--format'], /^error: option '-f, --format <format>' argument missing$/m],
  [['diff', '-f', 'xml', 'a', 'b'], /^error: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, markdown, json\.$/m],
  [['report', 'a', 'b'], /^error: too many arguments for 'report'\. Expected 1 argument but got 2\.$/m],
];

describe('sla: commander in the locale', () => {
  it('heads the help of every command in Chinese, defaults and choices included', () => {
    for (const command of COMMANDS) {
      const run = runCli(['--locale', 'zh-CN', ...command, '--help']);
      assert.equal(run.status, 0, run.stderr);
      for (const heading of ['用法：', '选项：', '全局选项：']) assert.ok(run.stdout.includes(heading) || command.length === 0, `${command.join(' ')}: ${heading}`);
      assert.doesNotMatch(run.stdout, /^(Usage|Arguments|Options|Global Options|Commands):/m, command.join(' '));
      assert.doesNotMatch(run.stdout, /\((default|choices|preset|env): |display help for command/, command.join(' '));
    }
    assert.match(runCli(['--locale', 'zh-CN', 'check', '--help']).stdout, /输出格式（可选值："text", "json", "sarif"；默认值："text"）/);
    assert.match(runCli(['--locale', 'zh-CN', '--help']).stdout, /^命令：$[\s\S]*help \[command\] +显示命令帮助/m);
  });

  it('keeps the English help as commander words it', () => {
    const run = runCli(['check', '--help']);
    assert.match(run.stdout, /^Usage: sla check \[options\] <paths\.\.\.>$/m);
    assert.match(run.stdout, /^Arguments:$/m);
    assert.match(run.stdout, /output format \(choices: "text", "json", "sarif",\s+default: "text"\)/);
    assert.match(runCli(['--help']).stdout, /^Commands:$[\s\S]*help \[command\] +display help for command/m);
  });

  for (const [args, english] of ERRORS) {
    it(`words "${english.source.slice(1, 40)}…" in Chinese and keeps the English (sla ${args.join(' ')})`, () => {
      const en = runCli(args);
      assert.equal(en.status, 2);
      assert.match(en.stderr, english);
      const zh = runCli(['--locale', 'zh-CN', ...args]);
      assert.equal(zh.status, 2);
      const lines = zh.stderr.split('\n').filter((line) => line !== '');
      assert.ok(lines.length > 0);
      for (const line of lines) assert.match(line, HAN, zh.stderr);
      assert.match(zh.stderr, /^错误：/);
    });
  }
});
