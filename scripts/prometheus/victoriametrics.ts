// A real VictoriaMetrics (single node) for tests and benchmarks: finds `victoria-metrics`
// (installing Debian's `victoria-metrics` package with apt-get when it is missing and we
// are root), starts it on 127.0.0.1 on a free port with a fresh storage directory, a long
// retention and its caches off, waits for /health, loads the samples exactly through
// /api/v1/import (JSON lines, one per series, millisecond timestamps), flushes them so
// that queries see them, and stops its whole process group afterwards (also when the
// calling process exits early). Only its default query limits apply.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { installDebianPackages } from '../debian';
import { PrometheusUnavailable, startServer, which, type Log, type Series } from './prometheus';

export interface RunningVictoriaMetrics {
  url: string;
  /** `victoria-metrics-… v1.79.5 …` as the binary reports it. */
  version: string;
  /** Stops the process group and removes the storage directory. */
  stop(): Promise<void>;
}

/** `victoria-metrics`, installed with apt-get when missing (root only); throws PrometheusUnavailable saying why when it cannot be had. */
export function ensureVictoriaMetrics(log: Log = () => undefined): { binary: string; version: string } {
  let binary = which('victoria-metrics');
  if (!binary) {
    try {
      installDebianPackages(['victoria-metrics'], '`victoria-metrics` is not installed', log);
    } catch (error) {
      throw new PrometheusUnavailable((error as Error).message);
    }
    binary = which('victoria-metrics');
    if (!binary) throw new PrometheusUnavailable('apt-get installed the victoria-metrics package, but `victoria-metrics` is still not on the PATH');
  }
  // Debian's build prints an empty -version: the package version says it then.
  const own = spawnSync(binary, ['-version'], { encoding: 'utf8' });
  const line = `${own.stdout ?? ''}${own.stderr ?? ''}`.split('\n')[0].trim();
  const packaged = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'victoria-metrics'], { encoding: 'utf8' });
  const version = line !== '' ? line : packaged.status === 0 ? `VictoriaMetrics ${packaged.stdout.trim()} (Debian package)` : 'VictoriaMetrics (unknown version)';
  return { binary, version };
}

/** The series as /api/v1/import JSON lines, a few thousand samples per line. */
export function* importLines(series: readonly Series[]): Generator<string> {
  const PART = 5000;
  for (const s of series) {
    const metric = JSON.stringify({ __name__: s.name, ...s.labels });
    for (let i = 0; i < s.times.length; i += PART) {
      const end = Math.min(s.times.length, i + PART);
      const times: number[] = [];
      const values: number[] = [];
      for (let k = i; k < end; k++) {
        times.push(s.times[k]);
        values.push(s.values[k]);
      }
      yield `{"metric":${metric},"values":${JSON.stringify(values)},"timestamps":${JSON.stringify(times)}}\n`;
    }
  }
}

/** Loads the series into a running VictoriaMetrics and makes them visible to queries. */
export async function importSeries(url: string, series: readonly Series[]): Promise<void> {
  let batch = '';
  const send = async () => {
    if (batch === '') return;
    const response = await fetch(`${url}/api/v1/import`, { method: 'POST', body: batch });
    const text = await response.text();
    if (!response.ok) throw new Error(`VictoriaMetrics refused the import: HTTP ${response.status}: ${text.slice(0, 500)}`);
    batch = '';
  };
  for (const line of importLines(series)) {
    batch += line;
    if (batch.length > 8 << 20) await send();
  }
  await send();
  const flushed = await fetch(`${url}/internal/force_flush`);
  await flushed.arrayBuffer();
  if (!flushed.ok) throw new Error(`VictoriaMetrics /internal/force_flush: HTTP ${flushed.status}`);
}

/** Starts VictoriaMetrics with the series loaded; the caller must call stop() (a process exit does it too). */
export async function startVictoriaMetrics(options: { series: readonly Series[]; log?: Log }): Promise<RunningVictoriaMetrics> {
  const log = options.log ?? (() => undefined);
  const { binary, version } = ensureVictoriaMetrics(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-victoriametrics-'));
  const server = await startServer({
    command: binary,
    args: (port) => [`-storageDataPath=${path.join(dir, 'data')}`, `-httpListenAddr=127.0.0.1:${port}`, '-retentionPeriod=100y', '-search.disableCache', '-loggerLevel=ERROR'],
    readyPath: '/health',
    dir,
  });
  const started = Date.now();
  try {
    await importSeries(server.url, options.series);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const samples = options.series.reduce((n, s) => n + s.times.length, 0);
  log(`${version}: imported ${samples} samples in ${Date.now() - started} ms; ready at ${server.url}`);
  return { ...server, version };
}
