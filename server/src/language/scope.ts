// Name resolution (LANGUAGE.md section 3): every `sla` block is one namespace holding its
// services, schedules, maintenance windows, indicators and objectives. References may
// come before the definitions they name, so all definitions are collected first.
//
// Severity names (`severity P1`) are labels in a namespace of their own: nothing refers
// to them, and a severity called like an objective is no conflict. Two severities of one
// name are still a duplicate (SLA100).
//
// Used by the checker, the language server (definition, references, rename) and the
// evaluator.
import type {
  ContractFile,
  NamedDefinition,
  Name,
  Reference,
  SeverityItem,
  Sla,
  SlaItem,
  ObjectiveItem,
  SupportItem,
  Objective,
  Support,
} from './ast';
import { firstAtOrAfter } from './sortedSearch';

export type DefinitionSort = 'service' | 'schedule' | 'maintenance' | 'indicator' | 'objective' | 'severity';

export interface Definition {
  name: string;
  sort: DefinitionSort;
  node: NamedDefinition | SeverityItem;
  nameSpan: Name;
  sla: Sla;
}

/**
 * One use of a name. `definition` is whatever the name names in its `sla`, even when that
 * is the wrong sort (SLA102): test `expected.includes(definition.sort)` before relying on
 * its node type, or use `resolvedAs`.
 */
export interface ResolvedReference {
  ref: Reference;
  /** Shared by every reference of the same clause: never changed. */
  expected: readonly DefinitionSort[];
  definition?: Definition;
  sla: Sla;
  /** The clause that holds the reference, as written: `indicator`, `during`, `compensation for`, … */
  clause: string;
}

export interface SlaScope {
  sla: Sla;
  /** The first definition of each name of the sla namespace (no severities), in text order. */
  definitions: DefinitionTable;
  /** Later definitions of a name already defined (SLA100), severities included, in text order. */
  duplicates: Definition[];
  /** Every reference in the sla, in text order. */
  references: ResolvedReference[];
  /** The first severity of each name (their own namespace). */
  severities: Map<string, Definition>;
}

/**
 * The first definition of each name, iterated in text order (completion lists and the
 * earliest of the closest suggestions read that order): a `Map` for look-ups whose iteration
 * follows a list kept in text order. A `Map` iterates in the order its keys were first set,
 * so putting a definition in its place after an edit (`place`) meant making the table again,
 * about 10 ms at 200,000 lines (issue 15); the list takes it by binary search.
 */
export class DefinitionTable extends Map<string, Definition> {
  readonly #ordered: Definition[] = [];

  /** Sets a name's definition: in the place of the name's previous one, else at the end (a table built in text order). */
  override set(name: string, definition: Definition): this {
    const previous = super.get(name);
    if (previous) this.#ordered[this.#ordered.indexOf(previous)] = definition;
    else this.#ordered.push(definition);
    return super.set(name, definition);
  }

  /** Adds the definition of a name not in the table, at the end (a table built in text order). */
  append(definition: Definition): void {
    this.#ordered.push(definition);
    super.set(definition.name, definition);
  }

  /** Adds the definition of a name not in the table, in its place in text order (by the offset of its node). */
  place(definition: Definition): void {
    this.#ordered.splice(firstAtOrAfter(this.#ordered, definition.node.offset, nodeOffset), 0, definition);
    super.set(definition.name, definition);
  }

  override delete(name: string): boolean {
    const previous = super.get(name);
    if (!previous) return false;
    this.#ordered.splice(this.#ordered.indexOf(previous), 1);
    return super.delete(name);
  }

  override clear(): void {
    this.#ordered.length = 0;
    super.clear();
  }

  override values(): MapIterator<Definition> {
    return this.#ordered.values();
  }

  override keys(): MapIterator<string> {
    return this.#ordered.map((definition) => definition.name).values();
  }

  override entries(): MapIterator<[string, Definition]> {
    return this.#ordered.map((definition): [string, Definition] => [definition.name, definition]).values();
  }

  override [Symbol.iterator](): MapIterator<[string, Definition]> {
    return this.entries();
  }

