// Quick fixes for the checker's diagnostics:
// - a suggestion in `data.suggestion` (SLA101 unknown name, SLA102, SLA301, SLA001 typos):
//   replace the range with it;
// - SLA200/201/204: add the missing `target` / `indicator` / `window` line with a placeholder;
// - SLA300: add a three-tier compensation ladder after the objective;
// - SLA202/SLA302: use the unit the kind or target needs; a percentage written without `%`:
//   add it;
// - SLA304: sort the tier ladder so that credits rise with severity;
// - SLA312: add the tier at the target (and write a strict target as `>=`/`<=`);
// - SLA505: set `reviewed` to today (the date the check used, in `data.today`);
// - SLA003 (1.1): replace the full-width character, or every one in the file at once.
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver-types';
import { EXAMPLE_TARGET } from '../../language/vocabulary';
import type { Compensation, Objective, Quantity, Range, Sla, Tier } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { scopeAt, type SlaScope } from '../../language/scope';
import { convert, dimensionOf } from '../../language/units';
import { contains, objectiveFacts, objectiveOf, targetOf } from '../support/nodes';
import { comparePositions } from '../../language/text';
import { lineIndexOf } from '../support/text';
import { DEFAULT_LOCALE, messages, type Locale } from '../../l10n/index';
import { readFullWidth } from '../../language/fullWidth';

export interface CodeActionContextLike {
  diagnostics: LspDiagnostic[];
  only?: string[];
}

export function codeActions(analysis: Analysis, uri: string, range: Range, context: CodeActionContextLike, locale: Locale = DEFAULT_LOCALE): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of context.diagnostics ?? []) {
    try {
      actions.push(...fixesFor(analysis, uri, diagnostic, locale));
    } catch {
      // A diagnostic that no longer fits the text (stale): no fix for it.
    }
  }
  actions.push(...missingPercentFixes(analysis, uri, range, locale));
  return actions;
}

function fixesFor(analysis: Analysis, uri: string, diagnostic: LspDiagnostic, locale: Locale): CodeAction[] {
  const code = String(diagnostic.code ?? '');
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const { t } = messages(locale);
  const fix = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: edits } },
  });
  const actions: CodeAction[] = [];
  if (typeof data.suggestion === 'string' && data.suggestion) {
    actions.push(fix(t('codeAction.changeTo', { suggestion: data.suggestion }), [{ range: diagnostic.range, newText: data.suggestion }], true));
  }
  if (code === 'SLA003' && typeof data.replacement === 'string') actions.push(...fullWidthFixes(analysis, uri, diagnostic, data.replacement, locale));
  const offset = lineIndexOf(analysis).offsetAt(diagnostic.range.start);
  const scope = scopeAt(analysis.scopes, offset);
  if (!scope) return actions;
  switch (code) {
    case 'SLA200':
    case 'SLA201':
    case 'SLA204': {
      const objective = objectiveNamedAt(scope, diagnostic.range);
      if (!objective) break;
      const line = missingLine(code, objective, scope);
      actions.push(fix(t('codeAction.addLine', { line }), [insertInBlock(analysis, objective, line)], true));
      break;
    }
    case 'SLA300': {
      const objective = objectiveNamedAt(scope, diagnostic.range);
      if (!objective?.name) break;
      const ladder = ladderFor(objective, scope);
      if (!ladder) break;
      actions.push(fix(t('codeAction.addLadder', { objective: objective.name.text }), [insertAfter(analysis, objective, ladder)], true));
      break;
    }
    case 'SLA202': {
      const objective = objectiveAround(scope, offset);
      const facts = objective && objectiveFacts(scope, objective);
      const quantity = facts?.target?.quantity;
      const unit = facts?.valueUnit;
      const measure = facts?.ratio ? t('codeAction.measure.ratio') : facts?.kind && t(`hover.measure.${facts.kind}`);
      if (!quantity?.unitRange || !unit || !measure) break;
      actions.push(fix(t('codeAction.useKindUnit', { measure, value: `${formatValue(quantity.value)}${unitSpacing(unit)}` }), [{ range: quantity.unitRange, newText: unit }]));
      break;
    }
    case 'SLA302': {
      const found = tierAround(scope, offset);
      const objective = found && objectiveOf(scope, found.compensation);
      const targetUnit = objective && objectiveFacts(scope, objective).targetUnit;
      const threshold = found?.tier.threshold;
      if (!threshold?.unitRange || !targetUnit) break;
      actions.push(fix(t('codeAction.useTargetUnit', { value: `${formatValue(threshold.value)}${unitSpacing(targetUnit)}` }), [{ range: threshold.unitRange, newText: targetUnit }]));
      break;
    }
    case 'SLA304': {
      const found = tierAround(scope, offset);
      const edits = found ? sortLadder(analysis, found.compensation) : undefined;
      if (edits) actions.push(fix(t('codeAction.sortLadder'), edits, true));
      break;
    }
    case 'SLA505': {
      const item = (scope.sla.items ?? []).find((i) => i?.type === 'Reviewed');
      const date = item?.type === 'Reviewed' ? item.date : undefined;
      if (!date || typeof data.today !== 'string') break;
      actions.push(fix(t('fix.sla505.setReviewed', { today: data.today }), [{ range: date.range, newText: data.today }], true));
      break;
    }
    case 'SLA312': {
      // data: `tier` to add at the target, `comparator` (`>=`/`<=`) for a strict target.
      const found = tierAround(scope, offset);
      const tier = typeof data.tier === 'string' ? data.tier : undefined;
      const comparator = typeof data.comparator === 'string' ? data.comparator : undefined;
      if (!found || (!tier && !comparator)) break;
      const edits: TextEdit[] = [];
      let target = '';
      if (comparator) {
        const objective = objectiveOf(scope, found.compensation);
        const written = objective && objectiveFacts(scope, objective).target;
        if (!written?.comparator || !written.quantity) break;
        target = `${comparator} ${analysis.text.slice(written.quantity.offset, written.quantity.endOffset)}`;
        edits.push({ range: written.comparator.range, newText: comparator });
      }
      if (tier) edits.push(insertFirstTier(analysis, found.compensation, tier));
      const title = !comparator ? t('fix.sla312.addTier', { tier: tier! }) : tier ? t('fix.sla312.comparatorAndTier', { target, tier }) : t('fix.sla312.comparator', { target });
      actions.push(fix(title, edits, true));
      break;
    }
  }
  return actions;
}

