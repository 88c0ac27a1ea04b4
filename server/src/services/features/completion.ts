// Completion that knows where the cursor is. The cursor context (cursorContext.ts) gives
// the innermost block and the tokens of the current item; each item's shape is written
// below as a short sequence of slots (LANGUAGE.md section 3), the item's tokens are
// matched against it, and the slots that may come next say what to offer. When the item
// may end there, the block's item keywords are offered too.
import type { IToken } from 'chevrotain';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver-types';
import { CADENCES, DAY_NAMES, KINDS, PERIODS, type Compensation, type Indicator, type KindName, type Objective } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { zoneNames } from '../../language/checker/zones';
import type { DefinitionSort, SlaScope } from '../../language/scope';
import { DURATION_MS, RATE_RPS, dimensionOf, unitsForKind, UNIT_WORDS } from '../../language/units';
import { isReservedWord } from '../../language/lexer';
import { isNameText, startsLikeName } from '../../language/names';
import { DAY_FORMS, ITEM_STARTS, type BlockKind } from '../../language/vocabulary';
import { cursorContext, type CursorContext } from '../support/cursorContext';
import { keywordMarkdown } from '../support/keywords';
import { DEFAULT_LOCALE, messages, type Locale, type MessageId } from '../../l10n/index';
import { compensationsFor, indicatorOf, kindOf, nodeWithBodyAt, objectiveOf, scopeNear, targetOf } from '../support/nodes';
import { lineIndexOf } from '../support/text';

export const COMPLETION_TRIGGER_CHARACTERS: string[] = [];

// --- item shapes ---------------------------------------------------------------------------

type Words = readonly string[] | ((env: Env) => readonly string[]);
type Slot =
  | { k: 'word'; words: Words; item: CompletionItemKind; optional?: boolean; percentile?: boolean }
  | { k: 'name'; sort?: DefinitionSort; optional?: boolean; exclude?: boolean }
  | { k: 'string'; optional?: boolean; suggest?: (env: Env) => readonly string[] }
  | { k: 'number' }
  | { k: 'unit'; units: Words; optional?: boolean }
  | { k: 'literal'; type: 'DateLiteral' | 'TimeLiteral' | 'DateTimeLiteral' }
  | { k: 'punct'; type: 'DotDot' | 'Dash' | 'Comma' | 'Comparator' }
  | { k: 'comparator' }
  /** An optional group, entered when its first slot matches. */
  | { k: 'opt'; of: Slot[] }
  /** One or more `of`, separated by commas. */
  | { k: 'list'; of: Slot[] }
  /** The `{` of a block: nothing to offer, and the item is not complete before it. */
  | { k: 'open' };

const kw = (word: string, optional = false): Slot => ({ k: 'word', words: [word], item: CompletionItemKind.Keyword, optional });
const str: Slot = { k: 'string' };
const num: Slot = { k: 'number' };
const date: Slot = { k: 'literal', type: 'DateLiteral' };
const time: Slot = { k: 'literal', type: 'TimeLiteral' };
const durationUnit: Slot = { k: 'unit', units: Object.keys(DURATION_MS) };
const duration: Slot[] = [num, durationUnit];
const percent: Slot[] = [num, { k: 'unit', units: ['%'], optional: true }];
const DAY_WORDS = [...DAY_NAMES, ...DAY_FORMS];
const days: Slot[] = [
  { k: 'word', words: DAY_WORDS, item: CompletionItemKind.EnumMember },
  { k: 'opt', of: [{ k: 'punct', type: 'DotDot' }, { k: 'word', words: DAY_NAMES, item: CompletionItemKind.EnumMember }] },
];
const timeRange: Slot[] = [time, { k: 'punct', type: 'Dash' }, time];
const header = (sort: DefinitionSort, titled: boolean): Slot[] => [
  kw(sort),
  { k: 'name' },
  ...(titled ? [{ k: 'string', optional: true } as Slot] : []),
  { k: 'open' },
];

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD', 'CHF', 'AUD', 'CAD', 'INR', 'KRW'];
const AGGREGATES = ['p50', 'p90', 'p95', 'p99', 'p99.9', 'avg', 'min', 'max'];

