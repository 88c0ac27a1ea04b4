// The lexer's fast path (words lexed as names, then retyped; offset-only tokens) gives the
// same tokens as the general one: every token type tried as its own pattern, words with
// `longer_alt: Identifier`, full position tracking (how the lexer worked before issue 15).
import { strict as assert } from 'node:assert';
import { Lexer, type IToken } from 'chevrotain';
import { ALL_TOKENS, matchName, tokenize } from '../../server/src/language/lexer';
import { NAME_AT } from '../../server/src/language/names';
import { readFullWidth } from '../../server/src/language/fullWidth';
import { mulberry32 } from '../../scripts/prng';
import { fuzzCase, samples } from '../fuzz/fuzzer';

const general = new Lexer(ALL_TOKENS, { positionTracking: 'full', ensureOptimizations: true });

const shape = (t: IToken) => `${t.tokenType.name} ${t.startOffset}-${t.endOffset} ${JSON.stringify(t.image)}`;

function assertSameTokens(text: string, what: string): void {
  const fast = tokenize(text);
  const reference = general.tokenize(readFullWidth(text).text);
  assert.deepEqual(fast.tokens.map(shape), reference.tokens.map(shape), what);
  assert.deepEqual(fast.comments.map(shape), ((reference.groups.comments as IToken[] | undefined) ?? []).map(shape), what);
  assert.deepEqual(fast.errors, reference.errors.map((e) => ({ offset: e.offset, length: e.length })), what);
}

// Words, near-words and the characters around them, for random text.
const PIECES = [
  'sla', 'slab', 'mon', 'monday', 'month', 'monthly', 'p95', 'p99.9', 'p95_x', 'ms', 'msx', '500', '500ms', '500 ms', '12000 CNY', '1s',
  '99.9%', '2026-01-01', '2026-01-01T10:00Z', '09:00', '..', '-', '>=', '<', '{', '}', ',', '"s"', '"open', '// c', '/* b */', '/*',
  'indicator', 'indicators', 'kind', 'availability', 'daily', 'weekdays', 'total', 'good', 'bad', '延迟', 'Größe', '蓝莺', '@', '.', '，', '：',
  ' ', '\n', '\r\n', '\t', '\u3000', '_', 'x1', 'rps', 'h', 'down', 'missing',
];

describe('lexer: fast path = general path', () => {
  it('on every sample', () => {
    for (const sample of samples()) assertSameTokens(sample.text, sample.name);
  });

  it('on 300 fuzzed samples (seed 20261205)', () => {
    const all = samples();
    for (let index = 0; index < 300; index++) {
      const fuzz = fuzzCase(all, 20261205, index);
      assertSameTokens(fuzz.text, `case ${index} (${fuzz.sample})`);
    }
  });

  it('on 2,000 seeded random texts of words, near-words and punctuation', () => {
    const next = mulberry32(15);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const count = 1 + Math.floor(next() * 30);
      for (let j = 0; j < count; j++) text += PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.5 ? ' ' : '');
      assertSameTokens(text, JSON.stringify(text));
    }
  });

  // Names that start in ASCII and run into other scripts, marks, digits of other scripts or
  // characters that end a name: where the ASCII scan must hand over to the Unicode pattern.
  const NAME_PIECES = ['a', 'Z', '_', '9', 'x1', 'p95', 'é', 'ª', 'µ', '延迟', '\u0301', '\u0903', '٣', '１', '。', '-', ' ', '\n', '"', '\u{1D400}', '\uD835'];

  it('names: the ASCII scan = the Unicode name pattern at every offset of 2,000 seeded texts', () => {
    const next = mulberry32(151);
    const reference = new RegExp(NAME_AT.source, 'uy');
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const count = 1 + Math.floor(next() * 12);
      for (let j = 0; j < count; j++) text += NAME_PIECES[Math.floor(next() * NAME_PIECES.length)];
      for (let offset = 0; offset <= text.length; offset++) {
        reference.lastIndex = offset;
        const expected = reference.exec(text)?.[0] ?? null;
        assert.equal(matchName(text, offset)?.[0] ?? null, expected, `${JSON.stringify(text)} at ${offset}`);
      }
      assertSameTokens(text, JSON.stringify(text));
    }
  });
});
