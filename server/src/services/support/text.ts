// Position helpers for the services over an analysis's text (0-based lines, UTF-16
// characters, as in LSP and the AST). One line index per analysis, built lazily.
import type { Position } from '../../language/ast';
import { LineIndex } from '../../language/text';


const indexes = new WeakMap<object, LineIndex>();

/** The line index of an analysis (or any object holding `text`), built once. */
export function lineIndexOf(holder: { text: string }): LineIndex {
  let index = indexes.get(holder);
  if (!index || index.text !== holder.text) {
    index = new LineIndex(holder.text);
    indexes.set(holder, index);
  }
  return index;
}

