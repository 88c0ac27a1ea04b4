// Document symbols: the outline sla → its items (services, schedules, maintenance,
// indicators, objectives, compensation with its tiers, credits, support with severities…).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Range, SlaItem, Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { firstItem, type SlaFacts } from '../../language/linked';
import { DEFAULT_LOCALE, messages, type Locale, type Messages } from '../../l10n/index';
import { KeptPerItem } from '../support/keptPerItem';

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
      children.push(reuse ? reuse.valueOf(item, make) : make());
    }
    symbols.push(withDetail(sla.name?.text || 'sla', sla.title?.value, SymbolKind.Namespace, sla.range, (sla.name ?? sla.keyword).range, children));
  }
  return symbols;
}

/**
 * A symbol; no `detail` when there is none to show (VS Code reads an absent detail as the
 * empty one: a field less per symbol in an answer of 70,000 symbols at 200,000 lines).
 */
function withDetail(name: string, detail: string | undefined, kind: SymbolKind, range: Range, selectionRange: Range, children?: DocumentSymbol[]): DocumentSymbol {
  const symbol: DocumentSymbol = detail ? { name, detail, kind, range, selectionRange } : { name, kind, range, selectionRange };
  if (children) symbol.children = children;
  return symbol;
}

/** The item symbols of one document, kept from one request to the next (services/support/keptPerItem.ts). */
export class KeptSymbols extends KeptPerItem<DocumentSymbol> {
  constructor() {
    super(movedSymbol);
  }
}

/** A copy of `symbol` and its children `lineDelta` lines further down. */
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
  const symbol = (name: string, detail: string, selection: Range, children?: DocumentSymbol[]): DocumentSymbol =>
    withDetail(name || keyword || item.type.toLowerCase(), detail, KIND[item.type] ?? SymbolKind.Property, item.range, selection, children);
  const rest = () => slice({ offset: item.keyword.endOffset, endOffset: item.endOffset }).trim();
  switch (item.type) {
    case 'Service':
    case 'Indicator':
    case 'Schedule':
    case 'Maintenance':
      return symbol(item.name?.text ?? '', detailOf(item, slice), (item.name ?? item.keyword).range);
    case 'Objective': {
      const { target, window } = facts.objectives.get(item) ?? {};
      const detail = [target && slice(target).replace(/^target\s+/, ''), window && slice(window).replace(/^window\s+/, '')].filter(Boolean).join(', ');
      return symbol(item.name?.text ?? '', detail || (item.title?.value ?? ''), (item.name ?? item.keyword).range);
    }
    case 'Compensation':
      return symbol(
        `compensation for ${item.target?.text ?? '?'}`,
        t('symbol.tiers', { count: item.tiers?.length ?? 0 }),
        (item.target ?? item.keyword).range,
        (item.tiers ?? []).filter(Boolean).map((tier) =>
          withDetail(slice(tier).replace(/\s+credit\s+.*$/, '') || tier.direction, tier.credit ? `credit ${slice(tier.credit)}` : '', SymbolKind.EnumMember, tier.range, tier.keyword.range),
        ),
      );
    case 'Support':
      return symbol(
        'support',
        '',
        item.keyword.range,
        (item.items ?? []).filter(Boolean).map((entry) =>
          entry.type === 'Severity'
            ? withDetail(entry.name?.text ?? 'severity', entry.title?.value, SymbolKind.EnumMember, entry.range, (entry.name ?? entry.keyword).range)
            : withDetail('hours', slice(entry).replace(/^hours\s+/, ''), SymbolKind.Property, entry.range, entry.keyword.range),
        ),
      );
    case 'Credits':
    case 'Responsibilities':
      return symbol(keyword, '', item.keyword.range);
    default:
      return symbol(keyword, rest(), item.keyword.range);
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
