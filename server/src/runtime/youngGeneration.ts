// When V8 collects the language server's young generation (issue 15). V8 scavenges either
// when the young generation is full, in the middle of whatever runs (an analysis), or from a
// task it posts once the young generation is `--minor-gc-task-trigger` percent full (80 by
// default), which runs between two messages. An analysis of the 7,016-line contract
// allocates about 14 MB of the 16 MB young generation and keeps most of it until it ends, so
// with the default the young generation filled up during nearly every open: a scavenge
// copying the half-built analysis, 4–9 ms of each open → diagnostics. Posted at a fifth, the
// task runs as soon as the analysis is done, between messages, and the next analysis starts
// with an empty young generation. The flag is read at every allocation check, so it can be
// set at run time: the server sets it itself, however it was started (VS Code, the tests,
// the benchmarks). docs/performance.md, "lspopen".
import { setFlagsFromString } from 'node:v8';

/** Percent of the young generation's capacity at which V8 posts its scavenge task. */
export const MINOR_GC_TASK_TRIGGER = 20;

export function scavengeBetweenMessages(): void {
  setFlagsFromString(`--minor-gc-task-trigger=${MINOR_GC_TASK_TRIGGER}`);
}
