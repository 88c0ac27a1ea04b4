// After an incremental parse (reparse.ts): what of the previous analysis the new one keeps
// (issue 15). The sla objects and the items not parsed again are the previous ones, moved in
// place, and a region item replaced by one of the same type keeps its object (reparse.ts
// `transplant`), so scopes, linked facts and per-item diagnostics are updated in place.
//
// Exact by construction, under conditions checked here (anything else: built in full):
// - the slas the edit did not touch keep their scopes and linked facts (made of names and
//   values, not positions);
// - the edited sla's scope is carried over when the edit replaced items by as many items,
//   pairwise of the same type and name (or `compensation for` target), all of them
//   services, schedules, maintenance windows, indicators, objectives or compensation
//   clauses: the definition tables hold, only the region's references are collected again;
// - its linked facts and item diagnostics are carried over then too: references changed in
//   the edited items (an objective's `indicator`, `during`, …) are read by those items alone,
//   and every other name resolves to a definition of the same place (a compensation clause's
//   target is part of its shape). An item's facts and item-level checks read only its own subtree, the
//   sla-wide facts (from items of other types, not edited), the names in scope and the facts
//   of the items it refers to; an objective also reads the compensation clauses for it. So
//   the items to redo are the edited ones and, repeatedly, every item referring to one of
//   them and the objective of each compensation among them;
// - other item types (timezone, reviewed, support, …) are checked again on every edit (SLA505
//   reads the clock), and the sla-wide checks (duplicates, references, once-only) always run;
// - an item with diagnostics is checked again when its positions moved (it lies after the
//   edit): its ranges and the lines its messages name are in it.
import type { Objective, Sla, SlaItem } from './ast';
import type { ParseResult } from './parser';
import { reparsedRegionOf, type ReparsedRegion } from './reparse';
import { buildScope, lookup, rebuildScope, type SlaScope } from './scope';

/** The item types whose results may be carried over (see the conditions above). */
const REUSABLE: ReadonlySet<string> = new Set(['Service', 'Schedule', 'Maintenance', 'Indicator', 'Objective', 'Compensation']);

export interface ItemReuse {
  /** The index of the edited sla. */
  sla: number;
  /** The items of that sla whose facts and diagnostics are worked out again. */
  fresh: Set<SlaItem>;
  /** Items starting here or later (in the new text) moved: their diagnostics' positions changed. */
  movedFrom: number;
}

interface Previous {
  parse: ParseResult;
  scopes: readonly SlaScope[];
}

/** The scopes of an incremental parse, and the reuse plan of facts and diagnostics (if any). */
export interface CarriedOver {
  scopes: SlaScope[];
  /** Which slas' scopes are the previous ones (their facts hold as they are). */
  unchanged: ReadonlySet<SlaScope>;
  plan?: ItemReuse;
}

/**
 * What `parsed`, an incremental parse of `previous`'s text after an edit, keeps of
 * `previous`; undefined when it is a full parse (or the previous scopes do not fit it).
 * `previous`'s scopes are spent: the edited sla's tables are taken over.
 */
