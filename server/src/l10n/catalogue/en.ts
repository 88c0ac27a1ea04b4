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
  'check.everyNotAboveZero': '`every {interval}` is not above 0: write the interval at which samples are expected, e.g. `every 1m`',
  'codeAction.replaceFullWidth': 'Replace `{char}` with `{ascii}`',
  'codeAction.replaceAllFullWidth': 'Replace all full-width punctuation in this file',
  'keyword.indicatorEvery': 'The interval at which the indicator’s samples are expected: coverage and `missing down` count the expected samples from it.',
  'keyword.missingDown': 'With `every`: each expected sample that is missing counts as down (availability read from a `metric`).',
  'keyword.counters': 'The ratio’s metrics are cumulative counters (as Prometheus exports them): each period counts their increase, resets included.',
  'keyword.coverage': 'The share of expected samples (from the indicator’s `every`) a period needs; with less, its result is `insufficient-data`.',
  'keyword.reviewed': 'The date the contract was last reviewed; with `review`, SLA505 warns once the next review is overdue.',
  'keyword.scheduleOn': 'Dated working hours: on these local dates the schedule has exactly these ranges, whatever the weekday (make-up working days, 调休).',

  // Semantic diff and formatting: sla diff, sla fmt, Compare with Previous Version, review lens (lifecycle)
  'diff.class.stricter': 'stricter',
  'diff.class.looser': 'looser',
  'diff.class.neutral': 'neutral',
  'diff.aspect.sla': 'sla block',
  'diff.aspect.objective': 'objective',
  'diff.aspect.indicator': 'indicator',
  'diff.aspect.target': 'target',
  'diff.aspect.window': 'window',
  'diff.aspect.scheduleHours': 'schedule hours',
  'diff.aspect.holidays': 'holidays',
  'diff.aspect.maintenance': 'maintenance',
  'diff.aspect.tier': 'compensation tier',
  'diff.aspect.cap': 'credit cap',
  'diff.aspect.fee': 'fee',
  'diff.aspect.claim': 'claim period',
  'diff.aspect.provider': 'provider',
  'diff.aspect.customer': 'customer',
  'diff.aspect.effective': 'effective dates',
  'diff.aspect.timezone': 'time zone',
  'diff.aspect.version': 'version',
  'diff.objectiveAspect': '{objective}: {aspect}',
  'diff.changeLine': '{subject}: {values}',
  'diff.none': '(none)',
  'diff.noChange': 'no semantic change',
  'diff.summary': '{count} semantic changes: {stricter} stricter for the provider, {looser} looser, {neutral} neutral',
  'diff.slaHeading': 'sla {name}',
  'diff.column.class': 'for the provider',
  'diff.column.change': 'change',
  'diff.column.values': 'before → after',
  'diff.versionNotBumped': '{file}: sla {name}: the meaning changed but version is still {version}',
  'diff.notParsed': '{file} has errors; fix them before comparing:',
  'diff.badRequest': 'sla/semanticDiff needs a document uri and the previous text',
  'diff.notOpen': 'cannot compare {uri}: it is not open in the editor',
  'cli.diff.description': 'compare two versions of a contract by meaning; exit 1 with --require-version-bump when the meaning changed and version did not',
  'cli.diff.files': 'OLD NEW, or with --git the files to compare with REV (default: every changed .sla file)',
  'cli.diff.git': 'compare the working tree with git revision REV',
  'cli.diff.format': 'output format',
  'cli.diff.requireBump': 'exit 1 when the meaning changed and version did not',
  'cli.diff.twoFiles': 'sla diff needs two files, OLD and NEW (or --git REV)',
  'cli.diff.notRepository': '{dir} is not in a git repository',
  'cli.diff.badRevision': 'git revision "{rev}" does not exist',
  'cli.diff.gitFailed': 'git failed: {reason}',
  'cli.diff.cannotRead': 'cannot read {file}: {reason}',
  'cli.fmt.description': 'format contracts in place with the editor\'s layout; --check lists files that would change (exit 1)',
  'cli.fmt.files': 'contract files, directories (searched for *.sla) or globs',
  'cli.fmt.check': 'change nothing; exit 1 listing the files that are not formatted',
  'cli.fmt.wouldChange': '{file}: not formatted',
  'cli.fmt.formatted': '{file}: formatted',
  'cli.fmt.syntaxErrors': '{file} has syntax errors; not formatted:',
  'cli.fmt.cannotWrite': 'cannot write {file}: {reason}',
  'cli.fmt.summaryCheck': '{count} of {total} files would be reformatted',
  'codeLens.nextReview': 'Next review: {date}',
  'codeLens.reviewOverdue': 'Review overdue: the next review was due on {date}',
  'codeLens.markReviewed': 'Mark reviewed today',
} as const;

export type MessageId = keyof typeof en;

/** A catalogue: a text for every id, and no other ids. */
export type Catalogue = { readonly [Id in MessageId]: string };
