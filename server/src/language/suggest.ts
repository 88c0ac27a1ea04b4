// "Did you mean …" suggestions for unknown names, kinds, units and time zones.

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition, so `porbe`
 * is one edit from `probe`). Stops early and returns `max + 1` once the distance must
 * exceed `max`, which keeps suggestions cheap over long candidate lists.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  // Three rows in one buffer, rotated by offset: the one before the previous (for
  // transpositions), the previous, and the current.
  let prevPrev = 0;
  let prev = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(rows[prev + j] + 1, rows[current + j - 1] + 1, rows[prev + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, rows[prevPrev + j - 2] + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = current;
    current = oldest;
  }
  return rows[prev + b.length];
}

/** Scratch rows of editDistance, grown on demand (the checker is single-threaded). */
let rows = new Int32Array(192);

/** How many edits still count as a typo of a word of this length. */
export function typoBudget(length: number): number {
  if (length <= 2) return 1;
  if (length <= 5) return 2;
  return 3;
}

/**
 * The candidate closest to `word`, or undefined when none is a plausible typo of it.
 * A candidate that differs only in letter case wins over any other; ties keep the
 * earliest candidate, so callers control preference by order.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const budget = typoBudget(word.length);
  const letters = letterCounts(lower);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    // Nothing but a case-only match can beat a distance of 1: skip the distance then.
    if (bestDistance <= 1 || Math.abs(candidate.length - word.length) >= bestDistance) continue;
    if (letterBound(letters, lower.length, candidateLower) >= bestDistance) continue;
    const distance = editDistance(lower, candidateLower, bestDistance - 1);
    if (distance < bestDistance && distance <= typoBudget(candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// A cheap lower bound of the edit distance, to skip most candidates without the full
// computation: an edit changes the letter counts of a word by at most 2 (a substitution),
// a swap not at all, so the distance is at least half the difference of the counts.
// Characters beyond ASCII share one bucket, which only lowers the bound.

function letterCounts(word: string): Int16Array {
  const counts = new Int16Array(128);
  for (let i = 0; i < word.length; i++) counts[Math.min(word.charCodeAt(i), 127)]++;
  return counts;
}

const scratch = new Int16Array(128);

function letterBound(counts: Int16Array, length: number, candidate: string): number {
  scratch.set(counts);
  let unmatched = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = Math.min(candidate.charCodeAt(i), 127);
    if (scratch[c] > 0) scratch[c]--;
    else unmatched++;
  }
  const missing = length - (candidate.length - unmatched);
  return Math.ceil((unmatched + missing) / 2);
}
