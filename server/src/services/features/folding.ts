// Folding ranges: every block from its header line to the line before its `}`, block
// comments, and runs of two or more line comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { AnyNode, SlaItem, Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { childrenOf, streamAst, type AstNode } from '../../language/traverse';
import { KeptPerItem } from '../support/keptPerItem';
import { lineIndexOf } from '../support/text';

/** `kept`: the document's item blocks from the last request, reused for the items an edit did not touch. */
export function foldingRanges(analysis: Analysis, kept?: KeptFolding): FoldingRange[] {
  const index = lineIndexOf(analysis);
  const ranges: FoldingRange[] = [];
  const block = (node: Block) => {
    // Read once, and lines from the span's fields: a block's body is made when read (span.ts), and `range` too.
    const body = node.body;
    const startLine = node.startLine;
    const closing = analysis.text[body.endOffset - 1] === '}';
    const endLine = closing ? body.endLine - 1 : body.endLine;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  // The blocks in the order of a walk of the whole tree (depth first, in text order), an item's from what was kept.
  const reuse = kept?.start(undefined);
  for (const sla of childrenOf(analysis.parse.file)) {
    if (isBlock(sla)) block(sla);
    for (const item of childrenOf(sla)) {
      const blocks = reuse ? reuse.valueOf(item as SlaItem, () => blocksIn(item)) : blocksIn(item);
      for (const node of blocks) block(node);
    }
  }
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const comment of commentSpans(analysis)) {
    const start = index.positionAt(comment.offset);
    const end = index.positionAt(comment.endOffset);
    const text = analysis.text.slice(comment.offset, comment.endOffset);
    if (text.startsWith('/*')) {
      flush();
      if (end.line > start.line) ranges.push({ startLine: start.line, endLine: end.line, kind: FoldingRangeKind.Comment });
      continue;
    }
    // A line comment continues a run when it is alone on the next line.
    const alone = /^\s*$/.test(analysis.text.slice(index.lineStarts[start.line], comment.offset));
    if (run && alone && start.line === run.end + 1) run.end = start.line;
    else {
      flush();
      if (alone) run = { start: start.line, end: start.line };
    }
  }
  flush();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

/** A node with a block (`{ … }`). */
type Block = Span & { body: Span };

function isBlock(node: AnyNode): node is AnyNode & Block {
  return 'body' in node && node.body !== undefined;
}

/**
 * The nodes with a block in `root`'s tree, in walk order: what is kept of an item between
 * requests (its lines are read from its spans, which an edit before it moves in place).
 */
function blocksIn(root: AstNode): readonly Block[] {
  const blocks: Block[] = [];
  for (const node of streamAst(root)) if (isBlock(node)) blocks.push(node);
  return blocks.length === 0 ? NO_BLOCKS : blocks.slice();
}

const NO_BLOCKS: readonly Block[] = Object.freeze([]);

/** The item blocks of one document, kept from one request to the next (services/support/keptPerItem.ts). */
export class KeptFolding extends KeptPerItem<readonly Block[]> {}

/** The comments of the parse (spans with exclusive ends, in text order). */
export function commentSpans(analysis: Analysis): readonly Span[] {
  return analysis.parse.comments;
}
