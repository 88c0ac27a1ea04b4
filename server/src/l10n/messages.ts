// Localised messages: `messages(locale).t(id, params)`. Ids and their placeholders are
// typed from the English catalogue, so a wrong id or a missing `{name}` does not compile;
// placeholders are named so that each language orders the words its own way.
import { en, type Catalogue, type MessageId } from './catalogue/en';
import { zhCN } from './catalogue/zh-CN';
import { DEFAULT_LOCALE, type Locale } from './locale';

export type { MessageId } from './catalogue/en';

/** `{name}` placeholders of a message text, as a union of names. */
type PlaceholderNames<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;

/** The arguments after the id: none, or one object with a value for every placeholder. */
export type MessageParams<Id extends MessageId> = [PlaceholderNames<(typeof en)[Id]>] extends [never]
  ? []
  : [params: Record<PlaceholderNames<(typeof en)[Id]>, string | number>];

/** A placeholder: `{` a name of word characters `}`. Messages hold no other braces. */
export const PLACEHOLDER = /\{(\w+)\}/g;

let zhCNCatalogue: Catalogue | undefined;

/** Every locale's catalogue; a catalogue other than English is made when first read. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = Object.freeze({
  en,
  get 'zh-CN'(): Catalogue {
    return (zhCNCatalogue ??= zhCN());
  },
});

export interface Messages {
  readonly locale: Locale;
  /** The message `id` in this locale (English when the catalogue lacks it), placeholders filled. */
  t<Id extends MessageId>(id: Id, ...params: MessageParams<Id>): string;
}

function create(locale: Locale): Messages {
  const catalogue = CATALOGUES[locale];
  return Object.freeze({
    locale,
    t<Id extends MessageId>(id: Id, ...[params]: MessageParams<Id>): string {
      const text: string = catalogue[id] ?? en[id];
      if (!params) return text;
      const values = params as Record<string, string | number>;
      return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
    },
  });
}

/** The messages of each locale asked for so far. */
const BY_LOCALE = new Map<Locale, Messages>();

/** The messages of a locale (English for the default). Immutable, shared by every caller. */
export function messages(locale: Locale = DEFAULT_LOCALE): Messages {
  const known = Object.hasOwn(CATALOGUES, locale) ? locale : DEFAULT_LOCALE;
  let made = BY_LOCALE.get(known);
  if (!made) BY_LOCALE.set(known, (made = create(known)));
  return made;
}
