// Protocol tests: diagnostics on open, change and save, with and without on-type validation.
import { strict as assert } from 'node:assert';
import { ensureServerBuilt, positionOf, startForSuite, TestClient } from './client';

const VALID = `sla Shop {
  version "1"
  provider "P"
  customer "C"
  indicator probe { kind availability metric "up" }
  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
  compensation for uptime {
    below 99.9% credit 10%
  }
  credits { claim within 30d }
  reporting monthly
  review yearly
}
`;

describe('protocol: diagnostics', function () {
  this.timeout(30000);
  let client: TestClient;

  startForSuite((started) => (client = started), { settings: { validate: { onType: true } } });

  it('announces the capabilities of every feature', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    for (const key of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'semanticTokensProvider',
      'documentFormattingProvider',
      'codeActionProvider',
      'codeLensProvider',
    ] as const) {
      assert.ok(capabilities[key], `${key} announced`);
    }
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  });

  it('publishes no diagnostics for a valid contract on open', async () => {
    const { diagnostics } = await client.open(VALID);
    assert.deepEqual(diagnostics, []);
  });

  it('publishes the checker diagnostics with code, source and a link to the reference', async () => {
    const { diagnostics } = await client.open(VALID.replace('indicator probe\n', 'indicator prob\n'));
    const unknown = diagnostics.find((d) => d.code === 'SLA101');
    assert.ok(unknown, 'SLA101 published');
    assert.equal(unknown.severity, 1);
    assert.equal(unknown.source, 'sla');
    assert.equal(unknown.codeDescription?.href, 'https://github.com/sla-language-tools/sla-language-tools#sla101');
    assert.deepEqual(unknown.range, { start: { line: 6, character: 14 }, end: { line: 6, character: 18 } });
    assert.deepEqual(unknown.data, { suggestion: 'probe' });
  });

  it('re-validates on change (incremental edits) and on save', async () => {
    const { uri } = await client.open(VALID);
    const at = positionOf(VALID, '99.9%');
    const version = await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: '100' }]);
    const changed = await client.diagnosticsFor(uri, version);
    assert.ok(changed.some((d) => d.code === 'SLA208'), `SLA208 after the change: ${JSON.stringify(changed)}`);
    assert.equal(client.text(uri).includes('target >= 100%'), true);
    const saved = client.nextDiagnostics(uri);
    await client.save(uri);
    assert.ok((await saved).diagnostics.some((d) => d.code === 'SLA208'), 'published again on save');
  });

  it('debounces typing: one publication for a burst of changes', async () => {
    const { uri } = await client.open(VALID);
    const before = client.publications.filter((p) => p.uri === uri).length;
    let version = 0;
    const at = positionOf(VALID, '"P"', 2);
    for (const [i, ch] of [...'abc'].entries()) {
      const end = { line: at.line, character: at.character + i };
      version = await client.change(uri, [{ range: { start: end, end }, text: ch }]);
    }
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.deepEqual(diagnostics, []);
    const after = client.publications.filter((p) => p.uri === uri);
    assert.equal(after.length - before, 1, `one publication for three changes, got versions ${after.slice(before).map((p) => p.version)}`);
    assert.equal(client.text(uri).includes('provider "Pabc"'), true);
  });

  it('clears the diagnostics of a closed document', async () => {
    const { uri, diagnostics } = await client.open('sla X {');
    assert.ok(diagnostics.length > 0);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('never dies on any text', async () => {
    const texts = [
      '',
      '}}}{{{',
      'sla',
      'sla "x" { objective { target >= } compensation for { below credit } }',
      '/* unclosed',
      '"unclosed string\nsla A {',
      'sla A { fee 1e9 CNY per decade schedule s { mon..xyz 25:99-00:00 } }',
      'sla 蓝莺 { provider "蓝莺IM" }',
      '\u0000\uffff\ud800',
      VALID.slice(0, 150),
      VALID.replace(/}/g, ''),
      VALID.replace(/{/g, ''),
    ];
    for (const text of texts) {
      const { uri } = await client.open(text);
      const position = { line: 0, character: 3 };
      await client.completion(uri, position);
      await client.hover(uri, position);
      await client.documentSymbols(uri);
      await client.semanticTokens(uri);
      await client.formatting(uri);
      await client.foldingRanges(uri);
      await client.codeLenses(uri);
      await client.selectionRanges(uri, [position]);
    }
    // Still answering, and no handler had to catch an exception.
    const { diagnostics } = await client.open(VALID);
    assert.deepEqual(diagnostics, []);
    assert.equal(client.process.exitCode, null);
    assert.deepEqual(client.logs, []);
  });
});

describe('protocol: on-type validation off', function () {
  this.timeout(30000);
  let client: TestClient;

  // No debounce: were on-type validation on, a change would publish before the next round trip.
  startForSuite((started) => (client = started), { settings: { validate: { onType: false } }, initializationOptions: { validateDelayMs: 0 } });

  it('reads the setting through workspace/configuration', async () => {
    await client.open(VALID);
    const { uri } = await client.open(VALID);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.save(uri); // a save always validates: wait for it so that the request surely happened
    await client.nextDiagnostics(uri);
    assert.ok(client.configurationRequests >= 1, 'workspace/configuration was requested');
  });

  it('publishes nothing while typing, and the current diagnostics on save', async () => {
    const { uri } = await client.open(VALID);
    const at = positionOf(VALID, 'indicator probe\n', 14);
    const version = await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    // Two round trips: a zero-delay on-type validation would have been published by now.
    await client.hover(uri, at);
    await client.hover(uri, at);
    assert.equal(client.publications.filter((p) => p.uri === uri && p.version === version).length, 0, 'nothing published while typing');
    const saved = client.nextDiagnostics(uri);
    await client.save(uri);
    const published = await saved;
    // The first publication after the change is the save's, for the changed version.
    assert.equal(published.version, version);
    assert.ok(published.diagnostics.some((d) => d.code === 'SLA101'), JSON.stringify(published.diagnostics));
    assert.equal(
      client.publications.filter((p) => p.uri === uri && p.version === version).length,
      1,
      'exactly one publication for the changed version: the save',
    );
  });

  it('validates while typing again after the setting changes', async () => {
    await client.configurationChanged({ validate: { onType: true } });
    const { uri } = await client.open(VALID);
    const at = positionOf(VALID, 'indicator probe\n', 14);
    const version = await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.ok(diagnostics.some((d) => d.code === 'SLA101'));
  });
});

describe('protocol: transports', function () {
  this.timeout(30000);
  before(ensureServerBuilt);

  it('serves over --node-ipc, as vscode-languageclient starts it', async () => {
    const { fork } = await import('node:child_process');
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
    const { SERVER } = await import('./client');
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      const result = await connection.sendRequest<{ capabilities: { hoverProvider?: boolean } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.capabilities.hoverProvider, true);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc.sla', languageId: 'sla', version: 1, text: 'sla A {' } });
      const { diagnostics } = await published;
      assert.ok(diagnostics.some((d) => d.code === 'SLA001'));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('explains its usage when started without a transport', async () => {
    const { spawnSync } = await import('node:child_process');
    const { SERVER } = await import('./client');
    const result = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /usage: node dist\/server\.js --stdio/);
  });
});
