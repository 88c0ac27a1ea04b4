// The `sla/evaluate` request: evaluates a contract (its open text when open) against metric
// files, keeps the last result per document for code lenses and diagnostics, and cancels
// an evaluation of the same document that is still running when a new one is asked for.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { EVALUATION_FAILED, type EvaluateParams, type EvaluateResult, type ExportReportParams, type ExportReportResult, type PrometheusParams } from './protocol';
import type { DocumentStore } from './documents';
import { fileErrorReason, readRegularFile } from '../files/regularFile';
import type { Analysis } from '../language/analyze';
import { EvaluationError, evaluateContract, expandMetricPaths, formatMarkdown, reportLabels } from '../evaluation/index';
import { isInsideFolders } from '../files/insideFolders';
import { PrometheusSource, prometheusSourceOptions, type PrometheusUserOptions } from '../evaluation/prometheus/index';
import type { Report } from '../evaluation/report';
import { evaluationDiagnostics, type EvaluationSnapshot } from '../services/support/evaluationResults';
import { DEFAULT_LOCALE, messages, type Locale } from '../l10n/index';
import { produceReport, renderReport } from '../report/index';
import { connectionSecrets, redactSecrets } from '../text/redact';
import { openSecret, takeSecretKey } from './sealedSecret';

export class EvaluationService {
  private readonly snapshots = new Map<string, EvaluationSnapshot>();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (message: string) => void,
    /** The workspace folders: what may be read without the user choosing it. */
    private readonly workspaceFolders: () => readonly string[] = () => [],
    /** Opens the client's sealed tokens; taken from the environment before any worker starts. */
    private readonly secretKey: string | undefined = takeSecretKey(),
  ) {}

  /** `token`: the request's `$/cancelRequest`; it aborts the reading (and ends the worker threads). */
  async evaluate(params: EvaluateParams, locale: Locale = DEFAULT_LOCALE, token?: CancellationToken): Promise<EvaluateResult> {
    const { t } = messages(locale);
    if (!params || typeof params.uri !== 'string' || !Array.isArray(params.metrics)) {
      throw new ResponseError(EVALUATION_FAILED, t('evaluate.badRequest'));
    }
    this.running.get(params.uri)?.abort();
    const controller = new AbortController();
    this.running.set(params.uri, controller);
    const cancellation = token?.onCancellationRequested(() => controller.abort());
    if (token?.isCancellationRequested) controller.abort();
    const started = performance.now();
    let secrets: string[] = [];
    // Taken before the first await: typing meanwhile must not change the contract evaluated.
    const held = this.store.hold(params.uri);
    try {
      const input = await this.inputs(params, locale, held?.analysis);
      secrets = input.secrets;
      const { report, rows } = await evaluateContract(input.contract, input.contractPath, { metrics: params.metrics, sources: input.sources }, {
        baseDir: input.baseDir,
        sla: params.sla,
        at: params.at,
        explain: params.explain,
        signal: controller.signal,
        locale,
      });
      this.snapshots.set(params.uri, { report: report as Report, finishedAt: Date.now() });
      return { report, markdown: formatMarkdown(report, locale), labels: reportLabels(report, locale), rows, millis: Math.round(performance.now() - started) };
    } catch (error) {
      throw this.failure(error, params, token, secrets, locale);
    } finally {
      held?.release();
      cancellation?.dispose();
      if (this.running.get(params.uri) === controller) this.running.delete(params.uri);
    }
  }

  /** `sla/exportReport`: the customer report of one period (server/src/report), as HTML or Markdown. */
  async exportReport(params: ExportReportParams, locale: Locale = DEFAULT_LOCALE, token?: CancellationToken): Promise<ExportReportResult> {
    const { t } = messages(locale);
    if (!params || typeof params.uri !== 'string' || !Array.isArray(params.metrics) || (params.format !== 'html' && params.format !== 'markdown')) {
      throw new ResponseError(EVALUATION_FAILED, t('evaluate.badRequest'));
    }
    const controller = new AbortController();
    const cancellation = token?.onCancellationRequested(() => controller.abort());
    let secrets: string[] = [];
    const held = this.store.hold(params.uri);
    try {
      const input = await this.inputs(params, locale, held?.analysis);
      secrets = input.secrets;
      const document = await produceReport(input.contract, input.contractPath, { metrics: params.metrics, sources: input.sources }, {
        baseDir: input.baseDir,
        sla: params.sla,
        at: params.at,
        period: params.period,
        signal: controller.signal,
        locale,
      });
      return { content: renderReport(document, params.format), period: document.period.label };
    } catch (error) {
      throw this.failure(error, params, token, secrets, locale);
    } finally {
      held?.release();
      cancellation?.dispose();
    }
  }

  /** What an evaluation of the request reads: the contract (its open analysis, held by the caller, or the file), the base of metric paths, the sources. */
  private async inputs(params: EvaluateParams, locale: Locale, openAnalysis: Analysis | undefined): Promise<{ contract: Analysis | string; contractPath: string; baseDir: string; sources: PrometheusSource[]; secrets: string[] }> {
    const { t } = messages(locale);
    const open = this.store.get(params.uri);
    const onDisk = params.uri.startsWith('file:');
    if (!open && !onDisk) throw new ResponseError(EVALUATION_FAILED, t('evaluate.notAFile', { uri: params.uri }));
    // An unsaved (untitled) contract is named by its URI; its metric paths need a baseDir.
    const contractPath = onDisk ? fileURLToPath(params.uri) : params.uri;
    if (!open && !isInsideFolders(contractPath, this.workspaceFolders())) {
      throw new EvaluationError(t('evaluate.outsideWorkspace'), contractPath);
    }
    const contract = (open && openAnalysis) || (await readContract(contractPath, locale));
    const baseDir = params.baseDir ?? (onDisk ? path.dirname(contractPath) : process.cwd());
    await this.requireReadable(params, baseDir, open && onDisk ? path.dirname(contractPath) : undefined, locale);
    const connection = params.prometheus === undefined ? undefined : prometheusSourceOptions(userOptions(params.prometheus, this.secretKey, t), locale);
    const secrets = connectionSecrets(connection?.token, Object.entries(connection?.headers ?? {}));
    const sources = connection ? [new PrometheusSource({ ...connection, locale })] : [];
    return { contract, contractPath, baseDir, sources, secrets };
  }

  /** A failure as the client receives it: a ResponseError with a readable message, credentials taken out; unexpected ones logged. */
  private failure(error: unknown, params: EvaluateParams, token: CancellationToken | undefined, secrets: string[], locale: Locale): ResponseError<unknown> {
    if (error instanceof ResponseError) return error;
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, messages(locale).t('evaluate.cancelled'));
    // A server may echo the token or a credential header back in its error text.
    const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
    if (!(error instanceof Error) || !/^(EvaluationError|ContractError|EvaluationAborted)$/.test(error.name)) {
      this.log(`evaluation of ${params.uri} failed: ${redactSecrets(error instanceof Error ? (error.stack ?? message) : message, secrets)}`);
    }
    return new ResponseError(EVALUATION_FAILED, message);
  }

  /**
   * Refuses metric entries the user did not choose that name files outside the workspace
   * folders (and the folder of the open contract). Such files are not opened, so nothing of
   * them can be quoted.
   */
  private async requireReadable(params: EvaluateParams, baseDir: string, contractFolder: string | undefined, locale: Locale): Promise<void> {
    const picked = new Set(Array.isArray(params.userPicked) ? params.userPicked.filter((p) => typeof p === 'string') : []);
    const unpicked = params.metrics.filter((m) => !picked.has(m));
    if (unpicked.length === 0) return;
    const folders = contractFolder ? [...this.workspaceFolders(), contractFolder] : this.workspaceFolders();
    for (const file of await expandMetricPaths(unpicked, baseDir, locale)) {
      if (!isInsideFolders(file.path, folders)) {
        throw new EvaluationError(messages(locale).t('evaluate.notPicked'), file.name);
      }
    }
  }

  last(uri: string): EvaluationSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  diagnostics(uri: string, analysis: Analysis, locale: Locale = DEFAULT_LOCALE): LspDiagnostic[] {
    return evaluationDiagnostics(analysis, this.snapshots.get(uri), locale);
  }

  forget(uri: string): void {
    this.running.get(uri)?.abort();
    this.snapshots.delete(uri);
  }
}

/**
 * The request's Prometheus parameters in the form the option builder checks (a client may
 * send anything). A sealed token is opened with this server's key (see sealedSecret.ts).
 */
function userOptions(params: PrometheusParams | null, secretKey: string | undefined, t: ReturnType<typeof messages>['t']): PrometheusUserOptions {
  let token = params?.token;
  if (typeof params?.sealedToken === 'string') {
    token = openSecret(params.sealedToken, secretKey);
    if (token === undefined) throw new EvaluationError(t('evaluate.sealedToken'));
  }
  return { url: params?.url ?? '', token, headers: params?.headers, timeout: params?.timeoutMs };
}

/** The text of a contract that is not open; a FIFO or device is refused, not waited on. */
async function readContract(file: string, locale: Locale): Promise<string> {
  try {
    return await readRegularFile(file);
  } catch (error) {
    throw new EvaluationError(messages(locale).t('metrics.cannotRead', { reason: fileErrorReason(error, locale) }), file);
  }
}
