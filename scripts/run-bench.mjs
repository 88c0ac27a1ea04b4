// Bundles a benchmark with esbuild the way the shipped bundles are built (no tsx, no
// keep-names wrappers, which slow hot code measurably) and runs it with this Node.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
const outfile = path.join('.bench', 'bundles', path.basename(entry).replace(/\.ts$/, '.mjs'));
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a `require`.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
