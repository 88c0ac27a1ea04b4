// Walking the AST without knowing its node types (like Langium's `streamAst`): the one
// place that says which field holds a node's children. The AST may be partial after error
// recovery, so missing children are skipped.
import type { AnyNode, ContractFile } from './ast';

/** Every node but the file: what lies inside an `sla` block, the block included. */
export type AstNode = Exclude<AnyNode, ContractFile>;

/**
 * The list that holds `node`'s children, holes included (skip them): a file's slas, a block's
 * items, a compensation's tiers; undefined for a node that has none. For a walk over every
 * node (the checker's), where `childrenOf`'s search for holes would be a second loop per node.
 */
export function childList(node: AnyNode): readonly (AstNode | undefined)[] | undefined {
  return node.type === 'File' ? node.slas : node.type === 'Compensation' ? node.tiers : 'items' in node ? (node.items as readonly AstNode[] | undefined) : undefined;
}

/** Whether `node` has a list of children (a file, a block, a compensation): else `childrenOf` is empty. */
export function mayHaveChildren(node: AnyNode): boolean {
  return childList(node) !== undefined;
}

/** The nodes directly inside `node`, in text order: a file's slas, a block's items, a compensation's tiers. */
export function childrenOf(node: AnyNode): readonly AstNode[] {
  const children = childList(node);
  if (!children) return NO_CHILDREN;
  // Most nodes have no hole: keep their own array rather than copy it.
  for (let i = 0; i < children.length; i++) if (!children[i]) return children.filter(Boolean) as AstNode[];
  return children as readonly AstNode[];
}

const NO_CHILDREN: readonly AstNode[] = Object.freeze([]);

/** `root` and every node under it, depth first in text order (parents before their children). */
export function* streamAst(root: AnyNode): Generator<AnyNode> {
  yield root;
  for (const child of childrenOf(root)) yield* streamAst(child);
}

/** The nodes around `offset`, outermost first (an sla, its item, the item's tier or entry, …). */
export function nodePathAt(root: AnyNode, offset: number): AstNode[] {
  const path: AstNode[] = [];
  let children = childrenOf(root);
  for (;;) {
    const inside = children.find((child) => child.offset <= offset && offset <= child.endOffset);
    if (!inside) return path;
    path.push(inside);
    children = childrenOf(inside);
  }
}
