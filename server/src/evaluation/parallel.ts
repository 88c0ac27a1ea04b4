// Reading one large CSV file on several cores (CsvSource.readInParts): the file is cut at
// line breaks into chunks (about 8 MiB each), and this thread and the worker threads
// (worker.ts) each claim the next chunk nobody has claimed until none is left, each into an
// Evaluator of its own; the gathered accumulators are then merged into the main Evaluator.
// A thread that starts late or runs slowly (a loaded machine) simply reads fewer chunks. The
// result is the sequential one (counts, minima, maxima and percentiles exactly; sums up to
// the order of additions, far inside the 1e-9 tolerance).
//
// A cut may fall inside a quoted field that holds a line break. The chunk before the cut
// then ends inside a record, which its reader reports; the chunks are then discarded and the
// file is read sequentially. Errors are trusted only from a chunk whose start is known to be
// a record start (every earlier chunk ended whole), and are reported with the file's line
// numbers.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EvaluationAborted, EvaluationError } from './errors';
import type { Locale } from '../l10n/index';
import type { EvaluatorState, ParallelOptions, PartSetup, PartedReading, SampleSink, WorkerPool } from './ports';

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
  header(locale?: Locale): { columns: Columns; rowsStart: number };
  readRange(sink: SampleSink, range: FileRange<Columns>, signal?: AbortSignal): Promise<FileRangeResult>;
}

/** The chunks of one file and who read which, shared by every thread reading it. */
export interface ChunkClaims<Columns> {
  ranges: FileRange<Columns>[];
  /**
   * Int32 slots on shared memory: [0] the first chunk no one may start (an error or a cut
   * inside a record before it), then per chunk the id of the thread that claimed it (0: no one).
   */
  shared: SharedArrayBuffer;
}

/** What a worker thread is given: a CSV file's chunks and how to build its evaluator. */
export interface PartJob<Columns> {
  setup: PartSetup;
  path: string;
  name: string;
  claims: ChunkClaims<Columns>;
  /** This worker's id in the claims (this thread is 1). */
  id: number;
}

/** How one chunk went: the lines it spans and whether it ended whole, or its first error. */
export type ChunkOutcome =
  | { chunk: number; lines: number; complete: boolean }
  | { chunk: number; error: { reason: string; line: number | undefined } };

export type PartMessage =
  | { type: 'progress'; rows: number }
  | { type: 'done'; state: EvaluatorState; chunks: ChunkOutcome[] }
  | { type: 'failed'; reason: string };

/** Files from this size on are read in parts (scripts/cli-loader.cjs starts a worker early for them: `EARLY_MIN_BYTES`). */
export const DEFAULT_MIN_BYTES = 32 << 20;
/** About this many bytes per chunk: few enough chunks to cost nothing, small enough that the threads end together. */
const CHUNK_BYTES = 8 << 20;
/** The last chunks are smaller (halving down to this), so that the threads end closer together. */
const LAST_CHUNK_BYTES = 1 << 20;
const MAX_CHUNKS = 1024;
const STOP = 0;
const OWNERS = 1;
const HERE = 1;

/** CPU pressure (the share of time some task waited for a core, last 10 s) from which a second thread does not pay (scripts/cli-loader.cjs: `EARLY_BUSY_PRESSURE`). */
export const BUSY_PRESSURE = 50;

/**
 * Parts (threads) per file when not told: one per core, at most 4, two cores included: the
 * chunks are shared out as the threads go. One while the cores are busy with other work
 * (`cpuPressure` ≥ 50 %): Linux shares the CPU between sessions, not threads, so a second
 * thread then gets no core of its own and only adds its start-up (measured at load 7 on 2
 * cores: 2.25 s with two parts, 1.28 s with one; on a quiet machine 0.78 s against 1.02 s;
 * docs/decisions.md, "Large CSV files on several cores").
 */
export function defaultParts(cores: number, pressure = 0): number {
  return pressure >= BUSY_PRESSURE ? 1 : Math.max(1, Math.min(cores, 4));
}

/** Linux's CPU pressure, `some avg10` of /proc/pressure/cpu (0–100); 0 where there is none. */
export function cpuPressure(): number {
  try {
    const some = /^some avg10=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'latin1'));
    return some ? Number(some[1]) : 0;
  } catch {
    return 0;
  }
}

/** The worker script: dist/evaluation-worker.js next to a bundle, worker.ts next to the sources. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here) return undefined;
  const url = /\.[cm]?ts$/.test(here) ? new URL('./worker.ts', here) : new URL('./evaluation-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Worker threads for reading parts, kept between files of one evaluation. Idle workers do
 * not keep the process alive; `close` ends them all.
 */