/** Item shapes by block and leading word (the words of vocabulary.ts ITEM_STARTS). */
export const ITEM_SHAPES: Readonly<Record<BlockKind, Readonly<Record<string, Slot[]>>>> = {
  file: { sla: [kw('sla'), { k: 'name' }, { k: 'string', optional: true }, { k: 'open' }] },
  sla: {
    version: [kw('version'), str],
    provider: [kw('provider'), str],
    customer: [kw('customer'), str],
    effective: [kw('effective'), date, { k: 'opt', of: [kw('to'), date] }],
    timezone: [kw('timezone'), { k: 'string', suggest: zoneNames }],
    fee: [kw('fee'), num, { k: 'unit', units: CURRENCIES }, kw('per'), { k: 'word', words: PERIODS, item: CompletionItemKind.EnumMember }],
    service: header('service', true),
    schedule: header('schedule', false),
    maintenance: header('maintenance', false),
    indicator: header('indicator', true),
    objective: header('objective', true),
    compensation: [kw('compensation'), kw('for'), { k: 'name', sort: 'objective' }, { k: 'open' }],
    credits: [kw('credits'), { k: 'open' }],
    responsibilities: [kw('responsibilities'), { k: 'open' }],
    support: [kw('support'), { k: 'open' }],
    reporting: [
      kw('reporting'),
      { k: 'word', words: CADENCES, item: CompletionItemKind.EnumMember },
      { k: 'opt', of: [kw('to'), { k: 'list', of: [str] }] },
    ],
    review: [kw('review'), { k: 'word', words: CADENCES, item: CompletionItemKind.EnumMember }],
    reviewed: [kw('reviewed'), date],
  },
  service: {
    description: [kw('description'), str],
    includes: [kw('includes'), { k: 'list', of: [str] }],
    excludes: [kw('excludes'), { k: 'list', of: [str] }],
  },
  schedule: {
    ...Object.fromEntries(DAY_WORDS.map((d) => [d, [...days, { k: 'list', of: timeRange } as Slot]])),
    holidays: [kw('holidays'), { k: 'list', of: [date] }],
    on: [kw('on'), { k: 'list', of: [date] }, { k: 'list', of: timeRange }],
  },
  maintenance: {
    every: [kw('every'), ...days, ...timeRange],
    on: [kw('on'), { k: 'literal', type: 'DateTimeLiteral' }, kw('for'), ...duration],
    notice: [kw('notice'), ...duration],
  },
  indicator: {
    kind: [kw('kind'), { k: 'word', words: KINDS, item: CompletionItemKind.EnumMember }],
    metric: [kw('metric'), str],
    ratio: [kw('ratio'), { k: 'word', words: ['good', 'bad'], item: CompletionItemKind.Keyword }, str, kw('total'), str],
    unit: [kw('unit'), { k: 'unit', units: (env) => (env.kind ? unitsForKind(env.kind) : UNIT_WORDS) }],
    description: [kw('description'), str],
    every: [kw('every'), ...duration],
    missing: [kw('missing'), kw('down')],
    counters: [kw('counters')],
  },
  objective: {
    indicator: [kw('indicator'), { k: 'name', sort: 'indicator' }],
    service: [kw('service'), { k: 'name', sort: 'service' }],
    target: [
      kw('target'),
      { k: 'word', words: (env) => (env.takesAggregate === false ? [] : AGGREGATES), item: CompletionItemKind.Function, optional: true, percentile: true },
      { k: 'comparator' },
      num,
      { k: 'unit', units: (env) => (env.kind ? unitsForKind(env.kind) : ['%', ...UNIT_WORDS]), optional: true },
    ],
    window: [
      { k: 'word', words: ['window'], item: CompletionItemKind.Keyword },
      { k: 'word', words: ['calendar', 'rolling'], item: CompletionItemKind.Keyword },
      // `calendar PERIOD` or `rolling DURATION`: resolved in `windowSlots`.
    ],
    during: [kw('during'), { k: 'name', sort: 'schedule' }],
    excluding: [kw('excluding'), { k: 'list', of: [{ k: 'name', sort: 'maintenance', exclude: true }] }],
    coverage: [kw('coverage'), ...percent],
    description: [kw('description'), str],
  },
  compensation: {
    below: [kw('below'), num, { k: 'unit', units: (env) => env.thresholdUnits, optional: true }, kw('credit'), ...percent],
    above: [kw('above'), num, { k: 'unit', units: (env) => env.thresholdUnits, optional: true }, kw('credit'), ...percent],
  },
  credits: {
    cap: [kw('cap'), ...percent],
    claim: [kw('claim'), kw('within'), ...duration],
    remedy: [kw('remedy'), str],
  },
  responsibilities: {
    provider: [kw('provider'), str],
    customer: [kw('customer'), str],
  },
  support: {
    hours: [kw('hours'), { k: 'name', sort: 'schedule' }],
    severity: [
      kw('severity'),
      { k: 'name' },
      { k: 'string', optional: true },
      kw('response'),
      ...duration,
      { k: 'opt', of: [kw('resolve'), ...duration] },
    ],
  },
};

