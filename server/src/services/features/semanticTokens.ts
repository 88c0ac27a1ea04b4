// Semantic tokens: declared names and references by what they name (service, schedule,
// indicator…; declarations marked), keywords, fixed words, numbers and dates, units,
// strings, operators and comments.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../../language/analyze';
import { tokenCategory, type TokenCategory } from '../../language/lexer';
import type { DefinitionSort } from '../../language/scope';
import type { LineIndex } from '../../language/text';
import { commentSpans } from './folding';
import { lineIndexOf } from '../support/text';

const TYPES = ['namespace', 'class', 'struct', 'event', 'variable', 'function', 'enumMember', 'keyword', 'number', 'string', 'operator', 'type', 'comment'] as const;
const MODIFIERS = ['declaration', 'readonly'] as const;
type TokenTypeName = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = Object.fromEntries(TYPES.map((t, i) => [t, i])) as Record<TokenTypeName, number>;
const DECLARATION = 1 << MODIFIERS.indexOf('declaration');
const READONLY = 1 << MODIFIERS.indexOf('readonly');
const COMMENT = TYPE_INDEX.comment;

/** How each sort of name is shown. */
const SORT_TOKEN: Readonly<Record<DefinitionSort, TokenTypeName>> = {
  service: 'class',
  schedule: 'struct',
  maintenance: 'event',
  indicator: 'variable',
  objective: 'function',
  severity: 'enumMember',
};

/** A token's type and modifiers in one number: type in the high bits, modifiers in the low 8. */
const pack = (type: TokenTypeName, modifiers: number): number => (TYPE_INDEX[type] << 8) | modifiers;

/** How each category of the other tokens is shown (packed). */
const CATEGORY_TOKEN: Partial<Record<TokenCategory, number>> = {
  keyword: pack('keyword', 0),
  contextual: pack('enumMember', READONLY),
  string: pack('string', 0),
  number: pack('number', 0),
  date: pack('number', 0),
  time: pack('number', 0),
  dateTime: pack('number', 0),
  unit: pack('type', 0),
  percentile: pack('enumMember', READONLY),
  operator: pack('operator', 0),
};

/**
 * The encoded token data (LSP's relative five-number form). Walks the token list and the
 * comment spans together in offset order (each line look-up starts from the last one), writing
 * straight into one array: at 200,000 lines that is 2.4 M numbers, and an object per token
 * plus two position objects each held about 120 MB per request (docs/performance.md, "semtok").
 */
export function semanticTokens(analysis: Analysis): number[] {
  const names = new Map<number, number>();
  for (const scope of analysis.scopes) {
    if (scope.sla.name) names.set(scope.sla.name.offset, pack('namespace', DECLARATION));
    for (const definitions of [scope.definitions.values(), scope.duplicates, scope.severities.values()]) {
      for (const d of definitions) names.set(d.nameSpan.offset, pack(SORT_TOKEN[d.sort], DECLARATION));
    }
    for (const r of scope.references) names.set(r.ref.offset, pack(SORT_TOKEN[r.definition?.sort ?? r.expected[0]], 0));
  }
  const tokens = analysis.parse.tokens;
  const comments = commentSpans(analysis);
  const writer = new TokenWriter(analysis.text, lineIndexOf(analysis), (tokens.length + comments.length) * 5);
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens.startAt(i);
    const shown = names.get(start) ?? CATEGORY_TOKEN[tokenCategory(tokens.typeAt(i))];
    if (shown === undefined) continue;
    // Comments before this token (a token first at the same offset, as a stable sort left them).
    for (; c < comments.length && comments[c].offset < start; c++) writer.comment(comments[c]);
    writer.write(start, tokens.endAt(i) - start, shown >> 8, shown & 0xff);
  }
  for (; c < comments.length; c++) writer.comment(comments[c]);
  return writer.finish();
}

/** Writes tokens in offset order as relative five-number entries. */
class TokenWriter {
  private readonly data: number[];
  private count = 0;
  private previousLine = 0;
  private previousChar = 0;

  constructor(
    private readonly text: string,
    /** The text's line index: its look-ups start from the previous one's line, so a scan in offset order is cheap. */
    private readonly lines: LineIndex,
    estimate: number,
  ) {
    this.data = new Array<number>(estimate);
  }

  comment(span: { offset: number; endOffset: number }): void {
    this.write(span.offset, span.endOffset - span.offset, COMMENT, 0);
  }

  write(offset: number, length: number, type: number, modifiers: number): void {
    const starts = this.lines.lineStarts;
    const line = this.lines.lineAt(offset);
    const endLine = this.lines.lineAt(offset + length);
    if (line === endLine) {
      this.push(line, offset - starts[line], length, type, modifiers);
      return;
    }
    // A token over several lines (a block comment): one token per line.
    const text = this.text;
    for (let l = line; l <= endLine; l++) {
      const from = l === line ? offset : starts[l];
      const lineEnd = l + 1 < starts.length ? starts[l + 1] : text.length;
      let to = l === endLine ? offset + length : lineEnd;
      while (to > from && (text.charCodeAt(to - 1) === 10 || text.charCodeAt(to - 1) === 13)) to--;
      this.push(l, from - starts[l], to - from, type, modifiers);
    }
  }

  finish(): number[] {
    this.data.length = this.count;
    return this.data;
  }

  private push(line: number, character: number, length: number, type: number, modifiers: number): void {
    if (length <= 0) return;
    const data = this.data;
    const n = this.count;
    data[n] = line - this.previousLine;
    data[n + 1] = line === this.previousLine ? character - this.previousChar : character;
    data[n + 2] = length;
    data[n + 3] = type;
    data[n + 4] = modifiers;
    this.count = n + 5;
    this.previousLine = line;
    this.previousChar = character;
  }
}
