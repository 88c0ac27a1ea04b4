// Prometheus HTTP API responses (LANGUAGE.md section 5): the body of `/api/v1/query_range`
// (matrix) or `/api/v1/query` (vector or matrix). The metric name is the `__name__` label;
// a sample is `[unix_seconds, "value"]`. Streamed through the JSON tokenizer: series are
// passed on as they are read; only a series whose `metric` comes after its values (legal
// JSON, not what Prometheus writes) is held until its end.
import type { FileHandle } from 'node:fs/promises';
import { fileErrorReason, openRegularFile } from '../../files/regularFile';
import { EvaluationAborted, EvaluationError } from '../errors';
import { parseDecimal } from '../numbers';
import { TimestampReader, describeBadTimestamp } from '../timestamps';
import { seriesName, type SampleSink, type SampleSource } from '../ports';
import { type JsonHandler, JsonSyntaxError, JsonTokenizer, decodeJsonString } from './jsonTokens';
import { messages, type Messages } from '../../l10n/index';

const CHUNK = 1 << 20;

export class PrometheusJsonSource implements SampleSource {
  readonly name: string;
  private readonly path: string;

  constructor(path: string, name = path) {
    this.path = path;
    this.name = name;
  }

  async read(sink: SampleSink, signal?: AbortSignal): Promise<void> {
    let handle: FileHandle;
    try {
      handle = await openRegularFile(this.path);
    } catch (e) {
      throw new EvaluationError(messages(sink.locale).t('metrics.cannotOpen', { reason: fileErrorReason(e, sink.locale) }), this.name);
    }
    try {
      await readPrometheusJson(fileChunks(handle), this.name, sink, signal);
    } finally {
      await handle.close();
    }
  }
}