/** `window calendar` and `window rolling` continue differently. */
function windowSlots(clause: IToken[]): Slot[] {
  const form = clause[1]?.image;
  if (form === 'calendar') return [kw('window'), kw('calendar'), { k: 'word', words: PERIODS, item: CompletionItemKind.EnumMember }];
  if (form === 'rolling') return [kw('window'), kw('rolling'), ...duration];
  return ITEM_SHAPES.objective.window;
}

// --- matching ------------------------------------------------------------------------------

interface Env {
  analysis: Analysis;
  scope?: SlaScope;
  /** The kind of the indicator in play (the indicator block, or the objective's indicator). */
  kind?: KindName;
  /** false when the kind takes no aggregate (availability, error rate). */
  takesAggregate?: boolean;
  thresholdUnits: readonly string[];
  /** Names already used in the clause (an `excluding` list). */
  used: Set<string>;
  /** The language of details and documentation. */
  locale: Locale;
}

/** The slots that may come next: `next`, and whether the item may end here. */
interface Expectation {
  next: Slot[];
  complete: boolean;
}

function resolveWords(words: Words, env: Env): readonly string[] {
  return typeof words === 'function' ? words(env) : words;
}

function matches(slot: Slot, token: IToken, env: Env): boolean {
  const type = token.tokenType.name;
  switch (slot.k) {
    case 'word':
      return resolveWords(slot.words, env).includes(token.image) || (slot.percentile === true && type === 'Percentile');
    case 'name':
      return startsLikeName(token.image) && type !== 'StringLiteral' && !isReserved(token);
    case 'string':
      return type === 'StringLiteral';
    case 'number':
      return type === 'NumberLiteral';
    case 'unit':
      return type === 'UnitSuffix' || type === 'Percent';
    case 'literal':
      return type === slot.type;
    case 'punct':
      return type === slot.type;
    case 'comparator':
      return ['GreaterEqual', 'Greater', 'LessEqual', 'Less'].includes(type);
    case 'opt':
    case 'list':
      return matches(slot.of[0], token, env);
    case 'open':
      return type === 'LCurly';
  }
}

function isReserved(token: IToken): boolean {
  return token.tokenType.name === token.image && isReservedWord(token.image);
}

function optional(slot: Slot): boolean {
  return (slot.k === 'word' || slot.k === 'name' || slot.k === 'string' || slot.k === 'unit') ? slot.optional === true : slot.k === 'opt';
}

/**
 * Runs the tokens through the slots. Returns what may come next, or undefined when the
 * tokens do not fit the shape (a broken item: offer nothing but the block's items).
 */
function expect(slots: Slot[], tokens: IToken[], env: Env): Expectation | undefined {
  let position = 0;
  const result = walk(slots, 0);
  // Tokens left over after the whole shape matched: not this item (or a broken one).
  return position < tokens.length ? undefined : result;

  function walk(sequence: Slot[], from: number): Expectation | undefined {
    for (let i = from; i < sequence.length; i++) {
      const slot = sequence[i];
      if (position >= tokens.length) return pending(sequence, i);
      const token = tokens[position];
      if (slot.k === 'opt') {
        if (!matches(slot, token, env)) continue;
        const inner = walk(slot.of, 0);
        if (position >= tokens.length) return merge(inner, sequence, i + 1);
        if (!inner) return undefined;
        continue;
      }
      if (slot.k === 'list') {
        for (;;) {
          const inner = walk(slot.of, 0);
          if (position >= tokens.length) return merge(inner, sequence, i + 1);
          if (!inner) return undefined;
          if (tokens[position].tokenType.name !== 'Comma') break;
          position++;
          if (position >= tokens.length) return { next: slot.of.slice(0, 1), complete: false };
        }
        continue;
      }
      if (matches(slot, token, env)) {
        position++;
        if (slot.k === 'name' && slot.exclude) env.used.add(token.image);
        continue;
      }
      if (optional(slot)) continue;
      return undefined;
    }
    return { next: [], complete: true };
  }

  /** What the slots from `i` on expect when the tokens ran out there. */
  function pending(sequence: Slot[], i: number): Expectation {
    const next: Slot[] = [];
    for (; i < sequence.length; i++) {
      const slot = sequence[i];
      next.push(slot.k === 'list' ? slot.of[0] : slot.k === 'opt' ? slot.of[0] : slot);
      if (!optional(slot)) return { next, complete: false };
    }
    return { next, complete: true };
  }

  /** A finished inner sequence followed by the rest of the outer one. */
  function merge(inner: Expectation | undefined, sequence: Slot[], from: number): Expectation | undefined {
    if (!inner) return undefined;
    if (!inner.complete) return inner;
    const after = pending(sequence, from);
    return { next: [...inner.next, ...after.next], complete: after.complete };
  }
}

