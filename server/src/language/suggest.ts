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
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j] + 1, current[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, prevPrev[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[b.length];
}

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
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    // Nothing but a case-only match can beat a distance of 1: skip the distance then.
    if (bestDistance <= 1 || Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidateLower, bestDistance - 1);
    if (distance < bestDistance && distance <= typoBudget(candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
