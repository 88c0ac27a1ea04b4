// The semantic checker (LANGUAGE.md section 4, every code but the parser's SLA001/SLA002).
// Walks each sla once and runs the checks registered for each node's type; each area
// module owns its codes (see the table in registry order below).
import type { ContractFile, Position, Sla, SlaItem } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { linkSlas, type SlaFacts } from '../linked';
import { buildScopes, type SlaScope } from '../scope';
import { childList, childrenOf, mayHaveChildren } from '../traverse';
import { breachCoverChecks } from './breachCover';
import { compensationChecks } from './compensation';
import { CheckContext, type CheckOptions } from './context';
import { comparePositions } from '../text';
import { indicatorChecks } from './indicator';
import { nameChecks } from './names';
import { objectiveChecks } from './objective';
import { onceChecks } from './once';
import { percentChecks } from './percent';
import { quantityChecks } from './quantities';
import { mergeTables, type Check, type CheckedNode, type CheckedType } from './registry';
import { samplingChecks } from './sampling';
import { scheduleChecks } from './schedule';
import { slaChecks } from './sla';
import { effectiveDateChecks } from './effectiveDates';
import { supportChecks } from './support';
import { coverageChecks } from './coverage';
import { reviewChecks } from './review';

const REGISTRY = mergeTables([
  nameChecks, // SLA100–102
  onceChecks, // SLA103
  objectiveChecks, // SLA200, 201, 202, 204, 207, 208, 209
  percentChecks, // SLA203
  indicatorChecks, // SLA205, 206, 210
  coverageChecks, // SLA211–213
  samplingChecks, // SLA214
  compensationChecks, // SLA300–311
  breachCoverChecks, // SLA312
  scheduleChecks, // SLA400
  slaChecks, // SLA401, 402, 500–504
  effectiveDateChecks, // SLA404, 405
  supportChecks, // SLA406
  reviewChecks, // SLA505
  quantityChecks, // SLA001/SLA002 for units fixed by their place (the grammar reads any quantity there)
]);

export type { CheckOptions };

/** Per sla, the diagnostics of each of its items that has any (what the next edit may reuse). */
export type ItemDiagnostics = Map<Sla, Map<SlaItem, readonly Diagnostic[]>>;

/**
 * What a check after an edit may take over (language/reuse.ts): the previous check's
 * `ItemDiagnostics` (spent: updated in place), whose slas and items are this file's objects.
 * An item for which `keeps` holds is not checked again unless it had diagnostics and
 * `moved` says their positions changed; an item without any stays without.
 */
export interface CheckReuse {
  previous: ItemDiagnostics;
  /** Items of the previous check no longer in the file: their diagnostics are dropped. */
  removed: readonly SlaItem[];
  keeps(item: SlaItem): boolean;
  moved(item: SlaItem): boolean;
}

export interface ItemsChecked {
  /** Every diagnostic, sorted as `check` returns them. */
  diagnostics: Diagnostic[];
  /** The diagnostics of the checks that ran on each sla item and the nodes inside it. */
  byItem: ItemDiagnostics;
}

/**
 * Checks a parsed file, keeping each item's diagnostics apart. `scopes` and the `linked` facts
 * are worked out when not given. `parseDiagnostics` (the parser's) lets the checker stay quiet
 * about parts a syntax error may have swallowed: a block with a syntax error in it is not also
 * told that it lacks a `target`. `reuse` gives the diagnostics of items whose result cannot
 * have changed. The order of the reports is that of one walk of each sla
 * (its own checks, then its items in text order), so the sorted result is the same.
 */
export function checkItems(
  file: ContractFile,
  scopes: SlaScope[] | undefined,
  parseDiagnostics: readonly Diagnostic[],
  linked: readonly SlaFacts[] = linkSlas(scopes ?? buildScopes(file)),
  options: CheckOptions = {},
  reuse?: CheckReuse,
  /** Keep each item's diagnostics (`byItem`) for the next edit; `sla check` (analyze.ts `diagnose`) has none. */
  keepItems = true,
): ItemsChecked {
  const out: Diagnostic[] = [];
  const byItem: ItemDiagnostics = new Map();
  const syntaxErrors = syntaxErrorsOf(parseDiagnostics);
  for (const facts of linked) {
    const ctx = new CheckContext(facts, out, syntaxErrors, options);
    const sla = facts.sla;
    for (const run of (REGISTRY.Sla ?? []) as readonly Check<'Sla'>[]) run(sla, ctx, undefined);
    if (!keepItems) {
      // The order of the kept path without reuse: the sla's checks, then its items in text order.
      const items = childrenOf(sla);
      for (let i = 0; i < items.length; i++) walk(items[i], checksOf(items[i]), sla, ctx);
      continue;
    }
    const kept = reuse?.previous.get(sla);
    if (kept) for (const item of reuse!.removed) kept.delete(item);
    const diagnosed = kept ?? new Map<SlaItem, readonly Diagnostic[]>();
    const items = childrenOf(sla) as readonly SlaItem[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (kept && reuse!.keeps(item) && (!kept.has(item) || !reuse!.moved(item))) continue;
      const collected: Diagnostic[] = [];
      ctx.reportInto(collected);
      walk(item, checksOf(item), sla, ctx);
      ctx.reportInto(out);
      if (collected.length > 0) diagnosed.set(item, collected);
      else diagnosed.delete(item);
    }
    // In text order (a map updated in place is not): the order of one walk, before sorting.
    const withDiagnostics = [...diagnosed.keys()];
    if (kept) withDiagnostics.sort((a, b) => a.offset - b.offset);
    for (const item of withDiagnostics) for (const d of diagnosed.get(item)!) out.push(d);
    byItem.set(sla, diagnosed);
  }
  return { diagnostics: sortDiagnostics(out), byItem };
}

// Indexed loops: a full check of a large contract runs this for every node once, mostly
// before the JIT has optimised it, where `for … of` pays for an iterator per array. A child
// with no checks and no children (`kind`, `metric`, `indicator` in an objective, …: a third
// of the nodes at 200,000 lines) is not visited: its visit would do nothing. Holes are skipped
// here rather than by `childrenOf`, whose search for them was a second loop per node (and,
// optimised by OSR, entered from the unoptimised walk hundreds of times: issue 15, "postjit").
// The caller looks up the checks of the node's type (it needs them to decide the visit).
function walk(node: CheckedNode, checks: readonly Check<CheckedType>[] | undefined, parent: CheckedNode | undefined, ctx: CheckContext): void {
  if (checks) for (let i = 0; i < checks.length; i++) checks[i](node as never, ctx, parent);
  const children = childList(node);
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    const childChecks = checksOf(child);
    if (childChecks !== undefined || mayHaveChildren(child)) walk(child, childChecks, node, ctx);
  }
}

function checksOf(node: CheckedNode): readonly Check<CheckedType>[] | undefined {
  return REGISTRY[node.type] as readonly Check<CheckedType>[] | undefined;
}

/** Where the parser's syntax errors (SLA001) start. Invalid literals (SLA002) lose no structure. */
function syntaxErrorsOf(parseDiagnostics: readonly Diagnostic[]): Position[] {
  return parseDiagnostics.filter((d) => d.code === 'SLA001').map((d) => d.range.start);
}

/** Sorts by start position, then end position, then code: the order editors and the CLI show. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      comparePositions(a.range.start, b.range.start) ||
      comparePositions(a.range.end, b.range.end) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
