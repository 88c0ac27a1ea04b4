// Errors of an evaluation. Both carry what the user needs to fix the input; neither is a
// programming error, so callers print the message (never a stack trace).
import type { Diagnostic } from '../language/diagnostics';
import { messages, type Locale } from '../l10n/index';

/** Unreadable data, a missing file, a bad option: the message names file, line and reason. */
export class EvaluationError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly reason: string;

  constructor(reason: string, file?: string, line?: number) {
    super(file === undefined ? reason : line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'EvaluationError';
    this.reason = reason;
    this.file = file;
    this.line = line;
  }
}

/**
 * Metrics the contract names with no samples in the inputs (LANGUAGE.md §5 1.1): one
 * problem per metric, each a line of the message. An EvaluationError to every caller.
 */
export class MissingMetricsError extends EvaluationError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** The contract has errors (diagnostics of severity `error`): it is not evaluated. */
export class ContractError extends Error {
  readonly file: string;
  /** The error diagnostics (0-based ranges, as produced by the checker). */
  readonly diagnostics: Diagnostic[];

  constructor(file: string, diagnostics: Diagnostic[], locale?: Locale) {
    const { t } = messages(locale);
    super(
      [
        diagnostics.length === 1 ? t('evaluate.contractErrors.one', { file }) : t('evaluate.contractErrors.other', { file, count: diagnostics.length }),
        ...diagnostics.map(formatDiagnostic.bind(null, file)),
      ].join('\n'),
    );
    this.name = 'ContractError';
    this.file = file;
    this.diagnostics = diagnostics;
  }
}

/** `path:line:col: error CODE: message` with 1-based line and column. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Thrown when the caller's AbortSignal fires; the message in `locale`. */
export class EvaluationAborted extends Error {
  constructor(locale?: Locale) {
    super(messages(locale).t('evaluate.cancelled'));
    this.name = 'EvaluationAborted';
  }
}
