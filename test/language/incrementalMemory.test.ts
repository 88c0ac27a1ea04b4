// Memory held by a document's analysis across edits (issue 15, lspmem). Incremental parsing
// re-lexes only the region an edit touched; the AST's names and strings are slices of the text
// they were lexed from, and in V8 a slice keeps its whole parent alive. Lexed from a slice of
// the document, every item edited kept that version of the whole text: the language server
// grew by the size of the contract (4 MB at 200,000 lines) for each item a user touched.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, analyzeEdit, type Analysis } from '../../server/src/language/analyze';
import { generateContract } from '../../bench/contractGenerator';

/** V8's full collection, exposed at run time (the tests run without --expose-gc). */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('incremental analysis: memory held across edits', function () {
  this.timeout(60_000);

  it('edits in many different items do not keep the versions of the text alive', () => {
    const gc = collectGarbage();
    let analysis: Analysis | undefined = analyze(generateContract(40_000));
    const textBytes = analysis.text.length; // one byte per character: the contract is ASCII
    const edits = 24;
    // Warm-up: the first edits list the moved items' spans once (kept by design); measure after.
    const typeInto = (k: number) => {
      const anchor = `description "Generated service number ${k}`;
      const at = analysis!.text.indexOf(anchor) + anchor.length;
      assert.ok(at >= anchor.length, `anchor ${k} not found`);
      const text = analysis!.text.slice(0, at) + 'x' + analysis!.text.slice(at);
      const edit = { start: at, oldEnd: at, newEnd: at + 1 };
      const lastItem = analysis!.parse.file.slas[0].items.at(-1);
      analysis = analyzeEdit(analysis!, text, edit);
      // Taken incrementally: the items after the edit kept their objects.
      assert.equal(analysis.parse.file.slas[0].items.at(-1), lastItem, `edit ${k} was not taken incrementally`);
    };
    for (let k = 1; k <= 4; k++) typeInto(k * 10);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < edits; k++) typeInto(100 + k * 25);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(
      grown < 3 * textBytes,
      `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB over ${edits} edits of a ${(textBytes / 2 ** 20).toFixed(1)} MiB contract (a copy of the text per edited item?)`,
    );
    assert.ok(analysis.text.includes('Generated service number 100x'));
  });
});