// --- placeholders ---------------------------------------------------------------------------

/** SLA003: this character, and every full-width character of the file in one edit (all are one UTF-16 unit). */
function fullWidthFixes(analysis: Analysis, uri: string, diagnostic: LspDiagnostic, replacement: string, locale: Locale): CodeAction[] {
  const lines = lineIndexOf(analysis);
  const start = lines.offsetAt(diagnostic.range.start);
  const char = analysis.text.slice(start, start + 1);
  const { t } = messages(locale);
  const one: CodeAction = {
    title: replacement === ' ' ? t('codeAction.replaceIdeographicSpace') : t('codeAction.replaceFullWidth', { char, ascii: replacement }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: diagnostic.range, newText: replacement }] } },
  };
  const all = readFullWidth(analysis.text).found.map(({ offset, ascii }) => ({ range: lines.range(offset, offset + 1), newText: ascii }));
  if (all.length < 2) return [one];
  return [one, { title: t('codeAction.replaceAllFullWidth'), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: all } } }];
}

function missingLine(code: string, objective: Objective, scope: SlaScope): string {
  if (code === 'SLA200') return EXAMPLE_TARGET[objectiveFacts(scope, objective).kind ?? 'availability'];
  if (code === 'SLA204') return 'window calendar month';
  // An indicator no objective uses yet, else the first one, else a name to replace.
  const indicators = [...scope.definitions.values()].filter((d) => d.sort === 'indicator').map((d) => d.name);
  const used = new Set(scope.references.filter((r) => r.expected.includes('indicator')).map((r) => r.ref.text));
  return `indicator ${indicators.find((n) => !used.has(n)) ?? indicators[0] ?? 'indicator_name'}`;
}

