// Chooses the metric files of an evaluation: the `sla.metrics` setting when set, else the
// files remembered for this workspace (offered in a quick pick), else an open dialog.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveMetricGlobs } from './metricGlobs';
import { effectiveMetricPatterns, rememberMetricFiles, rememberedMetricFiles } from './metricMemory';
import { metricsSettingIsUsers, type MetricChoice } from './userPicked';

export type { MetricChoice, MetricSource } from './userPicked';

export interface PickContext {
  state: vscode.Memento;
  log: (message: string) => void;
}

/** Shown once per session: the workspace's `sla.metrics` is not used in Restricted Mode. */
let restrictedNoticeShown = false;

async function openDialog(contract: vscode.Uri, baseDir: string | undefined, remembered: string[]): Promise<string[] | undefined> {
  const near = remembered[0] ? path.dirname(remembered[0]) : baseDir;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Metric files for {name}', { name: path.basename(contract.path) }),
    openLabel: vscode.l10n.t('Evaluate'),
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    defaultUri: near ? vscode.Uri.file(near) : undefined,
    filters: { [vscode.l10n.t('Metrics (CSV, Prometheus JSON)')]: ['csv', 'json'], [vscode.l10n.t('All files')]: ['*'] },
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.map((u) => u.fsPath);
}

/** What the `sla.metrics` setting decides: not set, files, "let the user choose", or stop. */
type SettingOutcome = { kind: 'unset' } | { kind: 'files'; choice: MetricChoice } | { kind: 'choose' } | { kind: 'cancel' };

async function fromSetting(contract: vscode.Uri, baseDir: string | undefined, context: PickContext): Promise<SettingOutcome> {
  const levels = vscode.workspace.getConfiguration('sla', contract).inspect<string[]>('metrics');
  const { patterns, ignoredWorkspaceValue } = effectiveMetricPatterns(levels, vscode.workspace.isTrusted);
  if (ignoredWorkspaceValue && !restrictedNoticeShown) {
    restrictedNoticeShown = true;
    void vscode.window.showInformationMessage(
      vscode.l10n.t("This workspace's sla.metrics setting is not used in Restricted Mode: pick the metric files yourself, or trust the workspace."),
    );
  }
  if (patterns.length === 0) return { kind: 'unset' };
  if (!baseDir) {
    void vscode.window.showWarningMessage(vscode.l10n.t('sla.metrics is relative to a workspace folder; this contract is in none. Pick the metric files instead.'));
    return { kind: 'choose' };
  }
  const { files, unmatched } = await resolveMetricGlobs(patterns, baseDir);
  for (const pattern of unmatched) context.log(vscode.l10n.t('sla.metrics: "{pattern}" matched no metric file in {folder}', { pattern, folder: baseDir }));
  if (files.length > 0) return { kind: 'files', choice: { files, source: 'setting', fromUserSettings: metricsSettingIsUsers(levels, vscode.workspace.isTrusted) } };
  const chooseFiles = vscode.l10n.t('Choose Files…');
  const openSettings = vscode.l10n.t('Open Settings');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('sla.metrics ({patterns}) matched no .csv or .json file in {folder}.', { patterns: patterns.join(', '), folder: baseDir }),
    chooseFiles,
    openSettings,
  );
  if (answer === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'sla.metrics');
    return { kind: 'cancel' };
  }
  return answer === chooseFiles ? { kind: 'choose' } : { kind: 'cancel' };
}

/**
 * The metric files to evaluate `contract` with, or undefined when the user cancelled.
 * `forceDialog` skips the setting and the remembered files.
 */
export async function pickMetricFiles(
  contract: vscode.Uri,
  baseDir: string | undefined,
  context: PickContext,
  forceDialog = false,
): Promise<MetricChoice | undefined> {
  const key = contract.toString();
  if (!forceDialog) {
    const setting = await fromSetting(contract, baseDir, context);
    if (setting.kind === 'files') return setting.choice;
    if (setting.kind === 'cancel') return undefined;
    if (setting.kind === 'choose') forceDialog = true;
  }

  const remembered = rememberedMetricFiles(context.state, key, existsSync);
  if (!forceDialog && remembered.length > 0) {
    const names = remembered.map((f) => path.basename(f)).join(', ');
    const use: vscode.QuickPickItem = { label: `$(history) ${vscode.l10n.t('Use the last metric files')}`, description: names, detail: remembered.join(' · ') };
    const other: vscode.QuickPickItem = { label: `$(folder-opened) ${vscode.l10n.t('Choose other files…')}` };
    const answer = await vscode.window.showQuickPick([use, other], {
      title: vscode.l10n.t('Evaluate {name}', { name: path.basename(contract.path) }),
      placeHolder: vscode.l10n.t('Metric files to evaluate the contract with'),
    });
    if (!answer) return undefined;
    if (answer === use) {
      await rememberMetricFiles(context.state, key, remembered);
      return { files: remembered, source: 'remembered' };
    }
  }

  const files = await openDialog(contract, baseDir, remembered);
  if (!files) return undefined;
  await rememberMetricFiles(context.state, key, files);
  return { files, source: 'dialog' };
}