export function carryOver(previous: Previous, parsed: ParseResult): CarriedOver | undefined {
  const region = reparsedRegionOf(parsed);
  const slas = parsed.file.slas;
  if (!region || previous.scopes.length !== slas.length || !previous.scopes.every((scope, i) => scope.sla === slas[i])) return undefined;
  const sla = slas[region.sla];
  const unchanged = new Set<SlaScope>();
  const scopes = previous.scopes.map((scope, i) => {
    if (i !== region.sla) unchanged.add(scope);
    return scope;
  });
  const edited = sla.items.slice(region.first, region.first + region.newCount);
  const renamed = renamedNames(region, edited);
  // The same shapes (types, names, compensation targets): the scope's tables hold.
  const rebuilt = renamed?.size === 0 ? rebuildScope(previous.scopes[region.sla], sla, region.first, region.replaced) : undefined;
  const scope = (scopes[region.sla] = rebuilt ?? buildScope(sla));
  // References changed in the edited items are read by those items alone, which are linked and
  // checked again (a compensation clause's target, which says which clauses are for an
  // objective, is part of its shape).
  if (rebuilt) return { scopes, unchanged, plan: plan(region, sla, scope, edited) };
  if (!renamed) return { scopes, unchanged };
  // Renamed items (a new item's name being typed): every item that names one of the names,
  // before or after, reads another definition now. Not when a compensation clause does: which
  // clauses are for an objective would change.
  const referrers: SlaItem[] = [];
  for (const { ref, clause } of scope.references) {
    if (!renamed.has(ref.text)) continue;
    if (clause === 'compensation for') return { scopes, unchanged };
    referrers.push(itemAt(sla.items, ref.offset)!);
  }
  return { scopes, unchanged, plan: plan(region, sla, scope, edited, referrers) };
}

/**
 * The names the edited items took or gave up (none: the same shapes), when they are the
 * replaced items, maybe renamed: as many, pairwise of the same type, every type one whose
 * results may be carried over, and each compensation clause's target the same. Undefined otherwise.
 */
function renamedNames(region: ReparsedRegion, edited: readonly SlaItem[]): Set<string> | undefined {
  if (region.oldCount !== region.newCount) return undefined;
  const names = new Set<string>();
  for (let i = 0; i < edited.length; i++) {
    const item = edited[i];
    const old = region.replaced[i];
    if (!item || !old || item.type !== old.type || !REUSABLE.has(item.type)) return undefined;
    const [now, then] = [keyOf(item), keyOf(old)];
    if (now === then) continue;
    if (item.type === 'Compensation') return undefined;
    if (now !== undefined) names.add(now);
    if (then !== undefined) names.add(then);
  }
  return names;
}

function plan(region: ReparsedRegion, sla: Sla, scope: SlaScope, edited: SlaItem[], referrers: readonly SlaItem[] = []): ItemReuse {
  const fresh = new Set<SlaItem>([...edited, ...referrers]);
  let frontier: SlaItem[] = [...fresh];
  while (frontier.length > 0) {
    const found: SlaItem[] = [];
    const add = (item: SlaItem | undefined) => {
      if (item && !fresh.has(item)) {
        fresh.add(item);
        found.push(item);
      }
    };
    for (const item of frontier) if (item.type === 'Compensation') add(lookup(scope, item.target?.text, 'objective')?.node as Objective | undefined);
    // The items referring to the frontier: one pass over the references (no map of them all).
    const targets = new Set<unknown>(frontier);
    for (const { ref, definition } of scope.references) {
      if (definition && targets.has(definition.node)) add(itemAt(sla.items, ref.offset));
    }
    frontier = found;
  }
  const end = region.first + region.newCount;
  return { sla: region.sla, fresh, movedFrom: end < sla.items.length ? sla.items[end].offset : sla.endOffset };
}

function keyOf(item: SlaItem): string | undefined {
  if (item.type === 'Compensation') return item.target?.text;
  return 'name' in item ? (item.name as { text?: string } | undefined)?.text : undefined;
}

/** Whether `item` is a type whose results are carried over when it is not fresh. */
export function isReusable(item: SlaItem): boolean {
  return REUSABLE.has(item.type);
}

/**
 * Whether the positions in an item's diagnostics moved with the edit: it starts at or after
 * `movedFrom`. (An item's checks report only inside the item, and the lines their messages
 * name are in it too: the checks that name another place are the sla-wide ones.)
 */
export function movedWith(item: SlaItem, movedFrom: number): boolean {
  return item.offset >= movedFrom;
}

/** The item of `items` (in text order) whose text holds `offset`. */
function itemAt(items: readonly SlaItem[], offset: number): SlaItem | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (items[middle].offset <= offset) low = middle;
    else high = middle - 1;
  }
  return items[low];
}
