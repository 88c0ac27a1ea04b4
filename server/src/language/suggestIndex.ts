// "Did you mean …" over one long list of names asked for many words (a generated contract of
// thousands of names with thousands of misspelt references): the answer `suggest` gives, found
// without measuring every candidate. The distinct lowercased candidates are sorted, so that
// candidates sharing a prefix are neighbours: the rows of the edit distance for a shared prefix
// are computed once, and once a prefix's rows show that no candidate starting with it can come
// within the budget, all of them are skipped (a trie walk, without building the trie).
import { suggest, typoBudget } from './suggest';

/** Answers `suggest(word, candidates)` for the candidates it was made for. */
export type Suggester = (word: string) => string | undefined;

/** Below this many candidates the plain scan costs no more than building an index. */
const INDEXED_FROM = 64;

export function suggester(candidates: readonly string[]): Suggester {
  const index = candidates.length >= INDEXED_FROM ? CandidateIndex.of(candidates) : undefined;
  return index ? (word) => index.suggest(word) : (word) => suggest(word, candidates);
}

class CandidateIndex {
  /** Scratch: the rows of the edit distance, row d for the first d characters of a candidate. */
  private rows = new Int32Array(0);

  private constructor(
    private readonly candidates: readonly string[],
    /** The distinct lowercased candidates, sorted by code unit. */
    private readonly words: readonly string[],
    /** For each of `words`, the first index in `candidates` that lowercases to it. */
    private readonly firstIndex: Int32Array,
    /** Each lowercased candidate: the indices of the candidates that lowercase to it, in order. */
    private readonly byLower: ReadonlyMap<string, readonly number[]>,
    private readonly longest: number,
  ) {}

  /**
   * Undefined when a candidate changes length when lowercased (`İ`): `suggest` compares the
   * lengths as written and the distance of the lowercased words, which are then not the same.
   */
  static of(candidates: readonly string[]): CandidateIndex | undefined {
    const byLower = new Map<string, number[]>();
    let longest = 0;
    for (let i = 0; i < candidates.length; i++) {
      const lower = candidates[i].toLowerCase();
      if (lower.length !== candidates[i].length) return undefined;
      const same = byLower.get(lower);
      if (same) same.push(i);
      else byLower.set(lower, [i]);
      if (lower.length > longest) longest = lower.length;
    }
    const words = [...byLower.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const firstIndex = Int32Array.from(words, (word) => byLower.get(word)![0]);
    return new CandidateIndex(candidates, words, firstIndex, byLower, longest);
  }

  suggest(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (lower.length !== word.length) return suggest(word, this.candidates);
    // A candidate differing only in case wins: the first in order that is not the word itself.
    const sameLetters = this.byLower.get(lower);
    if (sameLetters) for (const i of sameLetters) if (this.candidates[i] !== word) return this.candidates[i];

    const budget = typoBudget(word.length);
    this.reserve(lower.length + 1);
    // The closest first: a search within 1 edit prunes far more than one within the budget, and
    // most misspellings are one edit away. Each search finds the earliest of the closest
    // candidates within its limit, and none came within the limits before it.
    for (let limit = 1; limit <= budget; limit++) {
      const found = this.closest(lower, limit);
      if (found >= 0) return this.candidates[found];
    }
    return undefined;
  }

  /** The first index of the candidates closest to `lower` within `limit` edits (and their own budget), or -1. */
  private closest(lower: string, limit: number): number {
    const { rows, words } = this;
    const width = lower.length + 1;
    for (let j = 0; j < width; j++) rows[j] = j;
    let best = -1;
    let bestDistance = limit + 1;
    let previous = '';
    /** Rows 0..valid hold the first characters of `previous`. */
    let valid = 0;
    for (let w = 0; w < words.length; ) {
      const candidate = words[w];
      let depth = 0;
      const shared = Math.min(valid, candidate.length, previous.length);
      while (depth < shared && candidate.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      let prunedAt = 0;
      while (depth < candidate.length) {
        depth++;
        // No later row of a candidate with this prefix can go below this row's least value.
        // (A swap reads the row before the last, but no row is more than 1 above the one before.)
        if (this.row(depth, candidate, lower) > Math.min(limit, bestDistance)) {
          prunedAt = depth;
          break;
        }
      }
      previous = candidate;
      valid = depth;
      if (prunedAt > 0) {
        w = this.endOfPrefix(w, candidate, prunedAt);
        continue;
      }
      const distance = rows[candidate.length * width + lower.length];
      const index = this.firstIndex[w];
      // A distance of 0 is the word itself: a candidate differing in case has returned before.
      if (distance >= 1 && distance <= limit && distance <= typoBudget(candidate.length) && (distance < bestDistance || (distance === bestDistance && index < best))) {
        best = index;
        bestDistance = distance;
      }
      w++;
    }
    return best;
  }

  /**
   * Row `depth` (the first `depth` characters of `candidate` against `word`): `editDistance`'s
   * recurrence, transposed (the distance is symmetric); its least value.
   */
  private row(depth: number, candidate: string, word: string): number {
    const { rows } = this;
    const width = word.length + 1;
    const at = depth * width;
    const up = at - width;
    const upUp = up - width;
    const c = candidate.charCodeAt(depth - 1);
    const before = depth > 1 ? candidate.charCodeAt(depth - 2) : -1;
    rows[at] = depth;
    let least = depth;
    for (let j = 1; j < width; j++) {
      const q = word.charCodeAt(j - 1);
      let value = Math.min(rows[up + j] + 1, rows[at + j - 1] + 1, rows[up + j - 1] + (c === q ? 0 : 1));
      if (depth > 1 && j > 1 && c === word.charCodeAt(j - 2) && before === q) value = Math.min(value, rows[upUp + j - 2] + 1);
      rows[at + j] = value;
      if (value < least) least = value;
    }
    return least;
  }

  /** The first of `words` after `from` that does not start with the first `length` characters of `prefix` (they are neighbours). */
  private endOfPrefix(from: number, prefix: string, length: number): number {
    const { words } = this;
    let low = from + 1;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (startsWith(words[middle], prefix, length)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private reserve(width: number): void {
    const size = (this.longest + 1) * width;
    if (this.rows.length < size) this.rows = new Int32Array(size);
  }
}

function startsWith(word: string, prefix: string, length: number): boolean {
  if (word.length < length) return false;
  for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  return true;
}
