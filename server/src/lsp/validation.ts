// When diagnostics are published: at once on open and on save (always, even with on-type
// validation off), and while typing after a debounce (`sla.validate.onType`). A newer
// version cancels the pending validation of an older one, and a result is published only
// if its version is still current.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { DocumentStore } from './documents';
import type { ServerSettings } from './settings';
import type { Analysis } from '../language/analyze';
import { toLspDiagnostic } from '../services/features/diagnostics';

export interface ValidationHooks {
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): void;
  settings(uri: string): Promise<ServerSettings>;
  /** Diagnostics beyond the checker's (evaluation results). */
  extra(uri: string, analysis: Analysis): LspDiagnostic[];
  log(message: string): void;
}

export class Validator {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly hooks: ValidationHooks,
  ) {}

  opened(uri: string): void {
    this.validateNow(uri);
  }

  saved(uri: string): void {
    this.validateNow(uri);
  }

  async changed(uri: string): Promise<void> {
    this.cancel(uri);
    const version = this.store.get(uri)?.version;
    const settings = await this.hooks.settings(uri);
    // The settings may have taken a round trip: a newer change schedules its own validation.
    if (version === undefined || !this.store.isCurrent(uri, version) || !settings.validate.onType) return;
    this.cancel(uri);
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        if (this.store.isCurrent(uri, version)) this.validateNow(uri);
      }, settings.validate.delayMs),
    );
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.hooks.publish(uri, undefined, []);
  }

  /** Analyses the current version (cached if a feature already did) and publishes its diagnostics. */
  validateNow(uri: string): void {
    this.cancel(uri);
    const document = this.store.get(uri);
    if (!document) return;
    try {
      const analysis = this.store.analysis(uri);
      if (!analysis) return;
      const diagnostics = analysis.diagnostics.map(toLspDiagnostic);
      diagnostics.push(...this.hooks.extra(uri, analysis));
      this.hooks.publish(uri, document.version, diagnostics);
    } catch (error) {
      this.hooks.log(`validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
  }
}
