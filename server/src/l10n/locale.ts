// Which language a user reads. VS Code sends BCP 47 tags (`zh-cn`, `zh-Hans`), a shell has
// POSIX locale names (`zh_CN.UTF-8`); both map to one of the catalogues, anything else to
// English. Pure: every caller passes what it knows (no global state, no process.env here).

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The default and the fallback of every message. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Scripts and regions written in Traditional characters: no catalogue yet, so English. */
const TRADITIONAL = new Set(['hant', 'tw', 'hk', 'mo']);

/**
 * The catalogue for a locale tag, or undefined when none fits (the caller falls back).
 * `zh`, `zh-CN`, `zh-cn`, `zh_CN.UTF-8`, `zh-Hans`, `zh-Hans-TW`, `zh-SG` are Simplified
 * Chinese; `zh-TW`, `zh-Hant` are not; `C` and `POSIX` are nothing (English).
 */
export function matchLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  // POSIX: language[_territory][.codeset][@modifier]; BCP 47: language[-script][-region]…
  const [language, ...subtags] = tag.trim().replace(/[.@].*$/s, '').toLowerCase().split(/[-_]/);
  if (language === 'en') return 'en';
  if (language === 'zh') {
    if (subtags.includes('hans')) return 'zh-CN';
    return subtags.some((s) => TRADITIONAL.has(s)) ? undefined : 'zh-CN';
  }
  return undefined;
}

/** The variables a POSIX program reads for the language of its messages, strongest first. */
export const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The locale of a process environment, as POSIX programs choose it: the first of LC_ALL,
 * LC_MESSAGES, LANG that is set and not empty decides (a weaker one never overrides it);
 * `C`, `POSIX` and languages without a catalogue mean English.
 */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name]?.trim();
    if (value) return matchLocale(value) ?? DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}

/** Values of the `sla.locale` setting. */
export const LOCALE_SETTING_VALUES = ['auto', 'en', 'zh-cn'] as const;
type LocaleSetting = (typeof LOCALE_SETTING_VALUES)[number];

/**
 * The language server's locale: the `sla.locale` setting when it names a language, else
 * (`auto`, unset, anything unknown) the client's display language from `initialize`.
 */
export function serverLocale(setting: unknown, clientLocale: unknown): Locale {
  return (setting !== 'auto' ? matchLocale(setting) : undefined) ?? matchLocale(clientLocale) ?? DEFAULT_LOCALE;
}
