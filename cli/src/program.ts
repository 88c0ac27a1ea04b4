// The `sla` program around its commands: the locale, commander's set-up in that locale, the
// exit codes of usage and internal errors. Each bundle's entry (main.ts: every command;
// mainLanguage.ts: the commands that need only the language core) passes its commands.
import { Command, CommanderError } from 'commander';
import type { Output } from './check';
import { UsageError } from './inputs';
import { LOCALE_OPTION, cliLocale, localeArgument } from './locale';
import { localiseCommander } from './commanderText';
import { TOOL_VERSION } from './version';
import { messages, type Locale } from '../../server/src/l10n/index';
import { terminalLine } from '../../server/src/text/terminal';
import { descriptorWriter } from './stdio';

/** Adds commands to the program (in the order `sla --help` lists them). */
export type RegisterCommands = (program: Command, io: Output, setExit: (code: number) => void) => void;

const streams: Output = {
  out: descriptorWriter(1, () => process.stdout),
  err: descriptorWriter(2, () => process.stderr),
};

async function runProgram(argv: string[], register: RegisterCommands): Promise<number> {
  let locale: Locale;
  try {
    locale = cliLocale(localeArgument(argv.slice(2)), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.err(`sla: ${error.message}\n`);
    return 2;
  }
  const io: Output = { ...streams, locale };
  const { t } = messages(locale);
  let exitCode = 0;
  const setExit = (code: number) => (exitCode = code);
  const program = new Command('sla')
    .description(t('cli.description'))
    .version(TOOL_VERSION, '-V, --version', t('cli.option.version'))
    .helpOption('-h, --help', t('cli.option.help'))
    .option(LOCALE_OPTION, t('cli.option.locale'))
    .showHelpAfterError(t('cli.helpHint'))
    .exitOverride();
  // Before the commands are added: they inherit the help and output settings.
  localiseCommander(program, messages(locale));
  register(program, io, setExit);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every other parse failure is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`sla: ${terminalLine(error.message)}\n`);
      return 2;
    }
    io.err(`sla: ${t('cli.internalError', { reason: terminalLine(error instanceof Error ? error.message : String(error)) })}\n`);
    return 2;
  }
  return exitCode;
}

/** Runs the program on the process's arguments and sets the exit code. */
export function runCli(register: RegisterCommands): void {
  runProgram(process.argv, register).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