/** A three-tier ladder that fits the objective's target, or undefined without a usable target. */
function ladderFor(objective: Objective, scope: SlaScope): string | undefined {
  const facts = objectiveFacts(scope, objective);
  const target = facts.target;
  if (!target?.comparator || !target.quantity) return undefined;
  const value = target.quantity.value;
  const unit = target.quantity.unit ?? facts.valueUnit ?? '';
  const below = target.comparator.op === '>=' || target.comparator.op === '>';
  let thresholds: number[];
  if (below && unit === '%') {
    // 99.9 → 99.0 → 95.0: the allowed failure share times 10 and 50.
    const share = 100 - value;
    thresholds = [value, 100 - share * 10, 100 - share * 50].map((t) => Math.max(0, t));
  } else if (below) {
    thresholds = [value, value / 2, value / 5];
  } else {
    thresholds = [value, value * 2, value * 5].map((t) => (unit === '%' ? Math.min(100, t) : t));
  }
  if (new Set(thresholds.map((t) => round(t))).size < 3) return undefined;
  const direction = below ? 'below' : 'above';
  const credits = [10, 25, 50];
  const lines = thresholds.map((t, i) => `${direction} ${formatThreshold(t, unit === '%')}${unitSpacing(unit)} credit ${credits[i]}%`);
  return `compensation for ${objective.name!.text} {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
}

function round(value: number): number {
  return Number(value.toPrecision(10));
}

function formatValue(value: number): string {
  return String(round(value));
}

/** Percent thresholds keep one decimal at least (`99.0`, `95.0`), like the examples. */
function formatThreshold(value: number, percent: boolean): string {
  const text = formatValue(value);
  return percent && !text.includes('.') && value < 100 && value > 0 ? `${text}.0` : text;
}

/** Currencies are written after a space; every other unit right after the number. */
function unitSpacing(unit: string): string {
  return dimensionOf(unit) === 'currency' ? ` ${unit}` : unit;
}

// --- edits ----------------------------------------------------------------------------------

function indentationOf(analysis: Analysis, offset: number): string {
  const index = lineIndexOf(analysis);
  const lineStart = index.lineStarts[index.positionAt(offset).line];
  return /^[ \t]*/.exec(analysis.text.slice(lineStart, offset))![0];
}

/** Inserts `line` as the last item of a block: on its own line before `}`, or inline for a one-line block. */
function insertInBlock(analysis: Analysis, node: Objective, line: string): TextEdit {
  const index = lineIndexOf(analysis);
  const indent = indentationOf(analysis, node.offset);
  const body = node.body;
  const closing = body && analysis.text[body.endOffset - 1] === '}' ? body.endOffset - 1 : undefined;
  if (closing === undefined) {
    const at = index.positionAt(node.endOffset);
    return { range: { start: at, end: at }, newText: `\n${indent}  ${line}\n${indent}}` };
  }
  const closingPos = index.positionAt(closing);
  const lineStart = index.lineStarts[closingPos.line];
  if (/^[ \t]*$/.test(analysis.text.slice(lineStart, closing)) && index.positionAt(body!.offset).line < closingPos.line) {
    const at = { line: closingPos.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${indent}  ${line}\n` };
  }
  return { range: { start: closingPos, end: closingPos }, newText: `${analysis.text[closing - 1] === ' ' ? '' : ' '}${line} ` };
}

/** Inserts `tier` before the first tier of a clause, on a line of its own with the same indentation. */
function insertFirstTier(analysis: Analysis, compensation: Compensation, tier: string): TextEdit {
  const index = lineIndexOf(analysis);
  const first = (compensation.tiers ?? []).find((t) => t);
  if (!first) throw new Error('a clause without tiers has no SLA312');
  const at = index.positionAt(first.offset);
  const indent = indentationOf(analysis, first.offset);
  const ownLine = at.character === indent.length;
  return { range: { start: at, end: at }, newText: ownLine ? `${tier}\n${indent}` : `${tier} ` };
}

function insertAfter(analysis: Analysis, node: Objective, block: string): TextEdit {
  const indent = indentationOf(analysis, node.offset);
  const at = lineIndexOf(analysis).positionAt(node.endOffset);
  return { range: { start: at, end: at }, newText: `\n\n${block.split('\n').map((l) => indent + l).join('\n')}` };
}

/**
 * Rewrites the tiers of one direction so that thresholds go from mild to severe and the
 * credits rise with them. Undefined when sorting cannot help (equal credits, mixed units).
 */
