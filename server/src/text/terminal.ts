// Text bound for a terminal, a CI log or a problem matcher: control characters from
// contract strings, metric files or a server's answers must not move the cursor, ring,
// set the title (OSC) or start a line of their own. They are shown escaped instead.

// C0 (but tab and line feed), DEL and C1. U+2028/U+2029 end a line in some log viewers.
const CONTROL_KEEPING_LINES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g;
// Inside JSON, C0 is escaped by JSON.stringify already; C1 and the line separators are not.
const JSON_UNESCAPED = /[\x7f-\x9f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Multi-line output (a report, a message block): line feeds and tabs stay, every other control is escaped. */
export function terminalText(text: string): string {
  return text.replace(CONTROL_KEEPING_LINES, escapeOne);
}

/** One line that must stay one line (a diagnostic a problem matcher reads): line feeds are escaped too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/** JSON text with C1 controls and line separators as `\u` escapes: the same JSON value, safe to print. */
export function terminalJson(json: string): string {
  return json.replace(JSON_UNESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
