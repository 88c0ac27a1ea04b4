// The corpus of malformed metric files (test/fixtures/metrics-malformed, issue 13): each one
// makes `sla evaluate` exit 2 with exactly the error its entry in expected.json gives
// (file:line and reason), nothing on stdout. Entries marked `pending` are known to fall short
// today and say why; they are reported as pending, not passed.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runEvaluate } from '../../cli/src/evaluate';
import { ROOT, runCli } from '../helpers/cli';

const CORPUS = path.join(ROOT, 'test/fixtures/metrics-malformed');
const expected = JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { error: string; pending?: string }>;
delete expected._;

async function evaluate(file: string) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const status = await runEvaluate('contract.sla', { metrics: [file], format: 'text' }, io, { progress: false, cwd: CORPUS, env: {} });
  return { status, stdout, stderr };
}

describe('malformed metric files: exit 2 with file:line and the reason', () => {
  it('every file of the corpus has an expected error, and the corpus covers CSV and Prometheus JSON', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(csv|json)$/.test(f) && f !== 'expected.json');
    assert.deepEqual(files.sort(), Object.keys(expected).sort());
    assert.ok(files.filter((f) => f.endsWith('.csv')).length >= 20 && files.filter((f) => f.endsWith('.json')).length >= 20);
  });

  for (const [file, { error, pending }] of Object.entries(expected)) {
    it(file, async function () {
      if (pending) this.skip(); // see `pending` in expected.json
      const run = await evaluate(file);
      assert.equal(run.stderr, `sla evaluate: ${error}\n`);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
    });
  }

  it('the bundled CLI gives the same answer (deep nesting, a huge line)', () => {
    for (const file of ['prom-deep-nesting.json', 'csv-huge-line.csv']) {
      const run = runCli(['evaluate', 'contract.sla', '-m', file], { cwd: CORPUS });
      assert.equal(run.stderr, `sla evaluate: ${expected[file].error}\n`);
      assert.equal(run.status, 2);
    }
  });
});
