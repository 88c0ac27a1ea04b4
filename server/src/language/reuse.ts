// After an incremental parse (reparse.ts): what of the previous analysis the new one keeps
// (issue 15). The sla objects and the items not parsed again are the previous ones, moved in
// place, and a region item replaced by one of the same type keeps its object (reparse.ts
// `transplant`), so scopes, linked facts and per-item diagnostics are updated in place.
//
// Exact by construction, under conditions checked here (anything else: built in full):
// - the slas the edit did not touch keep their scopes and linked facts (made of names and
//   values, not positions);
// - the edited sla's scope is carried over when every item of the region, before and after
//   the edit, is a service, schedule, maintenance window, indicator, objective or compensation
//   clause (whatever their count): the definitions of the names those items define, before or
//   after, other than by the same object under the same name, are made again, the references
//   naming them resolved again, the region's references collected again (scope.ts
//   `rebuildScope`); every other definition and reference is the previous object;
// - its linked facts and item diagnostics are carried over then too. An item's facts and
//   item-level checks read only its own subtree, the sla-wide facts (from items of other
//   types, not edited), the names in scope and the facts of the items it refers to; an
//   objective also reads the compensation clauses for it. So the items to redo are the
//   edited ones, every item naming a changed name (it reads another definition now), the
//   objective each edited or removed compensation clause was for, and, repeatedly, every item
//   referring to one of them and the objective of each clause among them. Every clause for an
//   objective redone is then redone too, so the linker finds each such objective's clauses
//   among the fresh ones (linked/link.ts `relink`); removed items' facts and diagnostics are
//   dropped, added ones put in text order;
// - other item types (timezone, reviewed, support, …) are checked again on every edit (SLA505
//   reads the clock), and the sla-wide checks (duplicates, references, once-only) always run;
// - an item with diagnostics is checked again when its positions moved (it lies after the
//   edit): its ranges and the lines its messages name are in it.
import type { Compensation, Objective, Sla, SlaItem } from './ast';
import type { SlaFacts } from './linked';
import type { ParseResult } from './parser';
import { reparsedRegionOf, type ReparsedRegion } from './reparse';
import { buildScope, definedName, lookup, rebuildScope, type RebuiltScope, type SlaScope } from './scope';

/** The item types whose results may be carried over (see the conditions above). */
const REUSABLE: ReadonlySet<string> = new Set(['Service', 'Schedule', 'Maintenance', 'Indicator', 'Objective', 'Compensation']);

export interface ItemReuse {
  /** The index of the edited sla. */
  sla: number;
  /** The items of that sla whose facts and diagnostics are worked out again. */
  fresh: Set<SlaItem>;
  /** The previous items no longer in the sla (their kept diagnostics are dropped). */
  removed: readonly SlaItem[];
  /** Items starting here or later (in the new text) moved: their diagnostics' positions changed. */
  movedFrom: number;
}

interface Previous {
  parse: ParseResult;
  scopes: readonly SlaScope[];
  linked: readonly SlaFacts[];
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
  const facts = previous.linked[region.sla];
  const changed = facts && reusable(region, edited) ? changedNames(region, edited) : undefined;
  const rebuilt = changed && rebuildScope(previous.scopes[region.sla], sla, region, changed);
  if (!rebuilt) {
    scopes[region.sla] = buildScope(sla);
    return { scopes, unchanged };
  }
  scopes[region.sla] = rebuilt.scope;
  return { scopes, unchanged, plan: plan(region, sla, rebuilt, edited, facts) };
}

/** Whether every item of the region, before and after the edit, is of a type whose results may be carried over. */
function reusable(region: ReparsedRegion, edited: readonly SlaItem[]): boolean {
  return region.replaced.every((item) => item && REUSABLE.has(item.type)) && edited.every((item) => item && REUSABLE.has(item.type));
}

/**
 * The names whose definitions are not the same objects in the same order after the edit:
 * those the region's items defined before and after, but for an item that kept its object
 * (reparse.ts `transplant`) and its name. (A compensation clause defines nothing: its target
 * is a reference.)
 */
function changedNames(region: ReparsedRegion, edited: readonly SlaItem[]): Set<string> {
  const definers = (items: readonly SlaItem[], objects: readonly SlaItem[]) => {
    const byName = new Map<string, SlaItem[]>();
    items.forEach((item, i) => {
      const name = definedName(item)?.text;
      if (!name) return;
      const list = byName.get(name);
      if (list) list.push(objects[i]);
      else byName.set(name, [objects[i]]);
    });
    return byName;
  };
  const before = definers(region.replaced, region.objects);
  const after = definers(edited, edited);
  const changed = new Set<string>();
  for (const [name, objects] of before) {
    const now = after.get(name);
    if (!now || now.length !== objects.length || now.some((object, i) => object !== objects[i])) changed.add(name);
  }
  for (const name of after.keys()) if (!before.has(name)) changed.add(name);
  return changed;
}

/**
 * The items to link and check again: the edited ones, every item naming a changed name,
 * the objective each fresh or removed compensation clause was or is for, and, repeatedly,
 * every item referring to a fresh one and the objective of each fresh clause.
 */
function plan(region: ReparsedRegion, sla: Sla, { scope, resolvedAgain }: RebuiltScope, edited: SlaItem[], previous: SlaFacts): ItemReuse {
  const present = new Set<SlaItem>(edited);
  const removed = region.objects.filter((object) => !present.has(object));
  const fresh = new Set<SlaItem>(edited);
  for (const { ref } of resolvedAgain) fresh.add(itemAt(sla.items, ref.offset)!);
  const gone = new Set<SlaItem>(removed);
  const add = (item: SlaItem | undefined, found?: SlaItem[]) => {
    if (item && !fresh.has(item) && !gone.has(item)) {
      fresh.add(item);
      found?.push(item);
    }
  };
  // The objective a clause was for, before the edit.
  const wasFor = (clause: SlaItem) => previous.compensated.get(clause as Compensation);
  for (const item of removed) if (item.type === 'Compensation') add(wasFor(item));
  let frontier: SlaItem[] = [...fresh];
  while (frontier.length > 0) {
    const found: SlaItem[] = [];
    for (const item of frontier) {
      if (item.type !== 'Compensation') continue;
      add(lookup(scope, item.target?.text, 'objective')?.node as Objective | undefined, found);
      add(wasFor(item), found);
    }
    // The items referring to the frontier: one pass over the references (no map of them all;
    // indexed: an iterator's results were 5 MB of garbage per keystroke at 200,000 lines).
    // None when the frontier defines nothing (clauses): nothing can name it.
    if (frontier.some((item) => definedName(item))) {
      const targets = new Set<unknown>(frontier);
      const references = scope.references;
      for (let i = 0; i < references.length; i++) {
        const definition = references[i].definition;
        if (definition && targets.has(definition.node)) add(itemAt(sla.items, references[i].ref.offset), found);
      }
    }
    frontier = found;
  }
  const end = region.first + region.newCount;
  return { sla: region.sla, fresh, removed, movedFrom: end < sla.items.length ? sla.items[end].offset : sla.endOffset };
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
