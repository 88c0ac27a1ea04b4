// LANGUAGE.md §5 1.1: `every`, `missing down`, `coverage`, the horizon, `insufficient-data`,
// and schedule `on` dates. Every expected value is worked out by hand in the comments.
import * as assert from 'node:assert/strict';
import { buildReportHtml } from '../../client/src/webview/html';
import { formatMarkdown, formatText, reportLabels } from '../../server/src/evaluation/index';
import { resultTitle } from '../../server/src/services/support/evaluationResults';
import { contract, evaluateCsv, results, rows } from './helpers';

const HOUR = 3_600_000;
/** `count` samples of `metric` every `stepMs` from `startIso`, value `value(i)`. */
function series(metric: string, startIso: string, count: number, stepMs: number, value: (i: number) => number = () => 1): string {
  const t0 = Date.parse(startIso);
  return rows(metric, Array.from({ length: count }, (_, i) => [new Date(t0 + i * stepMs).toISOString(), value(i)] as [string, number]));
}

describe('evaluation 1.1: every, missing down, coverage', () => {
  const daily = (coverage: string) =>
    contract(`
  effective 2026-10-01 to 2026-12-31
  indicator probe { kind availability metric "up" every 1h missing down }
  objective uptime { indicator probe target >= 90% window calendar day ${coverage} }`);

  it('counts the gaps as down and gives the coverage; equal to `coverage` is enough', async () => {
    // Oct 1: 12 samples (00:00–11:00), then nothing; Oct 2: 24 samples, one of them 0.
    const csv = series('up', '2026-10-01T00:00:00Z', 12, HOUR) + series('up', '2026-10-02T00:00:00Z', 24, HOUR, (i) => (i === 5 ? 0 : 1));
    const report = await evaluateCsv(daily('coverage 50%'), csv);
    const [oct1, oct2, ...more] = results(report, 'uptime');
    // Horizon: the latest sample (Oct 2 23:00) + 1h = Oct 3 00:00: two days, no third.
    assert.equal(more.length, 0);
    // Oct 1: E = 24h, expected 24, n = 12, Σv = 12 → 100 × 12 / max(12, 24) = 50%; coverage 100 × 12 × 1h / 24h = 50%.
    assert.deepEqual([oct1.samples, oct1.attained, oct1.coverage, oct1.status], [12, 50, 50, 'breached']);
    // Oct 2: n = 24, Σv = 23 → 100 × 23 / 24; coverage 100%.
    assert.deepEqual([oct2.attained, oct2.coverage, oct2.status], [(100 * 23) / 24, 100, 'met']);
    assert.equal(oct2.partial, undefined);
  });

  it('is insufficient-data just below `coverage`: no credit, attained still given, exit-1 status', async () => {
    // Oct 1: 11 samples → coverage 100 × 11 / 24 = 45.83% < 50%.
    const csv = series('up', '2026-10-01T00:00:00Z', 11, HOUR) + series('up', '2026-10-02T00:00:00Z', 24, HOUR);
    const text = daily('coverage 50%').replace('}\n}', '}\n  compensation for uptime { below 90% credit 10% }\n  credits { claim within 30d }\n}');
    const report = await evaluateCsv(text, csv);
    const [oct1] = results(report, 'uptime');
    assert.deepEqual([oct1.status, oct1.credit, oct1.attained], ['insufficient-data', 0, (100 * 11) / 24]);
    assert.ok(Math.abs(oct1.coverage! - (100 * 11) / 24) < 1e-12, String(oct1.coverage));
    assert.deepEqual(report.credits, []);
  });

  it('gives 0% to a month with no sample under `missing down`, inside the data span', async () => {
    const text = contract(`
  effective 2026-10-01 to 2026-12-31
  indicator probe { kind availability metric "up" every 1d missing down }
  objective uptime { indicator probe target >= 90% window calendar month }
  compensation for uptime { below 90% credit 10% }
  credits { claim within 30d }`);
    // October and December, one sample a day at 00:00 UTC; nothing in November.
    const csv = series('up', '2026-10-01T00:00:00Z', 31, 24 * HOUR) + series('up', '2026-12-01T00:00:00Z', 31, 24 * HOUR);
    const report = await evaluateCsv(text, csv);
    const [oct, nov, dec] = results(report, 'uptime');
    assert.deepEqual([oct.attained, oct.coverage], [100, 100]);
    // November: E = 30 days, n = 0 → 0%, coverage 0%: breached, credit 10%.
    assert.deepEqual([nov.start, nov.samples, nov.attained, nov.coverage, nov.status, nov.credit], ['2026-11-01T00:00:00+00:00', 0, 0, 0, 'breached', 10]);
    // December: horizon = Dec 31 + 1d = Jan 1: the whole month measured.
    assert.deepEqual([dec.attained, dec.coverage, dec.partial], [100, 100, undefined]);
  });

  it('ends the measured time at the horizon (latest sample of any metric + every) and marks the month partial', async () => {
    const text = contract(`
  indicator probe { kind availability metric "up" every 1d missing down }
  objective uptime { indicator probe target >= 40% window calendar month }`);
    // Oct 1–10 daily: horizon Oct 11 00:00 → E = 10 days, n = 10: 100%, coverage 100%, partial.
    const probes = series('up', '2026-10-01T00:00:00Z', 10, 24 * HOUR);
    const [alone] = results(await evaluateCsv(text, probes), 'uptime');
    assert.deepEqual([alone.attained, alone.coverage, alone.partial], [100, 100, true]);
    // A sample of another metric on Oct 20 12:00 moves the horizon to Oct 21 12:00: E = 20.5 days,
    // expected 20.5 → 100 × 10 / 20.5; coverage the same.
    const later = probes + rows('other_metric', [['2026-10-20T12:00:00Z', 7]]);
    const [r] = results(await evaluateCsv(text, later), 'uptime');
    assert.deepEqual([r.attained, r.coverage, r.partial, r.status], [(100 * 10) / 20.5, (100 * 10) / 20.5, true, 'met']);
  });

  it('measures coverage only in the eligible time of `during`, without `missing down`', async () => {
    const text = contract(`
  timezone "Asia/Shanghai"
  schedule office { mon..fri 09:00-18:00 }
  indicator probe { kind availability metric "up" every 1h }
  objective uptime { indicator probe target >= 99% window calendar week during office coverage 80% }`);
    // Week of Mon 2026-10-05 (local): 9 hourly samples 09:00–17:00 Mon–Wed = 27 (all 1), and one
    // of another metric on Fri 17:59 local → horizon Fri 18:59: E = 5 × 9h = 45h → coverage 27/45 = 60% < 80%.
    let csv = '';
    for (let d = 0; d < 3; d++) csv += series('up', `2026-10-0${5 + d}T01:00:00Z`, 9, HOUR);
    csv += rows('other_metric', [['2026-10-09T09:59:00Z', 1]]);
    const [r] = results(await evaluateCsv(text, csv), 'uptime');
    assert.deepEqual([r.samples, r.coverage, r.attained, r.status, r.credit], [27, 60, 100, 'insufficient-data', 0]);
    assert.equal(r.partial, true); // the week ends Mon Oct 12 00:00 local, after the horizon
  });

  it('gives coverage null and no-data where nothing was eligible (E = 0)', async () => {
    const text = contract(`
  schedule office { mon..fri 09:00-18:00 }
  indicator probe { kind availability metric "up" every 1h missing down }
  objective uptime { indicator probe target >= 99% window calendar day during office coverage 50% }`);
    // Saturday 2026-10-03 (UTC): no office time, so E = 0 for the day.
    const [r] = results(await evaluateCsv(text, series('up', '2026-10-03T10:00:00Z', 2, HOUR)), 'uptime');
    assert.deepEqual([r.status, r.attained, r.coverage], ['no-data', null, null]);
  });
});

