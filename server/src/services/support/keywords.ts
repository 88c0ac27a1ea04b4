// What each keyword and fixed word of the language means: one line and an example, for
// hovers and completion documentation. Words that mean different things in different
// blocks (`provider` in an sla and in responsibilities, `min` as aggregate and unit) have
// an entry per block, looked up as `block:word` first. The summaries are in the message
// catalogue (`keyword.*`); the examples are contract text and stay as written.
import { DAY_NAMES } from '../../language/ast';
import { messages, type MessageId, type MessageParams } from '../../l10n/messages';
import { DEFAULT_LOCALE, type Locale } from '../../l10n/locale';

export interface KeywordDoc {
  summary: string;
  example: string;
}

/** Catalogue ids of messages without placeholders. */
type PlainId = { [Id in MessageId]: MessageParams<Id> extends [] ? Id : never }[MessageId];

/** A keyword's entry: the catalogue id of its summary and an example. */
interface KeywordEntry {
  id: PlainId;
  example: string;
}

export type { BlockKind } from '../../language/vocabulary';
import type { BlockKind } from '../../language/vocabulary';

const DOCS: Record<string, KeywordEntry> = {
  sla: { id: 'keyword.sla', example: 'sla LanyingIM "蓝莺IM 企业级聊天云服务" { … }' },
  version: { id: 'keyword.version', example: 'version "2.1.0"' },
  'sla:provider': { id: 'keyword.sla.provider', example: 'provider "蓝莺IM"' },
  'sla:customer': { id: 'keyword.sla.customer', example: 'customer "Acme Retail Ltd."' },
  effective: { id: 'keyword.effective', example: 'effective 2026-01-01 to 2026-12-31' },
  to: { id: 'keyword.to', example: 'effective 2026-01-01 to 2026-12-31' },
  timezone: { id: 'keyword.timezone', example: 'timezone "Asia/Shanghai"' },
  fee: { id: 'keyword.fee', example: 'fee 12000 CNY per month' },
  per: { id: 'keyword.per', example: 'fee 12000 CNY per month' },
  'sla:service': { id: 'keyword.sla.service', example: 'service chat_api "Chat API" { description "…" }' },
  schedule: { id: 'keyword.schedule', example: 'schedule business_hours { mon..fri 09:00-18:00 }' },
  maintenance: { id: 'keyword.maintenance', example: 'maintenance weekly_window { every sun 02:00-04:00 }' },
  'sla:indicator': { id: 'keyword.sla.indicator', example: 'indicator probe { kind availability metric "probe_success" }' },
  objective: { id: 'keyword.objective', example: 'objective uptime { indicator probe target >= 99.9% window calendar month }' },
  compensation: { id: 'keyword.compensation', example: 'compensation for uptime { below 99.9% credit 10% }' },
  'compensation:for': { id: 'keyword.compensation.for', example: 'compensation for uptime { … }' },
  'maintenance:for': { id: 'keyword.maintenance.for', example: 'on 2026-10-17T22:00 for 2h' },
  for: { id: 'keyword.for', example: 'compensation for uptime { … }' },
  credits: { id: 'keyword.credits', example: 'credits { cap 50% claim within 30d }' },
  responsibilities: { id: 'keyword.responsibilities', example: 'responsibilities { provider "Announce maintenance 72 hours ahead" }' },
  support: { id: 'keyword.support', example: 'support { hours business_hours severity P1 "Down" response 15m resolve 4h }' },
  reporting: { id: 'keyword.reporting', example: 'reporting monthly to "sla-reports@acme.example"' },
  review: { id: 'keyword.review', example: 'review quarterly' },
  description: { id: 'keyword.description', example: 'description "REST API and WebSocket gateway"' },
  includes: { id: 'keyword.includes', example: 'includes "message delivery", "presence"' },
  excludes: { id: 'keyword.excludes', example: 'excludes "third-party push channels"' },
  holidays: { id: 'keyword.holidays', example: 'holidays 2026-10-01, 2026-10-02' },
  every: { id: 'keyword.every', example: 'every sun 02:00-04:00' },
  on: { id: 'keyword.on', example: 'on 2026-10-17T22:00 for 2h' },
  notice: { id: 'keyword.notice', example: 'notice 72h' },
  kind: { id: 'keyword.kind', example: 'kind availability' },
  metric: { id: 'keyword.metric', example: 'metric "probe_success"' },
  ratio: { id: 'keyword.ratio', example: 'ratio good "requests_ok" total "requests_total"' },
  good: { id: 'keyword.good', example: 'ratio good "requests_ok" total "requests_total"' },
  bad: { id: 'keyword.bad', example: 'ratio bad "requests_failed" total "requests_total"' },
  total: { id: 'keyword.total', example: 'ratio good "requests_ok" total "requests_total"' },
  'indicator:unit': { id: 'keyword.indicator.unit', example: 'unit ms' },
  unit: { id: 'keyword.unit', example: 'unit ms' },
  'objective:indicator': { id: 'keyword.objective.indicator', example: 'indicator probe' },
  'objective:service': { id: 'keyword.objective.service', example: 'service chat_api' },
  target: { id: 'keyword.target', example: 'target >= 99.9%   or   target p95 <= 500ms' },
  window: { id: 'keyword.window', example: 'window calendar month' },
  calendar: { id: 'keyword.calendar', example: 'window calendar month' },
  rolling: { id: 'keyword.rolling', example: 'window rolling 30d' },
  during: { id: 'keyword.during', example: 'during business_hours' },
  excluding: { id: 'keyword.excluding', example: 'excluding weekly_window, release_window' },
  below: { id: 'keyword.below', example: 'below 99.0% credit 25%' },
  above: { id: 'keyword.above', example: 'above 1s credit 10%' },
  credit: { id: 'keyword.credit', example: 'below 99.0% credit 25%' },
  cap: { id: 'keyword.cap', example: 'cap 50%' },
  claim: { id: 'keyword.claim', example: 'claim within 30d' },
  within: { id: 'keyword.within', example: 'claim within 30d' },
  remedy: { id: 'keyword.remedy', example: 'remedy "8 extra hours of premium support"' },
  'responsibilities:provider': { id: 'keyword.responsibilities.provider', example: 'provider "Announce planned maintenance 72 hours ahead"' },
  'responsibilities:customer': { id: 'keyword.responsibilities.customer', example: 'customer "Report incidents through the ticket portal"' },
  hours: { id: 'keyword.hours', example: 'hours business_hours' },
  severity: { id: 'keyword.severity', example: 'severity P1 "Service down" response 15m resolve 4h' },
  response: { id: 'keyword.response', example: 'response 15m' },
  resolve: { id: 'keyword.resolve', example: 'resolve 4h' },
  // kinds
  availability: { id: 'keyword.availability', example: 'kind availability' },
  error_rate: { id: 'keyword.error_rate', example: 'kind error_rate' },
  latency: { id: 'keyword.latency', example: 'target p95 <= 500ms' },
  response_time: { id: 'keyword.response_time', example: 'target avg <= 2s' },
  recovery_time: { id: 'keyword.recovery_time', example: 'target max <= 4h' },
  resolution_time: { id: 'keyword.resolution_time', example: 'target p90 <= 1d' },
  throughput: { id: 'keyword.throughput', example: 'target min >= 150rps' },
  // aggregates
  avg: { id: 'keyword.avg', example: 'target avg <= 200ms' },
  'objective:min': { id: 'keyword.objective.min', example: 'target min >= 150rps' },
  'objective:max': { id: 'keyword.objective.max', example: 'target max <= 4h' },
  max: { id: 'keyword.max', example: 'target max <= 4h' },
  // periods
  day: { id: 'keyword.day', example: 'window calendar day' },
  week: { id: 'keyword.week', example: 'window calendar week' },
  month: { id: 'keyword.month', example: 'window calendar month' },
  quarter: { id: 'keyword.quarter', example: 'window calendar quarter' },
  year: { id: 'keyword.year', example: 'window calendar year' },
  // cadences and day sets
  'schedule:daily': { id: 'keyword.schedule.daily', example: 'daily 00:00-24:00' },
  'maintenance:daily': { id: 'keyword.maintenance.daily', example: 'every daily 02:00-03:00' },
  daily: { id: 'keyword.daily', example: 'reporting daily' },
  weekly: { id: 'keyword.weekly', example: 'reporting weekly' },
  monthly: { id: 'keyword.monthly', example: 'reporting monthly to "ops@example.com"' },
  quarterly: { id: 'keyword.quarterly', example: 'review quarterly' },
  yearly: { id: 'keyword.yearly', example: 'review yearly' },
  weekdays: { id: 'keyword.weekdays', example: 'weekdays 09:00-18:00' },
  weekends: { id: 'keyword.weekends', example: 'weekends 10:00-16:00' },
  // units
  ms: { id: 'keyword.ms', example: '500ms' },
  s: { id: 'keyword.s', example: '2s' },
  m: { id: 'keyword.m', example: '15m' },
  min: { id: 'keyword.min', example: '30min' },
  h: { id: 'keyword.h', example: '4h' },
  d: { id: 'keyword.d', example: '30d' },
  w: { id: 'keyword.w', example: '2w' },
  rps: { id: 'keyword.rps', example: '150rps' },
  rpm: { id: 'keyword.rpm', example: '9000rpm' },
  '%': { id: 'keyword.percent', example: 'target >= 99.9%' },
  // language 1.1
  'indicator:every': { id: 'keyword.indicatorEvery', example: 'every 1m' },
  missing: { id: 'keyword.missingDown', example: 'missing down' },
  down: { id: 'keyword.missingDown', example: 'missing down' },
  counters: { id: 'keyword.counters', example: 'counters' },
  coverage: { id: 'keyword.coverage', example: 'coverage 90%' },
  reviewed: { id: 'keyword.reviewed', example: 'reviewed 2026-03-01' },
  'schedule:on': { id: 'keyword.scheduleOn', example: 'on 2026-10-10, 2026-10-11 09:00-18:00' },
};

