// Hover: what a keyword means; for a name, a summary of its definition; for a target,
// the error budget it allows per period; for a tier, when it pays and how much.
import { tokenEnd } from '../../language/lexer';
import type { IToken } from 'chevrotain';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type {
  Compensation,
  FeeItem,
  Indicator,
  KindName,
  Maintenance,
  Objective,
  Schedule,
  Service,
  SeverityItem,
  Sla,
  TargetItem,
  Tier,
} from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import type { ObjectiveFacts, SlaFacts } from '../../language/linked';
import { durationMs } from '../../language/units';
import { resolvedAs, scopeAt, type Definition, type SlaScope } from '../../language/scope';
import {
  describeBudget,
  describeThresholdAsDowntime,
  formatDuration,
  formatHours,
  formatPercent,
  PERIOD_ADJECTIVE,
  weeklyMinutes,
  weeklySchedule,
  type BudgetOptions,
  type ScheduleSpec,
  type TargetSpec,
} from '../support/budget';
import { keywordMarkdown, type BlockKind } from '../support/keywords';
import { BLOCK_OF_NODE_TYPE } from '../../language/vocabulary';
import { contains, nodePathAt, objectiveFacts, objectiveOf, slaFacts } from '../support/nodes';
import { scheduleToWeekly } from '../support/schedules';
import { daysFromCivil, formatDate } from '../../language/calendar';
import { messages } from '../../l10n/messages';

/** `540` → `09:00`; `1440` → `24:00`. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
import { lineIndexOf } from '../support/text';

export interface HoverOptions {
  /** "Now", for the example month of schedule-hour budgets (default: the current date). */
  now?: Date;
}

export function hover(analysis: Analysis, position: Position, options: HoverOptions = {}): Hover | null {
  const index = lineIndexOf(analysis);
  const offset = index.offsetAt(position);
  const token = tokenAt(analysis.parse.tokens, offset);
  if (!token) return null;
  const span = { offset: token.startOffset, endOffset: tokenEnd(token) };
  const range = index.range(span.offset, span.endOffset);
  const scope = scopeAt(analysis.scopes, offset);
  const reply = (value: string | undefined): Hover | null => (value ? { contents: { kind: MarkupKind.Markdown, value }, range } : null);

  // A name: its definition.
  if (scope) {
    const definition = definitionAt(scope, offset);
    if (definition) return reply(describeDefinition(definition, scope, analysis, options));
  }

  const path = nodePathAt(analysis, offset);
  const sla = path[0] as Sla | undefined;
  if (sla?.name && contains(sla.name, offset)) return reply(describeSla(sla, analysis));
  const item = path[1];
  const child = path[2];
  if (scope && item?.type === 'Objective') {
    const target = child?.type === 'Target' ? (child as TargetItem) : undefined;
    if (target) return reply(joinParts(wordDoc(token, 'objective'), describeTarget(item as Objective, scope, options)));
  }
  if (scope && item?.type === 'Compensation' && child?.type === 'Tier') {
    return reply(joinParts(wordDoc(token, 'compensation'), describeTier(child as Tier, item as Compensation, scope, analysis.text)));
  }
  if (item?.type === 'Fee' && sla) return reply(joinParts(wordDoc(token, 'sla'), describeFee(item as FeeItem)));
  return reply(wordDoc(token, blockOf(path)));
}

function joinParts(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.join('\n\n---\n\n') : undefined;
}

/** The token under the cursor (a cursor just after a token is on it). */
function tokenAt(tokens: IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  let found: IToken | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const token = tokens[mid];
    if (token.startOffset > offset) high = mid - 1;
    else if (tokenEnd(token) < offset) low = mid + 1;
    else {
      found = token;
      // Prefer the token that starts at the offset over one that ends there.
      if (tokenEnd(token) === offset && tokens[mid + 1]?.startOffset === offset) found = tokens[mid + 1];
      break;
    }
  }
  return found;
}

function blockOf(path: { type: string }[]): BlockKind {
  const item = path[1];
  if (!item) return path[0] ? 'sla' : 'file';
  // Header words (`indicator probe {`) fall back to their sla meaning in keywordDoc.
  return BLOCK_OF_NODE_TYPE[item.type] ?? 'sla';
}

/** The keyword or fixed word under the cursor, explained. */
function wordDoc(token: IToken, block: BlockKind): string | undefined {
  const type = token.tokenType.name;
  if (type === 'Percent') return keywordMarkdown('%') ?? '**%** — percent.';
  if (type !== token.image && type !== 'Percentile' && type !== 'UnitSuffix') return undefined;
  return keywordMarkdown(token.image, block);
}

