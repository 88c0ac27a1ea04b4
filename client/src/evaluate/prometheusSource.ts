// The Prometheus source in VS Code: the `sla.prometheus.url` setting (user or, in a trusted
// workspace, workspace), its token in the secret storage ("SLA: Set Prometheus Token"),
// and the choice between the server and metric files offered by "Evaluate Contract".
import * as vscode from 'vscode';
import type { PrometheusParams } from '../../../server/src/lsp/protocol';
import { PROMETHEUS_URL_SETTING, effectivePrometheusUrl, tokenKey, urlProblem } from './prometheusSetting';
import { sealToken } from './tokenSealing';

const LAST_SOURCE_KEY = 'sla.evaluateSource';

/** Shown once per session: the workspace's sla.prometheus.url is not used in Restricted Mode. */
let restrictedNoticeShown = false;

/** The Prometheus address to offer for a contract, if one is set and may be used. */
export function configuredPrometheusUrl(contract: vscode.Uri | undefined): string | undefined {
  const levels = vscode.workspace.getConfiguration('sla', contract).inspect<string>(PROMETHEUS_URL_SETTING);
  const { url, ignoredWorkspaceValue } = effectivePrometheusUrl(levels, vscode.workspace.isTrusted);
  if (ignoredWorkspaceValue && !restrictedNoticeShown) {
    restrictedNoticeShown = true;
    void vscode.window.showInformationMessage(
      "This workspace's sla.prometheus.url setting is not used in Restricted Mode (your token would be sent there): set it in your user settings, or trust the workspace.",
    );
  }
  return url;
}

/**
 * Prometheus or metric files? Asked with a quick pick whose first item is the source used
 * last in this workspace. Undefined when the user cancelled.
 */
export async function pickSource(url: string, contractName: string, state: vscode.Memento): Promise<'prometheus' | 'files' | undefined> {
  const prometheus: vscode.QuickPickItem = { label: '$(server) Prometheus', description: url, detail: 'Query the server: metric strings are series selectors' };
  const files: vscode.QuickPickItem = { label: '$(file) Metric files…', detail: 'CSV or Prometheus JSON files' };
  const items = state.get<string>(LAST_SOURCE_KEY) === 'files' ? [files, prometheus] : [prometheus, files];
  const answer = await vscode.window.showQuickPick(items, { title: `Evaluate ${contractName}`, placeHolder: 'Where the samples come from' });
  if (!answer) return undefined;
  const source = answer === prometheus ? 'prometheus' : 'files';
  await state.update(LAST_SOURCE_KEY, source);
  return source;
}

/**
 * The request's Prometheus parameters: the address and the token stored for its origin,
 * sealed (the request's body is printed by a verbose trace).
 */
export async function prometheusParams(url: string, secrets: vscode.SecretStorage): Promise<PrometheusParams> {
  const token = await secrets.get(tokenKey(url));
  return token ? { url, sealedToken: sealToken(token) } : { url };
}

/**
 * "SLA: Set Prometheus Token": asks for the address when none is set, then for the token
 * (empty removes it) unless `given` holds it (a keybinding's args, a test).
 */
export async function setPrometheusToken(secrets: vscode.SecretStorage, given?: string): Promise<void> {
  let url = configuredPrometheusUrl(vscode.window.activeTextEditor?.document.uri);
  if (!url) {
    const entered = await vscode.window.showInputBox({
      title: 'Prometheus server',
      prompt: 'Address of the Prometheus API (saved in your user settings as sla.prometheus.url)',
      placeHolder: 'http://prometheus.example:9090',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? undefined : urlProblem(value)),
    });
    if (!entered || entered.trim() === '') return;
    url = entered.trim();
    await vscode.workspace.getConfiguration('sla').update(PROMETHEUS_URL_SETTING, url, vscode.ConfigurationTarget.Global);
  }
  const problem = urlProblem(url);
  if (problem) {
    void vscode.window.showErrorMessage(`SLA: sla.prometheus.url (${url}) is not usable: ${problem}.`);
    return;
  }
  const token = given ?? (await vscode.window.showInputBox({
    title: `Prometheus token for ${new URL(url).origin}`,
    prompt: 'Bearer token sent as "Authorization: Bearer …" (kept in VS Code\'s secret storage). Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  }));
  if (token === undefined) return;
  if (token.trim() === '') {
    await secrets.delete(tokenKey(url));
    void vscode.window.showInformationMessage(`SLA: the Prometheus token for ${new URL(url).origin} was removed.`);
  } else {
    await secrets.store(tokenKey(url), token.trim());
    void vscode.window.showInformationMessage(`SLA: the Prometheus token for ${new URL(url).origin} is stored in VS Code's secret storage.`);
  }
}
