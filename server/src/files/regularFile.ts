// Opening a file the user named without ever blocking on it. Opening a FIFO for reading
// waits for a writer (forever, on one of libuv's four pool threads; four such opens stall
// every later file operation of the process); a device or a socket is not data either.
// So a path is opened with O_NONBLOCK (no wait on a FIFO; no effect on a regular file) and
// the opened descriptor is checked with fstat: a FIFO swapped in after a stat is refused too.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

// Windows has no O_NONBLOCK (and no FIFOs that block an open).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The path names something that is not a regular file (a FIFO, a socket, a device). */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly path: string) {
    super('not a regular file');
    this.name = 'NotRegularFileError';
  }
}

/** Opens `path` for reading; rejects with NotRegularFileError (having opened nothing that blocks) unless it is a regular file. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const handle = await open(path, READ_FLAGS);
  try {
    if (!(await handle.stat()).isFile()) throw new NotRegularFileError(path);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The UTF-8 text of the regular file at `path` (NotRegularFileError for anything else). */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** readRegularFile, synchronously. */
export function readRegularFileSync(path: string): string {
  const fd = openSync(path, READ_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw new NotRegularFileError(path);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** A file-system error as a short human reason ("no such file or directory"). */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTREG':
      return 'not a regular file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
