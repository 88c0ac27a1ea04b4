// Document symbols: the outline sla → its items (services, schedules, maintenance,
// indicators, objectives, compensation with its tiers, credits, support with severities…).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Range, SlaItem, Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { firstItem, type SlaFacts } from '../../language/linked';
import { DEFAULT_LOCALE, messages, type Locale, type Messages } from '../../l10n/index';
import { KeptPerItem, type ItemReuse } from '../support/keptPerItem';

/** What `slice` reads of a span: its offsets. */
type Extent = Pick<Span, 'offset' | 'endOffset'>;

const KIND: Record<SlaItem['type'], SymbolKind> = {
  Version: SymbolKind.Property,
  Provider: SymbolKind.Property,
  Customer: SymbolKind.Property,
  Effective: SymbolKind.Property,
  Timezone: SymbolKind.Property,
  Fee: SymbolKind.Property,
  Reporting: SymbolKind.Property,
  Review: SymbolKind.Property,
  Reviewed: SymbolKind.Property,
  Service: SymbolKind.Module,
  Schedule: SymbolKind.Event,
  Maintenance: SymbolKind.Event,
  Indicator: SymbolKind.Variable,
  Objective: SymbolKind.Function,
  Compensation: SymbolKind.Object,
  Credits: SymbolKind.Object,
  Responsibilities: SymbolKind.Object,
  Support: SymbolKind.Object,
};

export function documentSymbols(analysis: Analysis, locale: Locale = DEFAULT_LOCALE, kept?: KeptSymbols): DocumentSymbol[] {
  const text = analysis.text;
  const words = messages(locale);
  const slice = (span: Extent | undefined) => (span ? text.slice(span.offset, span.endOffset) : '');
  const reuse = kept?.start(locale);
  const symbols: DocumentSymbol[] = [];
  for (const { sla, objectives } of analysis.linked) {
    const facts: LinkedFacts = { objectives };
    const children: DocumentSymbol[] = [];
    for (const item of sla.items ?? []) {
      if (!item) continue;
      const make = () => itemSymbol(item, slice, facts, words);
      children.push(reuse ? keptSymbol(reuse, item, make) : make());
    }
    symbols.push(newSymbol(sla.name?.text || 'sla', sla.title?.value, SymbolKind.Namespace, sla, sla.name ?? sla.keyword, children));
  }
  return symbols;
}

/**
 * The symbol of `node`, selected at `selection`, with their ranges as they are now; no
 * `detail` when there is none to show (VS Code reads an absent detail as the empty one: a
 * field less per symbol in an answer of 70,000 symbols at 200,000 lines).
 */
function newSymbol(name: string, detail: string | undefined, kind: SymbolKind, node: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol {
  const range = node.range;
  const selectionRange = selection.range;
  const symbol: DocumentSymbol = detail ? { name, detail, kind, range, selectionRange } : { name, kind, range, selectionRange };
  if (children) symbol.children = children;
  return symbol;
}

/**
 * The item symbols of one document, kept from one request to the next
 * (services/support/keptPerItem.ts), with the item's first line when each was made. A symbol
 * once answered is never changed (an answer may still wait in vscode-jsonrpc's write queue
 * when the next request comes): a moved item's is a copy on its new lines.
 */
export class KeptSymbols extends KeptPerItem<KeptSymbol> {}

type KeptSymbol = { symbol: DocumentSymbol; line: number };

/** The symbol kept for `item`, on the lines the item is on now, or a new one from `make`. */
function keptSymbol(reuse: ItemReuse<KeptSymbol>, item: SlaItem, make: () => DocumentSymbol): DocumentSymbol {
  const kept = reuse.valueOf(item, () => ({ symbol: make(), line: item.startLine }));
  // The item moved: its lines are all that changed.
  if (kept.line !== item.startLine) {
    kept.symbol = movedSymbol(kept.symbol, item.startLine - kept.line);
    kept.line = item.startLine;
  }
  return kept.symbol;
}

/** A copy of `symbol` and its children `lineDelta` lines further down (an item moves by whole lines). */
function movedSymbol(symbol: DocumentSymbol, lineDelta: number): DocumentSymbol {
  const moved: DocumentSymbol = { ...symbol, range: movedRange(symbol.range, lineDelta), selectionRange: movedRange(symbol.selectionRange, lineDelta) };
  if (symbol.children) moved.children = symbol.children.map((child) => movedSymbol(child, lineDelta));
  return moved;
}

function movedRange({ start, end }: Range, lineDelta: number): Range {
  return { start: { line: start.line + lineDelta, character: start.character }, end: { line: end.line + lineDelta, character: end.character } };
}

type LinkedFacts = Pick<SlaFacts, 'objectives'>;

function itemSymbol(item: SlaItem, slice: (span: Extent | undefined) => string, facts: LinkedFacts, { t }: Messages): DocumentSymbol {
  const keyword = slice(item.keyword);
  const symbol = (name: string, detail: string, selection: Span, children?: DocumentSymbol[]): DocumentSymbol =>
    newSymbol(name || keyword || item.type.toLowerCase(), detail, KIND[item.type] ?? SymbolKind.Property, item, selection, children);
  const rest = () => slice({ offset: item.keyword.endOffset, endOffset: item.endOffset }).trim();
  switch (item.type) {
    case 'Service':
    case 'Indicator':
    case 'Schedule':
    case 'Maintenance':
      return symbol(item.name?.text ?? '', detailOf(item, slice), item.name ?? item.keyword);
    case 'Objective': {
      const { target, window } = facts.objectives.get(item) ?? {};
      const detail = [target && slice(target).replace(/^target\s+/, ''), window && slice(window).replace(/^window\s+/, '')].filter(Boolean).join(', ');
      return symbol(item.name?.text ?? '', detail || (item.title?.value ?? ''), item.name ?? item.keyword);
    }
    case 'Compensation':
      return symbol(
        `compensation for ${item.target?.text ?? '?'}`,
        t('symbol.tiers', { count: item.tiers?.length ?? 0 }),
        item.target ?? item.keyword,
        (item.tiers ?? []).filter(Boolean).map((tier) =>
          newSymbol(slice(tier).replace(/\s+credit\s+.*$/, '') || tier.direction, tier.credit ? `credit ${slice(tier.credit)}` : '', SymbolKind.EnumMember, tier, tier.keyword),
        ),
      );
    case 'Support':
      return symbol(
        'support',
        '',
        item.keyword,
        (item.items ?? []).filter(Boolean).map((entry) =>
          entry.type === 'Severity'
            ? newSymbol(entry.name?.text ?? 'severity', entry.title?.value, SymbolKind.EnumMember, entry, entry.name ?? entry.keyword)
            : newSymbol('hours', slice(entry).replace(/^hours\s+/, ''), SymbolKind.Property, entry, entry.keyword),
        ),
      );
    case 'Credits':
    case 'Responsibilities':
      return symbol(keyword, '', item.keyword);
    default:
      return symbol(keyword, rest(), item.keyword);
  }
}

function detailOf(item: SlaItem, slice: (span: Extent | undefined) => string): string {
  // The kind as written, a misspelt one too: the outline shows the text.
  if (item.type === 'Indicator') return [firstItem(item.items, 'Kind')?.value?.text, item.title?.value].filter(Boolean).join(' — ');
  if (item.type === 'Service') return item.title?.value ?? '';
  if (item.type === 'Schedule' || item.type === 'Maintenance') {
    return ((item.items ?? []) as Span[]).filter(Boolean).map((i) => slice(i)).join('; ');
  }
  return '';
}
