// Locale resolution: tags from VS Code and POSIX locale names, the environment's precedence,
// the CLI's --locale, and the server's setting over the client's display language.
import { strict as assert } from 'node:assert';
import { environmentLocale, matchLocale, serverLocale } from '../../server/src/l10n/index';
import { cliLocale, localeArgument } from '../../cli/src/locale';
import { UsageError } from '../../cli/src/inputs';

describe('l10n: locale resolution', () => {
  it('maps every way of writing Simplified Chinese to zh-CN', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'ZH-cn', 'zh_CN', 'zh_CN.UTF-8', 'zh_CN.utf8', 'zh_CN.GB18030', 'zh_CN@pinyin', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-TW', 'zh-SG', ' zh-CN ']) {
      assert.equal(matchLocale(tag), 'zh-CN', tag);
    }
  });

  it('has no catalogue for Traditional Chinese, other languages, C or POSIX', () => {
    for (const tag of ['zh-TW', 'zh_TW.UTF-8', 'zh-HK', 'zh-Hant', 'zh-Hant-CN', 'fr', 'de_DE.UTF-8', 'C', 'C.UTF-8', 'POSIX', '', undefined, null, 42]) {
      assert.equal(matchLocale(tag), undefined, String(tag));
    }
    assert.equal(matchLocale('en-GB'), 'en');
    assert.equal(matchLocale('en_US.UTF-8'), 'en');
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, skipping empty values (POSIX)', () => {
    assert.equal(environmentLocale({}), 'en');
    assert.equal(environmentLocale({ LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.equal(environmentLocale({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-CN');
    assert.equal(environmentLocale({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(environmentLocale({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-CN');
    assert.equal(environmentLocale({ LC_ALL: '', LC_MESSAGES: ' ', LANG: 'zh_CN.UTF-8' }), 'zh-CN');
  });

  it('lets the strongest set variable decide even when it has no catalogue (C, POSIX, French)', () => {
    assert.equal(environmentLocale({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(environmentLocale({ LC_MESSAGES: 'POSIX', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(environmentLocale({ LC_ALL: 'fr_FR.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
  });

  it('CLI: --locale wins over the environment; an unknown one is a usage error worded in the environment language', () => {
    assert.equal(cliLocale('zh-CN', { LC_ALL: 'en_US.UTF-8' }), 'zh-CN');
    assert.equal(cliLocale('en', { LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(cliLocale(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-CN');
    assert.throws(() => cliLocale('fr', {}), (e: unknown) => e instanceof UsageError && /unsupported locale "fr": use one of en, zh-CN/.test(e.message));
    assert.throws(() => cliLocale('klingon', { LANG: 'zh_CN.UTF-8' }), (e: unknown) => e instanceof UsageError && /不支持的语言区域“klingon”/.test(e.message));
  });

  it('CLI: finds --locale before or after the command, never after --', () => {
    assert.equal(localeArgument(['--locale', 'zh-CN', 'check', 'a.sla']), 'zh-CN');
    assert.equal(localeArgument(['check', 'a.sla', '--locale=zh_CN.UTF-8', '--format', 'json']), 'zh_CN.UTF-8');
    assert.equal(localeArgument(['check', '--', '--locale', 'zh-CN']), undefined);
    assert.equal(localeArgument(['check', 'a.sla']), undefined);
  });

  it('server: the sla.locale setting overrides the client display language; auto follows it', () => {
    assert.equal(serverLocale(undefined, 'zh-cn'), 'zh-CN');
    assert.equal(serverLocale('auto', 'zh-cn'), 'zh-CN');
    assert.equal(serverLocale('en', 'zh-cn'), 'en');
    assert.equal(serverLocale('zh-cn', 'en'), 'zh-CN');
    assert.equal(serverLocale('zh-cn', undefined), 'zh-CN');
    assert.equal(serverLocale('auto', 'de'), 'en');
    assert.equal(serverLocale(undefined, undefined), 'en');
    // A value the setting's schema does not allow is ignored, as if auto.
    assert.equal(serverLocale('klingon', 'zh-cn'), 'zh-CN');
    assert.equal(serverLocale(7, 'zh-cn'), 'zh-CN');
  });
});