/** The definition whose name, or a reference to which, is at `offset`. */
function definitionAt(scope: SlaScope, offset: number): Definition | undefined {
  for (const definition of scope.definitions.values()) if (contains(definition.nameSpan, offset)) return definition;
  for (const definition of scope.duplicates) if (contains(definition.nameSpan, offset)) return definition;
  for (const definition of scope.severities.values()) if (contains(definition.nameSpan, offset)) return definition;
  for (const resolved of scope.references) {
    if (contains(resolved.ref, offset)) return resolvedAs(resolved) ?? resolved.definition;
  }
  return undefined;
}

// --- definitions -----------------------------------------------------------------------------

function describeDefinition(definition: Definition, scope: SlaScope, analysis: Analysis, options: HoverOptions): string {
  const line = lineIndexOf(analysis).positionAt(definition.nameSpan.offset).line + 1;
  const node = definition.node;
  const head = (title?: string) => `\`\`\`sla\n${definition.sort} ${definition.name}${title ? ` "${title}"` : ''}\n\`\`\``;
  const facts: string[] = [];
  switch (node.type) {
    case 'Service': {
      const service = node as Service;
      for (const entry of service.items ?? []) {
        if (entry?.type === 'Description' && entry.value) facts.push(entry.value.value);
        if (entry?.type === 'Includes') facts.push(`Includes: ${entry.values.map((v) => v.value).join(', ')}`);
        if (entry?.type === 'Excludes') facts.push(`Excludes: ${entry.values.map((v) => v.value).join(', ')}`);
      }
      const objectives = objectivesUsing(scope, 'ServiceRef', definition.name);
      if (objectives.length) facts.push(`Objectives: ${objectives.join(', ')}`);
      return [head(service.title?.value), ...facts.map(bullet)].join('\n');
    }
    case 'Schedule': {
      const schedule = node as Schedule;
      const linked = slaFacts(scope).schedules.get(schedule);
      const weekly = linked ? scheduleToWeekly(linked) : weeklySchedule([]);
      facts.push(`${formatHours(weeklyMinutes(weekly) * 60_000)} a week`);
      for (const entry of schedule.items ?? []) {
        if (entry?.type === 'ScheduleLine') facts.push(analysis.text.slice(entry.offset, entry.endOffset));
      }
      for (const { date, ranges } of linked?.onDates ?? []) {
        const hours = ranges.map(({ start, end }) => `${clock(start)}-${clock(end)}`).join(', ');
        facts.push(messages().t('hover.scheduleOn', { date: formatDate(daysFromCivil(date.year, date.month, date.day)), hours }));
      }
      if (weekly.holidays.length) facts.push(`Holidays: ${weekly.holidays.join(', ')}`);
      return [head(), ...facts.map(bullet)].join('\n');
    }
    case 'Maintenance': {
      const maintenance = node as Maintenance;
      for (const entry of maintenance.items ?? []) {
        if (entry?.type === 'Every') facts.push(`Weekly: ${analysis.text.slice(entry.offset, entry.endOffset).replace(/^every\s+/, '')}`);
        if (entry?.type === 'On') facts.push(`Once: ${analysis.text.slice(entry.offset, entry.endOffset).replace(/^on\s+/, '')}`);
        if (entry?.type === 'Notice' && entry.duration) facts.push(`Announced ${describeQuantityDuration(entry.duration.value, entry.duration.unit)} ahead`);
      }
      facts.push('Objectives `excluding` it do not count samples inside these windows.');
      return [head(), ...facts.map(bullet)].join('\n');
    }
    case 'Indicator': {
      const indicator = node as Indicator;
      const values = slaFacts(scope).indicators.get(indicator) ?? {};
      const kind = values.kind;
      if (kind) facts.push(`Kind: ${kind}`);
      for (const entry of indicator.items ?? []) {
        if (entry?.type === 'Metric' && entry.value) facts.push(`Metric: \`${entry.value.value}\``);
        if (entry?.type === 'Ratio') {
          facts.push(`Ratio: ${entry.polarity?.text ?? '?'} \`${entry.numerator?.value ?? '?'}\` / total \`${entry.total?.value ?? '?'}\``);
        }
        if (entry?.type === 'Description' && entry.value) facts.push(entry.value.value);
      }
      const unit = indicator.items?.find((i) => i?.type === 'Unit');
      if (unit?.type === 'Unit' && unit.value) facts.push(`Unit: ${unit.value.text}`);
      else if (values.ratio) facts.push('Unit: % (a ratio)');
      else if (kind) facts.push(`Unit: ${values.valueUnit} (default for ${kind})`);
      const objectives = objectivesUsing(scope, 'IndicatorRef', definition.name);
      if (objectives.length) facts.push(`Objectives: ${objectives.join(', ')}`);
      return [head(indicator.title?.value), ...facts.map(bullet)].join('\n');
    }
    case 'Objective': {
      const objective = node as Objective;
      for (const entry of objective.items ?? []) {
        if (entry && entry.type !== 'Description') facts.push(analysis.text.slice(entry.offset, entry.endOffset));
      }
      const tiers = objectiveFacts(scope, objective).tiers;
      facts.push(tiers.length ? `Compensation: ${tiers.length} tier${tiers.length === 1 ? '' : 's'}` : 'No compensation');
      const description = objective.items?.find((i) => i?.type === 'Description');
      const text = [head(objective.title?.value), ...facts.map((f) => bullet(`\`${f}\``))];
      if (description?.type === 'Description' && description.value) text.push('', description.value.value);
      const budget = describeTarget(objective, scope, options);
      if (budget) text.push('', budget);
      return text.join('\n');
    }
    default: {
      const severity = node as SeverityItem;
      if (severity.response) facts.push(`Response within ${describeQuantityDuration(severity.response.value, severity.response.unit)}`);
      if (severity.resolve) facts.push(`Resolution within ${describeQuantityDuration(severity.resolve.value, severity.resolve.unit)}`);
      return [head(severity.title?.value), ...facts.map(bullet)].join('\n') + `\n\nDefined on line ${line}.`;
    }
  }
}

