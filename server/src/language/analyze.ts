// The one entry point the CLI and the language server use: parse, resolve names, link, check.
import { checkItems, sortDiagnostics, type CheckOptions, type CheckReuse, type ItemDiagnostics } from './checker/index';
import { diagnostic, wordShown, type Diagnostic } from './diagnostics';
import { linkedFactsOf, type SlaFacts } from './linked';
import { parse, parseForDiagnostics, type ParseResult } from './parser';
import { reparse, type TextEdit } from './reparse';
import { carryOver, isReusable, movedWith } from './reuse';
import { buildScopes, type SlaScope } from './scope';
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
 * `analyze(text, options).diagnostics`, without what only the editor features and the next
 * edit read (the token list, comment spans, each item's diagnostics): `sla check`.
 */
export function diagnose(text: string, options: AnalyzeOptions = {}): Diagnostic[] {
  const parsed = parseForDiagnostics(text, options.locale);
  const scopes = buildScopes(parsed.file);
  const linked = scopes.map((scope) => linkedFactsOf(scope));
  const checked = checkItems(parsed.file, scopes, parsed.diagnostics, linked, options, undefined, false);
  return reported(parsed.diagnostics, checked.diagnostics, options);
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

/** Each analysis's item diagnostics, and their language: what the next edit may reuse (reuse.ts). */
const checkedItems = new WeakMap<Analysis, { locale: AnalyzeOptions['locale']; byItem: ItemDiagnostics }>();

function analyzeParsed(text: string, parsed: ParseResult, options: AnalyzeOptions, previous?: Analysis): Analysis {
  const carried = previous && carryOver(previous, parsed);
  const scopes = carried?.scopes ?? buildScopes(parsed.file);
  const previousItems = previous && checkedItems.get(previous);
  const plan = previousItems?.locale === options.locale ? carried?.plan : undefined;
  const linked = scopes.map((scope, i) =>
    carried?.unchanged.has(scope) ? previous!.linked[i] : linkedFactsOf(scope, plan && i === plan.sla ? { previous: previous!.linked[i], ...plan } : undefined),
  );
  const reuse: CheckReuse | undefined = plan && previousItems && {
    previous: previousItems.byItem,
    removed: plan.removed,
    keeps: (item) => isReusable(item) && !plan.fresh.has(item),
    moved: (item) => movedWith(item, plan.movedFrom),
  };
  const checked = checkItems(parsed.file, scopes, parsed.diagnostics, linked, options, reuse);
  const diagnostics = reported(parsed.diagnostics, checked.diagnostics, options);
  const analysis: Analysis = { text, parse: parsed, scopes, linked, diagnostics };
  checkedItems.set(analysis, { locale: options.locale, byItem: checked.byItem });
  return analysis;
}

/** The diagnostics an analysis reports: the parser's and the checker's, sorted, capped and worded. */
function reported(parsing: readonly Diagnostic[], checking: readonly Diagnostic[], options: AnalyzeOptions): Diagnostic[] {
  const shown = limitDiagnostics(sortDiagnostics([...parsing, ...checking]), options);
  wordShown(shown);
  return shown;
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

