// Rename a service, schedule, maintenance window, indicator, objective or severity with
// every reference to it. Refuses keywords, names that are no identifier, and a new name
// that another definition of the same namespace already has.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Position, Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { isReservedWord, tokenEnd } from '../../language/lexer';
import { describeSort } from '../../language/scope';
import { isNameText } from '../../language/names';
import { symbolAt } from '../support/symbolAt';
import { lineIndexOf } from '../support/text';

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };
export type RenameResult = { edits: TextEdit[] } | { error: string };


export function prepareRename(analysis: Analysis, position: Position): PrepareRenameResult {
  const symbol = symbolAt(analysis, position);
  if (!symbol) {
    const word = wordAt(analysis, position);
    if (word && isReservedWord(word)) return { error: `\`${word}\` is a keyword and cannot be renamed.` };
    return { error: 'Only the name of a service, schedule, maintenance window, indicator, objective or severity can be renamed.' };
  }
  if (!symbol.definition) return { error: `\`${symbol.name}\` names nothing defined: there is nothing to rename.` };
  return { range: symbol.range, placeholder: symbol.name };
}

export function rename(analysis: Analysis, position: Position, newName: string): RenameResult {
  const prepared = prepareRename(analysis, position);
  if ('error' in prepared) return prepared;
  const symbol = symbolAt(analysis, position)!;
  const definition = symbol.definition!;
  if (!isNameText(newName)) return { error: `\`${newName}\` is not a name: use letters, digits and \`_\`, starting with a letter or \`_\`.` };
  if (isReservedWord(newName)) return { error: `\`${newName}\` is a keyword and cannot be a name.` };
  if (newName === symbol.name) return { edits: [] };
  const table = definition.sort === 'severity' ? symbol.scope.severities : symbol.scope.definitions;
  const clash = table.get(newName);
  if (clash) {
    const line = lineIndexOf(analysis).positionAt(clash.nameSpan.offset).line + 1;
    return { error: `\`${newName}\` is already defined in this sla: ${describeSort(clash.sort)} on line ${line}.` };
  }
  return { edits: symbol.occurrences.map((range) => ({ range, newText: newName })) };
}

function wordAt(analysis: Analysis, position: Position): string | undefined {
  const offset = lineIndexOf(analysis).offsetAt(position);
  const token = analysis.parse.tokens.find((t) => t.startOffset <= offset && offset <= tokenEnd(t));
  return token?.image;
}
