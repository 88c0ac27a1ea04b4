// What the last evaluation of a document says about each objective, for code lenses and
// diagnostics: the latest period's result in one line ("✔ 99.95%; target >= 99.9% (2026-10)",
// "✘ 99.2% — credit 10%") and a warning on objectives whose latest period is breached.
// Periods and attained values are worded as in every other output (evaluation/format/labels.ts).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Objective, Sla } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import type { ObjectiveReport, Report, ResultReport } from '../../evaluation/report';
import { attainedText, coverageText, periodLabel, targetText } from '../../evaluation/format/labels';
import { messages, type Locale, type Messages } from '../../l10n/index';
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
function formatAttained(objective: ObjectiveReport, result: ResultReport, { t }: Messages): string {
  if (result.attained === null) return t('codeLens.result.noAttained');
  const aggregate = objective.target.aggregate ? `${objective.target.aggregate} ` : '';
  return `${aggregate}${attainedText(objective, result)}`;
}

/** The period of one of the objective's results, as every output words it (`2026-10`, `2026-Q4`, `week of 2026-10-05`). */
function resultPeriod(objective: ObjectiveReport, result: ResultReport, locale: Locale): string {
  return periodLabel(objective.window, result.start, result.end, locale);
}

/** The code-lens title for an objective's latest result. */
export function resultTitle(objective: ObjectiveReport, result: ResultReport, locale?: Locale): string {
  const text = messages(locale);
  const { t } = text;
  // (1.1) The coverage where the indicator has `every`, and the partial-data mark.
  const coverage = coverageText(result);
  const period = result.partial ? t('codeLens.result.partial', { period: resultPeriod(objective, result, text.locale), partial: t('report.partialData') }) : resultPeriod(objective, result, text.locale);
  const covered = coverage === null ? '' : t('codeLens.result.coverage', { coverage: t('codeLens.coverage', { coverage }) });
  const line = { attained: formatAttained(objective, result, text), target: targetText(objective), coverage: covered, period };
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
export function evaluationDiagnostics(analysis: Analysis, snapshot: EvaluationSnapshot | undefined, locale?: Locale): LspDiagnostic[] {
  if (!snapshot) return [];
  const text = messages(locale);
  const { t } = text;
  const diagnostics: LspDiagnostic[] = [];
  for (const objectiveReport of snapshot.report.objectives) {
    const breached = objectiveReport.results.filter((r) => r.status === 'breached');
    if (breached.length === 0) continue;
    const node = findObjective(analysis, snapshot.report, objectiveReport.name);
    if (!node) continue;
    const range = (node.name ?? node.keyword).range;
    const latest = latestResult(objectiveReport);
    const periods = breached.map((r) => resultPeriod(objectiveReport, r, text.locale)).join(', ');
    if (latest?.status === 'breached') {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Warning,
        source: `${DIAGNOSTIC_SOURCE} evaluation`,
        message: breachMessage(objectiveReport, latest, breached.length > 1 ? periods : undefined, text),
      });
    } else {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Information,
        source: `${DIAGNOSTIC_SOURCE} evaluation`,
        message: t(breached.length === 1 ? 'resultDiagnostic.breachedEarlierOne' : 'resultDiagnostic.breachedEarlier', { objective: objectiveReport.name, count: breached.length, periods }),
      });
    }
  }
  return diagnostics;
}

/** The warning on an objective whose latest period is breached; `periods` lists every breached one when there are several. */
function breachMessage(objective: ObjectiveReport, latest: ResultReport, periods: string | undefined, text: Messages): string {
  const { t } = text;
  const facts = { objective: objective.name, period: resultPeriod(objective, latest, text.locale), attained: formatAttained(objective, latest, text), target: targetText(objective) };
  const credit = formatNumber(latest.credit);
  if (latest.credit > 0) {
    return periods === undefined ? t('resultDiagnostic.breachedCredit', { ...facts, credit }) : t('resultDiagnostic.breachedCreditPeriods', { ...facts, credit, periods });
  }
  return periods === undefined ? t('resultDiagnostic.breached', facts) : t('resultDiagnostic.breachedPeriods', { ...facts, periods });
}
