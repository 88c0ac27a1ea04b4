// Reading and moving around a contract: hover, outline, go to definition, references,
// rename, folding and semantic colouring, through VS Code's provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  createWorkspaceFile,
  describeAll,
  hoverText,
  openWithDiagnostics,
  positionOf,
  symbolPaths,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers';

const SAMPLE = 'lanying-im.sla';

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers ?? []);
}

describe('hover', () => {
  before(activateExtension);

  it('explains a keyword', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const text = await hoverAt(document.uri, positionOf(document, 'objective uptime', 2));
    assert.match(text, /objective/i, text);
    assert.ok(text.length > 30, `the keyword hover is too thin: ${JSON.stringify(text)}`);
  });

  it('summarises the definition of a name where it is used', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    // Second `indicator probe`: the reference inside `objective uptime`.
    const text = await hoverAt(document.uri, positionOf(document, 'indicator probe', 12, 2));
    assert.match(text, /availability/, text);
    assert.match(text, /probe_success/, text);
  });

  it('gives the error budget of a monthly 99.9% target in words and time', async () => {
    const source = (await vscode.workspace.fs.readFile(workspaceUri('fixtures/unknown-name.sla'))).toString().replace('indicator prob\n', 'indicator probe\n');
    await createWorkspaceFile('scratch/hover-budget.sla', source);
    const { document, diagnostics } = await openWithDiagnostics('scratch/hover-budget.sla');
    assert.deepEqual(diagnostics.map((d) => d.message), []);
    const onValue = await hoverAt(document.uri, positionOf(document, '99.9%', 1));
    const onKeyword = await hoverAt(document.uri, positionOf(document, 'target >=', 2));
    const text = `${onValue}\n${onKeyword}`;
    assert.match(text, /43\s*min\s*12\s*s/, `no 30-day-month budget in: ${text}`);
    assert.match(text, /44\s*min\s*38\s*s/, `no 31-day-month budget in: ${text}`);
  });

  it('says when a compensation tier pays', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const onThreshold = await hoverAt(document.uri, positionOf(document, 'below 99.0%', 7));
    const onKeyword = await hoverAt(document.uri, positionOf(document, 'below 99.0%', 1));
    const text = `${onThreshold}\n${onKeyword}`;
    assert.match(text, /25\s*%/, `the tier hover should name its credit: ${text}`);
    assert.match(text, /99(\.0)?\s*%/, `the tier hover should name its threshold: ${text}`);
  });
});

describe('outline (document symbols)', () => {
  before(activateExtension);

  it('shows the sla with its services, schedules, indicators, objectives and compensation', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'no symbols');
    const root = symbols.find((s) => /LanyingIM/.test(s.name));
    assert.ok(root, `no symbol for the sla LanyingIM: ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok('children' in root, 'symbols should be hierarchical (DocumentSymbol)');
    const children = symbolPaths(root.children).join('\n');
    for (const name of ['chat_api', 'business_hours', 'weekly_window', 'probe', 'api_latency', 'incident_recovery', 'uptime', 'latency_p95', 'recovery']) {
      assert.match(children, new RegExp(`\\b${name}\\b`), `the outline lacks ${name}:\n${children}`);
    }
    assert.match(children, /compensation/i, `the outline lacks the compensation clauses:\n${children}`);
    const uptime = root.children.find((s) => /\buptime\b/.test(s.name));
    assert.ok(uptime);
    assert.ok(uptime.range.contains(positionOf(document, 'excluding weekly_window')), 'the uptime symbol should span its block');
  });
});

describe('go to definition and references', () => {
  before(activateExtension);

  it('goes from a use of a name to its definition', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'indicator probe', 12, 2),
    );
    assert.ok(locations && locations.length === 1, `expected one definition, got ${locations?.length}`);
    const [target] = locations;
    const range = 'targetRange' in target! ? (target.targetSelectionRange ?? target.targetRange) : target!.range;
    const uri = 'targetUri' in target! ? target.targetUri : target!.uri;
    assert.equal(uri.toString(), document.uri.toString());
    assert.ok(range.contains(positionOf(document, 'indicator probe "', 12)), `definition at line ${range.start.line + 1}, not on \`indicator probe "…"\``);
  });

  it('finds every reference of a schedule', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'schedule business_hours', 12),
    );
    const lines = (locations ?? []).map((l) => document.lineAt(l.range.start.line).text.trim());
    assert.ok(lines.some((l) => l.startsWith('during business_hours')), `no reference in \`during\`: ${lines.join(' | ')}`);
    assert.ok(lines.some((l) => l.startsWith('hours business_hours')), `no reference in support \`hours\`: ${lines.join(' | ')}`);
  });
});

describe('rename', () => {
  before(activateExtension);

  async function freshCopy(name: string): Promise<vscode.TextDocument> {
    const text = (await vscode.workspace.fs.readFile(workspaceUri(SAMPLE))).toString();
    await createWorkspaceFile(`scratch/${name}.sla`, text);
    return (await openWithDiagnostics(`scratch/${name}.sla`)).document;
  }

  it('renames a name at its definition and at every use', async () => {
    const document = await freshCopy('rename');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, 'indicator probe "', 12),
      'availability_probe',
    );
    assert.ok(edit && edit.size > 0, 'the rename produced no edit');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = document.getText();
    assert.match(text, /indicator availability_probe "Synthetic availability probe"/);
    assert.match(text, /^\s*indicator availability_probe\s*$/m, 'the use inside `objective uptime` was not renamed');
    assert.doesNotMatch(text, /indicator probe\b/);
    assert.match(text, /A synthetic probe calls the API/, 'rename must not touch comments');
    await waitForDiagnostics(document.uri, (ds) => ds.every((d) => d.severity !== vscode.DiagnosticSeverity.Error), undefined, 'no errors after the rename');
  });

  it('refuses to rename a keyword', async () => {
    const document = await freshCopy('rename-keyword');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'objective uptime', 2))),
      'prepareRename on `objective` should be refused',
    );
  });

  it('refuses a new name that clashes with another definition', async () => {
    const document = await freshCopy('rename-clash');
    let edit: vscode.WorkspaceEdit | undefined;
    try {
      edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        positionOf(document, 'indicator probe "', 12),
        'api_latency',
      );
    } catch {
      return; // refused with a reason: what the user sees as "rename failed: …"
    }
    assert.ok(!edit || edit.size === 0, 'renaming `probe` to the existing `api_latency` was allowed');
  });
});

describe('folding and semantic colouring', () => {
  before(activateExtension);

  it('folds each block', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const starts = new Set((ranges ?? []).map((r) => r.start));
    for (const opener of ['sla LanyingIM', 'service chat_api', 'objective uptime', 'compensation for uptime', 'support {']) {
      assert.ok(starts.has(positionOf(document, opener).line), `no folding range starts at \`${opener}\``);
    }
  });

  it('provides semantic tokens for the document', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && legend.tokenTypes.length > 0, 'no semantic token legend');
    assert.ok(tokens && tokens.data.length >= 5 * 20, `too few semantic tokens: ${(tokens?.data.length ?? 0) / 5}`);
  });

  it('keeps the sample free of errors after all this', async () => {
    const { document } = await openWithDiagnostics(SAMPLE);
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors, [], describeAll(errors));
  });
});
