// One real Prometheus and one real VictoriaMetrics for the whole suite, both loaded once with
// the fixture's samples; stopped by a root `after` hook. Where they cannot be had (not
// installed, not root), the tests that need them are skipped with a clear message, except
// under CI=true, where that is a failure: CI must run them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PrometheusUnavailable, ensureTools, startPrometheus, type RunningPrometheus } from '../../scripts/prometheus/prometheus';
import { startVictoriaMetrics, type RunningVictoriaMetrics } from '../../scripts/prometheus/victoriametrics';
import { generate, writeCsv, type Dataset } from './fixture';

/** A server with the Prometheus HTTP API holding the fixture's samples. */
export interface Engine {
  /** `Prometheus 2.42`, `VictoriaMetrics 1.79`: what test titles call it. */
  name: string;
  url: string;
}

export interface Shared {
  prometheus: RunningPrometheus;
  victoriaMetrics: RunningVictoriaMetrics;
  /** Both, Prometheus first. */
  engines: Engine[];
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
  const [prometheus, victoriaMetrics] = await Promise.all([
    startPrometheus({ series: dataset.series, tools, log }),
    startVictoriaMetrics({ series: dataset.series, log: (m) => process.stderr.write(`      [victoria-metrics] ${m}\n`) }),
  ]);
  const engines = [
    { name: 'Prometheus', url: prometheus.url },
    { name: 'VictoriaMetrics', url: victoriaMetrics.url },
  ];
  return { prometheus, victoriaMetrics, engines, dataset, csvFile, dir };
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
    const { prometheus, victoriaMetrics, dir } = await running;
    await Promise.all([prometheus.stop(), victoriaMetrics.stop()]);
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // it never started
  }
}
