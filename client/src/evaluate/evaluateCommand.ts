// The "SLA: Evaluate Contract" command: which contract, which `sla` block, which metric
// files; then `sla/evaluate` on the language server under a cancellable progress
// notification, and the report in the webview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { EVALUATE_REQUEST, type EvaluateParams, type EvaluateResult } from '../../../server/src/lsp/protocol';
import type { ReportEntry, ReportPanel } from '../reportPanel';
import { commandOptions } from './commandOptions';
import { pickMetricFiles, type MetricChoice, type MetricSource } from './pickMetrics';
import { configuredPrometheusUrl, pickSource, prometheusParams } from './prometheusSource';
import { redactUrl } from '../../../server/src/text/redact';
import { userPickedMetrics } from './userPicked';

export type { EvaluateCommandOptions } from './commandOptions';

export interface EvaluateDependencies {
  client: () => LanguageClient;
  /** Resolves once the language client is running. */
  ready: () => Promise<void>;
  state: vscode.Memento;
  /** Where the Prometheus token is kept. */
  secrets: vscode.SecretStorage;
  output: vscode.OutputChannel;
  panel: ReportPanel;
  /** Called with every successful evaluation. */
  remember: (entry: ReportEntry) => void;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The contract a command invocation is about: its argument (Uri, string, {uri}) or the active editor. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string') {
    return vscode.Uri.parse((arg as { uri: string }).uri);
  }
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'sla' ? editor.document.uri : undefined;
}

/** The `sla` block to evaluate when the file holds several: asked with a quick pick. */
async function pickSlaBlock(uri: vscode.Uri): Promise<string | null | undefined> {
  let symbols: vscode.DocumentSymbol[] | undefined;
  try {
    symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  } catch {
    return null;
  }
  const names = (symbols ?? [])
    .map((s) => s.name.replace(/^sla\s+/, '').trim())
    .filter((n) => NAME.test(n));
  if (names.length <= 1) return null;
  const picked = await vscode.window.showQuickPick(names, {
    title: vscode.l10n.t('Evaluate which agreement?'),
    placeHolder: vscode.l10n.t('This file holds several sla blocks'),
  });
  return picked;
}

