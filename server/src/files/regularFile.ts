// Opening a file the user named without ever blocking on it. Opening a FIFO for reading
// waits for a writer (forever, on one of libuv's four pool threads; four such opens stall
// every later file operation of the process); a device or a socket is not data either.
// So a path is opened with O_NONBLOCK (no wait on a FIFO; no effect on a regular file) and
// the opened descriptor is checked with fstat: a FIFO swapped in after a stat is refused too.
import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { messages, type Locale, type MessageId } from '../l10n/index';

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

/** openRegularFile, synchronously: a descriptor for the caller to close. */
export function openRegularFileSync(path: string): number {
  const fd = openSync(path, READ_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw new NotRegularFileError(path);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** readRegularFile, synchronously. */
export function readRegularFileSync(path: string): string {
  const fd = openRegularFileSync(path);
  try {
    return utf8Text(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * `bytes` decoded as UTF-8, exactly as `readFileSync(file, 'utf8')` decodes them (a BOM kept,
 * malformed bytes as U+FFFD). Bytes that are all ASCII, as nearly every contract is, are
 * their own Latin-1 and are copied into a one-byte string without decoding: reading a 4 MiB
 * contract this way took 0.6× the time of Node's `readFileSync(file, 'utf8')` (issue 15,
 * docs/performance.md, "Session 10").
 */
export function utf8Text(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Reasons worded by the catalogue, by Node's error code; other errors keep their own message. */
const REASONS: Readonly<Record<string, Extract<MessageId, `file.reason.${string}`>>> = {
  ENOENT: 'file.reason.notFound',
  EACCES: 'file.reason.permissionDenied',
  EPERM: 'file.reason.permissionDenied',
  EISDIR: 'file.reason.isDirectory',
  ENOTDIR: 'file.reason.notDirectory',
  ELOOP: 'file.reason.linkLoop',
  ENOTREG: 'file.reason.notRegular',
  ENOSPC: 'file.reason.noSpace',
  EROFS: 'file.reason.readOnly',
  ERR_FS_FILE_TOO_LARGE: 'file.reason.tooLarge',
};

/** A file-system error as a short human reason ("no such file or directory") in `locale`. */
export function fileErrorReason(error: unknown, locale?: Locale): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const id = code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  if (id) return messages(locale).t(id);
  return error instanceof Error ? error.message : String(error);
}
