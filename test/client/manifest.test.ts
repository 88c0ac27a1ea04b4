import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Module, { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { formatText } from '../../cli/src/diagnosticFormats';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const englishNls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
/** A manifest text as VS Code shows it in English (`%key%` looked up in package.nls.json). */
const nls = (text: string): string => text.replace(/^%([\w.-]+)%$/, (whole, key: string) => englishNls[key] ?? whole);

describe('client manifest (package.json)', () => {
  it('declares every command the extension registers, in category SLA, and only those in menus', () => {
    const source = readFileSync(path.join(root, 'client/src/extension.ts'), 'utf8');
    const registered = [...(/COMMANDS = \{([^}]*)\}/s.exec(source)?.[1] ?? '').matchAll(/'(sla\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, ['sla.compareWithPrevious', 'sla.evaluateContract', 'sla.exportReport', 'sla.markReviewed', 'sla.restartServer', 'sla.setPrometheusToken', 'sla.showOutput']);
    assert.deepEqual(registered, declared);
    for (const c of contributes.commands) assert.equal(nls(c.category), 'SLA');
    for (const [menu, items] of Object.entries(contributes.menus) as [string, { command: string }[]][]) {
      for (const item of items) assert.ok(declared.includes(item.command), `${menu}: ${item.command}`);
    }
    assert.deepEqual(
      contributes.menus['explorer/context'].map((m: { when: string }) => m.when),
      ['resourceExtname == .sla'],
    );
  });

  it('references files that exist and that the .vsix keeps', () => {
    const language = contributes.languages[0];
    const referenced = [
      language.configuration,
      language.icon.light,
      language.icon.dark,
      contributes.grammars[0].path,
      contributes.snippets[0].path,
      pkg.icon,
      pkg.main,
      'media/report.css',
      'media/report.js',
      'dist/server.js',
      'package.nls.json',
      'package.nls.zh-cn.json',
      path.join(pkg.l10n, 'bundle.l10n.zh-cn.json'),
    ].map((p: string) => path.normalize(p));
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1));
    for (const file of referenced) {
      if (!file.startsWith('dist')) assert.ok(existsSync(path.join(root, file)), `${file} exists`);
      assert.ok(ignore.some((pattern) => path.matchesGlob(file, pattern)), `${file} is kept by .vscodeignore`);
    }
    // The `sla` command is installed from npm, not with the extension, which never runs it.
    for (const bundle of ['dist/cli.js', 'dist/cli-main.js', 'dist/cli-language.js', 'dist/cli-evaluate.js']) {
      assert.ok(!ignore.some((pattern) => path.matchesGlob(bundle, pattern)), `${bundle} is left out of the .vsix`);
    }
    assert.equal(contributes.grammars[0].scopeName, 'source.sla');
    assert.deepEqual(language.extensions, ['.sla']);
  });

  it('limits evaluation in untrusted workspaces and restricts sla.metrics', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(nls(trust.description).length > 20);
    assert.deepEqual(trust.restrictedConfigurations, ['sla.metrics', 'sla.prometheus.url']);
    const props = contributes.configuration.properties;
    for (const key of ['sla.validate.onType', 'sla.metrics', 'sla.trace.server', 'sla.evaluate.at', 'sla.evaluate.explain']) {
      assert.ok(props[key], key);
    }
    assert.equal(props['sla.metrics'].scope, 'resource');
    // A workspace may point at a server only when trusted: the user's token is sent there.
    assert.equal(props['sla.prometheus.url'].scope, 'machine-overridable');
    assert.deepEqual(props['sla.trace.server'].enum, ['off', 'messages', 'verbose']);
    // A workspace (even a trusted one) must not switch on a trace that prints message bodies.
    assert.equal(props['sla.trace.server'].scope, 'machine');
    assert.ok(pkg.activationEvents.includes('onLanguage:sla'));
  });

  it('has a $sla problem matcher that reads `sla check` output, with severities VS Code understands', () => {
    const pattern = contributes.problemPatterns.find((p: { name: string }) => p.name === 'sla');
    const matcher = contributes.problemMatchers.find((m: { name: string }) => m.name === 'sla');
    assert.equal(matcher.pattern, '$sla');
    assert.equal(matcher.owner, 'sla');
    const regexp = new RegExp(pattern.regexp);
    const range = { start: { line: 11, character: 4, offset: 0 }, end: { line: 11, character: 9, offset: 0 } };
    const output = formatText([
      {
        file: 'contracts/acme.sla',
        diagnostics: [
          { code: 'SLA101', severity: 'error', message: 'unknown indicator "prob": did you mean "probe"?', range },
          { code: 'SLA300', severity: 'warning', message: 'objective uptime has no compensation', range },
          { code: 'SLA503', severity: 'information', message: 'no review cadence', range },
        ],
      },
      { file: 'C:\\work\\a b.sla', diagnostics: [{ code: 'SLA001', severity: 'error', message: 'expected "}": x:1:2', range }] },
    ]).split('\n');
    const parsed = output.map((line) => {
      const m = regexp.exec(line);
      assert.ok(m, `matches ${line}`);
      return [m[pattern.file], m[pattern.line], m[pattern.column], m[pattern.severity], m[pattern.code], m[pattern.message]];
    });
    assert.deepEqual(parsed, [
      ['contracts/acme.sla', '12', '5', 'error', 'SLA101', 'unknown indicator "prob": did you mean "probe"?'],
      ['contracts/acme.sla', '12', '5', 'warning', 'SLA300', 'objective uptime has no compensation'],
      // VS Code reads `info`, not `information` (which it would show as an error).
      ['contracts/acme.sla', '12', '5', 'info', 'SLA503', 'no review cadence'],
      ['C:\\work\\a b.sla', '12', '5', 'error', 'SLA001', 'expected "}": x:1:2'],
    ]);
  });
});

