// `sla diff OLD NEW` and `sla diff --git REV [FILE…]`: the semantic diff of two versions of
// contracts (server/src/lifecycle), printed as text, Markdown or JSON. Exit 0; 1 only with
// --require-version-bump when a block's meaning changed and its version did not; 2 on errors.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { analyze, type Analysis } from '../../server/src/language/analyze';
import { readRegularFileSync } from '../../server/src/files/regularFile';
import { diffContracts } from '../../server/src/lifecycle/diff';
import { diffJson, diffMarkdown, diffText, type ComparedFiles } from '../../server/src/lifecycle/format';
import { messages } from '../../server/src/l10n/index';
import { terminalJson, terminalLine, terminalText } from '../../server/src/text/terminal';
import type { Output } from './check';
import { formatText } from './diagnosticFormats';
import { reason, UsageError } from './inputs';

export interface DiffOptions {
  git?: string;
  format: 'text' | 'markdown' | 'json';
  requireVersionBump?: boolean;
}

/** A version of a contract to compare: the name shown for it and its text. */
interface Version {
  name: string;
  text: string;
}

/** Runs `sla diff` and returns its exit code; all output goes through `io`. */
export function runDiff(args: string[], options: DiffOptions, io: Output): number {
  const { t } = messages(io.locale);
  let pairs: [Version, Version][];
  try {
    pairs = options.git !== undefined ? gitPairs(options.git, args, io) : [filePair(args, io)];
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`sla diff: ${terminalLine(error.message)}\n`);
    return 2;
  }

  const compared: ComparedFiles[] = [];
  let broken = false;
  for (const [before, after] of pairs) {
    const analyses = [before, after].map((version) => analyzeOrReport(version, io));
    if (!analyses[0] || !analyses[1]) {
      broken = true;
      continue;
    }
    compared.push({ before: before.name, after: after.name, diff: diffContracts(analyses[0], analyses[1]) });
  }
  if (broken) return 2;

  if (options.format === 'json') io.out(terminalJson(JSON.stringify(diffJson(compared), null, 2)) + '\n');
  // `--git REV` with no .sla file that differs from REV.
  else if (compared.length === 0) io.out(t('diff.noChange') + '\n');
  else if (options.format === 'markdown') io.out(terminalText(diffMarkdown(compared, io.locale ?? 'en')));
  else io.out(terminalText(diffText(compared, io.locale ?? 'en')));

  if (!options.requireVersionBump) return 0;
  let notBumped = false;
  for (const { after, diff } of compared) {
    for (const version of diff.versions.filter((v) => v.versionNotBumped)) {
      io.err(`sla diff: ${terminalLine(t('diff.versionNotBumped', { file: after, name: version.sla, version: version.after ?? t('diff.none') }))}\n`);
      notBumped = true;
    }
  }
  return notBumped ? 1 : 0;
}

/** The analysis of a version, or undefined after printing its errors (a diff of a broken contract would be wrong). */
function analyzeOrReport(version: Version, io: Output): Analysis | undefined {
  const analysis = analyze(version.text.replace(/^\uFEFF/, ''), { locale: io.locale });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return analysis;
  io.err(`sla diff: ${terminalLine(messages(io.locale).t('diff.notParsed', { file: version.name }))}\n`);
  io.err(formatText([{ file: version.name, diagnostics: errors }]) + '\n');
  return undefined;
}

function filePair(args: string[], io: Output): [Version, Version] {
  const { t } = messages(io.locale);
  if (args.length !== 2) throw new UsageError(t('cli.diff.twoFiles'));
  return [readVersion(args[0], io), readVersion(args[1], io)];
}

function readVersion(file: string, io: Output): Version {
  try {
    return { name: file, text: readRegularFileSync(file) };
  } catch (error) {
    throw new UsageError(messages(io.locale).t('cli.cannotRead', { file, reason: reason(error, io.locale) }));
  }
}

/**
 * Each named file (default: every .sla file that differs from REV) as it is at REV and as it
 * is in the working tree. A file missing on one side is compared with an empty contract.
 */
function gitPairs(rev: string, files: string[], io: Output): [Version, Version][] {
  const { t } = messages(io.locale);
  const cwd = process.cwd();
  if (git(['rev-parse', '--git-dir'], cwd, io) === undefined) throw new UsageError(t('cli.diff.notRepository', { dir: cwd }));
  if (rev.startsWith('-') || git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd, io) === undefined) {
    throw new UsageError(t('cli.diff.badRevision', { rev }));
  }
  const names =
    files.length > 0
      ? files
      : gitOrFail(['diff', '--name-only', '--relative', '--no-renames', rev, '--', '*.sla'], cwd, io).split('\n').filter((line) => line !== '');
  return names.map((file) => {
    const dir = path.dirname(path.resolve(file));
    // `REV:./name` is relative to the directory git runs in: the file's own.
    const spec = `${rev}:./${path.basename(file)}`;
    if (existsSync(dir) && git(['rev-parse', '--git-dir'], dir, io) === undefined) throw new UsageError(t('cli.diff.notRepository', { dir }));
    const old = existsSync(dir) && git(['cat-file', '-e', spec], dir, io) !== undefined ? gitOrFail(['show', spec], dir, io) : '';
    const current = existsSync(file) ? readVersion(file, io).text : '';
    return [
      { name: `${rev}:${file}`, text: old },
      { name: file, text: current },
    ];
  });
}

/** git's output, or undefined when it exits non-zero (a missing git is an error of its own). */
function git(args: string[], cwd: string, io: Output): string | undefined {
  const result = runGit(args, cwd, io);
  return result.ok ? result.output : undefined;
}

function gitOrFail(args: string[], cwd: string, io: Output): string {
  const result = runGit(args, cwd, io);
  if (result.ok) return result.output;
  throw new UsageError(messages(io.locale).t('cli.diff.gitFailed', { reason: result.stderr }));
}

function runGit(args: string[], cwd: string, io: Output): { ok: true; output: string } | { ok: false; stderr: string } {
  try {
    return { ok: true, output: execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') throw new UsageError(messages(io.locale).t('cli.diff.gitFailed', { reason: reason(error, io.locale) }));
    return { ok: false, stderr: String((error as { stderr?: unknown }).stderr ?? '').trim() || reason(error, io.locale) };
  }
}

export function registerDiffCommand(program: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  program
    .command('diff')
    .description(t('cli.diff.description'))
    .argument('[files...]', t('cli.diff.files'))
    .option('--git <rev>', t('cli.diff.git'))
    .addOption(new Option('-f, --format <format>', t('cli.diff.format')).choices(['text', 'markdown', 'json']).default('text'))
    .option('--require-version-bump', t('cli.diff.requireBump'))
    .action((files: string[], options: DiffOptions) => setExit(runDiff(files, options, io)));
}
