// SLA100 (a name defined twice), SLA101 (a reference to nothing) and SLA102 (a reference
// to the wrong sort of thing), from the scope of each sla.
import type { Sla } from '../ast';
import type { DefinitionSort } from '../scope';
import { suggester, type Suggester } from '../suggestIndex';
import { list, orList, type Translate } from '../wording';
import { lineOf, type CheckContext } from './context';
import type { CheckTable } from './registry';

function checkDuplicates(_sla: Sla, ctx: CheckContext): void {
  for (const duplicate of ctx.scope.duplicates) {
    const table = duplicate.sort === 'severity' ? ctx.scope.severities : ctx.scope.definitions;
    const first = table.get(duplicate.name);
    if (!first) continue;
    const line = lineOf(first.nameSpan.range);
    const message =
      duplicate.sort === 'severity'
        ? ctx.t('check.sla100.severity', { name: duplicate.name, line })
        : ctx.t('check.sla100', { name: duplicate.name, firstSort: ctx.t(`check.sort.${first.sort}`), line, sort: ctx.t(`check.sortWord.${duplicate.sort}`) });
    ctx.report('SLA100', duplicate.nameSpan.range, message, { firstDefinition: first.nameSpan.range });
  }
}

function checkReferences(_sla: Sla, ctx: CheckContext): void {
  const suggestions = new SuggestionCache(ctx);
  const references = ctx.scope.references;
  // Indexed: tens of thousands of references, walked once and cold (no iterator result each).
  for (let i = 0; i < references.length; i++) {
    const resolved = references[i];
    const { ref, definition, expected } = resolved;
    const t = ctx.t;
    // Worded when shown: a generated contract may have thousands of these, each asking for the
    // closest of thousands of names, and at most 1,000 diagnostics are shown (SLA004).
    if (!definition) {
      ctx.reportWordedLater('SLA101', ref.range, () => {
        const suggestion = suggestions.get(ref.text, expected);
        const message = suggestion
          ? t('check.sla101.suggest', { kinds: sortWords(t, expected), name: ref.text, suggestion })
          : t('check.sla101', { kinds: sortWords(t, expected), name: ref.text, wanted: sortNouns(t, expected), defined: suggestions.defined(expected) });
        return { message, data: suggestion ? { suggestion } : undefined };
      });
    } else if (!expected.includes(definition.sort)) {
      ctx.reportWordedLater('SLA102', ref.range, () => {
        const suggestion = suggestions.get(ref.text, expected);
        const facts = { clause: resolved.clause, wanted: sortNouns(t, expected), name: ref.text, sort: t(`check.sort.${definition.sort}`), line: lineOf(definition.nameSpan.range) };
        const message = suggestion ? t('check.sla102.suggest', { ...facts, suggestion }) : t('check.sla102', facts);
        return { message, data: suggestion ? { suggestion } : undefined };
      });
    }
  }
}

/** "an indicator or a schedule" (worded only when a check fires: most references resolve). */
function sortNouns(t: Translate, sorts: readonly DefinitionSort[]): string {
  return orList(t, sorts.map((sort) => t(`check.sort.${sort}`)));
}

/** "indicator or schedule". */
function sortWords(t: Translate, sorts: readonly DefinitionSort[]): string {
  return orList(t, sorts.map((sort) => t(`check.sortWord.${sort}`)));
}

/** Close names of the wanted sorts, computed once per misspelling. */
class SuggestionCache {
  private readonly namesBySort = new Map<DefinitionSort, string[]>();
  /** By the wanted sorts: what suggests among their names (an index when they are many: suggestIndex.ts). */
  private readonly suggesters = new Map<string, Suggester>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly ctx: CheckContext) {}

  get(text: string, sorts: readonly DefinitionSort[]): string | undefined {
    const wanted = sorts.join(',');
    const key = wanted + ':' + text;
    if (this.cache.has(key)) return this.cache.get(key);
    let suggest = this.suggesters.get(wanted);
    if (!suggest) {
      suggest = suggester(this.namesOf(sorts));
      this.suggesters.set(wanted, suggest);
    }
    const found = suggest(text);
    this.cache.set(key, found);
    return found;
  }

  /** " (defined here: `a`, `b`)" for a short list of the names of these sorts, else "". */
  defined(sorts: readonly DefinitionSort[]): string {
    const wanted = sorts.join(',');
    let worded = this.definedBySorts.get(wanted);
    if (worded === undefined) {
      const names = this.namesOf(sorts);
      worded = names.length === 0 || names.length > 5 ? '' : this.ctx.t('check.sla101.defined', { names: list(this.ctx.t, names.map((n) => `\`${n}\``)) });
      this.definedBySorts.set(wanted, worded);
    }
    return worded;
  }

  private readonly definedBySorts = new Map<string, string>();

  private namesOf(sorts: readonly DefinitionSort[]): string[] {
    return sorts.length === 1 ? this.names(sorts[0]) : sorts.flatMap((sort) => this.names(sort));
  }

  private names(sort: DefinitionSort): string[] {
    let names = this.namesBySort.get(sort);
    if (!names) {
      names = [];
      for (const definition of this.ctx.scope.definitions.values()) if (definition.sort === sort) names.push(definition.name);
      this.namesBySort.set(sort, names);
    }
    return names;
  }
}

export const nameChecks: CheckTable = { Sla: [checkDuplicates, checkReferences] };
