// How messages name blocks and clauses.
import type { Range, Span } from '../ast';
import type { Block } from './context';

/** "objective `uptime`", "sla `LanyingIM`", "credits". */
export function describeBlock(block: Block): string {
  const word = BLOCK_WORD[block.type];
  const name = 'name' in block ? block.name?.text : undefined;
  return name ? `${word} \`${name}\`` : word;
}

const BLOCK_WORD: Readonly<Record<Block['type'], string>> = {
  Sla: 'sla',
  Service: 'service',
  Schedule: 'schedule',
  Maintenance: 'maintenance',
  Indicator: 'indicator',
  Objective: 'objective',
  Compensation: 'compensation',
  Credits: 'credits',
  Responsibilities: 'responsibilities',
  Support: 'support',
};

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

export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
