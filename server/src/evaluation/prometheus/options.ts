// Connection options as users write them on a command line: `Name: value` headers and
// timeouts such as `30s`, `1500ms`, `2m` or plain seconds.
import { EvaluationError } from '../errors';
import { redactHeader } from '../../text/redact';

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
