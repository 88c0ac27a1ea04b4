// Reading one large CSV file on several cores (CsvSource.readInParts): the file is cut into
// parts at line breaks, the first part is evaluated in this thread and each other part by a
// worker thread (worker.ts), each with an Evaluator of its own, and the gathered
// accumulators are merged in file order into the main Evaluator. The result is
// the sequential one (counts, minima, maxima and percentiles exactly; sums up to the order
// of additions, far inside the 1e-9 tolerance).
//
// A cut may fall inside a quoted field that holds a line break. The part before the cut
// then ends inside a record, which its worker reports; the parts are then discarded and the
// file is read sequentially. Errors are trusted only from a part whose start is known to be
// a record start, and are reported with the file's line numbers.
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EvaluationAborted, EvaluationError } from './errors';
import type { Locale } from '../l10n/index';
import type { EvaluatorState, PartSetup, PartedReading, SampleSink } from './ports';

/** A part of a file: bytes [start, end) holding whole rows. */
export interface FileRange<Columns> {
  start: number;
  end: number;
  /** Whether `end` is the end of the file. */
  final: boolean;
  /** The header's columns; undefined for the first part, which holds the header. */
  columns: Columns | undefined;
}

export interface FileRangeResult {
  /** Line breaks read (the range's rows span that many lines). */
  lines: number;
  /** False when the range ended inside a record: the split point was inside a quoted field. */
  complete: boolean;
}

/** A file of rows with a header that can be read from any line start on (a CSV file). */
export interface RangeReadable<Columns> {
  readonly name: string;
  readonly path: string;
  /** Errors in `locale`. */
  header(locale?: Locale): Promise<{ columns: Columns; rowsStart: number }>;
  readRange(sink: SampleSink, range: FileRange<Columns>, signal?: AbortSignal): Promise<FileRangeResult>;
}

/** What a worker thread is given: a CSV file's part and how to build its evaluator. */
export interface PartJob<Columns> {
  setup: PartSetup;
  path: string;
  name: string;
  range: FileRange<Columns>;
}

export type PartMessage =
  | { type: 'progress'; rows: number }
  | { type: 'done'; state: EvaluatorState; lines: number; complete: boolean }
  | { type: 'error'; reason: string; line: number | undefined }
  | { type: 'failed'; reason: string };

const DEFAULT_MIN_BYTES = 32 << 20;

/**
 * Parts per file when not told: one per core, at most 4, but none on 2 cores or fewer. There
 * this thread and one worker share the cores with the reads, the collectors and everything
 * else on the machine; measured (bench:evaluate), two parts took as long as one or longer and
 * a worker's isolate added ~20 MiB to the peak (docs/decisions.md, "Large CSV files").
 */
export function defaultParts(cores: number): number {
  return cores > 2 ? Math.min(cores, 4) : 1;
}

/** The worker script: dist/evaluation-worker.js next to a bundle, worker.ts next to the sources. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here) return undefined;
  const url = /\.[cm]?ts$/.test(here) ? new URL('./worker.ts', here) : new URL('./evaluation-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Reads a file in parallel parts into the evaluator behind `reading`. Returns false, having
 * changed nothing, when the file is not worth it, no worker script is available, or a cut
 * fell inside a record: the caller then reads the file itself.
 */
export async function readFileInParts<Columns>(source: RangeReadable<Columns>, reading: PartedReading, signal?: AbortSignal): Promise<boolean> {
  const outcome = await readInParts(source, reading, signal);
  if (typeof outcome === 'number') reading.options.onRead?.(source.name, outcome);
  else reading.options.onRead?.(source.name, 1, outcome);
  return typeof outcome === 'number';
}

