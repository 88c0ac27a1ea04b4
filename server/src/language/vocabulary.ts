// Facts about the grammar that several layers read: the blocks, the keywords that start
// an item in each block, and a typical target per kind. The parser's messages, the
// checker's hints, completion, hover and quick fixes all take them from here.
import { DAY_NAMES, type KindName } from './ast';

/** The kind of block (or the file) a position or token is in. */
export type BlockKind =
  | 'file'
  | 'sla'
  | 'service'
  | 'schedule'
  | 'maintenance'
  | 'indicator'
  | 'objective'
  | 'compensation'
  | 'credits'
  | 'responsibilities'
  | 'support';

export const SLA_ITEM_KEYWORDS = [
  'version', 'provider', 'customer', 'effective', 'timezone', 'fee', 'service', 'schedule',
  'maintenance', 'indicator', 'objective', 'compensation', 'credits', 'responsibilities',
  'support', 'reporting', 'review',
] as const;

/** Item keywords of each block, in the order messages and completion list them. */
export const BLOCK_ITEM_KEYWORDS: Readonly<Record<Exclude<BlockKind, 'file'>, readonly string[]>> = {
  sla: SLA_ITEM_KEYWORDS,
  service: ['description', 'includes', 'excludes'],
  schedule: ['holidays', 'on'],
  maintenance: ['every', 'on', 'notice'],
  indicator: ['kind', 'metric', 'ratio', 'unit', 'description', 'every'],
  objective: ['indicator', 'service', 'target', 'window', 'during', 'excluding', 'description'],
  compensation: ['below', 'above'],
  credits: ['cap', 'claim', 'remedy'],
  responsibilities: ['provider', 'customer'],
  support: ['hours', 'severity'],
};

/**
 * (1.1) Contextual words that start an item (LANGUAGE.md section 3): they start an item
 * where an item may start and are names everywhere else (`during reviewed`).
 */
export const CONTEXTUAL_ITEM_WORDS: Readonly<Partial<Record<Exclude<BlockKind, 'file'>, readonly string[]>>> = {
  sla: ['reviewed'],
  indicator: ['missing', 'counters'],
  objective: ['coverage'],
};

/** Every word that starts an item of a block but a schedule's days: keywords, then contextual words. */
export function itemWords(block: Exclude<BlockKind, 'file'>): readonly string[] {
  return [...BLOCK_ITEM_KEYWORDS[block], ...(CONTEXTUAL_ITEM_WORDS[block] ?? [])];
}

/** Words for a set of days besides day names and ranges (`daily 00:00-24:00`). */
export const DAY_FORMS = ['daily', 'weekdays', 'weekends'] as const;

/**
 * The words that start an item in each block: the item keywords, and in a schedule also
 * the days that start a schedule line. The grammar's item loops, the cursor context and
 * completion's item shapes agree with it (test/language/conformance.test.ts).
 */
export const ITEM_STARTS: Readonly<Record<BlockKind, readonly string[]>> = {
  file: ['sla'],
  ...(Object.fromEntries(Object.keys(BLOCK_ITEM_KEYWORDS).map((block) => [block, itemWords(block as Exclude<BlockKind, 'file'>)])) as Record<
    Exclude<BlockKind, 'file'>,
    readonly string[]
  >),
  schedule: [...DAY_NAMES, ...DAY_FORMS, ...BLOCK_ITEM_KEYWORDS.schedule],
};

/** The block an AST block node opens. */
export const BLOCK_OF_NODE_TYPE: Readonly<Record<string, Exclude<BlockKind, 'file'>>> = {
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

/** A typical target line for a kind: for "add a line like …" messages and quick fixes. */
export const EXAMPLE_TARGET: Readonly<Record<KindName, string>> = {
  availability: 'target >= 99.9%',
  error_rate: 'target <= 0.1%',
  latency: 'target p95 <= 500ms',
  response_time: 'target p95 <= 500ms',
  recovery_time: 'target p90 <= 4h',
  resolution_time: 'target p90 <= 1d',
  throughput: 'target avg >= 100rps',
};
