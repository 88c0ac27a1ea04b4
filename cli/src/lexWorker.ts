// Worker thread entry (bundled as dist/lex-worker.js): lexes the chunks of a large contract
// that the parsing thread has not claimed, in order, and sends each as numbers (lexing.ts).
import { workerData } from 'node:worker_threads';
import { readFullWidth } from '../../server/src/language/fullWidth';
import { tokenizePart } from '../../server/src/language/lexer';
import { chunkEnd } from '../../server/src/language/parse/chunks';
import { encodePart } from '../../server/src/language/parse/lexedParts';
import { BY_WORKER, CLAIMS, FREE, POSTED, STOP, type LexedMessage, type LexJob } from './lexing';

const job = workerData as LexJob;
const state = new Int32Array(job.state);

function post(message: LexedMessage): void {
  job.port.postMessage(message, message.data ? [message.data.buffer as ArrayBuffer] : []);
  Atomics.add(state, POSTED, 1);
  Atomics.notify(state, POSTED);
}

let index = 0;
try {
  // As `sla check` reads the file: decoded as UTF-8, without a byte order mark (check.ts).
  const text = Buffer.from(job.bytes).toString('utf8').replace(/^\uFEFF/, '');
  const read = readFullWidth(text).text;
  for (let start = 0; start < read.length && CLAIMS + index < state.length && Atomics.load(state, STOP) === 0; index++) {
    const end = chunkEnd(read, start, job.chunkSize);
    // Claimed once lexed, so that the parsing thread never waits for a chunk being lexed
    // here: it lexes a chunk no one has claimed itself (this one's work is then wasted).
    if (Atomics.load(state, CLAIMS + index) === FREE) {
      const data = encodePart(tokenizePart(read, start, end));
      if (Atomics.compareExchange(state, CLAIMS + index, FREE, BY_WORKER) === FREE) post({ index, start, end, data });
    }
    start = end;
  }
} catch {
  // The part claimed is sent without data: the parsing thread lexes from there on.
  post({ index, start: -1, end: -1 });
}
