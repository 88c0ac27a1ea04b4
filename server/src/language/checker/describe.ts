// How messages name blocks and clauses.
import type { Range, Span } from '../ast';
import type { Block } from './context';
import { formatNumber } from '../numberFormat';
import { BLOCK_OF_NODE_TYPE } from '../vocabulary';

/** "objective `uptime`", "sla `LanyingIM`", "credits". */
export function describeBlock(block: Block): string {
  const word = BLOCK_OF_NODE_TYPE[block.type];
  const name = 'name' in block ? block.name?.text : undefined;
  return name ? `${word} \`${name}\`` : word;
}

/** Where to report something about a whole named block: its name, else its keyword. */
export function blockNameRange(block: { name?: Span; keyword: Span }): Range {
  return (block.name ?? block.keyword).range;
}

/** The range from the start of `from` to the end of `to` (`to` may be missing). */
export function joinRanges(from: Span, to: Span | undefined): Range {
  return to ? { start: from.range.start, end: to.range.end } : from.range;
}

/** A quantity as the user wrote it, for messages: `99.9%`, `500ms`, `2`. */
export function formatQuantity(quantity: { value: number; unit?: string }): string {
  const unit = quantity.unit ?? '';
  return `${formatNumber(quantity.value)}${/^[A-Z]{3}$/.test(unit) ? ' ' + unit : unit}`;
}
