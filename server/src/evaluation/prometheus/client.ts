// The HTTP side of a Prometheus server (or anything with its query API: Thanos, Mimir,
// VictoriaMetrics): instant queries sent as POST forms, a timeout per request, a bearer
// token or other headers, a limit on requests in flight, and errors that say what went
// wrong in the user's terms (connection refused, no answer in time, the server's own error
// text). Every request is logged for `--explain`. Hostile or broken servers: answers are
// read up to a size limit; redirects are followed within the same origin only (the
// token and headers never go to another host); a partial answer is an error and the
// server's warnings and infos are kept for the report.
import { EvaluationAborted, EvaluationError } from '../errors';
import { Limiter } from './limiter';
import { redactUrl } from '../../text/redact';
import type { Answer, QueryCache, RawAnswer } from './queryCache';
import { messages, type Locale, type Messages } from '../../l10n/index';

type Say = Messages['t'];

export interface PrometheusConnection {
  /** Base address, `http(s)://host:port` with an optional path prefix (`…/prometheus`). */
  url: string;
  /** Sent as `Authorization: Bearer …` unless `headers` set Authorization themselves. */
  token?: string;
  /** Extra request headers (`X-Scope-OrgID` for Mimir, a proxy's auth). */
  headers?: Record<string, string>;
  /** Per request, in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
  /** The largest answer body read, in bytes; default 64 MiB. */
  maxAnswerBytes?: number;
  /** Answers shared with other clients of the same server and credentials (a portfolio of contracts). */
  cache?: QueryCache;
  /** The language of messages. */
  locale?: Locale;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** Redirects followed (same origin only) before giving up. */
const MAX_REDIRECTS = 5;
/** PromQL of this many first queries is kept for `--explain`, each up to LOGGED_LENGTH characters. */
const LOGGED_QUERIES = 5;
const LOGGED_LENGTH = 2000;
/** Of an error response, this much is read for the message. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** A request Prometheus refused: HTTP status and its own error text. */
export class PrometheusHttpError extends EvaluationError {
  readonly status: number;
  constructor(reason: string, source: string, status: number) {
    super(reason, source);
    this.name = 'EvaluationError';
    this.status = status;
  }
}

export interface QueryLog {
  count: number;
  bytes: number;
  first: string[];
}


/** Reads a streamed answer body; returns the notes it found beside the data (`warnings`, `infos`), which queryStream passes on. */
export type StreamReader = (chunks: AsyncIterable<Uint8Array>) => Promise<string[]>;

export class PrometheusClient {
  /** `Prometheus at URL`, what messages call the server. */
  readonly name: string;
  readonly address: string;
  readonly timeoutMs: number;
  readonly maxAnswerBytes: number;
  readonly log: QueryLog = { count: 0, bytes: 0, first: [] };
  /** Warnings and infos the server sent with its answers (partial data and the like). */
  readonly warnings = new Set<string>();
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly limiter: Limiter;
  private readonly cache: QueryCache | undefined;
  /** What answers are shared under: the address and everything sent with each request. */
  private readonly cacheScope: string;
  private readonly t: Say;

