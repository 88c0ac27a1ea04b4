// English messages: the default and the fallback, and the source of the ids' types. Ids are
// stable (`area.what`); a text may change, its id and `{placeholders}` stay. Every id needs
// a translation in each other catalogue (test/l10n/catalogue.test.ts fails otherwise).
export const en = {
  // Code lenses (server/src/services/codeLens.ts)
  'codeLens.evaluate': '▶ Evaluate',

  // The `sla/evaluate` request (server/src/lsp/evaluation.ts)
  'evaluate.badRequest': 'sla/evaluate needs a document uri and a list of metric files',
  'evaluate.notAFile': 'cannot evaluate {uri}: it is neither open nor a file',
  'evaluate.sealedToken': 'the Prometheus token could not be opened (it was sealed for another language server): run "SLA: Restart Language Server"',

  // The command line (cli/src/main.ts)
  'cli.description': 'Check service level agreements written in the SLA language and evaluate them against metrics.',
  'cli.helpHint': '(run `sla --help` for usage)',
  'cli.option.help': 'display help for command',
  'cli.option.version': 'output the version number',
  'cli.option.locale': 'language of messages and reports: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)',
  'cli.unsupportedLocale': 'unsupported locale "{value}": use one of {supported}',
  'cli.internalError': 'internal error: {reason}',
} as const;

export type MessageId = keyof typeof en;

/** A catalogue: a text for every id, and no other ids. */
export type Catalogue = { readonly [Id in MessageId]: string };
