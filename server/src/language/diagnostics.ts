// Diagnostics produced by the core (parser and checker). Plain data: the LSP layer and the
// CLI translate them into their own shapes.
import type { Range } from './ast';
import { codeInfo, type DiagnosticCode, type Severity } from './codes';

export type { DiagnosticCode, Severity } from './codes';

export interface Diagnostic {
  /** `SLA001` … `SLA504` (LANGUAGE.md section 4). */
  code: DiagnosticCode;
  /** The severity LANGUAGE.md section 4 fixes for the code. */
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable facts for quick fixes, e.g. `{ suggestion: 'probe' }`. */
  data?: Record<string, unknown>;
}

export function diagnostic(code: DiagnosticCode, range: Range, message: string, data?: Record<string, unknown>): Diagnostic {
  const { severity } = codeInfo(code);
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
