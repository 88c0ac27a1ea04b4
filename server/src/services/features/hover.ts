// Hover: what a keyword means; for a name, a summary of its definition; for a target,
// the error budget it allows per period; for a tier, when it pays and how much.
import { tokenEnd } from '../../language/lexer';
import type { IToken } from 'chevrotain';
import type { TokenList } from '../../language/tokenList';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type {
  Compensation,
  FeeItem,
  Indicator,
  Maintenance,
  Objective,
  PeriodName,
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
  weeklyMinutes,
  weeklySchedule,
  type BudgetOptions,
  type ScheduleSpec,
  type TargetSpec,
} from '../support/budget';
import { keywordMarkdown, type BlockKind } from '../support/keywords';
import { periodAdjective, periodNoun } from '../support/periodLabels';
import { BLOCK_OF_NODE_TYPE } from '../../language/vocabulary';
import { contains, nodePathAt, objectiveFacts, objectiveOf, slaFacts } from '../support/nodes';
import { scheduleToWeekly } from '../support/schedules';
import { periodTimes } from '../support/eligibleTime';
import { daysFromCivil, formatDate } from '../../language/calendar';
import { messages, type Messages } from '../../l10n/messages';
import type { Locale } from '../../l10n/locale';

/** `540` → `09:00`; `1440` → `24:00`. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
import { lineIndexOf } from '../support/text';
import { markdownCodeBlock, markdownCodeSpan, markdownText } from '../../text/markdown';

export interface HoverOptions {
  /** "Now", for the example month of schedule-hour budgets (default: the current date). */
  now?: Date;
  /** The language of the text (default English). */
  locale?: Locale;
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
  const text = messages(options.locale);

  // A name: its definition.
  if (scope) {
    const definition = definitionAt(scope, offset);
    if (definition) return reply(describeDefinition(definition, scope, analysis, options, text));
  }

  const path = nodePathAt(analysis, offset);
  const sla = path[0] as Sla | undefined;
  if (sla?.name && contains(sla.name, offset)) return reply(describeSla(sla, analysis, text));
  const item = path[1];
  const child = path[2];
  if (scope && item?.type === 'Objective') {
    const target = child?.type === 'Target' ? (child as TargetItem) : undefined;
    if (target) return reply(joinParts(wordDoc(token, 'objective', text), describeTarget(item as Objective, scope, options, text)));
  }
  if (scope && item?.type === 'Compensation' && child?.type === 'Tier') {
    return reply(joinParts(wordDoc(token, 'compensation', text), describeTier(child as Tier, item as Compensation, scope, analysis.text, text)));
  }
  if (item?.type === 'Fee' && sla) return reply(joinParts(wordDoc(token, 'sla', text), describeFee(item as FeeItem, text)));
  return reply(wordDoc(token, blockOf(path), text));
}

function joinParts(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.join('\n\n---\n\n') : undefined;
}

/** The token under the cursor (a cursor just after a token is on it; one starting there is preferred). */
function tokenAt(tokens: TokenList, offset: number): IToken | undefined {
  let i = tokens.indexAt(offset);
  if (i < 0) return undefined;
  if (tokens.endAt(i) === offset && i + 1 < tokens.length && tokens.startAt(i + 1) === offset) i++;
  return tokens.at(i);
}

function blockOf(path: { type: string }[]): BlockKind {
  const item = path[1];
  if (!item) return path[0] ? 'sla' : 'file';
  // Header words (`indicator probe {`) fall back to their sla meaning in keywordDoc.
  return BLOCK_OF_NODE_TYPE[item.type] ?? 'sla';
}

