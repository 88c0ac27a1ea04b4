// SLA103: items that may appear once per block (LANGUAGE.md section 3), reported on the
// later occurrence. Also a second `compensation for` the same objective: its tiers would
// compete with the first clause's, so the objective gets one clause.
import { NODE_KEYWORDS, type Compensation, type Range, type Sla, type Span } from '../ast';
import { lineOf, type Block, type CheckContext } from './context';
import { describeBlock, joinRanges } from './describe';
import type { CheckTable } from './registry';

/** Per block type: the item types that may appear once. */
const ONCE_ONLY: { readonly [B in Block['type']]?: readonly OnceItemType[] } = {
  Sla: ['Version', 'Provider', 'Customer', 'Effective', 'Timezone', 'Fee', 'Credits', 'Reporting', 'Review', 'Reviewed', 'Support'],
  Service: ['Description'],
  Indicator: ['Kind', 'Metric', 'Ratio', 'Unit', 'Description', 'SampleEvery', 'MissingDown', 'Counters'],
  Objective: ['IndicatorRef', 'ServiceRef', 'Target', 'Window', 'During', 'Coverage', 'Description'],
  Credits: ['Cap', 'Claim'],
  Maintenance: ['Notice'],
  Support: ['Hours'],
};

type OnceItemType = keyof typeof NODE_KEYWORDS;

/** The words a message writes an item with: its keyword (ast.ts), or the phrase that starts it. */
const PHRASES: { readonly [T in OnceItemType]?: string } = { MissingDown: 'missing down', Claim: 'claim within' };

/** Items that are blocks themselves are reported on their keyword, not their whole body. */
const BLOCK_ITEMS: ReadonlySet<string> = new Set(['Credits', 'Support']);

interface Item {
  type: string;
  keyword: Span;
  range: Range;
}

/** ONCE_ONLY as maps: looked up for every item of every block (a large sla has tens of thousands). */
const ONCE_WORDS = new Map(Object.entries(ONCE_ONLY).map(([block, types]) => [block, new Map<string, string>(types.map((type) => [type, PHRASES[type] ?? NODE_KEYWORDS[type]]))]));

function checkOnceOnly(block: Block, ctx: CheckContext): void {
  const once = ONCE_WORDS.get(block.type);
  if (!once || !('items' in block)) return;
  // The first item of each once-only type, in the order met: a few at most, so a list, and
  // one list for every block, its first `count` entries this block's: a new one per block was a
  // fifth of what a check of the 200k contract allocated (issue 15). No check runs inside
  // another, so it is never shared.
  const firsts = FIRSTS;
  let count = 0;
  const items = (block.items ?? []) as readonly Item[];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    const word = once.get(item.type);
    if (word === undefined) continue;
    // A loop, not `find` with a closure: this runs for every item of every block.
    let first: Item | undefined;
    for (let j = 0; j < count && !first; j++) if (firsts[j]!.type === item.type) first = firsts[j];
    if (!first) {
      firsts[count++] = item;
      continue;
    }
    const range = BLOCK_ITEMS.has(item.type) ? item.keyword.range : item.range;
    ctx.report('SLA103', range, ctx.t('check.sla103', { word, block: describeBlock(block), line: lineOf(first.keyword.range) }));
  }
  for (let j = 0; j < count; j++) firsts[j] = undefined; // hold no item of this block after the check
}

/** Never shorter than it was: emptying an array gives its room back, and the next block would allocate again. */
const FIRSTS: (Item | undefined)[] = [];

function checkOneCompensationPerObjective(_sla: Sla, ctx: CheckContext): void {
  // Objectives with more than one clause, in the order of their first clause (that of a walk
  // over the clauses); one pass over the objectives' facts rather than a look-up per clause.
  const repeated: (readonly Compensation[])[] = [];
  // `forEach`, not `for … of`: no iterator result per objective before the JIT has warmed up.
  ctx.linked.objectives.forEach((facts) => {
    if (facts.compensations.length > 1) repeated.push(facts.compensations);
  });
  repeated.sort((a, b) => a[0].offset - b[0].offset);
  for (const [first, ...later] of repeated) {
    for (const duplicate of later) {
      ctx.report(
        'SLA103',
        joinRanges(duplicate.keyword, duplicate.target),
        ctx.t('check.sla103.compensation', { objective: duplicate.target?.text ?? '', line: lineOf(first.keyword.range) }),
      );
    }
  }
}

export const onceChecks: CheckTable = {
  Sla: [checkOnceOnly, checkOneCompensationPerObjective],
  Service: [checkOnceOnly],
  Indicator: [checkOnceOnly],
  Objective: [checkOnceOnly],
  Credits: [checkOnceOnly],
  Maintenance: [checkOnceOnly],
  Support: [checkOnceOnly],
};
