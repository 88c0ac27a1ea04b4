// A percentile's kept values (LANGUAGE.md 5: percentiles are exact, so every eligible value
// of the period is kept) and the k-th smallest of them.
//
// Storage: blocks that grow by doubling, never joined (joining a month of samples doubled
// the peak memory; see bench/evaluate.ts). Values that are decimals with a few places
// (latencies written `147.1`, the common case) are kept as 32-bit integers m with
// value === m / scale for one power of ten per period: half the memory of doubles, and
// exact, since m / scale is recomputed exactly as the source computed the value and m ↦
// m / scale preserves order. A value that does not fit widens the scale, or turns the
// period's values into doubles.
//
// Counted: once a period holds COUNT_FROM integers that all lie within COUNTED_SPAN of each
// other (a month of latencies: 5 M values between 0 and 600.0 ms), they are replaced by a
// count per integer (256 KiB, whatever the number of values); a later value outside the
// span turns the counts back into blocks. The multiset is the same, so every rank is.
//
// Selection: a radix selection on the values' bits: each pass counts the candidates by
// the next 16 bits of an order-preserving key and keeps the bucket holding rank k; once
// few candidates are left they are copied out and selected directly. The result is the
// value itself, bit for bit (−0 is read as 0).
import { endianness } from 'node:os';

/** Candidates at most this many are copied out and selected directly (0.5 MB). */
const COLLECT = 1 << 16;
const LITTLE_ENDIAN = endianness() === 'LE';

const FIRST_BLOCK = 1024;
const MAX_BLOCK = 1 << 20;
const MAX_SCALE = 1e9;
const INT_MIN = -0x80000000;
const INT_MAX = 0x7fffffff;
/** Where `add` puts its number for `addOf` (one body for both). */
const ONE = new Float64Array(1);
/** Integers counted per value span this many consecutive values (a 256 KiB Uint32Array). */
const COUNTED_SPAN = 1 << 16;
/** Counting is tried once, when a period has at least this many integers (about 0.5 MiB of blocks). */
const COUNT_FROM = 1 << 16;

/** Kept values as plain data (transferable): 32-bit integers over `scale`, or doubles when `scale` is 0. */
export interface KeptValuesState {
  scale: number;
  blocks: (Int32Array | Float64Array)[];
  /** Integers counted per value (then no blocks): counts[i] integers equal base + i. */
  counted?: { base: number; counts: Uint32Array };
}

export class KeptValues {
  /** A power of ten for integer blocks; 0 for doubles; -1 before the first value. */
  private scale = -1;
  private readonly full: (Int32Array | Float64Array)[] = [];
  private ints: Int32Array | undefined;
  private floats: Float64Array | undefined;
  /** Values in the block being filled. */
  private filled = 0;
  /** When counted: counts[i] integers equal base + i are kept (and no blocks). */
  private counts: Uint32Array | undefined;
  private base = 0;
  private triedCounting = false;

  add(value: number): void {
    ONE[0] = value;
    this.addOf(ONE, 0);
  }

  /** `add(values[row])`: the number read here, not passed to a call (see ObjectiveRun.addRow in evaluate.ts). */
  addOf(values: Float64Array, row: number): void {
    const value = values[row];
    const scale = this.scale;
    if (scale > 0) {
      const m = Math.round(value * scale);
      if (m / scale === value && m >= INT_MIN && m <= INT_MAX) {
        const counts = this.counts;
        if (counts !== undefined) {
          const i = m - this.base;
          if (i >= 0 && i < COUNTED_SPAN) {
            counts[i]++;
            return;
          }
          this.uncount();
        }
        let block = this.ints!;
        if (this.filled === block.length) {
          if (this.tryCounting()) return this.addOf(values, row);
          block = this.ints = this.nextBlock(block, Int32Array);
        }
        block[this.filled++] = m;
        return;
      }
    } else if (scale === 0) {
      let block = this.floats!;
      if (this.filled === block.length) block = this.floats = this.nextBlock(block, Float64Array);
      block[this.filled++] = value;
      return;
    }
    this.widen(value);
    this.addOf(values, row);
  }

  /** The k-th smallest (0-based) value kept. */
  select(k: number): number {
    if (this.counts !== undefined) return this.selectCounted(k) / this.scale;
    const blocks = this.blocks();
    if (this.scale === 0) return selectRank(blocks as Float64Array[], k);
    return selectRankInt(blocks as Int32Array[], k) / this.scale;
  }

