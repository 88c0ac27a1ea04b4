// Diagnostics produced by the core (parser and checker). Plain data: the LSP layer and the
// CLI translate them into their own shapes.
import type { Range } from './ast';

export type Severity = 'error' | 'warning' | 'information';

export interface Diagnostic {
  /** `SLA001` … `SLA504` (LANGUAGE.md section 4). */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Machine-readable facts for quick fixes, e.g. `{ suggestion: 'probe' }`. */
  data?: Record<string, unknown>;
}

/** The severity LANGUAGE.md section 4 fixes for each code. */
export const SEVERITY_OF: Readonly<Record<string, Severity>> = {
  SLA001: 'error',
  SLA002: 'error',
  SLA004: 'information',
  SLA100: 'error',
  SLA101: 'error',
  SLA102: 'error',
  SLA103: 'error',
  SLA200: 'error',
  SLA201: 'error',
  SLA202: 'error',
  SLA203: 'error',
  SLA204: 'error',
  SLA205: 'error',
  SLA206: 'error',
  SLA207: 'error',
  SLA208: 'warning',
  SLA209: 'warning',
  SLA210: 'error',
  SLA300: 'warning',
  SLA301: 'error',
  SLA302: 'error',
  SLA303: 'warning',
  SLA304: 'warning',
  SLA305: 'error',
  SLA306: 'error',
  SLA307: 'warning',
  SLA308: 'warning',
  SLA309: 'warning',
  SLA310: 'error',
  SLA400: 'error',
  SLA401: 'error',
  SLA402: 'error',
  SLA500: 'warning',
  SLA501: 'warning',
  SLA502: 'warning',
  SLA503: 'information',
  SLA504: 'warning',
};

export function diagnostic(code: string, range: Range, message: string, data?: Record<string, unknown>): Diagnostic {
  const severity = SEVERITY_OF[code];
  if (!severity) throw new Error(`unknown diagnostic code ${code}`);
  return data ? { code, severity, message, range, data } : { code, severity, message, range };
}
