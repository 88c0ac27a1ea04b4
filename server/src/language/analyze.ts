// The one entry point the CLI and the language server use: parse, resolve names, link, check.
import { checkItems, sortDiagnostics, type CheckOptions } from './checker/index';
import { diagnostic, type Diagnostic } from './diagnostics';
import { linkedFactsOf, type SlaFacts } from './linked';
import type { SlaItem } from './ast';
import { parse, type ParseResult } from './parser';
import { reparse, reparsedRegionOf, type TextEdit } from './reparse';
import { planReuse, reusedDiagnostics } from './reuse';
import { buildScope, buildScopes, rebuildScope, type SlaScope } from './scope';
import { messages } from '../l10n/messages';


export interface Analysis {
  text: string;
  parse: ParseResult;
  scopes: SlaScope[];
  /** The linked facts of each sla, in the order of `scopes`: what every reader takes for meaning. */
  linked: SlaFacts[];
  /** The parser's and the checker's diagnostics, sorted by position; at most MAX_DIAGNOSTICS and SLA004. */
  diagnostics: Diagnostic[];
}

/** LANGUAGE.md 1.1 SLA004: more would flood the editor, the terminal and CI logs. */
export const MAX_DIAGNOSTICS = 1000;

/** The language of catalogue messages and the date SLA505 compares with (see CheckOptions). */
export type AnalyzeOptions = CheckOptions;

export type { TextEdit };

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(text, parse(text, options.locale), options);
}

/**
 * The analysis of `text`, which is `previous.text` with `edit` applied: equal to
 * `analyze(text, options)`, with only the items the edit touches parsed again when that is
 * exact (reparse.ts). `previous` is spent: its AST after the edit is moved in place.
 */
export function analyzeEdit(previous: Analysis, text: string, edit: TextEdit, options: AnalyzeOptions = {}): Analysis {
  let parsed: ParseResult | undefined;
  try {
    // An edit that does not fit the two texts (a client out of step) is no edit: parse in full.
    const fits = edit.start >= 0 && edit.start <= edit.oldEnd && edit.start <= edit.newEnd && text.length - edit.newEnd === previous.text.length - edit.oldEnd;
    parsed = fits ? reparse(previous.parse, previous.text, text, edit, options.locale) : undefined;
  } catch {
    parsed = undefined; // never worse than a full parse
  }
  return analyzeParsed(text, parsed ?? parse(text, options.locale), options, previous);
}

/** Each analysis's check diagnostics by sla item, and their language: what the next edit may reuse (reuse.ts). */
const checkedItems = new WeakMap<Analysis, { locale: AnalyzeOptions['locale']; byItem: ReadonlyMap<SlaItem, readonly Diagnostic[]> }>();

function analyzeParsed(text: string, parsed: ParseResult, options: AnalyzeOptions, previous?: Analysis): Analysis {
  const scopes = previous ? scopesAfterEdit(previous, parsed) : buildScopes(parsed.file);
  const previousItems = previous && checkedItems.get(previous);
  const plan = previous && previousItems?.locale === options.locale ? planReuse(previous, parsed, scopes) : undefined;
  const linked = scopes.map((scope, i) => linkedFactsOf(scope, plan && i === plan.sla ? { previous: previous!.linked[i], fresh: plan.fresh } : undefined));
  const reused = plan && previousItems ? (item: SlaItem) => reusedDiagnostics(plan, previousItems.byItem, item) : undefined;
  const checked = checkItems(parsed.file, scopes, parsed.diagnostics, linked, options, reused);
  const diagnostics = limitDiagnostics(sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]), options);
  const analysis: Analysis = { text, parse: parsed, scopes, linked, diagnostics };
  checkedItems.set(analysis, { locale: options.locale, byItem: checked.byItem });
  return analysis;
}

/**
 * The scopes of an incremental parse: the edited sla's from the previous scope when the
 * edit kept its items' types and names (scope.ts rebuildScope), the other slas' rebuilt
 * (their AST objects are the previous ones, moved in place, but a scope names its sla).
 * Must be taken before `planReuse`, which reads the previous scopes' references.
 */
function scopesAfterEdit(previous: Analysis, parsed: ParseResult): SlaScope[] {
  const region = reparsedRegionOf(parsed);
  const oldSla = region && previous.parse.file.slas[region.sla];
  const sla = region && parsed.file.slas[region.sla];
  const oldScope = region && previous.scopes[region.sla];
  if (!region || !oldSla || !sla || oldScope?.sla !== oldSla || region.oldCount !== region.newCount || previous.scopes.length !== parsed.file.slas.length) return buildScopes(parsed.file);
  const rebuilt = rebuildScope(oldScope, sla, region.first, oldSla.items.slice(region.first, region.first + region.oldCount));
  return parsed.file.slas.map((each, i) => (i === region.sla ? (rebuilt ?? buildScope(each)) : buildScope(each)));
}

/** The first MAX_DIAGNOSTICS of the sorted list, then SLA004 once at the next one's place. */
function limitDiagnostics(sorted: Diagnostic[], options: AnalyzeOptions): Diagnostic[] {
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const next = sorted[MAX_DIAGNOSTICS];
  const hidden = sorted.length - MAX_DIAGNOSTICS;
  const kept = sorted.slice(0, MAX_DIAGNOSTICS);
  kept.push(
    diagnostic(
      'SLA004',
      next.range,
      messages(options.locale).t('check.sla004', { max: MAX_DIAGNOSTICS.toLocaleString('en-US'), hidden: hidden.toLocaleString('en-US') }),
    ),
  );
  return kept;
}

