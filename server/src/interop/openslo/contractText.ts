// Contract text for the import: strings quoted as LANGUAGE.md 2 reads them, blocks laid out
// as the formatter lays them out (two spaces per level, one item per line).
export function quote(value: string): string {
  let out = '"';
  for (const char of value) {
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (/[\p{Cc}\u2028\u2029]/u.test(char)) out += `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`;
    else out += char;
  }
  return `${out}"`;
}

/** Each `// ` comment line of a text that may hold line breaks. */
export function comment(text: string): string[] {
  return text.split(/\r?\n/).map((line) => `// ${line}`.trimEnd());
}

/** Lines indented by one level (blank lines stay blank). */
export function indent(lines: readonly string[]): string[] {
  return lines.map((line) => (line.trim() ? `  ${line}` : ''));
}

/** A block: its header line, its items one level in, and `}`. */
export function block(header: string, items: readonly string[]): string[] {
  return [`${header} {`, ...indent(items), '}'];
}

/** Sections separated by one blank line (empty sections dropped). */
export function sections(parts: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (!part.length) continue;
    if (out.length) out.push('');
    out.push(...part);
  }
  return out;
}
