// After an incremental parse (reparse.ts): which sla items must have their linked facts and
// check diagnostics worked out again, and which keep the previous analysis's (issue 15).
//
// Exact by construction, under conditions checked here (anything else: no reuse):
// - the edit replaced items of one sla by as many items, pairwise of the same type and the
//   same name (or `compensation for` target), all of them services, schedules, maintenance
//   windows, indicators, objectives or compensation clauses, whose references read the same
//   names in the same clauses: so every name resolves to a definition of the same place;
// - an item's facts and item-level checks read only its own subtree, the sla-wide facts
//   (zone, effective dates, fee, credits: from items of other types, which were not edited),
//   the names in scope, and the facts of the items it refers to; an objective also reads the
//   compensation clauses for it. So the items to redo are the edited ones, and, repeatedly,
//   every item referring to one of them and the objective of each compensation among them;
// - other item types (timezone, reviewed, support, …) are checked again on every edit (SLA505
//   reads the clock), and the sla-wide checks (duplicates, references, once-only) always run;
// - an item after the edit that had diagnostics is checked again: its positions (and lines
//   named in messages) moved. Items before the edit did not move.
import type { Sla, SlaItem } from './ast';
import type { Diagnostic } from './diagnostics';
import type { ParseResult } from './parser';
import { reparsedRegionOf } from './reparse';
import { lookup, type SlaScope } from './scope';

/** The item types whose results may be carried over (see the conditions above). */
const REUSABLE: ReadonlySet<string> = new Set(['Service', 'Schedule', 'Maintenance', 'Indicator', 'Objective', 'Compensation']);

export interface ItemReuse {
  /** The index of the edited sla. */
  sla: number;
  /** The items of that sla whose facts and diagnostics are worked out again. */
  fresh: Set<SlaItem>;
  /** Where the items after the edited region start, in the new text (their positions moved). */
  movedFrom: number;
}

interface Previous {
  parse: ParseResult;
  scopes: readonly SlaScope[];
}

/** What of `previous` the analysis of `parsed` may reuse; undefined when nothing. */
export function planReuse(previous: Previous, parsed: ParseResult, scopes: readonly SlaScope[]): ItemReuse | undefined {
  const region = reparsedRegionOf(parsed);
  if (!region || region.oldCount !== region.newCount || scopes.length !== previous.scopes.length) return undefined;
  const oldSla = previous.parse.file.slas[region.sla];
  const sla = parsed.file.slas[region.sla];
  const scope = scopes[region.sla];
  const oldScope = previous.scopes[region.sla];
  if (!oldSla || !sla || scope?.sla !== sla || oldScope?.sla !== oldSla) return undefined;
  const end = region.first + region.newCount;
  const edited = sla.items.slice(region.first, end);
  const replaced = oldSla.items.slice(region.first, end);
  if (edited.length !== replaced.length || !edited.every((item, i) => sameShape(item, replaced[i]))) return undefined;
  if (!sameReferences(scope, oldScope, sla, region.first, end)) return undefined;

  const referrers = referringItems(scope, sla);
  const fresh = new Set<SlaItem>(edited);
  const pending = [...edited];
  const add = (item: SlaItem | undefined) => {
    if (item && !fresh.has(item)) {
      fresh.add(item);
      pending.push(item);
    }
  };
  while (pending.length > 0) {
    const item = pending.pop()!;
    for (const referrer of referrers.get(item) ?? []) add(referrer);
    if (item.type === 'Compensation') add(lookup(scope, item.target?.text, 'objective')?.node as SlaItem | undefined);
  }
  return { sla: region.sla, fresh, movedFrom: end < sla.items.length ? sla.items[end].offset : sla.endOffset };
}

/** The previous diagnostics of `item` when `plan` lets them stand. */
export function reusedDiagnostics(plan: ItemReuse, previous: ReadonlyMap<SlaItem, readonly Diagnostic[]>, item: SlaItem): readonly Diagnostic[] | undefined {
  if (!REUSABLE.has(item.type) || plan.fresh.has(item)) return undefined;
  const kept = previous.get(item);
  if (!kept || (kept.length > 0 && item.offset >= plan.movedFrom)) return undefined;
  return kept;
}

/** Same type, same name (or target), of a type whose results may be carried over. */
function sameShape(item: SlaItem, old: SlaItem): boolean {
  if (!item || !old || item.type !== old.type || !REUSABLE.has(item.type)) return false;
  return keyOf(item) === keyOf(old);
}

function keyOf(item: SlaItem): string | undefined {
  if (item.type === 'Compensation') return item.target?.text;
  return 'name' in item ? (item.name as { text?: string } | undefined)?.text : undefined;
}

/**
 * Whether the references written in the region read the same names in the same clauses.
 * References are in text order and the items around the region are the same objects in
 * both parses, so the region's are those between the ones before and after it.
 */
function sameReferences(scope: SlaScope, oldScope: SlaScope, sla: Sla, first: number, end: number): boolean {
  const refs = scope.references;
  const start = first < sla.items.length ? sla.items[first].offset : Infinity;
  const stop = end < sla.items.length ? sla.items[end].offset : Infinity;
  let before = 0;
  while (before < refs.length && refs[before].ref.offset < start) before++;
  let inside = before;
  while (inside < refs.length && refs[inside].ref.offset < stop) inside++;
  const after = refs.length - inside;
  if (oldScope.references.length - after !== inside) return false;
  for (let i = before; i < inside; i++) {
    const now = refs[i];
    const then = oldScope.references[i];
    if (now.ref.text !== then.ref.text || now.clause !== then.clause) return false;
  }
  return true;
}

/** For each definition's node, the sla items that refer to it (by text order, one pass). */
function referringItems(scope: SlaScope, sla: Sla): Map<unknown, SlaItem[]> {
  const result = new Map<unknown, SlaItem[]>();
  const items = sla.items;
  let i = 0;
  for (const { ref, definition } of scope.references) {
    if (!definition) continue;
    while (i + 1 < items.length && items[i + 1].offset <= ref.offset) i++;
    const list = result.get(definition.node);
    if (list) list.push(items[i]);
    else result.set(definition.node, [items[i]]);
  }
  return result;
}
