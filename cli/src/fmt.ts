// `sla fmt [--check] FILE…`: the editor's formatter (services/features/formatting.ts) on the
// command line. Writes files in place; --check writes nothing and exits 1 listing the files
// that would change. A file with syntax errors is never formatted (exit 2, diagnostics named).
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { analyze } from '../../server/src/language/analyze';
import { readRegularFileSync } from '../../server/src/files/regularFile';
import { formatText as formatContract } from '../../server/src/services/features/formatting';
import { messages } from '../../server/src/l10n/index';
import { terminalLine } from '../../server/src/text/terminal';
import type { Output } from './check';
import { formatText as diagnosticsText } from './diagnosticFormats';
import { expandInputs, reason, UsageError } from './inputs';

export interface FmtOptions {
  check?: boolean;
}

const BOM = '\uFEFF';

/** Runs `sla fmt` and returns its exit code; all output goes through `io`. */
export function runFmt(inputs: string[], options: FmtOptions, io: Output): number {
  const { t } = messages(io.locale);
  let files: string[];
  try {
    files = expandInputs(inputs, ['.sla'], io.locale);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`sla fmt: ${terminalLine(error.message)}\n`);
    return 2;
  }
  let failed = false;
  let unformatted = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readRegularFileSync(file);
    } catch (error) {
      io.err(`sla fmt: ${terminalLine(t('cli.cannotRead', { file, reason: reason(error, io.locale) }))}\n`);
      failed = true;
      continue;
    }
    const bom = text.startsWith(BOM) ? BOM : '';
    const analysis = analyze(text.slice(bom.length), { locale: io.locale });
    const formatted = formatContract(analysis);
    if (formatted === undefined) {
      const syntax = analysis.diagnostics.filter((d) => d.code === 'SLA001');
      io.err(`sla fmt: ${terminalLine(t('cli.fmt.syntaxErrors', { file }))}\n${diagnosticsText([{ file, diagnostics: syntax }])}\n`);
      failed = true;
      continue;
    }
    if (formatted === analysis.text) continue;
    unformatted++;
    if (options.check) {
      io.out(terminalLine(t('cli.fmt.wouldChange', { file })) + '\n');
      continue;
    }
    try {
      writeInPlace(file, bom + formatted);
      io.out(terminalLine(t('cli.fmt.formatted', { file })) + '\n');
    } catch (error) {
      io.err(`sla fmt: ${terminalLine(t('cli.cannotWrite', { file, reason: reason(error, io.locale) }))}\n`);
      failed = true;
    }
  }
  if (options.check && unformatted > 0) io.err(terminalLine(t('cli.fmt.summaryCheck', { count: unformatted, total: files.length })) + '\n');
  if (failed) return 2;
  return options.check && unformatted > 0 ? 1 : 0;
}

/** Through a temporary file and a rename, keeping the mode: an interrupted run leaves the old file whole. */
function writeInPlace(file: string, text: string): void {
  const temporary = `${file}.sla-fmt-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: statSync(file).mode, flag: 'wx' });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function registerFmtCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  program
    .command('fmt')
    .description(t('cli.fmt.description'))
    .argument('<paths...>', t('cli.fmt.files'))
    .option('--check', t('cli.fmt.check'))
    .action((paths: string[], options: FmtOptions) => setExit(runFmt(paths, options, io)));
}