  /** Everything kept, as plain data; this holds nothing afterwards. */
  release(): KeptValuesState {
    const counts = this.counts;
    this.counts = undefined;
    const state: KeptValuesState = counts ? { scale: this.scale, blocks: [], counted: { base: this.base, counts } } : { scale: this.scale, blocks: this.blocks() };
    this.full.length = 0;
    this.ints = this.floats = undefined;
    this.filled = 0;
    this.scale = -1;
    this.triedCounting = false;
    return state;
  }

  /** Adds the values another KeptValues released (their blocks are taken over, not copied). */
  merge(other: KeptValuesState): void {
    if (other.counted !== undefined && this.mergeCounted(other.scale, other.counted.base, other.counted.counts)) return;
    const blocks = other.blocks.filter((b) => b.length > 0);
    if (other.counted !== undefined) blocks.push(materialize(other.counted.base, other.counted.counts));
    if (blocks.length === 0) return;
    if (this.counts !== undefined) this.uncount();
    if (this.scale === -1) this.start(other.scale);
    let scale = other.scale;
    if (scale !== this.scale && scale > 0 && this.scale > 0) {
      // The finer scale for both, if every integer still fits.
      const target = Math.max(scale, this.scale);
      if (target === this.scale && rescale(blocks as Int32Array[], target / scale)) scale = target;
      else if (target === scale && this.rescaleAll(target)) scale = target;
    }
    if (scale !== this.scale) {
      if (this.scale > 0) this.toDoubles();
      if (scale > 0) for (let i = 0; i < blocks.length; i++) blocks[i] = doubles(blocks[i] as Int32Array, scale);
    }
    this.full.push(...blocks);
  }

  /** The blocks kept (counted integers are first turned back into a block). */
  private blocks(): (Int32Array | Float64Array)[] {
    if (this.counts !== undefined) this.uncount();
    const current = this.ints ?? this.floats;
    return current === undefined ? [...this.full] : [...this.full, current.subarray(0, this.filled)];
  }

  private nextBlock<T extends Int32Array | Float64Array>(block: T, kind: { new (length: number): T }): T {
    this.full.push(block);
    this.filled = 0;
    return new kind(Math.min(block.length * 2, MAX_BLOCK));
  }

  /**
   * With the block being filled full and enough integers kept: counts them instead when they
   * all lie within COUNTED_SPAN; tried once per period (and again after a release).
   */
  private tryCounting(): boolean {
    if (this.triedCounting) return false;
    let total = this.filled;
    for (const b of this.full) total += b.length;
    if (total < COUNT_FROM) return false;
    this.triedCounting = true;
    const blocks = this.blocks() as Int32Array[];
    let min = INT_MAX;
    let max = INT_MIN;
    for (const b of blocks) {
      for (let i = 0; i < b.length; i++) {
        const m = b[i];
        if (m < min) min = m;
        if (m > max) max = m;
      }
    }
    if (max - min >= COUNTED_SPAN) return false;
    // Centred, so later values a little below or above still fit.
    const base = min - Math.floor((COUNTED_SPAN - 1 - (max - min)) / 2);
    const counts = new Uint32Array(COUNTED_SPAN);
    for (const b of blocks) for (let i = 0; i < b.length; i++) counts[b[i] - base]++;
    this.full.length = 0;
    this.ints = undefined;
    this.filled = 0;
    this.base = base;
    this.counts = counts;
    return true;
  }

  /** Counted integers back into one block, the one being filled (a value outside the span, a merge it cannot count). */
  private uncount(): void {
    const block = materialize(this.base, this.counts!, FIRST_BLOCK);
    this.ints = new Int32Array(block.buffer); // the whole capacity; `filled` of it hold values
    this.filled = block.length;
    this.counts = undefined;
  }

  /**
   * Another part's counted integers, added as counts when this holds nothing yet or counts
   * at the same scale whose span holds them; false, changing nothing, otherwise.
   */
  private mergeCounted(scale: number, base: number, counts: Uint32Array): boolean {
    if (this.scale === -1) {
      this.scale = scale;
      this.base = base;
      this.counts = counts;
      this.triedCounting = true;
      return true;
    }
    const mine = this.counts;
    if (mine === undefined || scale !== this.scale) return false;
    const shift = base - this.base;
    for (let i = 0; i < counts.length; i++) if (counts[i] > 0 && !(i + shift >= 0 && i + shift < COUNTED_SPAN)) return false;
    for (let i = 0; i < counts.length; i++) if (counts[i] > 0) mine[i + shift] += counts[i];
    return true;
  }

