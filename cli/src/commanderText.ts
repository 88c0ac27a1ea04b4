// commander's own words (help headings, "(default: …)", parse errors such as "error: unknown
// option") in the CLI's locale. commander has no message catalogue: its help is worded through
// the Help hooks (configureHelp), and its errors, which reach us only as English text, are
// recognised by their fixed shapes and worded again from ours. An error of a shape we do not
// know is written as commander wrote it.
import type { Argument, Command, Option } from 'commander';
import type { MessageId, Messages } from '../../server/src/l10n/index';

type Say = Messages['t'];

/** Words `program`'s help and parse errors (and those of the commands added later) in `text`'s locale. */
export function localiseCommander(program: Command, text: Messages): Command {
  const { t } = text;
  return program
    .configureHelp({
      // Each command's help also lists --locale (the commands inherit this setting).
      showGlobalOptions: true,
      styleTitle: (title) => helpTitle(title, t),
      optionDescription: (option) => described(option.description, optionExtras(option, t), t),
      argumentDescription: (argument) => described(argument.description, argumentExtras(argument, t), t),
    })
    .helpCommand('help [command]', t('cli.option.help'))
    .configureOutput({ outputError: (message, write) => write(commanderError(message, t)) });
}

/** commander's help headings (Help.formatHelp) and ours. */
const TITLES: Readonly<Record<string, Extract<MessageId, 'cli.help.usage' | 'cli.help.arguments' | 'cli.help.options' | 'cli.help.globalOptions' | 'cli.help.commands'>>> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
};

function helpTitle(title: string, t: Say): string {
  const id = Object.hasOwn(TITLES, title) ? TITLES[title] : undefined;
  return id ? t(id) : title;
}

/** As commander words them: choices and defaults as JSON. */
const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** commander's rules for what an option's help adds after its description (Help.optionDescription). */
function optionExtras(option: Option, t: Say): string[] {
  const extras: string[] = [];
  if (option.argChoices) extras.push(t('cli.help.choices', { choices: quoted(option.argChoices) }));
  const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && showDefault) extras.push(t('cli.help.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
  if (option.presetArg !== undefined && option.optional) extras.push(t('cli.help.preset', { value: JSON.stringify(option.presetArg) }));
  if (option.envVar !== undefined) extras.push(t('cli.help.env', { variable: option.envVar }));
  return extras;
}

function argumentExtras(argument: Argument, t: Say): string[] {
  const extras: string[] = [];
  if (argument.argChoices) extras.push(t('cli.help.choices', { choices: quoted(argument.argChoices) }));
  if (argument.defaultValue !== undefined) extras.push(t('cli.help.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
  return extras;
}

function described(description: string | undefined, extras: string[], t: Say): string {
  if (extras.length === 0) return description ?? '';
  const extra = t('cli.help.extras', { extras: extras.join(t('cli.help.extrasSeparator')) });
  return description ? t('cli.help.described', { description, extras: extra }) : extra;
}

/** Shapes of commander's parse errors (commander 14), each with the message that words it again. */
const ERRORS: readonly [RegExp, (m: RegExpExecArray, t: Say) => string][] = [
  [/^error: unknown option '(.*)'$/s, (m, t) => t('cli.commander.unknownOption', { option: m[1] })],
  [/^error: unknown command '(.*)'$/s, (m, t) => t('cli.commander.unknownCommand', { command: m[1] })],
  [/^error: missing required argument '(.*)'$/s, (m, t) => t('cli.commander.missingArgument', { argument: m[1] })],
  [/^error: option '(.*)' argument missing$/s, (m, t) => t('cli.commander.optionArgumentMissing', { option: m[1] })],
  [/^error: required option '(.*)' not specified$/s, (m, t) => t('cli.commander.requiredOption', { option: m[1] })],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (m, t) => {
      const counts = { expected: m[2], received: m[3] };
      if (m[1] === undefined) return m[2] === '1' ? t('cli.commander.tooManyArgumentsOne', counts) : t('cli.commander.tooManyArguments', counts);
      const forCommand = { ...counts, command: m[1] };
      return m[2] === '1' ? t('cli.commander.tooManyArgumentsForOne', forCommand) : t('cli.commander.tooManyArgumentsFor', forCommand);
    },
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.(?: (.*))?$/s,
    (m, t) =>
      m[3] === undefined
        ? t('cli.commander.invalidOptionValue', { option: m[1], value: m[2] })
        : t('cli.commander.invalidOptionValueReason', { option: m[1], value: m[2], reason: invalidReason(m[3], t) }),
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.(?: (.*))?$/s,
    (m, t) =>
      m[3] === undefined
        ? t('cli.commander.invalidArgumentValue', { argument: m[2], value: m[1] })
        : t('cli.commander.invalidArgumentValueReason', { argument: m[2], value: m[1], reason: invalidReason(m[3], t) }),
  ],
];

/** commander's own reason for an invalid value; our parsers' reasons are worded already. */
function invalidReason(reason: string, t: Say): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
  return choices ? t('cli.commander.allowedChoices', { choices: choices[1] }) : reason;
}

/** A suggestion commander appends on a line of its own (suggestSimilar). */
function suggestion(text: string, t: Say): string {
  const many = /^\(Did you mean one of (.*)\?\)$/s.exec(text);
  if (many) return t('cli.commander.didYouMeanOneOf', { candidates: many[1] });
  const one = /^\(Did you mean (.*)\?\)$/s.exec(text);
  return one ? t('cli.commander.didYouMean', { candidate: one[1] }) : text;
}

/** A parse error commander wrote (`message\n`, perhaps a suggestion line before the newline), worded in the locale. */
export function commanderError(output: string, t: Say): string {
  const body = output.endsWith('\n') ? output.slice(0, -1) : output;
  const newline = output.endsWith('\n') ? '\n' : '';
  const [message, ...rest] = body.split('\n');
  for (const [shape, word] of ERRORS) {
    const m = shape.exec(message);
    if (m) return [word(m, t), ...rest.map((line) => suggestion(line, t))].join('\n') + newline;
  }
  return output;
}
