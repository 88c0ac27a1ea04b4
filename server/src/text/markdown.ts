// Markdown escaping for strings that come from users (contract titles and descriptions,
// metric names, messages that quote a file): whatever they hold renders as that text, never
// as Markdown structure, HTML or an image. One function per place a string can land.
// Used by `sla evaluate --format markdown` (and the report the server returns) and by hovers.

/** Line breaks for CommonMark (`\r\n`, `\r`, `\n`) and for renderers whose regexes also
 * split at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Invisible characters that change what a reader sees: C0 and C1 controls (not tab),
 * DEL, and the bidirectional overrides and isolates. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The characters that shape inline Markdown anywhere in a line: escapes, code, emphasis,
 * strike-through, links and images (`[`), HTML and autolinks, entities, table cells, and a
 * heading's closing `#`s. Others (`-`, `.`, `(`) are left alone so `2026-10` stays readable. */
const INLINE_SYNTAX = /[\\`*_~[\]<>&|#]/g;

/** What GFM turns into a link by itself: `scheme://…` and `www.…`. */
const AUTOLINK = /:(?=\/\/)|(?<=\bwww)\./gi;

/** What starts a block when it opens a line (beside the inline characters): a list item,
 * a setext underline, a numbered item (its `.` or `)` is escaped). */
const BLOCK_START = /^[-+=]|(?<=^\d+)[.)]/;

/** `\u001B`: a control character made visible. */
function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Line breaks become spaces and invisible characters visible escapes. */
function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, visible);
}

/**
 * Text inside a paragraph, heading, list item, block quote or table cell: one line, every
 * structural character backslash-escaped (so `|` cannot split a table cell, `![` cannot
 * load an image, `<img …>` is not HTML and `https://…` is not made a link).
 */
export function markdownText(text: string): string {
  // Leading blanks would make an indented code block at the start of a line; HTML drops them anyway.
  return oneLine(text)
    .trimStart()
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(AUTOLINK, '\\$&')
    .replace(BLOCK_START, '\\$&');
}

/**
 * A code span (`` `text` ``) outside tables: delimited by more backticks than the longest
 * run inside, padded when the text starts or ends with a backtick. Inside a code span
 * nothing is interpreted, but a line break would still end the block, so it becomes a space.
 */
export function markdownCodeSpan(text: string): string {
  const content = oneLine(text);
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || /^ .* $/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A fenced code block: the fence is longer than any backtick run in the text, so no line
 * of it can close the block early. Line breaks are kept (as `\n`); invisible characters
 * are shown escaped.
 */
export function markdownCodeBlock(text: string, language = ''): string {
  const content = text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, visible);
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
