// Differential tests of the chunked parse (issue 15, "streamparse"; parse/chunks.ts): with
// small and seeded random chunk sizes forced, `parse` and `parseForDiagnostics` give exactly
// what the whole-text parse gives (the golden hash of AST + diagnostics, every token, every
// comment) on every case of the golden corpus and on generated contracts after random edits;
// what cannot be parsed in chunks (lexical and syntax errors, nesting beyond the limit, a
// block comment across a cut, an item longer than the lookahead) is parsed whole.
import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { diagnose } from '../../server/src/language/analyze';
import { MAX_NESTING, parse, parseForDiagnostics, wasParsedInChunks, type ParseResult, type ParsedTree } from '../../server/src/language/parser';
import { DEFAULT_CHUNKING, type Chunking } from '../../server/src/language/parse/chunks';
import { canonical, goldenCases, hashOf, readHashes } from './parserGolden';
import type { Locale } from '../../server/src/l10n/locale';

const SEED = Number(process.env.SLA_CHUNKED_SEED ?? 20261205);

/** Never in chunks: the whole-text parse. */
const WHOLE: Chunking = { threshold: Infinity, size: () => 1 };

/** Chunks of `size` characters (each ends at the next line break), for any text. */
const fixed = (size: number): Chunking => ({ threshold: 0, size: () => size });

/** Chunks of seeded random sizes from 1 to `max` characters (the same sizes in every parse: each starts the sequence again). */
function random(seed: number, max: number): Chunking {
  let next = mulberry32(seed);
  return {
    threshold: 0,
    size: (index) => {
      if (index === 0) next = mulberry32(seed);
      return 1 + Math.floor(next() * max);
    },
  };
}

const hash = (tree: ParsedTree) => hashOf({ ast: JSON.stringify(canonical(tree.file)), diagnostics: JSON.stringify(canonical(tree.diagnostics)) });

const tokenFacts = (result: ParseResult) => {
  const facts: [number, number, string, string][] = [];
  for (let i = 0; i < result.tokens.length; i++) facts.push([result.tokens.startAt(i), result.tokens.endAt(i), result.tokens.typeAt(i).name, result.tokens.imageAt(i)]);
  return facts;
};

/**
 * Asserts that both entries parse `text` in `chunking` as they do whole (`wholeHash`: the
 * whole-text parse's hash when known); returns whether the chunks were taken.
 */
function assertSameAsWhole(text: string, chunking: Chunking, what: string, locale?: Locale, wholeHash?: string): boolean {
  const chunked = parse(text, locale, chunking);
  // Not taken, the whole-text parse ran: then its hash is all there is to compare.
  if (wholeHash !== undefined && !wasParsedInChunks(chunked)) {
    assert.equal(hash(chunked), wholeHash, `${what}: AST and diagnostics`);
    return false;
  }
  const whole = parse(text, locale, WHOLE);
  assert.equal(wasParsedInChunks(whole), false);
  assert.equal(hash(chunked), wholeHash ?? hash(whole), `${what}: AST and diagnostics`);
  assert.deepEqual(tokenFacts(chunked), tokenFacts(whole), `${what}: tokens`);
  assert.equal(chunked.tokens.text, whole.tokens.text, `${what}: the tokens' source`);
  assert.deepEqual(chunked.comments, whole.comments, `${what}: comments`);
  const forDiagnostics = parseForDiagnostics(text, locale, chunking);
  assert.equal(hash(forDiagnostics), hash(whole), `${what}: parseForDiagnostics`);
  assert.equal(wasParsedInChunks(forDiagnostics), wasParsedInChunks(chunked), `${what}: both entries take the same path`);
  return wasParsedInChunks(chunked);
}

