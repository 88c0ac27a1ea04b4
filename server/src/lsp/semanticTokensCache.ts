// Semantic tokens by delta (issue 15, "semtok"): the last data sent to a document, so that
// `semanticTokens/full/delta` answers with the one changed stretch instead of every number
// again (2.4 M numbers at 200,000 lines, asked by VS Code after every edit). An edit moves
// only the tokens it touches, and the relative encoding leaves everything after them alone:
// a common prefix and suffix leave one small edit.
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver-types';
import { numbersOf } from '../services/features/semanticTokens';

//
// The data is kept as 32-bit integers (services/features/semanticTokens.ts
// `encodedSemanticTokens`): half the memory of a number array, and what is sent is made a
// number array (JSON writes a typed array as an object).
type Data = ArrayLike<number>;

/**
 * Result ids count across every document and reopening, so that an id sent before a close can
 * never name the data of the document opened after it.
 */
let lastResultId = 0;

/** The last semantic tokens sent for one open document (lsp/featureCache.ts keeps one per document). */
export class SentTokens {
  private last: { resultId: string; data: Data } | undefined;

  /** The full result, kept as the base of the next delta. */
  full(data: Data): SemanticTokens {
    return { resultId: this.keep(data), data: numbersOf(data) };
  }

  /** The edits from the result `previousResultId` to `data`; the full result when that one is not kept (any more). */
  delta(previousResultId: string, data: Data): SemanticTokens | SemanticTokensDelta {
    const previous = this.last;
    if (!previous || previous.resultId !== previousResultId) return this.full(data);
    return { resultId: this.keep(data), edits: semanticTokensEdits(previous.data, data) };
  }

  private keep(data: Data): string {
    const resultId = String(++lastResultId);
    this.last = { resultId, data };
    return resultId;
  }
}

/** The edits turning `previous` into `next`: none, or one replacing what lies between their common prefix and suffix. */
export function semanticTokensEdits(previous: Data, next: Data): SemanticTokensEdit[] {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) return [];
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return [{ start: prefix, deleteCount: previous.length - prefix - suffix, data: numbersOf(next, prefix, next.length - suffix) }];
}
