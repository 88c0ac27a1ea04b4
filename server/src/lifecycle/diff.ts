// The semantic diff of two versions of a contract: what changed in meaning (not in layout),
// read from the linked facts, each change classed as stricter for the provider, looser, or
// neutral (the rules are in docs/decisions.md). Plain data: wording is done by format.ts.
import type { Analysis } from '../language/analyze';
import type { Comparator, Quantity, Sla } from '../language/ast';
import { firstItem, tierMildness, type ObjectiveFacts, type SlaFacts, type TierFacts, type WeeklyRange } from '../language/linked';
import { formatNumber } from '../language/numberFormat';
import { durationMs, nearlyEqual } from '../language/units';

export type ChangeClass = 'stricter' | 'looser' | 'neutral';

/** What a change is about (a machine field: JSON output keeps these words). */
export type ChangeAspect =
  | 'sla'
  | 'objective'
  | 'indicator'
  | 'target'
  | 'window'
  | 'schedule-hours'
  | 'holidays'
  | 'maintenance'
  | 'tier'
  | 'cap'
  | 'fee'
  | 'claim'
  | 'provider'
  | 'customer'
  | 'effective'
  | 'timezone'
  | 'version';

export interface SemanticChange {
  /** The name of the `sla` block. */
  sla: string;
  aspect: ChangeAspect;
  /** The objective it concerns, for objective-level aspects. */
  objective?: string;
  /** The old and the new value in contract notation; absent when there was none. */
  before?: string;
  after?: string;
  /** For list-like aspects (holidays, one-off maintenance): the entries only in the new / old version. */
  added?: string[];
  removed?: string[];
  class: ChangeClass;
}

export interface SlaVersion {
  sla: string;
  before?: string;
  after?: string;
  /** Whether the meaning changed (any change but the version itself). */
  semanticChange: boolean;
  /** Present in both versions, its meaning changed and its `version` did not. */
  versionNotBumped: boolean;
}

export interface ContractDiff {
  changes: SemanticChange[];
  /** One entry per sla block present in either version, in the new file's order. */
  versions: SlaVersion[];
}

/** +1 stricter for the provider, -1 looser, 0 neither or not comparable. */
type Sign = -1 | 0 | 1;
const CLASS: Record<Sign, ChangeClass> = { 1: 'stricter', [-1]: 'looser', 0: 'neutral' } as Record<Sign, ChangeClass>;

/** Two signs of one change: the same or one silent gives that one; opposite ones cancel to neutral. */
function combine(a: Sign, b: Sign): Sign {
  if (a === b || b === 0) return a;
  if (a === 0) return b;
  return 0;
}

const compare = (a: number, b: number): Sign => (nearlyEqual(a, b) ? 0 : a < b ? 1 : -1);

/** The semantic changes from `before` to `after`. Blocks are matched by name. */
export function diffContracts(before: Analysis, after: Analysis): ContractDiff {
  const oldBlocks = byName(before);
  const newBlocks = byName(after);
  const changes: SemanticChange[] = [];
  const versions: SlaVersion[] = [];
  const names = [...newBlocks.keys(), ...[...oldBlocks.keys()].filter((name) => !newBlocks.has(name))];
  for (const name of names) {
    const o = oldBlocks.get(name);
    const n = newBlocks.get(name);
    const own: SemanticChange[] = [];
    if (!o) own.push({ sla: name, aspect: 'sla', after: name, class: 'stricter' });
    else if (!n) own.push({ sla: name, aspect: 'sla', before: name, class: 'looser' });
    else diffSla(name, o, n, own);
    const version = { before: o && versionOf(o.facts.sla), after: n && versionOf(n.facts.sla) };
    if (o && n && version.before !== version.after) own.push(withValues({ sla: name, aspect: 'version', class: 'neutral' }, version.before, version.after));
    changes.push(...own);
    const semanticChange = own.some((c) => c.aspect !== 'version');
    versions.push({ sla: name, ...defined(version), semanticChange, versionNotBumped: !!o && !!n && semanticChange && version.before === version.after });
  }
  return { changes, versions };
}

interface Block {
  facts: SlaFacts;
}

function byName(analysis: Analysis): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const facts of analysis.linked) {
    const name = facts.sla.name?.text;
    if (name !== undefined && !blocks.has(name)) blocks.set(name, { facts });
  }
  return blocks;
}

function versionOf(sla: Sla): string | undefined {
  return firstItem(sla.items, 'Version')?.value?.value;
}

