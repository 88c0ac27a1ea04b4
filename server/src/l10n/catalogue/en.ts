// English messages: the default and the fallback, and the source of the ids' types. Ids are
// stable (`area.what`); a text may change, its id and `{placeholders}` stay. Every id needs
// a translation in each other catalogue (test/l10n/catalogue.test.ts fails otherwise).
export const en = {
  // Code lenses (server/src/services/codeLens.ts)
  'codeLens.evaluate': '▶ Evaluate',

  // The `sla/evaluate` request (server/src/lsp/evaluation.ts)
  'evaluate.badRequest': 'sla/evaluate needs a document uri and a list of metric files',
  'evaluate.notAFile': 'cannot evaluate {uri}: it is neither open nor a file',

  // The command line (cli/src/main.ts)
  'cli.description': 'Check service level agreements written in the SLA language and evaluate them against metrics.',
  'cli.helpHint': '(run `sla --help` for usage)',
  'cli.option.help': 'display help for command',
  'cli.option.version': 'output the version number',
  'cli.option.locale': 'language of messages and reports: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)',
  'cli.unsupportedLocale': 'unsupported locale "{value}": use one of {supported}',
  'cli.internalError': 'internal error: {reason}',

  // Evaluation 1.1: missing metrics, series, coverage (eval11: server/src/evaluation, cli/src/evaluate.ts)
  'evaluate.missingMetric': 'no samples of metric "{metric}" in the inputs (named by indicator {indicators})',
  'evaluate.missingMetricSuggest': 'no samples of metric "{metric}" in the inputs (named by indicator {indicators}); did you mean "{suggestion}"?',
  'evaluate.cumulativeSeries': 'series {series} looks cumulative: its {count} samples never decrease and end at {last}, more than 10 times the first ({first}); a ratio adds per-interval counts, so mark indicator {indicator} `counters` if these are counters',
  'evaluate.counterDuplicate': 'a second sample of series {series} at the same timestamp: under `counters` a series has one value per instant',
  'evaluate.option.allowMissingMetrics': 'evaluate even when a metric the contract names has no samples (a warning instead of an error; the metric counts as empty)',
  'report.status.insufficientData': 'insufficient data',
  'report.column.coverage': 'coverage',
  'report.partialData': 'partial data',
  'report.count.insufficientData': '{count} insufficient data',
  'codeLens.coverage': 'coverage {coverage}',
  'evaluate.countersFromServer': 'objective {objective}: indicator {indicator} reads `counters`, which this version evaluates from metric files only (CSV or Prometheus JSON with the raw samples), not from a Prometheus server',
  // Language 1.1 syntax (syntax11): lexer and parser (SLA003), checker/sampling.ts (SLA214),
  // the SLA003 quick fixes in services/features/codeActions.ts
  'lex.fullWidth': 'full-width `{char}` read as `{ascii}`: type the ASCII character (English punctuation in the input method)',
  'lex.ideographicSpace': 'ideographic space (U+3000) read as a space: type an ASCII space (English punctuation in the input method)',
  'check.everyNotAboveZero': '`every {interval}` is not above 0: write the interval at which samples are expected, e.g. `every 1m`',
  'codeAction.replaceFullWidth': 'Replace `{char}` with `{ascii}`',
  'codeAction.replaceIdeographicSpace': 'Replace the ideographic space (U+3000) with a space',
  'hover.scheduleOn': 'On {date}: {hours} (whatever the weekday)',
  'codeAction.replaceAllFullWidth': 'Replace all full-width punctuation in this file',
  'keyword.indicatorEvery': 'The interval at which the indicator’s samples are expected: coverage and `missing down` count the expected samples from it.',
  'keyword.missingDown': 'With `every`: each expected sample that is missing counts as down (availability read from a `metric`).',
  'keyword.counters': 'The ratio’s metrics are cumulative counters (as Prometheus exports them): each period counts their increase, resets included.',
  'keyword.coverage': 'The share of expected samples (from the indicator’s `every`) a period needs; with less, its result is `insufficient-data`.',
  'keyword.reviewed': 'The date the contract was last reviewed; with `review`, SLA505 warns once the next review is overdue.',
  'keyword.scheduleOn': 'Dated working hours: on these local dates the schedule has exactly these ranges, whatever the weekday (make-up working days, 调休).',
} as const;

export type MessageId = keyof typeof en;

/** A catalogue: a text for every id, and no other ids. */
export type Catalogue = { readonly [Id in MessageId]: string };