describe('evaluation 1.1: schedule `on` dates (make-up working days)', () => {
  it('makes a Saturday a working date with exactly its ranges; holidays and day lines as before', async () => {
    const text = contract(`
  timezone "Asia/Shanghai"
  schedule office {
    mon..fri 09:00-18:00
    holidays 2026-10-01
    on 2026-10-10 09:00-12:00
    on 2026-10-12 14:00-24:00
  }
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99% window calendar month during office }`);
    const csv = rows('up', [
      ['2026-10-10 10:00', 0], // Saturday, an `on` date: in
      ['2026-10-10 13:00', 0], // Saturday after its range: out
      ['2026-10-01 10:00', 0], // a holiday: out
      ['2026-10-05 10:00', 1], // Monday by the day lines: in
      ['2026-10-12 10:00', 1], // Monday, but an `on` date with 14:00-24:00 only: out
      ['2026-10-12 23:30', 1], // in (24:00 is the next local midnight)
    ]);
    const [r] = results(await evaluateCsv(text, csv, { explain: true }), 'uptime');
    // Eligible: 0, 1, 1 → 200/3 %.
    assert.deepEqual([r.samples, r.attained, r.explain?.outsideSchedule], [3, 200 / 3, 3]);
  });
});

describe('evaluation 1.1: coverage and insufficient data in every output', () => {
  it('shows a coverage column, the status and the partial mark in text, Markdown, the code lens and the webview', async () => {
    const text = contract(`
  indicator probe { kind availability metric "up" every 1h missing down }
  objective uptime "可用性" { indicator probe target >= 90% window calendar day coverage 50% }`);
    // Oct 1: 11 of 24 hours (insufficient); Oct 2: 12 hourly samples 00:00–11:00, the last data: horizon 12:00 → coverage 100%, partial.
    const csv = series('up', '2026-10-01T00:00:00Z', 11, HOUR) + series('up', '2026-10-02T00:00:00Z', 12, HOUR);
    const report = await evaluateCsv(text, csv);
    assert.equal(report.objectives[0].title, '可用性');
    const lines = formatText(report).split('\n');
    assert.match(lines.find((l) => l.includes('period'))!, /period\s+samples\s+coverage\s+attained/);
    assert.match(lines.find((l) => l.includes('2026-10-01'))!, /2026-10-01\s+11\s+45\.8333%\s+45\.8333%\s+>= 90%\s+INSUFFICIENT DATA\s+0%/);
    assert.match(lines.find((l) => l.includes('2026-10-02'))!, /2026-10-02 \(partial data\)\s+12\s+100%\s+100%\s+>= 90%\s+met/);
    assert.match(formatText(report), /2 results: 1 met, 0 breached, 0 no data, 1 insufficient data/);
    const markdown = formatMarkdown(report);
    assert.match(markdown, /\| Period \| Samples \| Coverage \| Attained \| Status \| Credit \|/);
    assert.match(markdown, /\| 2026-10-01 \| 11 \| 45\\\.8333% \| 45\\\.8333% \| ◌ insufficient data \| 0% \|/); // dots escaped by the Markdown escaper
    assert.match(formatMarkdown(report, 'zh-CN'), /◌ 数据不足/);
    const [first, second] = report.objectives[0].results;
    assert.equal(resultTitle(report.objectives[0], first), '◌ insufficient data; coverage 45.8333% (2026-10-01)');
    assert.equal(resultTitle(report.objectives[0], second), '✔ 100%; target >= 90%; coverage 100% (2026-10-02, partial data)');
    const html = buildReportHtml({
      result: { report, labels: reportLabels(report), markdown, rows: 23, millis: 1 },
      contractLabel: 'c.sla',
      metricFiles: [],
      cspSource: 'x',
      nonce: 'n',
      styleUri: 's',
      scriptUri: 'j',
    });
    assert.match(html, /<th class="num">Coverage<\/th>/);
    assert.match(html, /<td class="num coverage" title="[\d.]+">45\.8333%<\/td>/);
    assert.match(html, /◌ insufficient data/);
    assert.match(html, /<span class="partial">partial data<\/span>/);
    assert.match(html, /1 with insufficient data/);
  });

  it('lists the warnings in the webview', async () => {
    const text = contract(`
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 90% window calendar day }`);
    const report = await evaluateCsv(text, rows('upp', [['2026-10-01T00:00:00Z', 1]]), { allowMissingMetrics: true });
    const html = buildReportHtml({
      result: { report, labels: reportLabels(report), markdown: '', rows: 1, millis: 1 },
      contractLabel: 'c.sla',
      metricFiles: [],
      cspSource: 'x',
      nonce: 'n',
      styleUri: 's',
      scriptUri: 'j',
    });
    assert.match(html, /<section class="warnings"><h2>Warnings<\/h2><ul><li>no samples of metric &quot;up&quot; in the inputs \(named by indicator probe\); did you mean &quot;upp&quot;\?<\/li><\/ul><\/section>/);
  });
});
