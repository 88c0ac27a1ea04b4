// `sla check FILE|DIR|GLOB…`: parse and check contracts, print diagnostics, exit 0/1/2.
import type { Command } from 'commander';
import { Option } from 'commander';
import { diagnose } from '../../server/src/language/analyze';
import { readRegularFileSync } from '../../server/src/files/regularFile';
import { expandInputs, reason, UsageError } from './inputs';
import { formatSarif, formatText, toJson, type FileDiagnostics } from './diagnosticFormats';
import { TOOL_VERSION } from './version';
import { withHeapForText } from './checkHeap';
import { messages, type Locale } from '../../server/src/l10n/index';
import { daysInMonth, type CivilDate } from '../../server/src/language/calendar';
import { terminalJson, terminalLine } from '../../server/src/text/terminal';

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: number;
  quiet?: boolean;
  /** `--today DATE`: the date SLA505 compares with (default: today in each contract's zone). */
  today?: CivilDate;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The language of messages and reports, chosen once by main.ts (`--locale`, LC_ALL/LC_MESSAGES/LANG). */
  locale?: Locale;
}

/** Runs `sla check` and returns its exit code; all output goes through `io`. */
export function runCheck(inputs: string[], options: CheckOptions, io: Output): number {
  const { t } = messages(io.locale);
  let files: string[];
  try {
    files = expandInputs(inputs, ['.sla'], io.locale);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`sla check: ${terminalLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  const results: FileDiagnostics[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = readRegularFileSync(file);
    } catch (error) {
      io.err(`sla check: ${terminalLine(t('cli.cannotRead', { file, reason: reason(error, io.locale) }))}\n`);
      unreadable = true;
      continue;
    }
    // Editors hide a byte order mark; columns must not count it either.
    const source = text.replace(/^\uFEFF/, '');
    const diagnostics = withHeapForText(source, () => diagnose(source, { locale: io.locale, today: options.today })).filter((d) => !options.quiet || d.severity === 'error');
    results.push({ file, diagnostics });
  }

  if (options.format === 'json') io.out(terminalJson(JSON.stringify(toJson(results), null, 2)) + '\n');
  else if (options.format === 'sarif') io.out(terminalJson(JSON.stringify(formatSarif(results, TOOL_VERSION, io.locale), null, 2)) + '\n');
  else {
    const text = formatText(results);
    if (text) io.out(text + '\n');
    io.err(summary(results, io.locale) + '\n');
  }

  if (unreadable) return 2;
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`sla check: ${t('cli.check.tooManyWarnings', { count: warnings, max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

function summary(results: FileDiagnostics[], locale: Locale | undefined): string {
  const { t } = messages(locale);
  const count = (s: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const errors = count('error');
  const warnings = count('warning');
  return t('cli.check.summary', {
    files: results.length === 1 ? t('cli.check.files.one') : t('cli.check.files.other', { count: results.length }),
    errors: errors === 1 ? t('cli.check.errors.one') : t('cli.check.errors.other', { count: errors }),
    warnings: warnings === 1 ? t('cli.check.warnings.one') : t('cli.check.warnings.other', { count: warnings }),
    information: count('information'),
  });
}

export function registerCheckCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  program
    .command('check')
    .description(t('cli.check.description'))
    .argument('<paths...>', t('cli.fmt.files'))
    .addOption(new Option('-f, --format <format>', t('cli.diff.format')).choices(['text', 'json', 'sarif']).default('text'))
    .option('--max-warnings <n>', t('cli.check.maxWarnings'), (value: string) => parseCount(value, io.locale))
    .option('-q, --quiet', t('cli.check.quiet'))
    .option('--today <date>', messages(io.locale).t('cli.check.today'), (value: string) => parseDate(value, io.locale))
    .action((paths: string[], options: CheckOptions) => setExit(runCheck(paths, options, io)));
}

/** `YYYY-MM-DD`, a real calendar date. */
function parseDate(value: string, locale: Locale | undefined): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new UsageError(messages(locale).t('cli.check.badToday', { value }));
  }
  return { year, month, day };
}

function parseCount(value: string, locale: Locale | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(messages(locale).t('cli.check.badCount', { value }));
  return n;
}
