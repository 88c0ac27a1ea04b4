// What the last evaluation of a document says about each objective, for code lenses and
// diagnostics: the latest period's result in one line ("✔ 99.95%; target >= 99.9% (2026-10)",
// "✘ 99.2% — credit 10%") and a warning on objectives whose latest period is breached.
// Periods and attained values are worded as in every other output (evaluation/format/labels.ts).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Objective, Sla } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import type { ObjectiveReport, Report, ResultReport } from '../../evaluation/report';
import { attainedText, coverageText, periodLabel, targetText } from '../../evaluation/format/labels';
import { messages, type Locale } from '../../l10n/index';
import { formatNumber } from '../../language/numberFormat';
import { DIAGNOSTIC_SOURCE } from '../features/diagnostics';

export interface EvaluationSnapshot {
  report: Report;
  /** When the evaluation finished (epoch ms). */
  finishedAt: number;
}

/** The result of the latest period that has one (the last by start). */
export function latestResult(objective: ObjectiveReport): ResultReport | undefined {
  return objective.results[objective.results.length - 1];
}


/** `99.2%`, `p95 300 ms`: the attained value as the reports word it, with the aggregate it is. */
function formatAttained(objective: ObjectiveReport, result: ResultReport): string {
  if (result.attained === null) return 'no data';
  const aggregate = objective.target.aggregate ? `${objective.target.aggregate} ` : '';
  return `${aggregate}${attainedText(objective, result)}`;
}

/** The period of one of the objective's results, as every output words it (`2026-10`, `2026-Q4`, `week of 2026-10-05`). */
function resultPeriod(objective: ObjectiveReport, result: ResultReport): string {
  return periodLabel(objective.window, result.start, result.end);
}

/** The code-lens title for an objective's latest result. */
export function resultTitle(objective: ObjectiveReport, result: ResultReport, locale?: Locale): string {
  const { t } = messages(locale);
  // (1.1) The coverage where the indicator has `every`, and the partial-data mark.
  const coverage = coverageText(result);
  const period = result.partial ? t('codeLens.result.partial', { period: resultPeriod(objective, result), partial: t('report.partialData') }) : resultPeriod(objective, result);
  const covered = coverage === null ? '' : t('codeLens.result.coverage', { coverage: t('codeLens.coverage', { coverage }) });
  const line = { attained: formatAttained(objective, result), target: targetText(objective), coverage: covered, period };
  switch (result.status) {
    case 'met':
      return t('codeLens.result.met', line);
    case 'breached':
      return result.credit > 0 ? t('codeLens.result.breachedCredit', { ...line, credit: formatNumber(result.credit) }) : t('codeLens.result.breachedNoTier', line);
    case 'insufficient-data':
      return t('codeLens.result.insufficient', { status: t('report.status.insufficientData'), coverage: covered, period });
    default:
      return t('codeLens.result.noData', { period });
  }
}

/** The objective node of `report`'s sla named `name`, in the current text. */
function findObjective(analysis: Analysis, report: Report, name: string): Objective | undefined {
  const sla = findSla(analysis, report);
  return sla?.items.find((item): item is Objective => item?.type === 'Objective' && item.name?.text === name);
}

function findSla(analysis: Analysis, report: Report): Sla | undefined {
  return analysis.parse.file.slas.find((sla) => sla?.name?.text === report.sla);
}

/**
 * Diagnostics on objectives the last evaluation found breached: a warning when the latest
 * period is breached, information when only earlier periods are.
 */
export function evaluationDiagnostics(analysis: Analysis, snapshot: EvaluationSnapshot | undefined): LspDiagnostic[] {
  if (!snapshot) return [];
  const diagnostics: LspDiagnostic[] = [];
  for (const objectiveReport of snapshot.report.objectives) {
    const breached = objectiveReport.results.filter((r) => r.status === 'breached');
    if (breached.length === 0) continue;
    const node = findObjective(analysis, snapshot.report, objectiveReport.name);
    if (!node) continue;
    const range = (node.name ?? node.keyword).range;
    const latest = latestResult(objectiveReport);
    const periods = breached.map((r) => resultPeriod(objectiveReport, r)).join(', ');
    if (latest?.status === 'breached') {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Warning,
        source: `${DIAGNOSTIC_SOURCE} evaluation`,
        message:
          `Objective ${objectiveReport.name} breached in ${resultPeriod(objectiveReport, latest)}: ${formatAttained(objectiveReport, latest)}, target ${targetText(objectiveReport)}` +
          (latest.credit > 0 ? `; credit ${formatNumber(latest.credit)}%` : '') +
          (breached.length > 1 ? `. Breached periods: ${periods}.` : '.'),
      });
    } else {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Information,
        source: `${DIAGNOSTIC_SOURCE} evaluation`,
        message: `Objective ${objectiveReport.name} was breached in ${breached.length} earlier period${breached.length === 1 ? '' : 's'}: ${periods}; met in the latest.`,
      });
    }
  }
  return diagnostics;
}
