// Go to definition: from a reference (or a definition) to where the name is defined.
import type { Position, Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { symbolAt } from '../support/symbolAt';

export function definition(analysis: Analysis, position: Position): Range[] {
  const symbol = symbolAt(analysis, position);
  if (!symbol?.definition) return [];
  return [symbol.definition.nameSpan.range];
}
