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

/** What a diagnostic made by `diagnosticWordedLater` says, worked out when it is shown. */
export type Wording = () => { message: string; data?: Record<string, unknown> };

const wordings = new WeakMap<Diagnostic, Wording>();

/**
 * A diagnostic whose message and data are worked out only if it is shown, once the list is
 * capped (LANGUAGE.md SLA004: `wordShown`); until then its message is empty. For what is
 * costly to word and may come by the thousand: a "did you mean" among thousands of names.
 */
export function diagnosticWordedLater(code: DiagnosticCode, range: Range, wording: Wording): Diagnostic {
  const made = diagnostic(code, range, '');
  wordings.set(made, wording);
  return made;
}

/** Words, in place, those of `shown` that `diagnosticWordedLater` made. */
export function wordShown(shown: readonly Diagnostic[]): void {
  for (const made of shown) {
    const wording = wordings.get(made);
    if (wording === undefined) continue;
    wordings.delete(made);
    const { message, data } = wording();
    made.message = message;
    if (data) made.data = data;
  }
}