  override forEach(callback: (value: Definition, key: string, map: Map<string, Definition>) => void, thisArg?: unknown): void {
    for (const definition of this.#ordered) callback.call(thisArg, definition, definition.name, this);
  }
}

/** The sort of name each definition keyword introduces. */
const SORT_OF_DEFINITION: Readonly<Record<NamedDefinition['type'], DefinitionSort>> = {
  Service: 'service',
  Schedule: 'schedule',
  Maintenance: 'maintenance',
  Indicator: 'indicator',
  Objective: 'objective',
};

/**
 * What each referring clause must name, by the node type that holds the reference:
 * `indicator` in an objective names an indicator, `during` a schedule, and so on.
 */
const EXPECTED_SORT: Readonly<Record<ReferringNodeType, DefinitionSort>> = {
  IndicatorRef: 'indicator',
  ServiceRef: 'service',
  During: 'schedule',
  Excluding: 'maintenance',
  Compensation: 'objective',
  Hours: 'schedule',
};
export type ReferringNodeType = 'IndicatorRef' | 'ServiceRef' | 'During' | 'Excluding' | 'Compensation' | 'Hours';
/** EXPECTED_SORT as the list each reference holds: one list per clause, not one per reference (tens of thousands in a large contract). */
const EXPECTED_LIST = Object.fromEntries(Object.entries(EXPECTED_SORT).map(([holder, sort]) => [holder, Object.freeze([sort])])) as Readonly<
  Record<ReferringNodeType, readonly DefinitionSort[]>
>;
const CLAUSE_OF: Readonly<Record<ReferringNodeType, string>> = {
  IndicatorRef: 'indicator',
  ServiceRef: 'service',
  During: 'during',
  Excluding: 'excluding',
  Compensation: 'compensation for',
  Hours: 'hours',
};

export function buildScopes(file: ContractFile): SlaScope[] {
  return (file?.slas ?? []).filter((sla) => sla).map(buildScope);
}

export function buildScope(sla: Sla): SlaScope {
  const scope: SlaScope = { sla, definitions: new DefinitionTable(), duplicates: [], references: [], severities: new Map() };
  const items = sla.items ?? [];
  // One pass over the items (indexed: it runs once per analysis, before the JIT has warmed
  // up), each item's definitions before its references, so the references of a name already
  // defined resolve as they are met: a name's first definition never changes afterwards. Those
  // that resolve to nothing yet (forward references, unknown names) are looked up again after
  // the pass. A second pass over the 57,000 items of a 200,000-line contract paid mostly the
  // first touch of items far apart, again (issue 15, "postjit").
  const unresolved: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    collectDefinitions(scope, item);
    collectReferences(scope, item, unresolved);
  }
  const references = scope.references;
  for (let i = 0; i < unresolved.length; i++) {
    const reference = references[unresolved[i]];
    reference.definition = scope.definitions.get(reference.ref.text);
  }
  return scope;
}

/** Past this many changed names a scope is built in full (each is a search of the table's list). */
const MAX_CHANGED_NAMES = 256;

/** The items an incremental parse replaced (reparse.ts `ReparsedRegion`). */
export interface ReplacedItems {
  /** The index of the region's first item. */
  first: number;
  /** The previous items of the region, as they were. */
  replaced: readonly SlaItem[];
  /** The object each of them was (a transplanted one now holds its replacement). */
  objects: readonly SlaItem[];
  /** How many items the region holds now. */
  newCount: number;
}

export interface RebuiltScope {
  scope: SlaScope;
  /** The references outside the region resolved again (they name a changed name). */
  resolvedAgain: readonly ResolvedReference[];
}

/**
 * The scope of `sla` after an incremental parse replaced `region`'s items (issue 15): equal
 * to `buildScope(sla)`, without collecting the untouched items again. `changed` holds every
 * name whose definitions are not the same objects in the same order as before (reuse.ts
 * `changedNames`): only those definitions are made again and put in their place in the
 * tables, only the references naming them resolved again; every other definition is the
 * previous object. The previous scope is spent, as its AST is: its reference list is taken
 * over in place, with the region's references collected again. Undefined when a severity is
 * among the region's items (its table is not made again here): build it in full.
 */
