// The checks, registered by the node type they inspect. Each area module exports one
// table; the walker in index.ts calls every check registered for a node's type.
import type { AnyNode, ContractFile } from '../ast';
import type { CheckContext } from './context';

export type CheckedNode = Exclude<AnyNode, ContractFile>;
export type CheckedType = CheckedNode['type'];
export type NodeOfType<T extends CheckedType> = Extract<CheckedNode, { type: T }>;

/** A check of one node; `parent` is the block holding it (undefined for an `sla`). */
export type Check<T extends CheckedType> = (node: NodeOfType<T>, ctx: CheckContext, parent: CheckedNode | undefined) => void;

export type CheckTable = { [T in CheckedType]?: readonly Check<T>[] };

/** Joins the tables of several areas; checks of one type run in table order. */
export function mergeTables(tables: readonly CheckTable[]): CheckTable {
  const merged: { [T in CheckedType]?: Check<T>[] } = {};
  for (const table of tables) {
    for (const type of Object.keys(table) as CheckedType[]) {
      const checks = table[type] as Check<CheckedType>[] | undefined;
      if (!checks) continue;
      const list = (merged[type] ??= []) as Check<CheckedType>[];
      list.push(...checks);
    }
  }
  return merged;
}
