// The arguments of "SLA: Evaluate Contract" and "SLA: Set Prometheus Token" as callers pass
// them (code lens, report panel, keybindings, extension-host tests). Menus pass other
// things (the explorer its selection, the editor title `{ groupId }`): only known,
// well-typed keys are taken. Pure: no vscode import, tested on its own.

/** Options a caller may pass to "Evaluate Contract" (2nd argument, or keys of a `{ uri, … }` 1st one). */
export interface EvaluateCommandOptions {
  /** Metric files (absolute, or relative to the workspace folder): skips every prompt. */
  metrics?: string[];
  /** Name of the `sla` block; without it the user picks when the file has several. */
  sla?: string;
  /** Ask for metric files even when `sla.metrics` or remembered files exist. */
  chooseFiles?: boolean;
  /** Query this Prometheus server instead of reading metric files (no prompt). */
  prometheus?: string;
  /**
   * Where the samples come from, without the quick pick: 'prometheus' the server of the
   * `sla.prometheus.url` setting (with its stored token), 'files' metric files.
   */
  source?: 'prometheus' | 'files';
  /** Show the report webview (default true). */
  showReport?: boolean;
}

/**
 * Options from the arguments: a `{ uri, sla, … }` first argument (code lens), a string
 * second argument (the `sla` name) or an options object. `isUri` tells a Uri first argument
 * (the contract, not options) apart.
 */
export function commandOptions(first: unknown, second: unknown, isUri: (value: unknown) => boolean): EvaluateCommandOptions {
  const options: EvaluateCommandOptions = {};
  const take = (source: Record<string, unknown>) => {
    if (typeof source.sla === 'string' && source.sla !== '') options.sla = source.sla;
    if (Array.isArray(source.metrics) && source.metrics.every((m) => typeof m === 'string')) options.metrics = source.metrics;
    if (typeof source.chooseFiles === 'boolean') options.chooseFiles = source.chooseFiles;
    if (typeof source.prometheus === 'string' && source.prometheus !== '') options.prometheus = source.prometheus;
    if (source.source === 'prometheus' || source.source === 'files') options.source = source.source;
    if (typeof source.showReport === 'boolean') options.showReport = source.showReport;
  };
  if (first && typeof first === 'object' && !isUri(first)) take(first as Record<string, unknown>);
  if (typeof second === 'string' && second !== '') options.sla = second;
  else if (second && typeof second === 'object' && !Array.isArray(second)) take(second as Record<string, unknown>);
  return options;
}

/** The token passed to "Set Prometheus Token" (a keybinding's `args`, a test): a string, else undefined (ask). */
export function tokenArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' ? arg : undefined;
}