  constructor(connection: PrometheusConnection) {
    const t = messages(connection.locale).t;
    this.t = t;
    this.address = checkAddress(connection.url, t);
    this.base = this.address.replace(/\/+$/, '');
    this.name = `Prometheus at ${this.address}`;
    const timeout = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeout > 0)) throw new EvaluationError(t('prometheus.badTimeout', { timeout }));
    this.timeoutMs = timeout;
    const concurrency = connection.concurrency ?? DEFAULT_CONCURRENCY;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
      throw new EvaluationError(t('prometheus.badConcurrency', { concurrency }));
    }
    const maxAnswerBytes = connection.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    if (!(Number.isInteger(maxAnswerBytes) && maxAnswerBytes >= 1024)) {
      throw new EvaluationError(t('prometheus.badAnswerSize', { size: maxAnswerBytes }));
    }
    this.maxAnswerBytes = maxAnswerBytes;
    this.limiter = new Limiter(concurrency);
    this.headers = { Accept: 'application/json' };
    const extra = connection.headers ?? {};
    const hasAuthorization = Object.keys(extra).some((k) => k.toLowerCase() === 'authorization');
    if (connection.token && !hasAuthorization) this.headers.Authorization = `Bearer ${connection.token}`;
    for (const [name, value] of Object.entries(extra)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new EvaluationError(t('prometheus.badHeaderName', { name: JSON.stringify(name) }));
      this.headers[name] = value;
    }
    this.cache = connection.cache;
    this.cacheScope = JSON.stringify([this.base, Object.entries(this.headers).sort(), this.timeoutMs]);
  }

  /**
   * An instant query whose result is small: the parsed `data` of the answer. `time` (PromQL
   * seconds) is the evaluation time; without it the server's now. Identical queries are
   * answered from the shared cache, when there is one.
   */
  async query(promql: string, signal?: AbortSignal, time?: string): Promise<PrometheusData> {
    const form: Record<string, string> = time === undefined ? { query: promql } : { query: promql, time };
    const answer = await this.cached('api/v1/query', form, () =>
      this.limiter.run(() => this.request('api/v1/query', form, promql, signal, (response, fail) => this.readAnswer(response, promql, fail))),
    );
    return this.take(answer);
  }

  /**
   * An instant query whose result may be large (raw samples), at evaluation time `time`
   * (PromQL seconds): its body is handed over as a stream of chunks, read while it arrives,
   * at most the answer size limit.
   */
  async queryStream(promql: string, time: string, read: StreamReader, signal?: AbortSignal): Promise<string[]> {
    return this.limiter.run(() =>
      this.request('api/v1/query', { query: promql, time }, promql, signal, (response, fail) => {
        const body = response.body;
        return read(body ? this.limited(body as AsyncIterable<Uint8Array>, promql, fail) : emptyChunks());
      }),
    );
  }

  /** Raw samples loaded by `load` (with queryStream), shared through the cache under the query and its time. */
  async rawSamples(promql: string, time: string, load: () => Promise<RawAnswer>, kind: 'raw' | 'series' = 'raw'): Promise<RawAnswer> {
    const answer = this.cache ? await this.cache.samples(JSON.stringify([this.cacheScope, kind, promql, time]), load) : await load();
    for (const note of answer.notes) this.warnings.add(note);
    return answer;
  }

  /** Whether a series selector matches any series with samples in [start, end] (PromQL seconds). */
  async matchesSeries(selector: string, start: string, end: string, signal?: AbortSignal): Promise<boolean> {
    const form = { 'match[]': selector, start, end, limit: '1' };
    const what = `series ${selector}`;
    const answer = await this.cached('api/v1/series', form, () =>
      this.limiter.run(() => this.request('api/v1/series', form, what, signal, (response, fail) => this.readAnswer(response, what, fail))),
    );
    const data = this.take(answer);
    return Array.isArray(data) && data.length > 0;
  }

  /** (1.1) The values of a label (`__name__`: the metric names) on series with samples in [start, end] (PromQL seconds); a GET, as Prometheus serves this path. */
  async labelValues(label: string, start: string, end: string, signal?: AbortSignal): Promise<string[]> {
    const form = { start, end };
    const path = `api/v1/label/${encodeURIComponent(label)}/values`;
    const what = `values of label ${label}`;
    const answer = await this.cached(path, form, () =>
      this.limiter.run(() => this.request(path, form, what, signal, (response, fail) => this.readAnswer(response, what, fail), 'GET')),
    );
    const data = this.take(answer);
    return Array.isArray(data) ? data.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Shares the answer through the cache, when there is one. */
  private cached(path: string, form: Record<string, string>, load: () => Promise<Answer>): Promise<Answer> {
    if (!this.cache) return load();
    return this.cache.answer(JSON.stringify([this.cacheScope, path, form]), load);
  }

  private take(answer: Answer): PrometheusData {
    for (const note of answer.notes) this.warnings.add(note);
    return answer.data;
  }

  private async readAnswer(response: Response, what: string, fail: (error: unknown) => never): Promise<Answer> {
    const parts: Uint8Array[] = [];
    if (response.body) for await (const chunk of this.limited(response.body as AsyncIterable<Uint8Array>, what, fail)) parts.push(chunk);
    return this.unwrap(Buffer.concat(parts));
  }

  /** The chunks of a body, counted in the log, failing once they pass the size limit. */
  private async *limited(body: AsyncIterable<Uint8Array>, what: string, fail: (error: unknown) => never): AsyncGenerator<Uint8Array> {
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.byteLength;
        this.log.bytes += chunk.byteLength;
        if (size > this.maxAnswerBytes) throw this.tooLarge(what);
        yield chunk;
      }
    } catch (error) {
      fail(error);
    }
  }

  private tooLarge(what: string): EvaluationError {
    return new EvaluationError(this.t('prometheus.tooLarge', { query: shorten(what), limit: formatBytes(this.maxAnswerBytes) }), this.name);
  }

  /**
   * One POST request with the timeout and the user's signal; `use` reads the answer
   * (given only when it is a 2xx) and calls `fail` with anything thrown while reading.
   * Redirects within the same origin are followed (307/308 keep the POST, 301/302/303
   * become a GET with the form in the address, as browsers do); a redirect to another
   * origin is refused, so that the token and headers go nowhere else.
   */
  private async request<T>(
    path: string,
    form: Record<string, string>,
    what: string,
    signal: AbortSignal | undefined,
    use: (response: Response, fail: (error: unknown) => never) => Promise<T>,
    firstMethod: 'POST' | 'GET' = 'POST',
  ): Promise<T> {
    if (signal?.aborted) throw new EvaluationAborted();
    this.log.count++;
    if (this.log.first.length < LOGGED_QUERIES) {
      this.log.first.push(what.length > LOGGED_LENGTH ? `${what.slice(0, LOGGED_LENGTH)}… (${what.length} characters)` : what);
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const fail = (error: unknown): never => {
      if (error instanceof EvaluationError || error instanceof EvaluationAborted) throw error;
      if (timeout.aborted) {
        throw new EvaluationError(this.t('prometheus.noAnswer', { limit: seconds(this.timeoutMs) }), this.name);
      }
      if (signal?.aborted) throw new EvaluationAborted();
      throw new EvaluationError(describeNetworkError(error, this.t), this.name);
    };
    const body = new URLSearchParams({ ...form, timeout: `${Math.max(1, Math.ceil(this.timeoutMs / 1000))}s` });
    let url = new URL(`${this.base}/${path}`);
    let method = firstMethod;
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      try {
        response = await fetch(
          method === 'GET' ? `${url.href}${url.search ? '&' : '?'}${body}` : url,
          method === 'POST'
            ? { method, headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body, signal: combined, redirect: 'manual' }
            : { method, headers: this.headers, signal: combined, redirect: 'manual' },
        );
      } catch (error) {
        return fail(error);
      }
      if (![301, 302, 303, 307, 308].includes(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      let target: URL | undefined;
      try {
        target = location ? new URL(location, url) : undefined;
      } catch {
        target = undefined;
      }
      if (!target) throw new EvaluationError(this.t('prometheus.redirectWithoutLocation', { status: response.status, from: shownUrl(url) }), this.name);
      if (target.origin !== url.origin) {
        throw new EvaluationError(this.t('prometheus.redirectElsewhere', { from: shownUrl(url), to: shownUrl(target) }), this.name);
      }
      if (redirects >= MAX_REDIRECTS) throw new EvaluationError(this.t('prometheus.tooManyRedirects', { limit: MAX_REDIRECTS, to: shownUrl(target) }), this.name);
      if (response.status !== 307 && response.status !== 308) method = 'GET';
      url = target;
    }
    if (!response.ok) {
      const text = await readLimited(response).catch(fail);
      this.log.bytes += Buffer.byteLength(text);
      throw new PrometheusHttpError(describeHttpError(response, text, this.t), this.name, response.status);
    }
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (length > this.maxAnswerBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw this.tooLarge(what);
    }
    try {
      return await use(response, fail);
    } catch (error) {
      return fail(error);
    }
  }

  private unwrap(bytes: Uint8Array): Answer {
    let parsed: { status?: unknown; data?: unknown; error?: unknown; errorType?: unknown; warnings?: unknown; infos?: unknown; isPartial?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new EvaluationError(this.t('prometheus.notJson', { start: snippet(new TextDecoder().decode(bytes.subarray(0, 400))) }), this.name);
    }
    if (parsed.status !== 'success') {
      const detail = [parsed.errorType, parsed.error].filter((x) => typeof x === 'string' && x !== '').join(': ');
      const status = JSON.stringify(parsed.status);
      throw new EvaluationError(detail ? this.t('prometheus.failedStatusDetail', { status, detail }) : this.t('prometheus.failedStatus', { status }), this.name);
    }
    if (parsed.isPartial === true) throw new EvaluationError(this.t('prometheus.partialAnswer'), this.name);
    return { data: parsed.data as PrometheusData, notes: answerNotes(parsed, this.t) };
  }
}

/** The `warnings` and `infos` of an answer, as the report's warnings. */
export function answerNotes(parsed: { warnings?: unknown; infos?: unknown }, t: Say): string[] {
  const notes: string[] = [];
  if (Array.isArray(parsed.warnings)) for (const w of parsed.warnings) if (typeof w === 'string') notes.push(t('prometheus.serverWarns', { text: w }));
  if (Array.isArray(parsed.infos)) for (const i of parsed.infos) if (typeof i === 'string') notes.push(t('prometheus.serverNotes', { text: i }));
  return notes;
}

/** `data` of a Prometheus answer: for a query `{resultType, result}`, for /series an array. */
export type PrometheusData = unknown;

/** The address as given, checked: http or https, no query or fragment. */
function checkAddress(url: string, t: Say): string {
  const trimmed = url.trim();
  const quoted = JSON.stringify(redactUrl(url));
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new EvaluationError(t('prometheus.address.unparsable', { address: quoted }));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EvaluationError(t('prometheus.address.scheme', { address: quoted }));
  }
  if (parsed.search || parsed.hash) {
    throw new EvaluationError(t('prometheus.address.query', { address: quoted }));
  }
  if (parsed.username || parsed.password) {
    throw new EvaluationError(t('prometheus.address.credentials', { address: quoted }));
  }
  return trimmed;
}

