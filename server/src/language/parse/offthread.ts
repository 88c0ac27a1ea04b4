// The chunked parse's recognition (lexing, Chevrotain, the grammar) on a worker thread, the AST
// built on the main thread from its records (issue 15, "offthread"; recordBatches.ts has the
// encoding). For `sla check` of a large contract on two cores or more: the worker recognises
// while the main thread builds, each batch of records moved (not copied) as it fills.
//
// The main thread waits for each message synchronously (so `diagnose` stays synchronous): the
// worker posts on a channel, counts its messages in a shared word and wakes the main thread
// (Atomics.notify), which takes them with receiveMessageOnPort. A worker that ends, fails or
// is not heard from for WAIT_LIMIT_MS is given up: the main thread parses on its own, with the
// same result (parser.ts). The worker is started by dist/cli.js before the bundle loads, reading
// the file itself (scripts/cli-loader.cjs), or here; the main thread takes its answer only when
// the worker read the same text (length and CRC-32 compared).
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { DEFAULT_LOCALE } from '../../l10n/locale';
import { messages } from '../../l10n/messages';
import { readFullWidth } from '../fullWidth';
import { recognizeInChunks } from '../parser';
import { LineIndex } from '../text';
import { BUSY_PRESSURE, cpuPressure } from '../../runtime/cpuPressure';
import { DEFAULT_CHUNKING, type Chunking } from './chunks';
import { encodeTokens, RecordEncoder, type RecordMessage, type RecordSource } from './recordBatches';
import { setParsedText } from './tokenLines';

/**
 * Texts from this many UTF-16 units on are recognised on a worker when it is on
 * (`SLA_OFFTHREAD=1`; off by default: no crossover was measured, docs/performance.md,
 * "offthread"). SLA_OFFTHREAD=force takes the worker for any text, whatever the cores (tests).
 */
export const OFFTHREAD_MIN_LENGTH = 1 << 20;

/**
 * No message from the worker for this long: it is given up (a thread that died without a word:
 * its exit event cannot reach a thread that waits synchronously). SLA_OFFTHREAD_WAIT_MS: tests.
 */
const WAIT_LIMIT_MS = Number(process.env.SLA_OFFTHREAD_WAIT_MS) || 5000;

/** Shared words: [messages posted, the worker's text length, its CRC-32 (0 until it has read the text)]. */
const POSTED = 0;
const TEXT_LENGTH = 1;
const TEXT_CRC = 2;

// Loaded when first used: zlib alone is about 2 ms of every `sla check`'s start-up.
const requireBuiltin = createRequire(import.meta.url);
const threads = () => requireBuiltin('node:worker_threads') as typeof import('node:worker_threads');
const zlib = () => requireBuiltin('node:zlib') as typeof import('node:zlib');

