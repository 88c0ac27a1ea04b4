// Bundles the extension client, the language server and the `sla` CLI into dist/ as
// CommonJS (VS Code loads extensions with require; Chevrotain ships only ESM, so it is
// bundled in). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/**
 * A plugin that gives the modules under node_modules/`owner` another module for `specifier`
 * (a Node built-in, with or without `node:`): the JavaScript `contents`.
 */
function substitute(name, owner, specifier, contents) {
  const imported = new RegExp(`^(node:)?${specifier}$`);
  const importer = new RegExp(`[\\\\/]${owner}[\\\\/]`);
  return {
    name,
    setup(build) {
      build.onResolve({ filter: imported }, (args) => (importer.test(args.importer) ? { path: name, namespace: name } : undefined));
      build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js' }));
    },
  };
}
// fdir (under tinyglobby) looks for an installed picomatch with createRequire when it is
// loaded, for its own glob(), which tinyglobby never calls (it passes its own matchers):
// finding one cost every `sla` run about 3 ms of resolving and compiling a file outside the
// bundle. Its createRequire is answered with a require that finds nothing, as when picomatch
// is not installed; fdir then leaves `pm` null (docs/decisions.md, "The `sla` command's bundles").
const fdirFindsNoPicomatch = substitute(
  'fdir-finds-no-picomatch',
  'fdir',
  'module',
  'export function createRequire() { const find = (id) => { throw new Error(`${id}: not bundled`); }; find.resolve = find; return find; }',
);
// commander requires child_process when it is loaded, for stand-alone executable
// subcommands, which the `sla` command has none of: loading it (with net and dgram) cost every
// run about 1 ms and 2 MiB. commander gets a child_process whose `spawn` loads the real one
// on first use.
const commanderSpawnsLazily = substitute(
  'commander-spawns-lazily',
  'commander',
  'child_process',
  "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
);
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS has no import.meta: see scripts/import-meta-url.mjs.
  inject: ['scripts/node20-polyfills.mjs', 'scripts/import-meta-url.mjs'],
  define: { 'import.meta.url': 'import_meta_url' },
  plugins: [fdirFindsNoPicomatch, commanderSpawnsLazily],
};
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The `sla` command's bundles: dist/cli.js (written below) runs one of them.
  { entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli-main.js' },
  // Smaller bundles that dist/cli.js runs for some commands (scripts/cli-loader.cjs):
  // `check` and `fmt`, the language core only; `evaluate` and `report`, without OpenSLO and YAML.
  { entryPoints: ['cli/src/mainLanguage.ts'], outfile: 'dist/cli-language.js' },
  { entryPoints: ['cli/src/mainEvaluate.ts'], outfile: 'dist/cli-evaluate.js' },
  // Worker thread that reads a part of a large CSV file (server/src/evaluation/parallel.ts).
  { entryPoints: ['server/src/evaluation/worker.ts'], outfile: 'dist/evaluation-worker.js' },
];

mkdirSync('dist', { recursive: true });
// The root package is ESM (for the TypeScript sources and tests); the bundles are CommonJS.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
// The `sla` command: a loader that runs dist/cli-main.js (or a smaller bundle for some
// commands) from V8 code cached by an earlier run (scripts/cli-loader.cjs says how and where).
copyFileSync('scripts/cli-loader.cjs', 'dist/cli.js');
chmodSync('dist/cli.js', 0o755);
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
