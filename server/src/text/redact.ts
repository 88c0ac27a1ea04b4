// Secrets out of everything shown or logged: a Prometheus address's user:password and query
// values, a `--prometheus-header`'s value, and any known secret (token, header value) that
// a server's error text echoes back. The CLI, the language server and the extension all
// redact through these functions.

export const REDACTED = '***';

/** `scheme://user:password@` up to the last `@` of the authority (a password may hold `@`). */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s"']*@/gi;

/** `?name=value&…` and `#fragment`: values may carry keys (`?api_key=…`). */
const QUERY_VALUE = /([?&][^=&#\s"']*=)[^&#\s"']*/g;

/**
 * An address with its credentials and query values replaced by `***`:
 * `http://user:pw@host/?key=abc` → `http://***@host/?key=***`. Works on text that is not
 * a valid URL, since addresses that fail to parse are the ones quoted in errors.
 */
export function redactUrl(url: string): string {
  return url.replace(USERINFO, `$1${REDACTED}@`).replace(QUERY_VALUE, `$1${REDACTED}`);
}

/**
 * A `Name: value` header as a user wrote it, with the value hidden: `Authorization: ***`.
 * Without a colon (a malformed header) only a leading word that looks like a header name is
 * kept (`Authorization ***`): the rest may be the secret.
 */
export function redactHeader(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0) return `${text.slice(0, colon).trim()}: ${REDACTED}`;
  const name = /^\s*([A-Za-z][A-Za-z0-9-]{0,40})\s+\S/.exec(text);
  return name ? `${name[1]} ${REDACTED}` : REDACTED;
}

/** Secrets shorter than this are not searched for: they would match ordinary words and
 * file names ("test"), and real tokens are longer. */
const SHORTEST_SECRET = 8;

/** `text` with every occurrence of each secret (token, header values) replaced by `***`. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  const sorted = [...secrets].filter((s): s is string => typeof s === 'string' && s.trim().length >= SHORTEST_SECRET);
  // Longest first, so a secret that contains another is hidden whole.
  sorted.sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    for (const form of new Set([secret, secret.trim(), JSON.stringify(secret).slice(1, -1)])) {
      if (form.length >= SHORTEST_SECRET) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/** Header names whose values are credentials. */
const SECRET_HEADER_NAME = /auth|token|key|secret|password|cookie|session|signature/i;

/** The secrets of a connection: its token and the values of its credential headers. */
export function connectionSecrets(token: string | undefined, headers: Iterable<[string, string]> = []): string[] {
  const secrets = token ? [token] : [];
  for (const [name, value] of headers) if (SECRET_HEADER_NAME.test(name)) secrets.push(value, value.replace(/^\s*(Bearer|Basic|Token)\s+/i, ''));
  return secrets;
}