function diffSla(sla: string, o: Block, n: Block, out: SemanticChange[]): void {
  const push: Push = (aspect, sign, before, after, objective) => {
    const change = withValues({ sla, aspect, ...(objective !== undefined ? { objective } : {}), class: CLASS[sign] }, before, after);
    out.push(change);
    return change;
  };

  for (const party of ['Provider', 'Customer'] as const) {
    const before = firstItem(o.facts.sla.items, party)?.value?.value;
    const after = firstItem(n.facts.sla.items, party)?.value?.value;
    if (before !== after) push(party === 'Provider' ? 'provider' : 'customer', 0, before, after);
  }
  const effective = (f: SlaFacts) => {
    const item = firstItem(f.sla.items, 'Effective');
    return item && [item.start?.text, item.end?.text].filter(Boolean).join(' to ');
  };
  if (effective(o.facts) !== effective(n.facts)) push('effective', 0, effective(o.facts), effective(n.facts));
  if (o.facts.zoneName !== n.facts.zoneName) push('timezone', 0, o.facts.zoneName, n.facts.zoneName);

  const objectives = (b: Block) => {
    const map = new Map<string, ObjectiveFacts>();
    for (const [node, facts] of b.facts.objectives) if (node.name && !map.has(node.name.text)) map.set(node.name.text, facts);
    return map;
  };
  const oldObjectives = objectives(o);
  const newObjectives = objectives(n);
  for (const [name, facts] of newObjectives) {
    const previous = oldObjectives.get(name);
    if (!previous) push('objective', 1, undefined, objectiveSummary(facts), name);
    else diffObjective(name, previous, facts, push);
  }
  for (const [name, facts] of oldObjectives) if (!newObjectives.has(name)) push('objective', -1, objectiveSummary(facts), undefined, name);

  // A larger cap, a longer claim period: the provider owes more. No cap: credits are not capped;
  // no claim period: claims have no deadline.
  diffOptionalAmount(o.facts.cap, n.facts.cap, 1, (v) => `${formatNumber(v)}%`, (sign, b, a) => push('cap', sign, b, a));
  diffOptionalAmount(claimMs(o.facts), claimMs(n.facts), 1, () => '', (sign) => push('claim', sign, claimText(o), claimText(n)));
  const fee = (f: SlaFacts) => f.fee && `${formatNumber(f.fee.amount)} ${f.fee.currency} per ${f.fee.period}`;
  if (fee(o.facts) !== fee(n.facts)) push('fee', 0, fee(o.facts), fee(n.facts));
}

/** Compares an amount where more is `moreIs` for the provider, and none means no limit at all. */
function diffOptionalAmount(
  before: number | undefined,
  after: number | undefined,
  moreIs: Sign,
  word: (value: number) => string,
  report: (sign: Sign, before: string | undefined, after: string | undefined) => void,
): void {
  if (before === undefined && after === undefined) return;
  const text = (v: number | undefined) => (v === undefined ? undefined : word(v));
  if (before === undefined) report(-moreIs as Sign, undefined, text(after));
  else if (after === undefined) report(moreIs, text(before), undefined);
  else if (!nearlyEqual(before, after)) report((compare(before, after) * moreIs) as Sign, text(before), text(after));
}

function claimItem(facts: SlaFacts) {
  return firstItem(facts.credits?.items, 'Claim')?.duration;
}
function claimMs(facts: SlaFacts): number | undefined {
  const duration = claimItem(facts);
  return duration && durationMs(duration.value, duration.unit);
}
function claimText(block: Block): string | undefined {
  const duration = claimItem(block.facts);
  return duration && `within ${quantityText(duration)}`;
}

type Push = (aspect: ChangeAspect, sign: Sign, before: string | undefined, after: string | undefined, objective?: string) => SemanticChange;

