// The grammar, the vocabulary and completion agree on which words start an item in each
// block. The grammar's side is read from its productions (getGAstProductions): the first
// tokens of each alternative of a block's item loop.
import assert from 'node:assert/strict';
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  type IProduction,
  type Rule,
  type TokenType,
} from 'chevrotain';
import { describe, it } from 'mocha';
import { ALL_TOKENS, isReservedWord } from '../../server/src/language/lexer';
import { SlaGrammar } from '../../server/src/language/parse/grammar';
import { BLOCK_ITEM_KEYWORDS, ITEM_STARTS, type BlockKind } from '../../server/src/language/vocabulary';
import { ITEM_SHAPES } from '../../server/src/services/features/completion';

const productions: Record<string, Rule> = new SlaGrammar().getGAstProductions();

interface First {
  tokens: Set<TokenType>;
  /** Whether the productions can match nothing at all. */
  nullable: boolean;
}

/** FIRST of a sequence of productions. */
function first(sequence: IProduction[]): First {
  const tokens = new Set<TokenType>();
  for (const production of sequence) {
    const inner = firstOf(production);
    for (const t of inner.tokens) tokens.add(t);
    if (!inner.nullable) return { tokens, nullable: false };
  }
  return { tokens, nullable: true };
}

function firstOf(production: IProduction): First {
  if (production instanceof Terminal) return { tokens: new Set([production.terminalType]), nullable: false };
  if (production instanceof NonTerminal) return first(production.referencedRule.definition);
  if (production instanceof Option || production instanceof Repetition || production instanceof RepetitionWithSeparator) {
    return { tokens: first(production.definition).tokens, nullable: true };
  }
  if (production instanceof RepetitionMandatory || production instanceof RepetitionMandatoryWithSeparator || production instanceof Alternative) {
    return first(production.definition);
  }
  if (production instanceof Alternation) {
    const alternatives = production.definition.map(firstOf);
    return { tokens: new Set(alternatives.flatMap((a) => [...a.tokens])), nullable: alternatives.some((a) => a.nullable) };
  }
  throw new Error(`unexpected production ${production.constructor.name}`);
}

/** The words a token type stands for: its own word, or the words of a category (`DayWord`). */
function wordsOf(tokenType: TokenType): string[] {
  const members = ALL_TOKENS.filter((t) => t.CATEGORIES?.includes(tokenType));
  if (members.length > 0) return members.flatMap(wordsOf);
  assert.equal(typeof tokenType.PATTERN, 'string', `an item starts with ${tokenType.name}, which is not a fixed word`);
  return [tokenType.PATTERN as string];
}

/** The alternatives of the item loop of a rule: `MANY(OR([...items, garbage]))`. */
function itemAlternatives(rule: Rule): NonTerminal[] {
  const loop = rule.definition.find((p): p is Repetition => p instanceof Repetition);
  assert.ok(loop, `rule ${rule.name} has no item loop`);
  const alternation = loop.definition.find((p): p is Alternation => p instanceof Alternation);
  assert.ok(alternation, `the item loop of ${rule.name} has no alternatives`);
  return alternation.definition
    .map((alternative) => (alternative as Alternative).definition[0])
    .filter((p): p is NonTerminal => p instanceof NonTerminal && p.nonTerminalName !== 'garbage');
}

/** The words that start an item of `block`, according to the grammar. */
function grammarItemStarts(block: BlockKind): string[] {
  const rule = productions[block === 'file' ? 'file' : `${block}Block`];
  assert.ok(rule, `no rule for the block ${block}`);
  let items = itemAlternatives(rule);
  // At the top level only `slas` are items; `orphans` and garbage are recovery.
  if (block === 'file') items = items.filter((item) => item.label === 'slas');
  return sorted(items.flatMap((item) => [...first([item]).tokens].flatMap(wordsOf)));
}

function sorted(words: Iterable<string>): string[] {
  return [...new Set(words)].sort();
}

const BLOCKS = Object.keys(ITEM_STARTS) as BlockKind[];

describe('grammar conformance', () => {
  it('reads every block of the vocabulary from the grammar', () => {
    assert.deepEqual(sorted(BLOCKS), sorted(['file', ...Object.keys(BLOCK_ITEM_KEYWORDS)]));
    assert.equal(BLOCKS.length, 11);
  });

  it('opens each block inside an sla with the keyword that is its name (`objective NAME {` opens an objective)', () => {
    const alternation = productions.slaItem.definition[0] as Alternation;
    const blockRules = alternation.definition
      .map((alternative) => (alternative as Alternative).definition[0] as NonTerminal)
      .filter((item) => item.nonTerminalName.endsWith('Block'));
    assert.deepEqual(sorted(blockRules.map((rule) => rule.nonTerminalName.replace(/Block$/, ''))), sorted(BLOCKS.filter((b) => b !== 'file' && b !== 'sla')));
    for (const rule of blockRules) {
      assert.deepEqual([...first([rule]).tokens].flatMap(wordsOf), [rule.nonTerminalName.replace(/Block$/, '')], rule.nonTerminalName);
    }
  });

  for (const block of BLOCKS) {
    describe(block === 'file' ? 'at the top level' : `in the ${block} block`, () => {
      it('the grammar starts items with the words of ITEM_STARTS', () => {
        assert.deepEqual(grammarItemStarts(block), sorted(ITEM_STARTS[block]));
      });

      if (block !== 'file') {
        it("BLOCK_ITEM_KEYWORDS are the grammar's reserved item keywords", () => {
          assert.deepEqual(grammarItemStarts(block).filter(isReservedWord), sorted(BLOCK_ITEM_KEYWORDS[block]));
        });
      }

      it('completion has an item shape for each of those words, and no other', () => {
        assert.deepEqual(sorted(Object.keys(ITEM_SHAPES[block])), grammarItemStarts(block));
      });

      it("each item shape starts with its word", () => {
        for (const [word, slots] of Object.entries(ITEM_SHAPES[block])) {
          const leading = slots[0] as { words?: unknown };
          assert.ok(Array.isArray(leading.words) && leading.words.includes(word), `the ${block} item shape of \`${word}\` does not start with it`);
        }
      });
    });
  }
});
