// Completion through VS Code's own command, at cursor positions marked `<|>`: only what the
// grammar allows there, defined names of the right sort, kinds, units for the indicator's
// kind, aggregates, snippets; also in a broken file and at the end of a half-typed word.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, completionLabels, createWorkspaceFile, openWithDiagnostics } from '../helpers';

const CONTRACT = `sla Shop {
  version "1"
  provider "P"
  customer "C"
  service web "Web shop" { description "front end" }
  schedule office { mon..fri 09:00-18:00 }
  maintenance patching { every sun 01:00-03:00 }
  indicator probe { kind availability metric "probe_success" }
  indicator page_time { kind latency metric "page_ms" unit ms }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
<SLOT>
}
`;

const KINDS = ['availability', 'error_rate', 'latency', 'response_time', 'recovery_time', 'resolution_time', 'throughput'];
let counter = 0;

/** Completion items at `<|>` in `text` (a file in the workspace, opened in an editor). */
async function completeAt(text: string): Promise<vscode.CompletionList> {
  const at = text.indexOf('<|>');
  assert.ok(at >= 0, 'test text without <|>');
  const source = text.replace('<|>', '');
  const file = `scratch/completion-${++counter}.sla`;
  const uri = await createWorkspaceFile(file, source);
  // The server has parsed the document once it has published diagnostics for it.
  const { document } = await openWithDiagnostics(file);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, document.positionAt(at));
  assert.ok(list, 'no completion list');
  return list;
}

function inObjective(line: string): string {
  return CONTRACT.replace('<SLOT>', `  objective second {\n    ${line}\n  }`);
}

/**
 * Labels of what the language server offers: contributed snippets (snippets/sla.code-snippets)
 * are static and VS Code offers them everywhere, so they are left out.
 */
function serverLabels(list: vscode.CompletionList): string[] {
  return completionLabels({ items: list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet) } as vscode.CompletionList);
}

function assertIncludes(list: vscode.CompletionList, expected: string[], where: string): void {
  const labels = serverLabels(list);
  const missing = expected.filter((e) => !labels.includes(e));
  assert.deepEqual(missing, [], `${where}: missing ${missing.join(', ')} in [${labels.join(', ')}]`);
}

function assertExcludes(list: vscode.CompletionList, unexpected: string[], where: string): void {
  const labels = serverLabels(list);
  const present = unexpected.filter((e) => labels.includes(e));
  assert.deepEqual(present, [], `${where}: should not offer ${present.join(', ')}`);
}

