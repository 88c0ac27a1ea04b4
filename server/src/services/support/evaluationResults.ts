// What the last evaluation of a document says about each objective, for code lenses and
// diagnostics: the latest period's result in one line ("✔ 99.95% ≥ 99.9%",
// "✘ 99.2% — credit 10%") and a warning on objectives whose latest period is breached.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Objective, Sla } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import type { ObjectiveReport, Report, ResultReport } from '../../evaluation/report';
import { DIAGNOSTIC_SOURCE } from '../features/diagnostics';

export interface EvaluationSnapshot {
  report: Report;
  /** When the evaluation finished (epoch ms). */
  finishedAt: number;
}

const OP_SIGN: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** The result of the latest period that has one (the last by start). */
export function latestResult(objective: ObjectiveReport): ResultReport | undefined {
  return objective.results[objective.results.length - 1];
}

/** A number as a person writes it: at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 3): string {
  return String(Number(value.toFixed(digits)));
}

/** `≥ 99.9%`, `≤ 500ms`: the comparison as written, without the aggregate. */
function formatTarget(objective: ObjectiveReport): string {
  const t = objective.target;
  return `${OP_SIGN[t.op] ?? t.op} ${formatNumber(t.value)}${t.unit ?? ''}`;
}

/** `99.2%`, `p95 300 ms`: the attained value with the aggregate it is. */
function formatAttained(objective: ObjectiveReport, result: ResultReport): string {
  if (result.attained === null) return 'no data';
  const unit = objective.unit === '%' ? '%' : ` ${objective.unit}`;
  const aggregate = objective.target.aggregate ? `${objective.target.aggregate} ` : '';
  return `${aggregate}${formatNumber(result.attained, objective.unit === '%' ? 3 : 2)}${unit}`;
}

/** The code-lens title for an objective's latest result. */
export function resultTitle(objective: ObjectiveReport, result: ResultReport): string {
  const period = periodLabel(result);
  switch (result.status) {
    case 'met':
      return `✔ ${formatAttained(objective, result)} ${formatTarget(objective)} (${period})`;
    case 'breached':
      return `✘ ${formatAttained(objective, result)} — ${result.credit > 0 ? `credit ${formatNumber(result.credit)}%` : 'no tier applies'}; target ${formatTarget(objective)} (${period})`;
    default:
      return `○ no data (${period})`;
  }
}

/** `2026-10` for a month, the dates otherwise: from the RFC 3339 bounds. */
export function periodLabel(result: ResultReport): string {
  const start = result.start.slice(0, 10);
  const end = result.end.slice(0, 10);
  if (start.endsWith('-01') && end.endsWith('-01')) {
    const [sy, sm] = start.split('-').map(Number);
    const [ey, em] = end.split('-').map(Number);
    if ((ey * 12 + em) - (sy * 12 + sm) === 1) return start.slice(0, 7);
  }
  return `${start} – ${end}`;
}

/** The objective node of `report`'s sla named `name`, in the current text. */
export function findObjective(analysis: Analysis, report: Report, name: string): Objective | undefined {
  const sla = findSla(analysis, report);
  return sla?.items.find((item): item is Objective => item?.type === 'Objective' && item.name?.text === name);
}

export function findSla(analysis: Analysis, report: Report): Sla | undefined {
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
    const periods = breached.map(periodLabel).join(', ');
    if (latest?.status === 'breached') {
      diagnostics.push({
        range,
        severity: DiagnosticSeverity.Warning,
        source: `${DIAGNOSTIC_SOURCE} evaluation`,
        message:
          `Objective ${objectiveReport.name} breached in ${periodLabel(latest)}: ${formatAttained(objectiveReport, latest)}, target ${formatTarget(objectiveReport)}` +
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
