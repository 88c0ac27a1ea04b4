// Expands the CLI's FILE|DIR|GLOB arguments into a sorted list of files.
import { statSync } from 'node:fs';
import { isDynamicPattern, globSync } from 'tinyglobby';
import * as path from 'node:path';

export class UsageError extends Error {}

/**
 * Files named by `args`: a file as is, a directory as every file under it whose name ends
 * with one of `extensions`, a glob as its matches. A path that does not exist or a glob that
 * matches nothing is a usage error naming it.
 */
export function expandInputs(args: string[], extensions: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      if (isDynamicPattern(arg)) {
        const matches = globSync(arg, { onlyFiles: true, dot: false }).sort();
        if (matches.length === 0) throw new UsageError(`${arg}: the pattern matches no file`);
        files.push(...matches);
        continue;
      }
      throw new UsageError(`${arg}: ${reason(error)}`);
    }
    if (stat.isDirectory()) {
      const pattern = extensions.length === 1 ? `**/*${extensions[0]}` : `**/*{${extensions.join(',')}}`;
      const matches = globSync(pattern, { cwd: arg, onlyFiles: true })
        .sort()
        .map((f) => path.join(arg, f));
      if (matches.length === 0) throw new UsageError(`${arg}: the directory holds no ${extensions.join(' or ')} file`);
      files.push(...matches);
    } else {
      files.push(arg);
    }
  }
  return [...new Set(files)];
}

/** A file-system error as a short human reason ("no such file or directory"). */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
