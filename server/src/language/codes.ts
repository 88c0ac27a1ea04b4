// One-line titles of the diagnostic codes (LANGUAGE.md section 4), for SARIF rules,
// the README reference and hovers.
export const CODE_TITLES: Readonly<Record<string, string>> = {
  SLA001: 'Syntax error',
  SLA002: 'Invalid literal: impossible date or time, bad escape, unknown unit',
  SLA004: 'More than 1,000 diagnostics in one file: the rest are not shown',
  SLA100: 'A name is defined twice in one sla',
  SLA101: 'A reference names nothing defined',
  SLA102: 'A reference names the wrong sort of thing',
  SLA103: 'An item that may appear once appears twice',
  SLA200: 'Objective without target',
  SLA201: 'Objective without indicator',
  SLA202: "Target's unit does not fit the indicator's kind",
  SLA203: 'Percentage outside 0–100',
  SLA204: 'Objective without window',
  SLA205: 'Indicator bound to no data, or to both metric and ratio',
  SLA206: 'Indicator without kind, or an unknown kind',
  SLA207: 'Aggregate missing or not allowed for the kind',
  SLA208: 'Target leaves no error budget (100% availability or 0% error rate)',
  SLA209: 'Comparator points the unusual way for the kind',
  SLA210: "Indicator unit does not fit its kind",
  SLA300: 'Objective with no compensation clause',
  SLA301: 'Tier direction does not fit the target',
  SLA302: "Tier threshold's unit does not fit the objective's target",
  SLA303: 'Tier threshold is not a breach',
  SLA304: 'A more severe tier pays no more than a milder one',
  SLA305: 'Two tiers with the same threshold',
  SLA306: 'Credit not above 0%',
  SLA307: 'Cap below the largest tier credit',
  SLA308: 'Compensation for an objective with a rolling window',
  SLA309: 'Compensation clauses but no claim period',
  SLA310: 'Compensation clause with no tiers',
  SLA400: 'Time range whose end is not after its start',
  SLA401: 'Unknown time zone',
  SLA402: 'Effective end before its start',
  SLA500: 'No provider or no customer',
  SLA501: 'No version',
  SLA502: 'No reporting clause',
  SLA503: 'No review cadence',
  SLA504: 'sla with no objectives',
};

/** Where the README documents a code (LSP `codeDescription`, SARIF `helpUri`). */
export const REFERENCE_URL = 'https://github.com/sla-language-tools/sla-language-tools#';

export function codeHref(code: string): string {
  return REFERENCE_URL + code.toLowerCase();
}
