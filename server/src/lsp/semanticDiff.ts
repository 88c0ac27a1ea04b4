// `sla/semanticDiff`: the semantic diff of an open contract against an earlier text of it
// (the client reads that text from git), worded as Markdown in the user's language.
import { ResponseError } from 'vscode-languageserver/node';
import { analyze, type Analysis } from '../language/analyze';
import { diffContracts } from '../lifecycle/diff';
import { diffMarkdown } from '../lifecycle/format';
import { messages, type Locale } from '../l10n/index';
import type { DocumentStore } from './documents';
import { SEMANTIC_DIFF_FAILED, type SemanticDiffParams, type SemanticDiffResult } from './protocol';

/** The errors worth naming in a refusal: enough to find them, not a flood. */
const ERRORS_SHOWN = 5;

export function semanticDiff(store: DocumentStore, params: SemanticDiffParams, locale: Locale): SemanticDiffResult {
  const { t } = messages(locale);
  if (!params || typeof params.uri !== 'string' || typeof params.previousText !== 'string') {
    throw new ResponseError(SEMANTIC_DIFF_FAILED, t('diff.badRequest'));
  }
  const current = store.analysis(params.uri);
  if (!current) throw new ResponseError(SEMANTIC_DIFF_FAILED, t('diff.notOpen', { uri: params.uri }));
  const previousName = String(params.previousName ?? 'previous');
  const currentName = String(params.currentName ?? params.uri);
  const previous = analyze(params.previousText.replace(/^\uFEFF/, ''), { locale });
  refuseErrors(previous, previousName, locale);
  refuseErrors(current, currentName, locale);
  const diff = diffContracts(previous, current);
  return {
    markdown: diffMarkdown([{ before: previousName, after: currentName, diff }], locale),
    changes: diff.changes.filter((c) => c.aspect !== 'version').length,
    versionNotBumped: diff.versions.filter((v) => v.versionNotBumped).map((v) => v.sla),
  };
}

/** A version with errors has no reliable meaning: refuse, naming the first errors. */
function refuseErrors(analysis: Analysis, name: string, locale: Locale): void {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const lines = errors.slice(0, ERRORS_SHOWN).map((d) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code}: ${d.message}`);
  throw new ResponseError(SEMANTIC_DIFF_FAILED, [messages(locale).t('diff.notParsed', { file: name }), ...lines].join('\n'));
}
