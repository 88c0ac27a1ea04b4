// Document formatting: one canonical layout. Two-space indentation per block level, one
// item per line, single spaces between tokens (none before `,`, around `..` and the `-`
// of a time range, or between a number and its unit except a currency), at most one blank
// line kept where the author left blank lines, comments kept where they are.
//
// The layout is computed from the token stream (so nothing is ever dropped) and the AST's
// item starts (so it knows where lines break). Idempotent by construction: every decision
// depends only on the tokens, on whether a comment shared its line with the code before
// it, and on whether blank lines were present. Refuses (no edits) when the file has a
// syntax error, and checks that the result lexes to the same tokens and comments.
import type { IToken } from 'chevrotain';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { tokenize, tokenEnd } from '../../language/lexer';
import { streamAst } from '../../language/traverse';
import { commentSpans } from './folding';
import { lineIndexOf } from '../support/text';

const INDENT = '  ';

/** The edits that format a document. The canonical layout ignores the editor's tab settings. */
export function formatDocument(analysis: Analysis, _options?: unknown): TextEdit[] {
  const formatted = formatText(analysis);
  if (formatted === undefined || formatted === analysis.text) return [];
  return [minimalEdit(analysis, formatted)];
}

/** The formatted text, or undefined when the file cannot be formatted safely. */
export function formatText(analysis: Analysis): string | undefined {
  if (analysis.diagnostics.some((d) => d.code === 'SLA001')) return undefined;
  const text = analysis.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const itemStarts = collectItemStarts(analysis);
  const elements = mergeElements(text, analysis.parse.tokens.slice(), commentSpans(analysis));

  const lines: string[] = [];
  let line = '';
  let depth = 0;
  /**
   * Indentation of the current item's continuation lines (after a comment or a line break the
   * author put after a comma); undefined on the item's first line.
   */
  let continuation: string | undefined;
  /** The first line of the current item, to align list continuations with its first value. */
  let itemLine = '';
  let previous: Element | undefined;
  /** Whether the current line ends with a brace: the next token goes on a new line. */
  let mustBreak = false;
  /** Whether the last token closed an sla: a blank line follows before the next one. */
  let closedSla = false;

  const blockIndent = () => INDENT.repeat(Math.max(0, depth));
  const indent = () => continuation ?? blockIndent();
  const breakLine = () => {
    if (line.trim() !== '') lines.push(line.replace(/\s+$/, ''));
    line = '';
  };
  const lastLine = () => lines[lines.length - 1];
  const blankLine = () => {
    if (lines.length > 0 && lastLine() !== '' && !lastLine().endsWith('{')) lines.push('');
  };
  const write = (piece: string, space: boolean) => {
    if (line === '') line = indent() + piece;
    else line += (space ? ' ' : '') + piece;
    if (continuation === undefined) itemLine = line;
  };
  /** Continuation lines of a list line up with the item's first value (`holidays 2026-09-25,`). */
  const listIndent = () => {
    const indentation = /^ */.exec(itemLine)![0].length;
    const firstSpace = itemLine.indexOf(' ', indentation);
    return firstSpace > 0 ? ' '.repeat(firstSpace + 1) : blockIndent() + INDENT;
  };
  /** Whether the next token starts an item or closes a block (a comment before it belongs to the block level). */
  const nextStartsLine = (i: number) => {
    for (let j = i + 1; j < elements.length; j++) {
      const token = elements[j].token;
      if (token) return token.tokenType.name === 'RCurly' || itemStarts.has(token.startOffset);
    }
    return true;
  };

  elements.forEach((element, i) => {
    const gap = text.slice(previous ? previous.end : 0, element.start);
    const newlinesBefore = countNewlines(gap);
    const blankBefore = previous !== undefined && newlinesBefore >= 2;

    if (element.comment) {
      const comment = text.slice(element.start, element.end);
      const ownLine = previous === undefined || newlinesBefore > 0;
      if (ownLine) {
        breakLine();
        mustBreak = false;
        closedSla = false;
        if (nextStartsLine(i)) continuation = undefined;
        else if (previous && !previous.endsItem) continuation ??= blockIndent() + INDENT;
        if (blankBefore) blankLine();
        line = indent() + reindentComment(comment, text, element.start, indent().length);
      } else {
        // A trailing comment keeps the author's spacing (often aligned with its neighbours).
        const spaces = gap.replace(/\t/g, '  ').length;
        write(' '.repeat(Math.max(0, spaces - 1)) + comment, true);
      }
      if (element.lineComment) breakLine();
      previous = { ...element, endsItem: previous?.endsItem ?? true };
      return;
    }

    const token = element.token!;
    const type = token.tokenType.name;
    // The line after a brace is broken lazily: a trailing comment may still join it.
    if (mustBreak) {
      breakLine();
      mustBreak = false;
    }
    if (type === 'RCurly') {
      breakLine();
      continuation = undefined;
      depth--;
      line = indent() + '}';
      mustBreak = true;
      closedSla = depth === 0;
    } else if (itemStarts.has(token.startOffset)) {
      breakLine();
      continuation = undefined;
      if (blankBefore || (depth === 0 && closedSla)) blankLine();
      closedSla = false;
      line = indent() + token.image;
      itemLine = line;
    } else if (type === 'LCurly') {
      write('{', true);
      mustBreak = true;
      continuation = undefined;
      depth++;
    } else {
      // The author broke a list after a comma: keep the break, aligned with the first value.
      if (previous?.token?.tokenType.name === 'Comma' && newlinesBefore > 0) {
        breakLine();
        continuation = listIndent();
      } else if (line === '' && previous !== undefined && !previous.endsItem) {
        continuation ??= blockIndent() + INDENT;
      }
      write(token.image, previous?.comment === true || spaceBetween(previous?.token, token));
    }
    previous = { ...element, endsItem: type === 'LCurly' || type === 'RCurly' };
  });
  breakLine();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const result = lines.length ? lines.join(eol) + eol : '';
  return sameContent(text, result) ? result : undefined;
}

