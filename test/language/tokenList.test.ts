// The parse's compact token list (tokenList.ts) holds exactly the lexer's tokens: every
// token's type, offsets and image, also for contracts with full-width punctuation (images
// hold the ASCII form) and after incremental parses that splice it in place.
import { strict as assert } from 'node:assert';
import type { IToken } from 'chevrotain';
import { analyze, analyzeEdit } from '../../server/src/language/analyze';
import { tokenEnd, tokenize } from '../../server/src/language/lexer';
import { parse } from '../../server/src/language/parser';
import type { TokenList } from '../../server/src/language/tokenList';
import { reparsedRegionOf } from '../../server/src/language/reparse';
import { mulberry32 } from '../../scripts/prng';
import { samples } from '../fuzz/fuzzer';

const shape = (t: IToken) => [t.tokenType.name, t.tokenTypeIdx, t.startOffset, t.endOffset, t.image];

function listShape(tokens: TokenList) {
  const byIndex = [];
  for (let i = 0; i < tokens.length; i++) byIndex.push([tokens.typeAt(i).name, tokens.typeAt(i).tokenTypeIdx, tokens.startAt(i), tokens.endAt(i) - 1, tokens.imageAt(i)]);
  assert.deepEqual(tokens.slice().map(shape), byIndex, 'at(i) and the index readers agree');
  return byIndex;
}

const FULL_WIDTH = `sla 蓝莺 ｛
  indicator 可用性１ { kind availability source "a" }
  objective o “可用” ｛ target 可用性１ >= ９９．９％ window calendar month ｝
}
`;

describe('compact token list', () => {
  const texts = [...samples().map((s) => ({ name: s.name, text: s.text })), { name: 'full-width', text: FULL_WIDTH }];

  for (const { name, text } of texts) {
    it(`holds the lexer's tokens: ${name}`, () => {
      assert.deepEqual(listShape(parse(text).tokens), tokenize(text).tokens.map(shape));
    });
  }

  it('finds the token at every offset as a scan of the tokens does', () => {
    for (const text of [FULL_WIDTH, samples()[0].text]) {
      const tokens = parse(text).tokens;
      const lexed = tokenize(text).tokens;
      for (let offset = 0; offset <= text.length; offset++) {
        const scanned = lexed.findIndex((t) => t.startOffset <= offset && offset <= tokenEnd(t));
        assert.equal(tokens.indexAt(offset), scanned, `offset ${offset}`);
        assert.equal(tokens.firstStartingAtOrAfter(offset), (lexed.findIndex((t) => t.startOffset >= offset) + lexed.length + 1) % (lexed.length + 1), `offset ${offset}`);
      }
    }
  });

  it('equals a full parse after incremental edits with full-width punctuation before, in and after the edited item', () => {
    const next = mulberry32(15);
    const objective = (i: number) => `  objective o${i} “可用” ｛\n    indicator 可用性１\n    target >= ９９．${i}％\n    window calendar month\n  ｝\n`;
    let text = `sla 蓝莺 ｛\n  indicator 可用性１ { kind availability\n metric "up" }\n${Array.from({ length: 30 }, (_, i) => objective(i)).join('')}}\n`;
    let analysis = analyze(text);
    let incremental = 0;
    for (let step = 0; step < 40; step++) {
      const objectives = [...text.matchAll(/target >= /g)].map((m) => m.index!);
      const at = objectives[Math.floor(next() * objectives.length)] + 10;
      const insert = ['１', '９', '1'][Math.floor(next() * 3)];
      const edited = text.slice(0, at) + insert + text.slice(at);
      analysis = analyzeEdit(analysis, edited, { start: at, oldEnd: at, newEnd: at + 1 });
      text = edited;
      if (reparsedRegionOf(analysis.parse)) incremental++;
      assert.deepEqual(listShape(analysis.parse.tokens), tokenize(text).tokens.map(shape), `step ${step}`);
    }
    assert.ok(incremental >= 30, `${incremental} of 40 edits parsed incrementally`);
  });
});