/** A valid contract of about `lines` lines, with comments, strings with escapes, full-width punctuation and a literal warning or two. */
function contract(lines: number): string {
  return (
    '// a contract\n/* a block comment\n   over lines */\n' +
    generateContract(lines)
      .replace('99.9%', '99.9％') // SLA003, read as `%`
      .replace(/description "/, 'description "tab\\t and \\"quotes\\" ')
  );
}

describe('chunked parse equals the whole-text parse', function () {
  this.timeout(180_000);

  it('on every golden case, with chunks of 1, 7 and 40 characters and of random sizes', () => {
    // The recorded hashes are the whole-text parse's (parserGolden.test.ts).
    const hashes = readHashes();
    const cases = goldenCases();
    const chunkings = [fixed(1), fixed(7), fixed(40)];
    let chunked = 0;
    cases.forEach((golden, i) => {
      const chunking = i % 4 < 3 ? chunkings[i % 4] : random(SEED + i, 120);
      if (assertSameAsWhole(golden.text, chunking, `case ${golden.name}`, golden.locale, hashes[golden.name])) chunked++;
    });
    // The corpus is mostly broken text (parsed whole); its valid cases must take the chunks.
    assert.ok(chunked >= 250, `only ${chunked} of ${cases.length} cases were parsed in chunks`);
  });

  it('on generated contracts after seeded random edits', () => {
    const next = mulberry32(SEED);
    const int = (n: number) => Math.floor(next() * n);
    const junk = ['a', ' ', '\n', '"', '{', '}', '/*', '*/', '//', '%', '蓝', '，', '9', 'ms', 'objective x {', '@'];
    let text = contract(600);
    let chunked = 0;
    let whole = 0;
    for (let round = 0; round < 60; round++) {
      // Whole items copied, moved or deleted, comments and line breaks added, line ends
      // changed (the text stays a contract); now and then a piece of junk (it mostly does not).
      const items = parse(text, undefined, WHOLE).file.slas.flatMap((sla) => sla.items);
      if (items.length < 10) text = contract(600);
      else {
        const item = items[int(items.length)];
        const target = items[int(items.length)];
        const copy = text.slice(item.offset, item.endOffset);
        const roll = next();
        if (roll < 0.3) text = text.slice(0, target.offset) + copy + '\n  ' + text.slice(target.offset);
        else if (roll < 0.5) text = text.slice(0, item.offset) + text.slice(item.endOffset);
        else if (roll < 0.7) text = text.slice(0, target.endOffset) + (next() < 0.5 ? ' // note' : '\n  /* a\n  note */') + text.slice(target.endOffset);
        else text = text.slice(0, item.offset) + copy.replace(/\n/g, next() < 0.5 ? '\r\n' : '\n\n') + text.slice(item.endOffset);
      }
      const edited = round % 4 === 0 ? (() => {
        const at = int(text.length);
        return text.slice(0, at) + junk[int(junk.length)] + text.slice(at);
      })() : text;
      const chunking = round % 2 === 0 ? random(SEED * 7 + round, 400) : fixed(1 + int(4000));
      if (assertSameAsWhole(edited, chunking, `round ${round} (seed ${SEED})`)) chunked++;
      else whole++;
    }
    assert.ok(chunked >= 30 && whole >= 5, `${chunked} rounds parsed in chunks, ${whole} whole: both paths must be exercised`);
  });

  it('takes the chunks for a large contract by default, and `diagnose` gives what the whole-text parse gives', () => {
    const text = contract(16_000);
    assert.ok(text.length >= DEFAULT_CHUNKING.threshold, 'the contract is above the threshold');
    assert.equal(assertSameAsWhole(text, DEFAULT_CHUNKING, 'large contract'), true);
    assert.equal(wasParsedInChunks(parse(text)), true);
    const diagnostics = diagnose(text);
    assert.ok(diagnostics.some((d) => d.code === 'SLA003'), 'the full-width `％` is reported');
    assert.deepEqual(diagnostics, diagnose(text.replace('// a contract', '// a contract @')).filter((d) => d.code !== 'SLA001'));
  });

  it('across several slas, with chunks taken inside nested blocks', () => {
    // (No block comment over lines: a cut through it makes the parse take the whole text.)
    const one = `// one of three\n${generateContract(300).replace('99.9%', '99.9％')}`;
    const text = [one, one.replace('sla Bench', 'sla Second'), one.replace('sla Bench', 'sla Third')].join('\n');
    for (const chunking of [fixed(1), fixed(50), fixed(700), random(SEED + 1, 300)]) assert.equal(assertSameAsWhole(text, chunking, 'three slas'), true);
  });

  describe('parses the whole text instead, with the same result', () => {
    // A comment on one line: one over lines would be cut, and the whole text parsed for that alone.
    const base = contract(200).replace('/* a block comment\n   over lines */', '/* a block comment */');
    const anchor = '  indicator avail_1 {';

    it('(but in chunks without the fault)', () => {
      for (const size of [1, 30]) assert.equal(assertSameAsWhole(base, fixed(size), `the contract in chunks of ${size}`), true);
    });

    const cases: [string, string, Chunking][] = [
      ['a lexical error', base.replace('kind availability', 'kind availability @'), fixed(30)],
      ['a syntax error', base.replace('window calendar month', 'window calendar'), fixed(30)],
      ['an unclosed string', base.replace('"probe_success_0"', '"probe_success_0'), fixed(30)],
      ['an unclosed block comment', `${base}\n/* never closed\n`, fixed(30)],
      ['a block comment over a cut', base.replace(anchor, `  /*\n\n\n\n*/\n${anchor}`), fixed(1)],
      ['nesting beyond the limit', base.replace(anchor, `  ${'{'.repeat(MAX_NESTING + 1)}${'}'.repeat(MAX_NESTING + 1)}\n${anchor}`), fixed(30)],
      ['items outside any sla', `${base}\nversion "2"\n`, fixed(30)],
    ];
    for (const [what, text, chunking] of cases) {
      it(`after ${what}`, () => {
        assert.notEqual(text, base, `${what}: the fault is in the text`);
        assert.equal(assertSameAsWhole(text, chunking, what), false);
      });
    }

    it('after a block comment left open by `/*/` at the end of the text', () => {
      const text = `${base}\n/*/`;
      assert.equal(assertSameAsWhole(text, fixed(30), 'an open `/*/` at the end'), false);
      assert.deepEqual(
        parse(text).diagnostics.filter((d) => d.code === 'SLA001').map((d) => d.message),
        ['comment is not closed: add `*/` (block comments do not nest)'],
      );
    });

    it('after an item longer than the lookahead', () => {
      // The tokens held end inside the list: just after a `,` (a syntax error there), or,
      // with the commas leading the lines, where the list could end.
      for (const separator of [',\n      ', '\n      , ']) {
        const longList = `  service many {\n    includes ${Array.from({ length: 400 }, (_, i) => `"s${i}"`).join(separator)}\n  }\n`;
        const text = base.replace(anchor, `${longList}${anchor}`);
        assert.notEqual(text, base);
        assert.equal(assertSameAsWhole(text, fixed(1), 'a long item'), false);
        // With chunks larger than the item, the same text is parsed in chunks.
        assert.equal(assertSameAsWhole(text, fixed(16_000), 'a long item in large chunks'), true);
      }
    });
  });
});
