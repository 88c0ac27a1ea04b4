// Folding ranges: every block from its header line to the line before its `}`, block
// comments, and runs of two or more line comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { SlaItem, Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { childrenOf, streamAst, type AstNode } from '../../language/traverse';
import { KeptPerItem } from '../support/keptPerItem';
import { lineIndexOf } from '../support/text';

/** `kept`: the document's item ranges from the last request, reused for the items an edit did not touch. */
export function foldingRanges(analysis: Analysis, kept?: KeptFolding): FoldingRange[] {
  const index = lineIndexOf(analysis);
  const ranges: FoldingRange[] = [];
  const block = (node: Span & { body?: Span }, into: FoldingRange[]) => {
    if (!node.body) return;
    const startLine = node.range.start.line;
    const closing = analysis.text[node.body.endOffset - 1] === '}';
    const endLine = closing ? node.body.range.end.line - 1 : node.body.range.end.line;
    if (endLine > startLine) into.push({ startLine, endLine });
  };
  const blocksIn = (root: AstNode) => {
    const blocks: FoldingRange[] = [];
    for (const node of streamAst(root)) if ('body' in node) block(node, blocks);
    return blocks;
  };
  // The blocks in the order of a walk of the whole tree (depth first, in text order), an item's from what was kept.
  const reuse = kept?.start(undefined);
  for (const sla of childrenOf(analysis.parse.file)) {
    block(sla, ranges);
    for (const item of childrenOf(sla)) {
      const blocks = reuse ? reuse.valueOf(item as SlaItem, () => blocksIn(item)) : blocksIn(item);
      for (const range of blocks) ranges.push(range);
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

/** The folding ranges of one document's items, kept from one request to the next (services/support/keptPerItem.ts). */
export class KeptFolding extends KeptPerItem<FoldingRange[]> {
  constructor() {
    super((ranges, lineDelta) => ranges.map((range) => ({ startLine: range.startLine + lineDelta, endLine: range.endLine + lineDelta })));
  }
}

/** The comments of the parse (spans with exclusive ends, in text order). */
export function commentSpans(analysis: Analysis): readonly Span[] {
  return analysis.parse.comments;
}
