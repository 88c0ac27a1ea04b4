// Resolves the `sla.metrics` setting: globs (or plain paths, or folders) relative to the
// workspace folder, into the metric files to read. Pure (no `vscode` import).
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { escapePath, glob } from 'tinyglobby';

/** File types the evaluator reads: CSV and Prometheus API JSON. */
export const METRIC_EXTENSIONS = ['.csv', '.json'] as const;

export interface MetricResolution {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Patterns (as written) that matched no metric file. */
  unmatched: string[];
}

function isMetricFile(file: string): boolean {
  return (METRIC_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** `${workspaceFolder}` is accepted (as in tasks and launch configurations); `\` works on Windows. */
function normalise(pattern: string, baseDir: string): string {
  let p = pattern.trim().replace(/\$\{workspaceFolder\}/g, baseDir);
  if (path.sep === '\\') p = p.replace(/\\/g, '/');
  return p;
}

/**
 * Expands `patterns` against `baseDir`. A pattern naming an existing file is taken as is;
 * a folder or a glob yields the `.csv` and `.json` files it covers (folders recursively).
 * A pattern starting with `!` removes files matched by the others.
 */
export async function resolveMetricGlobs(patterns: readonly string[], baseDir: string): Promise<MetricResolution> {
  const positive = patterns.map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('!'));
  const ignore = patterns
    .map((p) => p.trim())
    .filter((p) => p.startsWith('!') && p.length > 1)
    .map((p) => normalise(p.slice(1), baseDir));

  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of positive) {
    const normalised = normalise(pattern, baseDir);
    const absolute = path.resolve(baseDir, normalised);
    // A path naming an existing file is taken literally (even with glob characters in its
    // name); a folder expands to everything under it, and globs keep only metric files.
    const literalFile = existsSync(absolute) && statSync(absolute).isFile();
    const globPattern = literalFile ? escapePath(normalised) : normalised;
    let matches = await glob([globPattern], { cwd: baseDir, absolute: true, onlyFiles: true, ignore });
    if (!literalFile) matches = matches.filter(isMetricFile);
    matches = matches.map((f) => path.normalize(f));
    if (matches.length === 0) unmatched.push(pattern);
    for (const m of matches) found.add(m);
  }
  return { files: [...found].sort(), unmatched };
}
