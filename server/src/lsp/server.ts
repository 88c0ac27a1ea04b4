// Wires the pure feature functions of ../services to an LSP connection. Every handler
// catches and logs its errors and answers with an empty result: the server never dies on
// any text.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DocumentStore } from './documents';
import { LARGE_TEXT, LARGE_TEXT_HEAP_GROWING_PERCENT, setHeapGrowingPercent } from '../runtime/heapGrowth';
import { scavengeEarly } from '../runtime/youngGeneration';
import { Validator } from './validation';
import { isObject, readSettings, type ServerSettings } from './settings';
import { EvaluationService } from './evaluation';
import { WorkspaceFolders } from './workspaceFolders';
import { EVALUATE_REQUEST, EXPORT_REPORT_REQUEST, SEMANTIC_DIFF_REQUEST, type EvaluateParams, type ExportReportParams, type SemanticDiffParams } from './protocol';
import { semanticDiff } from './semanticDiff';
import { FeatureCache } from './featureCache';
import type { Analysis } from '../language/analyze';
import { completion, COMPLETION_TRIGGER_CHARACTERS } from '../services/features/completion';
import { hover } from '../services/features/hover';
import { definition } from '../services/features/definition';
import { references } from '../services/features/references';
import { prepareRename, rename } from '../services/features/rename';
import { documentSymbols } from '../services/features/symbols';
import { foldingRanges } from '../services/features/folding';
import { selectionRanges } from '../services/features/selectionRange';
import { encodedSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../services/features/semanticTokens';
import { formatDocument } from '../services/features/formatting';
import { codeActions } from '../services/features/codeActions';
import { codeLenses } from '../services/features/codeLens';
import { serverLocale, type Locale } from '../l10n/index';

export interface ServerInitializationOptions {
  /** Debounce of on-type validation in ms (overrides the `sla.validate.delay` setting). */
  validateDelayMs?: number;
  /** The `sla.locale` setting at start (`auto`, `en`, `zh-cn`); later changes come as configuration. */
  locale?: string;
}

export function startServer(connection: Connection): void {
  // The checker's messages follow the locale in force when a version is analysed.
  const store = new DocumentStore(() => locale());
  let configurationRequests = false;
  let configurationRegistration = false;
  let codeLensRefresh = false;
  let delayOverride: number | undefined;
  let pushedSettings: unknown;
  /** The client's display language (`initialize` params) and the `sla.locale` setting over it. */
  let clientLocale: unknown;
  let localeSetting: unknown;
  const locale = (): Locale => serverLocale(localeSetting, clientLocale);
  /** Settings per document (`sla.*` settings are resource-scoped), fetched once per configuration. */
  const settingsCache = new Map<string, Promise<ServerSettings>>();

  const log = (message: string) => connection.console.error(message);
  const workspaceFolders = new WorkspaceFolders();
  const evaluation = new EvaluationService(store, log, () => workspaceFolders.paths());
  const featureCache = new FeatureCache();

  function settings(uri: string): Promise<ServerSettings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = configurationRequests
        ? connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'sla' })
            .then((section) => readSettings(section, delayOverride))
            .catch((error) => {
              log(`could not read the settings: ${error}`);
              return readSettings(pushedSettings, delayOverride);
            })
        : Promise.resolve(readSettings(pushedSettings, delayOverride));
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  const validator = new Validator(store, {
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    settings,
    extra: (uri, analysis) => evaluation.diagnostics(uri, analysis, locale()),
    log,
  });

  /** Runs a feature on the current analysis; logs and returns `empty` on any failure or cancellation. */
  function feature<T>(name: string, uri: string, token: CancellationToken | undefined, empty: T, run: (analysis: Analysis) => T): T {
    try {
      if (token?.isCancellationRequested) return empty;
      const analysis = store.analysis(uri);
      if (!analysis) return empty;
      return run(analysis) ?? empty;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`${name} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    configurationRequests = capabilities.workspace?.configuration === true;
    configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    workspaceFolders.initialize(params);
    const options = (params.initializationOptions ?? {}) as ServerInitializationOptions;
    if (typeof options.validateDelayMs === 'number') delayOverride = options.validateDelayMs;
    clientLocale = params.locale;
    localeSetting = options.locale;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'SLA' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: false },
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sla-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    workspaceFolders.listen(connection);
    if (configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sla' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    pushedSettings = (params.settings as Record<string, unknown> | undefined)?.sla ?? pushedSettings;
    settingsCache.clear();
    void refreshLocaleSetting();
  });

  /**
   * `sla.locale` is window-wide: read from the pushed settings, else asked without a scope.
   * Lenses already shown are asked for again when the language changes, and the diagnostics of
   * open documents are published again in the new language.
   */
  async function refreshLocaleSetting(): Promise<void> {
    const before = locale();
    await readLocaleSetting();
    if (locale() === before) return;
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    for (const document of store.documents.all()) validator.validateNow(document.uri);
  }

  async function readLocaleSetting(): Promise<void> {
    if (isObject(pushedSettings) && 'locale' in pushedSettings) {
      localeSetting = pushedSettings.locale;
    } else if (configurationRequests) {
      try {
        const section: unknown = await connection.workspace.getConfiguration('sla');
        if (isObject(section) && 'locale' in section) localeSetting = section.locale;
      } catch (error) {
        log(`could not read sla.locale: ${error}`);
      }
    }
  }

  // While a large contract is open, the heap may grow to 1.2× what the last full collection
  // kept, not V8's default of up to 4×: each keystroke in a 200,000-line contract leaves its
  // text's 4 MB in young space, promoted every third keystroke or so, and with the default the
  // server rose to 1.3 GB before V8 collected it; at 1.5× it saw-toothed 70–110 MB above what
  // it holds (docs/performance.md, "lspmem2"). With only small contracts open, V8's own factor:
  // a lower one made the 7k contract's open → diagnostics a third slower (a full collection at
  // nearly every open). A growth factor, not a cap: a larger contract still fits.
  // Without a large contract, V8's scavenge task is posted early, so the young generation is
  // collected between messages rather than in the middle of the next analysis
  // (runtime/youngGeneration.ts).
  let largeOpen = false;
  scavengeEarly(true);
  const followLargeDocuments = () => {
    const large = store.documents.all().some((document) => document.getText().length >= LARGE_TEXT);
    if (large !== largeOpen) {
      setHeapGrowingPercent(large ? LARGE_TEXT_HEAP_GROWING_PERCENT : undefined);
      scavengeEarly(!large);
    }
    largeOpen = large;
  };

  const openedVersion = new Map<string, number>();
  store.documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    followLargeDocuments();
    validator.opened(event.document.uri);
  });
  store.documents.onDidChangeContent((event) => {
    followLargeDocuments();
    // TextDocuments also reports an open as a content change: the open was validated already.
    if (event.document.version !== openedVersion.get(event.document.uri)) void validator.changed(event.document.uri);
  });
  store.documents.onDidSave((event) => validator.saved(event.document.uri));
  store.documents.onDidClose((event) => {
    openedVersion.delete(event.document.uri);
    followLargeDocuments();
    settingsCache.delete(event.document.uri);
    store.forget(event.document.uri);
    evaluation.forget(event.document.uri);
    featureCache.forget(event.document.uri);
    validator.closed(event.document.uri);
  });

  connection.onCompletion((params, token) =>
    feature('completion', params.textDocument.uri, token, [], (a) => completion(a, params.position, locale())),
  );
  connection.onHover((params, token) => feature('hover', params.textDocument.uri, token, null, (a) => hover(a, params.position, { locale: locale() })));
  connection.onDefinition((params, token) =>
    feature('definition', params.textDocument.uri, token, [], (a) =>
      definition(a, params.position).map((range) => ({ uri: params.textDocument.uri, range })),
    ),
  );
  connection.onReferences((params, token) =>
    feature('references', params.textDocument.uri, token, [], (a) =>
      references(a, params.position, params.context.includeDeclaration).map((range) => ({ uri: params.textDocument.uri, range })),
    ),
  );
  connection.onPrepareRename((params, token) =>
    feature('prepareRename', params.textDocument.uri, token, null, (a) => {
      const result = prepareRename(a, params.position, locale());
      if ('error' in result) throw new ResponseError(-32803 /* RequestFailed */, result.error);
      return result;
    }),
  );
  connection.onRenameRequest((params, token) =>
    feature('rename', params.textDocument.uri, token, null, (a) => {
      const result = rename(a, params.position, params.newName, locale());
      if ('error' in result) throw new ResponseError(-32803 /* RequestFailed */, result.error);
      return { changes: { [params.textDocument.uri]: result.edits } };
    }),
  );
  connection.onDocumentSymbol((params, token) =>
    feature('documentSymbol', params.textDocument.uri, token, [], (a) => documentSymbols(a, locale(), featureCache.of(params.textDocument.uri).symbols)),
  );
  connection.onFoldingRanges((params, token) =>
    feature('foldingRange', params.textDocument.uri, token, [], (a) => foldingRanges(a, featureCache.of(params.textDocument.uri).folding)),
  );
  connection.onSelectionRanges((params, token) =>
    feature('selectionRange', params.textDocument.uri, token, [], (a) => selectionRanges(a, params.positions)),
  );
  // Semantic tokens made with what the document's last request kept; sent in full or as the
  // edits from the result the client names.
  connection.languages.semanticTokens.on((params, token) =>
    feature('semanticTokens', params.textDocument.uri, token, { data: [] }, (a) => {
      const kept = featureCache.of(params.textDocument.uri);
      return kept.sent.full(encodedSemanticTokens(a, kept.tokens));
    }),
  );
  connection.languages.semanticTokens.onDelta((params, token) =>
    feature('semanticTokens', params.textDocument.uri, token, { data: [] }, (a) => {
      const kept = featureCache.of(params.textDocument.uri);
      return kept.sent.delta(params.previousResultId, encodedSemanticTokens(a, kept.tokens));
    }),
  );
  connection.onDocumentFormatting((params, token) =>
    feature('formatting', params.textDocument.uri, token, [], (a) => formatDocument(a, params.options)),
  );
  connection.onCodeAction((params, token) =>
    feature('codeAction', params.textDocument.uri, token, [], (a) => codeActions(a, params.textDocument.uri, params.range, params.context, locale())),
  );
  connection.onCodeLens((params, token) =>
    feature('codeLens', params.textDocument.uri, token, [], (a) => codeLenses(a, params.textDocument.uri, evaluation.last(params.textDocument.uri), locale())),
  );

  connection.onRequest(EVALUATE_REQUEST, async (params: EvaluateParams, token) => {
    const result = await evaluation.evaluate(params, locale(), token);
    // Results show as code lenses and diagnostics: refresh both.
    if (store.get(params.uri)) validator.validateNow(params.uri);
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    return result;
  });

  connection.onRequest(EXPORT_REPORT_REQUEST, (params: ExportReportParams, token) => evaluation.exportReport(params, locale(), token));

  connection.onRequest(SEMANTIC_DIFF_REQUEST, (params: SemanticDiffParams) => semanticDiff(store, params, locale()));

  store.documents.listen(connection);
  connection.listen();
}
