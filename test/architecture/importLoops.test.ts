// The import-loop check that `npm test` runs first (`npm run check:loops`: madge with
// .madgerc) must fail on a loop made only by a type import.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers/cli';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('import loops', () => {
  it('are found when one side of the loop imports only a type', () => {
    const { status, output } = run(path.join(ROOT, 'node_modules', '.bin', 'madge'), ['--circular', '--no-spinner', 'test/fixtures/import-loop']);
    assert.equal(status, 1, output);
    assert.match(output, /a\.ts > b\.ts/);
  });
});
