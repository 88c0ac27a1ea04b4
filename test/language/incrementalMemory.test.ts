// Memory held by a document's analysis across edits (issue 15, lspmem). Incremental parsing
// re-lexes only the region an edit touched; the AST's names and strings are slices of the text
// they were lexed from, and in V8 a slice keeps its whole parent alive. Lexed from a slice of
// the document, every item edited kept that version of the whole text: the language server
// grew by the size of the contract (4 MB at 200,000 lines) for each item a user touched.
import { strict as assert } from 'node:assert';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, analyzeEdit, type Analysis } from '../../server/src/language/analyze';
import { generateContract } from '../../bench/contractGenerator';

/** V8's full collection, exposed at run time (the tests run without --expose-gc). */
function collectGarbage(): (options?: { type: 'minor' | 'major' }) => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
}

/** Bytes in V8's old large-object space, where a text of 128 KiB or more lands once it outlives a young collection. */
function largeObjectBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'large_object_space')?.space_used_size ?? NaN;
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

  // lspmem2: the parse of each version was mapped to its line index (and so to its text) in a
  // WeakMap; V8's young collections keep a WeakMap's values alive, so every version's text
  // outlived the next young collection and was moved to old space, from which only a full
  // collection frees it. The language server's memory rose by the text's size per keystroke.
  it('a young collection keeps only the current text, not every version since the last one', () => {
    const gc = collectGarbage();
    let analysis: Analysis | undefined = analyze(generateContract(40_000));
    const textBytes = analysis.text.length; // one byte per character: the contract is ASCII
    const anchor = 'description "Generated service number 500';
    let at = analysis.text.indexOf(anchor) + anchor.length;
    assert.ok(at >= anchor.length);
    const type = () => {
      const text = analysis!.text.slice(0, at) + 'x' + analysis!.text.slice(at);
      analysis = analyzeEdit(analysis!, text, { start: at, oldEnd: at, newEnd: at + 1 });
      at++;
    };
    type(); // the first edit lists the moved items' spans once (kept by design)
    gc();
    const rounds = 4;
    const perRound = 4;
    const before = largeObjectBytes();
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < perRound; k++) type();
      gc({ type: 'minor' });
    }
    const promoted = largeObjectBytes() - before;
    // The current text outlives each young collection (one text per round, more if V8 ran
    // young collections of its own); with every version kept, all 16 texts were promoted.
    assert.ok(
      promoted < (rounds * perRound * textBytes) / 2,
      `${(promoted / textBytes).toFixed(1)} texts of ${(textBytes / 2 ** 20).toFixed(1)} MiB moved to old space over ${rounds} young collections of ${perRound} edits each`,
    );
    assert.ok(analysis.text.includes(`Generated service number 500${'x'.repeat(rounds * perRound + 1)}`));
  });
});
