// The `sla` command line: a thin shell over the core (see ARCHITECTURE.md).
import { Command, CommanderError } from 'commander';
import { registerCheckCommand, type Output } from './check';
import { registerEvaluateCommand } from './evaluate';
import { UsageError } from './inputs';
import { TOOL_VERSION } from './version';
import { terminalLine } from '../../server/src/text/terminal';

const io: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => (exitCode = code);
  const program = new Command('sla')
    .description('Check service level agreements written in the SLA language and evaluate them against metrics.')
    .version(TOOL_VERSION)
    .showHelpAfterError('(run `sla --help` for usage)')
    .exitOverride();
  registerCheckCommand(program, io, setExit);
  registerEvaluateCommand(program, io, setExit);
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
    io.err(`sla: internal error: ${terminalLine(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
  return exitCode;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
