// cli/src/stdio.ts: what `sla` prints goes straight to a descriptor on Linux; a descriptor that
// refuses a write (here EAGAIN: a full pipe another process left non-blocking) must lose no
// byte and keep the order, the rest going through the stream.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { descriptorWriter } from '../../cli/src/stdio';

/** Everything the pipe holds now (its read end is non-blocking: EAGAIN when empty). */
function drain(fd: number): Buffer {
  const parts: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw error;
    }
    if (read === 0) break;
    parts.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(parts);
}

describe('sla output written to a descriptor (stdio.ts)', function () {
  if (process.platform !== 'linux') return;
  let dir: string;
  let reader: number;
  let writer: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sla-stdio-'));
    const fifo = join(dir, 'out');
    execFileSync('mkfifo', [fifo]);
    reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  });

  afterEach(() => {
    closeSync(reader);
    closeSync(writer);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full non-blocking pipe: the rest of the text and everything after go through the stream, no byte lost or reordered', () => {
    const streamed: Buffer[] = [];
    const stream = { write: (chunk: string | Uint8Array) => (streamed.push(Buffer.from(chunk)), true) } as unknown as NodeJS.WritableStream;
    const write = descriptorWriter(writer, () => stream);
    // Larger than any pipe's buffer, ending in characters of several bytes each.
    const text = `${'sla check: 1 file checked\n'.repeat(20_000)}中文的结尾\n`;
    write(text);
    const piped = drain(reader);
    assert.ok(piped.length > 0 && piped.length < Buffer.byteLength(text), `the pipe took part of the text (${piped.length} bytes)`);
    // The pipe has room again, but the stream may still hold the rest: writing past it would
    // put the next text before the rest.
    write('after\n');
    assert.equal(drain(reader).length, 0, 'nothing written to the descriptor after it refused a write');
    assert.equal(streamed.length, 2, 'the rest, then the next text, through the stream');
    assert.equal(Buffer.concat([piped, ...streamed]).toString('utf8'), `${text}after\n`);
  });

  it('a descriptor that takes everything: nothing goes through the stream', () => {
    const stream = { write: () => assert.fail('the stream was used') } as unknown as NodeJS.WritableStream;
    const write = descriptorWriter(writer, () => stream);
    write('1 file checked: 0 errors\n');
    write('第二行\n');
    assert.equal(drain(reader).toString('utf8'), '1 file checked: 0 errors\n第二行\n');
  });
});
