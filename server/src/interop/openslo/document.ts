// The OpenSLO v1 documents we write and read, as plain data (YAML is made at the edge).
export const API_VERSION = 'openslo/v1';

export interface OpenSloMetadata {
  name: string;
  displayName?: string;
  annotations?: Record<string, string>;
}

export interface OpenSloDocument {
  apiVersion: typeof API_VERSION;
  kind: 'Service' | 'SLI' | 'SLO' | 'AlertPolicy';
  metadata: OpenSloMetadata;
  spec: Record<string, unknown>;
}

/** The multi-window, multi-burn-rate alerts of the Google SRE workbook (chapter 5). */
export const BURN_RATE_ALERTS = [
  { name: 'page-1h', severity: 'page', threshold: 14.4, lookbackWindow: '1h', alertAfter: '5m' },
  { name: 'page-6h', severity: 'page', threshold: 6, lookbackWindow: '6h', alertAfter: '30m' },
  { name: 'ticket-3d', severity: 'ticket', threshold: 1, lookbackWindow: '3d', alertAfter: '6h' },
] as const;

/** Calendar periods and OpenSLO window durations, both ways. */
export const CALENDAR_DURATION = { day: '1d', week: '1w', month: '1M', quarter: '1Q', year: '1Y' } as const;

/** OpenSLO duration units of fixed length, in milliseconds, longest first. */
export const FIXED_DURATION_MS: readonly [unit: 'w' | 'd' | 'h' | 'm', ms: number][] = [
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
];
