// Worker thread entry (bundled as dist/evaluation-worker.js): evaluates one part of a large
// CSV file with its own Evaluator and sends back what it gathered, for parallel.ts to merge.
import { parentPort, workerData } from 'node:worker_threads';
import { EvaluationError } from './errors';
import { partEvaluator } from './evaluate';
import type { PartJob, PartMessage } from './parallel';
import { CsvSource, type CsvColumns } from './sources/csv';

async function run(job: PartJob<CsvColumns>): Promise<PartMessage> {
  let lastReport = 0;
  const evaluator = partEvaluator(job.setup, (rows) => {
    if (rows - lastReport >= 500_000) {
      lastReport = rows;
      post({ type: 'progress', rows });
    }
  });
  try {
    const { lines, complete } = await new CsvSource(job.path, job.name).readRange(evaluator, job.range);
    return { type: 'done', state: evaluator.exportState(), lines, complete };
  } catch (e) {
    if (e instanceof EvaluationError) return { type: 'error', reason: e.reason, line: e.line };
    throw e;
  }
}

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

run(workerData as PartJob<CsvColumns>).then(post, (e: unknown) => {
  // Anything else is a bug: the main thread falls back to reading the file itself.
  post({ type: 'failed', reason: e instanceof Error ? e.message : String(e) });
});
