// Bundles the extension-host suite (test/vscode/suite/*.itest.ts, with mocha) into one
// CommonJS file, out/vscode-suite/index.js, whose `run()` VS Code calls. Each test file is
// required lazily, after mocha has defined describe/it.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';

export const SUITE_OUT_DIR = 'out/vscode-suite';

/** Builds the suite; returns the absolute path of its index.js. */
export async function buildSuite(repoRoot: string): Promise<string> {
  const files = (await glob('test/vscode/suite/**/*.itest.ts', { cwd: repoRoot })).sort();
  if (files.length === 0) throw new Error('no test files match test/vscode/suite/**/*.itest.ts');
  const entries = files
    .map((file) => `  { name: ${JSON.stringify(file)}, load: () => require(${JSON.stringify(`./${file}`)}) },`)
    .join('\n');
  const outDir = join(repoRoot, SUITE_OUT_DIR);
  const outfile = join(outDir, 'index.js');
  mkdirSync(outDir, { recursive: true });
  // The repository is ESM; this folder's bundle is CommonJS.
  writeFileSync(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  await esbuild.build({
    stdin: {
      contents: `import { createRun } from './test/vscode/runner';\nexport const run = createRun([\n${entries}\n]);\n`,
      resolveDir: repoRoot,
      sourcefile: 'vscode-suite-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.cwd();
  const outfile = await buildSuite(root);
  process.stdout.write(`built ${relative(root, outfile)}\n`);
}
