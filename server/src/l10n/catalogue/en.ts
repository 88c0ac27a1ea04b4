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

  // Language 1.1 checks and their quick fixes (checks11: server/src/language/checker/, services/features/codeActions.ts)
  'check.sla311':
    '`compensation for {objective}`: the objective is measured per calendar {period} but the fee is paid per {feePeriod}, so no credit amount can be computed; use `window calendar {feePeriod}` or a fee per {period}',
  'check.sla312': 'a breach of `{objective}` ({target}) that no tier covers: {gap} owe nothing, as the mildest tier is `{tier}`; {fix}',
  'check.sla312.gapExactly': 'values of exactly {target}',
  'check.sla312.gapBelow': 'values from {threshold} up to (not including) {target}',
  'check.sla312.gapBelowIncluding': 'values from {threshold} up to and including {target}',
  'check.sla312.gapAbove': 'values above {target} up to {threshold}',
  'check.sla312.gapAboveIncluding': 'values from {target} up to {threshold}',
  'check.sla312.fixTier': 'add the tier `{tier}`',
  'check.sla312.fixComparator': 'write the target as `{target}`',
  'check.sla312.fixComparatorAndTier': 'write the target as `{target}` and add the tier `{tier}`',
  'check.sla405.holiday': 'holiday {date} lies outside the effective dates ({effective}): it can never apply; correct the date (the year?) or remove it',
  'check.sla405.workingDate': 'make-up working date {date} lies outside the effective dates ({effective}): it can never apply; correct the date (the year?) or remove it',
  'check.sla405.maintenance': 'maintenance starting {start} (on {date} in the contract\'s time zone) lies outside the effective dates ({effective}): correct the date (the year?) or remove it',
  'check.sla405.effectiveBetween': '{start} to {end}',
  'check.sla405.effectiveFrom': 'from {start}',
  'check.sla405.effectiveUntil': 'until {end}',
  'check.sla406': 'severity `{severity}` must be resolved within {resolve}, sooner than its response within {response}: a ticket would be resolved before it is answered; make `resolve` at least as long as `response`',
  'fix.sla312.addTier': 'Add the tier `{tier}`',
  'fix.sla312.comparator': 'Change the target to `{target}`',
  'fix.sla312.comparatorAndTier': 'Change the target to `{target}` and add the tier `{tier}`',
  'check.sla211.every': '`missing down` on `{indicator}` needs `every`: without the interval at which samples are expected, no sample can be missing; add a line like `every 1m`',
  'check.sla211.kind': '`missing down` on `{indicator}`, a `{kind}` indicator: only availability read from a `metric` can count a missing sample as down; remove it',
  'check.sla211.ratio': '`missing down` on `{indicator}`, which is read from a `ratio`: only availability read from a `metric` can count a missing sample as down; remove it',
  'check.sla212': '`coverage` of `{objective}` needs samples expected at an interval, but its indicator `{indicator}` has no `every`: add a line like `every 1m` to `{indicator}`',
  'check.sla213': '`counters` on `{indicator}`, which has no `ratio`: only the metrics of a ratio are read as cumulative counters; write `ratio good "…" total "…"` or remove `counters`',
  'check.sla404': '{date} is listed twice in schedule `{schedule}` (first at line {line}): remove this one',
  'check.sla505': 'review overdue: reviewed on {reviewed} with a {cadence} review, the next was due by {due} and today is {today}; review the contract and set `reviewed` to the date',
  'fix.sla505.setReviewed': 'Set `reviewed` to today ({today})',
  'cli.check.today': 'the date review deadlines (SLA505) are compared with, YYYY-MM-DD (default: today in each contract\'s time zone)',
  'cli.check.badToday': '--today needs a date as YYYY-MM-DD, not `{value}`',
} as const;

export type MessageId = keyof typeof en;

/** A catalogue: a text for every id, and no other ids. */
export type Catalogue = { readonly [Id in MessageId]: string };
