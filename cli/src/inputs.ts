// The CLI's FILE|DIR|GLOB arguments, and file-system errors in words.
import { expandPaths, PathExpansionError } from '../../server/src/files/expandPaths';
import { fileErrorReason as reason } from '../../server/src/files/regularFile';
import { messages, type Locale } from '../../server/src/l10n/index';

export class UsageError extends Error {}

/**
 * Files named by `args` (see expandPaths), as the user wrote them. A path that does not
 * exist, a glob that matches nothing or a directory without such files is a usage error
 * naming it.
 */
export function expandInputs(args: string[], extensions: string[], locale?: Locale): string[] {
  const { t } = messages(locale);
  try {
    return expandPaths(args, extensions).map((file) => file.name);
  } catch (error) {
    if (!(error instanceof PathExpansionError)) throw error;
    if (error.kind === 'no-match') throw new UsageError(t('cli.input.noMatch', { spec: error.spec }));
    if (error.kind === 'empty-dir') throw new UsageError(t('cli.input.emptyDir', { spec: error.spec, extensions: extensions.join(t('cli.input.or')) }));
    throw new UsageError(`${error.spec}: ${reason(error.cause, locale)}`);
  }
}

/** A file-system error as a short human reason (one list, shared with evaluation). */
export { reason };
