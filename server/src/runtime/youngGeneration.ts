// When V8 collects the language server's young generation (issue 15). V8 scavenges either
// when the young generation is full, in the middle of whatever runs (an analysis), or from a
// task it posts once the young generation is `--minor-gc-task-trigger` percent full (80 by
// default), which runs between two messages. An analysis of the 7,016-line contract
// allocates about 14 MB of the 16 MB young generation and keeps most of it until it ends, so
// with the default the young generation filled up during nearly every open: a scavenge
// copying the half-built analysis, 4–7 ms of each open → diagnostics. Posted at a fifth, the
// task runs as soon as the analysis is done, between messages, and the next analysis starts
// with an empty young generation. With a 200,000-line contract open, keystrokes were slower
// that way (docs/performance.md, "lspopen"): the server keeps V8's own trigger then. The flag
// is read at every allocation check, so the server sets it itself at run time, however it
// was started (VS Code, the tests, the benchmarks).
import { setFlagsFromString } from 'node:v8';

/** Percent of the young generation's capacity at which V8 posts its scavenge task, early. */
const EARLY_SCAVENGE_TRIGGER = 20;
/** V8's own value of the flag. */
const V8_SCAVENGE_TRIGGER = 80;

/** Early: the scavenge task is posted at EARLY_SCAVENGE_TRIGGER; else at V8's own trigger. */
export function scavengeEarly(early: boolean): void {
  setFlagsFromString(`--minor-gc-task-trigger=${early ? EARLY_SCAVENGE_TRIGGER : V8_SCAVENGE_TRIGGER}`);
}
