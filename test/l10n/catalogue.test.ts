// Every catalogue against the English one: the same ids, the same placeholders (both ways),
// no stray braces, and `t` filling placeholders in each language's own word order.
import { strict as assert } from 'node:assert';
import { CATALOGUES, LOCALES, PLACEHOLDER, messages, type MessageId } from '../../server/src/l10n/index';

const english = CATALOGUES.en;

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

describe('l10n: message catalogues', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalogue = CATALOGUES[locale] as Record<string, string>;

    it(`${locale}: translates every English message`, () => {
      const missing = Object.keys(english).filter((id) => typeof catalogue[id] !== 'string' || catalogue[id].trim() === '');
      assert.deepEqual(missing, []);
    });

    it(`${locale}: has no id that English lacks`, () => {
      const extra = Object.keys(catalogue).filter((id) => !Object.hasOwn(english, id));
      assert.deepEqual(extra, []);
    });

    it(`${locale}: uses exactly the placeholders of the English message`, () => {
      const differ = Object.keys(english)
        .filter((id) => id in catalogue)
        .map((id) => ({ id, en: placeholders(english[id as MessageId]), [locale]: placeholders(catalogue[id]) }))
        .filter((row) => JSON.stringify(row.en) !== JSON.stringify(row[locale]));
      assert.deepEqual(differ, []);
    });

    it(`${locale}: is not English left untranslated`, () => {
      // A message may keep code, names and units, but not only English words.
      const untranslated = Object.entries(catalogue).filter(([id, text]) => text === english[id as MessageId] && /[a-z]{3,} [a-z]{3,}/i.test(text));
      assert.deepEqual(untranslated, []);
    });
  }

  for (const locale of LOCALES) {
    it(`${locale}: holds no brace other than a {placeholder}`, () => {
      const stray = Object.entries(CATALOGUES[locale]).filter(([, text]) => /[{}]/.test(text.replace(PLACEHOLDER, '')));
      assert.deepEqual(stray, []);
    });
  }

  it('fills named placeholders wherever each language puts them', () => {
    assert.equal(messages('en').t('cli.unsupportedLocale', { value: 'fr', supported: 'en, zh-CN' }), 'unsupported locale "fr": use one of en, zh-CN');
    assert.equal(messages('zh-CN').t('cli.unsupportedLocale', { value: 'fr', supported: 'en, zh-CN' }), '不支持的语言区域“fr”：请使用 en, zh-CN 之一');
    assert.equal(messages('zh-CN').t('evaluate.notAFile', { uri: 'untitled:Untitled-1' }), '无法评估 untitled:Untitled-1：该文档既未打开，也不是本地文件');
  });

  it('inserts values as they are, even when they look like placeholders or replacement patterns', () => {
    assert.equal(messages('en').t('cli.internalError', { reason: '{reason} $& $1' }), 'internal error: {reason} $& $1');
  });

  it('is English by default and names its locale', () => {
    assert.equal(messages().locale, 'en');
    assert.equal(messages().t('codeLens.evaluate'), '▶ Evaluate');
    assert.equal(messages('zh-CN').locale, 'zh-CN');
    assert.equal(messages('zh-CN').t('codeLens.evaluate'), '▶ 评估');
  });
});