function diffObjective(name: string, o: ObjectiveFacts, n: ObjectiveFacts, push: Push): void {
  const indicator = (f: ObjectiveFacts) => indicatorSummary(f);
  const sameMeasure = indicator(o) === indicator(n) && o.valueUnit === n.valueUnit;
  if (!sameMeasure) push('indicator', 0, indicator(o), indicator(n), name);

  if (!sameTarget(o, n)) push('target', sameMeasure ? targetSign(o, n) : 0, targetText(o), targetText(n), name);

  if (!sameWindow(o, n)) push('window', windowSign(o, n), windowText(o), windowText(n), name);

  const oldHours = weeklyMinutes(o.during ? o.during.ranges : undefined);
  const newHours = weeklyMinutes(n.during ? n.during.ranges : undefined);
  if (oldHours.join() !== newHours.join()) {
    // More minutes in the schedule: more time in which the target must hold.
    push('schedule-hours', compare(sum(oldHours), sum(newHours)), hoursText(oldHours), hoursText(newHours), name);
  }

  const holidays = (f: ObjectiveFacts) => (f.during?.holidays ?? []).map(isoDate);
  listChange(holidays(o), holidays(n), -1, name, 'holidays', push);

  const oldExcluded = weeklyMinutes(o.excluding.flatMap((e) => e.maintenance?.recurring ?? []), 0);
  const newExcluded = weeklyMinutes(n.excluding.flatMap((e) => e.maintenance?.recurring ?? []), 0);
  const oneOff = (f: ObjectiveFacts) =>
    f.excluding.flatMap((e) => e.maintenance?.windows ?? []).map((w) => `${w.at.text} for ${formatDuration(w.durationMs)}`);
  if (oldExcluded.join() !== newExcluded.join()) {
    // More excluded minutes: less time in which the target must hold.
    push('maintenance', compare(sum(newExcluded), sum(oldExcluded)), hoursText(oldExcluded), hoursText(newExcluded), name);
  }
  listChange(oneOff(o), oneOff(n), -1, name, 'maintenance', push);

  diffTiers(name, o, n, push);
}

/** An added or removed list entry counts `addedIs` for the provider; both at once are neutral. */
function listChange(before: string[], after: string[], addedIs: Sign, objective: string, aspect: ChangeAspect, push: Push): void {
  const added = [...new Set(after.filter((v) => !before.includes(v)))];
  const removed = [...new Set(before.filter((v) => !after.includes(v)))];
  if (added.length === 0 && removed.length === 0) return;
  const sign = combine(added.length ? addedIs : 0, removed.length ? (-addedIs as Sign) : 0);
  const change = push(aspect, sign, undefined, undefined, objective);
  if (added.length) change.added = added;
  if (removed.length) change.removed = removed;
}

