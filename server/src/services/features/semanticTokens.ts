// Semantic tokens: declared names and references by what they name (service, schedule,
// indicator…; declarations marked), keywords, fixed words, numbers and dates, units,
// strings, operators and comments.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../../language/analyze';
import { tokenCategory, type TokenCategory } from '../../language/lexer';
import type { DefinitionSort } from '../../language/scope';
import { commentSpans } from './folding';
import { lineIndexOf } from '../support/text';

const TYPES = ['namespace', 'class', 'struct', 'event', 'variable', 'function', 'enumMember', 'keyword', 'number', 'string', 'operator', 'type', 'comment'] as const;
const MODIFIERS = ['declaration', 'readonly'] as const;
type TokenTypeName = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = Object.fromEntries(TYPES.map((t, i) => [t, i])) as Record<TokenTypeName, number>;
const DECLARATION = 1 << MODIFIERS.indexOf('declaration');
const READONLY = 1 << MODIFIERS.indexOf('readonly');

/** How each sort of name is shown. */
const SORT_TOKEN: Readonly<Record<DefinitionSort, TokenTypeName>> = {
  service: 'class',
  schedule: 'struct',
  maintenance: 'event',
  indicator: 'variable',
  objective: 'function',
  severity: 'enumMember',
};

const CATEGORY_TOKEN: Partial<Record<TokenCategory, [TokenTypeName, number]>> = {
  keyword: ['keyword', 0],
  contextual: ['enumMember', READONLY],
  string: ['string', 0],
  number: ['number', 0],
  date: ['number', 0],
  time: ['number', 0],
  dateTime: ['number', 0],
  unit: ['type', 0],
  percentile: ['enumMember', READONLY],
  operator: ['operator', 0],
};

interface Classified {
  offset: number;
  length: number;
  type: number;
  modifiers: number;
}

/** The encoded token data (LSP's relative five-number form). */
export function semanticTokens(analysis: Analysis): number[] {
  const names = new Map<number, [TokenTypeName, number]>();
  for (const scope of analysis.scopes) {
    if (scope.sla.name) names.set(scope.sla.name.offset, ['namespace', DECLARATION]);
    for (const d of [...scope.definitions.values(), ...scope.duplicates, ...scope.severities.values()]) {
      names.set(d.nameSpan.offset, [SORT_TOKEN[d.sort], DECLARATION]);
    }
    for (const r of scope.references) names.set(r.ref.offset, [SORT_TOKEN[r.definition?.sort ?? r.expected[0]], 0]);
  }
  const classified: Classified[] = [];
  const tokens = analysis.parse.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens.startAt(i);
    const named = names.get(start);
    const [type, modifiers] = named ?? CATEGORY_TOKEN[tokenCategory(tokens.typeAt(i))] ?? [];
    if (type === undefined) continue;
    classified.push({ offset: start, length: tokens.endAt(i) - start, type: TYPE_INDEX[type], modifiers: modifiers ?? 0 });
  }
  for (const comment of commentSpans(analysis)) {
    classified.push({ offset: comment.offset, length: comment.endOffset - comment.offset, type: TYPE_INDEX.comment, modifiers: 0 });
  }
  classified.sort((a, b) => a.offset - b.offset);
  return encode(analysis, classified);
}

function encode(analysis: Analysis, tokens: Classified[]): number[] {
  const index = lineIndexOf(analysis);
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  const push = (line: number, character: number, length: number, type: number, modifiers: number) => {
    if (length <= 0) return;
    data.push(line - previousLine, line === previousLine ? character - previousChar : character, length, type, modifiers);
    previousLine = line;
    previousChar = character;
  };
  for (const token of tokens) {
    const start = index.positionAt(token.offset);
    const end = index.positionAt(token.offset + token.length);
    if (start.line === end.line) {
      push(start.line, start.character, token.length, token.type, token.modifiers);
      continue;
    }
    // A multi-line block comment: one token per line.
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? token.offset : index.lineStarts[line];
      const lineEnd = line + 1 < index.lineStarts.length ? index.lineStarts[line + 1] : analysis.text.length;
      let to = line === end.line ? token.offset + token.length : lineEnd;
      while (to > from && (analysis.text[to - 1] === '\n' || analysis.text[to - 1] === '\r')) to--;
      push(line, from - index.lineStarts[line], to - from, token.type, token.modifiers);
    }
  }
  return data;
}
