// What the per-keystroke requests of a large contract keep per open document between two
// requests (issue 15, "docsym"): the item symbols of its outline. Dropped when it closes.
import { KeptSymbols } from '../services/features/symbols';

export class FeatureCache {
  private readonly symbols = new Map<string, KeptSymbols>();

  /** The symbols kept for the document `uri`. */
  symbolsOf(uri: string): KeptSymbols {
    let kept = this.symbols.get(uri);
    if (!kept) this.symbols.set(uri, (kept = new KeptSymbols()));
    return kept;
  }

  forget(uri: string): void {
    this.symbols.delete(uri);
  }
}
