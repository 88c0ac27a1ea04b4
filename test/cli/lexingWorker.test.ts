// `sla check` of a large file lexes its chunks in a worker thread (cli/src/lexing.ts): the
// parse with the worker's parts is exactly the parse of the text on one thread, also when
// the worker's text is not the one parsed (its parts are then refused) and for a broken
// contract (parsed whole). In-process, from the sources (the worker runs lexWorker.ts), and
// the built command with and without the worker (SLA_WORKERS).
import { strict as assert } from 'node:assert';
import { LexingWorker } from '../../cli/src/lexing';
import { parseForDiagnostics, wasParsedInChunks } from '../../server/src/language/parser';
import type { Chunking } from '../../server/src/language/parse/chunks';
import { canonical } from '../language/parserGolden';
import { generateContract } from '../../bench/contractGenerator';
import { analyze } from '../../server/src/language/analyze';
import { toJson } from '../../cli/src/diagnosticFormats';
import { DEFAULT_CHUNKING } from '../../server/src/language/parse/chunks';
import { runCli, tempTree } from '../helpers/cli';

const CHUNKS: Chunking = { threshold: 0, size: () => 3000 };
const WHOLE: Chunking = { threshold: Infinity, size: () => 1 };

/** The file's bytes as `sla check` reads a large one: into shared memory. */
function sharedBytes(text: string): Uint8Array {
  const encoded = Buffer.from(text, 'utf8');
  const bytes = LexingWorker.memoryFor(encoded.length, CHUNKS, 2)!;
  bytes.set(encoded);
  return bytes;
}

const json = (tree: ReturnType<typeof parseForDiagnostics>) => JSON.stringify(canonical({ file: tree.file, diagnostics: tree.diagnostics }));

/** Parses `parsed` with a worker lexing `fileText` (as read from the file); returns the worker's part count and whether the chunks were taken. */
function parseWithWorker(fileText: string, parsed = fileText.replace(/^\uFEFF/, '')): { parts: number; chunked: boolean } {
  const worker = LexingWorker.start(sharedBytes(fileText), CHUNKS);
  assert.ok(worker, 'a worker starts');
  try {
    assert.ok(worker.started(60_000), 'the worker sends its first part');
    const tree = parseForDiagnostics(parsed, undefined, worker.chunking(CHUNKS));
    assert.equal(json(tree), json(parseForDiagnostics(parsed, undefined, WHOLE)), 'the same AST and diagnostics as the whole-text parse');
    return { parts: worker.partsTaken, chunked: wasParsedInChunks(tree) };
  } finally {
    worker.stop();
  }
}

const contract = '\uFEFF// 合同\n' + generateContract(1500).replace('99.9%', '99.9％');

describe('sla check: chunks lexed in a worker thread', function () {
  this.timeout(120_000);

  it('gives the one-thread parse, with the worker lexing chunks', () => {
    const { parts, chunked } = parseWithWorker(contract);
    assert.equal(chunked, true);
    assert.ok(parts >= 1, `the worker lexed ${parts} chunks`);
  });

  it('refuses the parts of another text and lexes them here', () => {
    const { parts, chunked } = parseWithWorker(contract, `// one more line\n${contract.slice(1)}`);
    assert.equal(chunked, true);
    assert.equal(parts, 0);
  });

  it('parses a broken contract whole', () => {
    const { chunked } = parseWithWorker(contract.replace('window calendar month', 'window calendar'));
    assert.equal(chunked, false);
  });

  it('`sla check` prints what the analysis reports, with the worker and without', () => {
    const large = '\uFEFF' + generateContract(13_000).replace('99.9%', '99.9％').replace('    indicator probe_17\n', '    indicator probe_x17\n');
    assert.ok(large.length >= DEFAULT_CHUNKING.threshold, 'large enough to be parsed in chunks');
    const broken = large.replace('window calendar month', 'window calendar');
    const dir = tempTree({ 'a.sla': large, 'b.sla': broken });
    const today = { year: 2026, month: 6, day: 1 };
    const expected = toJson([
      { file: 'a.sla', diagnostics: analyze(large.slice(1), { today }).diagnostics },
      { file: 'b.sla', diagnostics: analyze(broken.slice(1), { today }).diagnostics },
    ]);
    assert.ok(expected.some((d) => d.code === 'SLA003') && expected.some((d) => d.code === 'SLA001'), 'both paths report something');
    for (const workers of ['2', '1']) {
      const run = runCli(['check', '--format', 'json', '--today', '2026-06-01', 'a.sla', 'b.sla'], { cwd: dir, env: { SLA_WORKERS: workers } });
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), expected, `SLA_WORKERS=${workers}`);
    }
  });
});
