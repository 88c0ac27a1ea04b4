// Connection options as users give them, turned into the source's options in one place:
// on a command line (`Name: value` headers, timeouts such as `30s`, `1500ms`, `2m` or plain
// seconds, sizes such as `64MiB`, numbers as text) or in an `sla/evaluate` request (JSON from
// a client that may send anything).
import { EvaluationError } from '../errors';
import { redactHeader } from '../../text/redact';
import type { PrometheusSourceOptions } from './source';
import { messages, type Locale, type Messages } from '../../l10n/index';

type Say = Messages['t'];

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
export function prometheusSourceOptions(user: PrometheusUserOptions, locale?: Locale): PrometheusSourceOptions {
  const { t } = messages(locale);
  const given = user as Partial<Record<keyof PrometheusUserOptions, unknown>> | undefined;
  if (!given || typeof given.url !== 'string' || given.url.trim() === '') throw new EvaluationError(t('prometheus.option.noAddress'));
  if (given.token !== undefined && typeof given.token !== 'string') throw new EvaluationError(t('prometheus.option.tokenNotString'));
  const token = given.token?.trim();
  return {
    url: given.url,
    token: token === '' ? undefined : token,
    headers: readHeaders(given.headers, t),
    timeoutMs: readTimeout(given.timeout, t),
    concurrency: readConcurrency(given.concurrency, t),
    pushDown: given.pushDown !== false,
    // Only when given: the source keeps its own default otherwise.
    ...(given.maxAnswerSize === undefined ? {} : { maxAnswerBytes: readSize(given.maxAnswerSize, t) }),
  };
}

function readSize(size: unknown, t: Say): number | undefined {
  if (size === undefined) return undefined;
  if (typeof size === 'number' && Number.isSafeInteger(size) && size > 0) return size;
  if (typeof size === 'string') return parseSize(size, t);
  throw new EvaluationError(t('prometheus.option.badAnswerSize', { size: JSON.stringify(size) }));
}

function readHeaders(headers: unknown, t: Say): Record<string, string> {
  const read: Record<string, string> = {};
  if (headers === undefined) return read;
  if (Array.isArray(headers)) {
    for (const line of headers) {
      if (typeof line !== 'string') throw new EvaluationError(t('prometheus.option.headerNotString', { header: JSON.stringify(line) }));
      const [name, value] = parseHeader(line, t);
      read[name] = value;
    }
    return read;
  }
  if (typeof headers !== 'object' || headers === null) throw new EvaluationError(t('prometheus.option.headersNotObject'));
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw new EvaluationError(t('prometheus.option.headerValue', { name: JSON.stringify(name) }));
    read[name] = value;
  }
  return read;
}

function readTimeout(timeout: unknown, t: Say): number | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout === 'string') return parseTimeout(timeout, t);
  if (typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout)) return timeout;
  throw new EvaluationError(t('prometheus.option.badTimeoutMs', { timeout: JSON.stringify(timeout) }));
}

function readConcurrency(concurrency: unknown, t: Say): number | undefined {
  if (concurrency === undefined) return undefined;
  const n = typeof concurrency === 'string' && /^\s*\d+\s*$/.test(concurrency) ? Number(concurrency) : concurrency;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  throw new EvaluationError(t('prometheus.option.badConcurrency', { concurrency: JSON.stringify(concurrency) }));
}

/** `Name: value` → [name, value]. */
export function parseHeader(text: string, t: Say = messages().t): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    // The value may be a token: the message shows at most the name.
    throw new EvaluationError(t('prometheus.option.badHeader', { header: JSON.stringify(redactHeader(text)) }));
  }
  return [name, text.slice(colon + 1).trim()];
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `30s`, `1500ms`, `2m`, `1h`, or a number of seconds → milliseconds. */
export function parseTimeout(text: string, t: Say = messages().t): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']) : NaN;
  if (!(ms > 0)) throw new EvaluationError(t('prometheus.option.badTimeout', { timeout: JSON.stringify(text) }));
  return ms;
}

const UNIT_BYTES: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1 << 20, mb: 1 << 20, mib: 1 << 20, g: 1 << 30, gb: 1 << 30, gib: 1 << 30 };

/** `64MiB`, `512M`, `1GiB`, `100000` (bytes) → bytes; units are binary (1 MB = 1 MiB here). */
export function parseSize(text: string, t: Say = messages().t): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNIT_BYTES[m[2].toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 1024)) throw new EvaluationError(t('prometheus.option.badSize', { size: JSON.stringify(text) }));
  return bytes;
}
