// Files named by command-line style arguments: a file as is, a directory as the files under
// it with the wanted extensions (recursively, hidden entries skipped), a glob as its matches.
// Shared by `sla check` (contracts) and evaluation (metric files); each words its own errors.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

export interface NamedFile {
  /** Absolute path. */
  path: string;
  /** The path as the user would recognise it (relative when given relative). */
  name: string;
}

/** Why an argument named no file: `missing` (with the file-system error), `no-match` (a glob), `empty-dir`. */
export class PathExpansionError extends Error {
  constructor(
    readonly spec: string,
    readonly kind: 'missing' | 'no-match' | 'empty-dir',
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
      for (const m of matches) add(m, shown(spec, m));
      continue;
    }
    if (info.isDirectory()) {
      const inside = listFiles(absolute, extensions).sort();
      if (inside.length === 0) throw new PathExpansionError(spec, 'empty-dir');
      for (const m of inside) add(m, shown(spec, m));
    } else {
      add(absolute, spec);
    }
  }
  return files;
}

function listFiles(dir: string, extensions: string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, extensions));
    else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(full);
  }
  return out;
}
