// The shared lexer and parser skip Chevrotain's definition checks at start-up (lexer.ts
// createLexer, parser.ts sharedGrammar): these tests run them, so a token pattern or grammar
// rule that fails them fails the suite instead of going unnoticed.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { createToken, Lexer } from 'chevrotain';
import { createLexer, tokenize } from '../../server/src/language/lexer';
import { SlaGrammar } from '../../server/src/language/parse/grammar';
import { parse } from '../../server/src/language/parser';

describe('Chevrotain definition checks (skipped at start-up, run here)', () => {
  it('the token patterns pass the lexer validations', () => {
    const lexer = createLexer(true);
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
  });

  it('the validating lexer and the shared one give the same tokens', () => {
    const text = 'sla A { objective up { target >= 99.9% window calendar month } } // c\n"x" 500ms 2026-01-01 09:00';
    const shared = tokenize(text).tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
    const validated = createLexer(true).tokenize(text).tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);
    // The shared lexer retypes words (`sla`, `objective`): compare offsets and images.
    assert.deepEqual(shared.map(([, o, i]) => [o, i]), validated.map(([, o, i]) => [o, i]));
  });

  it('the grammar passes the parser validations and parses as the shared instance', () => {
    // performSelfAnalysis throws on any definition error the validations find.
    assert.doesNotThrow(() => new SlaGrammar());
    assert.equal(parse('sla A {\n  version "1"\n}\n').diagnostics.length, 0);
  });

  it('the validations are on when asked (a pattern that matches nothing is an error)', () => {
    const empty = createToken({ name: 'Empty', pattern: /a*/ });
    assert.throws(() => new Lexer([empty], { skipValidations: false }), /empty|Empty/);
  });
});
