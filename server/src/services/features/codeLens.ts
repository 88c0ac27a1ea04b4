// Code lenses above each objective: "Evaluate" (runs the client's evaluate command on this
// document) and, once the document has been evaluated, the latest period's result.
import type { CodeLens } from 'vscode-languageserver-types';
import type { Objective } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { latestResult, resultTitle, type EvaluationSnapshot } from '../support/evaluationResults';
import { DEFAULT_LOCALE, messages, type Locale } from '../../l10n/index';
import { reviewLenses } from './reviewLenses';

/** The client command the "Evaluate" lens runs, with the document URI as argument. */
const EVALUATE_COMMAND = 'sla.evaluateContract';

export function codeLenses(analysis: Analysis, uri: string, snapshot?: EvaluationSnapshot, locale: Locale = DEFAULT_LOCALE): CodeLens[] {
  const { t } = messages(locale);
  const lenses: CodeLens[] = [];
  for (const sla of analysis.parse.file.slas ?? []) {
    if (!sla) continue;
    const report = snapshot && snapshot.report.sla === sla.name?.text ? snapshot.report : undefined;
    for (const item of sla.items ?? []) {
      if (item?.type !== 'Objective') continue;
      const objective = item as Objective;
      const range = objective.keyword.range;
      lenses.push({ range, command: { title: t('codeLens.evaluate'), command: EVALUATE_COMMAND, arguments: [uri] } });
      const evaluated = report?.objectives.find((o) => o.name === objective.name?.text);
      const latest = evaluated && latestResult(evaluated);
      if (evaluated && latest) {
        // No command: the lens is a label (VS Code shows a lens with an empty command as text).
        lenses.push({ range, command: { title: resultTitle(evaluated, latest, locale), command: '' } });
      }
    }
  }
  lenses.push(...reviewLenses(analysis, uri, locale));
  return lenses;
}
