// `sla export FORMAT …`: the parent command; each format registers its own subcommand.
import type { Command } from 'commander';
import type { Output } from './check';
import { messages } from '../../server/src/l10n/index';

export function registerExportCommand(program: Command, io: Output): Command {
  return program.command('export').description(messages(io.locale).t('cli.export.description'));
}