describe('client bundle', () => {
  it('bundles the client without the language core (no chevrotain, no parser, no evaluator)', async function () {
    this.timeout(30000);
    const out = mkdtempSync(path.join(tmpdir(), 'sla-client-bundle-'));
    try {
      const result = await esbuild.build({
        entryPoints: [path.join(root, 'client/src/extension.ts')],
        outfile: path.join(out, 'extension.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        external: ['vscode'],
        minify: true,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs).map((p) => p.replace(/\\/g, '/'));
      // Only the protocol's method names reach the client from the server's sources (its core types are erased).
      const core = inputs.filter((p) => /chevrotain|luxon|csv-parse|server\/src\/(evaluation|services|language)\//.test(p));
      assert.deepEqual(core, []);
      assert.ok(inputs.some((p) => p.includes('vscode-languageclient')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('client bundle as built (dist/extension.js)', () => {
  it('loads in Node and exports activate/deactivate (ESM-only dependencies must not need import.meta)', function () {
    const bundle = path.join(root, 'dist/extension.js');
    if (!existsSync(bundle)) this.skip(); // run `npm run build` first (npm test does)
    // A stand-in for the `vscode` module: loading must not touch it beyond reading members.
    const handler: ProxyHandler<object> = {
      get: (_t, p) => (p === 'then' || p === '__esModule' ? undefined : new Proxy(function () {}, handler)),
      apply: () => new Proxy(function () {}, handler),
      construct: () => new Proxy(function () {}, handler),
    };
    const stub = new Proxy({}, handler);
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = loader._load;
    loader._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? stub : original.call(this, request, ...rest);
    };
    try {
      const require = createRequire(import.meta.url);
      delete require.cache[bundle];
      const extension = require(bundle) as Record<string, unknown>;
      assert.equal(typeof extension.activate, 'function');
      assert.equal(typeof extension.deactivate, 'function');
    } finally {
      loader._load = original;
    }
  });
});
