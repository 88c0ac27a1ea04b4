// Find references: every use of the name under the cursor in its sla.
import type { Position, Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { comparePositions } from '../../language/text';
import { symbolAt } from '../support/symbolAt';

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Range[] {
  const symbol = symbolAt(analysis, position);
  if (!symbol) return [];
  const declarations = new Set(symbol.declarations.map(key));
  return symbol.occurrences
    .filter((range) => includeDeclaration || !declarations.has(key(range)))
    .sort((a, b) => comparePositions(a.start, b.start));
}

function key(range: Range): string {
  return `${range.start.line}:${range.start.character}`;
}