function withValues(change: SemanticChange, before: string | undefined, after: string | undefined): SemanticChange {
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

function targetSign(o: ObjectiveFacts, n: ObjectiveFacts): Sign {
  const a = o.target?.comparator?.op;
  const b = n.target?.comparator?.op;
  if (!a || !b || lowerBound(a) !== lowerBound(b) || o.targetValue === undefined || n.targetValue === undefined) return 0;
  const lower = lowerBound(a);
  // A lower bound (>=) rises, an upper bound (<=) falls: harder to meet.
  let sign: Sign = nearlyEqual(o.targetValue, n.targetValue) ? 0 : lower === o.targetValue < n.targetValue ? 1 : -1;
  if (a !== b && sign === 0) sign = a.length === 1 ? -1 : 1; // `>` or `<` is stricter than `>=` or `<=`
  const p = o.target?.aggregate;
  const q = n.target?.aggregate;
  if ((p?.text ?? '') !== (q?.text ?? '')) {
    if (p?.percentile === undefined || q?.percentile === undefined) return 0;
    // A higher percentile under an upper bound (a lower one above a lower bound) is harder to meet.
    const pSign = compare(p.percentile, q.percentile);
    sign = combine(sign, (lower ? -pSign : pSign) as Sign);
  }
  return sign;
}

const lowerBound = (op: Comparator) => op === '>=' || op === '>';

const PERIOD_DAYS = { day: 1, week: 7, month: 30.44, quarter: 91.31, year: 365.25 } as const;

/** Same form: a shorter window is stricter (an incident weighs more). Calendar against rolling: neutral. */
function windowSign(o: ObjectiveFacts, n: ObjectiveFacts): Sign {
  const a = o.windowFacts;
  const b = n.windowFacts;
  if (!a || !b || a.form !== b.form) return 0;
  const days = (w: typeof a) => (w.form === 'calendar' ? PERIOD_DAYS[w.period] : w.durationMs / 86_400_000);
  return compare(days(b), days(a));
}

/** Minutes per weekday (Monday first) covered by the ranges; no schedule at all is every minute. */
function weeklyMinutes(ranges: WeeklyRange[] | undefined, whenNone = 1440): number[] {
  if (ranges === undefined) return Array<number>(7).fill(whenNone);
  return [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const covered = new Uint8Array(1440);
    for (const range of ranges) if (range.days.includes(day)) covered.fill(1, range.start, range.end);
    return covered.reduce((total, m) => total + m, 0);
  });
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function hoursText(minutes: number[]): string {
  return minutes.map((m, day) => `${DAYS[day]} ${formatDuration(m * 60_000)}`).join(', ');
}

function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes === 0) return '0h';
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${formatNumber(minutes)}min`;
}

function diffTiers(name: string, o: ObjectiveFacts, n: ObjectiveFacts, push: Push): void {
  // Paired mildest first, one direction at a time.
  for (const direction of ['below', 'above'] as const) {
    const before = mildestFirst(o.tiers, direction);
    const after = mildestFirst(n.tiers, direction);
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const a = before[i];
      const b = after[i];
      if (a && b && sameTier(a, b)) continue;
      let sign: Sign;
      if (!a) sign = 1;
      else if (!b) sign = -1;
      else {
        // A `below` tier that starts higher (an `above` tier lower) is owed sooner; a larger credit costs more.
        const threshold =
          a.threshold === undefined || b.threshold === undefined ? 0 : direction === 'below' ? compare(a.threshold, b.threshold) : compare(b.threshold, a.threshold);
        const credit = a.credit === undefined || b.credit === undefined ? 0 : compare(a.credit, b.credit);
        sign = combine(threshold, credit);
      }
      push('tier', sign, a && tierText(a), b && tierText(b), name);
    }
  }
}

function mildestFirst(tiers: TierFacts[], direction: 'below' | 'above'): TierFacts[] {
  const chosen = tiers.filter((t) => t.direction === direction);
  const key = (t: TierFacts) => t.threshold ?? (direction === 'below' ? -Infinity : Infinity);
  return chosen.sort((x, y) => tierMildness(direction, key(y)) - tierMildness(direction, key(x)));
}

function sameTier(a: TierFacts, b: TierFacts): boolean {
  return sameAmount(a.threshold, b.threshold, a.node.threshold, b.node.threshold) && sameAmount(a.credit, b.credit, a.node.credit, b.node.credit);
}

function tierText(tier: TierFacts): string {
  const { threshold, credit } = tier.node;
  return `${tier.direction} ${threshold ? quantityText(threshold) : '?'} credit ${credit ? quantityText(credit) : '?'}`;
}

/** Equal after unit conversion; when a value could not be converted, equal as written. */
function sameAmount(a: number | undefined, b: number | undefined, aWritten: Quantity | undefined, bWritten: Quantity | undefined): boolean {
  if (a !== undefined && b !== undefined) return nearlyEqual(a, b);
  return (aWritten && quantityText(aWritten)) === (bWritten && quantityText(bWritten));
}

function sameTarget(o: ObjectiveFacts, n: ObjectiveFacts): boolean {
  return (
    o.target?.comparator?.op === n.target?.comparator?.op &&
    o.target?.aggregate?.text === n.target?.aggregate?.text &&
    sameAmount(o.targetValue, n.targetValue, o.target?.quantity, n.target?.quantity)
  );
}

function targetText(f: ObjectiveFacts): string | undefined {
  const target = f.target;
  if (!target) return undefined;
  return [target.aggregate?.text, target.comparator?.op, target.quantity && quantityText(target.quantity)].filter(Boolean).join(' ');
}

function sameWindow(o: ObjectiveFacts, n: ObjectiveFacts): boolean {
  const a = o.windowFacts;
  const b = n.windowFacts;
  if (!a || !b) return windowText(o) === windowText(n);
  return a.form === 'calendar' ? b.form === 'calendar' && a.period === b.period : b.form === 'rolling' && nearlyEqual(a.durationMs, b.durationMs);
}

function windowText(f: ObjectiveFacts): string | undefined {
  const window = f.window;
  if (!window) return undefined;
  const length = window.form === 'calendar' ? window.period?.text : window.duration && quantityText(window.duration);
  return [window.form, length].filter(Boolean).join(' ');
}

/** A number and its unit as the formatter writes them: `99.9%`, `500ms`. */
function quantityText(quantity: Quantity): string {
  return `${formatNumber(quantity.value)}${quantity.unit ?? ''}`;
}

function indicatorSummary(f: ObjectiveFacts): string | undefined {
  const source = f.source;
  const what = source?.type === 'metric' ? `metric "${source.metric}"` : source ? `ratio ${source.polarity} "${source.numerator}" total "${source.total}"` : undefined;
  return [f.kind && `kind ${f.kind}`, what].filter(Boolean).join(', ') || undefined;
}

function objectiveSummary(f: ObjectiveFacts): string {
  const window = windowText(f);
  return [targetText(f), window && `window ${window}`].filter(Boolean).join(', ');
}

function isoDate(date: { year: number; month: number; day: number }): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
