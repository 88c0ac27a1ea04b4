// The HTTP side of a Prometheus server (or anything with its query API: Thanos, Mimir,
// VictoriaMetrics): instant queries sent as POST forms, a timeout per request, a bearer
// token or other headers, a limit on requests in flight, and errors that say what went
// wrong in the user's terms (connection refused, no answer in time, the server's own error
// text). Every request is logged for `--explain`.
import { EvaluationAborted, EvaluationError } from '../errors';
import { Limiter } from './limiter';
import { redactUrl } from '../../text/redact';

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
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 4;
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

export class PrometheusClient {
  /** `Prometheus at URL`, what messages call the server. */
  readonly name: string;
  readonly address: string;
  readonly timeoutMs: number;
  readonly log: QueryLog = { count: 0, bytes: 0, first: [] };
  /** Warnings Prometheus sent with its answers (partial data and the like). */
  readonly warnings = new Set<string>();
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly limiter: Limiter;

  constructor(connection: PrometheusConnection) {
    this.address = checkAddress(connection.url);
    this.base = this.address.replace(/\/+$/, '');
    this.name = `Prometheus at ${this.address}`;
    const timeout = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeout > 0)) throw new EvaluationError(`the timeout must be a positive duration, not ${timeout} ms`);
    this.timeoutMs = timeout;
    const concurrency = connection.concurrency ?? DEFAULT_CONCURRENCY;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
      throw new EvaluationError(`the concurrency must be a whole number of at least 1, not ${concurrency}`);
    }
    this.limiter = new Limiter(concurrency);
    this.headers = { Accept: 'application/json' };
    const extra = connection.headers ?? {};
    const hasAuthorization = Object.keys(extra).some((k) => k.toLowerCase() === 'authorization');
    if (connection.token && !hasAuthorization) this.headers.Authorization = `Bearer ${connection.token}`;
    for (const [name, value] of Object.entries(extra)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new EvaluationError(`bad header name ${JSON.stringify(name)}`);
      this.headers[name] = value;
    }
  }

  /** An instant query whose result is small: the parsed `data` of the answer. */
  async query(promql: string, signal?: AbortSignal): Promise<PrometheusData> {
    return this.limiter.run(() =>
      this.request('api/v1/query', { query: promql }, promql, signal, async (response, fail) => {
        const bytes = new Uint8Array(await response.arrayBuffer().catch(fail));
        this.log.bytes += bytes.length;
        return this.unwrap(bytes);
      }),
    );
  }

  /**
   * An instant query whose result may be large (raw samples): its body is handed over as
   * a stream of chunks, read while it arrives.
   */
  async queryStream(promql: string, read: (chunks: AsyncIterable<Uint8Array>) => Promise<void>, signal?: AbortSignal): Promise<void> {
    return this.limiter.run(() =>
      this.request('api/v1/query', { query: promql }, promql, signal, async (response, fail) => {
        const body = response.body;
        if (!body) return read(emptyChunks());
        const log = this.log;
        async function* chunks(): AsyncGenerator<Uint8Array> {
          try {
            for await (const chunk of body as AsyncIterable<Uint8Array>) {
              log.bytes += chunk.byteLength;
              yield chunk;
            }
          } catch (error) {
            fail(error);
          }
        }
        await read(chunks());
      }),
    );
  }

  /** Whether a series selector matches any series at any time. */
  async matchesSeries(selector: string, signal?: AbortSignal): Promise<boolean> {
    const data = await this.limiter.run(() =>
      this.request('api/v1/series', { 'match[]': selector, limit: '1' }, `series ${selector}`, signal, async (response, fail) => {
        const bytes = new Uint8Array(await response.arrayBuffer().catch(fail));
        this.log.bytes += bytes.length;
        return this.unwrap(bytes);
      }),
    );
    return Array.isArray(data) && data.length > 0;
  }

  /**
   * One POST request with the timeout and the user's signal; `use` reads the answer
   * (given only when it is a 2xx) and calls `fail` with anything thrown while reading.
   */
  private async request<T>(
    path: string,
    form: Record<string, string>,
    what: string,
    signal: AbortSignal | undefined,
    use: (response: Response, fail: (error: unknown) => never) => Promise<T>,
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
        throw new EvaluationError(`no answer within ${seconds(this.timeoutMs)} (the timeout; raise it with --timeout)`, this.name);
      }
      if (signal?.aborted) throw new EvaluationAborted();
      throw new EvaluationError(describeNetworkError(error), this.name);
    };
    const body = new URLSearchParams({ ...form, timeout: `${Math.max(1, Math.ceil(this.timeoutMs / 1000))}s` });
    let response: Response;
    try {
      response = await fetch(`${this.base}/${path}`, {
        method: 'POST',
        headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal: combined,
        redirect: 'follow',
      });
    } catch (error) {
      return fail(error);
    }
    if (!response.ok) {
      const text = await readLimited(response).catch(fail);
      this.log.bytes += Buffer.byteLength(text);
      throw new PrometheusHttpError(describeHttpError(response, text), this.name, response.status);
    }
    try {
      return await use(response, fail);
    } catch (error) {
      return fail(error);
    }
  }

  private unwrap(bytes: Uint8Array): PrometheusData {
    let parsed: { status?: unknown; data?: unknown; error?: unknown; errorType?: unknown; warnings?: unknown };
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new EvaluationError(`the answer is not JSON: ${snippet(new TextDecoder().decode(bytes.subarray(0, 400)))}`, this.name);
    }
    if (Array.isArray(parsed.warnings)) for (const w of parsed.warnings) if (typeof w === 'string') this.warnings.add(w);
    if (parsed.status !== 'success') {
      const detail = [parsed.errorType, parsed.error].filter((x) => typeof x === 'string' && x !== '').join(': ');
      throw new EvaluationError(`the answer reports status ${JSON.stringify(parsed.status)}${detail ? `: ${detail}` : ''}`, this.name);
    }
    return parsed.data as PrometheusData;
  }
}

/** `data` of a Prometheus answer: for a query `{resultType, result}`, for /series an array. */
export type PrometheusData = unknown;

/** The address as given, checked: http or https, no query or fragment. */
function checkAddress(url: string): string {
  const trimmed = url.trim();
  const quoted = JSON.stringify(redactUrl(url));
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new EvaluationError(`bad Prometheus address ${quoted}: expected http://host:port or https://host/path`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EvaluationError(`bad Prometheus address ${quoted}: only http:// and https:// are supported`);
  }
  if (parsed.search || parsed.hash) {
    throw new EvaluationError(`bad Prometheus address ${quoted}: give the base address, without ?query or #fragment`);
  }
  if (parsed.username || parsed.password) {
    throw new EvaluationError(`bad Prometheus address ${quoted}: put credentials in a header or the token, not in the address`);
  }
  return trimmed;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is Prometheus running there, on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host (check the address)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before the answer was complete';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connecting timed out';
    default: {
      const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
      return `request failed: ${message}`;
    }
  }
}

function describeHttpError(response: Response, text: string): string {
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
      ? ' (check the token in SLA_PROMETHEUS_TOKEN or the headers)'
      : response.status === 404
        ? ' (is this the address of the Prometheus API? a path prefix such as /prometheus may be missing)'
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

function snippet(text: string): string {
  const flat = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

async function* emptyChunks(): AsyncGenerator<Uint8Array> {}
