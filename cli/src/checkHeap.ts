// How the heap grows while `sla check` analyses a large contract (issue 15).
//
// Nearly everything a full analysis allocates stays alive until it ends (tokens, AST, scopes,
// linked facts), so a major garbage collection in the middle of it marks a few hundred MB and
// frees almost nothing: on the 200,000-line contract one such collection was about a tenth of
// the CPU time (docs/performance.md, "Check"). V8 sets the next collection's threshold from
// the live size after each one, times a growing factor it picks; a larger factor, set before
// the analysis of a large file, pushes that threshold past what the analysis needs.
// `--heap-growing-percent` is one of the V8 flags read at every collection, so it can be set
// at run time (the heap's sizes cannot: they are fixed when the process starts). It is set
// only for a large file and put back after it: for many small files the usual factor keeps
// the garbage of the files already checked from piling up (peak RSS).

/** Texts from this length (UTF-16 units, about 50,000 lines of a contract) get the larger factor. */
export const LARGE_TEXT = 1 << 20;

/** The next collection after at most this many times the live size (V8's own factor is 1.1 to 4). */
const GROWING_PERCENT = 1000;

/**
 * Runs `analyse` with the heap's growing factor raised when `text` is large. `node:v8` is
 * loaded only then: loading it costs every small check a few milliseconds of start-up.
 */
export function withHeapForText<T>(text: string, analyse: () => T): T {
  const v8 = text.length >= LARGE_TEXT ? process.getBuiltinModule?.('node:v8') : undefined;
  if (!v8) return analyse(); // Node before 20.16 has no getBuiltinModule: the usual factor
  v8.setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  try {
    return analyse();
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
