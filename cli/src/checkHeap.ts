// How the heap grows while `sla check` analyses a large contract (issue 15).
//
// Nearly everything a full analysis allocates stays alive until it ends (tokens, AST, scopes,
// linked facts), so a major garbage collection in the middle of it marks a few hundred MB and
// frees almost nothing: on the 200,000-line contract one such collection was about a tenth of
// the CPU time (docs/performance.md, "Check"). V8 sets the next collection's threshold from
// the live size after each one, times a growing factor; a larger factor, set before the
// analysis of a large file, pushes that threshold past what the analysis needs. It is set
// only for a large file and put back after it: for many small files the usual factor keeps
// the garbage of the files already checked from piling up (peak RSS).
import { withHeapGrowingFor } from '../../server/src/runtime/heapGrowth';

/** The next collection after at most this many times the live size (V8's own factor is 1.1 to 4). */
const GROWING_PERCENT = 1000;

/** Runs `analyse` with the heap's growing factor raised when `text` is large. */
export function withHeapForText<T>(text: string, analyse: () => T): T {
  return withHeapGrowingFor(text, GROWING_PERCENT, undefined, analyse);
}
