// Binary search over a list sorted by a number (offsets, line starts): the one definition for
// the sorted lists an edit's analysis searches (line starts, definitions in text order).

/** The index of the first of `values`, from `low` on, whose key is `target` or more (values sorted by key). */
export function firstAtOrAfter<T>(values: readonly T[], target: number, key: (value: T) => number, low = 0): number {
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (key(values[middle]) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
