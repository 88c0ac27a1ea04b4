// Worker thread entry (bundled as dist/evaluation-worker.js): waits for jobs (parallel.ts
// starts it ahead of time), reads the chunks of a large CSV file it claims into an
// Evaluator of its own and sends back what it gathered, for parallel.ts to merge. One job at
// a time: the main thread sends the next only after the answer.
import { parentPort } from 'node:worker_threads';
import { partEvaluator } from './evaluate';
import { readChunks, type PartJob, type PartMessage } from './parallel';
import { CsvSource, type CsvColumns } from './sources/csv';

async function run(job: PartJob<CsvColumns>): Promise<PartMessage> {
  let lastReport = 0;
  const evaluator = partEvaluator(job.setup, (rows) => {
    if (rows - lastReport >= 500_000) {
      lastReport = rows;
      post({ type: 'progress', rows });
    }
  });
  const chunks = await readChunks(new CsvSource(job.path, job.name), evaluator, job.claims, job.id);
  return { type: 'done', state: evaluator.exportState(), chunks };
}

/** Sends a message; a percentile's values and held samples are moved, not copied. */
function post(message: PartMessage): void {
  const transfer: ArrayBuffer[] = [];
  if (message.type === 'done') {
    for (const run of message.state.runs) {
      for (const p of run.periods) {
        for (const block of p.values?.blocks ?? []) transfer.push(block.buffer as ArrayBuffer);
        if (p.values?.counted) transfer.push(p.values.counted.counts.buffer as ArrayBuffer);
      }
      if (run.held) transfer.push(run.held.times.buffer as ArrayBuffer, run.held.values.buffer as ArrayBuffer, run.held.tags.buffer as ArrayBuffer);
    }
  }
  parentPort!.postMessage(message, [...new Set(transfer)]);
}

parentPort!.on('message', (job: PartJob<CsvColumns>) => {
  run(job).then(post, (e: unknown) => {
    // Anything else is a bug: the main thread falls back to reading the file itself.
    post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
  });
});
