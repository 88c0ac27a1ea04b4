// `sla check` of a contract large enough for the CLI's heap setting (cli/src/checkHeap.ts)
// reports exactly what the analysis reports, and a smaller file after it too.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import { toJson } from '../../cli/src/diagnosticFormats';
import { LARGE_TEXT } from '../../server/src/runtime/heapGrowth';
import { equalContent } from '../../bench/equalContent';
import { runCli, tempTree } from '../helpers/cli';

/** The generated contract with a few mistakes: unknown names, a tier above the target, a second `window`. */
function largeContract(): string {
  let text = equalContent(4000).sla;
  text = text.replace('    indicator probe_17\n', '    indicator probe_x17\n');
  text = text.replace('  compensation for uptime_2500 {\n    below 99.9% credit 10%', '  compensation for uptime_2500 {\n    below 99.95% credit 10%');
  text = text.replace('    window calendar month\n    during office\n  }\n  compensation for uptime_3999', '    window calendar month\n    window calendar week\n    during office\n  }\n  compensation for uptime_3999');
  return text;
}

describe('sla check: a large contract', () => {
  it('prints the analysis\'s diagnostics exactly, then those of a small file after it', () => {
    const large = largeContract();
    assert.ok(large.length >= LARGE_TEXT, `the contract must be large enough: ${large.length}`);
    const small = 'sla Small {\n  objective o { indicator nowhere }\n}\n';
    const dir = tempTree({ 'a-large.sla': large, 'b-small.sla': small });

    const run = runCli(['check', '--format', 'json', '--today', '2026-06-01', 'a-large.sla', 'b-small.sla'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);

    const today = { year: 2026, month: 6, day: 1 };
    const expected = toJson([
      { file: 'a-large.sla', diagnostics: analyze(large, { today }).diagnostics },
      { file: 'b-small.sla', diagnostics: analyze(small, { today }).diagnostics },
    ]);
    const codes = new Set(expected.filter((d) => d.file === 'a-large.sla').map((d) => d.code));
    for (const code of ['SLA101', 'SLA103', 'SLA303']) assert.ok(codes.has(code), `the large contract should report ${code}: ${[...codes].join(', ')}`);
    assert.deepEqual(JSON.parse(run.stdout), expected);
  });
});
