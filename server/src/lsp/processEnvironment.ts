// Environment the language server's process is started with, by the extension and by the
// tests and benchmarks that start it (issue 15, "vsrss").
//
// glibc's malloc serves a request from its own heap, not from fresh pages, once a block of that
// size has been freed: its mmap threshold starts at 128 KiB and rises to the largest block
// freed (up to 32 MiB). The server's large transient blocks (a 4 MB text per keystroke as it
// arrives, a 17 MB outline answer as it is written at 200,000 lines) then stay in that heap
// after they are freed, and the process held 40–60 MiB more than V8's heap and buffers asked
// for. Setting the threshold fixes it at 128 KiB: larger blocks are mapped and given back to
// the system when freed (peak RSS 410 → 366–373 MiB, docs/performance.md "vsrss"). Only read
// at process start, so it has to come from whoever starts the server; an explicit value in the
// user's environment is kept. Other C libraries (macOS, Windows, musl) ignore it.
export const MALLOC_MMAP_THRESHOLD = 'MALLOC_MMAP_THRESHOLD_';

/** Entries to add to the environment of a language server process started with `base`. */
export function serverProcessEnvironment(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { [MALLOC_MMAP_THRESHOLD]: base[MALLOC_MMAP_THRESHOLD] ?? String(128 * 1024) };
}
