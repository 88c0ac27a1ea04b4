// The Prometheus server of "Evaluate Contract": the `sla.prometheus.url` setting as it may
// be used (a workspace value only in a trusted workspace: evaluation sends the user's
// token to that address), and where its token is kept in VS Code's secret storage (one
// per server origin, so a token is only ever sent to the server it was entered for).
// Pure: no vscode import, tested on its own.

export const PROMETHEUS_URL_SETTING = 'prometheus.url';
const TOKEN_KEY_PREFIX = 'sla.prometheus.token:';

/** What `WorkspaceConfiguration.inspect('sla.prometheus.url')` returns, reduced to what matters here. */
export interface UrlSettingLevels {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface EffectiveUrl {
  /** The address to use, or undefined when none is set (or only an ignored workspace value). */
  url: string | undefined;
  /** True when the workspace set an address but Restricted Mode ignored it. */
  ignoredWorkspaceValue: boolean;
}

export function effectivePrometheusUrl(levels: UrlSettingLevels | undefined, trusted: boolean): EffectiveUrl {
  const clean = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const workspace = clean(levels?.workspaceFolderValue) ?? clean(levels?.workspaceValue);
  const user = clean(levels?.globalValue);
  if (trusted) return { url: workspace ?? user, ignoredWorkspaceValue: false };
  return { url: user, ignoredWorkspaceValue: workspace !== undefined && workspace !== user };
}

/** Why an address cannot be used (worded in the user's language by prometheusSource.ts). */
export type UrlProblem = 'not-a-url' | 'scheme' | 'credentials' | 'query';

/** Why an address cannot be used, or undefined when it looks right. */
export function urlProblem(url: string): UrlProblem | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'not-a-url';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'scheme';
  if (parsed.username || parsed.password) return 'credentials';
  if (parsed.search || parsed.hash) return 'query';
  return undefined;
}

/** The secret-storage key of the token for a server: one per origin (scheme, host, port). */
export function tokenKey(url: string): string {
  let origin: string;
  try {
    origin = new URL(url.trim()).origin;
  } catch {
    origin = url.trim();
  }
  return `${TOKEN_KEY_PREFIX}${origin}`;
}
