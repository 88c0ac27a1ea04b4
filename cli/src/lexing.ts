// `sla check` of a large file: its chunks lexed in a worker thread (lexWorker.ts) while this
// thread parses (issue 15, streamparse). Both threads read the file's bytes from one
// SharedArrayBuffer (read once, decoded by each) and cut the text at the same places
// (parse/chunks.ts `chunkEnd`). Each chunk is claimed on shared memory by this thread when it
// needs the chunk and the worker has not sent it, or by the worker once it has lexed it (and
// then sent at once): this thread never waits for a chunk being lexed. While the worker
// starts, this thread lexes the chunks itself; after that the worker runs ahead and this
// thread takes its parts (numbers, moved without a copy: parse/lexedParts.ts). A worker that
// fails, sends a part this thread did not expect, or keeps it waiting for WAIT_MS, is
// dropped and this thread lexes the rest: the tokens are the same either way.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { DEFAULT_CHUNKING, type Chunking } from '../../server/src/language/parse/chunks';
import { decodePart } from '../../server/src/language/parse/lexedParts';

/** Slots of the shared state: parts posted (waited on), the stop flag, then each chunk's claim. */
export const POSTED = 0;
export const STOP = 1;
export const CLAIMS = 2;
export const FREE = 0;
export const BY_MAIN = 1;
export const BY_WORKER = 2;

/** What the worker is started with. */
export interface LexJob {
  bytes: SharedArrayBuffer;
  state: SharedArrayBuffer;
  port: MessagePort;
  chunkSize: number;
}

/** A part the worker sends: chunk `index`, `[start, end)` of the text, encoded; or that it failed. */
export interface LexedMessage {
  index: number;
  start: number;
  end: number;
  data?: Int32Array;
}

/** How long this thread waits for a part the worker claimed before lexing it itself. */
const WAIT_MS = 5000;

export class LexingWorker {
  private readonly state: Int32Array;
  private dropped = false;
  /** How many chunks came from the worker (tests). */
  partsTaken = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    state: SharedArrayBuffer,
  ) {
    this.state = new Int32Array(state);
  }

  /**
   * Memory for the bytes of a file of `size` bytes that a worker will lex: shared memory when
   * the file may be large enough to be parsed in chunks (a UTF-8 byte per UTF-16 unit at
   * least) and a second thread is wanted, else undefined.
   */
  static memoryFor(size: number, chunking: Chunking = DEFAULT_CHUNKING, threads = threadsWanted()): Uint8Array | undefined {
    return size >= chunking.threshold && threads >= 2 ? new Uint8Array(new SharedArrayBuffer(size)) : undefined;
  }

  /** A worker lexing the text in `bytes` (from `memoryFor`), or undefined without a worker script. */
  static start(bytes: Uint8Array, chunking: Chunking = DEFAULT_CHUNKING): LexingWorker | undefined {
    const script = workerScript();
    if (!script || !(bytes.buffer instanceof SharedArrayBuffer)) return undefined;
    const chunks = Math.ceil(bytes.length / chunking.size(0)) + 1; // more than the text has (a UTF-16 unit takes a byte at least)
    const state = new SharedArrayBuffer(4 * (CLAIMS + chunks));
    const { port1, port2 } = new MessageChannel();
    const job: LexJob = { bytes: bytes.buffer, state, port: port2, chunkSize: chunking.size(0) };
    try {
      const worker = new Worker(script, { workerData: job, transferList: [port2] });
      worker.unref();
      worker.on('error', () => undefined); // dropped when a part does not come
      return new LexingWorker(worker, port1, state);
    } catch {
      return undefined;
    }
  }

  /** The chunking that takes the worker's parts. */
  chunking(chunking: Chunking = DEFAULT_CHUNKING): Chunking {
    return { ...chunking, lexed: (index, start, end, read) => this.part(index, start, end, read) };
  }

  /** Waits until the worker has sent its first part (tests: so that it takes part for sure); false after `ms`. */
  started(ms: number): boolean {
    return Atomics.wait(this.state, POSTED, 0, ms) !== 'timed-out';
  }

  /** Stops the worker (it may still be lexing parts no one will read). */
  stop(): void {
    Atomics.store(this.state, STOP, 1);
    this.port.close();
    void this.worker.terminate();
  }

  /** Chunk `index` as the worker lexed it, or undefined: this thread lexes it. */
  private part(index: number, start: number, end: number, read: string): ReturnType<NonNullable<Chunking['lexed']>> {
    const state = this.state;
    if (this.dropped || CLAIMS + index >= state.length) return undefined;
    if (Atomics.compareExchange(state, CLAIMS + index, FREE, BY_MAIN) === FREE) return undefined;
    for (;;) {
      const posted = Atomics.load(state, POSTED);
      const received = receiveMessageOnPort(this.port);
      if (received) {
        const message = received.message as LexedMessage;
        if (message.index !== index || message.start !== start || message.end !== end || !message.data) return this.drop();
        this.partsTaken++;
        return decodePart(message.data, read);
      }
      if (Atomics.wait(state, POSTED, posted, WAIT_MS) === 'timed-out') return this.drop();
    }
  }

  private drop(): undefined {
    this.dropped = true;
    this.stop();
    return undefined;
  }
}

/**
 * Threads for `sla check` of a large file: one unless `SLA_WORKERS` asks for more. The
 * worker is not the default because no interleaved A/B run on the (always loaded) machine
 * of issue 15 showed it faster in wall time, and it costs CPU (docs/performance.md,
 * "streamparse"); on an idle machine, compare `SLA_WORKERS=2` with the default.
 */
function threadsWanted(): number {
  return Number(process.env.SLA_WORKERS ?? 1);
}

/** The worker script: dist/lex-worker.js next to the bundle, lexWorker.ts next to the sources. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here) return undefined;
  const url = /\.[cm]?ts$/.test(here) ? new URL('./lexWorker.ts', here) : new URL('./lex-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}
