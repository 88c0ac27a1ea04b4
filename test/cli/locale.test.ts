// `sla --locale` and the locale variables, as a user runs the built CLI.
import { strict as assert } from 'node:assert';
import { runCli } from '../helpers/cli';

describe('sla: locale', () => {
  it('prints help in Chinese with LANG=zh_CN.UTF-8 or --locale zh-CN, in English otherwise', () => {
    const zhEnv = runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(zhEnv.status, 0);
    assert.match(zhEnv.stdout, /检查用 SLA 语言编写的服务等级协议/);
    assert.match(zhEnv.stdout, /--locale <tag> +消息和报告的语言/);
    const zhOption = runCli(['--locale', 'zh-CN', '--help']);
    assert.match(zhOption.stdout, /检查用 SLA 语言编写的服务等级协议/);
    const english = runCli(['--help']);
    assert.match(english.stdout, /Check service level agreements written in the SLA language/);
    assert.doesNotMatch(english.stdout, /[\u4e00-\u9fff]/);
  });

  it('lists --locale in the help of each command', () => {
    for (const command of ['check', 'evaluate']) {
      assert.match(runCli([command, '--help']).stdout, /Global Options:[\s\S]*--locale <tag> +language of messages and reports/, command);
    }
  });

  it('lets LC_ALL win over LANG, and C mean English', () => {
    assert.doesNotMatch(runCli(['--help'], { env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } }).stdout, /[\u4e00-\u9fff]/);
    assert.match(runCli(['--help'], { env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }).stdout, /服务等级协议/);
    assert.match(runCli(['--help'], { env: { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }).stdout, /服务等级协议/);
  });

  it('accepts --locale after the command, and words usage hints in the chosen language', () => {
    const ok = runCli(['check', 'samples/lanying-im.sla', '--locale', 'zh-CN']);
    assert.equal(ok.status, 0, ok.stderr);
    const bad = runCli(['check', 'samples/lanying-im.sla', '--locale=zh-CN', '--bogus']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /（运行 `sla --help` 查看用法）/);
  });

  it('rejects a locale it has no catalogue for, with exit 2 and the supported ones', () => {
    const run = runCli(['--locale', 'fr', 'check', 'samples/lanying-im.sla']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'sla: unsupported locale "fr": use one of en, zh-CN\n');
    const zh = runCli(['--locale', 'fr', 'check', 'samples/lanying-im.sla'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(zh.stderr, 'sla: 不支持的语言区域“fr”：请使用 en, zh-CN 之一\n');
  });
});
