// Semantic tokens (issue 15, "semtok"): the cursor-walk encoder gives exactly the data of the
// algorithm it replaced (one object per token, sorted, two `positionAt` look-ups each), kept
// here as the reference: on the golden corpus, a generated large contract, and texts with
// multi-line block comments, CRLF line ends and surrogate pairs.
import { strict as assert } from 'node:assert';
import { generateContract } from '../../bench/contractGenerator';
import { analyze, type Analysis } from '../../server/src/language/analyze';
import { tokenCategory, type TokenCategory } from '../../server/src/language/lexer';
import type { DefinitionSort } from '../../server/src/language/scope';
import { commentSpans } from '../../server/src/services/features/folding';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../../server/src/services/features/semanticTokens';
import { lineIndexOf } from '../../server/src/services/support/text';
import { goldenCases } from '../language/parserGolden';

/** The previous algorithm, unchanged but for reading type indexes from the legend. */
function referenceTokens(analysis: Analysis): number[] {
  const typeIndex = (name: string): number => SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(name);
  const declaration = 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('declaration');
  const readonly = 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('readonly');
  const sortToken: Record<DefinitionSort, string> = { service: 'class', schedule: 'struct', maintenance: 'event', indicator: 'variable', objective: 'function', severity: 'enumMember' };
  const categoryToken: Partial<Record<TokenCategory, [string, number]>> = {
    keyword: ['keyword', 0], contextual: ['enumMember', readonly], string: ['string', 0], number: ['number', 0], date: ['number', 0],
    time: ['number', 0], dateTime: ['number', 0], unit: ['type', 0], percentile: ['enumMember', readonly], operator: ['operator', 0],
  };
  const names = new Map<number, [string, number]>();
  for (const scope of analysis.scopes) {
    if (scope.sla.name) names.set(scope.sla.name.offset, ['namespace', declaration]);
    for (const d of [...scope.definitions.values(), ...scope.duplicates, ...scope.severities.values()]) names.set(d.nameSpan.offset, [sortToken[d.sort], declaration]);
    for (const r of scope.references) names.set(r.ref.offset, [sortToken[r.definition?.sort ?? r.expected[0]], 0]);
  }
  const classified: { offset: number; length: number; type: number; modifiers: number }[] = [];
  const tokens = analysis.parse.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens.startAt(i);
    const [type, modifiers] = names.get(start) ?? categoryToken[tokenCategory(tokens.typeAt(i))] ?? [];
    if (type === undefined) continue;
    classified.push({ offset: start, length: tokens.endAt(i) - start, type: typeIndex(type), modifiers: modifiers ?? 0 });
  }
  for (const comment of commentSpans(analysis)) classified.push({ offset: comment.offset, length: comment.endOffset - comment.offset, type: typeIndex('comment'), modifiers: 0 });
  classified.sort((a, b) => a.offset - b.offset);
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
  for (const token of classified) {
    const start = index.positionAt(token.offset);
    const end = index.positionAt(token.offset + token.length);
    if (start.line === end.line) {
      push(start.line, start.character, token.length, token.type, token.modifiers);
      continue;
    }
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

function expectSame(text: string, name: string): number[] {
  const data = semanticTokens(analyze(text));
  const expected = referenceTokens(analyze(text));
  if (data.length !== expected.length || data.some((n, i) => n !== expected[i])) {
    const at = data.findIndex((n, i) => n !== expected[i]);
    assert.fail(`${name}: semantic tokens differ at number ${at} (token ${Math.floor(at / 5)}): ` +
      `now ${JSON.stringify(data.slice(at - (at % 5), at - (at % 5) + 10))}, before ${JSON.stringify(expected.slice(at - (at % 5), at - (at % 5) + 10))}`);
  }
  return data;
}

const TRICKY = [
  'sla 蓝莺IM {\n  version "1"\n  /* a block\n     over three\n     lines */ service 𠀀服务 { }\n}\n',
  'sla a {\r\n  version "1" // 注释 😀\r\n  /* crlf\r\n  block */\r\n  indicator 😀i { kind availability metric "up" }\r\n  objective o { indicator 😀i target 99.9% }\r\n}\r\n',
  'sla a {\r  version "1"\r  /*\r\r*/ service s { }\r}',
  '/* unterminated\n comment',
  'sla a { version "unterminated\n  service s {}\n}\n',
  '// only a comment\n/**/\n/* */ /* a */\n',
  '',
];

describe('semantic tokens: the cursor-walk encoder gives the data of the algorithm it replaced', function () {
  this.timeout(120_000);

  it('on multi-line block comments, CRLF and lone CR line ends, surrogate pairs and unterminated tokens', () => {
    for (const [i, text] of TRICKY.entries()) expectSame(text, `tricky case ${i}`);
    // The block comment is split per line, the surrogate pair counts two UTF-16 units.
    const data = expectSame(TRICKY[0], 'tricky case 0');
    const comment = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('comment');
    const commentLengths = [];
    for (let i = 0; i < data.length; i += 5) if (data[i + 3] === comment) commentLengths.push(data[i + 2]);
    assert.deepEqual(commentLengths, ['/* a block'.length, '     over three'.length, '     lines */'.length]);
  });

  it('on every case of the golden corpus', () => {
    const cases = goldenCases();
    assert.ok(cases.length > 3000, `${cases.length} cases`);
    for (const golden of cases) expectSame(golden.text, golden.name);
  });

  it('on a generated 20,000-line contract, with CRLF line ends and with block comments added', () => {
    const text = generateContract(20_000);
    const data = expectSame(text, 'generated contract');
    assert.ok(data.length > 100_000, `${data.length} numbers`);
    expectSame(text.replace(/\n/g, '\r\n'), 'generated contract, CRLF');
    let i = 0;
    expectSame(text.replace(/\n {2}(service|indicator) /g, (m) => (i++ % 3 === 0 ? `\n  /* 块\n 注释 😀 */ ${m.slice(3)}` : m)), 'generated contract with block comments');
  });
});