interface Element {
  start: number;
  end: number;
  token?: IToken;
  comment?: boolean;
  lineComment?: boolean;
  /** Whether no item is open after this element (after a brace). */
  endsItem?: boolean;
}

function mergeElements(text: string, tokens: IToken[], comments: readonly Span[]): Element[] {
  const elements: Element[] = tokens.map((token) => ({ start: token.startOffset, end: tokenEnd(token), token }));
  for (const c of comments) elements.push({ start: c.offset, end: c.endOffset, comment: true, lineComment: text.startsWith('//', c.offset) });
  return elements.sort((a, b) => a.start - b.start);
}

function countNewlines(gap: string): number {
  let count = 0;
  for (let i = 0; i < gap.length; i++) {
    if (gap[i] === '\n') count++;
    else if (gap[i] === '\r' && gap[i + 1] !== '\n') count++;
  }
  return count;
}

/** The spaces between two tokens on one line. */
function spaceBetween(previous: IToken | undefined, token: IToken): boolean {
  if (!previous) return false;
  const a = previous.tokenType.name;
  const b = token.tokenType.name;
  if (b === 'Comma') return false;
  if (a === 'DotDot' || b === 'DotDot' || a === 'Dash' || b === 'Dash') return false;
  if (b === 'Percent') return false;
  if (b === 'UnitSuffix') return /^[A-Z]{3}$/.test(token.image);
  return true;
}

/** A comment moved to `column`: the lines of a block comment move with its first line. */
function reindentComment(comment: string, text: string, start: number, column: number): string {
  if (!comment.includes('\n')) return comment;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  const delta = column - (start - lineStart);
  const [first, ...rest] = comment.split('\n');
  const moved = rest.map((l) => {
    if (l.trim() === '') return l.replace(/[ \t]+$/, '');
    if (delta > 0) return ' '.repeat(delta) + l;
    const removable = /^ */.exec(l)![0].length;
    return removable >= -delta ? l.slice(-delta) : l;
  });
  return [first, ...moved].join('\n');
}

/** Offsets where an item starts: each sla, each item of an sla and of its blocks, each tier. */
function collectItemStarts(analysis: Analysis): Set<number> {
  const starts = new Set<number>();
  for (const node of streamAst(analysis.parse.file)) if (node.type !== 'File') starts.add(node.offset);
  return starts;
}

/** Whether two texts lex to the same tokens and comments (comments compared without white space). */
function sameContent(before: string, after: string): boolean {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.tokens.length !== b.tokens.length || a.comments.length !== b.comments.length || b.errors.length > a.errors.length) return false;
  for (let i = 0; i < a.tokens.length; i++) {
    if (a.tokens[i].image !== b.tokens[i].image || a.tokens[i].tokenType !== b.tokens[i].tokenType) return false;
  }
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  for (let i = 0; i < a.comments.length; i++) if (squeeze(a.comments[i].image) !== squeeze(b.comments[i].image)) return false;
  return true;
}

/** One edit replacing only the part between the common prefix and suffix. */
function minimalEdit(analysis: Analysis, formatted: string): TextEdit {
  const text = analysis.text;
  let prefix = 0;
  const max = Math.min(text.length, formatted.length);
  while (prefix < max && text.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    text.charCodeAt(text.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a \r\n pair.
  if (prefix > 0 && text[prefix - 1] === '\r') prefix--;
  if (suffix > 0 && text[text.length - suffix - 1] === '\r' && text[text.length - suffix] === '\n') suffix--;
  const index = lineIndexOf(analysis);
  return { range: index.range(prefix, text.length - suffix), newText: formatted.slice(prefix, formatted.length - suffix) };
}
