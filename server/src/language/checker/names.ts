// SLA100 (a name defined twice), SLA101 (a reference to nothing) and SLA102 (a reference
// to the wrong sort of thing), from the scope of each sla.
import type { Sla } from '../ast';
import { describeSort, type DefinitionSort } from '../scope';
import { suggest } from '../suggest';
import { lineOf, type CheckContext } from './context';
import type { CheckTable } from './registry';

function checkDuplicates(_sla: Sla, ctx: CheckContext): void {
  for (const duplicate of ctx.scope.duplicates) {
    const table = duplicate.sort === 'severity' ? ctx.scope.severities : ctx.scope.definitions;
    const first = table.get(duplicate.name);
    if (!first) continue;
    const message =
      duplicate.sort === 'severity'
        ? `severity \`${duplicate.name}\` is already defined at line ${lineOf(first.nameSpan.range)}: give each severity its own name`
        : `\`${duplicate.name}\` is already defined as ${describeSort(first.sort)} at line ${lineOf(first.nameSpan.range)}: ` +
          `rename this ${duplicate.sort} (all names in an sla share one namespace)`;
    ctx.report('SLA100', duplicate.nameSpan.range, message, { firstDefinition: first.nameSpan.range });
  }
}

function checkReferences(_sla: Sla, ctx: CheckContext): void {
  const suggestions = new SuggestionCache(ctx);
  for (const resolved of ctx.scope.references) {
    const { ref, definition, expected } = resolved;
    const wanted = expected.map(describeSort).join(' or ');
    const kinds = expected.join(' or ');
    if (!definition) {
      const suggestion = suggestions.get(ref.text, expected);
      const message = suggestion
        ? `unknown ${kinds} \`${ref.text}\`; did you mean \`${suggestion}\`?`
        : `unknown ${kinds} \`${ref.text}\`: define it in this sla or name ${wanted} that is defined` +
          suggestions.defined(expected);
      ctx.report('SLA101', ref.range, message, suggestion ? { suggestion } : undefined);
    } else if (!expected.includes(definition.sort)) {
      const suggestion = suggestions.get(ref.text, expected);
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : `: name ${wanted} here`;
      const message =
        `\`${resolved.clause}\` must name ${wanted}, but \`${ref.text}\` is ` +
        `${describeSort(definition.sort)} (line ${lineOf(definition.nameSpan.range)})${hint}`;
      ctx.report('SLA102', ref.range, message, suggestion ? { suggestion } : undefined);
    }
  }
}

/** Close names of the wanted sorts, computed once per misspelling. */
class SuggestionCache {
  private readonly namesBySort = new Map<DefinitionSort, string[]>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(private readonly ctx: CheckContext) {}

  get(text: string, sorts: readonly DefinitionSort[]): string | undefined {
    const key = sorts.join(',') + ':' + text;
    if (this.cache.has(key)) return this.cache.get(key);
    const candidates = sorts.length === 1 ? this.names(sorts[0]) : sorts.flatMap((sort) => this.names(sort));
    const found = suggest(text, candidates);
    this.cache.set(key, found);
    return found;
  }

  /** " (defined here: `a`, `b`)" for a short list of the names of these sorts, else "". */
  defined(sorts: readonly DefinitionSort[]): string {
    const names = sorts.flatMap((sort) => this.names(sort));
    if (names.length === 0 || names.length > 5) return '';
    return ` (defined here: ${names.map((n) => `\`${n}\``).join(', ')})`;
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
