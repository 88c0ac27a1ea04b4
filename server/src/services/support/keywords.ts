// What each keyword and fixed word of the language means: one line and an example, for
// hovers and completion documentation. Words that mean different things in different
// blocks (`provider` in an sla and in responsibilities, `min` as aggregate and unit) have
// an entry per block, looked up as `block:word` first.
import { DAY_NAMES } from '../../language/ast';
import { messages } from '../../l10n/messages';

export interface KeywordDoc {
  summary: string;
  example: string;
}

export type { BlockKind } from '../../language/vocabulary';
import type { BlockKind } from '../../language/vocabulary';

const DOCS: Record<string, KeywordDoc> = {
  sla: { summary: 'A service level agreement: its parties, services, indicators, objectives and compensation.', example: 'sla LanyingIM "蓝莺IM 企业级聊天云服务" { … }' },
  version: { summary: 'The version of the contract text.', example: 'version "2.1.0"' },
  'sla:provider': { summary: 'The party that provides the service and owes the credits.', example: 'provider "蓝莺IM"' },
  'sla:customer': { summary: 'The party that receives the service and the credits.', example: 'customer "Acme Retail Ltd."' },
  effective: { summary: 'The dates the contract is in force (inclusive); samples outside them are not counted.', example: 'effective 2026-01-01 to 2026-12-31' },
  to: { summary: '`effective A to B`: the last day in force. `reporting monthly to "…"`: who receives the reports.', example: 'effective 2026-01-01 to 2026-12-31' },
  timezone: { summary: 'The IANA time zone of the contract: calendar periods, schedules and local times use it (default "UTC").', example: 'timezone "Asia/Shanghai"' },
  fee: { summary: 'The fee the customer pays per period; credits of a period of that length are paid as a share of it.', example: 'fee 12000 CNY per month' },
  per: { summary: 'The period a fee is paid for.', example: 'fee 12000 CNY per month' },
  'sla:service': { summary: 'A service the contract covers, with what it includes and excludes.', example: 'service chat_api "Chat API" { description "…" }' },
  schedule: { summary: 'Named weekly hours (and holidays); an objective counted only `during` them, or support `hours`.', example: 'schedule business_hours { mon..fri 09:00-18:00 }' },
  maintenance: { summary: 'Planned maintenance windows; objectives `excluding` them do not count samples inside.', example: 'maintenance weekly_window { every sun 02:00-04:00 }' },
  'sla:indicator': { summary: 'A service level indicator: what is measured (kind) and which metric holds the data.', example: 'indicator probe { kind availability metric "probe_success" }' },
  objective: { summary: 'A service level objective: an indicator, a target and a window.', example: 'objective uptime { indicator probe target >= 99.9% window calendar month }' },
  compensation: { summary: 'The credit ladder of an objective: which share of the fee is owed for a breach.', example: 'compensation for uptime { below 99.9% credit 10% }' },
  'compensation:for': { summary: 'The objective this compensation ladder is for.', example: 'compensation for uptime { … }' },
  'maintenance:for': { summary: 'How long a one-off maintenance window lasts.', example: 'on 2026-10-17T22:00 for 2h' },
  for: { summary: '`compensation for OBJECTIVE`, or the length of a one-off maintenance window (`on … for 2h`).', example: 'compensation for uptime { … }' },
  credits: { summary: 'Rules for credits: a cap on the total, the claim period, a remedy.', example: 'credits { cap 50% claim within 30d }' },
  responsibilities: { summary: 'What each party undertakes to do.', example: 'responsibilities { provider "Announce maintenance 72 hours ahead" }' },
  support: { summary: 'Support hours and the response and resolution times of each severity.', example: 'support { hours business_hours severity P1 "Down" response 15m resolve 4h }' },
  reporting: { summary: 'How often the provider reports on the objectives, and to whom.', example: 'reporting monthly to "sla-reports@acme.example"' },
  review: { summary: 'How often the parties review the contract.', example: 'review quarterly' },
  description: { summary: 'A free-text description.', example: 'description "REST API and WebSocket gateway"' },
  includes: { summary: 'What the service includes (a list of strings).', example: 'includes "message delivery", "presence"' },
  excludes: { summary: 'What the service does not include (a list of strings).', example: 'excludes "third-party push channels"' },
  holidays: { summary: 'Dates on which the schedule has no hours.', example: 'holidays 2026-10-01, 2026-10-02' },
  every: { summary: 'A weekly maintenance window: days and a time range in the contract time zone.', example: 'every sun 02:00-04:00' },
  on: { summary: 'A one-off maintenance window: a local date-time and a duration.', example: 'on 2026-10-17T22:00 for 2h' },
  notice: { summary: 'How far ahead maintenance is announced.', example: 'notice 72h' },
  kind: { summary: 'What the indicator measures; it decides the units, aggregates and comparators that fit.', example: 'kind availability' },
  metric: { summary: 'The metric (CSV `metric` column or Prometheus `__name__`) whose samples the indicator reads.', example: 'metric "probe_success"' },
  ratio: { summary: 'An indicator computed as Σ good (or bad) / Σ total over per-interval counts.', example: 'ratio good "requests_ok" total "requests_total"' },
  good: { summary: 'The metric of good events in a ratio (the result is the good percentage).', example: 'ratio good "requests_ok" total "requests_total"' },
  bad: { summary: 'The metric of bad events in a ratio (the result is the bad percentage).', example: 'ratio bad "requests_failed" total "requests_total"' },
  total: { summary: 'The metric of all events in a ratio.', example: 'ratio good "requests_ok" total "requests_total"' },
  'indicator:unit': { summary: 'The unit the metric values are in (default ms for latency and response time, min for recovery and resolution time, rps for throughput).', example: 'unit ms' },
  unit: { summary: 'The unit the metric values are in.', example: 'unit ms' },
  'objective:indicator': { summary: 'The indicator this objective is measured by.', example: 'indicator probe' },
  'objective:service': { summary: 'The service this objective is about.', example: 'service chat_api' },
  target: { summary: 'What the indicator must attain in each period: an optional aggregate, a comparator and a quantity.', example: 'target >= 99.9%   or   target p95 <= 500ms' },
  window: { summary: 'The periods the objective is evaluated over: calendar periods, or one rolling duration.', example: 'window calendar month' },
  calendar: { summary: 'Calendar periods aligned in the contract time zone (weeks from Monday); credits need them.', example: 'window calendar month' },
  rolling: { summary: 'One period of a fixed length ending at the evaluation instant.', example: 'window rolling 30d' },
  during: { summary: 'Count only samples inside this schedule (the error budget is in scheduled hours).', example: 'during business_hours' },
  excluding: { summary: 'Leave out samples inside these maintenance windows.', example: 'excluding weekly_window, release_window' },
  below: { summary: 'A tier that pays when the attained value is below the threshold (for `>=`/`>` targets).', example: 'below 99.0% credit 25%' },
  above: { summary: 'A tier that pays when the attained value is above the threshold (for `<=`/`<` targets).', example: 'above 1s credit 10%' },
  credit: { summary: 'The share of the period’s fee a tier pays; only the most severe applicable tier pays.', example: 'below 99.0% credit 25%' },
  cap: { summary: 'The most that all credits of one period may add up to.', example: 'cap 50%' },
  claim: { summary: 'How long after a period the customer may claim its credits.', example: 'claim within 30d' },
  within: { summary: 'The claim period.', example: 'claim within 30d' },
  remedy: { summary: 'A remedy besides credits.', example: 'remedy "8 extra hours of premium support"' },
  'responsibilities:provider': { summary: 'Something the provider undertakes to do.', example: 'provider "Announce planned maintenance 72 hours ahead"' },
  'responsibilities:customer': { summary: 'Something the customer undertakes to do.', example: 'customer "Report incidents through the ticket portal"' },
  hours: { summary: 'The schedule during which support is staffed.', example: 'hours business_hours' },
  severity: { summary: 'A support severity level with its response (and resolution) time.', example: 'severity P1 "Service down" response 15m resolve 4h' },
  response: { summary: 'The time within which the provider responds to an incident of this severity.', example: 'response 15m' },
  resolve: { summary: 'The time within which the provider resolves an incident of this severity.', example: 'resolve 4h' },
  // kinds
  availability: { summary: 'Kind: the share of time (probe) or requests (ratio) the service works, in %. Target `>= X%`, no aggregate.', example: 'kind availability' },
  error_rate: { summary: 'Kind: the share of failed requests, in %. Target `<= X%`, no aggregate.', example: 'kind error_rate' },
  latency: { summary: 'Kind: how long requests take (default unit ms). Targets need an aggregate.', example: 'target p95 <= 500ms' },
  response_time: { summary: 'Kind: how long the provider takes to respond (default unit ms). Targets need an aggregate.', example: 'target avg <= 2s' },
  recovery_time: { summary: 'Kind: time to recover from an incident (default unit min). Targets need an aggregate.', example: 'target max <= 4h' },
  resolution_time: { summary: 'Kind: time to resolve a ticket (default unit min). Targets need an aggregate.', example: 'target p90 <= 1d' },
  throughput: { summary: 'Kind: requests handled per second (default unit rps). Targets need an aggregate.', example: 'target min >= 150rps' },
  // aggregates
  avg: { summary: 'Aggregate: the arithmetic mean of the values in the period.', example: 'target avg <= 200ms' },
  'objective:min': { summary: 'Aggregate: the lowest value in the period.', example: 'target min >= 150rps' },
  'objective:max': { summary: 'Aggregate: the highest value in the period.', example: 'target max <= 4h' },
  max: { summary: 'Aggregate: the highest value in the period.', example: 'target max <= 4h' },
  // periods
  day: { summary: 'Period: a calendar day from local midnight.', example: 'window calendar day' },
  week: { summary: 'Period: a calendar week from Monday 00:00.', example: 'window calendar week' },
  month: { summary: 'Period: a calendar month from the 1st.', example: 'window calendar month' },
  quarter: { summary: 'Period: a quarter from January, April, July or October 1st.', example: 'window calendar quarter' },
  year: { summary: 'Period: a calendar year from January 1st.', example: 'window calendar year' },
  // cadences and day sets
  'schedule:daily': { summary: 'Every day of the week.', example: 'daily 00:00-24:00' },
  'maintenance:daily': { summary: 'Every day of the week.', example: 'every daily 02:00-03:00' },
  daily: { summary: 'Every day (a cadence, or all days in a schedule).', example: 'reporting daily' },
  weekly: { summary: 'Cadence: once a week.', example: 'reporting weekly' },
  monthly: { summary: 'Cadence: once a month.', example: 'reporting monthly to "ops@example.com"' },
  quarterly: { summary: 'Cadence: once a quarter.', example: 'review quarterly' },
  yearly: { summary: 'Cadence: once a year.', example: 'review yearly' },
  weekdays: { summary: 'Monday to Friday.', example: 'weekdays 09:00-18:00' },
  weekends: { summary: 'Saturday and Sunday.', example: 'weekends 10:00-16:00' },
  // units
  ms: { summary: 'Unit: milliseconds.', example: '500ms' },
  s: { summary: 'Unit: seconds.', example: '2s' },
  m: { summary: 'Unit: minutes.', example: '15m' },
  min: { summary: 'Unit: minutes (as an aggregate in a target: the lowest value).', example: '30min' },
  h: { summary: 'Unit: hours.', example: '4h' },
  d: { summary: 'Unit: days of 24 hours.', example: '30d' },
  w: { summary: 'Unit: weeks of 7 days.', example: '2w' },
  rps: { summary: 'Unit: requests per second.', example: '150rps' },
  rpm: { summary: 'Unit: requests per minute.', example: '9000rpm' },
  '%': { summary: 'Unit: percent.', example: 'target >= 99.9%' },
  // language 1.1: summaries in the message catalogue
  'indicator:every': { summary: messages().t('keyword.indicatorEvery'), example: 'every 1m' },
  missing: { summary: messages().t('keyword.missingDown'), example: 'missing down' },
  down: { summary: messages().t('keyword.missingDown'), example: 'missing down' },
  counters: { summary: messages().t('keyword.counters'), example: 'counters' },
  coverage: { summary: messages().t('keyword.coverage'), example: 'coverage 90%' },
  reviewed: { summary: messages().t('keyword.reviewed'), example: 'reviewed 2026-03-01' },
  'schedule:on': { summary: messages().t('keyword.scheduleOn'), example: 'on 2026-10-10, 2026-10-11 09:00-18:00' },
};

const DAY_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
DAY_NAMES.forEach((day, i) => {
  DOCS[day] = { summary: `${DAY_FULL[i]} (a day range may wrap: \`fri..mon\`).`, example: `${day} 09:00-18:00` };
});

export function keywordDoc(word: string, block?: BlockKind): KeywordDoc | undefined {
  if (block) {
    const specific = DOCS[`${block}:${word}`];
    if (specific) return specific;
  }
  if (/^p\d/.test(word)) {
    return { summary: `Aggregate: the ${word.slice(1)}th percentile (nearest rank) of the values in the period.`, example: `target ${word} <= 500ms` };
  }
  return DOCS[word] ?? (word === 'provider' || word === 'customer' || word === 'service' || word === 'indicator' ? DOCS[`sla:${word}`] : undefined);
}

/** Markdown for a hover or a completion's documentation. */
export function keywordMarkdown(word: string, block?: BlockKind): string | undefined {
  const doc = keywordDoc(word, block);
  return doc && `**${word}** — ${doc.summary}\n\n\`\`\`sla\n${doc.example}\n\`\`\``;
}
