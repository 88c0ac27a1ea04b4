// Entry point of the VS Code extension: starts the language client, registers the SLA
// commands and the report webview, and returns an API object for extension-host tests.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EvaluateResult, SemanticDiffResult } from '../../server/src/lsp/protocol';
import { CompareWithPrevious } from './compare/compareWithPrevious';
import { markReviewed } from './review/markReviewed';
import { EvaluateCommand, type EvaluateCommandOptions } from './evaluate/evaluateCommand';
import { exportReport, type ExportReportDependencies, type ExportReportOptions } from './exportReport';
import { tokenArgument } from './evaluate/commandOptions';
import { setPrometheusToken } from './evaluate/prometheusSource';
import { CLIENT_NAME, createLanguageClient } from './languageClient';
import { ReportPanel, type ReportEntry } from './reportPanel';

export const COMMANDS = {
  evaluateContract: 'sla.evaluateContract',
  restartServer: 'sla.restartServer',
  showOutput: 'sla.showOutput',
  setPrometheusToken: 'sla.setPrometheusToken',
  compareWithPrevious: 'sla.compareWithPrevious',
  markReviewed: 'sla.markReviewed',
  exportReport: 'sla.exportReport',
} as const;

/** What `activate` returns (`vscode.extensions.getExtension(id).exports`). */
export interface SlaExtensionApi {
  /** The running language client (a new one after "Restart Language Server"). */
  readonly client: LanguageClient;
  /** Resolves when the language client has started (rejects if the server could not start). */
  ready(): Promise<void>;
  /** Runs "Evaluate Contract" as the command does; with `options.metrics` no prompt is shown. */
  evaluate(uri: vscode.Uri | string, options?: EvaluateCommandOptions): Promise<EvaluateResult | undefined>;
  /** The last successful evaluation of a contract in this session. */
  lastReport(uri: vscode.Uri | string): EvaluateResult | undefined;
  /** The HTML last shown in the report webview ('' before the first report). */
  reportHtml(): string;
  /** Runs "Compare with Previous Version" on a contract; the semantic diff it showed. */
  compareWithPrevious(uri: vscode.Uri | string): Promise<SemanticDiffResult | undefined>;
  /** Runs "Export Report…" on the shown (or the active contract's last) evaluation; `options` answer its prompts. */
  exportReport(options?: ExportReportOptions): Promise<vscode.Uri | undefined>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SlaExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(output);

  let current = createLanguageClient(context, output);
  client = current;
  let starting = startClient(current, output);

  const reports = new Map<string, ReportEntry>();
  const panel = new ReportPanel(context.extensionUri, (entry) =>
    vscode.commands.executeCommand(COMMANDS.evaluateContract, entry.uri, {
      metrics: [...entry.metricFiles],
      sla: entry.sla,
      prometheus: entry.prometheus,
    }),
  );
  context.subscriptions.push(panel);

  const evaluate = new EvaluateCommand({
    client: () => current,
    ready: () => starting,
    state: context.workspaceState,
    secrets: context.secrets,
    output,
    panel,
    remember: (entry) => reports.set(entry.uri.toString(), entry),
  });

  const exporting: ExportReportDependencies = {
    client: () => current,
    ready: () => starting,
    secrets: context.secrets,
    shown: () => panel.shownEntry,
    last: (uri) => reports.get(uri.toString()),
  };

  const compare = new CompareWithPrevious({ client: () => current, ready: () => starting });
  context.subscriptions.push(compare);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.compareWithPrevious, (uri?: unknown) => compare.run(uri)),
    vscode.commands.registerCommand(COMMANDS.markReviewed, markReviewed),
    vscode.commands.registerCommand(COMMANDS.exportReport, () => exportReport(exporting)),
    vscode.commands.registerCommand(COMMANDS.evaluateContract, (first?: unknown, second?: unknown) => evaluate.run(first, second)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.setPrometheusToken, (token?: unknown) => setPrometheusToken(context.secrets, tokenArgument(token))),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine(`[client] ${vscode.l10n.t('Restarting the language server')}`);
      const old = current;
      // A client that is still starting cannot be stopped: let it finish (or fail) first.
      await starting.catch(() => undefined);
      try {
        await old.dispose();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        output.appendLine(`[client] ${vscode.l10n.t('Stopping the old server failed: {message}', { message })}`);
      }
      current = createLanguageClient(context, output);
      client = current;
      starting = startClient(current, output);
      await starting.then(
        () => vscode.window.setStatusBarMessage(vscode.l10n.t('SLA language server restarted'), 3000),
        () => undefined,
      );
    }),
  );

  const key = (uri: vscode.Uri | string) => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
  return {
    get client() {
      return current;
    },
    ready: () => starting,
    evaluate: (uri, options) => evaluate.run(uri, { ...options }),
    lastReport: (uri) => reports.get(key(uri))?.result,
    reportHtml: () => panel.currentHtml,
    compareWithPrevious: (uri) => compare.run(uri),
    exportReport: (options) => exportReport(exporting, options),
  };
}

/** Starts the client; a failure is reported once, with a way to the output. */
function startClient(languageClient: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const started = languageClient.start();
  started.catch(async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`[client] ${vscode.l10n.t('The language server did not start: {message}', { message })}`);
    const showOutput = vscode.l10n.t('Show Output');
    const answer = await vscode.window.showErrorMessage(vscode.l10n.t('SLA: the language server did not start: {message}', { message }), showOutput);
    if (answer === showOutput) output.show(true);
  });
  return started;
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}
