// One real Prometheus for the whole suite, backfilled once with the fixture's samples;
// stopped by a root `after` hook. Where Prometheus cannot be had (not installed, not root),
// the tests that need it are skipped with a clear message, except under CI=true, where
// that is a failure: CI must run them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PrometheusUnavailable, ensureTools, startPrometheus, type RunningPrometheus } from '../../scripts/prometheus/prometheus';
import { generate, writeCsv, type Dataset } from './fixture';

export interface Shared {
  prometheus: RunningPrometheus;
  dataset: Dataset;
  /** The CSV form of the same samples. */
  csvFile: string;
  dir: string;
}

// Mocha may load this module twice (through require and through import: tsx gives each its
// own instance), so the one server lives on the global object, not in a module variable.
const KEY = Symbol.for('sla.test.prometheus');
const registry = globalThis as { [KEY]?: Promise<Shared> };

function onCi(): boolean {
  return /^(true|1|yes)$/i.test(process.env.CI ?? '');
}

async function start(): Promise<Shared> {
  const log = (m: string) => process.stderr.write(`      [prometheus] ${m}\n`);
  const tools = ensureTools(log);
  const dataset = generate();
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-prom-test-'));
  const csvFile = writeCsv(dir, dataset);
  const prometheus = await startPrometheus({ series: dataset.series, tools, log });
  return { prometheus, dataset, csvFile, dir };
}

/** The suite's Prometheus (started on first use); skips the calling test or hook where Prometheus cannot be had. */
export async function usePrometheus(context: Mocha.Context): Promise<Shared> {
  context.timeout(600_000); // a first apt-get install and the backfill take a while
  registry[KEY] ??= start();
  try {
    return await registry[KEY];
  } catch (error) {
    // By name: the error may come from the other instance of the scripts module.
    if (error instanceof Error && error.name === PrometheusUnavailable.name) {
      if (onCi()) throw new Error(`CI=true and Prometheus cannot be had: ${error.message}`);
      process.stderr.write(`      Skipping the tests against a real Prometheus: ${error.message}\n`);
      context.skip();
    }
    throw error;
  }
}

export async function stopPrometheus(): Promise<void> {
  const running = registry[KEY];
  registry[KEY] = undefined;
  if (!running) return;
  try {
    const { prometheus, dir } = await running;
    await prometheus.stop();
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // it never started
  }
}
