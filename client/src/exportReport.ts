// "SLA: Export Report…" (`sla.exportReport`): the customer report of the evaluation shown in
// the report panel (or the last one of the active contract), made by the server
// (`sla/exportReport`) from the same contract and sources, saved where the user says.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_REPORT_REQUEST, type ExportReportParams, type ExportReportResult } from '../../server/src/lsp/protocol';
import { prometheusParams } from './evaluate/prometheusSource';
import type { ReportEntry } from './reportPanel';

export interface ExportReportDependencies {
  client(): LanguageClient;
  ready(): Promise<void>;
  secrets: vscode.SecretStorage;
  /** The evaluation the report panel shows, if any. */
  shown(): ReportEntry | undefined;
  /** The last evaluation of a contract in this session. */
  last(uri: vscode.Uri): ReportEntry | undefined;
}

/** What a test passes instead of answering the prompts. */
export interface ExportReportOptions {
  format?: 'html' | 'markdown';
  target?: vscode.Uri;
  period?: string;
}

/** Runs the command; the saved file, or undefined when cancelled or nothing could be exported. */
export async function exportReport(deps: ExportReportDependencies, options: ExportReportOptions = {}): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const entry = (editor?.document.languageId === 'sla' ? deps.last(editor.document.uri) : undefined) ?? deps.shown();
  if (!entry) {
    const evaluate = vscode.l10n.t('Evaluate Contract');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('SLA: evaluate a contract first; the report is made from its evaluation.'), evaluate);
    if (answer === evaluate && editor?.document.languageId === 'sla') await vscode.commands.executeCommand('sla.evaluateContract', editor.document.uri);
    return undefined;
  }
  const format = options.format ?? (await askFormat());
  if (!format) return undefined;
  await deps.ready();
  const params: ExportReportParams = {
    uri: entry.uri.toString(),
    // These files were read for the evaluation shown: chosen by the user or inside the workspace.
    metrics: entry.prometheus !== undefined ? [] : [...entry.metricFiles],
    userPicked: entry.prometheus !== undefined ? [] : [...entry.metricFiles],
    sla: entry.sla,
    format,
    period: options.period,
  };
  if (entry.prometheus !== undefined) params.prometheus = await prometheusParams(entry.prometheus, deps.secrets);
  let result: ExportReportResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SLA: making the report…'), cancellable: true },
      (_progress, token) => deps.client().sendRequest<ExportReportResult>(EXPORT_REPORT_REQUEST, params, token),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SLA: the report could not be made: {message}', { message: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  const extension = format === 'html' ? 'html' : 'md';
  const base = path.basename(entry.uri.path).replace(/\.sla$/i, '');
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the SLA report'),
      defaultUri: vscode.Uri.joinPath(entry.uri, '..', `${base}-${result.period}.${extension}`),
      filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
    }));
  if (!target) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SLA: cannot write {file}: {message}', { file: target.fsPath, message: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('SLA report for {period} saved to {file}', { period: result.period, file: vscode.workspace.asRelativePath(target, false) }), 5000);
  return target;
}

/** Names of file formats: the same in every language. */
const FORMAT_NAMES = { html: '$(globe) HTML', markdown: '$(markdown) Markdown' } as const;

async function askFormat(): Promise<'html' | 'markdown' | undefined> {
  const html: vscode.QuickPickItem = { label: FORMAT_NAMES.html, detail: vscode.l10n.t('One self-contained file, printable to A4 (inline CSS and charts, no scripts)') };
  const markdown: vscode.QuickPickItem = { label: FORMAT_NAMES.markdown, detail: vscode.l10n.t('The same content as text, the daily values as tables') };
  const answer = await vscode.window.showQuickPick([html, markdown], { title: vscode.l10n.t('Export the SLA report as') });
  return answer === undefined ? undefined : answer === html ? 'html' : 'markdown';
}
