// The one entry point the CLI and the language server use: parse, resolve names, check.
import { check, sortDiagnostics } from './checker/index';
import type { Diagnostic } from './diagnostics';
import { parse, type ParseResult } from './parser';
import { buildScopes, type SlaScope } from './scope';

export type { ParseResult };

export interface Analysis {
  text: string;
  parse: ParseResult;
  scopes: SlaScope[];
  /** The parser's and the checker's diagnostics, sorted by position. */
  diagnostics: Diagnostic[];
}

export function analyze(text: string): Analysis {
  const parsed = parse(text);
  const scopes = buildScopes(parsed.file);
  const reported = new Set(parsed.diagnostics.map(key));
  const checked = check(parsed.file, scopes, parsed.diagnostics).filter((d) => !reported.has(key(d)));
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked]);
  return { text, parse: parsed, scopes, diagnostics };
}

/** The checker reports a few unit problems the parser may also catch: keep one of each. */
function key(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.code}:${start.line}:${start.character}:${end.line}:${end.character}`;
}
