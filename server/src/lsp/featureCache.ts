// What the per-keystroke requests of a large contract keep per open document between two
// requests (issue 15, "docsym"): the item symbols of its outline, its items' folding ranges
// and semantic tokens, and the semantic tokens last sent, the base of the next delta
// ("semtok"). Dropped when the document closes.
import { KeptFolding } from '../services/features/folding';
import { KeptTokens } from '../services/features/semanticTokens';
import { KeptSymbols } from '../services/features/symbols';
import { SentTokens } from './semanticTokensCache';

interface Kept {
  symbols: KeptSymbols;
  folding: KeptFolding;
  tokens: KeptTokens;
  sent: SentTokens;
}

export class FeatureCache {
  private readonly documents = new Map<string, Kept>();

  /** What is kept for the document `uri`. */
  of(uri: string): Kept {
    let kept = this.documents.get(uri);
    if (!kept) this.documents.set(uri, (kept = { symbols: new KeptSymbols(), folding: new KeptFolding(), tokens: new KeptTokens(), sent: new SentTokens() }));
    return kept;
  }

  forget(uri: string): void {
    this.documents.delete(uri);
  }
}
