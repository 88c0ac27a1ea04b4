// Worker thread entry (bundled as dist/check-worker.js): the chunked parse's recognition of one
// text, its records posted to the main thread (offthread.ts). Started by dist/cli.js before the
// bundle loads for `sla check` of a large file (scripts/cli-loader.cjs), or by offthread.ts.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { runRecognitionJob, type RecognitionJob } from './offthread';

runRecognitionJob(workerData as RecognitionJob, (path) => readFileSync(path, 'utf8'));
