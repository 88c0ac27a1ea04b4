// Document symbols: the outline sla → its items (services, schedules, maintenance,
// indicators, objectives, compensation with its tiers, credits, support with severities…).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Range, SlaItem, Span } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { firstItem, type SlaFacts } from '../../language/linked';
import { DEFAULT_LOCALE, messages, type Locale, type Messages } from '../../l10n/index';

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

export function documentSymbols(analysis: Analysis, locale: Locale = DEFAULT_LOCALE): DocumentSymbol[] {
  const text = analysis.text;
  const words = messages(locale);
  const slice = (span: Extent | undefined) => (span ? text.slice(span.offset, span.endOffset) : '');
  const symbols: DocumentSymbol[] = [];
  for (const { sla, objectives } of analysis.linked) {
    const facts: LinkedFacts = { objectives };
    symbols.push({
      name: sla.name?.text || 'sla',
      detail: sla.title?.value ?? '',
      kind: SymbolKind.Namespace,
      range: sla.range,
      selectionRange: (sla.name ?? sla.keyword).range,
      children: (sla.items ?? []).filter(Boolean).map((item) => itemSymbol(item, slice, facts, words)),
    });
  }
  return symbols;
}

type LinkedFacts = Pick<SlaFacts, 'objectives'>;

function itemSymbol(item: SlaItem, slice: (span: Extent | undefined) => string, facts: LinkedFacts, { t }: Messages): DocumentSymbol {
  const keyword = slice(item.keyword);
  const symbol = (name: string, detail: string, selection: Range, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || keyword || item.type.toLowerCase(),
    detail,
    kind: KIND[item.type] ?? SymbolKind.Property,
    range: item.range,
    selectionRange: selection,
    ...(children ? { children } : {}),
  });
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
        (item.tiers ?? []).filter(Boolean).map((tier) => ({
          name: slice(tier).replace(/\s+credit\s+.*$/, '') || tier.direction,
          detail: tier.credit ? `credit ${slice(tier.credit)}` : '',
          kind: SymbolKind.EnumMember,
          range: tier.range,
          selectionRange: tier.keyword.range,
        })),
      );
    case 'Support':
      return symbol(
        'support',
        '',
        item.keyword.range,
        (item.items ?? []).filter(Boolean).map((entry) => ({
          name: entry.type === 'Severity' ? (entry.name?.text ?? 'severity') : 'hours',
          detail: entry.type === 'Severity' ? (entry.title?.value ?? '') : slice(entry).replace(/^hours\s+/, ''),
          kind: entry.type === 'Severity' ? SymbolKind.EnumMember : SymbolKind.Property,
          range: entry.range,
          selectionRange: entry.type === 'Severity' ? (entry.name ?? entry.keyword).range : entry.keyword.range,
        })),
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
