// Localisation of what users read: locales and the message catalogues (see messages.ts).
export { DEFAULT_LOCALE, LOCALES, LOCALE_SETTING_VALUES, LOCALE_VARIABLES, environmentLocale, matchLocale, serverLocale } from './locale';
export type { Locale, LocaleSetting } from './locale';
export { CATALOGUES, PLACEHOLDER, messages } from './messages';
export type { MessageId, MessageParams, Messages } from './messages';
