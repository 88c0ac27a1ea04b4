// Offsets ↔ positions (0-based line, UTF-16 character), as LSP counts them: `\r\n`, `\n`
// and a lone `\r` each end a line.
import type { Position, Range, Span } from './ast';
import { makeSpan, type SpanMaker } from './span';

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] is 0. */
  readonly lineStarts: number[];

  /** `lineStarts`: when already known (incremental parsing), the text is not scanned again. */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    let starts = [0];
    if (text.indexOf('\r') === -1) {
      // Nearly every text: `indexOf` finds the line feeds far faster than a loop over every
      // character. Written by index into room for a line per 16 characters, then cut to length
      // (past that room a write appends): `push` from one element grew and copied the array
      // some thirty times at 200,000 lines, twice the time of the scan itself (issue 15, "lexpool").
      starts = new Array<number>((text.length >> 4) + 16).fill(0);
      let count = 1;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[count++] = i + 1;
      starts.length = count;
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * Line of the previous look-up: parsers ask for positions mostly in text order, and a
   * span's parent is made after its children, a few lines back (issue 15: at 200k lines one
   * look-up in six missed the previous line and the next).
   */
  private lastLine = 0;

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** Line of a clamped offset: the last line starting at or before it, searched outwards from the previous look-up's line. */
  private lineOf(clamped: number): number {
    const starts = this.lineStarts;
    const count = starts.length;
    const hint = Math.min(this.lastLine, count - 1);
    // [low, high]: the lines it can be on, found by steps doubling away from the hint.
    let low: number;
    let high: number;
    if (starts[hint] <= clamped) {
      low = hint;
      let step = 1;
      while (low + step < count && starts[low + step] <= clamped) {
        low += step;
        step *= 2;
      }
      high = Math.min(low + step, count) - 1;
    } else {
      high = hint - 1;
      let step = 1;
      low = Math.max(0, high - step + 1);
      while (low > 0 && starts[low] > clamped) {
        high = low - 1;
        step *= 2;
        low = Math.max(0, high - step + 1);
      }
    }
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return low;
  }

  /** Line of `offset` (clamped to the text), without making a Position (hot loops: semantic tokens). */
  lineAt(offset: number): number {
    return this.lineOf(this.clamp(offset));
  }

  /**
   * Line of `offset` (clamped) when it is known to be on line `line` or after: one compare when
   * it is on that line (the end of a one-line item, a unit after its number), else `lineAt`.
   */
  lineFrom(line: number, offset: number): number {
    const next = line + 1;
    if (next >= this.lineStarts.length || offset < this.lineStarts[next]) return line;
    return this.lineAt(offset);
  }

  positionAt(offset: number): Position {
    const clamped = this.clamp(offset);
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    // A character past the end of the line stays on the line (before its line break).
    let lineEnd = next;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) {
      lineEnd--;
    }
    return Math.max(start, Math.min(start + Math.max(0, position.character), lineEnd));
  }

  range(offset: number, endOffset: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(endOffset) };
  }

  /** A span from `offset` to `endOffset` (exclusive), made by `make` (span.ts). */
  span(offset: number, endOffset: number, make: SpanMaker = makeSpan): Span {
    const start = this.clamp(offset);
    const startLine = this.lineOf(start);
    const end = this.clamp(endOffset);
    const endLine = this.lineOf(end);
    return make(offset, endOffset, startLine, start - this.lineStarts[startLine], endLine, end - this.lineStarts[endLine]);
  }
}

/** Orders positions: by line, then by character. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Position of `offset` in `text`. Builds a line index: use LineIndex for many look-ups. */
export function positionAt(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}
