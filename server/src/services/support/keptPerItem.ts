// What a feature made of each sla item, kept from one request to the next for one document
// (issue 15, "docsym": at 200,000 lines VS Code asks for the outline, the folding ranges and
// the semantic tokens after every pause in typing, and making them for all 42,000 items was
// most of each answer).
//
// Exact because of how an incremental analysis treats items (language/reparse.ts): every item
// it did not parse again is the same object with the same subtree, its spans moved in place by
// the lines an edit before it added or removed (characters and text unchanged); an item it
// parsed again gets new child nodes even when the item object is kept (`transplant`, which
// counts it: `subtreeVersion`); a full analysis makes every object anew. An item whose version
// is the one seen last time therefore has the same text, and what was made of it differs at most in
// its lines: so what is kept holds no position (names and details, the item's own nodes,
// whose spans move in place, places counted from the item's first line).
//
// Items are kept in text order and matched by walking both lists together: the items an edit
// did not touch keep their order, so only an edit that adds or removes items needs a look-up
// (a map of the kept items, made then). A map per request was 20 ms of each at 200,000 lines.
import type { SlaItem } from '../../language/ast';
import { subtreeVersion } from '../../language/reparse';

interface Kept<T> {
  item: SlaItem;
  /** The item's subtree version when `value` was made: the same number means the same subtree. */
  version: number;
  value: T;
}

export class KeptPerItem<T> {
  private kept: Kept<T>[] = [];
  private key: unknown;
  private current: ItemReuse<T> | undefined;

  /**
   * Starts a request, which asks for the items in text order. What was kept under another
   * `key` (what else the values depend on, such as the language) is dropped; items the request
   * does not ask for are dropped at the next.
   */
  start(key: unknown): ItemReuse<T> {
    const previous = this.key === key ? this.kept : [];
    this.key = key;
    this.kept = [];
    return (this.current = new ItemReuse(previous, this.kept));
  }

  /** How many items' values the last request took from the kept ones. */
  get lastReused(): number {
    return this.current?.reused ?? 0;
  }
}

export class ItemReuse<T> {
  reused = 0;
  /** The next kept item expected (the previous request's items, in text order). */
  private cursor = 0;
  private indexOf: Map<SlaItem, number> | undefined;

  constructor(
    private readonly previous: readonly Kept<T>[],
    private readonly next: Kept<T>[],
  ) {}

  /** The value kept for `item`, if it holds. Asked once per item, in text order. */
  lookUp(item: SlaItem): T | undefined {
    let kept = this.previous[this.cursor];
    if (kept?.item !== item) {
      // Items added or removed: find it among the kept ones after the cursor (or it is new).
      this.indexOf ??= new Map(this.previous.map((k, i) => [k.item, i]));
      const at = this.indexOf.get(item);
      if (at === undefined || at < this.cursor) return undefined;
      this.cursor = at;
      kept = this.previous[at];
    }
    this.cursor++;
    if (kept.version !== subtreeVersion(item)) return undefined;
    this.reused++;
    return kept.value;
  }

  /** Keeps `value`, what `item` gives now (found by `lookUp` or made), for the next request; items in text order. */
  keep(item: SlaItem, value: T): T {
    this.next.push({ item, version: subtreeVersion(item), value });
    return value;
  }

  /** The value kept for `item`, or a new one from `make`, kept for the next request. */
  valueOf(item: SlaItem, make: () => T): T {
    return this.keep(item, this.lookUp(item) ?? make());
  }
}
