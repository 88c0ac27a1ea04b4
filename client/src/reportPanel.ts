// The evaluation report webview: one panel, reused for every evaluation, showing the last
// report. Its buttons post messages that are handled here (evaluate again, copy or open the
// Markdown report).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../server/src/lsp/protocol';
import { buildReportHtml, makeNonce, reportTitle } from './webview/html';
import { readReport } from './webview/reportModel';
import type { Translate } from './webview/words';

const REPORT_VIEW_TYPE = 'sla.report';

/** One shown evaluation: what was evaluated and with which files. */
export interface ReportEntry {
  uri: vscode.Uri;
  result: EvaluateResult;
  metricFiles: readonly string[];
  sla: string | undefined;
  /** The Prometheus server evaluated against, instead of metric files. */
  prometheus?: string;
}

type WebviewCommand = 'evaluateAgain' | 'copyMarkdown' | 'openMarkdown';
const WEBVIEW_COMMANDS: readonly string[] = ['evaluateAgain', 'copyMarkdown', 'openMarkdown'];

/** The report page's words through the extension's l10n bundles (English when none fits). */
const translate: Translate = (message, params) => vscode.l10n.t(message, params ?? {});

function displayPath(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  return folder ? path.relative(folder.uri.fsPath, file) || path.basename(file) : file;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private entry: ReportEntry | undefined;
  private html = '';

  constructor(
    private readonly extensionUri: vscode.Uri,
    /** Runs `sla.evaluateContract` again for the shown contract with the same files. */
    private readonly evaluateAgain: (entry: ReportEntry) => Thenable<unknown>,
  ) {}

  show(entry: ReportEntry): void {
    this.entry = entry;
    const name = this.nameOf(entry);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        REPORT_VIEW_TYPE,
        reportTitle(name, translate),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          enableCommandUris: false,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        this.onMessage(message).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('SLA report: {message}', { message: error instanceof Error ? error.message : String(error) }));
        });
      });
    } else {
      this.panel.title = reportTitle(name, translate);
      this.panel.reveal(undefined, true);
    }
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    this.html = buildReportHtml({
      result: entry.result,
      contractLabel: vscode.workspace.asRelativePath(entry.uri, false),
      metricFiles: entry.prometheus !== undefined ? [vscode.l10n.t('Prometheus at {url}', { url: entry.prometheus })] : entry.metricFiles.map(displayPath),
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: media('report.css'),
      scriptUri: media('report.js'),
      t: translate,
      lang: vscode.env.language,
    });
    webview.html = this.html;
  }

  /** The HTML last given to the webview ('' before the first report): for tests. */
  get currentHtml(): string {
    return this.html;
  }

  /** The evaluation shown ("SLA: Export Report…" exports it). */
  get shownEntry(): ReportEntry | undefined {
    return this.entry;
  }

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  private nameOf(entry: ReportEntry): string {
    const read = readReport(entry.result.report, entry.result.labels);
    return read.ok ? read.report.sla : path.basename(entry.uri.path);
  }

  private async onMessage(message: unknown): Promise<void> {
    const command = (message as { command?: unknown } | null)?.command;
    if (typeof command !== 'string' || !WEBVIEW_COMMANDS.includes(command) || !this.entry) return;
    const entry = this.entry;
    switch (command as WebviewCommand) {
      case 'evaluateAgain':
        await this.evaluateAgain(entry);
        break;
      case 'copyMarkdown':
        await vscode.env.clipboard.writeText(entry.result.markdown);
        vscode.window.setStatusBarMessage(vscode.l10n.t('SLA report copied as Markdown'), 3000);
        break;
      case 'openMarkdown': {
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: entry.result.markdown });
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
        break;
      }
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