export function rebuildScope(previous: SlaScope, sla: Sla, region: ReplacedItems, changed: ReadonlySet<string>): RebuiltScope | undefined {
  const items = sla.items ?? [];
  const { first, replaced, newCount } = region;
  const edited = items.slice(first, first + newCount);
  if (previous.sla !== sla || edited.length !== newCount || changed.size > MAX_CHANGED_NAMES) return undefined;
  if (replaced.some((item) => item?.type === 'Support') || edited.some((item) => item?.type === 'Support')) return undefined;
  // The definitions the region's items made before the edit (a transplanted item is its object still).
  const editedItems = new Set<unknown>(edited);
  const regionDuplicates = new Map<unknown, Definition>();
  for (const definition of previous.duplicates) if (editedItems.has(definition.node)) regionDuplicates.set(definition.node, definition);
  const definitionBefore = (item: SlaItem, name: string): Definition | undefined => {
    const first = previous.definitions.get(name);
    const definition = first?.node === item ? first : regionDuplicates.get(item);
    return definition?.name === name ? definition : undefined;
  };
  // An item that kept its object and its name keeps its definition; its name is a new node.
  for (const item of edited) {
    const name = definedName(item);
    if (name?.text && !changed.has(name.text)) {
      const definition = definitionBefore(item, name.text);
      if (definition) definition.nameSpan = name;
    }
  }
  const tables = changed.size > 0 ? redefine(previous, new Set(region.objects), edited, changed, definitionBefore) : previous;

  const scope: SlaScope = { sla, definitions: tables.definitions, duplicates: tables.duplicates, references: previous.references, severities: previous.severities };
  const then: SlaScope = { ...scope, references: [] };
  for (const item of replaced) collectReferences(then, item);
  const now: SlaScope = { ...scope, references: [] };
  for (const item of edited) collectReferences(now, item);
  const refs = scope.references;
  let regionRefs = 0;
  let regionAt = 0;
  if (then.references.length > 0 || now.references.length > 0) {
    // The region's references sit between those before it (same offsets) and after it.
    // (It starts before the edit: the same offset in both texts.)
    regionAt = firstFrom(refs, (replaced[0] ?? edited[0]).offset, 0);
    regionRefs = now.references.length;
    refs.splice(regionAt, then.references.length, ...now.references);
  }
  // The references naming a changed name, outside the region too, read its definition now.
  const resolvedAgain: ResolvedReference[] = [];
  if (changed.size > 0) {
    for (let i = 0; i < refs.length; i++) {
      const reference = refs[i];
      if (!changed.has(reference.ref.text)) continue;
      reference.definition = scope.definitions.get(reference.ref.text);
      if (i < regionAt || i >= regionAt + regionRefs) resolvedAgain.push(reference);
    }
  }
  return { scope, resolvedAgain };
}

/** The name an item defines in the sla namespace, if it is a definition. */
export function definedName(item: SlaItem | undefined): Name | undefined {
  return item && item.type in SORT_OF_DEFINITION ? (item as NamedDefinition).name : undefined;
}

/**
 * The definition tables after the edit, from `previous`'s: the definitions of each changed
 * name made again (those outside the region kept, the region's made from its items, the
 * previous object where an item defines the name it defined) and put in their place in text
 * order, found by binary search: the tables' other entries are not touched.
 */
function redefine(
  previous: SlaScope,
  regionObjects: ReadonlySet<unknown>,
  edited: readonly SlaItem[],
  changed: ReadonlySet<string>,
  definitionBefore: (item: SlaItem, name: string) => Definition | undefined,
): Pick<SlaScope, 'definitions' | 'duplicates'> {
  const byName = new Map<string, Definition[]>();
  for (const name of changed) {
    const first = previous.definitions.get(name);
    byName.set(name, first && !regionObjects.has(first.node) ? [first] : []);
  }
  for (const definition of previous.duplicates) {
    if (definition.sort !== 'severity' && changed.has(definition.name) && !regionObjects.has(definition.node)) byName.get(definition.name)!.push(definition);
  }
  for (const item of edited) {
    const name = definedName(item);
    if (!name?.text || !changed.has(name.text)) continue;
    const sort = SORT_OF_DEFINITION[item.type as NamedDefinition['type']];
    let definition = definitionBefore(item, name.text);
    if (definition?.sort === sort) definition.nameSpan = name;
    else definition = new DefinitionRecord(name.text, sort, item as NamedDefinition, name, previous.sla);
    byName.get(name.text)!.push(definition);
  }
  // The previous table is spent, as the scope is: each changed name's first definition taken
  // out, then the new ones put in their places (into a list in text order again).
  const definitions = previous.definitions;
  for (const name of changed) definitions.delete(name);
  const later: Definition[] = [];
  for (const list of byName.values()) {
    list.sort(byOffset);
    if (list.length > 0) definitions.place(list[0]);
    for (let i = 1; i < list.length; i++) later.push(list[i]);
  }
  const duplicates = mergedByOffset(
    previous.duplicates.filter((definition) => definition.sort === 'severity' || !changed.has(definition.name)),
    later,
  );
  return { definitions, duplicates };
}