/** The keyword or fixed word under the cursor, explained. */
function wordDoc(token: IToken, block: BlockKind, { locale }: Messages): string | undefined {
  const type = token.tokenType.name;
  if (type === 'Percent') return keywordMarkdown('%', undefined, locale);
  if (type !== token.image && type !== 'Percentile' && type !== 'UnitSuffix') return undefined;
  return keywordMarkdown(token.image, block, locale);
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

function describeDefinition(definition: Definition, scope: SlaScope, analysis: Analysis, options: HoverOptions, text: Messages): string {
  const { t } = text;
  const line = lineIndexOf(analysis).positionAt(definition.nameSpan.offset).line + 1;
  const node = definition.node;
  const head = (title?: string) => markdownCodeBlock(`${definition.sort} ${definition.name}${title ? ` "${title}"` : ''}`, 'sla');
  const facts: string[] = [];
  switch (node.type) {
    case 'Service': {
      const service = node as Service;
      for (const entry of service.items ?? []) {
        if (entry?.type === 'Description' && entry.value) facts.push(markdownText(entry.value.value));
        if (entry?.type === 'Includes') facts.push(t('hover.includes', { values: entry.values.map((v) => markdownText(v.value)).join(', ') }));
        if (entry?.type === 'Excludes') facts.push(t('hover.excludes', { values: entry.values.map((v) => markdownText(v.value)).join(', ') }));
      }
      const objectives = objectivesUsing(scope, 'ServiceRef', definition.name);
      if (objectives.length) facts.push(t('hover.objectives', { names: objectives.join(', ') }));
      return [head(service.title?.value), ...facts.map(bullet)].join('\n');
    }
    case 'Schedule': {
      const schedule = node as Schedule;
      const linked = slaFacts(scope).schedules.get(schedule);
      const weekly = linked ? scheduleToWeekly(linked) : weeklySchedule([]);
      facts.push(t('hover.schedule.weekly', { hours: formatHours(weeklyMinutes(weekly) * 60_000) }));
      for (const entry of schedule.items ?? []) {
        if (entry?.type === 'ScheduleLine') facts.push(markdownText(analysis.text.slice(entry.offset, entry.endOffset)));
      }
      for (const { date, ranges } of linked?.onDates ?? []) {
        const hours = ranges.map(({ start, end }) => `${clock(start)}-${clock(end)}`).join(', ');
        facts.push(t('hover.scheduleOn', { date: formatDate(daysFromCivil(date.year, date.month, date.day)), hours }));
      }
      if (weekly.holidays.length) facts.push(t('hover.schedule.holidays', { dates: weekly.holidays.join(', ') }));
      return [head(), ...facts.map(bullet)].join('\n');
    }
    case 'Maintenance': {
      const maintenance = node as Maintenance;
      for (const entry of maintenance.items ?? []) {
        if (entry?.type === 'Every') facts.push(t('hover.maintenance.weekly', { window: markdownText(analysis.text.slice(entry.offset, entry.endOffset).replace(/^every\s+/, '')) }));
        if (entry?.type === 'On') facts.push(t('hover.maintenance.once', { window: markdownText(analysis.text.slice(entry.offset, entry.endOffset).replace(/^on\s+/, '')) }));
        if (entry?.type === 'Notice' && entry.duration) facts.push(t('hover.maintenance.notice', { duration: describeQuantityDuration(entry.duration.value, entry.duration.unit) }));
      }
      facts.push(t('hover.maintenance.excluding'));
      return [head(), ...facts.map(bullet)].join('\n');
    }
    case 'Indicator': {
      const indicator = node as Indicator;
      const values = slaFacts(scope).indicators.get(indicator) ?? {};
      const kind = values.kind;
      if (kind) facts.push(t('hover.indicator.kind', { kind }));
      for (const entry of indicator.items ?? []) {
        if (entry?.type === 'Metric' && entry.value) facts.push(t('hover.indicator.metric', { metric: markdownCodeSpan(entry.value.value) }));
        if (entry?.type === 'Ratio') {
          facts.push(
            t('hover.indicator.ratio', {
              polarity: entry.polarity?.text ?? '?',
              numerator: markdownCodeSpan(entry.numerator?.value ?? '?'),
              total: markdownCodeSpan(entry.total?.value ?? '?'),
            }),
          );
        }
        if (entry?.type === 'Description' && entry.value) facts.push(markdownText(entry.value.value));
      }
      const unit = indicator.items?.find((i) => i?.type === 'Unit');
      if (unit?.type === 'Unit' && unit.value) facts.push(t('hover.indicator.unit', { unit: unit.value.text }));
      else if (values.ratio) facts.push(t('hover.indicator.unitRatio'));
      else if (kind) facts.push(t('hover.indicator.unitDefault', { unit: values.valueUnit ?? '?', kind }));
      const objectives = objectivesUsing(scope, 'IndicatorRef', definition.name);
      if (objectives.length) facts.push(t('hover.objectives', { names: objectives.join(', ') }));
      return [head(indicator.title?.value), ...facts.map(bullet)].join('\n');
    }
    case 'Objective': {
      const objective = node as Objective;
      for (const entry of objective.items ?? []) {
        if (entry && entry.type !== 'Description') facts.push(analysis.text.slice(entry.offset, entry.endOffset));
      }
      const tiers = objectiveFacts(scope, objective).tiers;
      const count = tiers.length;
      facts.push(count === 0 ? t('hover.objective.noCompensation') : count === 1 ? t('hover.objective.tier', { count }) : t('hover.objective.tiers', { count }));
      const description = objective.items?.find((i) => i?.type === 'Description');
      const lines = [head(objective.title?.value), ...facts.map((f) => bullet(markdownCodeSpan(f)))];
      if (description?.type === 'Description' && description.value) lines.push('', markdownText(description.value.value));
      const budget = describeTarget(objective, scope, options, text);
      if (budget) lines.push('', budget);
      return lines.join('\n');
    }
    default: {
      const severity = node as SeverityItem;
      if (severity.response) facts.push(t('hover.severity.response', { duration: describeQuantityDuration(severity.response.value, severity.response.unit) }));
      if (severity.resolve) facts.push(t('hover.severity.resolve', { duration: describeQuantityDuration(severity.resolve.value, severity.resolve.unit) }));
      return [head(severity.title?.value), ...facts.map(bullet)].join('\n') + `\n\n${t('hover.definedOnLine', { line })}`;
    }
  }
}

/** Ids of `{count} service` / `{count} services` and the like, for the counts of an sla's hover. */
const COUNTED = [
  ['Service', 'hover.sla.service', 'hover.sla.services'],
  ['Indicator', 'hover.sla.indicator', 'hover.sla.indicators'],
  ['Objective', 'hover.sla.objective', 'hover.sla.objectives'],
  ['Compensation', 'hover.sla.compensation', 'hover.sla.compensations'],
] as const;

function describeSla(sla: Sla, analysis: Analysis, { t }: Messages): string {
  const value = (type: string) => {
    const item = sla.items?.find((i) => i?.type === type);
    return item ? analysis.text.slice(item.keyword.endOffset, item.endOffset).trim() : undefined;
  };
  const count = (type: string) => sla.items?.filter((i) => i?.type === type).length ?? 0;
  const facts = [
    value('Provider') && t('hover.sla.provider', { provider: markdownText(value('Provider')!) }),
    value('Customer') && t('hover.sla.customer', { customer: markdownText(value('Customer')!) }),
    value('Effective') && t('hover.sla.effective', { dates: markdownText(value('Effective')!) }),
    COUNTED.map(([type, one, many]) => (count(type) === 1 ? t(one, { count: 1 }) : t(many, { count: count(type) }))).join(t('hover.listSeparator')),
  ].filter((f): f is string => !!f);
  return [markdownCodeBlock(`sla ${sla.name?.text}${sla.title ? ` "${sla.title.value}"` : ''}`, 'sla'), ...facts.map(bullet)].join('\n');
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

function describeTarget(objective: Objective, scope: SlaScope, options: HoverOptions, text: Messages): string | undefined {
  const { t: message } = text;
  const facts = objectiveFacts(scope, objective);
  const t = targetSpec(facts);
  if (!t) return undefined;
  const window = facts.windowFacts;
  const during: ScheduleSpec | undefined = facts.during && facts.duringName ? { name: facts.duringName, schedule: scheduleToWeekly(facts.during) } : undefined;
  const windowText = window
    ? window.form === 'calendar'
      ? message('hover.window.calendar', { period: periodNoun(window.period, text) })
      : message('hover.window.rolling', { duration: formatDuration(window.durationMs) })
    : message('hover.window.none');
  const measured = t.kind ? message(`hover.measure.${t.kind}`) : message('hover.measure.value');
  const heading = message('hover.target.heading', { target: `target ${t.aggregate ? `${t.aggregate} ` : ''}${OP_SIGN[t.op]} ${t.value}${t.unit ?? ''}`, measured, window: windowText });
  const sla = slaFacts(scope);
  // Where `during` or `excluding` leave time out, the evaluator's own count of each period.
  const counted = facts.duringName !== undefined || facts.excluding.length > 0 ? periodTimes(sla, facts, text.locale) : undefined;
  const budgetOptions = { ...referenceDate(sla, options.now ?? new Date()), periodTimes: counted, locale: text.locale };
  const lines = [heading, '', ...paragraphs(describeBudget(t, window, during, budgetOptions))];
  const excluding = objective.items?.find((i) => i?.type === 'Excluding');
  if (excluding?.type === 'Excluding' && excluding.refs.length) {
    lines.push('', message('hover.target.excluding', { windows: excluding.refs.map((r) => `\`${r.text}\``).join(', ') }));
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

function describeTier(tier: Tier, compensation: Compensation, scope: SlaScope, contractText: string, text: Messages): string | undefined {
  if (!tier.threshold || !tier.credit) return undefined;
  const { t } = text;
  const objective = objectiveOf(scope, compensation);
  const sla = slaFacts(scope);
  const name = compensation.target?.text ?? '?';
  const facts = objective ? objectiveFacts(scope, objective) : undefined;
  const window = facts?.windowFacts;
  const spec = facts && targetSpec(facts);
  const period = window?.form === 'calendar' ? window.period : undefined;
  const fee = sla.fee;
  const credit = formatPercent(tier.credit.value);
  let share = period ? t('hover.tier.sharePeriod', { credit, adjective: periodAdjective(period, text) }) : t('hover.tier.share', { credit });
  if (fee && fee.period === period) share = t('hover.tier.shareAmount', { share, amount: formatAmount((tier.credit.value / 100) * fee.amount), currency: fee.currency });
  const aggregate = spec?.aggregate ? `${spec.aggregate} ` : '';
  let measure = spec?.kind ? `${aggregate}${t(`hover.measure.${spec.kind}`)}` : t('hover.measure.attained');
  if (period) measure = t('hover.tier.periodMeasure', { adjective: periodAdjective(period, text), measure });
  const threshold = contractText.slice(tier.threshold.offset, tier.threshold.endOffset);
  const pays = { share, measure, objective: name, threshold };
  const lines = [tier.direction === 'above' ? t('hover.tier.paysAbove', pays) : t('hover.tier.paysBelow', pays)];
  if (spec?.kind === 'availability' && tier.direction === 'below' && period && (tier.threshold.unit ?? '%') === '%' && !spec.ratio) {
    const downtime = describeThresholdAsDowntime(tier.threshold.value, period, text.locale);
    if (downtime) lines.push(downtime);
  }
  if (window?.form === 'rolling') lines.push(t('hover.tier.rolling'));
  const tiers = (compensation.tiers ?? []).filter((other) => other?.threshold && other.direction === tier.direction);
  if (tiers.length > 1) lines.push(t('hover.tier.mostSevere'));
  if (sla.cap !== undefined) lines.push(t('hover.tier.cap', { cap: formatPercent(sla.cap) }));
  return lines.join('\n\n');
}

function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function describeFee(fee: FeeItem, text: Messages): string | undefined {
  if (!fee.amount?.unit || !fee.period) return undefined;
  const word = fee.period.text;
  const period = isPeriodName(word) ? periodNoun(word, text) : word;
  return text.t('hover.fee', { amount: fee.amount.value, currency: fee.amount.unit, period, tenth: formatAmount(fee.amount.value / 10) });
}

function isPeriodName(word: string): word is PeriodName {
  return word === 'day' || word === 'week' || word === 'month' || word === 'quarter' || word === 'year';
}
