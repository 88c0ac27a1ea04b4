// Connection options as users write them on a command line: `Name: value` headers,
// timeouts such as `30s`, `1500ms`, `2m` or plain seconds, and sizes such as `64MiB`.
import { EvaluationError } from '../errors';

/** `Name: value` → [name, value]. */
export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new EvaluationError(`bad header ${JSON.stringify(text)}: expected 'Name: value' (for example 'X-Scope-OrgID: team-a')`);
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
