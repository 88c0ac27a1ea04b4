// `sla check` in Chinese (issue 11): the language core's diagnostics in the CLI's locale,
// codes and positions unchanged, the JSON format's machine fields untouched.
import { strict as assert } from 'node:assert';
import { runCli } from '../helpers/cli';

describe('sla check: diagnostics in the chosen language', () => {
  it('words syntax and literal errors in Chinese with LANG=zh_CN.UTF-8, at the same places as in English', () => {
    const zh = runCli(['check', 'samples/broken/syntax.sla'], { env: { LANG: 'zh_CN.UTF-8' } });
    const en = runCli(['check', 'samples/broken/syntax.sla'], { env: { LANG: 'en_US.UTF-8' } });
    assert.equal(zh.status, en.status);
    assert.match(zh.stdout, /^samples\/broken\/syntax\.sla:7:13: error SLA002: `2026-02-30` 不是日期：2026 年 2 月只有 28 天$/m);
    assert.match(en.stdout, /^samples\/broken\/syntax\.sla:7:13: error SLA002: `2026-02-30` is not a date: February 2026 has 28 days$/m);
    const places = (out: string) => [...out.matchAll(/^(\S+:\d+:\d+: \w+ SLA\d+):/gm)].map((m) => m[1]);
    assert.deepEqual(places(zh.stdout), places(en.stdout));
    assert.ok(places(zh.stdout).length >= 3);
  });

  it('keeps the JSON fields and codes, with the messages translated (--locale zh-CN)', () => {
    const run = runCli(['check', '--format', 'json', '--locale', 'zh-CN', 'samples/broken/unknown-names.sla']);
    const english = runCli(['check', '--format', 'json', 'samples/broken/unknown-names.sla']);
    const strip = (text: string) => JSON.stringify(JSON.parse(text), (key, value) => (key === 'message' ? undefined : value));
    assert.equal(strip(run.stdout), strip(english.stdout));
    assert.match(run.stdout, /未知的服务 `web_shop`/);
  });
});
