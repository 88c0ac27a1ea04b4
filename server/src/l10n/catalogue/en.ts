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

  // OpenSLO export and import (server/src/interop/openslo, cli/src/openslo.ts, cli/src/export.ts)
  'cli.import.description': 'make a contract from another format',
  'cli.export.openslo.description': 'write the contract as OpenSLO v1 documents (multi-document YAML): Service, SLI, SLO, AlertPolicy',
  'cli.import.openslo.description': 'make a contract from OpenSLO v1 documents (YAML files)',
  'cli.export.openslo.contract': 'the contract file (.sla)',
  'cli.import.openslo.files': 'OpenSLO YAML files',
  'cli.option.sla': 'the sla block to use (default: the first)',
  'cli.option.output': 'write to FILE instead of standard output',
  'cli.import.document': 'document {index}',
  'cli.cannotRead': 'cannot read {file}: {reason}',
  'cli.cannotWrite': 'cannot write {file}: {reason}',
  'cli.export.contractErrors': '{file} has {count} error(s); run `sla check {file}` and fix them first',
  'cli.export.noSla': '{file} has no sla block',
  'cli.export.unknownSla': '{file} has no sla named {name}; it has {names}',
  'openslo.export.notExpressible.aggregate': 'objective {objective}: OpenSLO counts shares of events and cannot say `{clause}`; it is kept only in the contract annotation sla.openslo.io/objectives',
  'openslo.export.notExpressible.comparator': 'objective {objective}: `{clause}` points the way OpenSLO cannot say for this indicator; it is kept only in the contract annotation sla.openslo.io/objectives',
  'openslo.export.notExpressible.noBudget': 'objective {objective}: `{clause}` leaves no error budget (an OpenSLO target is below 1); it is kept only in the contract annotation sla.openslo.io/objectives',
  'openslo.export.notExpressible.window': 'objective {objective}: window `{clause}` is not a whole number of minutes, as OpenSLO needs; it is kept only in the contract annotation sla.openslo.io/objectives',
  'openslo.import.yaml': 'YAML error: {reason}',
  'openslo.import.notObject': 'not an OpenSLO document: expected a mapping with apiVersion, kind, metadata and spec',
  'openslo.import.apiVersion': 'apiVersion is {found}: expected openslo/v1',
  'openslo.import.kind': 'kind is {found}: expected one of {kinds}',
  'openslo.import.missing': '{kind} has no {field}',
  'openslo.import.noSlo': 'no SLO document: there is nothing to import',
  'openslo.import.unknownRef': 'SLO {slo} names the SLI {name}, which no document defines',
  'openslo.import.target': 'SLO {slo}: an objective needs target (0 ≤ target < 1) or targetPercent',
  'openslo.import.threshold': 'SLO {slo}: an objective on a thresholdMetric needs op (lte, lt, gte, gt) and value',
  'openslo.import.window': 'the {form} time window {duration} has no counterpart in the SLA language: calendar windows are 1d, 1w, 1M, 1Q or 1Y, rolling ones whole minutes (m), hours (h), days (d) or weeks (w)',
  'openslo.import.invalidContract': 'the contract made from these documents does not check (line {line}: {code} {message}); an sla.openslo.io annotation may have been edited',
  'openslo.comment.header': 'Imported from OpenSLO v1 by `sla import openslo`.',
  'openslo.comment.noCredits': 'TODO: compensation for {objective} — OpenSLO has no credits',
  'openslo.comment.noParties': 'TODO: provider, customer and version — OpenSLO has no contract parties',
  'openslo.comment.kindGuessed': 'TODO: OpenSLO gives no kind or unit: kind {kind} with values in {unit} is a guess',
  'openslo.comment.counter': 'TODO: OpenSLO says these are cumulative counters (counter: true); this indicator adds per-interval counts',
  'openslo.comment.sourceType': 'TODO: the OpenSLO metric source is {type}; sla evaluate reads Prometheus series',
  'openslo.comment.budgeting': 'TODO: OpenSLO budgets this SLO by {method}; the SLA language counts samples',
  'openslo.comment.zones': 'TODO: the OpenSLO calendars use several time zones ({zones}); a contract has one',
  'openslo.comment.unsupported': 'OpenSLO {kind} {name} has no counterpart in the SLA language',
  'openslo.comment.notSelector': 'TODO: the OpenSLO query {query} is not a series selector; sla evaluate reads metric names and series selectors',
  // sla export prometheus-rules (server/src/export/prometheusRules.ts, cli/src/exportPrometheusRules.ts)
  'export.rules.header':
    'Prometheus rules made by `sla export prometheus-rules`. For each exported objective: recording rules sla:sli_error:ratio_rate<window> (the share of the error budget\'s unit that went wrong over that window: bad time, bad requests or requests slower than the target) and SLAErrorBudgetBurn alerts, multi-window multi-burn-rate as in the Google SRE workbook (page: 1h with 5m and 6h with 30m; ticket: 3d with 6h).',
  'export.rules.burnRates':
    '{objective}: {window} window, counted as {days} d. Burn rates = (share of the budget spent in the long window: 2%, 5%, 10%) × {days} d / long window, so the workbook\'s 14.4, 6 and 1 for 30 days; here {factors}.',
  'export.rules.histogram':
    '{objective}: {target} is read from histogram buckets: {metric}_bucket with le = {le} and {metric}_count; at least {share}% of requests must be at or below the target. The metric must be a Prometheus histogram with a bucket bound at exactly the target.',
  'export.rules.condition':
    'Only instants inside the `during` schedule and outside the `excluding` windows count: PromQL time conditions on vector(time()) at UTC{offset} ({zone}); the 5-minute error ratio is then sampled every minute through a subquery ([5m:1m]), and longer windows average its recorded values (they fill up over their length after the rules are loaded).',
  'export.rules.effective': 'The alerts fire only within the contract\'s effective dates.',
  'export.rules.dst':
    '{zone} changes its UTC offset for daylight saving ({offsets}). PromQL time functions know only UTC, so schedule hours and weekly maintenance windows here use UTC{used}: while {others} applies they are matched that much early or late. Effective dates and one-off maintenance are exact.',
  'export.rules.alertLongerThanWindow': 'no {severity} alert over {long}: longer than the {window} window',
  'export.rules.alertCannotFire': 'no {severity} alert over {long}: burn rate {factor} × budget {budget} is above 1, it could never fire',
  'export.rules.notExported': 'Not exported: {sla}.{objective}: {reason}',
  'export.rules.reason.incomplete': 'its indicator, metric, target or window is missing or invalid (run `sla check`)',
  'export.rules.reason.metricName': '"{metric}" is not a Prometheus metric name',
  'export.rules.reason.aggregate': 'an aggregate ({aggregate}) on a {kind} share has no PromQL burn rate',
  'export.rules.reason.notPromql':
    '{aggregate} of a {kind} cannot be computed by PromQL as a burn rate: only percentiles at or below a target of latency and response times (from histogram buckets), shares (availability, error rates, ratios) are exported',
  'export.rules.reason.noBudget': 'target {target} leaves no error budget',
  'export.rules.reason.noAlert': 'no burn-rate alert can fire for its window and budget',
  'export.rules.summary.page': '{objective} ({sla}) is burning its error budget fast: page',
  'export.rules.summary.ticket': '{objective} ({sla}) is burning its error budget: ticket',
  'export.rules.description': 'Objective {objective}: target {target} per {window}; error budget {budget}%.',
  'export.rules.credit.amount': '{credit}% of the fee per {period} ({amount} {currency}) when the {period} ends {threshold}',
  'export.rules.credit.percent': '{credit}% of the fee when the period ends {threshold}',
  'export.rules.credit.none': 'no compensation clause',
  'export.cli.description': 'export a contract to other tools',
  'export.cli.rules.description': 'Prometheus recording and alerting rules (multi-window multi-burn-rate) for the objectives PromQL can compute',
  'export.cli.argument.contract': 'the contract file (.sla)',
  'export.cli.option.sla': 'the sla block to export (default: every block of the file)',
  'export.cli.option.output': 'write the rules to this file (default: standard output)',
  'export.cli.noSuchSla': 'no sla block named "{name}" in {file}; there are: {names}',
  'export.cli.hasErrors': '{file} has errors ({count}): fix them first (run `sla check {file}`)',
  'export.cli.cannotRead': 'cannot read {file}: {reason}',
  'export.cli.cannotWrite': 'cannot write {file}: {reason}',
  'export.cli.warning': 'warning: {message}',
  'export.cli.nothingExported': 'no objective of {file} can be exported as Prometheus rules',
} as const;

export type MessageId = keyof typeof en;

/** A catalogue: a text for every id, and no other ids. */
export type Catalogue = { readonly [Id in MessageId]: string };
