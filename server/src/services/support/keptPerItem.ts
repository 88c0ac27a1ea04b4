// What a feature made of each sla item, kept from one request to the next for one document
// (issue 15, "docsym": at 200,000 lines VS Code asks for the outline and the folding ranges
// after every pause in typing, and making them for all 42,000 items was most of each answer).
//
// Exact because of how an incremental analysis treats items (language/reparse.ts): every item
// it did not parse again is the same object with the same subtree, its spans moved in place by
// the lines an edit before it added or removed (characters and text unchanged); an item it
// parsed again gets new child nodes even when the item object is kept (`transplant`), so a new
// `keyword` object; a full analysis makes every object anew. An item whose `keyword` is the
// one seen last time therefore has the same text, and what was made of it differs at most in
// its lines. Kept values are never changed (an answer may still be waiting to be written):
// a moved one is copied.
import type { SlaItem, Span } from '../../language/ast';

interface Kept<T> {
  /** The item's `keyword` when `value` was made: the same object means the same subtree. */
  keyword: Span;
  /** The item's first line then. */
  line: number;
  value: T;
}

export class KeptPerItem<T> {
  private items = new Map<SlaItem, Kept<T>>();
  private key: unknown;
  private current: ItemReuse<T> | undefined;

  /** `moved`: a copy of a value `lineDelta` lines further down. */
  constructor(private readonly moved: (value: T, lineDelta: number) => T) {}

  /**
   * Starts a request. What was kept under another `key` (what else the values depend on, such
   * as the language) is dropped; items the request does not ask for are dropped at the next.
   */
  start(key: unknown): ItemReuse<T> {
    const previous = this.key === key ? this.items : new Map<SlaItem, Kept<T>>();
    this.key = key;
    this.items = new Map();
    return (this.current = new ItemReuse(previous, this.items, this.moved));
  }

  /** How many items' values the last request took from the kept ones (moved or not). */
  get lastReused(): number {
    return this.current?.reused ?? 0;
  }
}

export class ItemReuse<T> {
  reused = 0;

  constructor(
    private readonly previous: ReadonlyMap<SlaItem, Kept<T>>,
    private readonly next: Map<SlaItem, Kept<T>>,
    private readonly moved: (value: T, lineDelta: number) => T,
  ) {}

  /** The value kept for `item` (moved to its lines), or a new one from `make`, kept for the next request. */
  valueOf(item: SlaItem, make: () => T): T {
    let kept = this.previous.get(item);
    if (kept && kept.keyword === item.keyword) {
      const lineDelta = item.startLine - kept.line;
      if (lineDelta !== 0) {
        kept.value = this.moved(kept.value, lineDelta);
        kept.line = item.startLine;
      }
      this.reused++;
    } else {
      kept = { keyword: item.keyword, line: item.startLine, value: make() };
    }
    this.next.set(item, kept);
    return kept.value;
  }
}