// --- items ---------------------------------------------------------------------------------

export function completion(analysis: Analysis, position: Position, locale: Locale = DEFAULT_LOCALE): CompletionItem[] {
  const offset = lineIndexOf(analysis).offsetAt(position);
  const context = cursorContext(analysis, offset);
  if (context.inert || context.block === 'unknown') return [];
  const env = environment(analysis, context, locale);
  const items = new Map<string, CompletionItem>();
  const add = (item: CompletionItem) => {
    const key = `${item.label}\u0000${item.kind}`;
    if (!items.has(key)) items.set(key, { ...item, textEdit: { range: context.replaceRange, newText: item.insertText ?? item.label }, insertText: undefined });
  };
  const block = context.block;
  const clause = context.clause;

  if (clause.length === 0) {
    offerItems(block, env, add);
  } else {
    const first = clause[0].image;
    const slots = block === 'objective' && first === 'window' ? windowSlots(clause) : ITEM_SHAPES[block][first];
    const expectation = slots ? expect(slots, clause, env) : undefined;
    if (!slots || !expectation) {
      // Not an item this block knows (or a broken one): a new item may start here.
      if (context.afterSpace || !slots) offerItems(block, env, add);
    } else {
      for (const slot of expectation.next) offerSlot(slot, env, add, context);
      // The item may end here: a new item may start after white space (usually a line break).
      if (expectation.complete && context.afterSpace) offerItems(block, env, add);
    }
  }
  return [...items.values()];
}

function environment(analysis: Analysis, context: CursorContext, locale: Locale): Env {
  const scope = scopeNear(analysis, context.offset);
  const env: Env = { analysis, scope, thresholdUnits: ['%', ...UNIT_WORDS], used: new Set(), locale };
  const node = context.blockOpen ? nodeWithBodyAt(analysis, context.blockOpen.startOffset) : undefined;
  if (node?.type === 'Indicator') env.kind = kindOf(node as Indicator);
  let objective: Objective | undefined;
  if (node?.type === 'Objective') objective = node as Objective;
  if (node?.type === 'Compensation') objective = objectiveOf(scope, node as Compensation);
  if (objective) {
    env.kind = kindOf(indicatorOf(scope, objective));
    if (env.kind) env.takesAggregate = !(env.kind === 'availability' || env.kind === 'error_rate');
    const targetUnit = targetOf(objective)?.quantity?.unit;
    const dimension = dimensionOf(targetUnit);
    if (dimension === 'percent') env.thresholdUnits = ['%'];
    else if (dimension === 'duration') env.thresholdUnits = Object.keys(DURATION_MS);
    else if (dimension === 'rate') env.thresholdUnits = Object.keys(RATE_RPS);
    else if (env.kind) env.thresholdUnits = unitsForKind(env.kind);
  }
  return env;
}

function offerItems(block: BlockKind, env: Env, add: (item: CompletionItem) => void): void {
  for (const word of ITEM_STARTS[block]) {
    const isDay = block === 'schedule' && word !== 'holidays' && word !== 'on';
    add({
      label: word,
      kind: isDay ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
      documentation: markdown(keywordMarkdown(word, block, env.locale)),
      sortText: `1${word}`,
    });
  }
  for (const snippet of snippetsFor(block, env)) add(snippet);
}

function offerSlot(slot: Slot, env: Env, add: (item: CompletionItem) => void, context: CursorContext): void {
  switch (slot.k) {
    case 'word': {
      const words = resolveWords(slot.words, env);
      words.forEach((word, i) =>
        add({ label: word, kind: slot.item, documentation: markdown(keywordMarkdown(word, context.block === 'unknown' ? undefined : context.block, env.locale)), sortText: `0${String(i).padStart(2, '0')}` }),
      );
      return;
    }
    case 'comparator': {
      const upper = env.kind === 'error_rate' || env.kind === 'latency' || env.kind?.endsWith('_time');
      const ops: (keyof typeof COMPARATOR_DETAIL)[] = upper ? ['<=', '<', '>=', '>'] : ['>=', '>', '<=', '<'];
      ops.forEach((op, i) => add({ label: op, kind: CompletionItemKind.Operator, sortText: `0${i}`, detail: messages(env.locale).t(COMPARATOR_DETAIL[op]) }));
      return;
    }
    case 'unit': {
      resolveWords(slot.units, env).forEach((unit, i) =>
        add({ label: unit, kind: CompletionItemKind.Unit, sortText: `0${String(i).padStart(2, '0')}`, documentation: markdown(keywordMarkdown(unit, undefined, env.locale)) }),
      );
      return;
    }
    case 'name': {
      if (!slot.sort || !env.scope) return;
      for (const definition of env.scope.definitions.values()) {
        if (definition.sort !== slot.sort || env.used.has(definition.name)) continue;
        add({
          label: definition.name,
          kind: NAME_KIND[definition.sort],
          detail: `${definition.sort}${titleOf(definition.node)}`,
          sortText: sortForName(definition.name, slot.sort, env),
        });
      }
      return;
    }
    case 'string': {
      if (!slot.suggest) return;
      for (const value of slot.suggest(env)) add({ label: `"${value}"`, kind: CompletionItemKind.Value, filterText: value });
      return;
    }
    default:
      return;
  }
}

