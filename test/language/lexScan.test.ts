// The hand-written lexer (lexScan.ts, what `tokenize` and `tokenizePart` use) gives exactly
// what Chevrotain's lexer of the same token set gives (the reference, called directly):
// tokens (type, offset, image), comments and error runs, on the parser's golden corpus,
// every sample and seeded random texts made of fragments that hit each pattern's edges.
import { strict as assert } from 'node:assert';
import type { IToken } from 'chevrotain';
import { CONTEXTUAL_WORDS, KEYWORDS, tokenizePart, tokenizePartWithChevrotain, type LexedPart } from '../../server/src/language/lexer';
import { readFullWidth } from '../../server/src/language/fullWidth';
import { mulberry32 } from '../../scripts/prng';
import { samples } from '../fuzz/fuzzer';
import { goldenCases } from './parserGolden';

const shape = (t: IToken) => `${t.tokenType.name}#${t.tokenTypeIdx} ${t.startOffset}-${t.endOffset} ${JSON.stringify(t.image)}`;

function assertSamePart(read: string, start: number, end: number, what: string): void {
  const fast: LexedPart = tokenizePart(read, start, end);
  const reference: LexedPart = tokenizePartWithChevrotain(read, start, end);
  assert.deepEqual(fast.tokens.map(shape), reference.tokens.map(shape), `tokens of ${what}`);
  assert.deepEqual(fast.comments.map(shape), reference.comments.map(shape), `comments of ${what}`);
  assert.deepEqual(fast.errors, reference.errors, `errors of ${what}`);
}

/** The whole text as the lexer reads it, and a part that starts at a line start. */
function assertSameLexing(text: string, what: string, next?: () => number): void {
  const read = readFullWidth(text).text;
  assertSamePart(read, 0, read.length, what);
  if (next === undefined || read.length === 0) return;
  const lineStarts = [0];
  for (let i = 0; i < read.length; i++) if (read[i] === '\n') lineStarts.push(i + 1);
  const start = Math.min(lineStarts[Math.floor(next() * lineStarts.length)], read.length);
  // Half end just after a line feed (lexed in place), half anywhere (lexed as a slice).
  const anywhere = start + Math.floor(next() * (read.length - start + 1));
  const lineEnd = read.indexOf('\n', anywhere);
  const end = next() < 0.5 || lineEnd < 0 ? anywhere : lineEnd + 1;
  assertSamePart(read, start, end, `${what} [${start}, ${end})`);
}