async function* fileChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** What an answer said beside its samples (a live server's caller checks these). */
export interface PrometheusAnswerInfo {
  resultType: string | undefined;
  /** `warnings` and `infos`, in order. */
  warnings: string[];
  infos: string[];
  /** VictoriaMetrics' `"isPartial": true`. */
  partial: boolean;
}

/**
 * Streams a Prometheus API response body, given as chunks of bytes (a file, an HTTP
 * response body), into the sink. `name` is what messages call the source. Rejects with an
 * EvaluationError naming the line and the reason on the first unreadable part.
 */
export async function readPrometheusJson(
  chunks: AsyncIterable<Uint8Array>,
  name: string,
  sink: SampleSink,
  signal?: AbortSignal,
): Promise<PrometheusAnswerInfo> {
  const { t } = messages(sink.locale);
  const reader = new PrometheusReader(sink, name, t);
  const tokenizer = new JsonTokenizer(reader, t);
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  const skipBom = (b: Buffer) => (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
  try {
    for await (const chunk of chunks) {
      if (signal?.aborted) throw new EvaluationAborted(sink.locale);
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const buffer = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      let start = 0;
      if (first) {
        if (buffer.length < 3) {
          carry = Buffer.from(buffer);
          continue;
        }
        start = skipBom(buffer);
        first = false;
      }
      const stop = tokenizer.feed(buffer, start, buffer.length, false);
      // Copy the unfinished token: the producer may reuse its chunk.
      carry = Buffer.from(buffer.subarray(stop));
      reader.flushProgress();
    }
    tokenizer.feed(carry, first ? skipBom(carry) : 0, carry.length, true);
    reader.flushProgress();
    reader.finish(tokenizer.line);
    return reader.info;
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new EvaluationError(e.message, name, e.line);
    if (e instanceof EvaluationError || e instanceof EvaluationAborted) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code) throw new EvaluationError(t('metrics.cannotRead', { reason: err.message }), name);
    throw new EvaluationError(err.message, name, tokenizer.line);
  }
}

/** What a JSON container means in a Prometheus response. */
const enum Role {
  Ignored,
  Root,
  Data,
  Result,
  Series,
  Labels,
  Values, // `values`: an array of pairs
  Pair, // `[time, "value"]`
  Notes, // root `warnings` or `infos`: strings
}

interface Frame {
  role: Role;
  key: string; // last key read, for objects
}

class PrometheusReader implements JsonHandler {
  private readonly sink: SampleSink;
  private readonly file: string;
  private readonly timestamps: TimestampReader;
  private readonly frames: Frame[] = [];
  private status: string | undefined;
  private error: string | undefined;
  private errorType: string | undefined;
  private resultType: string | undefined;
  private sawResult = false;
  // The series being read.
  private seriesName: string | undefined;
  private labelsDone = false;
  private seriesMetric = -1;
  /** (1.1) The series' labels other than `__name__`, and its name once asked for. */
  private seriesLabels: [string, string][] = [];
  private seriesKey: string | undefined;
  private held: { timestamp: number; value: number; line: number }[] = [];
  // The pair being read.
  private pairItems = 0;
  private pairTimestamp = NaN;
  private pairValue = NaN;
  private pairLine = 0;
  private rows = 0;
  readonly info: PrometheusAnswerInfo = { resultType: undefined, warnings: [], infos: [], partial: false };
  private readonly t: Messages['t'];

  constructor(sink: SampleSink, file: string, t: Messages['t']) {
    this.sink = sink;
    this.file = file;
    this.t = t;
    this.timestamps = new TimestampReader(sink.zone);
  }

  flushProgress(): void {
    if (this.rows > 0) this.sink.rowsRead(this.rows);
    this.rows = 0;
  }

  finish(line: number): void {
    if (this.status === undefined) {
      this.fail(line, this.t('promJson.noStatus'));
    }
    if (!this.sawResult) this.fail(line, this.t('promJson.noResult'));
  }

  startObject(line: number): void {
    const parent = this.frames[this.frames.length - 1];
    let role = Role.Ignored;
    if (!parent) role = Role.Root;
    else if (parent.role === Role.Root && parent.key === 'data') role = Role.Data;
    else if (parent.role === Role.Result) role = Role.Series;
    else if (parent.role === Role.Series && parent.key === 'metric') role = Role.Labels;
    else if (parent.role === Role.Pair || parent.role === Role.Values) this.fail(line, this.t('promJson.objectInSample'));
    else this.notSamples(parent, line, 'json.anObject');
    if (role === Role.Series) {
      this.seriesName = undefined;
      this.labelsDone = false;
      this.seriesMetric = -1;
      this.seriesLabels = [];
      this.seriesKey = undefined;
      this.held.length = 0;
    }
    this.frames.push({ role, key: '' });
  }

  endObject(line: number): void {
    const frame = this.frames.pop()!;
    if (frame.role === Role.Labels) {
      this.labelsDone = true;
    } else if (frame.role === Role.Series) {
      if (this.held.length > 0) {
        const metric = this.requireMetric(line);
        for (const s of this.held) this.deliver(metric, s.timestamp, s.value, s.line);
        this.held.length = 0;
      }
    } else if (frame.role === Role.Root) {
      if (this.status !== undefined && this.status !== 'success') {
        const detail = [this.errorType, this.error].filter((x) => x).join(': ');
        this.fail(line, detail ? this.t('promJson.statusDetail', { status: this.status, detail }) : this.t('promJson.status', { status: this.status }));
      }
    }
  }

  startArray(line: number): void {
    const parent = this.frames[this.frames.length - 1];
    let role = Role.Ignored;
    if (!parent) this.fail(line, this.t('promJson.array'));
    if (parent.role === Role.Root && (parent.key === 'warnings' || parent.key === 'infos')) {
      role = Role.Notes;
    } else if (parent.role === Role.Data && parent.key === 'result') {
      role = Role.Result;
      this.sawResult = true;
    } else if (parent.role === Role.Series && parent.key === 'values') role = Role.Values;
    else if (parent.role === Role.Series && parent.key === 'value') role = Role.Pair;
    else if (parent.role === Role.Values) role = Role.Pair;
    else if (parent.role === Role.Result) this.failResultItem(line);
    else if (parent.role === Role.Pair) this.fail(line, this.t('promJson.nestedArray'));
    if (role === Role.Pair) {
      this.pairItems = 0;
      this.pairLine = line;
    }
    this.frames.push({ role, key: '' });
  }

  endArray(line: number): void {
    const frame = this.frames.pop()!;
    if (frame.role !== Role.Pair) return;
    if (this.pairItems !== 2) {
      this.fail(this.pairLine, this.pairItems === 1 ? this.t('promJson.pairItems.one') : this.t('promJson.pairItems.other', { count: this.pairItems }));
    }
    this.rows++;
    if (this.labelsDone) {
      this.deliver(this.requireMetric(this.pairLine), this.pairTimestamp, this.pairValue, this.pairLine);
    } else {
      this.held.push({ timestamp: this.pairTimestamp, value: this.pairValue, line: this.pairLine });
    }
  }

  key(b: Uint8Array, start: number, end: number, escaped: boolean, line: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame.role === Role.Ignored || frame.role === Role.Pair) return;
    frame.key = this.decode(b, start, end, escaped, line);
    if (frame.role === Role.Series && (frame.key === 'histogram' || frame.key === 'histograms')) {
      this.fail(line, this.t('promJson.histogram'));
    }
  }

  string(b: Uint8Array, start: number, end: number, escaped: boolean, line: number): void {
    const frame = this.frames[this.frames.length - 1];
    switch (frame.role) {
      case Role.Root:
        if (frame.key === 'status') this.status = this.decode(b, start, end, escaped, line);
        else if (frame.key === 'error') this.error = this.decode(b, start, end, escaped, line);
        else if (frame.key === 'errorType') this.errorType = this.decode(b, start, end, escaped, line);
        return;
      case Role.Data:
        if (frame.key === 'resultType') {
          this.resultType = this.decode(b, start, end, escaped, line);
          this.info.resultType = this.resultType;
          if (this.resultType !== 'matrix' && this.resultType !== 'vector') {
            this.fail(line, this.t('promJson.resultType', { type: this.resultType }));
          }
        }
        return;
      case Role.Labels:
        if (frame.key === '__name__') {
          this.seriesName = this.decode(b, start, end, escaped, line);
          if (this.seriesName === '') this.fail(line, this.t('promJson.emptyName'));
          this.seriesMetric = this.sink.metricId(this.seriesName);
        } else {
          this.seriesLabels.push([frame.key, this.decode(b, start, end, escaped, line)]);
        }
        return;
      case Role.Pair:
        if (this.pairItems === 0) {
          const text = this.decode(b, start, end, escaped, line);
          this.pairTimestamp = this.timestamps.readString(text);
          if (this.pairTimestamp !== this.pairTimestamp) this.fail(line, describeBadTimestamp(text, this.sink.locale));
        } else if (this.pairItems === 1) {
          if (escaped) {
            const text = this.decode(b, start, end, escaped, line);
            this.pairValue = NaN;
            this.badValue(line, text);
          }
          this.pairValue = parseDecimal(b, start, end);
          if (this.pairValue !== this.pairValue) this.badValue(line, this.decode(b, start, end, escaped, line));
        }
        this.pairItems++;
        return;
      case Role.Result:
        this.failResultItem(line);
        return;
      case Role.Notes: {
        const parent = this.frames[this.frames.length - 2];
        (parent.key === 'warnings' ? this.info.warnings : this.info.infos).push(this.decode(b, start, end, escaped, line));
        return;
      }
      case Role.Values:
        this.fail(line, this.t('promJson.stringInValues'));
        return;
      case Role.Series:
        this.notSamples(frame, line, 'json.aString');
        return;
      default:
        return;
    }
  }

  number(b: Uint8Array, start: number, end: number, line: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame.role === Role.Pair) {
      if (this.pairItems === 0) {
        this.pairTimestamp = this.timestamps.read(b, start, end);
        if (this.pairTimestamp !== this.pairTimestamp) this.fail(line, describeBadTimestamp(Buffer.from(b.subarray(start, end)).toString('latin1'), this.sink.locale));
      } else if (this.pairItems === 1) {
        this.pairValue = parseDecimal(b, start, end);
        if (this.pairValue !== this.pairValue) this.badValue(line, Buffer.from(b.subarray(start, end)).toString('latin1'));
      }
      this.pairItems++;
    } else if (frame.role === Role.Result) {
      this.failResultItem(line);
    } else if (frame.role === Role.Values) {
      this.fail(line, this.t('promJson.numberInValues'));
    } else {
      this.notSamples(frame, line, 'json.aNumber');
    }
  }

  literal(value: true | false | null, line: number): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame.role === Role.Pair) {
      this.fail(line, this.t(this.pairItems === 0 ? 'promJson.literalForTime' : 'promJson.literalForValue', { literal: String(value) }));
    }
    if (frame.role === Role.Result && value !== null) this.failResultItem(line);
    this.notSamples(frame, line, String(value));
    if (frame.role === Role.Data && frame.key === 'result' && value === null) this.sawResult = true;
    if (frame.role === Role.Root && frame.key === 'isPartial' && value === true) this.info.partial = true;
  }

  private requireMetric(line: number): number {
    if (this.seriesName === undefined) {
      this.fail(line, this.t('promJson.noName'));
    }
    return this.seriesMetric;
  }

  private deliver(metric: number, timestamp: number, value: number, line: number): void {
    const rejected = this.sink.add(metric, timestamp, value, metric >= 0 && this.sink.wantsSeries?.(metric) === true ? this.series() : undefined);
    if (rejected !== undefined) this.fail(line, rejected);
  }

  /** A series' `values`/`value` that is not an array would lose the series without a word. */
  /** `found`: a literal as code (`null`), or the id of its words, looked up only when it fails (hot path). */
  private notSamples(frame: { role: Role; key: string }, line: number, found: string): void {
    if (frame.role === Role.Series && (frame.key === 'values' || frame.key === 'value')) {
      if (found === 'json.anObject' || found === 'json.aString' || found === 'json.aNumber') {
        this.fail(line, this.t('promJson.notSamples', { key: frame.key, found: this.t(found) }));
      }
      this.fail(line, this.t('promJson.notSamplesLiteral', { key: frame.key, literal: found }));
    }
  }

  /** The series being read, named once: labels sorted by name, as Prometheus orders them. */
  private series(): string {
    if (this.seriesKey === undefined) {
      const labels = [...this.seriesLabels].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.seriesKey = seriesName(this.seriesName ?? '', labels);
    }
    return this.seriesKey;
  }

  private failResultItem(line: number): never {
    this.fail(line, this.resultType ? this.t('promJson.notSeriesOfType', { type: this.resultType }) : this.t('promJson.notSeries'));
  }

  private badValue(line: number, text: string): never {
    const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) this.fail(line, this.t('promJson.notFinite', { value: shown }));
    this.fail(line, text === '' ? this.t('promJson.emptyValue') : this.t('promJson.notNumber', { value: shown }));
  }

  private decode(b: Uint8Array, start: number, end: number, escaped: boolean, line: number): string {
    try {
      return decodeJsonString(b, start, end, escaped, this.t);
    } catch (e) {
      this.fail(line, (e as Error).message);
    }
  }

  private fail(line: number, reason: string): never {
    throw new EvaluationError(reason, this.file, line);
  }
}
