// "SLA: Evaluate Contract" run through commands.executeCommand with a metrics file (the
// command's second argument `{ metrics }` skips the file dialog), and what a user sees
// afterwards: the report (returned and shown in its webview), code lenses with the last
// result above each objective, and a diagnostic on the breached objective.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describeAll, openWithDiagnostics, positionOf, waitForDiagnostics, waitForEvent, workspaceUri } from '../helpers';

const CONTRACT = 'fixtures/evaluation/tiny.sla';
const METRICS = 'fixtures/evaluation/tiny-october.csv';

interface Report {
  sla: string;
  objectives: {
    name: string;
    results: { start: string; end: string; samples: number; attained: number | null; status: string; credit: number }[];
  }[];
  credits: { start: string; percent: number; amount: number | null; currency: string | null }[];
}

interface ExtensionApi {
  reportHtml?: () => string;
}

async function lensTitles(uri: vscode.Uri, document: vscode.TextDocument, objective: string): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  const line = positionOf(document, `objective ${objective}`).line;
  return (lenses ?? []).filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

describe('SLA: Evaluate Contract', () => {
  let api: ExtensionApi;
  let document: vscode.TextDocument;
  let result: { report: Report; markdown: string } | undefined;

  before(async function () {
    api = (await activateExtension()).exports as ExtensionApi;
    ({ document } = await openWithDiagnostics(CONTRACT));
  });

  it('offers an "Evaluate" code lens above each objective before any evaluation', async () => {
    for (const objective of ['uptime', 'speed']) {
      const titles = await lensTitles(document.uri, document, objective);
      assert.ok(titles.some((t) => /evaluate/i.test(t)), `no Evaluate lens above ${objective}: ${JSON.stringify(titles)}`);
    }
  });

  it('evaluates the contract against a metrics file without asking anything', async () => {
    result = await vscode.commands.executeCommand<{ report: Report; markdown: string }>(
      'sla.evaluateContract',
      document.uri,
      { metrics: [workspaceUri(METRICS).fsPath] },
    );
    assert.ok(result, 'the command returned no result (did it fail or ask for files?)');
    const report = result.report;
    assert.equal(report.sla, 'Tiny');
    const uptime = report.objectives.find((o) => o.name === 'uptime');
    const speed = report.objectives.find((o) => o.name === 'speed');
    assert.ok(uptime && speed, `objectives: ${report.objectives.map((o) => o.name).join(', ')}`);
    assert.equal(uptime.results.length, 1);
    const [october] = uptime.results;
    assert.match(october!.start, /^2026-10-01T00:00:00(\+00:00|Z)$/);
    assert.equal(october!.samples, 200);
    assert.ok(Math.abs(october!.attained! - 99) < 1e-9, `attained ${october!.attained}`);
    assert.equal(october!.status, 'breached');
    assert.equal(october!.credit, 10);
    assert.equal(speed.results[0]!.status, 'met');
    assert.equal(speed.results[0]!.attained, 280);
    assert.deepEqual(
      report.credits.map((c) => [c.percent, c.amount, c.currency]),
      [[10, 100, 'USD']],
    );
    assert.match(result.markdown, /uptime/);
  });

  it('shows the report in a webview with a table of periods and a chart', async () => {
    assert.ok(result, 'needs the evaluation above');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // The tab model reaches the extension host asynchronously: wait for the tab to appear.
    await waitForEvent(
      () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /Tiny/.test(t.label)),
      vscode.window.tabGroups.onDidChangeTabs,
      'the report tab',
    ).catch((error: Error) => assert.fail(`${error.message}; tabs: ${tabs().map((t) => t.label).join(', ')}`));
    assert.ok(api.reportHtml, 'the extension API exposes no reportHtml()');
    const html = api.reportHtml();
    assert.match(html, /<table[\s\S]*uptime|uptime[\s\S]*<table/, 'no table for uptime in the report');
    assert.match(html, /<svg|<canvas/, 'no chart in the report');
    assert.match(html, /Content-Security-Policy/i, 'the report webview has no content security policy');
    assert.match(html, /2026-10|October|Oct/, 'the report does not name the period');
  });

  it('puts the last result in the code lens above each objective', async () => {
    assert.ok(result, 'needs the evaluation above');
    const uptime = await lensTitles(document.uri, document, 'uptime');
    assert.ok(uptime.some((t) => /✘/.test(t) && /99(\.0+)?\s?%/.test(t) && /credit 10\s?%/.test(t)), `uptime lenses: ${JSON.stringify(uptime)}`);
    const speed = await lensTitles(document.uri, document, 'speed');
    assert.ok(speed.some((t) => /✔/.test(t) && /280/.test(t)), `speed lenses: ${JSON.stringify(speed)}`);
  });

  it('marks the breached objective with a warning or information diagnostic', async () => {
    assert.ok(result, 'needs the evaluation above');
    const block = new vscode.Range(positionOf(document, 'objective uptime'), positionOf(document, 'objective speed'));
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => d.severity !== vscode.DiagnosticSeverity.Error && block.contains(d.range.start)),
      undefined,
      'a breach diagnostic on objective uptime',
    );
    const speedBlock = new vscode.Range(positionOf(document, 'objective speed'), positionOf(document, 'compensation for uptime'));
    const onSpeed = diagnostics.filter((d) => speedBlock.contains(d.range.start));
    assert.deepEqual(onSpeed.map(codeOf), [], `the met objective is marked: ${describeAll(onSpeed)}`);
  });
});
