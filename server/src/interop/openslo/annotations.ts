// The `metadata.annotations` keys our export writes and our import reads back: what OpenSLO
// cannot say (credits, schedules, maintenance, parties, …), so that nothing is lost and a
// round trip keeps it. Values are plain strings; clauses are kept in SLA syntax.
const PREFIX = 'sla.openslo.io/';

export const ANNOTATION = {
  /** On the contract's Service: the `sla` name (marks that document as the contract). */
  sla: `${PREFIX}sla`,
  version: `${PREFIX}version`,
  provider: `${PREFIX}provider`,
  customer: `${PREFIX}customer`,
  timezone: `${PREFIX}timezone`,
  /** Contract items as written after their keyword: `2026-01-01 to 2026-12-31`, `12000 CNY per month`, … */
  effective: `${PREFIX}effective`,
  fee: `${PREFIX}fee`,
  reporting: `${PREFIX}reporting`,
  review: `${PREFIX}review`,
  /** Whole blocks in SLA syntax. */
  schedules: `${PREFIX}schedules`,
  maintenance: `${PREFIX}maintenance`,
  credits: `${PREFIX}credits`,
  responsibilities: `${PREFIX}responsibilities`,
  support: `${PREFIX}support`,
  /** Objectives OpenSLO cannot say (with their compensation clauses), in SLA syntax. */
  objectives: `${PREFIX}objectives`,
  /** On a Service, SLI or SLO: the name in the contract (OpenSLO names are lower-case ASCII). */
  service: `${PREFIX}service`,
  indicator: `${PREFIX}indicator`,
  objective: `${PREFIX}objective`,
  includes: `${PREFIX}includes`,
  excludes: `${PREFIX}excludes`,
  /** On an SLI: its `kind` and written `unit`. */
  kind: `${PREFIX}kind`,
  unit: `${PREFIX}unit`,
  /** On an SLO: the target as written (`p95 <= 500ms`), `during`, `excluding` and the compensation tiers. */
  target: `${PREFIX}target`,
  during: `${PREFIX}during`,
  excluding: `${PREFIX}excluding`,
  compensation: `${PREFIX}compensation`,
  /** (1.1) On the contract's Service: the `reviewed` date. */
  reviewed: `${PREFIX}reviewed`,
  /** (1.1) On an SLI: `every` as written (`1h`), and `down` for `missing down` (`counters` is ratioMetric.counter). */
  every: `${PREFIX}every`,
  missing: `${PREFIX}missing`,
  /** (1.1) On an SLO: `coverage` as written (`90%`); OpenSLO has no field for it. */
  coverage: `${PREFIX}coverage`,
  /** A description longer than OpenSLO's 1,050 characters, whole. */
  description: `${PREFIX}description`,
  /** On the AlertPolicies the export derives (burn rates): the import drops them. */
  generated: `${PREFIX}generated`,
} as const;

/** OpenSLO `spec.description` holds at most this many characters. */
export const DESCRIPTION_MAX = 1050;
