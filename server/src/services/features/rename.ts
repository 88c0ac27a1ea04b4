// Rename a service, schedule, maintenance window, indicator, objective or severity with
// every reference to it. Refuses keywords, names that are no identifier, and a new name
// that another definition of the same namespace already has.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Position, Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { isReservedWord } from '../../language/lexer';
import type { DefinitionSort } from '../../language/scope';
import { DEFAULT_LOCALE, messages, type Locale, type MessageId } from '../../l10n/index';
import { isNameText } from '../../language/names';
import { symbolAt } from '../support/symbolAt';
import { lineIndexOf } from '../support/text';

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };
export type RenameResult = { edits: TextEdit[] } | { error: string };


export function prepareRename(analysis: Analysis, position: Position, locale: Locale = DEFAULT_LOCALE): PrepareRenameResult {
  const { t } = messages(locale);
  const symbol = symbolAt(analysis, position);
  if (!symbol) {
    const word = wordAt(analysis, position);
    if (word && isReservedWord(word)) return { error: t('rename.keyword', { word }) };
    return { error: t('rename.notAName') };
  }
  if (!symbol.definition) return { error: t('rename.undefined', { name: symbol.name }) };
  return { range: symbol.range, placeholder: symbol.name };
}

export function rename(analysis: Analysis, position: Position, newName: string, locale: Locale = DEFAULT_LOCALE): RenameResult {
  const { t } = messages(locale);
  const prepared = prepareRename(analysis, position, locale);
  if ('error' in prepared) return prepared;
  const symbol = symbolAt(analysis, position)!;
  const definition = symbol.definition!;
  if (!isNameText(newName)) return { error: t('rename.invalidName', { name: newName }) };
  if (isReservedWord(newName)) return { error: t('rename.keywordName', { name: newName }) };
  if (newName === symbol.name) return { edits: [] };
  const table = definition.sort === 'severity' ? symbol.scope.severities : symbol.scope.definitions;
  const clash = table.get(newName);
  if (clash) {
    const line = lineIndexOf(analysis).positionAt(clash.nameSpan.offset).line + 1;
    return { error: t(CLASH[clash.sort], { name: newName, line }) };
  }
  return { edits: symbol.occurrences.map((range) => ({ range, newText: newName })) };
}

/** One sentence per sort, so that each language words its own article and order. */
const CLASH = {
  service: 'rename.clash.service',
  schedule: 'rename.clash.schedule',
  maintenance: 'rename.clash.maintenance',
  indicator: 'rename.clash.indicator',
  objective: 'rename.clash.objective',
  severity: 'rename.clash.severity',
} as const satisfies Record<DefinitionSort, MessageId>;

function wordAt(analysis: Analysis, position: Position): string | undefined {
  const offset = lineIndexOf(analysis).offsetAt(position);
  const i = analysis.parse.tokens.indexAt(offset);
  return i < 0 ? undefined : analysis.parse.tokens.imageAt(i);
}
