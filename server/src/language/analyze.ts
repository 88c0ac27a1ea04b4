// The one entry point the CLI and the language server use: parse, resolve names, link, check.
import { check, sortDiagnostics } from './checker/index';
import type { Diagnostic } from './diagnostics';
import { linkSlas, type SlaFacts } from './linked';
import { parse, type ParseResult } from './parser';
import { buildScopes, type SlaScope } from './scope';

export type { ParseResult };

export interface Analysis {
  text: string;
  parse: ParseResult;
  scopes: SlaScope[];
  /** The linked facts of each sla, in the order of `scopes`: what every reader takes for meaning. */
  linked: SlaFacts[];
  /** The parser's and the checker's diagnostics, sorted by position. */
  diagnostics: Diagnostic[];
}

export function analyze(text: string): Analysis {
  const parsed = parse(text);
  const scopes = buildScopes(parsed.file);
  const linked = linkSlas(scopes);
  const checked = check(parsed.file, scopes, parsed.diagnostics, linked);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked]);
  return { text, parse: parsed, scopes, linked, diagnostics };
}

