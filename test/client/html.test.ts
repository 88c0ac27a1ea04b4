import assert from 'node:assert/strict';
import { buildReportHtml, contentSecurityPolicy, makeNonce, targetInAttainedUnit, type ReportPageInput } from '../../client/src/webview/html';
import { readReport } from '../../client/src/webview/reportModel';
import { escapeHtml } from '../../client/src/webview/escape';
import { reportLabels, type Report } from '../../server/src/evaluation/index';
import { sampleReport } from './fixtures';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

/** The labels the server sends with a report (none for a malformed one). */
function labelsOf(report: unknown): unknown {
  return Array.isArray((report as Report | null)?.objectives) ? reportLabels(report as Report) : { objectives: [] };
}

function page(report: unknown, overrides: Partial<ReportPageInput> = {}): string {
  return buildReportHtml({
    result: { report, labels: labelsOf(report), markdown: '# report', rows: 20320, millis: 42 },
    contractLabel: 'samples/lanying-im.sla',
    metricFiles: ['metrics/probe.csv'],
    cspSource: CSP_SOURCE,
    nonce: 'abc123NONCE',
    styleUri: `${CSP_SOURCE}/ext/media/report.css`,
    scriptUri: `${CSP_SOURCE}/ext/media/report.js`,
    ...overrides,
  });
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta element present');
  return m[1].replace(/&#39;/g, "'");
}

function directive(csp: string, name: string): string {
  const found = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  assert.ok(found, `${name} directive present in ${csp}`);
  return found;
}

const HOSTILE = `<script>alert("x")</script>'"&`;

describe('client report webview HTML', () => {
  it('escapes <script> and quotes in every string from the contract, the data and the file names', () => {
    const report = sampleReport();
    report.sla = HOSTILE;
    report.version = HOSTILE;
    report.title = HOSTILE;
    report.timezone = HOSTILE;
    report.objectives[0].name = HOSTILE;
    report.objectives[0].indicator = HOSTILE;
    report.objectives[0].window = HOSTILE;
    report.objectives[0].target.aggregate = HOSTILE;
    report.objectives[0].results[0].start = HOSTILE;
    report.credits[0].currency = HOSTILE;
    const html = page(report, { contractLabel: HOSTILE, metricFiles: [HOSTILE, `a"b'c.csv`] });

    assert.ok(!html.includes('<script>alert'), 'no live script element from the data');
    assert.equal(html.match(/<script\b/g)?.length, 1, 'only the extension’s own script element');
    assert.ok(!html.includes(`"x")`), 'double quotes are escaped');
    assert.ok(html.includes(escapeHtml(HOSTILE)), 'hostile text is shown, escaped');
    assert.ok(html.includes('a&quot;b&#39;c.csv'));
    // No attribute value is broken open by a quote in the data: every tag's attributes stay well formed.
    for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) {
      assert.match(tag, /^<[a-z][a-z0-9-]*(\s+[A-Za-z][A-Za-z0-9-]*(="[^"<]*")?)*\s*\/?>$/, `well-formed tag ${tag}`);
    }
  });

  it('escapes the Markdown and the reason when the report cannot be read', () => {
    const html = page({ sla: 'X', objectives: 'oops' }, { contractLabel: HOSTILE });
    assert.match(html, /report\.objectives is not an array/);
    assert.ok(!html.includes('<script>alert'));
    const markdownHtml = buildReportHtml({
      result: { report: null, labels: null, markdown: HOSTILE, rows: 0, millis: 0 },
      contractLabel: 'c.sla',
      metricFiles: [],
      cspSource: CSP_SOURCE,
      nonce: 'n',
      styleUri: 's',
      scriptUri: 'j',
    });
    assert.ok(markdownHtml.includes(`<pre class="markdown">${escapeHtml(HOSTILE)}</pre>`));
  });

  it('has a strict content security policy: nonce scripts only, no unsafe-inline', () => {
    const html = page(sampleReport());
    const csp = cspOf(html);
    assert.equal(directive(csp, 'default-src'), "default-src 'none'");
    const script = directive(csp, 'script-src');
    assert.equal(script, "script-src 'nonce-abc123NONCE'");
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
    assert.equal(directive(csp, 'style-src'), `style-src ${CSP_SOURCE} 'nonce-abc123NONCE'`);
    assert.equal(directive(csp, 'img-src'), `img-src ${CSP_SOURCE} data:`);
    // Every script carries the nonce; nothing the CSP would block is on the page.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /nonce="abc123NONCE"/);
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes');
    assert.ok(!/\son[a-z]+="/i.test(html), 'no inline event handlers');
    assert.ok(!/<style\b/.test(html), 'no inline style element');
  });

  it('makes a different nonce each time, valid in a CSP nonce-source', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9+/]{16,}={0,2}$/);
    assert.equal(contentSecurityPolicy('src', a).includes(`'nonce-${a}'`), true);
  });

  it('shows per objective a table row per period with start, end, samples, attained, target, status and credit', () => {
    const html = page(sampleReport());
    const uptime = /<section class="objective" id="objective-0">(.*?)<\/section>/.exec(html)?.[1] ?? '';
    const rows = uptime.match(/<tr class="(met|breached|no-data)">.*?<\/tr>/g) ?? [];
    assert.equal(rows.length, 4);
    const cells = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells(rows[1]), ['2026-10-01 00:00', '2026-11-01 00:00', '11340', '99.8765%', '&gt;= 99.9%', '✘ breached', '10%']);
    assert.deepEqual(cells(rows[2]), ['2026-11-01 00:00', '2026-12-01 00:00', '0', '—', '&gt;= 99.9%', '– no data', '—']);
    assert.match(rows[1], /title="99.87654"/, 'the unrounded value is in the tooltip');
    const latency = /<section class="objective" id="objective-1">(.*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.match(latency, /<td class="num" title="1250">1250 ms<\/td><td class="num">p95 &lt;= 1s<\/td>/);
    assert.match(html, /times in Asia\/Shanghai \(UTC\+08:00\)/);
  });

  it('lists the credits owed with amounts and their total', () => {
    const html = page(sampleReport());
    const credits = /<section class="credits">(.*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.match(credits, /<td class="num">10%<\/td><td class="num">1,200 CNY<\/td>/);
    assert.match(credits, /<td class="num">5%<\/td><td class="num">600 CNY<\/td>/);
    assert.match(credits, /Total<\/td><td class="num">1,800 CNY<\/td>/);

    const none = sampleReport();
    none.credits = [];
    assert.match(page(none), /No credits owed\./);
  });

  it('draws the target in the attained values’ unit (1 s against milliseconds)', () => {
    const read = readReport(sampleReport(), labelsOf(sampleReport()));
    assert.ok(read.ok);
    assert.equal(targetInAttainedUnit(read.report.objectives[1]), 1000);
    assert.equal(targetInAttainedUnit(read.report.objectives[0]), 99.9);
    const html = page(sampleReport());
    assert.match(html, /target &lt;= 1000ms/);
  });

  it('shows the explanation column only when the server sent explanations', () => {
    const report = sampleReport();
    assert.ok(!page(report).includes('Explanation'));
    report.objectives[0].results[1].explain = {
      outsideEffective: 0,
      outsideSchedule: 40,
      inMaintenance: 3,
      tier: { direction: 'below', threshold: 99.9, unit: '%', credit: 10 },
      capped: false,
    };
    const html = page(report);
    assert.match(html, /<th>Explanation<\/th>/);
    assert.match(html, /left out: 40 outside the schedule, 3 in maintenance; tier below 99\.9% → 10%/);
  });
});

describe('client report reader', () => {
  it('names the malformed field instead of throwing', () => {
    const report = sampleReport() as unknown as { objectives: { results: { status: string }[] }[] };
    report.objectives[1].results[0].status = 'great';
    const read = readReport(report, labelsOf(sampleReport()));
    assert.deepEqual(read, { ok: false, error: 'report.objectives[1].results[0].status is not one of met, breached, no-data, insufficient-data' });
    assert.deepEqual(readReport('x', labelsOf(sampleReport())), { ok: false, error: 'report is not an object' });
  });

  it('names what is wrong with the labels the server sent', () => {
    const labels = reportLabels(sampleReport());
    assert.deepEqual(readReport(sampleReport(), undefined), { ok: false, error: 'labels is not an object' });
    labels.objectives[1].results.pop();
    assert.deepEqual(readReport(sampleReport(), labels), { ok: false, error: 'report.objectives[1].results has 2 entries but its labels 1' });
    labels.objectives.pop();
    assert.deepEqual(readReport(sampleReport(), labels), { ok: false, error: 'report.objectives has 2 entries but labels.objectives 1' });
  });

  it('reads a minimal section 5 report without the extra fields', () => {
    const minimal = {
      sla: 'A',
      version: null,
      objectives: [{ name: 'o', indicator: 'i', target: { aggregate: null, op: '>=', value: 99, unit: '%' }, results: [] }],
      credits: [],
    };
    const read = readReport(minimal, labelsOf(minimal));
    assert.ok(read.ok);
    assert.equal(read.report.objectives[0].attainedUnit, undefined);
    assert.equal(read.report.timezone, null);
  });
});
