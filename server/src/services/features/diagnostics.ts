// Core diagnostics in LSP shape: severity numbers, `source`, and a link from each code to
// its entry in the README's reference (`codeDescription`).
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic } from '../../language/diagnostics';
import { codeInfo } from '../../language/codes';

export const DIAGNOSTIC_SOURCE = 'sla';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Error,
    code: diagnostic.code,
    codeDescription: { href: codeInfo(diagnostic.code).href },
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.data) converted.data = diagnostic.data;
  return converted;
}