const DAY_IDS = ['keyword.mon', 'keyword.tue', 'keyword.wed', 'keyword.thu', 'keyword.fri', 'keyword.sat', 'keyword.sun'] as const satisfies readonly PlainId[];
DAY_NAMES.forEach((day, i) => {
  DOCS[day] = { id: DAY_IDS[i], example: `${day} 09:00-18:00` };
});

function entryOf(word: string, block?: BlockKind): KeywordEntry | undefined {
  if (block) {
    const specific = DOCS[`${block}:${word}`];
    if (specific) return specific;
  }
  return DOCS[word] ?? (word === 'provider' || word === 'customer' || word === 'service' || word === 'indicator' ? DOCS[`sla:${word}`] : undefined);
}

export function keywordDoc(word: string, block?: BlockKind, locale: Locale = DEFAULT_LOCALE): KeywordDoc | undefined {
  const { t } = messages(locale);
  if (/^p\d/.test(word)) {
    return { summary: t('keyword.percentile', { rank: word.slice(1) }), example: `target ${word} <= 500ms` };
  }
  const entry = entryOf(word, block);
  return entry && { summary: t(entry.id), example: entry.example };
}

/** Markdown for a hover or a completion's documentation. */
export function keywordMarkdown(word: string, block?: BlockKind, locale: Locale = DEFAULT_LOCALE): string | undefined {
  const doc = keywordDoc(word, block, locale);
  return doc && `**${word}** — ${doc.summary}\n\n\`\`\`sla\n${doc.example}\n\`\`\``;
}
