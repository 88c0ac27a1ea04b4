// scope.ts ReferenceCursor (issue 15, checkfast): the linker resolves references through a
// cursor that walks an sla's reference list in text order; whatever the order it is asked in,
// it must answer exactly as lookupReference's binary search does.
import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../scripts/prng';
import { analyze } from '../../server/src/language/analyze';
import type { Reference } from '../../server/src/language/ast';
import { lookupReference, ReferenceCursor, type DefinitionSort, type SlaScope } from '../../server/src/language/scope';
import { generateContract } from '../../bench/contractGenerator';

const SORTS: readonly DefinitionSort[] = ['service', 'schedule', 'maintenance', 'indicator', 'objective'];

/** Names used before their definitions, of the wrong sort, undefined, and defined twice. */
const TRICKY = `sla Tricky {
  objective early { indicator probe target >= 99.9% window calendar month during office excluding nightly, nothing }
  compensation for probe { below 99% credit 10% }
  compensation for early { below 99% credit 10% }
  indicator probe { kind availability metric "up" }
  schedule office { mon..fri 09:00-18:00 }
  maintenance nightly { every daily 02:00-03:00 }
  objective late { indicator office target >= 99% window calendar month during nightly }
  objective early { indicator nowhere target >= 99% window calendar month }
  compensation for missing { below 99% credit 10% }
}
sla Second {
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99% window calendar month during office }
}
`;

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Asks one cursor about `refs` in the given order, each with every sort, against lookupReference. */
function expectSameAnswers(scope: SlaScope, refs: readonly Reference[], what: string): void {
  const cursor = new ReferenceCursor(scope);
  for (const ref of refs) {
    for (const sort of SORTS) {
      assert.equal(cursor.lookup(ref, sort), lookupReference(scope, ref, sort), `${what}: \`${ref.text}\` at ${ref.offset} as ${sort}`);
    }
  }
}

describe('ReferenceCursor answers as lookupReference', () => {
  const texts = [
    { name: 'tricky', text: TRICKY },
    { name: 'generated', text: generateContract(400) },
  ];
  for (const { name, text } of texts) {
    it(`${name}: in text order, in reverse, shuffled, repeated, and for references of another analysis`, () => {
      const { scopes } = analyze(text);
      const others = analyze(text).scopes; // equal texts, other objects: found by name only
      const next = mulberry32(15);
      let asked = 0;
      scopes.forEach((scope, i) => {
        const refs = scope.references.map((r) => r.ref);
        assert.ok(refs.length > 0, `${name}: sla ${i} has references`);
        const foreign = others[i].references.map((r) => r.ref);
        expectSameAnswers(scope, refs, `${name} in order`);
        expectSameAnswers(scope, [...refs].reverse(), `${name} reversed`);
        for (let round = 0; round < 3; round++) expectSameAnswers(scope, shuffled(refs, next), `${name} shuffled`);
        expectSameAnswers(scope, refs.flatMap((ref) => [ref, ref]), `${name} each twice`);
        expectSameAnswers(scope, refs.filter((_, k) => k % 11 === 0), `${name} far apart`);
        expectSameAnswers(scope, shuffled([...refs, ...foreign], next), `${name} with another analysis's`);
        asked += refs.length;
      });
      assert.ok(asked > 0);
    });
  }

  it('resolves what the scope resolves: the wrong sort and unknown names give nothing', () => {
    const scope = analyze(TRICKY).scopes[0];
    const cursor = new ReferenceCursor(scope);
    const answers = scope.references.map((r) => [r.ref.text, r.clause, cursor.lookup(r.ref, r.expected[0])?.sort]);
    assert.deepEqual(answers, [
      ['probe', 'indicator', 'indicator'],
      ['office', 'during', 'schedule'],
      ['nightly', 'excluding', 'maintenance'],
      ['nothing', 'excluding', undefined],
      ['probe', 'compensation for', undefined],
      ['early', 'compensation for', 'objective'],
      ['office', 'indicator', undefined],
      ['nightly', 'during', undefined],
      ['nowhere', 'indicator', undefined],
      ['missing', 'compensation for', undefined],
    ]);
  });
});
