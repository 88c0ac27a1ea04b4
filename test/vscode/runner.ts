// Runs mocha inside VS Code's extension host. VS Code calls the `run()` of the module named
// by extensionTestsPath (out/vscode-suite/index.js, bundled by scripts/vscode/build-suite.ts)
// and reports its outcome: resolved = exit code 0, rejected = 1.
import Mocha from 'mocha';
import { format } from 'node:util';
import { REPORT_MARK } from './report-mark';

function report(...args: unknown[]): void {
  for (const line of format(...args).split('\n')) console.log(`${REPORT_MARK}${line}`);
}

export interface SuiteFile {
  name: string;
  /** Evaluates the test file; it must run after mocha has set up describe/it. */
  load: () => unknown;
}

export function createRun(files: SuiteFile[]): () => Promise<void> {
  return function run(): Promise<void> {
    Mocha.reporters.Base.consoleLog = report;
    const mocha = new Mocha({
      ui: 'bdd',
      reporter: 'spec',
      color: false,
      timeout: Number(process.env.SLA_TEST_TIMEOUT_MS ?? 30_000),
      grep: process.env.SLA_TEST_GREP || undefined,
    });
    // What `mocha.loadFiles` does, for files that are already bundled.
    for (const file of files) {
      mocha.suite.emit('pre-require', globalThis, file.name, mocha);
      mocha.suite.emit('require', file.load(), file.name, mocha);
      mocha.suite.emit('post-require', globalThis, file.name, mocha);
    }
    return new Promise((resolve, reject) => {
      try {
        const runner = mocha.run((failures) => {
          const stats = runner.stats;
          // A closing line in the plain 'N passed, N failed' form that CI logs are read for.
          report(`vscode: ${stats?.passes ?? 0} passed, ${failures} failed, ${stats?.pending ?? 0} skipped`);
          if (failures > 0) reject(new Error(`${failures} test(s) failed`));
          else resolve();
        });
      } catch (error) {
        reject(error);
      }
    });
  };
}
