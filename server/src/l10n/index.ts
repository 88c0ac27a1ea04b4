// Localisation of what users read: locales and the message catalogues (see messages.ts).
export { DEFAULT_LOCALE, LOCALES, environmentLocale, matchLocale, serverLocale } from './locale';
export type { Locale } from './locale';
export { CATALOGUES, PLACEHOLDER, messages } from './messages';
export type { MessageId, MessageParams, Messages } from './messages';
