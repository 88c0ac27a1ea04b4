// Changing a contract through the editor: document formatting (one canonical layout,
// idempotent, comments kept) and quick fixes applied with workspace.applyEdit.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  applyTextEdits,
  codeOf,
  createWorkspaceFile,
  describeAll,
  describeDiagnostic,
  hasCode,
  nextDiagnostics,
  openWithDiagnostics,
  positionOf,
  replaceText,
  waitForDiagnostics,
  workspaceFiles,
  workspaceUri,
} from '../helpers';

const FORMAT_OPTIONS: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Formats an open document through the provider and applies the edits; returns the new text. */
async function formatDocument(document: vscode.TextDocument): Promise<{ text: string; edits: number }> {
  const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, FORMAT_OPTIONS);
  if (edits && edits.length > 0) await applyTextEdits(document.uri, edits);
  return { text: document.getText(), edits: edits?.length ?? 0 };
}

/** The same tokens with no indentation and trailing blanks (block comments left intact). */
function messUp(text: string): string {
  let inBlockComment = false;
  return text
    .split('\n')
    .map((line) => {
      const wasInside = inBlockComment;
      for (const m of line.matchAll(/\/\*|\*\//g)) inBlockComment = m[0] === '/*';
      return wasInside ? line : `${line.trim()}  `;
    })
    .join('\n');
}

function comments(text: string): string[] {
  return [...text.matchAll(/\/\/.*$|\/\*[\s\S]*?\*\//gm)].map((m) => m[0].trim());
}

/** The sample contracts at the workspace root (copied from samples/): the formatting tests run over each. */
async function samples(): Promise<string[]> {
  const found = await workspaceFiles('*.sla');
  assert.ok(found.length > 0, 'no *.sla sample at the root of the test workspace: the formatting tests would check nothing');
  return found;
}

/**
 * A scratch document of the test's own, reused for every sample: VS Code releases the oldest
 * of the documents no editor shows past 50, which later suites' documents would then be.
 */
async function scratchDocument(relativePath: string): Promise<vscode.TextDocument> {
  await createWorkspaceFile(relativePath, '');
  return (await openWithDiagnostics(relativePath)).document;
}

/** Sets the text of a scratch document and waits for the diagnostics the server published for it. */
async function setText(document: vscode.TextDocument, text: string): Promise<vscode.Diagnostic[]> {
  return nextDiagnostics(document.uri, () => replaceText(document, text));
}

async function sampleText(sample: string): Promise<string> {
  return (await vscode.workspace.fs.readFile(workspaceUri(sample))).toString();
}

describe('formatting', () => {
  before(activateExtension);

  it('gives every sample one canonical layout, whatever its indentation, and keeps its comments', async () => {
    const document = await scratchDocument('scratch/format-layout.sla');
    for (const sample of await samples()) {
      const original = await sampleText(sample);
      await setText(document, original);
      const tidy = await formatDocument(document);
      // Same tokens, no indentation at all and stray trailing blanks.
      await setText(document, messUp(original));
      const messy = await formatDocument(document);
      assert.ok(messy.edits > 0, `${sample}: formatting a file with no indentation changed nothing`);
      assert.equal(messy.text, tidy.text, `${sample}: the layout depends on the input's layout`);
      assert.deepEqual(comments(tidy.text), comments(original), `${sample}: comments were lost or changed`);
      assert.match(tidy.text, /^ +version "/m, `${sample}: items inside an sla are not indented`);
      assert.doesNotMatch(tidy.text, /[ \t]+$/m, `${sample}: trailing blanks left`);
    }
  });

  it('is idempotent: formatting formatted text changes nothing', async () => {
    const document = await scratchDocument('scratch/format-twice.sla');
    for (const sample of await samples()) {
      await setText(document, messUp(await sampleText(sample)));
      const once = await formatDocument(document);
      const again = await formatDocument(document);
      assert.equal(again.text, once.text, `${sample}: a second formatting changed the text`);
    }
  });

  it('leaves the formatted samples free of errors', async () => {
    const document = await scratchDocument('scratch/format-checked.sla');
    for (const sample of await samples()) {
      await setText(document, messUp(await sampleText(sample)));
      // The diagnostics published for the formatted text (a messy copy always gets edits).
      const diagnostics = await nextDiagnostics(document.uri, () => formatDocument(document));
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map(describeDiagnostic), [], `errors in formatted ${sample}`);
    }
  });
});

/**
 * Opens a quick-fix fixture, waits for the diagnostic `code`, applies the quick fix whose
 * title matches `title` with workspace.applyEdit (and its command, if any), and waits until
 * the diagnostic is gone.
 */
async function applyQuickFix(fixture: string, code: string | RegExp, title: RegExp): Promise<vscode.TextDocument> {
  const { document } = await openWithDiagnostics(`fixtures/quickfix/${fixture}`);
  const matches = (d: vscode.Diagnostic) => (typeof code === 'string' ? codeOf(d) === code : code.test(codeOf(d)));
  const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some(matches), undefined, `${String(code)} in ${fixture}`);
  const target = diagnostics.find(matches)!;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    target.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const titles = (actions ?? []).map((a) => a.title);
  const action = (actions ?? []).find((a) => title.test(a.title));
  assert.ok(action, `${fixture}: no quick fix matching ${title} for ${codeOf(target)}; offered: ${titles.join(' | ') || '(none)'}`);
  if ('edit' in action && action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `${fixture}: the edit was refused`);
  const command = 'command' in action ? action.command : undefined;
  if (command && typeof command === 'object') await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  else if (typeof command === 'string') await vscode.commands.executeCommand(command, ...((action as vscode.Command).arguments ?? []));
  const after = await waitForDiagnostics(
    document.uri,
    (ds) => !ds.some((d) => matches(d) && d.range.start.line === target.range.start.line),
    undefined,
    `${String(code)} gone after the quick fix in ${fixture}`,
  );
  assert.ok(!after.some((d) => d.severity === vscode.DiagnosticSeverity.Error && codeOf(d) === 'SLA001'), `${fixture}: the fix left a syntax error: ${describeAll(after)}`);
  return document;
}

describe('quick fixes', () => {
  before(activateExtension);

  it('replaces an unknown name with the suggestion (SLA101)', async () => {
    await createWorkspaceFile('fixtures/quickfix/sla101-unknown-name.sla', (await vscode.workspace.fs.readFile(workspaceUri('fixtures/unknown-name.sla'))).toString());
    const document = await applyQuickFix('sla101-unknown-name.sla', 'SLA101', /probe/);
    assert.match(document.getText(), /^\s*indicator probe\s*$/m);
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, undefined, 'a clean file after the fix');
  });

  it('adds the missing target line (SLA200)', async () => {
    const document = await applyQuickFix('sla200-missing-target.sla', 'SLA200', /target/i);
    assert.match(document.getText(), /^\s*target\b/m);
  });

  it('adds the missing indicator line (SLA201)', async () => {
    const document = await applyQuickFix('sla201-missing-indicator.sla', 'SLA201', /indicator/i);
    assert.match(document.getText(), /objective uptime \{[\s\S]*?^\s*indicator\b/m);
  });

  it('adds the missing window line (SLA204)', async () => {
    const document = await applyQuickFix('sla204-missing-window.sla', 'SLA204', /window/i);
    assert.match(document.getText(), /^\s*window (calendar|rolling)\b/m);
  });

  it('adds a compensation ladder skeleton (SLA300)', async () => {
    const document = await applyQuickFix('sla300-no-compensation.sla', 'SLA300', /compensation/i);
    assert.match(document.getText(), /compensation for uptime \{[\s\S]*?below[\s\S]*?credit/);
  });

  it('sorts a tier ladder whose more severe tier pays less (SLA304)', async () => {
    const document = await applyQuickFix('sla304-unsorted-ladder.sla', 'SLA304', /sort|order/i);
    const ladder = document.getText().match(/compensation for uptime \{([\s\S]*?)\}/)?.[1] ?? '';
    const credits = [...ladder.matchAll(/credit (\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
    assert.equal(credits.length, 2, ladder);
    assert.ok(credits[0]! < credits[1]!, `tiers still unsorted: ${ladder.trim()}`);
  });

  it('adds the `%` a percentage target was written without', async () => {
    // No diagnostic here (a bare number is read in the kind's unit): the fix is offered on the number.
    const { document } = await openWithDiagnostics('fixtures/quickfix/missing-unit.sla');
    const start = positionOf(document, 'target >= 99.9', 10);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(start, start.translate(0, 4)),
    );
    const action = (actions ?? []).find((a) => /unit|%/.test(a.title));
    assert.ok(action?.edit, `no fix adding the unit; offered: ${(actions ?? []).map((a) => a.title).join(' | ') || '(none)'}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.match(document.getText(), /^\s*target >= 99\.9%\s*$/m);
  });
});