const nodeOffset = (definition: Definition) => definition.node.offset;
const byOffset = (a: Definition, b: Definition) => a.node.offset - b.node.offset;

/** `sorted` (definitions in text order) with `added` put in their places, each found by binary search. */
function mergedByOffset(sorted: Definition[], added: Definition[]): Definition[] {
  if (added.length === 0) return sorted;
  added.sort(byOffset);
  const out: Definition[] = [];
  let from = 0;
  for (const definition of added) {
    const at = firstAtOrAfter(sorted, definition.node.offset, nodeOffset, from);
    for (let i = from; i < at; i++) out.push(sorted[i]);
    out.push(definition);
    from = at;
  }
  for (let i = from; i < sorted.length; i++) out.push(sorted[i]);
  return out;
}

function collectDefinitions(scope: SlaScope, item: SlaItem): void {
  if (!item) return;
  switch (item.type) {
    case 'Service':
    case 'Schedule':
    case 'Maintenance':
    case 'Indicator':
    case 'Objective':
      if (item.name) define(scope, scope.definitions, item.name, SORT_OF_DEFINITION[item.type], item);
      return;
    case 'Support':
      for (const entry of item.items ?? []) {
        if (entry?.type === 'Severity' && entry.name) define(scope, scope.severities, entry.name, 'severity', entry);
      }
      return;
  }
}

function define(
  scope: SlaScope,
  table: Map<string, Definition>,
  name: Name,
  sort: DefinitionSort,
  node: NamedDefinition | SeverityItem,
): void {
  if (!name.text) return;
  const definition = new DefinitionRecord(name.text, sort, node, name, scope.sla);
  if (table.has(name.text)) scope.duplicates.push(definition);
  else if (table instanceof DefinitionTable) table.append(definition);
  else table.set(name.text, definition);
}

/**
 * Adds the references `item` holds to `scope`, each resolved through the definitions as they
 * stand; the indices of those that resolve to nothing are added to `unresolved` when given.
 */
function collectReferences(scope: SlaScope, item: SlaItem, unresolved?: number[]): void {
  if (!item) return;
  if (item.type === 'Objective') {
    // Indexed: every objective's items, once per analysis and cold (no iterator result each).
    const entries = (item as Objective).items ?? [];
    for (let i = 0; i < entries.length; i++) collectObjectiveReferences(scope, entries[i], unresolved);
  } else if (item.type === 'Compensation') {
    addReference(scope, item.target, 'Compensation', unresolved);
  } else if (item.type === 'Support') {
    for (const entry of (item as Support).items ?? []) collectSupportReferences(scope, entry, unresolved);
  }
}

function collectObjectiveReferences(scope: SlaScope, entry: ObjectiveItem, unresolved: number[] | undefined): void {
  switch (entry?.type) {
    case 'IndicatorRef':
    case 'ServiceRef':
    case 'During':
      addReference(scope, entry.ref, entry.type, unresolved);
      return;
    case 'Excluding':
      for (const ref of entry.refs ?? []) addReference(scope, ref, 'Excluding', unresolved);
      return;
  }
}

function collectSupportReferences(scope: SlaScope, entry: SupportItem, unresolved: number[] | undefined): void {
  if (entry?.type === 'Hours') addReference(scope, entry.ref, 'Hours', unresolved);
}

function addReference(scope: SlaScope, ref: Reference | undefined, holder: ReferringNodeType, unresolved: number[] | undefined): void {
  if (!ref || !ref.text) return;
  const definition = scope.definitions.get(ref.text);
  if (definition === undefined && unresolved) unresolved.push(scope.references.length);
  scope.references.push(new ResolvedReferenceRecord(ref, EXPECTED_LIST[holder], definition, scope.sla, CLAUSE_OF[holder]));
}

// Definitions and references are made by constructors, not object literals: V8 moves an
// object literal's allocation site to the old generation once most of its objects survive a
// scavenge (all of these do), and then throws away the optimised code that made them, in the
// middle of the pass (issue 15, "postjit": buildScope, collectReferences, addReference and
// define were deoptimised so at 200,000 lines). `new` of a constructor has no such site. Their
// prototype is Object.prototype, so they are the plain objects they were (equality, JSON and
// structured clones see no difference).
type Constructor<T, A extends unknown[]> = { new (...args: A): T; prototype: object };