function describeSla(sla: Sla, analysis: Analysis): string {
  const value = (type: string) => {
    const item = sla.items?.find((i) => i?.type === type);
    return item ? analysis.text.slice(item.keyword.endOffset, item.endOffset).trim() : undefined;
  };
  const count = (type: string) => sla.items?.filter((i) => i?.type === type).length ?? 0;
  const facts = [
    value('Provider') && `Provider: ${value('Provider')}`,
    value('Customer') && `Customer: ${value('Customer')}`,
    value('Effective') && `Effective ${value('Effective')}`,
    [['Service', 'service'], ['Indicator', 'indicator'], ['Objective', 'objective'], ['Compensation', 'compensation clause']]
      .map(([type, noun]) => `${count(type)} ${noun}${count(type) === 1 ? '' : 's'}`)
      .join(', '),
  ].filter((f): f is string => !!f);
  return [`\`\`\`sla\nsla ${sla.name?.text}${sla.title ? ` "${sla.title.value}"` : ''}\n\`\`\``, ...facts.map(bullet)].join('\n');
}

function bullet(text: string): string {
  return `- ${text}`;
}

function describeQuantityDuration(value: number, unit: string | undefined): string {
  const ms = durationMs(value, unit);
  return ms === undefined ? `${value}${unit ?? ''}` : formatDuration(ms);
}

function objectivesUsing(scope: SlaScope, holder: 'IndicatorRef' | 'ServiceRef', name: string): string[] {
  const names: string[] = [];
  for (const item of scope.sla.items ?? []) {
    if (item?.type !== 'Objective' || !item.name) continue;
    if (item.items?.some((entry) => entry?.type === holder && entry.ref?.text === name)) names.push(item.name.text);
  }
  return names;
}

// --- targets ------------------------------------------------------------------------------------

function referenceDate(sla: SlaFacts, now: Date): BudgetOptions {
  let year = now.getUTCFullYear();
  let month = now.getUTCMonth() + 1;
  const { effectiveStart: start, effectiveEnd: end } = sla;
  const current = year * 12 + month;
  if (start && current < start.year * 12 + start.month) [year, month] = [start.year, start.month];
  else if (end && current > end.year * 12 + end.month) [year, month] = [end.year, end.month];
  return { year, month };
}

/** The target as budgets read it: written value and unit, kind and polarity from the linked facts. */
function targetSpec(facts: ObjectiveFacts): TargetSpec | undefined {
  const target = facts.target;
  if (!target?.comparator || !target.quantity) return undefined;
  return {
    kind: facts.kind,
    aggregate: target.aggregate?.text,
    percentile: target.aggregate?.percentile,
    op: target.comparator.op,
    value: target.quantity.value,
    unit: target.quantity.unit,
    ratio: facts.ratio === 'good' || facts.ratio === 'bad' ? facts.ratio : undefined,
  };
}