function describeNetworkError(error: unknown, t: Say): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return t('prometheus.net.refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t('prometheus.net.unknownHost');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return t('prometheus.net.closed');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return t('prometheus.net.unreachable');
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return t('prometheus.net.connectTimeout');
    default: {
      const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
      return t('prometheus.net.failed', { message });
    }
  }
}

function describeHttpError(response: Response, text: string, t: Say): string {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  let detail: string | undefined;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; errorType?: unknown };
    if (typeof parsed.error === 'string') {
      detail = [parsed.errorType, parsed.error].filter((x) => typeof x === 'string' && x !== '').join(': ');
    }
  } catch {
    detail = undefined;
  }
  detail ??= snippet(text);
  const hint =
    response.status === 401 || response.status === 403
      ? t('prometheus.http.hintCredentials')
      : response.status === 404
        ? t('prometheus.http.hintPath')
        : '';
  return `HTTP ${status}${detail ? `: ${detail}` : ''}${hint}`;
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    parts.push(chunk);
    size += chunk.byteLength;
    if (size >= ERROR_BODY_LIMIT) break;
  }
  return new TextDecoder().decode(Buffer.concat(parts).subarray(0, ERROR_BODY_LIMIT));
}

/** A URL for messages: without credentials, query or fragment. */
function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function shorten(what: string): string {
  return what.length > 200 ? `${what.slice(0, 200)}…` : what;
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024 * 1024) === 0) return `${bytes / (1024 * 1024 * 1024)} GiB`;
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function snippet(text: string): string {
  const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

async function* emptyChunks(): AsyncGenerator<Uint8Array> {}
