import { strict as assert } from 'node:assert';
import { completion } from '../../server/src/services/features/completion';
import { completionLabels, expectCompletion, marked } from './helpers';

const HEAD = `sla Shop "Shop" {
  version "1"
  provider "P"
  customer "C"
  fee 1000 EUR per month
  service web "Web" { description "site" }
  schedule office { mon..fri 09:00-18:00 }
  schedule night { daily 00:00-06:00 }
  maintenance weekly { every sun 02:00-04:00 }
  maintenance yearly_upgrade { on 2026-10-17T22:00 for 2h }
  indicator probe { kind availability metric "up" }
  indicator latency_ms { kind latency metric "lat" }
  indicator errors { kind error_rate metric "err" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective speed { indicator latency_ms target p95 <= 500ms window calendar month }
`;
const SLA_ITEMS = ['version', 'provider', 'customer', 'effective', 'timezone', 'fee', 'service', 'schedule', 'maintenance', 'indicator', 'objective', 'compensation', 'credits', 'responsibilities', 'support', 'reporting', 'review', 'reviewed'];
const OBJECTIVE_ITEMS = ['indicator', 'service', 'target', 'window', 'during', 'excluding', 'description', 'coverage'];

describe('completion', () => {
  it('offers only `sla` (and its snippet) at the top level', () => {
    expectCompletion('<|>', { exactly: ['sla', 'sla {…}'] });
    expectCompletion('// a comment\n<|>', { exactly: ['sla', 'sla {…}'] });
    expectCompletion(`${HEAD}}\n<|>`, { exactly: ['sla', 'sla {…}'] });
  });

  it('offers the sla items and snippets in an sla body', () => {
    const labels = expectCompletion(`${HEAD}  <|>\n}`, {
      includes: [...SLA_ITEMS, 'objective {…}', 'compensation {…} (three tiers)', 'schedule {…}'],
      excludes: ['sla', 'kind', 'target', 'below'],
    });
    assert.equal(labels.filter((l) => !l.includes('{')).length, SLA_ITEMS.length);
  });

  it('offers each block its own items', () => {
    expectCompletion(`${HEAD}  objective x {\n    <|>\n  }\n}`, { exactly: OBJECTIVE_ITEMS });
    expectCompletion(`${HEAD}  indicator i {\n    <|>\n  }\n}`, { exactly: ['kind', 'metric', 'ratio', 'unit', 'description', 'every', 'missing', 'counters'] });
    expectCompletion(`${HEAD}  service s {\n    <|>\n  }\n}`, { exactly: ['description', 'includes', 'excludes'] });
    expectCompletion(`${HEAD}  maintenance m {\n    <|>\n  }\n}`, { exactly: ['every', 'on', 'notice'] });
    expectCompletion(`${HEAD}  compensation for uptime {\n    <|>\n  }\n}`, { exactly: ['below', 'above'] });
    expectCompletion(`${HEAD}  credits {\n    <|>\n  }\n}`, { exactly: ['cap', 'claim', 'remedy'] });
    expectCompletion(`${HEAD}  responsibilities {\n    <|>\n  }\n}`, { exactly: ['provider', 'customer'] });
    expectCompletion(`${HEAD}  support {\n    <|>\n  }\n}`, { exactly: ['hours', 'severity'] });
    expectCompletion(`${HEAD}  schedule s {\n    <|>\n  }\n}`, {
      exactly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'daily', 'weekdays', 'weekends', 'holidays', 'on'],
    });
  });

  it('offers the next item after a complete one, and nothing inside a name', () => {
    expectCompletion(`${HEAD}  objective x {\n    indicator probe\n    <|>\n  }\n}`, { includes: ['target', 'window'], excludes: ['probe', 'sla'] });
    expectCompletion(`${HEAD}  objective <|>\n}`, { exactly: [] });
    expectCompletion(`${HEAD}  objective x <|>\n}`, { exactly: [] });
  });

  it('offers defined names of the right sort', () => {
    expectCompletion(`${HEAD}  objective x {\n    indicator <|>\n  }\n}`, { exactly: ['probe', 'latency_ms', 'errors'] });
    expectCompletion(`${HEAD}  objective x {\n    service <|>\n  }\n}`, { exactly: ['web'] });
    expectCompletion(`${HEAD}  objective x {\n    during <|>\n  }\n}`, { exactly: ['office', 'night'] });
    expectCompletion(`${HEAD}  objective x {\n    excluding <|>\n  }\n}`, { exactly: ['weekly', 'yearly_upgrade'] });
    expectCompletion(`${HEAD}  objective x {\n    excluding weekly, <|>\n  }\n}`, { exactly: ['yearly_upgrade'] });
    expectCompletion(`${HEAD}  support {\n    hours <|>\n  }\n}`, { exactly: ['office', 'night'] });
    expectCompletion(`${HEAD}  compensation for <|>\n}`, { exactly: ['uptime', 'speed'] });
    expectCompletion(`${HEAD}  compensation <|>\n}`, { exactly: ['for'] });
  });

  it('completes a half-typed word and replaces it', () => {
    const { analysis, positions } = marked(`${HEAD}  objective x {\n    indicator pro<|>\n  }\n}`);
    const items = completion(analysis, positions[0]);
    const probe = items.find((i) => i.label === 'probe')!;
    assert.ok(probe, 'probe offered');
    const edit = probe.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
    assert.equal(edit.newText, 'probe');
    assert.equal(edit.range.start.character, 14);
    assert.equal(edit.range.end.character, 17);
    expectCompletion(`${HEAD}  obj<|>\n}`, { includes: ['objective', 'objective {…}'], excludes: ['target'] });
    expectCompletion(`${HEAD}  objective x {\n    tar<|>\n  }\n}`, { exactly: OBJECTIVE_ITEMS });
  });

  it('offers kinds, periods, cadences, polarities and day names', () => {
    expectCompletion(`${HEAD}  indicator i {\n    kind <|>\n  }\n}`, {
      exactly: ['availability', 'error_rate', 'latency', 'response_time', 'recovery_time', 'resolution_time', 'throughput'],
    });
    expectCompletion(`${HEAD}  indicator i {\n    ratio <|>\n  }\n}`, { exactly: ['good', 'bad'] });
    expectCompletion(`${HEAD}  indicator i {\n    ratio good "a" <|>\n  }\n}`, { exactly: ['total'] });
    expectCompletion(`${HEAD}  objective x {\n    window <|>\n  }\n}`, { exactly: ['calendar', 'rolling'] });
    expectCompletion(`${HEAD}  objective x {\n    window calendar <|>\n  }\n}`, { exactly: ['day', 'week', 'month', 'quarter', 'year'] });
    expectCompletion(`${HEAD}  fee 10 EUR per <|>\n}`, { exactly: ['day', 'week', 'month', 'quarter', 'year'] });
    expectCompletion(`${HEAD}  reporting <|>\n}`, { exactly: ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] });
    expectCompletion(`${HEAD}  review <|>\n}`, { exactly: ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] });
    expectCompletion(`${HEAD}  maintenance m {\n    every <|>\n  }\n}`, { includes: ['mon', 'sun', 'daily', 'weekdays', 'weekends'], excludes: ['every'] });
    expectCompletion(`${HEAD}  schedule s {\n    mon..<|>\n  }\n}`, { exactly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
    expectCompletion(`${HEAD}  effective 2026-01-01 <|>\n}`, { includes: ['to'] });
    expectCompletion(`${HEAD}  credits {\n    claim <|>\n  }\n}`, { exactly: ['within'] });
  });

  it('offers aggregates and comparators after `target`, by the kind', () => {
    expectCompletion(`${HEAD}  objective x {\n    indicator latency_ms\n    target <|>\n  }\n}`, {
      includes: ['p95', 'p99', 'avg', 'min', 'max', '<=', '>='],
    });
    expectCompletion(`${HEAD}  objective x {\n    indicator probe\n    target <|>\n  }\n}`, { exactly: ['>=', '>', '<=', '<'] });
    expectCompletion(`${HEAD}  objective x {\n    indicator latency_ms\n    target p95 <|>\n  }\n}`, { exactly: ['<=', '<', '>=', '>'] });
  });

  it('offers the units of the indicator kind after a number', () => {
    expectCompletion(`${HEAD}  objective x {\n    indicator probe\n    target >= 99.9<|>\n  }\n}`, { exactly: ['%'] });
    expectCompletion(`${HEAD}  objective x {\n    indicator latency_ms\n    target p95 <= 300<|>\n  }\n}`, { exactly: ['ms', 's', 'm', 'min', 'h', 'd', 'w'] });
    expectCompletion(`${HEAD}  objective x {\n    indicator latency_ms\n    target p95 <= 300m<|>\n  }\n}`, { exactly: ['ms', 's', 'm', 'min', 'h', 'd', 'w'] });
    expectCompletion(`${HEAD}  compensation for speed {\n    above 2<|>\n  }\n}`, { includes: ['ms', 's'], excludes: ['%'] });
    expectCompletion(`${HEAD}  compensation for uptime {\n    below 99<|>\n  }\n}`, { includes: ['%'], excludes: ['ms'] });
    expectCompletion(`${HEAD}  compensation for uptime {\n    below 99% <|>\n  }\n}`, { exactly: ['credit'] });
    expectCompletion(`${HEAD}  compensation for uptime {\n    below 99% credit 10<|>\n  }\n}`, { exactly: ['%'] });
    expectCompletion(`${HEAD}  indicator t {\n    kind throughput\n    unit <|>\n  }\n}`, { exactly: ['rps', 'rpm'] });
    expectCompletion(`${HEAD}  fee 10<|>\n}`, { includes: ['CNY', 'USD', 'EUR'] });
    expectCompletion(`${HEAD}  maintenance m {\n    notice 3<|>\n  }\n}`, { includes: ['h', 'd'], excludes: ['%'] });
  });

  it('offers nothing in comments and strings', () => {
    expectCompletion(`${HEAD}  // objective <|>\n}`, { exactly: [] });
    expectCompletion(`${HEAD}  /* kind <|> */\n}`, { exactly: [] });
    expectCompletion(`${HEAD}  version "1.<|>"\n}`, { exactly: [] });
    expectCompletion(`${HEAD}  provider "unclosed <|>\n}`, { exactly: [] });
  });

  it('works in a broken file', () => {
    // A missing closing brace above the cursor and garbage before it.
    const broken = `sla A {\n  indicator probe { kind availability metric "up"\n  objective x {\n    indicator <|>\n  }\n}`;
    expectCompletion(broken, { includes: ['probe'] });
    expectCompletion(`sla A {\n  ??? !!\n  indicator probe { kind availability metric "up" }\n  objective x {\n    window calendar <|>\n`, {
      exactly: ['day', 'week', 'month', 'quarter', 'year'],
    });
    expectCompletion(`sla A {\n  objective x {\n    target >=\n    <|>`, { includes: [] });
  });

  it('offers time zones inside `timezone` and snippets with defined names', () => {
    const labels = completionLabels(`${HEAD}  timezone <|>\n}`);
    assert.ok(labels.includes('"UTC"') && labels.includes('"Asia/Shanghai"'), 'time zones');
    const { analysis, positions } = marked(`${HEAD}  <|>\n}`);
    const snippet = completion(analysis, positions[0]).find((i) => i.label === 'compensation {…} (three tiers)')!;
    const text = (snippet.textEdit as { newText: string }).newText;
    assert.match(text, /compensation for \$\{1\|uptime,speed\|\}/);
    assert.equal(text.match(/below/g)?.length, 3);
    const objective = completion(analysis, positions[0]).find((i) => i.label === 'objective {…}')!;
    assert.match((objective.textEdit as { newText: string }).newText, /indicator \$\{2\|probe,latency_ms,errors\|\}/);
  });
});
