// How far V8 lets the heap grow before its next full collection, set for large contracts
// (issue 15). `--heap-growing-percent` is one of the V8 flags read at every collection, so it
// can change at run time (the heap's sizes cannot: they are fixed when the process starts).
// V8's own factor (1.1× to 4× the live size after a collection) suits small contracts; the
// CLI and the language server each change it only while a large text is worked on, in
// opposite directions (see their callers and docs/performance.md):
// - `sla check` raises it, so a one-off analysis of a large file that keeps nearly all it
//   allocates is not interrupted by full collections that free nothing;
// - the language server lowers it, so the garbage of keystrokes in a large contract is
//   collected before the process holds a gigabyte.

/** Texts from this length (UTF-16 units, about 50,000 lines of a contract) are large. */
export const LARGE_TEXT = 1 << 20;

/**
 * The language server's factor while a large text is open: the heap may grow by a fifth over
 * what the last full collection kept (50 % before "lspmem2", docs/performance.md).
 */
export const LARGE_TEXT_HEAP_GROWING_PERCENT = 20;

/**
 * The language server's factor while it analyses a large text in full (an open, an edit it
 * cannot take incrementally): such an analysis keeps most of what it allocates, and at 20 %
 * it was interrupted by twice as many full collections (open → diagnostics at 200,000 lines
 * 1.1 → 1.7–2.1 s).
 */
export const FULL_ANALYSIS_HEAP_GROWING_PERCENT = 50;

/**
 * Sets the growing factor in percent, or back to V8's own with `undefined`. `node:v8` is
 * loaded only when asked: loading it costs every small `sla check` a few milliseconds.
 * Without `process.getBuiltinModule` (Node before 20.16) the factor stays V8's own.
 */
export function setHeapGrowingPercent(percent: number | undefined): void {
  process.getBuiltinModule?.('node:v8')?.setFlagsFromString(`--heap-growing-percent=${percent ?? 0}`);
}

/**
 * Runs `work` with the growing factor at `percent` when `text` is large, then sets it to
 * `after` (undefined: V8's own); for a small text `work` runs with the factor as it is.
 */
export function withHeapGrowingFor<T>(text: string, percent: number, after: number | undefined, work: () => T): T {
  if (text.length < LARGE_TEXT) return work();
  setHeapGrowingPercent(percent);
  try {
    return work();
  } finally {
    setHeapGrowingPercent(after);
  }
}