export class PartWorkers implements WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();

  private constructor(readonly script: URL) {}

  /** A pool, or undefined without a worker script. */
  static create(): PartWorkers | undefined {
    const script = workerScript();
    return script && new PartWorkers(script);
  }

  /**
   * Starts the workers that reading `metricPaths` in parts will want, before the caller
   * does anything else (checking the contract): their start-up then overlaps it. The first
   * is the one `dist/cli.js` started before the bundle loaded, if there is one (ended when
   * no parts are wanted). Only files named as such count (not directories or globs);
   * undefined when none is large enough or parts are off.
   */
  static startFor(metricPaths: readonly string[], options: ParallelOptions = {}, baseDir = process.cwd()): PartWorkers | undefined {
    const large = metricPaths.some((p) => {
      try {
        const s = statSync(path.resolve(baseDir, p));
        return s.isFile() && s.size >= (options.minBytes ?? DEFAULT_MIN_BYTES);
      } catch {
        return false;
      }
    });
    // The CPU pressure is read only for a large file: not on every small evaluation's start-up.
    const parts = large ? partsWanted(options) : 1;
    const pool = parts >= 2 ? PartWorkers.create() : undefined;
    const early = takeEarlyWorker(pool?.script);
    try {
      // An early worker is only handed over for a pool's script (else takeEarlyWorker ended it).
      if (early) pool?.adopt(early);
      while (pool && pool.idle.length < parts - 1) pool.release(pool.spawn(), true);
    } catch {
      // No threads here: the file is then read in parts with workers started then, or sequentially.
      void pool?.close();
      return undefined;
    }
    return pool;
  }

  /** A worker started elsewhere with this pool's script (`takeEarlyWorker`), kept idle for the next job. */
  private adopt(worker: Worker): void {
    this.watch(worker);
    this.release(worker, true);
  }

  take(): Worker {
    const worker = this.idle.pop() ?? this.spawn();
    worker.ref();
    return worker;
  }

  release(worker: Worker, reusable: boolean): void {
    if (!reusable || !this.all.has(worker)) {
      void this.end(worker);
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => this.end(w)));
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    this.watch(worker);
    return worker;
  }

  private watch(worker: Worker): void {
    this.all.add(worker);
    // A worker that fails while idle is simply not used again.
    worker.on('error', () => void this.end(worker));
    worker.on('exit', () => this.forget(worker));
  }

  private async end(worker: Worker): Promise<void> {
    this.forget(worker);
    await worker.terminate();
  }

  private forget(worker: Worker): void {
    this.all.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

/** Where scripts/cli-loader.cjs leaves the worker it started before the bundle loaded. */
const EARLY_WORKER = Symbol.for('sla-language-tools.evaluationWorker');

/**
 * The worker scripts/cli-loader.cjs started for `sla evaluate` before the bundle loaded, if it
 * is still running; taken once (a later evaluation of the process finds none). It runs this
 * pool's script, or else (another build's) is ended and none is returned.
 */
function takeEarlyWorker(script: URL | undefined): Worker | undefined {
  const slot = globalThis as { [EARLY_WORKER]?: { worker: Worker; script: string } };
  const early = slot[EARLY_WORKER];
  if (early === undefined) return undefined;
  delete slot[EARLY_WORKER];
  if (script !== undefined && early.script === fileURLToPath(script)) return early.worker;
  void early.worker.terminate();
  return undefined;
}

function partsWanted(options: ParallelOptions): number {
  return Math.floor(options.workers ?? defaultParts(availableParallelism(), cpuPressure()));
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

/** The number of parts (threads) the file was read in, or why it was not read in parts. */
async function readInParts<Columns>(source: RangeReadable<Columns>, reading: PartedReading, signal?: AbortSignal): Promise<number | string> {
  const { options, progress } = reading;
  const parts = partsWanted(options);
  if (parts < 2) return options.workers === undefined ? 'one core, or the cores are busy' : 'one worker';
  const pool = options.pool ?? PartWorkers.create();
  if (!pool) return 'no worker script';
  try {
    // The size and the header synchronously, like the cut points: while every thread waits.
    let size: number;
    try {
      size = statSync(source.path).size;
    } catch {
      return 'no size';
    }
    if (size < (options.minBytes ?? DEFAULT_MIN_BYTES)) return 'small file';

    const { columns, rowsStart } = source.header(reading.setup.locale);
    const cuts = cutPoints(source.path, chunkStarts(rowsStart, size, parts), size);
    if (!cuts) return 'no cut points';
    const ranges: FileRange<Columns>[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      ranges.push({ start: i === 0 ? 0 : cuts[i], end: cuts[i + 1], final: i + 2 === cuts.length, columns: i === 0 ? undefined : columns });
    }
    const claims: ChunkClaims<Columns> = { ranges, shared: new SharedArrayBuffer(4 * (OWNERS + ranges.length)) };
    const owners = new Int32Array(claims.shared);
    owners[STOP] = ranges.length;
    // Tests: every worker owns a chunk from the start, so its path is taken whatever the timing.
    if (options.everyThread) for (let id = 2; id <= parts; id++) owners[OWNERS + Math.floor(((id - 1) * ranges.length) / parts)] = id;
    return await readChunksOnThreads(source, reading, claims, parts, pool, signal, progress);
  } finally {
    if (pool !== options.pool) await (pool as PartWorkers).close();
  }
}

async function readChunksOnThreads<Columns>(
  source: RangeReadable<Columns>,
  reading: PartedReading,
  claims: ChunkClaims<Columns>,
  parts: number,
  pool: WorkerPool,
  signal: AbortSignal | undefined,
  progress: (rows: number) => void,
): Promise<number | string> {
  const rows = new Array<number>(parts).fill(0);
  const report = () => progress(rows.reduce((a, b) => a + b, 0));
  const workers: Worker[] = [];
  const answers: Promise<PartMessage>[] = [];
  /** Workers that answered their job (they can take another). */
  const answered = new Set<Worker>();
  try {
    for (let id = 2; id <= parts; id++) {
      let worker: Worker;
      try {
        worker = pool.take();
      } catch (e) {
        return `no worker: ${(e as Error).message}`; // threads are unavailable
      }
      workers.push(worker);
      answers.push(
        answerOf(worker, (r) => ((rows[id - 1] = r), report())).then((m) => {
          if (m.type === 'done') answered.add(worker);
          return m;
        }),
      );
      try {
        worker.postMessage({ setup: reading.setup, path: source.path, name: source.name, claims, id } satisfies PartJob<Columns>);
      } catch (e) {
        return `no worker: ${(e as Error).message}`; // the AST could not be cloned
      }
    }
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal?.aborted) resolve('aborted');
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const sink = reading.newSink((r) => ((rows[0] = r), report()));
    const here = await Promise.race([readChunks(source, sink, claims, HERE, signal), aborted]);
    if (here === 'aborted') throw new EvaluationAborted(reading.setup.locale);
    const mine: PartMessage = { type: 'done', state: sink.exportState(), chunks: here };

    // Every chunk before the stop has its reader now: wait for the workers that claimed one.
    const owners = new Int32Array(claims.shared);
    const stop = Atomics.load(owners, STOP);
    const needed = new Set<number>();
    for (let i = 0; i < stop; i++) needed.add(Atomics.load(owners, OWNERS + i));
    const waited = await Promise.race([Promise.all(answers.map((a, k) => (needed.has(k + 2) ? a : undefined))), aborted]);
    if (waited === 'aborted') throw new EvaluationAborted(reading.setup.locale);

    const byChunk: ChunkOutcome[] = [];
    const states: EvaluatorState[] = [];
    for (const answer of [mine, ...waited]) {
      if (answer === undefined) continue;
      if (answer.type !== 'done') return `a worker failed: ${answer.type === 'failed' ? answer.reason : ''}`;
      for (const c of answer.chunks) byChunk[c.chunk] = c;
      states.push(answer.state);
    }
    // A cut inside a record anywhere: the chunks' starts cannot be trusted (and later chunks were not all read).
    if (byChunk.some((c) => c !== undefined && 'complete' in c && !c.complete && !claims.ranges[c.chunk].final)) return 'a cut fell inside a record';
    // In file order: a chunk's start is a record start when every earlier chunk ended whole.
    let linesBefore = 0;
    for (let i = 0; i < claims.ranges.length; i++) {
      const c = byChunk[i];
      if (c === undefined) return 'a chunk was not read';
      if ('error' in c) throw new EvaluationError(c.error.reason, source.name, c.error.line === undefined ? undefined : linesBefore + c.error.line);
      if (!c.complete && !claims.ranges[i].final) return 'a cut fell inside a record';
      linesBefore += c.lines;
    }
    for (const state of states) reading.merge(state);
    return parts;
  } finally {
    // Workers that answered can read the next file; any other (still starting, failed, cancelled) is ended.
    for (const worker of workers) pool.release(worker, answered.has(worker));
  }
}

/** The worker's answer to its job (its progress goes to `onRows`). */
function answerOf(worker: Worker, onRows: (rows: number) => void): Promise<PartMessage> {
  return new Promise<PartMessage>((resolve) => {
    const onMessage = (m: PartMessage) => {
      if (m.type === 'progress') return onRows(m.rows);
      done(m);
    };
    const onError = (e: Error) => done({ type: 'failed', reason: e.message });
    const onExit = () => done({ type: 'failed', reason: 'the worker stopped' });
    const done = (m: PartMessage) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(m);
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * Reads chunks into `sink` as long as one is left to claim (in any thread), and says how
 * each went. Stops at a chunk's error or at a chunk that ends inside a record, and tells
 * the other threads not to start later chunks.
 */
export async function readChunks<Columns>(
  source: RangeReadable<Columns>,
  sink: SampleSink,
  claims: ChunkClaims<Columns>,
  id: number,
  signal?: AbortSignal,
): Promise<ChunkOutcome[]> {
  const owners = new Int32Array(claims.shared);
  const outcomes: ChunkOutcome[] = [];
  // Chunks given to this thread beforehand first, then each one nobody has claimed yet.
  const given: number[] = [];
  for (let i = 0; i < claims.ranges.length; i++) if (Atomics.load(owners, OWNERS + i) === id) given.push(i);
  let next = 0;
  for (;;) {
    let chunk = given.shift() ?? -1;
    while (chunk < 0 && next < Atomics.load(owners, STOP)) {
      if (Atomics.compareExchange(owners, OWNERS + next, 0, id) === 0) chunk = next;
      next++;
    }
    if (chunk < 0) return outcomes;
    const range = claims.ranges[chunk];
    try {
      const { lines, complete } = await source.readRange(sink, range, signal);
      outcomes.push({ chunk, lines, complete });
      if (!complete && !range.final) {
        stopBefore(owners, 0);
        return outcomes;
      }
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      outcomes.push({ chunk, error: { reason: e.reason, line: e.line } });
      stopBefore(owners, chunk + 1);
      return outcomes;
    }
  }
}

/** No thread starts a chunk from `stop` on (they finish the ones they hold). */
function stopBefore(owners: Int32Array, stop: number): void {
  for (let now = Atomics.load(owners, STOP); stop < now; now = Atomics.load(owners, STOP)) {
    if (Atomics.compareExchange(owners, STOP, now, stop) === now) return;
  }
}

/**
 * Where chunks should start: [rowsStart, size) in chunks of CHUNK_BYTES, the last ones
 * smaller (each size twice per thread, halving down to LAST_CHUNK_BYTES), at least four per
 * thread, at most MAX_CHUNKS.
 */
export function chunkStarts(rowsStart: number, size: number, parts: number): number[] {
  const bytes = size - rowsStart;
  if (bytes < parts * 4 * CHUNK_BYTES) {
    const chunks = Math.min(MAX_CHUNKS, parts * 4);
    return Array.from({ length: chunks }, (_, k) => rowsStart + Math.floor((bytes * k) / chunks));
  }
  // From the end: parts × 2 chunks of each size from LAST_CHUNK_BYTES up, then CHUNK_BYTES.
  const starts: number[] = [];
  let start = size;
  for (let k = 0; start - rowsStart > CHUNK_BYTES && starts.length < MAX_CHUNKS - 1; k++) {
    start -= Math.min(CHUNK_BYTES, LAST_CHUNK_BYTES * 2 ** Math.floor(k / (2 * parts)));
    starts.push(start);
  }
  return [rowsStart, ...starts.reverse()];
}

/**
 * The first line break at or after each start (the first start is kept): chunk bounds up to
 * `size`; undefined for fewer than two chunks. Read synchronously: a few small reads (one per
 * chunk, from the page cache as a rule) that would otherwise be as many round trips through
 * the thread pool, while both threads wait for their first chunk (docs/performance.md, ninth round).
 */
function cutPoints(path: string, starts: number[], size: number): number[] | undefined {
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.allocUnsafe(4 << 10);
    const cuts = [starts[0]];
    for (const start of starts.slice(1)) {
      const cut = lineStartFrom(fd, window, start, size);
      // Lines longer than a chunk: fewer chunks.
      if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
    }
    cuts.push(size);
    return cuts.length > 2 ? cuts : undefined;
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the first line break at or after `at`; -1 when there is none (a line longer than the window reads on). */
function lineStartFrom(fd: number, window: Buffer, at: number, size: number): number {
  while (at < size) {
    const bytesRead = readSync(fd, window, 0, window.length, at);
    if (bytesRead === 0) break;
    const newline = window.subarray(0, bytesRead).indexOf(0x0a);
    if (newline >= 0) return at + newline + 1;
    at += bytesRead;
  }
  return -1;
}
