// GatedLookahead (parse/gatedLookahead.ts): a repetition whose gate is built into its lookahead
// function once stops where the same MANY given `{ GATE, DEF }` stops, and a gate that finds no
// repetition is an error at construction, not a loop that silently runs ungated.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { createToken, EmbeddedActionsParser, Lexer, type TokenType } from 'chevrotain';
import { GatedLookahead } from '../../server/src/language/parse/gatedLookahead';

const Word = createToken({ name: 'Word', pattern: /[a-z]+/ });
const Stop = createToken({ name: 'Stop', pattern: /!/ });
const Space = createToken({ name: 'Space', pattern: /\s+/, group: Lexer.SKIPPED });
const TOKENS: TokenType[] = [Word, Stop, Space];
const lexer = new Lexer(TOKENS);

/** `words` takes words while the gate allows (at most `limit`), then an optional `!`. */
class Words extends EmbeddedActionsParser {
  taken: string[] = [];
  limit = Infinity;

  constructor(gated: 'strategy' | 'dsl', gateRule = 'words') {
    const lookaheadStrategy = new GatedLookahead({ maxLookahead: 1 });
    super(TOKENS, { recoveryEnabled: true, maxLookahead: 1, lookaheadStrategy });
    const gate = () => this.taken.length < this.limit;
    const def = () => {
      this.taken.push(this.CONSUME(Word).image);
    };
    this.RULE('words', () => {
      if (gated === 'strategy') this.MANY(def);
      else this.MANY({ GATE: gate, DEF: def });
      this.OPTION(() => this.CONSUME(Stop));
    });
    if (gated === 'strategy') lookaheadStrategy.gate(gateRule, gate);
    this.performSelfAnalysis();
    lookaheadStrategy.assertAllPlaced();
  }

  run(text: string, limit: number): { taken: string[]; errors: number } {
    this.taken = [];
    this.limit = limit;
    this.input = lexer.tokenize(text).tokens;
    (this as unknown as { words(): void }).words();
    return { taken: this.taken, errors: this.errors.length };
  }
}

describe('GatedLookahead: gates built into repetitions', () => {
  it('stops a repetition where the same gate given to MANY stops it, errors included', () => {
    const byStrategy = new Words('strategy');
    const byDsl = new Words('dsl');
    for (const [text, limit] of [['a b c !', Infinity], ['a b c !', 2], ['a b c', 0], ['a b ! c', 5], ['', 1]] as const) {
      assert.deepEqual(byStrategy.run(text, limit), byDsl.run(text, limit), `${JSON.stringify(text)}, at most ${limit}`);
    }
    assert.deepEqual(byStrategy.run('a b c !', 2).taken, ['a', 'b']);
  });

  it('a gate given for a rule without a repetition is an error at construction', () => {
    assert.throws(() => new Words('strategy', 'noSuchRule'), /noSuchRule/);
  });
});