const DefinitionRecord = function (this: Definition, name: string, sort: DefinitionSort, node: NamedDefinition | SeverityItem, nameSpan: Name, sla: Sla) {
  this.name = name;
  this.sort = sort;
  this.node = node;
  this.nameSpan = nameSpan;
  this.sla = sla;
} as unknown as Constructor<Definition, [string, DefinitionSort, NamedDefinition | SeverityItem, Name, Sla]>;
DefinitionRecord.prototype = Object.prototype;

const ResolvedReferenceRecord = function (
  this: ResolvedReference,
  ref: Reference,
  expected: readonly DefinitionSort[],
  definition: Definition | undefined,
  sla: Sla,
  clause: string,
) {
  this.ref = ref;
  this.expected = expected;
  this.definition = definition;
  this.sla = sla;
  this.clause = clause;
} as unknown as Constructor<ResolvedReference, [Reference, readonly DefinitionSort[], Definition | undefined, Sla, string]>;
ResolvedReferenceRecord.prototype = Object.prototype;

/** The definition a reference names when it is of an expected sort; undefined otherwise. */
export function resolvedAs(resolved: ResolvedReference): Definition | undefined {
  const definition = resolved.definition;
  return definition && resolved.expected.includes(definition.sort) ? definition : undefined;
}

/** The definition of `name` in `scope` when it is of `sort` (any sort when omitted). */
export function lookup(scope: SlaScope, name: string | undefined, sort?: DefinitionSort): Definition | undefined {
  if (!name) return undefined;
  const definition = sort === 'severity' ? scope.severities.get(name) : scope.definitions.get(name);
  return definition && (sort === undefined || definition.sort === sort) ? definition : undefined;
}

/**
 * `lookup(scope, ref.text, sort)` for a reference node of the scope's sla: the definition it
 * was resolved to when the scope was built, found by the reference's offset (`references` are
 * in text order) rather than by hashing its name again (a large contract asks tens of
 * thousands: issue 15). A reference the scope does not hold is looked up by name.
 */
export function lookupReference(scope: SlaScope, ref: Reference | undefined, sort: DefinitionSort): Definition | undefined {
  if (!ref) return undefined;
  const found = scope.references[firstFrom(scope.references, ref.offset, 0)];
  return found?.ref === ref ? ofSort(found.definition, sort) : lookup(scope, ref.text, sort);
}

/** A resolved reference's definition when it is of the sort asked for. */
function ofSort(definition: Definition | undefined, sort: DefinitionSort): Definition | undefined {
  return definition && definition.sort === sort ? definition : undefined;
}

/** The index of the first of `refs` from `low` on whose offset is `offset` or more (binary search). */
function firstFrom(refs: readonly ResolvedReference[], offset: number, low: number): number {
  return firstAtOrAfter(refs, offset, referenceOffset, low);
}

const referenceOffset = (reference: ResolvedReference) => reference.ref.offset;

const CURSOR_STEPS = 8;

/**
 * `lookupReference` for a reader that asks about references in text order (the linker's
 * passes over an sla's items): each answer resumes the walk of `references` where the last
 * one stopped, instead of a binary search per reference (issue 15: tens of thousands at
 * 200,000 lines, each search touching objects far apart). The same answers whatever the order
 * asked: a reference the walk does not find where it is is looked up as `lookupReference` does.
 */
export class ReferenceCursor {
  private next = 0;

  constructor(private readonly scope: SlaScope) {}

  lookup(ref: Reference | undefined, sort: DefinitionSort): Definition | undefined {
    if (!ref) return undefined;
    const refs = this.scope.references;
    // A few steps forward (the next reference asked is mostly the next one or the one after),
    // else a binary search over the rest (a cursor asked once, far from where it stands).
    let i = this.next;
    const near = Math.min(refs.length, i + CURSOR_STEPS);
    while (i < near && refs[i].ref.offset < ref.offset) i++;
    if (i === near && i < refs.length && refs[i].ref.offset < ref.offset) i = firstFrom(refs, ref.offset, i);
    this.next = i;
    const found = refs[i];
    return found?.ref === ref ? ofSort(found.definition, sort) : lookupReference(this.scope, ref, sort);
  }
}

/** Every reference in `scope` that names `definition` (whatever sort the reference expects). */
export function referencesTo(scope: SlaScope, definition: Definition): ResolvedReference[] {
  return scope.references.filter((r) => r.definition === definition);
}

/** The scope of the `sla` block whose text contains `offset`, if any. */
export function scopeAt(scopes: readonly SlaScope[], offset: number): SlaScope | undefined {
  return scopes.find((s) => s.sla.offset <= offset && offset <= s.sla.endOffset);
}
