// Position helpers for the services over an analysis's text (0-based lines, UTF-16
// characters, as in LSP and the AST). One line index per analysis, built lazily.
import type { Position } from '../../language/ast';
import { lineIndexOfParse, type ParseResult } from '../../language/parser';
import { LineIndex } from '../../language/text';


const indexes = new WeakMap<object, LineIndex>();

/**
 * The line index of an analysis (or any object holding `text`), built once. An analysis's
 * parse has one of its text already (kept up to date by incremental parsing): a second one
 * per version cost a scan of the text, an array of every line start and, held in the
 * WeakMap below, kept each version's whole text alive through V8's young collections
 * (docs/performance.md, "lspmem2").
 */
export function lineIndexOf(holder: { text: string; parse?: ParseResult }): LineIndex {
  const parsed = holder.parse && lineIndexOfParse(holder.parse);
  if (parsed && parsed.text === holder.text) return parsed;
  let index = indexes.get(holder);
  if (!index || index.text !== holder.text) {
    index = new LineIndex(holder.text);
    indexes.set(holder, index);
  }
  return index;
}

