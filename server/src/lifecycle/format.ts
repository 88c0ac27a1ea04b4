// A semantic diff in words: text for the terminal, Markdown for reviews and the editor,
// JSON for scripts (machine fields untranslated). Used by `sla diff` and the language server.
import { messages, type Locale, type MessageId, type MessageParams } from '../l10n/index';
import type { ChangeAspect, ChangeClass, ContractDiff, SemanticChange } from './diff';

/** One compared pair: the names shown for the old and the new version, and their diff. */
export interface ComparedFiles {
  before: string;
  after: string;
  diff: ContractDiff;
}

/** An id whose text has no placeholder. */
type PlainId = { [Id in MessageId]: MessageParams<Id> extends [] ? Id : never }[MessageId];

const ASPECT_ID: Record<ChangeAspect, PlainId> = {
  sla: 'diff.aspect.sla',
  objective: 'diff.aspect.objective',
  indicator: 'diff.aspect.indicator',
  target: 'diff.aspect.target',
  window: 'diff.aspect.window',
  'schedule-hours': 'diff.aspect.scheduleHours',
  holidays: 'diff.aspect.holidays',
  maintenance: 'diff.aspect.maintenance',
  tier: 'diff.aspect.tier',
  cap: 'diff.aspect.cap',
  fee: 'diff.aspect.fee',
  claim: 'diff.aspect.claim',
  provider: 'diff.aspect.provider',
  customer: 'diff.aspect.customer',
  effective: 'diff.aspect.effective',
  timezone: 'diff.aspect.timezone',
  version: 'diff.aspect.version',
};

const CLASS_ID: Record<ChangeClass, PlainId> = {
  stricter: 'diff.class.stricter',
  looser: 'diff.class.looser',
  neutral: 'diff.class.neutral',
};

function subject(change: SemanticChange, locale: Locale): string {
  const { t } = messages(locale);
  const aspect = t(ASPECT_ID[change.aspect]);
  return change.objective !== undefined ? t('diff.objectiveAspect', { objective: change.objective, aspect }) : aspect;
}

function valueText(change: SemanticChange, locale: Locale): string {
  const { t } = messages(locale);
  const lists = [...(change.added ?? []).map((v) => `+${v}`), ...(change.removed ?? []).map((v) => `−${v}`)];
  if (lists.length) return lists.join(', ');
  return `${change.before ?? t('diff.none')} → ${change.after ?? t('diff.none')}`;
}

function counts(changes: SemanticChange[]): Record<ChangeClass, number> {
  const result = { stricter: 0, looser: 0, neutral: 0 };
  for (const change of changes) if (change.aspect !== 'version') result[change.class]++;
  return result;
}

function summary(diff: ContractDiff, locale: Locale): string {
  const { t } = messages(locale);
  const semantic = diff.changes.filter((c) => c.aspect !== 'version');
  if (semantic.length === 0) return t('diff.noChange');
  return t('diff.summary', { count: semantic.length, ...counts(semantic) });
}

export function diffText(files: ComparedFiles[], locale: Locale): string {
  const { t } = messages(locale);
  const out: string[] = [];
  for (const { before, after, diff } of files) {
    out.push(`${before} → ${after}`);
    for (const version of diff.versions) {
      const changes = diff.changes.filter((c) => c.sla === version.sla);
      if (changes.length === 0) continue;
      out.push(t('diff.slaHeading', { name: version.sla }));
      const width = Math.max(...changes.map((c) => t(CLASS_ID[c.class]).length));
      for (const change of changes) {
        const line = t('diff.changeLine', { subject: subject(change, locale), values: valueText(change, locale) });
        out.push(`  ${t(CLASS_ID[change.class]).padEnd(width)}  ${line}`);
      }
    }
    out.push(summary(diff, locale));
  }
  return out.join('\n') + '\n';
}

export function diffMarkdown(files: ComparedFiles[], locale: Locale): string {
  const { t } = messages(locale);
  const out: string[] = [];
  for (const { before, after, diff } of files) {
    out.push(`## ${cell(before)} → ${cell(after)}`, '', summary(diff, locale), '');
    for (const version of diff.versions) {
      const changes = diff.changes.filter((c) => c.sla === version.sla);
      if (changes.length === 0) continue;
      out.push(`### ${cell(t('diff.slaHeading', { name: version.sla }))}`, '');
      out.push(`| ${t('diff.column.class')} | ${t('diff.column.change')} | ${t('diff.column.values')} |`, '|---|---|---|');
      for (const change of changes) out.push(`| ${cell(t(CLASS_ID[change.class]))} | ${cell(subject(change, locale))} | ${cell(valueText(change, locale))} |`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** Markdown table cell text: no table break, no markup or HTML taken from contract strings. */
function cell(text: string): string {
  return text.replace(/[\\|*_`[\]<>#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

export function diffJson(files: ComparedFiles[]): object {
  return {
    files: files.map(({ before, after, diff }) => ({
      before,
      after,
      semanticChange: diff.versions.some((v) => v.semanticChange),
      counts: counts(diff.changes),
      versions: diff.versions,
      changes: diff.changes,
    })),
  };
}
