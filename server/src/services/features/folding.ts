// Folding ranges: every block from its header line to the line before its `}`, block
// comments, and runs of two or more line comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { streamAst } from '../../language/traverse';
import { lineIndexOf } from '../support/text';

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const index = lineIndexOf(analysis);
  const ranges: FoldingRange[] = [];
  const block = (node: Span & { body?: Span }) => {
    if (!node.body) return;
    const startLine = node.range.start.line;
    const closing = analysis.text[node.body.endOffset - 1] === '}';
    const endLine = closing ? node.body.range.end.line - 1 : node.body.range.end.line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const node of streamAst(analysis.parse.file)) if ('body' in node) block(node);
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

/** The comments of the parse (spans with exclusive ends, in text order). */
export function commentSpans(analysis: Analysis): readonly Span[] {
  return analysis.parse.comments;
}
