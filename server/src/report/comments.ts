// The contract's own words on a block or a line: the comment lines right above a
// declaration, and the comment at the end of an item's line. The report quotes them as the
// reason for an exclusion (`// National Day Golden Week`).
import type { Span } from '../language/ast';

export class ContractComments {
  private readonly byLine = new Map<number, Span>();

  constructor(
    private readonly text: string,
    comments: readonly Span[],
  ) {
    for (const c of comments) if (!this.byLine.has(c.range.start.line)) this.byLine.set(c.range.start.line, c);
  }

  /** The comments that stand alone on the lines right above `node` (no blank line between), joined; null when none. */
  above(node: Span): string | null {
    const parts: string[] = [];
    for (let line = node.range.start.line - 1; line >= 0; line--) {
      const comment = this.byLine.get(line);
      if (!comment || !this.aloneOnLine(comment)) break;
      parts.unshift(commentText(this.text.slice(comment.offset, comment.endOffset)));
    }
    const joined = joinLines(parts.filter((p) => p.length > 0));
    return joined.length > 0 ? joined : null;
  }

  /** The comment that ends the line `node` ends on, when it comes after the node; null when none. */
  onLine(node: Span): string | null {
    const comment = this.byLine.get(node.range.end.line);
    if (!comment || comment.offset < node.endOffset) return null;
    const text = commentText(this.text.slice(comment.offset, comment.endOffset));
    return text.length > 0 ? text : null;
  }

  private aloneOnLine(comment: Span): boolean {
    const lineStart = this.text.lastIndexOf('\n', comment.offset - 1) + 1;
    return this.text.slice(lineStart, comment.offset).trim() === '';
  }
}

/** The words of a `// …` or `/* … *\/` comment, on one line. */
function commentText(raw: string): string {
  const body = raw.startsWith('//') ? raw.slice(2) : raw.replace(/^\/\*+/, '').replace(/\*+\/$/, '');
  return joinLines(
    body
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
      .filter((line) => line.length > 0),
  );
}

/** Lines of one comment as one sentence: a space between lines, none where both sides are CJK (Chinese is written without spaces). */
function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    const cjk = /[\u3000-\u9fff\uff00-\uffef]$/.test(text) && /^[\u3000-\u9fff\uff00-\uffef]/.test(line);
    text += text.length === 0 || cjk ? line : ` ${line}`;
  }
  return text;
}
