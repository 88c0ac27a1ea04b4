// Expands VS Code snippet bodies the way the editor does when every placeholder is
// accepted as offered: `${1:default}` gives its default, `${1|a,b|}` its first choice,
// `$1`/`${1}` mirror what tab stop 1 became, `$0` is empty and variables get fixed values.

export interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

const VARIABLES: Readonly<Record<string, string>> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '01' };

export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const stops = new Map<string, string>();
  let position = 0;

  function parse(until?: string): string {
    let out = '';
    while (position < text.length) {
      const char = text[position];
      if (until !== undefined && char === until) return out;
      if (char === '\\' && position + 1 < text.length) {
        out += text[position + 1];
        position += 2;
      } else if (char === '$') {
        out += parseDollar();
      } else {
        out += char;
        position++;
      }
    }
    if (until !== undefined) throw new Error(`unclosed \${ in snippet: ${text}`);
    return out;
  }

  function parseDollar(): string {
    const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(position));
    if (simple) {
      position += simple[0].length;
      return valueOf(simple[1]);
    }
    const open = /^\$\{(\d+|[A-Z_]+)/.exec(text.slice(position));
    if (!open) {
      position++;
      return '$';
    }
    position += open[0].length;
    const id = open[1];
    const next = text[position];
    if (next === '}') {
      position++;
      return valueOf(id);
    }
    if (next === ':') {
      position++;
      const value = parse('}');
      position++;
      if (!stops.has(id)) stops.set(id, value);
      return value;
    }
    if (next === '|') {
      const end = text.indexOf('|}', position);
      if (end < 0) throw new Error(`unclosed choice in snippet: ${text}`);
      const value = text.slice(position + 1, end).split(',')[0];
      position = end + 2;
      if (!stops.has(id)) stops.set(id, value);
      return value;
    }
    throw new Error(`cannot read snippet at ${JSON.stringify(text.slice(position - open[0].length, position + 10))}`);
  }

  function valueOf(id: string): string {
    if (/^\d+$/.test(id)) return stops.get(id) ?? '';
    const value = VARIABLES[id];
    if (value === undefined) throw new Error(`unknown snippet variable ${id}`);
    return value;
  }

  return parse();
}
