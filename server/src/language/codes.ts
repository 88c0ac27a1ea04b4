// The diagnostic codes of LANGUAGE.md section 4: one table of code and severity, for the
// parser and checker (which may only name a code listed here), SARIF rules, the README
// reference and LSP `codeDescription` links. Each code's one-line title is in the message
// catalogue (`code.SLAxxx.title`): English for the README, the user's language in SARIF.
import { messages, type Locale, type MessageId } from '../l10n/index';

export type Severity = 'error' | 'warning' | 'information';

interface CodeEntry {
  severity: Severity;
}

const CODE_TABLE = {
  SLA001: { severity: 'error' },
  SLA002: { severity: 'error' },
  SLA003: { severity: 'warning' },
  SLA004: { severity: 'information' },
  SLA100: { severity: 'error' },
  SLA101: { severity: 'error' },
  SLA102: { severity: 'error' },
  SLA103: { severity: 'error' },
  SLA200: { severity: 'error' },
  SLA201: { severity: 'error' },
  SLA202: { severity: 'error' },
  SLA203: { severity: 'error' },
  SLA204: { severity: 'error' },
  SLA205: { severity: 'error' },
  SLA206: { severity: 'error' },
  SLA207: { severity: 'error' },
  SLA208: { severity: 'warning' },
  SLA209: { severity: 'warning' },
  SLA210: { severity: 'error' },
  SLA211: { severity: 'error' },
  SLA212: { severity: 'error' },
  SLA213: { severity: 'error' },
  SLA214: { severity: 'error' },
  SLA300: { severity: 'warning' },
  SLA301: { severity: 'error' },
  SLA302: { severity: 'error' },
  SLA303: { severity: 'warning' },
  SLA304: { severity: 'warning' },
  SLA305: { severity: 'error' },
  SLA306: { severity: 'error' },
  SLA307: { severity: 'warning' },
  SLA308: { severity: 'warning' },
  SLA309: { severity: 'warning' },
  SLA310: { severity: 'error' },
  SLA311: { severity: 'warning' },
  SLA312: { severity: 'warning' },
  SLA400: { severity: 'error' },
  SLA401: { severity: 'error' },
  SLA402: { severity: 'error' },
  SLA404: { severity: 'error' },
  SLA405: { severity: 'warning' },
  SLA406: { severity: 'warning' },
  SLA500: { severity: 'warning' },
  SLA501: { severity: 'warning' },
  SLA502: { severity: 'warning' },
  SLA503: { severity: 'information' },
  SLA504: { severity: 'warning' },
  SLA505: { severity: 'warning' },
} as const satisfies Record<`SLA${number}`, CodeEntry>;

/** A code of LANGUAGE.md section 4 that this implementation reports. */
export type DiagnosticCode = keyof typeof CODE_TABLE;

export interface CodeInfo extends CodeEntry {
  code: DiagnosticCode;
  /** One line in English, for the README reference (codeTitle words it in a locale). */
  title: string;
  /** Where the README documents the code (LSP `codeDescription`, SARIF `helpUri`). */
  href: string;
}

/** The README's reference of codes; each code has an anchor in it. */
export const REFERENCE_URL = 'https://github.com/sla-language-tools/sla-language-tools';

/** Every code, in the order of LANGUAGE.md section 4. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = Object.keys(CODE_TABLE) as DiagnosticCode[];

/** The catalogue id of a code's title; a code without one does not compile. */
function titleId(code: DiagnosticCode): MessageId & `code.${DiagnosticCode}.title` {
  return `code.${code}.title`;
}

/** A code's one-line title in `locale` (SARIF `shortDescription`). */
export function codeTitle(code: DiagnosticCode, locale?: Locale): string {
  return messages(locale).t(titleId(code));
}

const INFO = Object.fromEntries(
  DIAGNOSTIC_CODES.map((code) => [code, Object.freeze({ code, ...CODE_TABLE[code], title: codeTitle(code), href: `${REFERENCE_URL}#${code.toLowerCase()}` })]),
) as Readonly<Record<DiagnosticCode, CodeInfo>>;

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return INFO[code];
}
