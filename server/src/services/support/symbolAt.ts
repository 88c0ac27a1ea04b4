// The name under the cursor, as a definition with all its uses: shared by go to
// definition, find references and rename.
import type { Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { referencesTo, scopeAt, type Definition, type SlaScope } from '../../language/scope';
import { contains } from './nodes';
import { lineIndexOf } from './text';

export interface SymbolAt {
  scope: SlaScope;
  /** The name as written under the cursor. */
  name: string;
  /** Range of the name under the cursor. */
  range: Range;
  /** What the name names; undefined for a reference to nothing (SLA101). */
  definition?: Definition;
  /** Every occurrence of the name that denotes the same thing: definition(s) and references. */
  occurrences: Range[];
  declarations: Range[];
}

export function symbolAt(analysis: Analysis, position: { line: number; character: number }): SymbolAt | undefined {
  const offset = lineIndexOf(analysis).offsetAt(position);
  const scope = scopeAt(analysis.scopes, offset);
  if (!scope) return undefined;
  for (const definition of [...scope.definitions.values(), ...scope.duplicates]) {
    if (contains(definition.nameSpan, offset)) return build(scope, definition.name, definition.nameSpan.range, definition);
  }
  for (const definition of scope.severities.values()) {
    if (contains(definition.nameSpan, offset)) return build(scope, definition.name, definition.nameSpan.range, definition);
  }
  for (const resolved of scope.references) {
    if (contains(resolved.ref, offset)) return build(scope, resolved.ref.text, resolved.ref.range, resolved.definition);
  }
  return undefined;
}

function build(scope: SlaScope, name: string, range: Range, definition: Definition | undefined): SymbolAt {
  const declarations: Range[] = [];
  const occurrences: Range[] = [];
  if (definition?.sort === 'severity') {
    declarations.push(definition.nameSpan.range);
  } else {
    // Every definition of the name (duplicates included) and every reference to it.
    const defs = [scope.definitions.get(name), ...scope.duplicates.filter((d) => d.name === name && d.sort !== 'severity')];
    for (const d of defs) if (d) declarations.push(d.nameSpan.range);
    const first = scope.definitions.get(name);
    const refs = first ? referencesTo(scope, first) : scope.references.filter((r) => r.ref.text === name);
    occurrences.push(...refs.map((r) => r.ref.range));
  }
  return { scope, name, range, definition, declarations, occurrences: [...declarations, ...occurrences] };
}
