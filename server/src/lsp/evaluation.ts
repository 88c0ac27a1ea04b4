// The `sla/evaluate` request: evaluates a contract (its open text when open) against metric
// files, keeps the last result per document for code lenses and diagnostics, and cancels
// an evaluation of the same document that is still running when a new one is asked for.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { ResponseError } from 'vscode-languageserver/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { EVALUATION_FAILED, type EvaluateParams, type EvaluateResult, type PrometheusParams } from './protocol';
import type { DocumentStore } from './documents';
import type { Analysis } from '../language/analyze';
import { EvaluationError, evaluateContract, formatMarkdown } from '../evaluation/index';
import { PrometheusSource, type PrometheusSourceOptions } from '../evaluation/prometheus/index';
import type { Report } from '../evaluation/report';
import { evaluationDiagnostics, type EvaluationSnapshot } from '../services/evaluationResults';
import { connectionSecrets, redactSecrets } from '../text/redact';
import { openSecret, takeSecretKey } from './sealedSecret';

export class EvaluationService {
  private readonly snapshots = new Map<string, EvaluationSnapshot>();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (message: string) => void,
    /** Opens the client's sealed tokens; taken from the environment before any worker starts. */
    private readonly secretKey: string | undefined = takeSecretKey(),
  ) {}

  async evaluate(params: EvaluateParams): Promise<EvaluateResult> {
    if (!params || typeof params.uri !== 'string' || !Array.isArray(params.metrics)) {
      throw new ResponseError(EVALUATION_FAILED, 'sla/evaluate needs a document uri and a list of metric files');
    }
    this.running.get(params.uri)?.abort();
    const controller = new AbortController();
    this.running.set(params.uri, controller);
    const started = performance.now();
    let secrets: string[] = [];
    try {
      const open = this.store.get(params.uri);
      const onDisk = params.uri.startsWith('file:');
      if (!open && !onDisk) throw new ResponseError(EVALUATION_FAILED, `cannot evaluate ${params.uri}: it is neither open nor a file`);
      // An unsaved (untitled) contract is named by its URI; its metric paths need a baseDir.
      const contractPath = onDisk ? fileURLToPath(params.uri) : params.uri;
      const contract = (open && this.store.analysis(params.uri)) || (await readFile(contractPath, 'utf8'));
      const baseDir = params.baseDir ?? (onDisk ? path.dirname(contractPath) : process.cwd());
      const connection = params.prometheus === undefined ? undefined : prometheusConnection(params.prometheus, this.secretKey);
      secrets = connectionSecrets(connection?.token, Object.entries(connection?.headers ?? {}));
      const sources = connection ? [new PrometheusSource(connection)] : [];
      const { report, rows } = await evaluateContract(contract, contractPath, { metrics: params.metrics, sources }, {
        baseDir,
        sla: params.sla,
        at: params.at,
        explain: params.explain,
        signal: controller.signal,
      });
      this.snapshots.set(params.uri, { report: report as Report, finishedAt: Date.now() });
      return { report, markdown: formatMarkdown(report), rows, millis: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      // A server may echo the token or a credential header back in its error text.
      const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      if (!(error instanceof Error) || !/^(EvaluationError|ContractError|EvaluationAborted)$/.test(error.name)) {
        this.log(`evaluation of ${params.uri} failed: ${redactSecrets(error instanceof Error ? (error.stack ?? message) : message, secrets)}`);
      }
      throw new ResponseError(EVALUATION_FAILED, message);
    } finally {
      if (this.running.get(params.uri) === controller) this.running.delete(params.uri);
    }
  }

  last(uri: string): EvaluationSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  diagnostics(uri: string, analysis: Analysis): LspDiagnostic[] {
    return evaluationDiagnostics(analysis, this.snapshots.get(uri));
  }

  forget(uri: string): void {
    this.running.get(uri)?.abort();
    this.snapshots.delete(uri);
  }
}

/** The Prometheus connection of a request, its parameters checked (a client may send anything). */
function prometheusConnection(params: PrometheusParams, secretKey: string | undefined): PrometheusSourceOptions {
  const p = params as Partial<Record<keyof PrometheusParams, unknown>>;
  if (!p || typeof p.url !== 'string' || p.url.trim() === '') throw new EvaluationError('the Prometheus source needs an address (sla.prometheus.url)');
  const headers: Record<string, string> = {};
  if (p.headers !== undefined) {
    if (typeof p.headers !== 'object' || p.headers === null) throw new EvaluationError('Prometheus headers must be an object of strings');
    for (const [name, value] of Object.entries(p.headers)) if (typeof value === 'string') headers[name] = value;
  }
  let token = typeof p.token === 'string' && p.token !== '' ? p.token : undefined;
  if (typeof p.sealedToken === 'string') {
    token = openSecret(p.sealedToken, secretKey);
    if (token === undefined) throw new EvaluationError('the Prometheus token could not be opened (it was sealed for another language server): run "SLA: Restart Language Server"');
  }
  return {
    url: p.url,
    token,
    headers,
    timeoutMs: typeof p.timeoutMs === 'number' && p.timeoutMs > 0 ? p.timeoutMs : undefined,
  };
}
