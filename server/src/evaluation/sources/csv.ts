// CSV samples (LANGUAGE.md section 5): a header row naming `timestamp`, `metric` and `value`
// in any order (other columns are labels, ignored), RFC 4180 quoting, LF or CRLF line ends,
// an optional UTF-8 byte order mark.
//
// A byte-level streaming scanner rather than a general CSV library: bench/evaluate.ts
// measures csv-parse against it on the same file. The file is read in large chunks into
// one reused buffer; a record cut by the chunk end is moved to the front and completed by
// the next read. Rows make no strings: timestamps and values are decoded from bytes and
// metric names are recognised by comparing bytes with the names already seen.
import { closeSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { fileErrorReason, openRegularFile, openRegularFileSync } from '../../files/regularFile';
import { EvaluationAborted, EvaluationError } from '../errors';
import { messages, type Locale, type Messages } from '../../l10n/index';
import { parseDecimal, scanDecimal, scanned } from '../numbers';
import { readFileInParts, type FileRange, type FileRangeResult } from '../parallel';
import { MAX_INSTANT, MIN_INSTANT, TimestampReader, decodePrefix, describeBadTimestamp } from '../timestamps';
import { ZoneRules } from '../timezone';
import { seriesName, type PartedReading, type RowRejection, type SampleSink, type SampleSource } from '../ports';

/** Bytes read at a time, into each of two buffers per thread (larger chunks cost memory, not time: bench/evaluate.ts). */
const CHUNK = 256 << 10;
/** Room in front of each chunk for the record cut by the previous chunk's end. */
const RESERVE = 64 << 10;
/** Chunks read synchronously between two turns of the event loop (4 MiB, a few milliseconds of scanning): cancelling, progress and other requests get their turn. */
const CHUNKS_PER_TURN = 16;
const MAX_RECORD = 64 << 20;
/** Rows the fast path gathers before handing them to the sink at once (SampleSink.addRows). */
const BATCH = 1024;
/**
 * The first SHORT_RUNS calls of `fastRun` of a scanner read at most SHORT_RUN bytes each
 * (see `rows`): about 25 rows each, 800 in all.
 */
const SHORT_RUN = 1024;
const SHORT_RUNS = 32;

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DASH = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const COLON = 0x3a;
const ZULU = 0x5a;
const TAB = 0x09;
/** 1 for the bytes that end an unquoted field: `,`, LF, CR. */
const DELIMITER = new Uint8Array(256);
DELIMITER[COMMA] = DELIMITER[LF] = DELIMITER[CR] = 1;

const REQUIRED = ['timestamp', 'metric', 'value'] as const;

/** Distinct metric spellings remembered as bytes; beyond that names are looked up as strings. */
const MAX_SPELLINGS = 64;
const ROLE_TIMESTAMP = 1;
const ROLE_METRIC = 2;
const ROLE_VALUE = 3;

/** Where the three needed columns are (from the header), for reading a file in parts. */
export interface CsvColumns {
  timestamp: number;
  metric: number;
  value: number;
  /** Columns in the header. */
  count: number;
  /** (1.1) The header's column names, for naming series. */
  names?: string[];
}

/** A part of a CSV file: bytes [start, end) holding whole rows. */
export type CsvRange = FileRange<CsvColumns>;

export class CsvSource implements SampleSource {
  readonly name: string;
  readonly path: string;
  /** The two read buffers, between reads (none while a read runs). */
  private buffers: Buffer[] | undefined;
  /**
   * The scanner of the last range read whole, for the next range into the same sink (a
   * thread reading a file in parts reads many): it knows the metric names and the last
   * minute, so a range starts on the optimised loop instead of on its rare paths (each one
   * taken for the first time after V8 optimised the loop throws that code away).
   */
  private rangeScanner: CsvScanner | undefined;

  /** `path` is read; `name` (default: the path) is what messages call the file. */
  constructor(path: string, name = path) {
    this.path = path;
    this.name = name;
  }

  async read(sink: SampleSink, signal?: AbortSignal): Promise<void> {
    await this.scan(sink, signal, undefined);
  }

  /** A large file is read in parts on worker threads (parallel.ts) when it is worth it. */
  readInParts(reading: PartedReading, signal?: AbortSignal): Promise<boolean> {
    return readFileInParts(this, reading, signal);
  }

  /**
   * Reads the rows of one part of the file (for reading parts in parallel). Errors name
   * lines counted from the range's first line as 1 (the first part's are the file's).
   */
  readRange(sink: SampleSink, range: CsvRange, signal?: AbortSignal): Promise<FileRangeResult> {
    return this.scan(sink, signal, range);
  }

  /**
   * The header's columns and the offset of the first row; errors in `locale`. Read
   * synchronously: a few small reads that would otherwise be as many round trips through the
   * thread pool while every thread waits for its first chunk (docs/performance.md, tenth round).
   */
  header(locale?: Locale): { columns: CsvColumns; rowsStart: number } {
    const fd = this.openSync(locale);
    try {
      let size = 64 << 10;
      for (;;) {
        const buffer = Buffer.allocUnsafe(size);
        const bytesRead = readSync(fd, buffer, 0, size, 0);
        const eof = bytesRead < size;
        const start = bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
        const scanner = new CsvScanner(this.name, nullSink, locale);
        const rowsStart = scanner.header(buffer, start, bytesRead, eof);
        if (rowsStart >= 0) return { columns: scanner.columnsOf(), rowsStart };
        if (size >= MAX_RECORD) scanner.fail(1, scanner.text.t('csv.headerTooLong'));
        size *= 4;
      }
    } finally {
      closeSync(fd);
    }
  }

  private async open(locale: Locale | undefined): Promise<FileHandle> {
    try {
      return await openRegularFile(this.path);
    } catch (e) {
      throw this.cannotOpen(e, locale);
    }
  }

  private openSync(locale: Locale | undefined): number {
    try {
      return openRegularFileSync(this.path);
    } catch (e) {
      throw this.cannotOpen(e, locale);
    }
  }

  private cannotOpen(e: unknown, locale: Locale | undefined): EvaluationError {
    return new EvaluationError(messages(locale).t('csv.cannotOpen', { reason: fileErrorReason(e, locale) }), this.name);
  }

  private async scan(sink: SampleSink, signal: AbortSignal | undefined, range: CsvRange | undefined): Promise<FileRangeResult> {
    const synchronous = range !== undefined;
    // A part is opened and closed synchronously too, as its chunks are read (below): an open,
    // a stat and a close through the thread pool were three round trips per part, some 40
    // parts per thread, each one a pool thread woken while every core scans.
    // The event loop still gets a turn at each part's start (as the open's round trip gave it).
    if (synchronous) await new Promise<void>((resolve) => setImmediate(resolve));
    const handle = synchronous ? undefined : await this.open(sink.locale);
    const fd = handle ? handle.fd : this.openSync(sink.locale);
    // Two buffers: the record cut by a chunk's end is copied from one into the RESERVE bytes
    // in front of the next chunk, read into the other. Kept for the next range (a thread
    // reading a file in parts reads many, one at a time).
    // Read alone, the next chunk is read on libuv's thread pool while this one is scanned: a
    // core is free for it. Read in parts, every core is scanning, and a pool thread woken per
    // read preempts a scanner: the chunks are then read synchronously (from the page cache
    // some 20 µs per 256 KiB; the kernel's read-ahead still overlaps disk and scan), and the
    // event loop gets a turn every CHUNKS_PER_TURN (docs/decisions.md, "CSV chunks read
    // synchronously in parts").
    const buffers = this.buffers ?? [Buffer.allocUnsafe(RESERVE + CHUNK), Buffer.allocUnsafe(RESERVE + CHUNK)];
    this.buffers = undefined;
    let which = 0;
    let position = range ? range.start : 0;
    const end = range ? range.end : Infinity;
    const cannotRead = (e: unknown) => new EvaluationError(messages(sink.locale).t('csv.cannotRead', { reason: (e as NodeJS.ErrnoException).message }), this.name);
    /** The length of the next chunk (0 past the end), moving `position` past it. */
    const nextLength = (): number => {
      const length = Math.max(0, Math.min(CHUNK, end - position));
      position += length;
      return length;
    };
    const readAhead = (buffer: Buffer): Promise<{ bytesRead: number }> => {
      const at = position;
      const length = nextLength();
      return length > 0 ? handle!.read(buffer, RESERVE, length, at) : Promise.resolve({ bytesRead: 0 });
    };
    const readNow = (buffer: Buffer): number => {
      const at = position;
      const length = nextLength();
      if (length === 0) return 0;
      try {
        return readSync(fd, buffer, RESERVE, length, at);
      } catch (e) {
        throw cannotRead(e);
      }
    };
    let pending = synchronous ? undefined : readAhead(buffers[0]);
    try {
      const reused = range !== undefined && this.rangeScanner?.sink === sink ? this.rangeScanner : undefined;
      this.rangeScanner = undefined;
      const scanner = reused ?? new CsvScanner(this.name, sink);
      let headerDone = false;
      if (range?.columns) {
        scanner.useColumns(range.columns);
        headerDone = true;
      }
      // Past the end of a non-final range there is more file: its last record must be whole.
      const final = range ? range.final : true;
      let carry: Buffer = buffers[1].subarray(0, 0);
      let first = !headerDone;
      for (let chunks = 1; ; chunks++) {
        if (synchronous && chunks % CHUNKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (signal?.aborted) throw new EvaluationAborted(sink.locale);
        let bytesRead: number;
        if (synchronous) {
          bytesRead = readNow(buffers[which]);
        } else {
          try {
            ({ bytesRead } = await pending!);
          } catch (e) {
            throw cannotRead(e);
          } finally {
            pending = undefined;
          }
        }
        let chunk = buffers[which];
        let start: number;
        let limit = RESERVE + bytesRead;
        if (carry.length <= RESERVE) {
          start = RESERVE - carry.length;
          carry.copy(chunk, start);
        } else {
          // A record longer than the reserve (a long quoted field): join it with the new bytes.
          if (carry.length > MAX_RECORD) scanner.fail(scanner.line, scanner.text.t('csv.rowTooLong'));
          chunk = Buffer.concat([carry, chunk.subarray(RESERVE, limit)]);
          start = 0;
          limit = chunk.length;
        }
        const done = bytesRead === 0;
        // The other buffer's bytes have been copied out: read the next chunk into it now.
        if (!done && !synchronous) pending = readAhead(buffers[1 - which]);
        if (first) {
          if (limit - start >= 3 && chunk[start] === 0xef && chunk[start + 1] === 0xbb && chunk[start + 2] === 0xbf) start += 3;
          first = false;
        }
        if (!headerDone) {
          const rows = scanner.header(chunk, start, limit, done);
          if (rows < 0) {
            // The header is not complete yet: keep all of it.
            carry = chunk.subarray(start, limit);
            which = 1 - which;
            continue;
          }
          start = rows;
          headerDone = true;
        }
        const stop = scanner.rows(chunk, start, limit, done && final);
        if (done) {
          scanner.flushProgress();
          if (range !== undefined) this.rangeScanner = scanner;
          return { lines: scanner.line - 1, complete: stop === limit };
        }
        carry = chunk.subarray(stop, limit);
        which = 1 - which;
      }
    } finally {
      // Never leave a read running on a closed handle (or its rejection unhandled).
      if (pending !== undefined) await pending.catch(() => undefined);
      if (handle) await handle.close();
      else closeSync(fd);
      this.buffers = buffers;
    }
  }
}

const nullSink: SampleSink = {
  zone: ZoneRules.utc,
  metricId: () => -1,
  add: () => undefined,
  rowsRead: () => {},
};

/** The scanning state of one file. */
class CsvScanner {
  /** 1-based line of the next record. */
  line = 1;
  private readonly file: string;
  readonly sink: SampleSink;
  private readonly timestamps: TimestampReader;
  private timestampColumn = 0;
  private metricColumn = 0;
  private valueColumn = 0;
  private lastColumn = 0;
  private columns = 0;
  // Metric names seen so far, as bytes, and their sink ids.
  private readonly metricBytes: Uint8Array[] = [];
  /** The same names as little-endian 32-bit words (whole words only), for fast comparison. */
  private readonly metricWords: Int32Array[] = [];
  /**
   * The same names of 8 bytes or more as 64-bit words read as doubles (`wideWords`); empty
   * for shorter names and names where a word is not a safe double.
   */
  private readonly metricWide: Float64Array[] = [];
  private readonly metricIds: number[] = [];
  private readonly metricByName = new Map<string, number>();
  /** (1.1) Per sink id: 1 when the sink wants the series of the metric's samples. */
  private readonly seriesMetrics: number[] = [];
  private readonly seriesNames: string[] = [];
  /** The header's column names (for series names); absent when the header was read elsewhere. */
  private columnNames: string[] | undefined;
  /** The label fields of the record being read: column, start, end, escaped (1/0), flat. */
  private labelFields: number[] = [];
  private lastMetric = -1;
  /** Per metric spelling: the one the next row had last time (rows often alternate between metrics). */
  private readonly successors = Int32Array.from({ length: MAX_SPELLINGS }, (_, i) => i);
  private rowsSinceProgress = 0;
  /** What each column up to the last needed one holds (ROLE_…). */
  private roles = new Uint8Array(0);
  /** Whether the header is `timestamp,metric,value` (labels may follow): `fastRun` reads the fields without looking up roles. */
  private inOrder = false;
  /** Whether the last `record` call read a row (not a blank line). */
  private counted = false;
  /** Calls of `fastRun` left that read a short run only (`rows`). */
  private shortRuns = SHORT_RUNS;
  // The last `YYYY-MM-DDTHH:MM` decoded by the fast path and its local milliseconds.
  // As two 64-bit words read as doubles: its bytes are ASCII digits, '-', 'T', ':' or ' ' (checked
  // before it is kept), never a NaN or a zero, so equal doubles are equal bytes.
  private readonly prefixWords = new Float64Array(2);
  private prefixValid = false;
  /** NaN, not 0: a double from the start (see CalendarPeriods.start). */
  private prefixLocal = NaN;
  // Rows read by the fast path, not yet handed to the sink.
  private readonly batchMetrics = new Int32Array(BATCH);
  private readonly batchTimes = new Float64Array(BATCH);
  private readonly batchValues = new Float64Array(BATCH);

  /** The messages in the sink's language (or `locale`'s). */
  readonly text: Messages;

  constructor(file: string, sink: SampleSink, locale = sink.locale) {
    this.file = file;
    this.sink = sink;
    this.text = messages(locale);
    this.timestamps = new TimestampReader(sink.zone);
  }

  fail(line: number, reason: string): never {
    throw new EvaluationError(reason, this.file, line);
  }

  flushProgress(): void {
    if (this.rowsSinceProgress > 0) this.sink.rowsRead(this.rowsSinceProgress);
    this.rowsSinceProgress = 0;
  }

  /** Reads the header record; returns where the rows start, or -1 when the record is not complete yet. */
  header(b: Buffer, start: number, limit: number, eof: boolean): number {
    const fields: string[] = [];
    let p = start;
    for (;;) {
      if (p < limit && b[p] === QUOTE) {
        const field = this.quoted(b, p, limit, eof);
        if (field === undefined) return -1;
        fields.push(field.text);
        p = field.next;
      } else {
        let q = p;
        while (q < limit && b[q] !== COMMA && b[q] !== LF) {
          if (b[q] === QUOTE) this.fail(this.line, this.text.t('csv.headerQuoteInField'));
          q++;
        }
        if (q >= limit && !eof) return -1;
        let e = q;
        if (e > p && b[e - 1] === CR) e--;
        fields.push(b.toString('utf8', p, e));
        p = q;
      }
      if (p < limit && b[p] === CR && p + 1 < limit && b[p + 1] === LF) p++;
      if (p >= limit) break;
      if (b[p] === COMMA) {
        p++;
        continue;
      }
      if (b[p] === LF) {
        p++;
        break;
      }
      this.fail(this.line, this.text.t('csv.headerAfterQuote'));
    }
    if (fields.length === 1 && fields[0].trim() === '' && p >= limit) {
      this.fail(1, this.text.t('csv.emptyFile'));
    }
    const names = fields.map((f) => f.trim().toLowerCase());
    const index: Record<string, number> = {};
    for (const column of REQUIRED) {
      const at = names.indexOf(column);
      if (at < 0) {
        this.fail(1, this.text.t('csv.headerMissingColumn', { column, found: fields.map((f) => JSON.stringify(f)).join(', ') }));
      }
      if (names.indexOf(column, at + 1) >= 0) this.fail(1, this.text.t('csv.headerColumnTwice', { column }));
      index[column] = at;
    }
    this.useColumns({ timestamp: index.timestamp, metric: index.metric, value: index.value, count: fields.length, names: fields.map((f) => f.trim()) });
    this.line = 2;
    return p;
  }

  columnsOf(): CsvColumns {
    return { timestamp: this.timestampColumn, metric: this.metricColumn, value: this.valueColumn, count: this.columns, names: this.columnNames };
  }

  /** Columns known from the header read elsewhere (a part of the file); lines count from 1. */
  useColumns(columns: CsvColumns): void {
    this.timestampColumn = columns.timestamp;
    this.metricColumn = columns.metric;
    this.valueColumn = columns.value;
    this.lastColumn = Math.max(columns.timestamp, columns.metric, columns.value);
    this.roles = new Uint8Array(this.lastColumn + 1);
    this.roles[columns.timestamp] = ROLE_TIMESTAMP;
    this.roles[columns.metric] = ROLE_METRIC;
    this.roles[columns.value] = ROLE_VALUE;
    this.inOrder = columns.timestamp === 0 && columns.metric === 1 && columns.value === 2;
    this.columns = columns.count;
    this.columnNames = columns.names;
    this.line = 1;
  }

  /**
   * Reads the complete records in b[start, limit) (all of them when `eof`); returns the
   * offset of the first incomplete record.
   */
  rows(b: Buffer, start: number, limit: number, eof: boolean): number {
    let p = start;
    while (p < limit) {
      // V8 optimises `fastRun` while its first call is still in its loop: code not run by then
      // (the loop's exits, a buffer's end) has no type feedback, and running it later throws
      // the optimised code away (then a slower tier for a while and another compile, per
      // thread). So a scanner's first calls stop after a few rows, each through those exits, and
      // each starts without a guess of the metric, so that the name lookup also runs through
      // its miss (docs/performance.md, "Eighth round").
      let end = limit;
      if (this.shortRuns > 0) {
        this.shortRuns--;
        end = Math.min(limit, p + SHORT_RUN);
        this.lastMetric = -1;
      }
      p = this.fastRun(b, p, end);
      if (p >= limit) break;
      const next = this.record(b, p, limit, eof);
      if (next < 0) break;
      if (this.counted) this.rowsSinceProgress++;
      p = next;
    }
    if (this.rowsSinceProgress >= 65536) this.flushProgress();
    return p;
  }

  /**
   * The common case, fused and inlined: records without quotes or padding, timestamps of
   * the form `YYYY-MM-DD?HH:MM[:SS[.f]][Z|±HH:MM]`, plain decimal values, metric names
   * seen before. Each parser reads its field up to the delimiter, so every byte is looked
   * at once, and no function is called per row but the sink (the metric and value readers
   * are small enough for V8 to inline). A `timestamp,metric,value` file reads the metric and
   * the value straight after the timestamp; other orders look up each column's role (the
   * role loop measured slower for that order: docs/performance.md). Stops at the first record that
   * is anything else (or not complete in the buffer) and returns its offset: `record`
   * handles every case and reports errors. The timestamp code is the common path of
   * TimestampReader, repeated here because this loop is where the time goes (see
   * bench/evaluate.ts).
   */
  private fastRun(b: Buffer, p: number, limit: number): number {
    const roles = this.roles;
    const inOrder = this.inOrder;
    const last = this.lastColumn;
    const columnCount = this.columns;
    const zone = this.sink.zone;
    const seriesMetrics = this.seriesMetrics;
    const view = new DataView(b.buffer, b.byteOffset, b.length);
    let prefixLow = this.prefixWords[0];
    let prefixHigh = this.prefixWords[1];
    let prefixLocal = this.prefixLocal;
    let prefixValid = this.prefixValid;
    let line = this.line;
    let rows = 0;
    const batchMetrics = this.batchMetrics;
    const batchTimes = this.batchTimes;
    let batched = 0;
    records: while (p < limit) {
      const recordStart = p;
      // The row's fields go straight into the batch (a local holding a number could be a heap number per row).
      for (let column = 0; ; column++) {
        const role = roles[column];
        if (role === ROLE_TIMESTAMP) {
          // --- timestamp
          // The local instant of `YYYY-MM-DD?HH:MM`: the previous row's when the 16 bytes are the
          // same (two 8-byte compares, the minute's word first), else decoded; NaN: another shape.
          let local = NaN;
          // Near the buffer's end the record goes to `record`: `fastRun` reads 32 bytes at once.
          if (p + 32 > limit) {
            p = recordStart;
            break records;
          }
          const high = view.getFloat64(p + 8, true);
          if (prefixValid && high === prefixHigh && view.getFloat64(p, true) === prefixLow) {
            local = prefixLocal;
          } else if (b[p + 4] === DASH && b[p + 7] === DASH) {
            local = decodePrefix(b, p);
            if (local !== local) {
              p = recordStart;
              break records;
            }
            prefixLow = view.getFloat64(p, true);
            prefixHigh = high;
            prefixLocal = local;
            prefixValid = true;
          }
          if (local !== local) {
            const timestamp = this.timestamps.scan(b, p, limit);
            if (timestamp !== timestamp) {
              p = recordStart;
              break records;
            }
            batchTimes[batched] = timestamp;
            p = this.timestamps.end;
          } else {
            p += 16;
            // Seconds and milliseconds as a small integer, other fractions apart, added to `local`
            // once: the same sums (all whole milliseconds below 2^53), and no heap number per step.
            let ms = 0;
            let fractionMs = 0;
            let c = b[p];
            // `:ss.mmm` then a non-digit, the common shape, as two 32-bit words (p + 8 ≤ limit:
            // 32 bytes were there): bytes XOR '0' are digits when no byte has a high nibble
            // even after adding 6.
            const sw = view.getInt32(p, true);
            const mw = view.getInt32(p + 4, true);
            const s = ((sw >>> 8) & 0xffff) ^ 0x3030;
            const m = (mw & 0xffffff) ^ 0x303030;
            const after = mw >>> 24;
            if (
              (sw & 0xff0000ff) === 0x2e00003a &&
              ((s | (s + 0x0606)) & 0xf0f0) === 0 &&
              (s & 0xff) <= 5 &&
              ((m | (m + 0x060606)) & 0xf0f0f0) === 0 &&
              !(after >= 0x30 && after <= 0x39)
            ) {
              ms = ((s & 0xff) * 10 + (s >>> 8)) * 1000 + (m & 0xff) * 100 + ((m >>> 8) & 0xff) * 10 + (m >>> 16);
              p += 7;
              c = after;
            } else if (c === COLON) {
              p = this.seconds(b, p, limit);
              if (p < 0) {
                p = recordStart;
                break records;
              }
              ms = this.secondsMs;
              fractionMs = this.fractionMs;
              c = b[p];
            }
            local = local + ms + fractionMs;
            if (c === ZULU) {
              batchTimes[batched] = local;
              p++;
            } else if (c === PLUS || c === DASH) {
              const offset = zoneOffset(b, p, limit);
              if (offset !== offset) {
                p = recordStart;
                break records;
              }
              batchTimes[batched] = c === PLUS ? local - offset : local + offset;
              p += 6;
            } else {
              batchTimes[batched] = zone.toUtc(local);
            }
          }
          if (inOrder) {
            // `timestamp,metric,value`, nearly every file: the other two fields straight after, no role looked up.
            if (p >= limit || b[p] !== COMMA) {
              p = recordStart;
              break records;
            }
            p = this.readMetric(b, view, p + 1, limit, batched);
            if (p < 0 || p >= limit || b[p] !== COMMA) {
              p = recordStart;
              break records;
            }
            p = this.readValue(b, p + 1, limit, batched);
            if (p < 0) {
              p = recordStart;
              break records;
            }
            break;
          }
        } else if (role === ROLE_VALUE) {
          // --- value: digits[.digits], at most 15 significant digits (exact); else the general reader
          p = this.readValue(b, p, limit, batched);
          if (p < 0) {
            p = recordStart;
            break records;
          }
        } else if (role === ROLE_METRIC) {
          // --- metric
          p = this.readMetric(b, view, p, limit, batched);
          if (p < 0) {
            p = recordStart;
            break records;
          }
        } else {
          // --- a label column before the last needed one
          let c = 0;
          while (p < limit && (c = b[p]) !== COMMA) {
            if (c === LF || c === QUOTE || c === CR) {
              p = recordStart;
              break records;
            }
            p++;
          }
        }
        if (column === last) break;
        if (p >= limit || b[p] !== COMMA) {
          p = recordStart;
          break records;
        }
        p++;
      }
      // --- end of the record
      if (p >= limit) {
        p = recordStart;
        break;
      }
      const c = b[p];
      if (c === LF) {
        p++;
      } else if (c === CR && p + 1 < limit && b[p + 1] === LF) {
        p += 2;
      } else if (c === COMMA) {
        // Label columns after the last needed one; a row with more fields than the header
        // (a decimal comma in the value: `…,up,0,5`) goes to the general reader, which refuses it.
        let d = 0;
        // Fields read so far: columns 0..last; each comma starts one more.
        let fields = last + 1;
        while (p < limit && (d = b[p]) !== LF) {
          if (d === QUOTE) break;
          if (d === COMMA) fields++;
          p++;
        }
        if (p >= limit || d !== LF || fields > columnCount) {
          p = recordStart;
          break;
        }
        p++;
      } else {
        p = recordStart;
        break;
      }
      const timestamp = batchTimes[batched];
      if (!(timestamp >= MIN_INSTANT && timestamp <= MAX_INSTANT)) {
        p = recordStart;
        break;
      }
      // (1.1) A ratio's metric needs its series (the label columns): `record` reads those.
      const metric = batchMetrics[batched];
      if (metric >= 0 && seriesMetrics[metric] === 1) {
        p = recordStart;
        break;
      }
      line++;
      rows++;
      if (++batched === BATCH) {
        this.handOver(batched, line - batched);
        batched = 0;
      }
    }
    // Before anything else reads a row: the rows stay in file order, and a rejected one is the first error.
    if (batched > 0) this.handOver(batched, line - batched);
    this.prefixWords[0] = prefixLow;
    this.prefixWords[1] = prefixHigh;
    this.prefixLocal = prefixLocal;
    this.prefixValid = prefixValid;
    this.line = line;
    this.rowsSinceProgress += rows;
    return p;
  }

  /**
   * The metric name at p into the batch at `at`: a known spelling (first the one that
   * followed the previous row's metric last time); returns the offset after it, -1 for
   * anything else. A name not seen yet (or cut by the buffer's end) is left to `record`,
   * which learns it: a path taken once per name is not part of the optimised loop
   * (docs/performance.md, "Eighth round").
   */
  private readMetric(b: Buffer, view: DataView, p: number, limit: number, at: number): number {
    const lastMetric = this.lastMetric;
    const found = this.knownMetric(b, view, p, limit, lastMetric < 0 ? 0 : this.successors[lastMetric]);
    if (found < 0) return -1;
    this.batchMetrics[at] = this.metricIds[found];
    if (lastMetric >= 0) this.successors[lastMetric] = found;
    this.lastMetric = found;
    return p + this.metricBytes[found].length;
  }

  /**
   * The index of the known metric spelling at p followed by a delimiter, trying them from
   * `from` on (the one that followed the previous row's metric last time); -1 when none is.
   */
  private knownMetric(b: Buffer, view: DataView, p: number, limit: number, from: number): number {
    const names = this.metricBytes;
    const n = names.length;
    // A found name ends the loop through its condition, not a return, and the delimiter is
    // one table lookup: every row then runs the loop's whole step, so none of it is left
    // without type feedback when V8 optimises the loop (running such code later throws the
    // optimised code away: docs/performance.md, "Eighth round").
    let found = -1;
    let i = from;
    for (let tried = 0; found < 0 && tried < n; tried++) {
      const candidate = i;
      if (++i === n) i = 0;
      const name = names[candidate];
      const length = name.length;
      if (p + length >= limit) continue;
      // The delimiter first (names differ in length more often than not), then 32-bit words.
      if (DELIMITER[b[p + length]] === 0) continue;
      const wide = this.metricWide[candidate];
      if (wide.length > 0) {
        // 8 bytes per compare, the last word ending with the name (wideWords).
        const lastWord = wide.length - 1;
        let k = 0;
        while (k < lastWord && view.getFloat64(p + 8 * k, true) === wide[k]) k++;
        if (k < lastWord || view.getFloat64(p + length - 8, true) !== wide[lastWord]) continue;
      } else {
        const words = this.metricWords[candidate];
        let k = 0;
        while (k < words.length && view.getInt32(p + 4 * k, true) === words[k]) k++;
        if (k < words.length) continue;
        k *= 4;
        while (k < length && b[p + k] === name[k]) k++;
        if (k < length) continue;
      }
      found = candidate;
    }
    return found;
  }

  /**
   * The value at p into the batch at `at`: digits[.digits] with at most 15 significant digits
   * (exact), else the general reader; returns the offset after it, -1 when it is not a number.
   */
  private readValue(b: Buffer, p: number, limit: number, at: number): number {
    let mantissa = 0;
    let digits = 0;
    let scale = 1;
    let c = 0;
    const first = p;
    while (p < limit && (c = b[p]) >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      p++;
    }
    if (c === DOT) {
      p++;
      while (p < limit && (c = b[p]) >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        scale *= 10;
        digits++;
        p++;
      }
    }
    // The buffer ends inside the record: `fastRun` leaves it to `record` whatever the value is.
    if (p >= limit) return -1;
    if (digits > 0 && digits <= 15 && c !== 0x65 && c !== 0x45) {
      this.batchValues[at] = scale === 1 ? mantissa : mantissa / scale;
      return p;
    }
    const value = scanDecimal(b, first, limit);
    if (value !== value) return -1;
    this.batchValues[at] = value;
    return scanned;
  }

  // The seconds read by `seconds`: whole milliseconds, and a fraction of a millisecond apart.
  private secondsMs = 0;
  private fractionMs = 0;

  /**
   * `:ss[.f…]` at p (p at the colon) in any shape but the fast loop's `:ss.mmm` word: sets
   * secondsMs and fractionMs; returns the offset after it, -1 for another shape. Kept apart
   * from `local` so that the fast loop adds them to it in the same order as ever.
   */
  private seconds(b: Buffer, p: number, limit: number): number {
    const d1 = b[p + 1] - 0x30;
    const d2 = b[p + 2] - 0x30;
    if (!(d1 >= 0 && d1 <= 5 && d2 >= 0 && d2 <= 9)) return -1;
    let ms = (d1 * 10 + d2) * 1000;
    let fractionMs = 0;
    p += 3;
    let c = b[p];
    // Milliseconds (three digits), the common fraction; any other goes digit by digit.
    const f1 = b[p + 1] - 0x30;
    const f2 = b[p + 2] - 0x30;
    const f3 = b[p + 3] - 0x30;
    const after = b[p + 4];
    if (c === DOT && f1 >= 0 && f1 <= 9 && f2 >= 0 && f2 <= 9 && f3 >= 0 && f3 <= 9 && !(after >= 0x30 && after <= 0x39)) {
      ms += f1 * 100 + f2 * 10 + f3;
      p += 4;
    } else if (c === DOT) {
      p++;
      let fraction = 0;
      let scale = 1;
      while (p < limit && (c = b[p]) >= 0x30 && c <= 0x39 && scale < 1e15) {
        fraction = fraction * 10 + (c - 0x30);
        scale *= 10;
        p++;
      }
      if (scale === 1 || (c >= 0x30 && c <= 0x39)) return -1;
      fractionMs = scale === 1000 ? fraction : (fraction * 1000) / scale;
    }
    this.secondsMs = ms;
    this.fractionMs = fractionMs;
    return p;
  }

  /** Hands the fast path's batched rows to the sink (the first on `firstLine`); a row it does not accept is an error at its line. */
  private handOver(count: number, firstLine: number): void {
    const sink = this.sink;
    let rejection: RowRejection | undefined;
    if (sink.addRows !== undefined) {
      rejection = sink.addRows(this.batchMetrics, this.batchTimes, this.batchValues, count);
    } else {
      for (let row = 0; row < count && rejection === undefined; row++) {
        const reason = sink.add(this.batchMetrics[row], this.batchTimes[row], this.batchValues[row]);
        if (reason !== undefined) rejection = { row, reason };
      }
    }
    if (rejection !== undefined) {
      this.line = firstLine + rejection.row;
      this.fail(this.line, rejection.reason);
    }
  }

  /**
   * One record at p, any shape: quoted fields (with "" and line breaks), padding, blank
   * lines, errors. Returns the next record's offset, or -1 when the record is not complete
   * in the buffer. Sets `counted` when the record was a row (not a blank line).
   */
  private record(b: Buffer, p: number, limit: number, eof: boolean): number {
    const tsColumn = this.timestampColumn;
    const metricColumn = this.metricColumn;
    const valueColumn = this.valueColumn;
    const recordLine = this.line;
    let line = recordLine;
    let column = 0;
    let tsStart = 0;
    let tsEnd = 0;
    let metricStart = 0;
    let metricEnd = 0;
    let metricEscaped = false;
    let valueStart = 0;
    let valueEnd = 0;
    let blank = false;
    const recordStart = p;
    const labels = this.labelFields;
    labels.length = 0;
    this.counted = false;
    for (;;) {
      let fieldStart = p;
      let fieldEnd: number;
      let escaped = false;
      if (p < limit && b[p] === QUOTE) {
        // Quoted field: "" is a quote; line breaks are part of the field.
        fieldStart = p + 1;
        let q = fieldStart;
        for (;;) {
          while (q < limit && b[q] !== QUOTE) {
            if (b[q] === LF) line++;
            q++;
          }
          if (q + 1 >= limit) {
            if (!eof) return -1;
            if (q >= limit) this.fail(recordLine, this.text.t('csv.unclosedQuote'));
            break; // the closing quote is the last byte of the file
          }
          if (b[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        fieldEnd = q;
        p = q + 1;
        if (p < limit && b[p] === CR) {
          if (p + 1 < limit) {
            if (b[p + 1] === LF) p++;
          } else if (!eof) {
            return -1;
          } else {
            p++;
          }
        }
        if (p < limit && b[p] !== COMMA && b[p] !== LF) {
          this.fail(line, this.text.t('csv.afterQuote', { character: JSON.stringify(String.fromCharCode(b[p])) }));
        }
      } else {
        let c = 0;
        while (p < limit && (c = b[p]) !== COMMA && c !== LF) {
          // RFC 4180: a field holding a quote must be quoted (and the quote doubled).
          if (c === QUOTE) this.fail(line, this.text.t('csv.quoteInField'));
          p++;
        }
        if (p >= limit && !eof) return -1;
        fieldEnd = p;
        if (fieldEnd > fieldStart && b[fieldEnd - 1] === CR) fieldEnd--;
      }
      if (column === 0) blank = fieldEnd === fieldStart && b[recordStart] !== QUOTE;
      if (column === tsColumn) {
        tsStart = fieldStart;
        tsEnd = fieldEnd;
      } else if (column === metricColumn) {
        metricStart = fieldStart;
        metricEnd = fieldEnd;
        metricEscaped = escaped;
      } else if (column === valueColumn) {
        valueStart = fieldStart;
        valueEnd = fieldEnd;
      } else {
        labels.push(column, fieldStart, fieldEnd, escaped ? 1 : 0);
      }
      column++;
      if (p >= limit) break;
      if (b[p] === COMMA) {
        p++;
        continue;
      }
      p++; // LF
      line++;
      break;
    }
    this.line = line;
    if (column === 1 && blank) return p; // a blank line holds no row
    if (column <= this.lastColumn) this.missingColumn(recordLine, column);

    // Trim spaces and tabs around the three fields.
    while (tsStart < tsEnd && (b[tsStart] === SPACE || b[tsStart] === TAB)) tsStart++;
    while (tsEnd > tsStart && (b[tsEnd - 1] === SPACE || b[tsEnd - 1] === TAB)) tsEnd--;
    while (valueStart < valueEnd && (b[valueStart] === SPACE || b[valueStart] === TAB)) valueStart++;
    while (valueEnd > valueStart && (b[valueEnd - 1] === SPACE || b[valueEnd - 1] === TAB)) valueEnd--;

    const timestamp = this.timestamps.read(b, tsStart, tsEnd);
    if (timestamp !== timestamp) this.fail(recordLine, describeBadTimestamp(b.toString('utf8', tsStart, tsEnd), this.text.locale));
    const value = parseDecimal(b, valueStart, valueEnd);
    if (value !== value) this.badValue(recordLine, b.toString('utf8', valueStart, valueEnd));
    // After the fields' own checks, which name a stray byte (a bare CR) more precisely.
    if (column > this.columns) this.fail(recordLine, this.text.t('csv.moreFields', { fields: column, columns: this.columns }));
    const metric = this.findMetric(b, metricStart, metricEnd, metricEscaped, recordLine);
    const series = metric >= 0 && this.seriesMetrics[metric] === 1 ? this.seriesOf(b, metric) : undefined;
    const rejected = this.sink.add(metric, timestamp, value, series);
    if (rejected !== undefined) this.fail(recordLine, rejected);
    this.counted = true;
    return p;
  }

  /** The series of the record just read: its metric and the values of the other columns (LANGUAGE.md §5 1.1). */
  private seriesOf(b: Buffer, metric: number): string {
    const labels: [string, string][] = [];
    const fields = this.labelFields;
    for (let i = 0; i < fields.length; i += 4) {
      const column = fields[i];
      let text = b.toString('utf8', fields[i + 1], fields[i + 2]);
      if (fields[i + 3] === 1) text = text.replace(/""/g, '"');
      labels.push([this.columnNames?.[column] ?? `column ${column + 1}`, text.trim()]);
    }
    return seriesName(this.seriesNames[metric], labels);
  }

  private findMetric(b: Buffer, start: number, end: number, escaped: boolean, line: number): number {
    const length = end - start;
    if (!escaped) {
      const known = this.metricBytes;
      for (let i = 0; i < known.length; i++) {
        if (sameBytes(b, start, length, known[i])) {
          this.lastMetric = i;
          return this.metricIds[i];
        }
      }
    }
    let name = b.toString('utf8', start, end);
    if (escaped) name = name.replace(/""/g, '"');
    const trimmed = name.trim();
    if (trimmed === '') this.fail(line, this.text.t('csv.emptyMetric'));
    let id = this.metricByName.get(trimmed);
    if (id === undefined) {
      id = this.sink.metricId(trimmed);
      this.metricByName.set(trimmed, id);
      if (id >= 0 && this.sink.wantsSeries?.(id) === true) {
        this.seriesMetrics[id] = 1;
        this.seriesNames[id] = trimmed;
      }
    }
    // Remember these exact bytes (a bounded number of spellings; beyond that, look up by string).
    if (!escaped && this.metricBytes.length < MAX_SPELLINGS) {
      const bytes = new Uint8Array(b.subarray(start, end));
      this.metricBytes.push(bytes);
      const words = new Int32Array(bytes.length >> 2);
      const view = new DataView(bytes.buffer);
      for (let k = 0; k < words.length; k++) words[k] = view.getInt32(4 * k, true);
      this.metricWords.push(words);
      this.metricWide.push(wideWords(bytes));
      this.metricIds.push(id);
      this.lastMetric = this.metricBytes.length - 1;
    }
    return id;
  }

  private missingColumn(line: number, fields: number): never {
    const names = ['timestamp', 'metric', 'value'];
    const columns = [this.timestampColumn, this.metricColumn, this.valueColumn];
    const missing = names.filter((_, i) => columns[i] >= fields);
    const id = missing.length > 1 ? (fields === 1 ? 'csv.missingColumnsOneField' : 'csv.missingColumns') : fields === 1 ? 'csv.missingColumnOneField' : 'csv.missingColumn';
    this.fail(line, this.text.t(id, { names: missing.map((m) => `\`${m}\``).join(', '), fields, columns: this.columns }));
  }

  private badValue(line: number, text: string): never {
    if (text === '') this.fail(line, this.text.t('csv.emptyValue'));
    const value = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) this.fail(line, this.text.t('csv.notFinite', { value }));
    this.fail(line, this.text.t('csv.notANumber', { value }));
  }

  /** A quoted field starting at `p` (header only); undefined when it is not complete in the buffer. */
  private quoted(b: Buffer, p: number, limit: number, eof: boolean): { text: string; next: number } | undefined {
    let q = p + 1;
    let text = '';
    let from = q;
    for (;;) {
      while (q < limit && b[q] !== QUOTE) q++;
      if (q + 1 >= limit && !eof) return undefined;
      if (q >= limit) this.fail(this.line, this.text.t('csv.unclosedQuote'));
      if (b[q + 1] === QUOTE) {
        text += b.toString('utf8', from, q + 1);
        q += 2;
        from = q;
        continue;
      }
      text += b.toString('utf8', from, q);
      const next = q + 1;
      if (next < limit && b[next] !== COMMA && b[next] !== LF && b[next] !== CR) {
        this.fail(this.line, this.text.t('csv.headerAfterQuote'));
      }
      return { text, next };
    }
  }
}

/** The offset of a zone designator `±HH:MM` at p (p at the sign) in milliseconds, NaN when it is anything else. */
function zoneOffset(b: Buffer, p: number, limit: number): number {
  const h1 = b[p + 1] - 0x30;
  const h2 = b[p + 2] - 0x30;
  const m1 = b[p + 4] - 0x30;
  const m2 = b[p + 5] - 0x30;
  if (
    p + 6 > limit ||
    b[p + 3] !== COLON ||
    !(h1 >= 0 && h1 <= 2 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9) ||
    h1 * 10 + h2 > 23
  ) {
    return NaN;
  }
  return ((h1 * 10 + h2) * 60 + m1 * 10 + m2) * 60_000;
}

function sameBytes(b: Uint8Array, start: number, length: number, known: Uint8Array): boolean {
  if (known.length !== length) return false;
  for (let i = 0; i < length; i++) if (b[start + i] !== known[i]) return false;
  return true;
}

/**
 * A name of 8 bytes or more as 64-bit little-endian words read as doubles: at 0, 8, … below
 * length − 8, and the last at length − 8 (overlapping the one before it), so ⌈length / 8⌉
 * compares cover every byte. Doubles compare equal exactly when their bits are equal, except
 * NaN (never equal) and ±0 (equal across two bit patterns): a name with such a word gets no
 * wide words (empty) and is compared by 32-bit words instead.
 */
export function wideWords(name: Uint8Array): Float64Array {
  const length = name.length;
  if (length < 8) return new Float64Array(0);
  const view = new DataView(name.buffer, name.byteOffset, length);
  const words = new Float64Array(Math.ceil(length / 8));
  for (let k = 0; k < words.length; k++) {
    const word = view.getFloat64(k === words.length - 1 ? length - 8 : 8 * k, true);
    if (word !== word || word === 0) return new Float64Array(0);
    words[k] = word;
  }
  return words;
}
