// `sla export openslo CONTRACT [--sla NAME] [-o FILE]` and `sla import openslo FILE… [-o FILE]`:
// thin shells over server/src/interop/openslo. Exit 0 on success, 2 on any error.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyze } from '../../server/src/language/analyze';
import { readRegularFileSync } from '../../server/src/files/regularFile';
import { exportOpenSlo, importOpenSlo, toYaml, type ImportInput } from '../../server/src/interop/openslo/index';
import { messages } from '../../server/src/l10n/index';
import { terminalLine } from '../../server/src/text/terminal';
import type { Output } from './check';
import { reason } from './inputs';

interface OutputOption {
  output?: string;
}

export function registerOpenSloCommands(program: Command, exportCommand: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  exportCommand
    .command('openslo')
    .description(t('cli.export.openslo.description'))
    .argument('<contract>', t('cli.export.openslo.contract'))
    .option('--sla <name>', t('cli.option.sla'))
    .option('-o, --output <file>', t('cli.option.output'))
    .action((contract: string, options: OutputOption & { sla?: string }) => setExit(runExportOpenSlo(contract, options, io)));
  program
    .command('import')
    .description(t('cli.import.description'))
    .command('openslo')
    .description(t('cli.import.openslo.description'))
    .argument('<files...>', t('cli.import.openslo.files'))
    .option('-o, --output <file>', t('cli.option.output'))
    .action((files: string[], options: OutputOption) => setExit(runImportOpenSlo(files, options, io)));
}

export function runExportOpenSlo(contractPath: string, options: OutputOption & { sla?: string }, io: Output): number {
  const { t } = messages(io.locale);
  const fail = (text: string) => (io.err(`sla export openslo: ${terminalLine(text)}\n`), 2);
  let text: string;
  try {
    text = readRegularFileSync(contractPath).replace(/^\uFEFF/, '');
  } catch (error) {
    return fail(t('cli.cannotRead', { file: contractPath, reason: reason(error, io.locale) }));
  }
  const analysis = analyze(text, { locale: io.locale });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) return fail(t('cli.export.contractErrors', { file: contractPath, count: errors }));
  const names = analysis.linked.map((facts) => facts.sla.name?.text ?? '');
  if (!names.length) return fail(t('cli.export.noSla', { file: contractPath }));
  const facts = options.sla === undefined ? analysis.linked[0] : analysis.linked.find((f) => f.sla.name?.text === options.sla);
  if (!facts) return fail(t('cli.export.unknownSla', { file: contractPath, name: options.sla ?? '', names: names.join(', ') }));
  const result = exportOpenSlo(analysis, facts);
  for (const note of result.notes) io.err(`sla export openslo: ${terminalLine(t(`openslo.export.notExpressible.${note.reason}`, { objective: note.objective, clause: note.clause }))}\n`);
  return write(toYaml(result.documents), options, io, 'sla export openslo');
}

export function runImportOpenSlo(files: string[], options: OutputOption, io: Output): number {
  const { t } = messages(io.locale);
  const inputs: ImportInput[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      inputs.push({ file, text: readRegularFileSync(file).replace(/^\uFEFF/, '') });
    } catch (error) {
      io.err(`sla import openslo: ${terminalLine(t('cli.cannotRead', { file, reason: reason(error, io.locale) }))}\n`);
      unreadable = true;
    }
  }
  if (unreadable) return 2;
  const result = importOpenSlo(inputs, messages(io.locale));
  if (result.contract === undefined) {
    for (const problem of result.problems) {
      const where = [problem.file + (problem.line !== undefined ? `:${problem.line}` : ''), problem.document !== undefined ? t('cli.import.document', { index: problem.document }) : undefined].filter(Boolean).join(': ');
      io.err(`sla import openslo: ${terminalLine(`${where}: ${problem.reason}`)}\n`);
    }
    return 2;
  }
  return write(result.contract, options, io, 'sla import openslo');
}

function write(text: string, options: OutputOption, io: Output, command: string): number {
  if (options.output === undefined) {
    io.out(text);
    return 0;
  }
  try {
    writeFileSync(options.output, text);
    return 0;
  } catch (error) {
    io.err(`${command}: ${terminalLine(messages(io.locale).t('cli.cannotWrite', { file: options.output, reason: reason(error, io.locale) }))}\n`);
    return 2;
  }
}
