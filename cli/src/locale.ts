// The language of the `sla` command's messages and reports: `--locale TAG` (a global
// option, anywhere before `--`), else the process environment (LC_ALL, LC_MESSAGES, LANG).
import { Command } from 'commander';
import { LOCALES, environmentLocale, matchLocale, messages, type Locale } from '../../server/src/l10n/index';
import { UsageError } from './inputs';

export const LOCALE_OPTION = '--locale <tag>';

/** The `--locale` value of a command line (argv without node and script), read before the full parse. */
export function localeArgument(args: readonly string[]): string | undefined {
  // The real parser, told only about --locale, so `--`, `--locale=x` and repeats behave as in the full parse.
  const probe = new Command().option(LOCALE_OPTION).allowUnknownOption().allowExcessArguments().helpOption(false);
  probe.parseOptions([...args]);
  return probe.opts<{ locale?: string }>().locale;
}

/**
 * The locale the command runs in. An explicit `--locale` that no catalogue fits is a
 * usage error (in the environment's language); the environment falls back to English.
 */
export function cliLocale(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  const fromEnvironment = environmentLocale(env);
  if (option === undefined) return fromEnvironment;
  const chosen = matchLocale(option);
  if (chosen) return chosen;
  throw new UsageError(messages(fromEnvironment).t('cli.unsupportedLocale', { value: option, supported: LOCALES.join(', ') }));
}