/** Where the metric files came from, for the output. */
function sourceName(source: MetricSource): string {
  switch (source) {
    case 'argument':
      return vscode.l10n.t('the command arguments');
    case 'setting':
      return vscode.l10n.t('the sla.metrics setting');
    case 'remembered':
      return vscode.l10n.t('the files used last');
    case 'dialog':
      return vscode.l10n.t('the file dialog');
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

function isCancellation(error: unknown, token: vscode.CancellationToken): boolean {
  return token.isCancellationRequested || (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
}

export class EvaluateCommand {
  constructor(private readonly deps: EvaluateDependencies) {}

  private log(message: string): void {
    this.deps.output.appendLine(`[evaluate] ${message}`);
  }

  /** The command handler; resolves to the result, or undefined when cancelled or failed. */
  async run(first?: unknown, second?: unknown): Promise<EvaluateResult | undefined> {
    const uri = targetUri(first);
    if (!uri) {
      void vscode.window.showErrorMessage(vscode.l10n.t('SLA: open a contract (.sla file) to evaluate it.'));
      return undefined;
    }
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('SLA: save {name} to a file before evaluating it: evaluation reads the contract from disk.', { name: path.basename(uri.path) }),
      );
      return undefined;
    }
    const options = commandOptions(first, second, (value) => value instanceof vscode.Uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const baseDir = folder?.uri.fsPath ?? path.dirname(uri.fsPath);

    let sla = options.sla;
    if (sla === undefined) {
      const picked = await pickSlaBlock(uri);
      if (picked === undefined) return undefined;
      sla = picked ?? undefined;
    }

    // Prometheus when asked for, or when a server is configured and chosen (by the
    // `source` option, else by the user in a quick pick).
    let prometheus = options.metrics && options.metrics.length > 0 ? undefined : options.prometheus;
    if (prometheus === undefined && !(options.metrics && options.metrics.length > 0) && !options.chooseFiles && options.source !== 'files') {
      const url = configuredPrometheusUrl(uri);
      if (!url && options.source === 'prometheus') {
        void vscode.window.showErrorMessage(vscode.l10n.t('SLA: set sla.prometheus.url to evaluate against Prometheus.'));
        return undefined;
      }
      if (url) {
        const source = options.source ?? (await pickSource(url, path.basename(uri.path), this.deps.state));
        if (!source) return undefined;
        if (source === 'prometheus') prometheus = url;
      }
    }

    let choice: MetricChoice | undefined;
    if (prometheus !== undefined) {
      choice = { files: [], source: 'argument' };
    } else if (options.metrics && options.metrics.length > 0) {
      choice = { files: options.metrics.map((m) => path.resolve(baseDir, m)), source: 'argument' };
    } else {
      choice = await pickMetricFiles(uri, folder?.uri.fsPath, { state: this.deps.state, log: (m) => this.log(m) }, options.chooseFiles);
    }
    if (!choice) return undefined;

    const settings = vscode.workspace.getConfiguration('sla', uri);
    const at = settings.get<string>('evaluate.at', '').trim();
    const params: EvaluateParams = {
      uri: uri.toString(),
      metrics: choice.files,
      // Files outside the workspace folders are read only when the user chose them.
      userPicked: userPickedMetrics(choice),
      baseDir,
      sla,
      at: at === '' ? undefined : at,
      explain: settings.get<boolean>('evaluate.explain', false),
    };
    if (prometheus !== undefined) params.prometheus = await prometheusParams(prometheus, this.deps.secrets);
    const name = path.basename(uri.path);
    const contract = sla ? vscode.l10n.t('{file} (sla {sla})', { file: name, sla }) : name;
    if (prometheus === undefined) {
      const files = choice.files.join(', ');
      this.log(vscode.l10n.t('{contract} with {count} metric file(s) from {source}: {files}', { contract, count: choice.files.length, source: sourceName(choice.source), files }));
    } else if (params.prometheus?.sealedToken) {
      this.log(vscode.l10n.t('{contract} with Prometheus at {url} (with a token)', { contract, url: redactUrl(prometheus) }));
    } else {
      this.log(vscode.l10n.t('{contract} with Prometheus at {url}', { contract, url: redactUrl(prometheus) }));
    }

    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SLA: evaluating {name}', { name }), cancellable: true },
      async (_progress, token) => {
        try {
          await this.deps.ready();
          const request = this.deps.client().sendRequest<EvaluateResult>(EVALUATE_REQUEST, params, token);
          // Cancelling closes the notification at once, even if the server finishes the work.
          const cancelled = new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined)));
          request.catch(() => undefined);
          const result = await Promise.race([request, cancelled]);
          if (!result) {
            this.log(vscode.l10n.t('{name}: cancelled', { name }));
            return undefined;
          }
          this.log(vscode.l10n.t('{name}: {rows} rows in {millis} ms', { name, rows: result.rows, millis: result.millis }));
          const warnings = (result.report as { warnings?: unknown }).warnings;
          if (Array.isArray(warnings)) {
            for (const w of warnings) this.log(vscode.l10n.t('{name}: warning: {warning}', { name, warning: String(w) }));
            if (warnings.length > 0) {
              const warning = String(warnings[0]);
              void vscode.window.showWarningMessage(
                warnings.length > 1
                  ? vscode.l10n.t('SLA: {name}: {warning} (and {count} more in the output)', { name, warning, count: warnings.length - 1 })
                  : vscode.l10n.t('SLA: {name}: {warning}', { name, warning }),
              );
            }
          }
          const entry: ReportEntry = { uri, result, metricFiles: choice.files, sla, prometheus };
          this.deps.remember(entry);
          if (options.showReport !== false) this.deps.panel.show(entry);
          vscode.window.setStatusBarMessage(
            vscode.l10n.t('SLA: {name} evaluated ({rows} rows in {millis} ms)', { name, rows: result.rows, millis: result.millis }),
            5000,
          );
          return result;
        } catch (error) {
          if (isCancellation(error, token)) {
            this.log(vscode.l10n.t('{name}: cancelled', { name }));
            return undefined;
          }
          const message = errorMessage(error);
          this.log(vscode.l10n.t('{name}: failed: {message}', { name, message }));
          void this.showFailure(uri, name, message, sla, prometheus);
          return undefined;
        }
      },
    );
  }

  private async showFailure(uri: vscode.Uri, name: string, message: string, sla: string | undefined, prometheus: string | undefined): Promise<void> {
    const showOutput = vscode.l10n.t('Show Output');
    const setToken = vscode.l10n.t('Set Prometheus Token…');
    const chooseFiles = vscode.l10n.t('Choose Metric Files…');
    const actions = prometheus !== undefined ? [showOutput, setToken, chooseFiles] : [showOutput, chooseFiles];
    const answer = await vscode.window.showErrorMessage(vscode.l10n.t('SLA: evaluation of {name} failed: {message}', { name, message }), ...actions);
    if (answer === showOutput) this.deps.output.show(true);
    if (answer === setToken) await vscode.commands.executeCommand('sla.setPrometheusToken');
    if (answer === chooseFiles) {
      await vscode.commands.executeCommand('sla.evaluateContract', uri, { sla, chooseFiles: true });
    }
  }
}
