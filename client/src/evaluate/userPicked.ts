// Which metric files of an evaluation the user chose himself, sent to the server as
// `userPicked`: those may lie outside the workspace folders. Files from the workspace's own
// `sla.metrics` setting are not (the server then reads only what lies inside the folders).
// Pure (no `vscode` import).
import type { MetricsSettingLevels } from './metricMemory';

/** Where an evaluation's metric files came from. */
export type MetricSource = 'argument' | 'setting' | 'remembered' | 'dialog';

/** The metric files of an evaluation and where they came from. */
export interface MetricChoice {
  /** Absolute paths. */
  files: string[];
  source: MetricSource;
  /** With source `setting`: whether the value was the user's own, not the workspace's. */
  fromUserSettings?: boolean;
}

/** Whether the `sla.metrics` value in effect is the user's own (user settings), not the workspace's. */
export function metricsSettingIsUsers(levels: MetricsSettingLevels | undefined, trusted: boolean): boolean {
  if (!trusted) return true; // Restricted Mode ignores the workspace's value (effectiveMetricPatterns)
  const set = (v: readonly string[] | undefined) => Array.isArray(v) && v.some((p) => typeof p === 'string' && p.trim() !== '');
  return !set(levels?.workspaceFolderValue) && !set(levels?.workspaceValue);
}

/**
 * The files of `choice` the user chose: from the open dialog, remembered from it, given as a
 * command argument, or from his user settings; none from a workspace setting.
 */
export function userPickedMetrics(choice: MetricChoice): string[] {
  if (choice.source === 'setting' && !choice.fromUserSettings) return [];
  return [...choice.files];
}