/** The number of parts the file was read in, or why it was not read in parts. */
async function readInParts<Columns>(source: RangeReadable<Columns>, reading: PartedReading, signal?: AbortSignal): Promise<number | string> {
  const { options, progress } = reading;
  const parts = Math.floor(options.workers ?? defaultParts(availableParallelism()));
  if (parts < 2) return options.workers === undefined ? 'two cores or fewer' : 'one worker';
  const script = workerScript();
  if (!script) return 'no worker script';
  let size: number;
  try {
    size = (await stat(source.path)).size;
  } catch {
    return 'no size';
  }
  if (size < (options.minBytes ?? DEFAULT_MIN_BYTES)) return 'small file';

  const { columns, rowsStart } = await source.header(reading.setup.locale);
  const cuts = await cutPoints(source.path, rowsStart, size, parts);
  if (!cuts) return 'no cut points';
  const ranges: FileRange<Columns>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    ranges.push({ start: i === 0 ? 0 : cuts[i], end: cuts[i + 1], final: i + 2 === cuts.length, columns: i === 0 ? undefined : columns });
  }

  const rows = new Array<number>(ranges.length).fill(0);
  const workers: Worker[] = [];
  const outcomes: Promise<PartMessage>[] = [];
  try {
    // The first part is read here, the others by worker threads.
    for (let i = 1; i < ranges.length; i++) {
      const job: PartJob<Columns> = { setup: reading.setup, path: source.path, name: source.name, range: ranges[i] };
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: job });
      } catch (e) {
        return `no worker: ${(e as Error).message}`; // the AST could not be cloned, or threads are unavailable
      }
      workers.push(worker);
      outcomes.push(
        new Promise<PartMessage>((resolve) => {
          worker.on('message', (m: PartMessage) => {
            if (m.type === 'progress') {
              rows[i] = m.rows;
              progress(rows.reduce((a, b) => a + b, 0));
            } else {
              resolve(m);
            }
          });
          worker.on('error', (e) => resolve({ type: 'failed', reason: e.message }));
          worker.on('exit', () => resolve({ type: 'failed', reason: 'the worker stopped' }));
        }),
      );
    }
    outcomes.unshift(
      readPartHere(source, ranges[0], reading, signal, (r) => {
        rows[0] = r;
        progress(rows.reduce((a, b) => a + b, 0));
      }),
    );
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal?.aborted) resolve('aborted');
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const results = await Promise.race([Promise.all(outcomes), aborted]);
    if (results === 'aborted') throw new EvaluationAborted(reading.setup.locale);

    // In file order: a part's start is a record start when every earlier part ended whole.
    let linesBefore = 0;
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r.type === 'failed' || r.type === 'progress') return `a worker failed: ${r.type === 'failed' ? r.reason : ''}`;
      if (r.type === 'error') {
        throw new EvaluationError(r.reason, source.name, r.line === undefined ? undefined : linesBefore + r.line);
      }
      if (!r.complete && !ranges[i].final) return 'a cut fell inside a record';
      linesBefore += r.lines;
    }
    for (const r of results) if (r.type === 'done') reading.merge(r.state);
    return ranges.length;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Reads a part in this thread, into an Evaluator of its own (merged with the others later). */
async function readPartHere<Columns>(
  source: RangeReadable<Columns>,
  range: FileRange<Columns>,
  reading: PartedReading,
  signal: AbortSignal | undefined,
  progress: (rows: number) => void,
): Promise<PartMessage> {
  const sink = reading.newSink(progress);
  try {
    const { lines, complete } = await source.readRange(sink, range, signal);
    return { type: 'done', state: sink.exportState(), lines, complete };
  } catch (e) {
    if (e instanceof EvaluationError) return { type: 'error', reason: e.reason, line: e.line };
    throw e;
  }
}

/** Offsets cutting [rowsStart, size) into about equal parts, each just after a line break; undefined when a part would be empty. */
async function cutPoints(path: string, rowsStart: number, size: number, parts: number): Promise<number[] | undefined> {
  const handle = await open(path, 'r');
  try {
    const cuts = [rowsStart];
    const window = Buffer.allocUnsafe(1 << 20);
    for (let k = 1; k < parts; k++) {
      const at = Math.max(cuts[cuts.length - 1], rowsStart + Math.floor(((size - rowsStart) * k) / parts));
      const { bytesRead } = await handle.read(window, 0, window.length, at);
      const newline = window.subarray(0, bytesRead).indexOf(0x0a);
      if (newline < 0) return undefined;
      const cut = at + newline + 1;
      if (cut <= cuts[cuts.length - 1] || cut >= size) return undefined;
      cuts.push(cut);
    }
    cuts.push(size);
    return cuts;
  } finally {
    await handle.close();
  }
}
