// Files named by command-line style arguments: a file as is, a directory as the files under
// it with the wanted extensions (recursively, hidden entries skipped), a glob as its matches.
// Shared by `sla check` (contracts) and evaluation (metric files); each words its own errors.
// Only regular files are named: a FIFO, socket or device (named, matched, or in a directory
// with a wanted extension) is an error, since reading it could block forever.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { NotRegularFileError } from './regularFile';

export interface NamedFile {
  /** Absolute path. */
  path: string;
  /** The path as the user would recognise it (relative when given relative). */
  name: string;
}

/**
 * Why an argument named no file: `missing` (with the file-system error: not found, a symbolic
 * link loop, no permission), `no-match` (a glob), `empty-dir`, `not-regular` (a FIFO, socket
 * or device; `spec` is then the offending path, the cause a NotRegularFileError).
 */
export class PathExpansionError extends Error {
  constructor(
    readonly spec: string,
    readonly kind: 'missing' | 'no-match' | 'empty-dir' | 'not-regular',
    override readonly cause?: unknown,
  ) {
    super(`${spec}: ${kind}`);
    this.name = 'PathExpansionError';
  }
}

/** The distinct files `specs` name, in a stable order; throws PathExpansionError on the first that names none. */
export function expandPaths(specs: string[], extensions: string[], baseDir = process.cwd()): NamedFile[] {
  const files: NamedFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, name: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ path: absolute, name });
  };
  const shown = (spec: string, absolute: string) => (path.isAbsolute(spec) ? absolute : path.relative(baseDir, absolute) || absolute);
  for (const spec of specs) {
    const absolute = path.resolve(baseDir, spec);
    let info;
    try {
      info = statSync(absolute);
    } catch (error) {
      if (!isDynamicPattern(spec)) throw new PathExpansionError(spec, 'missing', error);
      const matches = globSync(spec, { cwd: baseDir, absolute: true, onlyFiles: true, dot: false }).sort();
      if (matches.length === 0) throw new PathExpansionError(spec, 'no-match');
      for (const m of matches) {
        requireRegular(m, shown(spec, m));
        add(m, shown(spec, m));
      }
      continue;
    }
    if (info.isDirectory()) {
      const inside = listFiles(absolute, extensions, (file) => shown(spec, file)).sort();
      if (inside.length === 0) throw new PathExpansionError(spec, 'empty-dir');
      for (const m of inside) add(m, shown(spec, m));
    } else if (info.isFile()) {
      add(absolute, spec);
    } else {
      throw new PathExpansionError(spec, 'not-regular', new NotRegularFileError(absolute));
    }
  }
  return files;
}

/** Throws `missing` or `not-regular` unless `file` (a glob's match, a directory's entry) is a regular file. */
function requireRegular(file: string, name: string): void {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    throw new PathExpansionError(name, 'missing', error);
  }
  if (!info.isFile()) throw new PathExpansionError(name, 'not-regular', new NotRegularFileError(file));
}

function listFiles(dir: string, extensions: string[], shown: (file: string) => string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, extensions, shown));
    else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      if (!entry.isFile()) requireRegular(full, shown(full)); // a symbolic link, a FIFO, a socket, a device
      out.push(full);
    }
  }
  return out;
}
