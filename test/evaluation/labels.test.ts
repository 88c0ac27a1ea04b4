// One wording of a period for every output: the text and Markdown reports, the code lens and
// the report webview (from the labels the server sends) name the same period the same way.
import * as assert from 'node:assert/strict';
import { buildReportHtml } from '../../client/src/webview/html';
import { formatMarkdown, formatText, reportLabels, type Report } from '../../server/src/evaluation/index';
import { resultTitle } from '../../server/src/services/support/evaluationResults';
import { contract, evaluateCsv, every, rows } from './helpers';

const TEXT = contract(`
  timezone "UTC"
  indicator probe { kind availability metric "up" }
  objective quarterly { indicator probe target >= 99% window calendar quarter }
  objective monthly { indicator probe target >= 99% window calendar month }
  objective weekly { indicator probe target >= 99% window calendar week }
  objective daily { indicator probe target >= 99% window calendar day }
  objective recent { indicator probe target >= 99% window rolling 2d }`);

/** Each objective's one period, as every output must name it (2026-10-05 is a Monday). */
const EXPECTED: Record<string, string> = {
  quarterly: '2026-Q4',
  monthly: '2026-10',
  weekly: 'week of 2026-10-05',
  daily: '2026-10-05',
  recent: '2026-10-03 12:00:00 → 2026-10-05 12:00:00',
};

function webviewHtml(report: Report): string {
  return buildReportHtml({
    result: { report, labels: reportLabels(report), markdown: formatMarkdown(report), rows: 1, millis: 1 },
    contractLabel: 'c.sla',
    metricFiles: [],
    cspSource: 'csp',
    nonce: 'n',
    styleUri: 's',
    scriptUri: 'j',
  });
}

describe('evaluation: period labels', () => {
  let report: Report;
  before(async () => {
    const samples = every('2026-10-05T00:00:00Z', '2026-10-05T12:00:00Z', 3600_000).map((t): [string, number] => [t, 1]);
    report = await evaluateCsv(TEXT, rows('up', samples), { at: '2026-10-05T12:00:00Z' });
    assert.deepEqual(
      report.objectives.map((o) => [o.name, o.results.length]),
      Object.keys(EXPECTED).map((name) => [name, 1]),
    );
  });

  it('are the same in the text report, the Markdown report, the code lens and the webview', () => {
    const text = formatText(report);
    const markdown = formatMarkdown(report);
    const html = webviewHtml(report);
    const labels = reportLabels(report);
    report.objectives.forEach((o, i) => {
      const label = EXPECTED[o.name];
      assert.equal(labels.objectives[i].results[0].period, label, `${o.name}: the label sent to the webview`);
      assert.match(text, new RegExp(`^  ${escapeRegExp(label)}\\s+12\\s+100%`, 'm'), `${o.name}: text report`);
      assert.ok(markdown.includes(`| ${label} | 12 | 100% |`), `${o.name}: Markdown report`);
      assert.ok(resultTitle(o, o.results[0]).endsWith(`(${label})`), `${o.name}: code lens ${resultTitle(o, o.results[0])}`);
      const section = new RegExp(`<section class="objective" id="objective-${i}">(.*?)</section>`).exec(html)?.[1] ?? '';
      assert.ok(section.includes(`text-anchor="middle">${label}</text>`), `${o.name}: webview chart`);
    });
  });

  it('word attained values and targets in the server, converted into the attained unit for the webview', () => {
    const labels = reportLabels({
      ...report,
      objectives: [
        {
          name: 'speed',
          title: null,
          indicator: 'latency',
          kind: 'latency',
          unit: 'ms',
          window: 'calendar quarter',
          target: { aggregate: 'p95', op: '<=', value: 1, unit: 's' },
          results: [{ start: '2026-10-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00', samples: 3, attained: 999.99999, status: 'met', credit: 0, coverage: null }],
        },
      ],
    });
    assert.deepEqual(labels.objectives[0], {
      target: 'p95 <= 1s',
      targetInAttainedUnit: 1000,
      targetLine: '<= 1000ms',
      // 4 decimals would round it onto the target it is below.
      results: [{ period: '2026-Q4', attained: '999.99999 ms', coverage: null }],
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
