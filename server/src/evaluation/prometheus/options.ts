// Connection options as users give them, turned into the source's options in one place:
// on a command line (`Name: value` headers, timeouts such as `30s`, `1500ms`, `2m` or plain
// seconds, sizes such as `64MiB`, numbers as text) or in an `sla/evaluate` request (JSON from
// a client that may send anything).
import { EvaluationError } from '../errors';
import { redactHeader } from '../../text/redact';
import type { PrometheusSourceOptions } from './source';

/** A Prometheus server as a user gives it (`sla evaluate --prometheus …`, `sla/evaluate`'s `prometheus`). */
export interface PrometheusUserOptions {
  /** Base address: http(s)://host:port[/prefix]. */
  url: string;
  /** Bearer token; blank means none. */
  token?: string;
  /** `Name: value` lines, or an object of names to values. */
  headers?: readonly string[] | Readonly<Record<string, string>>;
  /** Per request: a duration as written (`30s`, `1500ms`, `2m`, seconds), or milliseconds as a number. */
  timeout?: string | number;
  /** Requests at once: a whole number of at least 1 (as text or as a number). */
  concurrency?: string | number;
  /** false: read every raw sample instead of letting the server count and add up. */
  pushDown?: boolean;
  /** The largest answer read: a size as written (`64MiB`), or bytes as a number. */
  maxAnswerSize?: string | number;
}

/** The source's options from what the user gave, each checked (EvaluationError naming the bad one). */
export function prometheusSourceOptions(user: PrometheusUserOptions): PrometheusSourceOptions {
  const given = user as Partial<Record<keyof PrometheusUserOptions, unknown>> | undefined;
  if (!given || typeof given.url !== 'string' || given.url.trim() === '') throw new EvaluationError('the Prometheus source needs an address (sla.prometheus.url or --prometheus)');
  if (given.token !== undefined && typeof given.token !== 'string') throw new EvaluationError('the Prometheus token must be a string');
  const token = given.token?.trim();
  return {
    url: given.url,
    token: token === '' ? undefined : token,
    headers: readHeaders(given.headers),
    timeoutMs: readTimeout(given.timeout),
    concurrency: readConcurrency(given.concurrency),
    pushDown: given.pushDown !== false,
    // Only when given: the source keeps its own default otherwise.
    ...(given.maxAnswerSize === undefined ? {} : { maxAnswerBytes: readSize(given.maxAnswerSize) }),
  };
}

function readSize(size: unknown): number | undefined {
  if (size === undefined) return undefined;
  if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0) return size;
  if (typeof size === 'string') return parseSize(size);
  throw new EvaluationError(`bad answer size limit ${JSON.stringify(size)}: expected a size such as 64MiB`);
}

function readHeaders(headers: unknown): Record<string, string> {
  const read: Record<string, string> = {};
  if (headers === undefined) return read;
  if (Array.isArray(headers)) {
    for (const line of headers) {
      if (typeof line !== 'string') throw new EvaluationError(`bad header ${JSON.stringify(line)}: expected 'Name: value'`);
      const [name, value] = parseHeader(line);
      read[name] = value;
    }
    return read;
  }
  if (typeof headers !== 'object' || headers === null) throw new EvaluationError('Prometheus headers must be an object of strings');
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw new EvaluationError(`Prometheus header ${JSON.stringify(name)}: the value must be a string`);
    read[name] = value;
  }
  return read;
}

function readTimeout(timeout: unknown): number | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout === 'string') return parseTimeout(timeout);
  if (typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout)) return timeout;
  throw new EvaluationError(`bad timeout ${JSON.stringify(timeout)}: expected a positive number of milliseconds`);
}

function readConcurrency(concurrency: unknown): number | undefined {
  if (concurrency === undefined) return undefined;
  const n = typeof concurrency === 'string' && /^\s*\d+\s*$/.test(concurrency) ? Number(concurrency) : concurrency;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  throw new EvaluationError(`bad --concurrency ${JSON.stringify(concurrency)}: expected a whole number of at least 1`);
}

/** `Name: value` → [name, value]. */
export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    // The value may be a token: the message shows at most the name.
    throw new EvaluationError(`bad header ${JSON.stringify(redactHeader(text))}: expected 'Name: value' (for example 'X-Scope-OrgID: team-a')`);
  }
  return [name, text.slice(colon + 1).trim()];
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `30s`, `1500ms`, `2m`, `1h`, or a number of seconds → milliseconds. */
export function parseTimeout(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']) : NaN;
  if (!(ms > 0)) throw new EvaluationError(`bad timeout ${JSON.stringify(text)}: expected a duration such as 30s, 1500ms or 2m`);
  return ms;
}

const UNIT_BYTES: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1 << 20, mb: 1 << 20, mib: 1 << 20, g: 1 << 30, gb: 1 << 30, gib: 1 << 30 };

/** `64MiB`, `512M`, `1GiB`, `100000` (bytes) → bytes; units are binary (1 MB = 1 MiB here). */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNIT_BYTES[m[2].toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 1024)) throw new EvaluationError(`bad size ${JSON.stringify(text)}: expected a size of at least 1 KiB such as 64MiB, 512MiB or 2GiB`);
  return bytes;
}
