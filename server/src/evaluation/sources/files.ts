// Metric files named on the command line: files, directories (their .csv and .json files,
// recursively) and globs; the format of each file is recognised from its first bytes.
import { open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { EvaluationError } from '../errors';
import { CsvSource } from './csv';
import type { SampleSource } from './index';
import { PrometheusJsonSource } from './prometheusJson';

export type MetricFormat = 'csv' | 'prometheus-json';

export interface MetricFile {
  /** Absolute path. */
  path: string;
  /** The path as the user would recognise it (relative when given relative). */
  name: string;
}

/** Files, directories and globs → the distinct files they name, in a stable order. */
export async function expandMetricPaths(specs: string[], baseDir = process.cwd()): Promise<MetricFile[]> {
  if (specs.length === 0) throw new EvaluationError('no metric files given (use --metrics FILE, a directory or a glob)');
  const files: MetricFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, name: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ path: absolute, name });
  };
  for (const spec of specs) {
    const absolute = path.resolve(baseDir, spec);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      info = undefined;
    }
    if (info === undefined && isDynamicPattern(spec)) {
      const matches = (await glob(spec, { cwd: baseDir, absolute: true, onlyFiles: true, dot: false })).sort();
      if (matches.length === 0) throw new EvaluationError(`no metric files match ${JSON.stringify(spec)}`);
      for (const m of matches) add(m, displayName(m, spec, baseDir));
    } else if (info === undefined) {
      throw new EvaluationError(`metric file not found: ${spec}`);
    } else if (info.isDirectory()) {
      const inside = (await listData(absolute)).sort();
      if (inside.length === 0) throw new EvaluationError(`directory ${spec} holds no .csv or .json files`);
      for (const m of inside) add(m, path.isAbsolute(spec) ? m : path.relative(baseDir, m) || m);
    } else {
      add(absolute, spec);
    }
  }
  return files;
}

function displayName(absolute: string, spec: string, baseDir: string): string {
  return path.isAbsolute(spec) ? absolute : path.relative(baseDir, absolute);
}

async function listData(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listData(full)));
    else if (/\.(csv|json)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** `prometheus-json` when the first non-blank byte (after a BOM) is `{`, else `csv`. */
export async function detectFormat(file: string, name = file): Promise<MetricFormat> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw new EvaluationError(`cannot open: ${(e as NodeJS.ErrnoException).message}`, name);
  }
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    let p = bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (p < bytesRead && (head[p] === 0x20 || head[p] === 0x09 || head[p] === 0x0a || head[p] === 0x0d)) p++;
    return p < bytesRead && head[p] === 0x7b ? 'prometheus-json' : 'csv';
  } catch (e) {
    throw new EvaluationError(`cannot read: ${(e as NodeJS.ErrnoException).message}`, name);
  } finally {
    await handle.close();
  }
}

/** One source per metric file named by the specs. */
export async function openMetricFiles(specs: string[], baseDir?: string): Promise<SampleSource[]> {
  const files = await expandMetricPaths(specs, baseDir);
  const sources: SampleSource[] = [];
  for (const f of files) {
    const format = await detectFormat(f.path, f.name);
    sources.push(format === 'csv' ? new CsvSource(f.path, f.name) : new PrometheusJsonSource(f.path, f.name));
  }
  return sources;
}
