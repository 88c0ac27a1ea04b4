// Bundles the extension client, the language server and the `sla` CLI into dist/ as
// CommonJS (VS Code loads extensions with require; Chevrotain ships only ESM, so it is
// bundled in). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

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
// The `sla` command: a loader that runs dist/cli-main.js from V8 code cached by an earlier run
// (scripts/cli-loader.cjs says how and where).
copyFileSync('scripts/cli-loader.cjs', 'dist/cli.js');
chmodSync('dist/cli.js', 0o755);
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
