// The Prometheus source in VS Code: the `sla.prometheus.url` setting (user or, in a trusted
// workspace, workspace), its token in the secret storage ("SLA: Set Prometheus Token"),
// and the choice between the server and metric files offered by "Evaluate Contract".
import * as vscode from 'vscode';
import type { PrometheusParams } from '../../../server/src/lsp/protocol';
import { PROMETHEUS_URL_SETTING, effectivePrometheusUrl, tokenKey, urlProblem, type UrlProblem } from './prometheusSetting';
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
      vscode.l10n.t(
        "This workspace's sla.prometheus.url setting is not used in Restricted Mode (your token would be sent there): set it in your user settings, or trust the workspace.",
      ),
    );
  }
  return url;
}

/**
 * Prometheus or metric files? Asked with a quick pick whose first item is the source used
 * last in this workspace. Undefined when the user cancelled.
 */
export async function pickSource(url: string, contractName: string, state: vscode.Memento): Promise<'prometheus' | 'files' | undefined> {
  const prometheus: vscode.QuickPickItem = {
    label: '$(server) Prometheus',
    description: url,
    detail: vscode.l10n.t('Query the server: metric strings are series selectors'),
  };
  const files: vscode.QuickPickItem = { label: `$(file) ${vscode.l10n.t('Metric files…')}`, detail: vscode.l10n.t('CSV or Prometheus JSON files') };
  const items = state.get<string>(LAST_SOURCE_KEY) === 'files' ? [files, prometheus] : [prometheus, files];
  const answer = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Evaluate {name}', { name: contractName }),
    placeHolder: vscode.l10n.t('Where the samples come from'),
  });
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
      title: vscode.l10n.t('Prometheus server'),
      prompt: vscode.l10n.t('Address of the Prometheus API (saved in your user settings as sla.prometheus.url)'),
      placeHolder: 'http://prometheus.example:9090',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? undefined : urlProblemText(urlProblem(value))),
    });
    if (!entered || entered.trim() === '') return;
    url = entered.trim();
    await vscode.workspace.getConfiguration('sla').update(PROMETHEUS_URL_SETTING, url, vscode.ConfigurationTarget.Global);
  }
  const problem = urlProblemText(urlProblem(url));
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SLA: sla.prometheus.url ({url}) is not usable: {problem}.', { url, problem }));
    return;
  }
  const origin = new URL(url).origin;
  const token = given ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Prometheus token for {origin}', { origin }),
    prompt: vscode.l10n.t('Bearer token sent as "Authorization: Bearer …" (kept in VS Code\'s secret storage). Leave empty to remove it.'),
    password: true,
    ignoreFocusOut: true,
  }));
  if (token === undefined) return;
  if (token.trim() === '') {
    await secrets.delete(tokenKey(url));
    void vscode.window.showInformationMessage(vscode.l10n.t('SLA: the Prometheus token for {origin} was removed.', { origin }));
  } else {
    await secrets.store(tokenKey(url), token.trim());
    void vscode.window.showInformationMessage(vscode.l10n.t("SLA: the Prometheus token for {origin} is stored in VS Code's secret storage.", { origin }));
  }
}

/** Why an address cannot be used, in the user's language. */
function urlProblemText(problem: UrlProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'not-a-url':
      return vscode.l10n.t('Enter an address such as http://prometheus.example:9090');
    case 'scheme':
      return vscode.l10n.t('The address must start with http:// or https://');
    case 'credentials':
      return vscode.l10n.t('Put credentials in the token, not in the address');
    case 'query':
      return vscode.l10n.t('Give the base address, without ?query or #fragment');
  }
}
