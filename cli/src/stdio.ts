// What `sla` prints, written to file descriptors 1 and 2 without creating process.stdout and
// process.stderr where that changes nothing: the first use of either stream costs a run
// about 2–3 ms when it is a pipe (a net.Socket and the modules behind it), more than a whole
// check of a small contract's output (docs/performance.md, "`sla` start-up, third round").
// Only on Linux, where Node writes to files, terminals and pipes synchronously as well, so
// the order of everything printed (ours, commander's help and errors through the streams)
// stays what it was. A descriptor that refuses a write (EAGAIN on a pipe left non-blocking by
// another process, EPIPE, anything) gets the rest of it, and everything after, through its
// stream, which handles those as before.
import { writeSync } from 'node:fs';

/** Writes text to file descriptor `fd`, or through `stream()` (process.stdout or stderr) where direct writes are not used. */
export function descriptorWriter(fd: number, stream: () => NodeJS.WritableStream): (text: string) => void {
  let direct = process.platform === 'linux';
  return (text) => {
    if (direct) {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
        return;
      } catch {
        direct = false;
        stream().write(bytes.subarray(written));
        return;
      }
    }
    stream().write(text);
  };
}
