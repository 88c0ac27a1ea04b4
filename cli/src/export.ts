// `sla export <format>`: one parent command; each format registers its own subcommand from
// its own module (list them in EXPORTERS).
import type { Command } from 'commander';
import type { Output } from './check';
import { messages } from '../../server/src/l10n/index';
import { registerPrometheusRulesExport } from './exportPrometheusRules';

type RegisterExport = (exportCommand: Command, io: Output, setExit: (code: number) => void) => void;

const EXPORTERS: readonly RegisterExport[] = [registerPrometheusRulesExport];

/** Registers `sla export` with the formats of EXPORTERS; returns it so that other modules add theirs (`openslo`). */
export function registerExportCommand(program: Command, io: Output, setExit: (code: number) => void): Command {
  const exportCommand = program.command('export').description(messages(io.locale).t('export.cli.description'));
  for (const register of EXPORTERS) register(exportCommand, io, setExit);
  return exportCommand;
}
