// Diagnostics as the user sees them in the Problems panel and as squiggles: none on the
// bundled samples, the documented codes at exact ranges on samples/broken, live updates
// while typing, and diagnostics on save when on-type validation is off.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  createWorkspaceFile,
  describeAll,
  hasCode,
  openWithDiagnostics,
  positionOf,
  replaceText,
  waitForDiagnostics,
  workspaceFiles,
  workspaceUri,
} from '../helpers';

const SEVERITY_NAME: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

interface CliDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
}

/** `code severity line:col-line:col`, 1-based, for comparing the editor with `sla check`. */
function key(d: { code: string; severity: string; line: number; column: number; endLine: number; endColumn: number }): string {
  return `${d.code} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
}

function editorKeys(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) =>
      key({
        code: codeOf(d),
        severity: SEVERITY_NAME[d.severity],
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      }),
    )
    .sort();
}

/** What the bundled CLI (same core as the server) reports for a file: `sla check --format json`. */
async function cliKeys(file: string): Promise<string[]> {
  const extension = await activateExtension();
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
  });
  assert.ok(run.stdout.trim().startsWith('['), `sla check --format json printed no JSON (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as CliDiagnostic[]).map(key).sort();
}

/** The codes a broken sample announces in its opening comment ("reports SLA100, SLA101 …"). */
function announcedCodes(text: string): string[] {
  const header = text.split('\n').filter((line, i, lines) => lines.slice(0, i + 1).every((l) => l.trimStart().startsWith('//')));
  return [...new Set(header.join('\n').match(/SLA\d{3}/g) ?? [])];
}

describe('diagnostics', () => {
  before(async () => {
    await activateExtension();
  });

  describe('the bundled samples', () => {
    it('are all found', async () => {
      const samples = await workspaceFiles('*.sla');
      assert.ok(samples.length >= 5, `expected at least five samples, found ${samples.join(', ')}`);
    });

    it('open with no error and no warning', async () => {
      for (const sample of await workspaceFiles('*.sla')) {
        const { diagnostics } = await openWithDiagnostics(sample);
        const serious = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(serious.map((d) => `${sample}: ${codeOf(d)}`), [], `${sample}: ${describeAll(serious)}`);
      }
    });
  });

  describe('samples/broken', () => {
    it('has broken samples to check', async () => {
      assert.ok((await workspaceFiles('broken/*.sla')).length >= 3);
    });

    it('shows in the editor exactly what `sla check` reports: codes, severities and ranges', async () => {
      for (const sample of await workspaceFiles('broken/*.sla')) {
        const { diagnostics } = await openWithDiagnostics(sample);
        assert.ok(
          diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning),
          `${sample}: no error or warning shown`,
        );
        assert.deepEqual(editorKeys(diagnostics), await cliKeys(workspaceUri(sample).fsPath), `${sample}: editor and CLI disagree`);
      }
    });

    it('shows the codes each broken sample announces in its header comment', async () => {
      for (const sample of await workspaceFiles('broken/*.sla')) {
        const { document, diagnostics } = await openWithDiagnostics(sample);
        const shown = new Set(diagnostics.map(codeOf));
        for (const code of announcedCodes(document.getText())) {
          assert.ok(shown.has(code), `${sample} announces ${code}, but the editor shows ${describeAll(diagnostics)}`);
        }
      }
    });

    it('never marks a whole file or a whole block: every range is on the offending clause', async () => {
      for (const sample of await workspaceFiles('broken/*.sla')) {
        const { document, diagnostics } = await openWithDiagnostics(sample);
        for (const d of diagnostics) {
          assert.ok(d.range.end.line - d.range.start.line <= 3, `${sample}: ${codeOf(d)} spans lines ${d.range.start.line + 1}-${d.range.end.line + 1}`);
          assert.ok(d.range.end.line < document.lineCount);
          assert.ok(d.message.trim().length > 10, `${sample}: ${codeOf(d)} has no real message`);
        }
      }
    });
  });

  describe('a misspelt name (fixture)', () => {
    it('is SLA101 on the name only, with a "did you mean" suggestion and a link to the reference', async () => {
      const { diagnostics } = await openWithDiagnostics('fixtures/unknown-name.sla');
      assert.equal(diagnostics.length, 1, describeAll(diagnostics));
      const [d] = diagnostics;
      assert.equal(codeOf(d!), 'SLA101');
      assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        [d!.range.start.line, d!.range.start.character, d!.range.end.line, d!.range.end.character],
        [7, 14, 7, 18],
        'the range must be `prob` on line 8',
      );
      assert.match(d!.message, /probe/, 'the message should suggest `probe`');
      const code = d!.code;
      assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, 'the code should link to its documentation (codeDescription)');
      assert.match(code.target.toString(), /sla101/i);
    });
  });

  describe('while typing', () => {
    it('reports a new error and clears it when it is fixed, without saving', async () => {
      const uri = await createWorkspaceFile('scratch/typing.sla', (await vscode.workspace.fs.readFile(workspaceUri('fixtures/unknown-name.sla'))).toString());
      const document = await vscode.workspace.openTextDocument(uri);
      await waitForDiagnostics(uri, hasCode('SLA101'), undefined, 'SLA101 on open');
      const fixed = document.getText().replace('indicator prob\n', 'indicator probe\n');
      await replaceText(document, fixed);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, undefined, 'no diagnostics after fixing the name');
      await replaceText(document, fixed.replace('window calendar month', 'window calendar mnth'));
      const after = await waitForDiagnostics(uri, (ds) => ds.length > 0, undefined, 'a diagnostic for `mnth`');
      const at = positionOf(document, 'mnth');
      assert.ok(after.some((d) => d.range.contains(at)), `the diagnostic should be on \`mnth\`: ${describeAll(after)}`);
      assert.equal(document.isDirty, true, 'the test must not have saved the file');
    });
  });

  describe('with sla.validate.onType off', () => {
    const settings = () => vscode.workspace.getConfiguration('sla');
    before(async () => {
      await settings().update('validate.onType', false, vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
      await settings().update('validate.onType', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('still reports diagnostics when the file is saved', async () => {
      assert.equal(settings().get('validate.onType'), false);
      const clean = (await vscode.workspace.fs.readFile(workspaceUri('fixtures/unknown-name.sla'))).toString().replace('indicator prob\n', 'indicator probe\n');
      const uri = await createWorkspaceFile('scratch/on-save.sla', clean);
      const document = await vscode.workspace.openTextDocument(uri);
      await replaceText(document, clean.replace('indicator probe\n', 'indicator probez\n'));
      assert.ok(await document.save(), 'the document could not be saved');
      const diagnostics = await waitForDiagnostics(uri, hasCode('SLA101'), undefined, 'SLA101 after saving');
      const at = positionOf(document, 'probez');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'SLA101' && d.range.contains(at)), describeAll(diagnostics));
    });
  });
});