const OP_SIGN: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

function describeTarget(objective: Objective, scope: SlaScope, options: HoverOptions): string | undefined {
  const facts = objectiveFacts(scope, objective);
  const t = targetSpec(facts);
  if (!t) return undefined;
  const window = facts.windowFacts;
  const during: ScheduleSpec | undefined = facts.during && facts.duringName ? { name: facts.duringName, schedule: scheduleToWeekly(facts.during) } : undefined;
  const windowText = window ? (window.form === 'calendar' ? `calendar ${window.period}` : `rolling ${formatDuration(window.durationMs)}`) : 'no window';
  const measured = t.kind ? `${t.kind.replace('_', ' ')}` : 'value';
  const heading = `**target ${t.aggregate ? `${t.aggregate} ` : ''}${OP_SIGN[t.op]} ${t.value}${t.unit ?? ''}** — ${measured}, ${windowText}`;
  const lines = [heading, '', ...paragraphs(describeBudget(t, window, during, referenceDate(slaFacts(scope), options.now ?? new Date())))];
  const excluding = objective.items?.find((i) => i?.type === 'Excluding');
  if (excluding?.type === 'Excluding' && excluding.refs.length) {
    lines.push('', `Samples in the maintenance windows ${excluding.refs.map((r) => `\`${r.text}\``).join(', ')} are not counted.`);
  }
  return lines.join('\n');
}

/** Markdown: a blank line between paragraphs, list items kept together. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && !(line.startsWith('- ') && (lines[i - 1].startsWith('- ') || lines[i - 1].endsWith(':')))) out.push('');
    out.push(line);
  });
  return out;
}

// --- tiers ------------------------------------------------------------------------------------

const MEASURE: Record<KindName, string> = {
  availability: 'availability',
  error_rate: 'error rate',
  latency: 'latency',
  response_time: 'response time',
  recovery_time: 'recovery time',
  resolution_time: 'resolution time',
  throughput: 'throughput',
};

function describeTier(tier: Tier, compensation: Compensation, scope: SlaScope, text: string): string | undefined {
  if (!tier.threshold || !tier.credit) return undefined;
  const objective = objectiveOf(scope, compensation);
  const sla = slaFacts(scope);
  const name = compensation.target?.text ?? '?';
  const facts = objective ? objectiveFacts(scope, objective) : undefined;
  const window = facts?.windowFacts;
  const spec = facts && targetSpec(facts);
  const period = window?.form === 'calendar' ? window.period : undefined;
  const fee = sla.fee;
  const credit = tier.credit.value;
  let share = `${formatPercent(credit)} of the ${period ? `${PERIOD_ADJECTIVE[period]} ` : ''}fee`;
  if (fee && fee.period === period) share += ` (${formatAmount((credit / 100) * fee.amount)} ${fee.currency})`;
  const aggregate = spec?.aggregate ? `${spec.aggregate} ` : '';
  const measure = spec?.kind ? `${aggregate}${MEASURE[spec.kind]}` : 'the attained value';
  const threshold = text.slice(tier.threshold.offset, tier.threshold.endOffset);
  const when = `${period ? `${PERIOD_ADJECTIVE[period]} ` : ''}${measure} of \`${name}\` is ${tier.direction} ${threshold}`;
  const lines = [`**Pays ${share}** when the ${when}.`];
  if (spec?.kind === 'availability' && tier.direction === 'below' && period && (tier.threshold.unit ?? '%') === '%' && !spec.ratio) {
    const downtime = describeThresholdAsDowntime(tier.threshold.value, period);
    if (downtime) lines.push(`That is ${downtime}.`);
  }
  if (window?.form === 'rolling') lines.push('The objective has a rolling window: only calendar periods earn credits, so this tier never pays.');
  const tiers = (compensation.tiers ?? []).filter((t) => t?.threshold && t.direction === tier.direction);
  if (tiers.length > 1) lines.push('Only the most severe tier that applies pays; tiers are not added.');
  if (sla.cap !== undefined) lines.push(`All credits of one period together are capped at ${formatPercent(sla.cap)}.`);
  return lines.join('\n\n');
}

function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function describeFee(fee: FeeItem): string | undefined {
  if (!fee.amount?.unit || !fee.period) return undefined;
  return `The customer pays ${fee.amount.value} ${fee.amount.unit} per ${fee.period.text}; a credit of 10% in a calendar ${fee.period.text} is ${formatAmount(fee.amount.value / 10)} ${fee.amount.unit}.`;
}
