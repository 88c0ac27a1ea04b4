// Bundles the extension client, the language server and the `sla` CLI into dist/ as
// CommonJS (VS Code loads extensions with require; Chevrotain ships only ESM, so it is
// bundled in). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
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
};
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // dist/cli.js (written below) turns on Node's compile cache, then loads this bundle.
  { entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli-main.js' },
  // Worker thread that reads a part of a large CSV file (server/src/evaluation/parallel.ts).
  { entryPoints: ['server/src/evaluation/worker.ts'], outfile: 'dist/evaluation-worker.js' },
];

mkdirSync('dist', { recursive: true });
// The root package is ESM (for the TypeScript sources and tests); the bundles are CommonJS.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
// The `sla` command: Node ≥ 22.1 keeps the bundle's compiled code on disk, which saves about a
// third of the CLI's start-up CPU on every later run (docs/performance.md, "Evaluation").
// The cache is the user's own (XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows, under
// sla-language-tools/compile-cache), not a directory of the shared temporary one;
// NODE_COMPILE_CACHE chooses another and NODE_DISABLE_COMPILE_CACHE=1 turns it off (Node's
// own variables). Anything that fails here only leaves the cache off.
const cliLoader = `#!/usr/bin/env node
'use strict';
try {
  const m = require('node:module');
  if (m.enableCompileCache && !process.env.NODE_COMPILE_CACHE) {
    const path = require('node:path');
    const xdg = process.env.XDG_CACHE_HOME;
    const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : xdg && path.isAbsolute(xdg) ? xdg : path.join(require('node:os').homedir(), '.cache');
    if (base) m.enableCompileCache(path.join(base, 'sla-language-tools', 'compile-cache'));
  } else m.enableCompileCache?.();
} catch {}
require('./cli-main.js');
`;
writeFileSync('dist/cli.js', cliLoader, { mode: 0o755 });
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
