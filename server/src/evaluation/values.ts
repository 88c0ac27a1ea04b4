// The k-th smallest of a percentile's kept values, found where they lie (in blocks) without
// joining them into one array: joining a month of samples doubled the peak memory (see
// bench/evaluate.ts). A radix selection on the values' bits: each pass counts the
// candidates by the next 16 bits of an order-preserving 64-bit key and keeps the bucket
// holding rank k; once few candidates are left they are copied out and selected directly.
// Exact: the result is the value itself, bit for bit (−0 is read as 0).
import { endianness } from 'node:os';

/** Candidates at most this many are copied out and selected directly (0.5 MB). */
const COLLECT = 1 << 16;
const LITTLE_ENDIAN = endianness() === 'LE';

/** The k-th smallest (0-based) of all values in `blocks` (k within their total length). */
export function selectRank(blocks: readonly Float64Array[], k: number): number {
  let total = 0;
  for (const b of blocks) total += b.length;
  if (!(k >= 0 && k < total)) throw new RangeError(`rank ${k} of ${total} values`);
  if (!LITTLE_ENDIAN) return sortedCopy(blocks)[k];
  // The key's bits known so far: a candidate's key has (hi & hiMask) === hiValue and (lo & loMask) === loValue.
  let hiMask = 0;
  let hiValue = 0;
  let loMask = 0;
  let loValue = 0;
  let candidates = total;
  const counts = new Uint32Array(1 << 16);
  for (let round = 0; round < 4; round++) {
    if (candidates <= COLLECT) return selectKth(collect(blocks, candidates, hiMask, hiValue, loMask, loValue), k);
    counts.fill(0);
    const onHi = round < 2;
    const shift = round % 2 === 0 ? 16 : 0;
    for (const block of blocks) {
      const words = new Uint32Array(block.buffer, block.byteOffset, block.length * 2);
      for (let i = 0; i < words.length; i += 2) {
        const hi = keyHi(words[i + 1]);
        const lo = keyLo(words[i + 1], words[i]);
        if ((hi & hiMask) >>> 0 !== hiValue || (lo & loMask) >>> 0 !== loValue) continue;
        counts[((onHi ? hi : lo) >>> shift) & 0xffff]++;
      }
    }
    let digit = 0;
    while (k >= counts[digit]) k -= counts[digit++];
    candidates = counts[digit];
    if (onHi) {
      hiMask = (hiMask | (0xffff << shift)) >>> 0;
      hiValue = (hiValue | (digit << shift)) >>> 0;
    } else {
      loMask = (loMask | (0xffff << shift)) >>> 0;
      loValue = (loValue | (digit << shift)) >>> 0;
    }
  }
  // All 64 bits are known: every remaining candidate is this value.
  const bits = new Uint32Array(2);
  if (hiValue >= 0x80000000) {
    bits[1] = hiValue & 0x7fffffff;
    bits[0] = loValue;
  } else {
    bits[1] = ~hiValue;
    bits[0] = ~loValue;
  }
  const value = new Float64Array(bits.buffer)[0];
  return value === 0 ? 0 : value;
}

// The order-preserving 64-bit key of a double from its high and low words: a negative
// value has every bit flipped, any other its sign bit.
function keyHi(hi: number): number {
  return hi >= 0x80000000 ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
}

function keyLo(hi: number, lo: number): number {
  return hi >= 0x80000000 ? ~lo >>> 0 : lo;
}

/** The candidates (keys matching the known bits) copied into one array. */
function collect(blocks: readonly Float64Array[], count: number, hiMask: number, hiValue: number, loMask: number, loValue: number): Float64Array {
  const out = new Float64Array(count);
  let n = 0;
  for (const block of blocks) {
    if (hiMask === 0) {
      out.set(block, n);
      n += block.length;
      continue;
    }
    const words = new Uint32Array(block.buffer, block.byteOffset, block.length * 2);
    for (let i = 0; i < words.length; i += 2) {
      if ((keyHi(words[i + 1]) & hiMask) >>> 0 === hiValue && (keyLo(words[i + 1], words[i]) & loMask) >>> 0 === loValue) out[n++] = block[i >> 1];
    }
  }
  return out;
}

function sortedCopy(blocks: readonly Float64Array[]): Float64Array {
  let total = 0;
  for (const b of blocks) total += b.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const b of blocks) {
    all.set(b, at);
    at += b.length;
  }
  return all.sort();
}

/** The k-th smallest (0-based) of a: quickselect, falling back to a sort on bad pivots. */
function selectKth(a: Float64Array, k: number): number {
  const n = a.length;
  let lo = 0;
  let hi = n - 1;
  let budget = 2 * Math.ceil(Math.log2(n + 1)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return normalZero(a[k]);
    }
    const mid = (lo + hi) >>> 1;
    // Median of three into a[mid].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const x = a[i];
        a[i] = a[j];
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return normalZero(a[k]);
  }
  return normalZero(a[k]);
}

function normalZero(value: number): number {
  return value === 0 ? 0 : value;
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}
