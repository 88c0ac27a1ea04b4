// Small timing helpers shared by the benchmarks.
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