describe('completion', () => {
  before(async () => {
    await activateExtension();
  });

  it('offers the items an objective may hold at the start of a line in it', async () => {
    const list = await completeAt(inObjective('<|>'));
    assertIncludes(list, ['indicator', 'service', 'target', 'window', 'during', 'excluding', 'description'], 'objective body');
    assertExcludes(list, ['kind', 'metric', 'sla', 'below', 'cap'], 'objective body');
  });

  it('completes a half-typed keyword', async () => {
    const list = await completeAt(inObjective('tar<|>'));
    assertIncludes(list, ['target'], 'after `tar`');
  });

  it('offers indicators (and only indicators) after `indicator`', async () => {
    const list = await completeAt(inObjective('indicator <|>'));
    assertIncludes(list, ['probe', 'page_time'], 'after `indicator`');
    assertExcludes(list, ['web', 'office', 'patching', 'uptime'], 'after `indicator`');
  });

  it('offers services after `service`, schedules after `during`, maintenance after `excluding`', async () => {
    const serviceList = await completeAt(inObjective('service <|>'));
    assertIncludes(serviceList, ['web'], 'after `service`');
    assertExcludes(serviceList, ['probe', 'office'], 'after `service`');
    const duringList = await completeAt(inObjective('during <|>'));
    assertIncludes(duringList, ['office'], 'after `during`');
    assertExcludes(duringList, ['probe', 'web', 'patching'], 'after `during`');
    const excludingList = await completeAt(inObjective('excluding <|>'));
    assertIncludes(excludingList, ['patching'], 'after `excluding`');
    assertExcludes(excludingList, ['office', 'probe'], 'after `excluding`');
  });

  it('offers objectives after `compensation for` and schedules after support `hours`', async () => {
    const compensationList = await completeAt(CONTRACT.replace('<SLOT>', '  compensation for <|>'));
    assertIncludes(compensationList, ['uptime'], 'after `compensation for`');
    assertExcludes(compensationList, ['probe', 'office'], 'after `compensation for`');
    const hoursList = await completeAt(CONTRACT.replace('<SLOT>', '  support {\n    hours <|>\n  }'));
    assertIncludes(hoursList, ['office'], 'after `hours`');
    assertExcludes(hoursList, ['probe', 'uptime'], 'after `hours`');
  });

  it('offers the kinds after `kind`', async () => {
    const list = await completeAt(CONTRACT.replace('<SLOT>', '  indicator fresh {\n    kind <|>\n  }'));
    assertIncludes(list, KINDS, 'after `kind`');
    assertExcludes(list, ['probe', 'target'], 'after `kind`');
  });

  it('offers aggregates after `target`', async () => {
    const list = await completeAt(inObjective('indicator page_time\n    target <|>'));
    assertIncludes(list, ['avg', 'min', 'max'], 'after `target`');
    assert.ok(serverLabels(list).some((l) => /^p\d+/.test(l)), `no percentile after \`target\`: ${serverLabels(list).join(', ')}`);
  });

  it('offers the units of the indicator\'s kind after a number', async () => {
    const latencyList = await completeAt(inObjective('indicator page_time\n    target p95 <= 500<|>'));
    assertIncludes(latencyList, ['ms', 's'], 'after a latency number');
    assertExcludes(latencyList, ['%', 'rps'], 'after a latency number');
    const availabilityList = await completeAt(inObjective('indicator probe\n    target >= 99.9<|>'));
    assertIncludes(availabilityList, ['%'], 'after an availability number');
    assertExcludes(availabilityList, ['ms'], 'after an availability number');
  });

  it('offers `calendar`/`rolling` after `window` and the periods after `calendar`', async () => {
    assertIncludes(await completeAt(inObjective('window <|>')), ['calendar', 'rolling'], 'after `window`');
    assertIncludes(await completeAt(inObjective('window calendar <|>')), ['day', 'week', 'month', 'quarter', 'year'], 'after `calendar`');
  });

  it('offers snippets for an objective, a compensation ladder and a schedule inside an sla, and a whole sla at top level', async () => {
    const inside = await completeAt(CONTRACT.replace('<SLOT>', '  <|>'));
    const snippets = inside.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && i.insertText instanceof vscode.SnippetString);
    const text = snippets.map((s) => `${typeof s.label === 'string' ? s.label : s.label.label} ${(s.insertText as vscode.SnippetString).value}`).join('\n');
    for (const word of ['objective', 'compensation', 'schedule']) assert.match(text, new RegExp(word), `no ${word} snippet inside an sla`);
    assert.match(text, /below[\s\S]*below[\s\S]*below/, 'the compensation snippet should hold a three-tier ladder');
    const top = await completeAt(`<|>\n${CONTRACT.replace('<SLOT>', '')}`);
    assert.ok(
      top.items.some((i) => i.kind === vscode.CompletionItemKind.Snippet && i.insertText instanceof vscode.SnippetString && /^sla\b/.test(i.insertText.value)),
      'no snippet for a whole `sla` at top level',
    );
  });

  it('still completes names in a file with a syntax error elsewhere', async () => {
    const broken = inObjective('indicator <|>').replace('  version "1"\n', '  version "1"\n  fee 12000 per month\n  service }\n');
    const list = await completeAt(broken);
    assertIncludes(list, ['probe', 'page_time'], 'after `indicator` in a broken file');
  });
});
