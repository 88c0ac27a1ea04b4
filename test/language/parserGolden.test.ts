// The parser gives exactly the AST and diagnostics recorded in the golden corpus
// (parserGolden.ts): samples, generated contracts, the fuzz corpus and thousands of seeded
// token-level mutations, in English and Chinese, recorded from the CST parser it replaced.
import { strict as assert } from 'node:assert';
import { goldenCases, hashOf, parsedJson, readHashes } from './parserGolden';

describe('parser: the golden corpus (AST and diagnostics as recorded)', function () {
  this.timeout(120_000);

  it('matches the recorded hash of every case', () => {
    const hashes = readHashes();
    const cases = goldenCases();
    assert.equal(cases.length, Object.keys(hashes).length, 'the corpus has as many cases as hashes were recorded');
    let broken = 0;
    for (const golden of cases) {
      const json = parsedJson(golden);
      const expected = hashes[golden.name];
      assert.ok(expected !== undefined, `no recorded hash for case ${golden.name}`);
      if (hashOf(json) !== expected) {
        assert.fail(
          `case ${golden.name} differs from the recorded parse.\n--- text ---\n${golden.text.slice(0, 4000)}\n` +
            `--- diagnostics now ---\n${json.diagnostics}\n--- AST now ---\n${json.ast.slice(0, 8000)}`,
        );
      }
      if (json.diagnostics.includes('"SLA001"')) broken++;
    }
    // The corpus exercises error recovery, not only valid contracts.
    assert.ok(broken > cases.length / 2, `${broken} of ${cases.length} cases have syntax errors`);
  });
});
