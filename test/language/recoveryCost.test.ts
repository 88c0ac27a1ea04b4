// What the grammar does so that recovery stays cheap when a contract has thousands of syntax
// errors (parse/grammar.ts): Chevrotain's follow sets remembered per grammar path, and its
// recognition exceptions made without a stack trace. Neither may change a parse.
import { strict as assert } from 'node:assert';
import type { TokenType } from 'chevrotain';
import { parse, sharedGrammar } from '../../server/src/language/parser';
import { goldenCases } from './parserGolden';

type Follows = (expected: TokenType, occurrence: number) => TokenType[];

describe('parser error recovery: its cost', function () {
  this.timeout(120_000);

  it('remembers the follow sets Chevrotain works out, equal to a fresh walk at every recovery in the golden corpus', () => {
    const grammar = sharedGrammar() as unknown as { getFollowsForInRuleRecovery: Follows };
    const remembered = grammar.getFollowsForInRuleRecovery;
    const chevrotains = Object.getPrototypeOf(Object.getPrototypeOf(grammar)).getFollowsForInRuleRecovery as Follows;
    let compared = 0;
    let reused = 0;
    const seen = new Set<TokenType[]>();
    const differing: string[] = [];
    grammar.getFollowsForInRuleRecovery = function (expected, occurrence) {
      const answer = remembered.call(this, expected, occurrence);
      const walked = chevrotains.call(this, expected, occurrence);
      // Recorded, not asserted here: the parser turns anything thrown into a diagnostic.
      const names = (types: TokenType[]) => types.map((t) => t.name).join(' ');
      if (names(answer) !== names(walked)) differing.push(`${expected.name} #${occurrence}: ${names(answer)} instead of ${names(walked)}`);
      if (seen.has(answer)) reused++;
      seen.add(answer);
      compared++;
      return answer;
    };
    try {
      for (const golden of goldenCases()) parse(golden.text, golden.locale);
    } finally {
      delete (grammar as { getFollowsForInRuleRecovery?: Follows }).getFollowsForInRuleRecovery;
    }
    assert.equal(grammar.getFollowsForInRuleRecovery, remembered, 'the grammar has its own method again');
    assert.deepEqual(differing.slice(0, 5), [], `${differing.length} of ${compared} recoveries`);
    assert.ok(compared > 1000, `${compared} recoveries compared`);
    assert.ok(reused > compared / 2, `most recoveries reuse a remembered set (${reused} of ${compared})`);
  });

  it('makes recognition exceptions without a stack, gives each syntax error its diagnostic, and leaves the stack trace limit as it was', () => {
    const lines = ['sla Flood {'];
    for (let i = 0; i < 80; i++) lines.push(`  objective o${i} { indicator probe target 99.9% }`);
    lines.push('}');
    const before = Error.stackTraceLimit;
    // Chevrotain's RecognitionException captures its stack with Error.captureStackTrace.
    const capture = Error.captureStackTrace;
    const limits: number[] = [];
    Error.captureStackTrace = (target: object, constructor?: Function) => {
      limits.push(Error.stackTraceLimit);
      capture(target, constructor);
    };
    let diagnostics;
    try {
      diagnostics = parse(lines.join('\n')).diagnostics;
    } finally {
      Error.captureStackTrace = capture;
    }
    assert.equal(Error.stackTraceLimit, before);
    assert.ok(limits.length >= 80 && limits.every((limit) => limit === 0), `stack trace limits while exceptions were made: ${[...new Set(limits)]}`);
    assert.equal(diagnostics.length, 80);
    assert.ok(diagnostics.every((d, i) => d.code === 'SLA001' && d.range.start.line === i + 1 && /comparator/.test(d.message)));
    assert.ok(new Error('after a parse').stack!.includes('recoveryCost.test'), 'errors made after a parse have their stack');
  });
});