  /** The k-th smallest (0-based) counted integer. */
  private selectCounted(k: number): number {
    const counts = this.counts!;
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i];
    if (!(k >= 0 && k < total)) throw new RangeError(`rank ${k} of ${total} values`);
    let i = 0;
    while (k >= counts[i]) k -= counts[i++];
    return this.base + i;
  }

  private start(scale: number): void {
    this.scale = scale;
    if (scale > 0) this.ints = new Int32Array(FIRST_BLOCK);
    else this.floats = new Float64Array(FIRST_BLOCK);
  }

  /** Makes room for a value that does not fit the current scale (or is the first). */
  private widen(value: number): void {
    const from = this.scale === -1 ? 1 : this.scale;
    for (let scale = from; scale <= MAX_SCALE; scale *= 10) {
      const m = Math.round(value * scale);
      if (!(m / scale === value && m >= INT_MIN && m <= INT_MAX)) continue;
      if (this.scale === -1) return this.start(scale);
      if (this.rescaleAll(scale)) return;
      break;
    }
    if (this.scale === -1) this.start(0);
    else this.toDoubles();
  }

  /** Every integer kept × (scale / this.scale); false, changing nothing, when one would not fit. */
  private rescaleAll(scale: number): boolean {
    const blocks = this.blocks() as Int32Array[];
    if (!rescale(blocks, scale / this.scale)) return false;
    this.scale = scale;
    return true;
  }

  /** Turns the integer blocks into doubles. */
  private toDoubles(): void {
    const blocks = this.blocks() as Int32Array[];
    const scale = this.scale;
    this.full.length = 0;
    for (const b of blocks) this.full.push(doubles(b, scale));
    this.ints = undefined;
    this.scale = 0;
    this.floats = new Float64Array(FIRST_BLOCK);
    this.filled = 0;
  }
}

/** Multiplies every integer by `factor` in place; false, changing nothing, when one would leave the 32-bit range. */
function rescale(blocks: Int32Array[], factor: number): boolean {
  for (const b of blocks) for (let i = 0; i < b.length; i++) if (b[i] * factor > INT_MAX || b[i] * factor < INT_MIN) return false;
  for (const b of blocks) for (let i = 0; i < b.length; i++) b[i] *= factor;
  return true;
}

/** Counted integers as a block of that many integers (room for at least `capacity`; the block returned is the filled part). */
function materialize(base: number, counts: Uint32Array, capacity = 0): Int32Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const block = new Int32Array(Math.max(total, capacity));
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    const m = base + i;
    for (let c = counts[i]; c > 0; c--) block[n++] = m;
  }
  return block.subarray(0, n);
}

function doubles(block: Int32Array, scale: number): Float64Array {
  const out = new Float64Array(block.length);
  for (let i = 0; i < block.length; i++) out[i] = block[i] / scale;
  return out;
}

/** The k-th smallest (0-based) of the integers in `blocks`: two 16-bit passes, then a direct selection. */
function selectRankInt(blocks: readonly Int32Array[], k: number): number {
  let total = 0;
  for (const b of blocks) total += b.length;
  if (!(k >= 0 && k < total)) throw new RangeError(`rank ${k} of ${total} values`);
  let candidates = total;
  // Keys m + 2^31 are unsigned and ordered like m; `high` is the known top 16 bits (-1: none yet).
  let high = -1;
  const counts = new Uint32Array(1 << 16);
  for (let round = 0; round < 2; round++) {
    if (candidates <= COLLECT) break;
    counts.fill(0);
    for (const block of blocks) {
      for (let i = 0; i < block.length; i++) {
        const key = (block[i] + 0x80000000) >>> 0;
        if (high < 0) counts[key >>> 16]++;
        else if (key >>> 16 === high) counts[key & 0xffff]++;
      }
    }
    let digit = 0;
    while (k >= counts[digit]) k -= counts[digit++];
    candidates = counts[digit];
    if (high >= 0) return high * 0x10000 + digit - 0x80000000; // all 32 bits known
    high = digit;
  }
  const out = new Float64Array(candidates);
  let n = 0;
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) if (high < 0 || (block[i] + 0x80000000) >>> 16 === high) out[n++] = block[i];
  }
  return selectKth(out, k);
}

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