/** What a recognition worker is given (workerData). */
export interface RecognitionJob {
  /** The text, or the path of the file to read it from (UTF-8, byte order mark left out, as `sla check` reads it). */
  text?: string;
  path?: string;
  chunking?: { threshold: number; size: number };
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/** The checksum the worker and the main thread compare (both on the text as parsed). */
function textChecksum(text: string): number {
  return zlib().crc32(text) | 1;
}

/**
 * The chunked parse's recognition of `text`, its messages given to `post` in order: batches of
 * records (each moved: the encoder no longer holds it), then how it ended.
 */
export function recognizeToRecords(text: string, chunking: Chunking, post: (message: RecordMessage) => void): void {
  // Its messages are never read (a text with syntax errors is rejected; SLA002 go as their
  // tokens and are worded on the main thread, in the user's language).
  const t = messages(DEFAULT_LOCALE).t;
  const encoder = new RecordEncoder(t, post);
  setParsedText(text);
  try {
    const recognized = recognizeInChunks(readFullWidth(text).text, new LineIndex(text), t, false, chunking, encoder);
    encoder.flush();
    post(recognized ? { end: 'done', literalTokens: encodeTokens(recognized.literalTokens) } : { end: 'rejected' });
  } catch (error) {
    post({ end: 'failed', reason: error instanceof Error ? error.message : String(error) });
  } finally {
    setParsedText('');
  }
}

/** The records of `text` encoded on this thread, then given out one by one (the differential test's source). */
export function recordsInThread(text: string, chunking: Chunking = DEFAULT_CHUNKING): RecordSource {
  const queue: RecordMessage[] = [];
  recognizeToRecords(text, chunking, (message) => queue.push(message));
  let next = 0;
  return { next: () => queue[next++], close: () => (queue.length = 0) };
}

/** The worker script: dist/check-worker.js next to a bundle, offthreadWorker.ts next to the sources. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here) return undefined;
  return /\.[cm]?ts$/.test(here) ? new URL('./offthreadWorker.ts', here) : new URL('./check-worker.js', here);
}

/**
 * What `SLA_OFFTHREAD` is when not set: off. On this 2-core machine, loaded by other work, the
 * worker path was never clearly faster and took 15–20 % more CPU (docs/performance.md,
 * "offthread"); `1` turns the rule of `offthreadWanted` on (scripts/cli-loader.cjs reads the same).
 */
const OFFTHREAD_DEFAULT = '0';

/**
 * Whether the worker is wanted for a text of `length`: with SLA_OFFTHREAD=1, from
 * OFFTHREAD_MIN_LENGTH on, on two cores or more, not while they are busy with other work (as
 * `sla evaluate`'s parts: a second thread then gets no core of its own; docs/decisions.md);
 * with `force`, always; else never.
 */
export function offthreadWanted(length: number, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = env.SLA_OFFTHREAD ?? OFFTHREAD_DEFAULT;
  if (mode === 'force') return true;
  // The pressure is read only for a large text (not on every small check's start-up).
  return mode === '1' && length >= OFFTHREAD_MIN_LENGTH && availableParallelism() >= 2 && cpuPressure() < BUSY_PRESSURE;
}

/** Where dist/cli.js leaves the worker it started for `sla check` (scripts/cli-loader.cjs). */
const EARLY_WORKER = Symbol.for('sla-language-tools.checkWorker');

interface EarlyRecognition {
  worker: Worker;
  path: string;
  port: MessagePort;
  signal: SharedArrayBuffer;
}

/** The worker dist/cli.js started for the file at `path`, taken once; any other is ended. */
function takeEarlyWorker(file: string): EarlyRecognition | undefined {
  const slot = globalThis as { [EARLY_WORKER]?: EarlyRecognition[] };
  const early = slot[EARLY_WORKER];
  if (early === undefined) return undefined;
  const resolved = path.resolve(file);
  const at = early.findIndex((e) => e.path === resolved);
  if (at < 0) return undefined;
  const [taken] = early.splice(at, 1);
  return taken;
}

/** Ends the workers dist/cli.js started that no file took (`sla check` is done with its files). */
export function endEarlyWorkers(): void {
  const slot = globalThis as { [EARLY_WORKER]?: EarlyRecognition[] };
  for (const early of slot[EARLY_WORKER] ?? []) void early.worker.terminate();
  delete slot[EARLY_WORKER];
}

/**
 * The records of `text` (read from `path`) recognised on a worker thread, or undefined where
 * the worker is not wanted or cannot start (the parse is then done here as usual).
 */
export function recordsOffThread(text: string, file?: string): RecordSource | undefined {
  try {
    const early = file !== undefined ? takeEarlyWorker(file) : undefined;
    if (early) return new WorkerRecords(early.worker, early.port, early.signal, text);
    if (!offthreadWanted(text.length)) return undefined;
    const script = workerScript();
    if (script === undefined) return undefined;
    const { MessageChannel, Worker } = threads();
    const channel = new MessageChannel();
    const signal = new SharedArrayBuffer(4 * 3);
    const size = Number(process.env.SLA_OFFTHREAD_CHUNK);
    const job: RecognitionJob = { text, port: channel.port2, signal, chunking: size > 0 ? { threshold: 0, size } : undefined };
    const worker = new Worker(script, { workerData: job, transferList: [channel.port2] });
    worker.unref();
    return new WorkerRecords(worker, channel.port1, signal, text);
  } catch {
    return undefined;
  }
}

/** A worker's messages, taken synchronously (see the header). */
class WorkerRecords implements RecordSource {
  private readonly words: Int32Array;
  private readonly receive = threads().receiveMessageOnPort;
  private taken = 0;
  private checked = false;

  constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    signal: SharedArrayBuffer,
    private readonly text: string,
  ) {
    this.words = new Int32Array(signal);
    // An error of the worker must not be an uncaught one here: it is given up (`next`).
    worker.on('error', () => {});
  }

  next(): RecordMessage | undefined {
    const deadline = performance.now() + WAIT_LIMIT_MS;
    for (;;) {
      const received = this.receive(this.port);
      if (received !== undefined) {
        this.taken++;
        if (!this.checked && !this.sameText()) return undefined;
        return received.message as RecordMessage;
      }
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      const posted = Atomics.load(this.words, POSTED);
      // Counted but not yet on the port (never seen; never a busy loop either): look again shortly.
      Atomics.wait(this.words, POSTED, posted, posted > this.taken ? Math.min(left, 1) : left);
    }
  }

  /** Whether the worker read the text this thread parses (a file may change between two reads). */
  private sameText(): boolean {
    this.checked = true;
    return Atomics.load(this.words, TEXT_LENGTH) === this.text.length && Atomics.load(this.words, TEXT_CRC) === textChecksum(this.text);
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/** The worker's side (offthreadWorker.ts): reads the text, says which, recognises it. */
export function runRecognitionJob(job: RecognitionJob, readText: (path: string) => string): void {
  const words = new Int32Array(job.signal);
  const post = (message: RecordMessage) => {
    job.port.postMessage(message, message instanceof Int32Array ? [message.buffer as ArrayBuffer] : []);
    Atomics.add(words, POSTED, 1);
    Atomics.notify(words, POSTED);
  };
  let text: string;
  try {
    text = job.text ?? readText(job.path!).replace(/^\uFEFF/, '');
    // (zlib.crc32 is Node 20.15's and 22.2's: without it, the main thread parses on its own at once.)
    Atomics.store(words, TEXT_CRC, textChecksum(text));
    Atomics.store(words, TEXT_LENGTH, text.length);
  } catch (error) {
    post({ end: 'failed', reason: error instanceof Error ? error.message : String(error) });
    return;
  }
  const chunking = job.chunking ? { threshold: job.chunking.threshold, size: () => job.chunking!.size } : DEFAULT_CHUNKING;
  recognizeToRecords(text, chunking, post);
}
