// Chevrotain's LL(k) lookahead (its `lookaheadStrategy` option), with the gates of the grammar's
// block item loops built into their repetitions' lookahead functions once, when the grammar is
// analysed. A MANY given `{ GATE, DEF }` makes a new closure (the gate, then the lookahead) at
// every invocation: one per block, 43,000 at 200,000 lines (issue 15, "recog"). The function made
// here is the same test in the same order, so the parse, and the recovery that is handed the
// same function, are unchanged.
import { LLkLookaheadStrategy, type ILookaheadStrategy } from 'chevrotain';

type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];

export class GatedLookahead extends LLkLookaheadStrategy {
  /** The gate of the first repetition (MANY, occurrence 0) of each rule that has one. */
  private readonly gates = new Map<string, () => boolean>();

  /** Gives the first repetition of `rule` the gate `gate` (called before the grammar's analysis). */
  gate(rule: string, gate: () => boolean): void {
    this.gates.set(rule, gate);
  }

  override buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    const lookahead = super.buildLookaheadForOptional(options);
    const gate = options.prodType === 'Repetition' && options.prodOccurrence === 0 ? this.gates.get(options.rule.name) : undefined;
    if (gate === undefined) return lookahead;
    this.gates.delete(options.rule.name);
    return function gatedLookahead(this: unknown): boolean {
      return gate() && lookahead.call(this);
    };
  }

  /** After the analysis: every gate given went to a repetition (a rule without one is a grammar error). */
  assertAllPlaced(): void {
    if (this.gates.size > 0) throw new Error(`no repetition for the gates of ${[...this.gates.keys()].join(', ')}`);
  }
}
