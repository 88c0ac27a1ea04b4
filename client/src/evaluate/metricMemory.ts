// Metric files remembered per workspace (in `workspaceState`): for each contract the files it
// was last evaluated with, and the last files used in the workspace as a fallback for a
// contract never evaluated before. Pure: works on any Memento-like store.

export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'sla.metricFiles';
/** Bounds the stored map so that a long-lived workspace does not grow it without end. */
const MAX_CONTRACTS = 50;

interface Remembered {
  /** Contract URI → absolute metric file paths, most recently used last. */
  byContract: Record<string, string[]>;
  last: string[];
}

function load(store: StateStore): Remembered {
  const value = store.get<Remembered>(KEY);
  if (!value || typeof value !== 'object' || !Array.isArray(value.last)) return { byContract: {}, last: [] };
  return { byContract: value.byContract ?? {}, last: value.last };
}

/**
 * The files to offer for `contractUri`: its own, else the workspace's last ones, keeping only
 * those that still exist. Empty when nothing usable is remembered.
 */
export function rememberedMetricFiles(store: StateStore, contractUri: string, exists: (file: string) => boolean): string[] {
  const remembered = load(store);
  const own = remembered.byContract[contractUri];
  const candidates = own && own.length > 0 ? own : remembered.last;
  return candidates.filter((f) => typeof f === 'string' && exists(f));
}

export async function rememberMetricFiles(store: StateStore, contractUri: string, files: readonly string[]): Promise<void> {
  const remembered = load(store);
  const byContract = { ...remembered.byContract };
  delete byContract[contractUri];
  byContract[contractUri] = [...files];
  const keys = Object.keys(byContract);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_CONTRACTS))) delete byContract[old];
  await store.update(KEY, { byContract, last: [...files] } satisfies Remembered);
}

/** What `WorkspaceConfiguration.inspect('sla.metrics')` returns, reduced to what matters here. */
export interface MetricsSettingLevels {
  globalValue?: readonly string[];
  workspaceValue?: readonly string[];
  workspaceFolderValue?: readonly string[];
}

export interface EffectiveMetricsSetting {
  patterns: string[];
  /** True when the workspace set `sla.metrics` but Restricted Mode ignored it. */
  ignoredWorkspaceValue: boolean;
}

/**
 * The `sla.metrics` patterns to use. In an untrusted workspace only the user's own value
 * counts: a workspace must not choose which files of the machine evaluation reads.
 */
export function effectiveMetricPatterns(levels: MetricsSettingLevels | undefined, trusted: boolean): EffectiveMetricsSetting {
  const clean = (v: readonly string[] | undefined) =>
    Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : undefined;
  const folder = clean(levels?.workspaceFolderValue);
  const workspace = clean(levels?.workspaceValue);
  const user = clean(levels?.globalValue) ?? [];
  if (trusted) return { patterns: folder ?? workspace ?? user, ignoredWorkspaceValue: false };
  return { patterns: user, ignoredWorkspaceValue: (folder ?? workspace ?? []).length > 0 };
}
