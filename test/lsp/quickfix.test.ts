// Protocol tests: every quick fix applied through the server and the result re-checked.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { positionOf, startForSuite, TestClient } from './client';

const BASE = `sla Shop {
  version "1"
  provider "P"
  customer "C"
  fee 1000 EUR per month
  indicator probe { kind availability metric "up" }
  indicator latency { kind latency metric "lat_ms" }
  credits {
    cap 60%
    claim within 30d
  }
  reporting monthly
  review yearly
OBJECTIVES
}
`;

const contract = (objectives: string) => BASE.replace('OBJECTIVES', objectives);
const UPTIME = `  objective uptime {
    indicator probe
    target >= 99.9%
    window calendar month
  }
`;
const UPTIME_LADDER = `  compensation for uptime {
    below 99.9% credit 10%
  }
`;

describe('protocol: quick fixes', function () {
  this.timeout(30000);
  let client: TestClient;

  startForSuite((started) => (client = started), { settings: { validate: { onType: true } }, initializationOptions: { validateDelayMs: 0 } });

  /** Opens `text`, applies the fix titled like `title` for the diagnostic `code`, returns the new text and diagnostics. */
  async function applyFix(text: string, code: string, title: RegExp): Promise<{ text: string; before: Diagnostic[]; after: Diagnostic[]; action: CodeAction }> {
    const { uri, diagnostics } = await client.open(text);
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `${code} expected in ${JSON.stringify(diagnostics.map((d) => `${d.code} ${d.message}`))}`);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `a fix like ${title} in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    const version = await client.applyEdits(uri, action.edit!.changes![uri]);
    const after = await client.diagnosticsFor(uri, version);
    return { text: client.text(uri), before: diagnostics, after, action };
  }

  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

  it('SLA101: replaces an unknown name with the suggestion', async () => {
    const result = await applyFix(contract(UPTIME.replace('indicator probe', 'indicator prob') + UPTIME_LADDER), 'SLA101', /Change to `probe`/);
    assert.equal(result.action.isPreferred, true);
    assert.match(result.text, /indicator probe\n/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA301: turns a tier the right way round', async () => {
    const result = await applyFix(contract(UPTIME + UPTIME_LADDER.replace('below 99.9%', 'above 99.9%')), 'SLA301', /Change to `below`/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA200: adds a target that fits the kind', async () => {
    const objective = `  objective speed {\n    indicator latency\n    window calendar month\n  }\n  compensation for speed {\n    above 500ms credit 5%\n  }\n`;
    const result = await applyFix(contract(objective), 'SLA200', /Add `target p95 <= 500ms`/);
    assert.match(result.text, / {4}window calendar month\n {4}target p95 <= 500ms\n {2}}/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA201: adds an indicator line', async () => {
    const result = await applyFix(contract(UPTIME.replace('    indicator probe\n', '') + UPTIME_LADDER), 'SLA201', /Add `indicator probe`/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA204: adds a window line, also in a one-line block', async () => {
    const result = await applyFix(contract(UPTIME.replace('    window calendar month\n', '') + UPTIME_LADDER), 'SLA204', /Add `window calendar month`/);
    assert.deepEqual(codes(result.after), []);
    const inline = await applyFix(
      contract('  objective uptime { indicator probe target >= 99.9% }\n' + UPTIME_LADDER),
      'SLA204',
      /Add `window calendar month`/,
    );
    assert.match(inline.text, /objective uptime \{ indicator probe target >= 99\.9% window calendar month \}/);
    assert.deepEqual(codes(inline.after), []);
  });

  it('SLA300: adds a three-tier compensation ladder', async () => {
    const result = await applyFix(contract(UPTIME), 'SLA300', /Add a compensation ladder for `uptime`/);
    assert.match(result.text, /compensation for uptime \{\n {4}below 99\.9% credit 10%\n {4}below 99\.0% credit 25%\n {4}below 95\.0% credit 50%\n {2}\}/);
    assert.deepEqual(codes(result.after), []);
    const latency = await applyFix(
      contract('  objective speed {\n    indicator latency\n    target p95 <= 500ms\n    window calendar month\n  }\n'),
      'SLA300',
      /compensation ladder/,
    );
    assert.match(latency.text, /above 500ms credit 10%\n {4}above 1000ms credit 25%\n {4}above 2500ms credit 50%/);
    assert.deepEqual(codes(latency.after), []);
  });

  it('SLA202: writes the target in the unit of the kind', async () => {
    const objective = `  objective speed {\n    indicator latency\n    target p95 <= 500%\n    window calendar month\n  }\n  compensation for speed {\n    above 500ms credit 5%\n  }\n`;
    const result = await applyFix(contract(objective), 'SLA202', /Use the unit of a latency: `500ms`/);
    assert.match(result.text, /target p95 <= 500ms/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA302: writes a tier threshold in the unit of the target', async () => {
    const objective = `  objective speed {\n    indicator latency\n    target p95 <= 80ms\n    window calendar month\n  }\n  compensation for speed {\n    above 80% credit 5%\n  }\n`;
    const result = await applyFix(contract(objective), 'SLA302', /Use the target's unit: `80ms`/);
    assert.match(result.text, /above 80ms credit 5%/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA312: adds the tier at the target, at half the mildest credit', async () => {
    const ladder = `  compensation for uptime {\n    below 99% credit 20%\n    below 95% credit 40%\n  }\n`;
    const result = await applyFix(contract(UPTIME + ladder), 'SLA312', /^Add the tier `below 99.9% credit 10%`$/);
    assert.match(result.text, /compensation for uptime \{\n {4}below 99\.9% credit 10%\n {4}below 99% credit 20%\n/);
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA312: a `>` target at the equal threshold becomes `>=`; below it, `>=` and a tier', async () => {
    const strict = UPTIME.replace('>= 99.9%', '> 99.9%');
    const equal = await applyFix(contract(strict + UPTIME_LADDER), 'SLA312', /^Change the target to `>= 99.9%`$/);
    assert.match(equal.text, /target >= 99\.9%/);
    assert.deepEqual(codes(equal.after), []);
    const ladder = `  compensation for uptime {\n    below 99.5% credit 10%\n  }\n`;
    const both = await applyFix(contract(strict + ladder), 'SLA312', /^Change the target to `>= 99.9%` and add the tier `below 99.9% credit 5%`$/);
    assert.match(both.text, /target >= 99\.9%[\s\S]*below 99\.9% credit 5%\n {4}below 99\.5% credit 10%/);
    assert.deepEqual(codes(both.after), []);
  });

  it('SLA505: sets `reviewed` to today, the local date in the contract zone (UTC here)', async () => {
    const result = await applyFix(contract(`  reviewed 2020-01-31\n` + UPTIME + UPTIME_LADDER), 'SLA505', /^Set `reviewed` to today \(\d{4}-\d{2}-\d{2}\)$/);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(result.text, new RegExp(`reviewed ${today}\n`));
    assert.deepEqual(codes(result.after), []);
  });

  it('SLA304: sorts a tier ladder so that credits rise with severity', async () => {
    const ladder = `  compensation for uptime {\n    below 99.0% credit 10%\n    below 99.9% credit 25%\n    below 95.0% credit 50%\n  }\n`;
    const result = await applyFix(contract(UPTIME + ladder), 'SLA304', /Sort the tier ladder/);
    assert.match(result.text, /below 99\.9% credit 10%\n {4}below 99\.0% credit 25%\n {4}below 95\.0% credit 50%/);
    assert.deepEqual(codes(result.after), []);
  });

  it('adds a missing `%` to a credit', async () => {
    const text = contract(UPTIME + UPTIME_LADDER.replace('credit 10%', 'credit 10'));
    const { uri } = await client.open(text);
    const at = positionOf(text, 'credit 10', 8);
    const actions = await client.codeActions(uri, { start: at, end: at }, []);
    const action = actions.find((a) => /Add the unit: credit `10%`/.test(a.title));
    assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
    const version = await client.applyEdits(uri, action.edit!.changes![uri]);
    assert.match(client.text(uri), /below 99\.9% credit 10%/);
    assert.deepEqual(await client.diagnosticsFor(uri, version), []);
  });
  it('SLA003: replaces one full-width character, or all of them in one edit', async () => {
    const typed = contract(UPTIME.replace('>= 99.9%', '>＝ ９９．９％') + UPTIME_LADDER.replace('credit 10%', 'credit 10％'));
    const one = await applyFix(typed, 'SLA003', /Replace `＝` with `=`/);
    assert.equal(one.action.isPreferred, true);
    assert.match(one.text, /target >= ９９．９％/);
    assert.equal(codes(one.after).filter((c) => c === 'SLA003').length, 6, 'the other six stay');
    const all = await applyFix(typed, 'SLA003', /Replace all full-width punctuation in this file/);
    assert.equal(all.text, contract(UPTIME + UPTIME_LADDER));
    assert.deepEqual(codes(all.after), []);
  });
});
