// The diagnostic codes of LANGUAGE.md section 4: one table of code, severity and title, for
// the parser and checker (which may only name a code listed here), SARIF rules, the README
// reference and LSP `codeDescription` links.
export type Severity = 'error' | 'warning' | 'information';

interface CodeEntry {
  severity: Severity;
  /** One line, for SARIF `shortDescription` and the README reference. */
  title: string;
}

const CODE_TABLE = {
  SLA001: { severity: 'error', title: 'Syntax error' },
  SLA002: { severity: 'error', title: 'Invalid literal: impossible date or time, bad escape, unknown unit' },
  SLA003: { severity: 'warning', title: 'Full-width punctuation read as its ASCII form' },
  SLA004: { severity: 'information', title: 'More than 1,000 diagnostics in one file: the rest are not shown' },
  SLA100: { severity: 'error', title: 'A name is defined twice in one sla' },
  SLA101: { severity: 'error', title: 'A reference names nothing defined' },
  SLA102: { severity: 'error', title: 'A reference names the wrong sort of thing' },
  SLA103: { severity: 'error', title: 'An item that may appear once appears twice' },
  SLA200: { severity: 'error', title: 'Objective without target' },
  SLA201: { severity: 'error', title: 'Objective without indicator' },
  SLA202: { severity: 'error', title: "Target's unit does not fit the indicator's kind" },
  SLA203: { severity: 'error', title: 'Percentage outside 0–100' },
  SLA204: { severity: 'error', title: 'Objective without window' },
  SLA205: { severity: 'error', title: 'Indicator bound to no data, or to both metric and ratio' },
  SLA206: { severity: 'error', title: 'Indicator without kind, or an unknown kind' },
  SLA207: { severity: 'error', title: 'Aggregate missing or not allowed for the kind' },
  SLA208: { severity: 'warning', title: 'Target leaves no error budget (100% availability or 0% error rate)' },
  SLA209: { severity: 'warning', title: 'Comparator points the unusual way for the kind' },
  SLA210: { severity: 'error', title: 'Indicator unit does not fit its kind' },
  SLA214: { severity: 'error', title: 'Indicator `every` not above 0' },
  SLA300: { severity: 'warning', title: 'Objective with no compensation clause' },
  SLA301: { severity: 'error', title: 'Tier direction does not fit the target' },
  SLA302: { severity: 'error', title: "Tier threshold's unit does not fit the objective's target" },
  SLA303: { severity: 'warning', title: 'Tier threshold is not a breach' },
  SLA304: { severity: 'warning', title: 'A more severe tier pays no more than a milder one' },
  SLA305: { severity: 'error', title: 'Two tiers with the same threshold' },
  SLA306: { severity: 'error', title: 'Credit not above 0%' },
  SLA307: { severity: 'warning', title: 'Cap below the largest tier credit' },
  SLA308: { severity: 'warning', title: 'Compensation for an objective with a rolling window' },
  SLA309: { severity: 'warning', title: 'Compensation clauses but no claim period' },
  SLA310: { severity: 'error', title: 'Compensation clause with no tiers' },
  SLA400: { severity: 'error', title: 'Time range whose end is not after its start' },
  SLA401: { severity: 'error', title: 'Unknown time zone' },
  SLA402: { severity: 'error', title: 'Effective end before its start' },
  SLA500: { severity: 'warning', title: 'No provider or no customer' },
  SLA501: { severity: 'warning', title: 'No version' },
  SLA502: { severity: 'warning', title: 'No reporting clause' },
  SLA503: { severity: 'information', title: 'No review cadence' },
  SLA504: { severity: 'warning', title: 'sla with no objectives' },
} as const satisfies Record<`SLA${number}`, CodeEntry>;

/** A code of LANGUAGE.md section 4 that this implementation reports. */
export type DiagnosticCode = keyof typeof CODE_TABLE;

export interface CodeInfo extends CodeEntry {
  code: DiagnosticCode;
  /** Where the README documents the code (LSP `codeDescription`, SARIF `helpUri`). */
  href: string;
}

/** The README's reference of codes; each code has an anchor in it. */
export const REFERENCE_URL = 'https://github.com/sla-language-tools/sla-language-tools';

/** Every code, in the order of LANGUAGE.md section 4. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = Object.keys(CODE_TABLE) as DiagnosticCode[];

const INFO = Object.fromEntries(
  DIAGNOSTIC_CODES.map((code) => [code, Object.freeze({ code, ...CODE_TABLE[code], href: `${REFERENCE_URL}#${code.toLowerCase()}` })]),
) as Readonly<Record<DiagnosticCode, CodeInfo>>;

export function codeInfo(code: DiagnosticCode): CodeInfo {
  return INFO[code];
}