/** Objectives without a compensation clause come first after `compensation for`. */
function sortForName(name: string, sort: DefinitionSort, env: Env): string {
  if (sort === 'objective' && env.scope && compensationsFor(env.scope.sla, name).length === 0) return `0${name}`;
  return `1${name}`;
}

function titleOf(node: unknown): string {
  const title = (node as { title?: { value?: string } }).title?.value;
  return title ? ` — ${title}` : '';
}

const NAME_KIND: Record<DefinitionSort, CompletionItemKind> = {
  service: CompletionItemKind.Module,
  schedule: CompletionItemKind.Event,
  maintenance: CompletionItemKind.Event,
  indicator: CompletionItemKind.Variable,
  objective: CompletionItemKind.Function,
  severity: CompletionItemKind.EnumMember,
};

const COMPARATOR_DETAIL = {
  '>=': 'completion.comparator.atLeast',
  '>': 'completion.comparator.moreThan',
  '<=': 'completion.comparator.atMost',
  '<': 'completion.comparator.lessThan',
} as const satisfies Record<string, MessageId>;

function markdown(value: string | undefined) {
  return value ? { kind: 'markdown' as const, value } : undefined;
}

// --- snippets ------------------------------------------------------------------------------

function snippet(label: string, filterText: string, body: string, detail: string): CompletionItem {
  return { label, filterText, kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: body, detail, sortText: `2${filterText}` };
}

function choice(values: string[], fallback: string): string {
  const clean = values.filter(isNameText);
  return clean.length ? `|${clean.join(',')}|` : `:${fallback}`;
}

function snippetsFor(block: BlockKind, env: Env): CompletionItem[] {
  const { t } = messages(env.locale);
  if (block === 'file') {
    return [
      snippet(
        'sla {…}',
        'sla',
        [
          'sla ${1:Name} "${2:Title}" {',
          '\tversion "${3:1.0}"',
          '\tprovider "${4:Provider}"',
          '\tcustomer "${5:Customer}"',
          '\teffective ${6:2026-01-01} to ${7:2026-12-31}',
          '\ttimezone "${8:UTC}"',
          '\t$0',
          '}',
        ].join('\n'),
        t('completion.snippet.sla'),
      ),
    ];
  }
  if (block !== 'sla') return [];
  const names = (sort: DefinitionSort) => [...(env.scope?.definitions.values() ?? [])].filter((d) => d.sort === sort).map((d) => d.name);
  const uncompensated = names('objective').filter((name) => env.scope && compensationsFor(env.scope.sla, name).length === 0);
  return [
    snippet(
      'objective {…}',
      'objective',
      [
        'objective ${1:name} {',
        `\tindicator \${2${choice(names('indicator'), 'indicator')}}`,
        '\ttarget >= ${3:99.9}%',
        '\twindow calendar ${4|month,week,day,quarter,year|}',
        '}',
      ].join('\n'),
      t('completion.snippet.objective'),
    ),
    snippet(
      'compensation {…} (three tiers)',
      'compensation',
      [
        `compensation for \${1${choice(uncompensated.length ? uncompensated : names('objective'), 'objective')}} {`,
        '\tbelow ${2:99.9}% credit ${3:10}%',
        '\tbelow ${4:99.0}% credit ${5:25}%',
        '\tbelow ${6:95.0}% credit ${7:50}%',
        '}',
      ].join('\n'),
      t('completion.snippet.compensation'),
    ),
    snippet(
      'schedule {…}',
      'schedule',
      ['schedule ${1:business_hours} {', '\t${2|mon..fri,daily,weekdays,weekends|} ${3:09:00}-${4:18:00}', '}'].join('\n'),
      t('completion.snippet.schedule'),
    ),
  ];
}
