// Metric files named on the command line: files, directories (their .csv and .json files,
// recursively) and globs; the format of each file is recognised from its first bytes.
import { expandPaths, PathExpansionError, type NamedFile } from '../../files/expandPaths';
import { fileErrorReason, openRegularFile } from '../../files/regularFile';
import { EvaluationError } from '../errors';
import { CsvSource } from './csv';
import type { SampleSource } from '../ports';
import { PrometheusJsonSource } from './prometheusJson';
import { messages, type Locale } from '../../l10n/index';

export type MetricFormat = 'csv' | 'prometheus-json';

export type MetricFile = NamedFile;

/** Files, directories and globs → the distinct files they name, in a stable order. */
export async function expandMetricPaths(specs: string[], baseDir = process.cwd(), locale?: Locale): Promise<MetricFile[]> {
  const { t } = messages(locale);
  if (specs.length === 0) throw new EvaluationError(t('metrics.noFiles'));
  try {
    return expandPaths(specs, ['.csv', '.json'], baseDir);
  } catch (error) {
    if (!(error instanceof PathExpansionError)) throw error;
    const { spec } = error;
    if (error.kind === 'no-match') throw new EvaluationError(t('metrics.noMatch', { spec: JSON.stringify(spec) }));
    if (error.kind === 'empty-dir') throw new EvaluationError(t('metrics.emptyDir', { spec }));
    const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new EvaluationError(t('metrics.notFound', { spec }));
    throw new EvaluationError(fileErrorReason(error.cause, locale), spec);
  }
}

/**
 * `prometheus-json` when the first non-blank byte (after a BOM) opens a JSON object or array,
 * else `csv`. White space is skipped to the end of the file if need be (a CSV header is never
 * blank), so padded JSON is still read as JSON and a top-level array gets a JSON message.
 */
export async function detectFormat(file: string, name = file, locale?: Locale): Promise<MetricFormat> {
  let handle;
  try {
    handle = await openRegularFile(file);
  } catch (e) {
    throw new EvaluationError(messages(locale).t('metrics.cannotOpen', { reason: fileErrorReason(e, locale) }), name);
  }
  const jsonNamed = /\.json$/i.test(name);
  try {
    const head = Buffer.alloc(64 << 10);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(head, 0, head.length, position);
      // The content decides; a `.json` name only breaks a tie CSV would lose anyway: an empty
      // file, or one opening with `<` (an HTML error page saved as JSON), gets the JSON
      // reader's reason rather than a CSV header error.
      if (bytesRead === 0) return jsonNamed ? 'prometheus-json' : 'csv';
      let p = position === 0 && bytesRead >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
      while (p < bytesRead && (head[p] === 0x20 || head[p] === 0x09 || head[p] === 0x0a || head[p] === 0x0d)) p++;
      if (p < bytesRead) return head[p] === 0x7b || head[p] === 0x5b || (jsonNamed && head[p] === 0x3c) ? 'prometheus-json' : 'csv';
      position += bytesRead;
    }
  } catch (e) {
    throw new EvaluationError(messages(locale).t('metrics.cannotRead', { reason: fileErrorReason(e, locale) }), name);
  } finally {
    await handle.close();
  }
}

/** One source per metric file named by the specs. */
export async function openMetricFiles(specs: string[], baseDir?: string, locale?: Locale): Promise<SampleSource[]> {
  const files = await expandMetricPaths(specs, baseDir, locale);
  const sources: SampleSource[] = [];
  for (const f of files) {
    const format = await detectFormat(f.path, f.name, locale);
    sources.push(format === 'csv' ? new CsvSource(f.path, f.name) : new PrometheusJsonSource(f.path, f.name));
  }
  return sources;
}