/** Fragments that reach every pattern's edges, and the characters between them. */
const FRAGMENTS = [
  // numbers, dates, times, date-times
  '0', '7', '42', '500', '99.9', '99.', '99..', '1.5.2', '.5', '2026', '20261', '2026-', '2026-1', '2026-01', '2026-01-', '2026-1-5',
  '2026-01-01', '2026-001-01', '2026-01-011', '2026-01-01T', '2026-01-01T1', '2026-01-01T10:', '2026-01-01T10:0', '2026-01-01T10:00',
  '2026-01-01T10:000', '2026-01-01T100:00', '2026-01-01T10:00:', '2026-01-01T10:00:5', '2026-01-01T10:00:59.', '2026-01-01T10:00:59.123',
  '2026-01-01T10:00:591', 'Z', '+08:00', '-8:00', '+08:0', '+080:00', '+8:000', '2026-01-01T10:00Z', '2026-01-01T10:00+08:00',
  '2026-01-01T02:00:00-05:30', '2026-10-01T00:00:00+08:00', '09:00', '9:5', '24:00', '123:456', '1:', ':30', '09:00-18:00',
  // units, currencies, percentiles
  'ms', 's', 'm', 'min', 'h', 'd', 'w', 'rps', 'rpm', 'msx', 'CNY', 'USD', 'CN', 'CNYX', 'Cny', '500ms', '500 ms', '500\tms', '500  s',
  '12000 CNY', '10 USD', '30d', '1s', '5 x', '5x', '5_', '5延迟', '5 延迟', 'p', 'p9', 'p95', 'p99.9', 'p99.', 'p95_x', 'p95x', 'p99.9x',
  'p99.9_', 'p1', 'p95延迟', 'p95.5延迟', 'P95', 'p٣',
  // the unit rule across what is not inline space (three fragments in a row are rarely drawn)
  '500/* c */ms', '500 // c\nms', '500\nms', '500\r\nms', '500\u00a0ms', '5p99.9', '5 p95', '1e5',
  // words
  'sla', 'slab', 'objective', 'objectives', 'target', 'mon', 'monday', 'month', 'monthly', 'daily', 'weekdays', 'total', 'good', 'bad',
  'avg', 'down', 'missing', 'kind', 'availability', 'x', 'X1', '_', '_a', 'a_b', 'Größe', 'é', 'ª', 'µ', '蓝莺', '蓝莺IM', '可用性１',
  '\u0301', 'a\u0301', '\u{1D400}', 'x\u{1D400}', '\uD835', '\uDC00',
  // punctuation, comparison, ranges
  '{', '}', ',', '-', '%', '>', '>=', '<', '<=', '=', '..', '.', '...', '\\', 'mon..fri', '1..5', ':', ';', '@', '#', '!', '?', '§', '€', '😀',
  '\u0000', '\u007f', '\u0085',
  // strings and comments
  '"', '"s"', '"open', '"a\\"b"', '"a\\', '"\\\\"', '"tab\there"', '"蓝莺"', '"line\nbreak"', '"cr\rx"', '//', '// c', '// 注释', '/*', '/* b */',
  '/* x', '*/', '/*/', '/**/', '/* a * b */', '/* \n */', '/', '*',
  // full-width punctuation (read as ASCII outside strings and comments)
  '，', '：', '％', '－', '–', '—', '．', '＞', '＜', '｛', '｝', '“', '”', '“引号”', '１２', '\u3000',
  // white space: ASCII, line ends, and the Unicode spaces of `\s`, and some that are not
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029', '\u202f',
  '\u205f', '\u3000', '\ufeff', '\u200b', '\u180e',
];

describe('lexScan: the hand-written lexer = Chevrotain\'s lexer', () => {
  it('on every case of the parser golden corpus', function () {
    this.timeout(60_000);
    const next = mulberry32(20261205);
    const cases = goldenCases();
    assert.ok(cases.length > 3000, `${cases.length} golden cases`);
    for (const golden of cases) assertSameLexing(golden.text, golden.name, next);
  });

  it('on every sample, the 蓝莺IM ones among them', () => {
    const all = samples();
    assert.ok(all.some((s) => s.name === 'lanying-im.zh.sla'));
    const next = mulberry32(7);
    for (const sample of all) assertSameLexing(sample.text, sample.name, next);
  });

  // The scanner finds words by a trie followed while it reads a name (lexer.ts matchName): a
  // word, every prefix of it, it with a character more, in another case, and two words run
  // together are each one name, of the word's type only when it is the whole word.
  it('on every word of the vocabulary, its prefixes and its extensions', () => {
    const words = [...KEYWORDS, ...CONTEXTUAL_WORDS];
    assert.ok(words.length > 90, `${words.length} words`);
    const names: string[] = [];
    for (const word of words) {
      for (let length = 1; length <= word.length; length++) names.push(word.slice(0, length));
      names.push(`${word}s`, `${word}x`, `${word}_`, `${word}1`, `_${word}`, word.toUpperCase(), `${word[0].toUpperCase()}${word.slice(1)}`, `${word}${word}`, `${word}é`);
    }
    const text = names.join(' ');
    assertSameLexing(text, 'the vocabulary');
    // Both lexers read names with matchName, so the types are also checked against the vocabulary itself.
    const vocabulary = new Set(words);
    const expected = names.map((name) => `${vocabulary.has(name) ? name : 'Identifier'} ${JSON.stringify(name)}`);
    assert.deepEqual(tokenizePart(text, 0, text.length).tokens.map((t) => `${t.tokenType.name} ${JSON.stringify(t.image)}`), expected);
  });

  it('on 20,000 seeded random texts of edge fragments', function () {
    this.timeout(60_000);
    const next = mulberry32(1515);
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const count = 1 + Math.floor(next() * 24);
      for (let j = 0; j < count; j++) {
        text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
        const gap = next();
        if (gap < 0.3) text += ' ';
        else if (gap < 0.35) text += '\n';
      }
      assertSameLexing(text, JSON.stringify(text), next);
    }
  });
});