function sortLadder(analysis: Analysis, compensation: Compensation): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const direction of ['below', 'above'] as const) {
    const tiers = (compensation.tiers ?? []).filter((t): t is Tier & { threshold: Quantity; credit: Quantity } => !!t && t.direction === direction && !!t.threshold && !!t.credit);
    if (tiers.length < 2) continue;
    const base = tiers[0].threshold.unit;
    const values = tiers.map((t) => (t.threshold.unit === base ? t.threshold.value : base && t.threshold.unit ? convert(t.threshold.value, t.threshold.unit, base) : undefined));
    if (values.some((v) => v === undefined)) return undefined;
    const order = tiers.map((tier, i) => ({ tier, value: values[i]! }));
    // Mild first: the highest threshold for `below`, the lowest for `above`.
    order.sort((a, b) => (direction === 'below' ? b.value - a.value : a.value - b.value));
    const credits = tiers.map((t) => t.credit).sort((a, b) => a.value - b.value);
    if (new Set(credits.map((c) => c.value)).size < credits.length) return undefined;
    const text = (s: { offset: number; endOffset: number }) => analysis.text.slice(s.offset, s.endOffset);
    tiers.forEach((slot, i) => {
      const newText = `${direction} ${text(order[i].tier.threshold)} credit ${text(credits[i])}`;
      if (newText !== text(slot)) edits.push({ range: slot.range, newText });
    });
  }
  return edits.length ? edits : undefined;
}

// --- finding nodes ----------------------------------------------------------------------------

function objectives(sla: Sla): Objective[] {
  return (sla.items ?? []).filter((i): i is Objective => i?.type === 'Objective');
}

/** The objective whose name (or keyword) the diagnostic points at. */
function objectiveNamedAt(scope: SlaScope, range: Range): Objective | undefined {
  return objectives(scope.sla).find((o) => {
    const at = (o.name ?? o.keyword).range;
    return comparePositions(at.start, range.start) === 0 || (comparePositions(o.range.start, range.start) <= 0 && comparePositions(range.end, o.range.end) <= 0);
  });
}

function objectiveAround(scope: SlaScope, offset: number): Objective | undefined {
  return objectives(scope.sla).find((o) => contains(o, offset));
}

function tierAround(scope: SlaScope, offset: number): { compensation: Compensation; tier: Tier } | undefined {
  for (const item of scope.sla.items ?? []) {
    if (item?.type !== 'Compensation' || !contains(item, offset)) continue;
    const tier = (item.tiers ?? []).find((t) => t && contains(t, offset));
    if (tier) return { compensation: item, tier };
  }
  return undefined;
}

// --- percentages without `%` ----------------------------------------------------------------------

/** `credit 10`, `cap 50`, an availability target `>= 99.9`: offer to write the `%`. */
function missingPercentFixes(analysis: Analysis, uri: string, range: Range, locale: Locale): CodeAction[] {
  const index = lineIndexOf(analysis);
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  const scope = scopeAt(analysis.scopes, from);
  if (!scope) return [];
  const candidates: { quantity: Quantity; what: keyof typeof ADD_PERCENT }[] = [];
  for (const item of scope.sla.items ?? []) {
    if (!item || item.endOffset < from || item.offset > to) continue;
    if (item.type === 'Compensation') {
      const objective = objectiveOf(scope, item);
      const percentTarget = targetUnitIsPercent(scope, objective);
      for (const tier of item.tiers ?? []) {
        if (tier?.credit) candidates.push({ quantity: tier.credit, what: 'credit' });
        if (tier?.threshold && percentTarget) candidates.push({ quantity: tier.threshold, what: 'threshold' });
      }
    } else if (item.type === 'Credits') {
      for (const entry of item.items ?? []) if (entry?.type === 'Cap' && entry.percent) candidates.push({ quantity: entry.percent, what: 'cap' });
    } else if (item.type === 'Objective' && targetUnitIsPercent(scope, item)) {
      const quantity = targetOf(item)?.quantity;
      if (quantity) candidates.push({ quantity, what: 'target' });
    }
  }
  return candidates
    .filter(({ quantity }) => quantity.unit === undefined && quantity.offset <= to && quantity.endOffset >= from)
    .map(({ quantity, what }) => ({
      title: messages(locale).t(ADD_PERCENT[what], { value: `${analysis.text.slice(quantity.offset, quantity.endOffset)}%` }),
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [uri]: [{ range: { start: quantity.range.end, end: quantity.range.end }, newText: '%' }] } },
    }));
}

const ADD_PERCENT = {
  credit: 'codeAction.addPercent.credit',
  threshold: 'codeAction.addPercent.threshold',
  cap: 'codeAction.addPercent.cap',
  target: 'codeAction.addPercent.target',
} as const;

function targetUnitIsPercent(scope: SlaScope, objective: Objective | undefined): boolean {
  if (!objective) return false;
  const facts = objectiveFacts(scope, objective);
  return (facts.target?.quantity?.unit ?? facts.valueUnit) === '%';
}
