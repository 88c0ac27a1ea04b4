// Small timing helpers shared by the benchmarks.
import { spawnSync } from 'node:child_process';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times untimed (the JIT needs a few dozen runs to settle; an editing session is past that after a few keystrokes), then `runs` times; returns each run's milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 30): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/**
 * What fresh memory costs on this machine now: microseconds per 4 KiB page for a child
 * process writing one byte to each page of 64 MiB it has never touched (median of three
 * children). A figure that needs much fresh memory moves with it from day to day (session 9:
 * about 2 µs; session 10: 10–16 µs), while a floor that touches little (a byte scan) does not;
 * benchmarks print it beside their ratios (docs/performance.md, "Session 10").
 */
export function freshPageMicros(): number {
  const script =
    'const b = Buffer.allocUnsafeSlow(64 << 20); const t = process.hrtime.bigint();' +
    'for (let i = 0; i < b.length; i += 4096) b[i] = 1;' +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e3 / (b.length / 4096)));';
  const runs = [0, 1, 2].map(() => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout));
  return median(runs);
}

/** freshPageMicros as a line for a benchmark's output. */
export function freshMemoryLine(): string {
  return `fresh memory on this machine now: ${freshPageMicros().toFixed(1)} µs per 4 KiB page (figures that touch much fresh memory swing with it)`;
}
