// Issue 13 items 9 and 10: a diagnostic flood is capped by SLA004 (LANGUAGE.md 1.1), and
// blocks nested deeper than MAX_NESTING are one SLA001, their contents not read. Time is
// measured by bench/hostile.ts, not asserted here.
import assert from 'node:assert/strict';
import { analyze, MAX_DIAGNOSTICS } from '../../server/src/language/analyze';
import { sortDiagnostics } from '../../server/src/language/checker/index';
import { codeInfo } from '../../server/src/language/codes';
import { MAX_NESTING, parse } from '../../server/src/language/parser';

/** `n` objectives with neither target nor indicator nor window (four diagnostics each). */
function emptyObjectives(n: number): string {
  let text = 'sla S {\n  version "1"\n  provider "P"\n  customer "C"\n  reporting monthly\n  review yearly\n';
  for (let i = 0; i < n; i++) text += `  objective o${i} { }\n`;
  return text + '}\n';
}

describe('SLA004: at most 1,000 diagnostics per file', () => {
  it('keeps exactly 1,000 in order of position, then code, and adds SLA004 once at the 1,001st', () => {
    const all = analyze(emptyObjectives(300)); // 1,200 diagnostics before the cap
    const { diagnostics } = all;
    assert.equal(MAX_DIAGNOSTICS, 1000);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics.filter((d) => d.code === 'SLA004').length, 1);
    const last = diagnostics[1000];
    assert.equal(last.code, 'SLA004');
    assert.equal(last.severity, 'information');
    assert.match(last.message, /more than 1,000 diagnostics in this file: 200 more from here on are not shown/);
    // 250 objectives' worth of diagnostics come first; SLA004 sits where the 251st objective's are.
    assert.equal(last.range.start.line, 6 + 250);
    const kept = diagnostics.slice(0, 1000);
    assert.deepEqual(kept, sortDiagnostics([...kept]));
    assert.equal(codeInfo('SLA004').severity, 'information');
  });

  it('leaves a file with 1,000 diagnostics or fewer as it is', () => {
    const { diagnostics } = analyze(emptyObjectives(250));
    assert.equal(diagnostics.length, 1000);
    assert.ok(!diagnostics.some((d) => d.code === 'SLA004'));
  });
});

describe('nesting depth limit', () => {
  const services = (depth: number) => 'sla S {\n' + 'service x {\n'.repeat(depth) + '}\n'.repeat(depth + 1);

  it('reads blocks nested up to MAX_NESTING levels without complaint', () => {
    assert.equal(MAX_NESTING, 64);
    const { diagnostics } = parse(services(MAX_NESTING - 1));
    assert.ok(!diagnostics.some((d) => /nested deeper/.test(d.message)));
  });

  it('reports one SLA001 at the first `{` too deep and skips what it holds', () => {
    const text = services(40_000);
    const { diagnostics } = parse(text);
    const deep = diagnostics.filter((d) => /nested deeper/.test(d.message));
    assert.equal(deep.length, 1);
    assert.equal(deep[0].code, 'SLA001');
    assert.equal(deep[0].message, 'blocks nested deeper than 64 levels: the contents of this block are not read');
    // Line 0 is `sla S {`, line k the k-th service: the 64th service's `{` is level 65.
    assert.deepEqual(deep[0].range, { start: { line: 64, character: 10 }, end: { line: 64, character: 11 } });
  });

  it('keeps the blocks after a too-deep one: a later sla is still read', () => {
    const text = 'sla Deep {\n' + '{'.repeat(10_000) + '}'.repeat(10_000) + '\n}\nsla Next {\n  version "1"\n}\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.parse.file.slas.map((s) => s.name?.text),
      ['Deep', 'Next'],
    );
    assert.equal(analysis.diagnostics.filter((d) => /nested deeper/.test(d.message)).length, 1);
  });

  it('cuts 10,000 nested sla blocks down to a bounded parse (a handful of diagnostics, not 40,000)', () => {
    const { diagnostics } = analyze('sla s {\n'.repeat(10_000) + '}\n'.repeat(10_000));
    assert.ok(diagnostics.length <= 200, `${diagnostics.length} diagnostics`);
    assert.equal(diagnostics.filter((d) => /nested deeper/.test(d.message)).length, 1);
  });
});
