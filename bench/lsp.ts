// Language-server latency on a generated 5 000-line contract, over stdio against the bundled
// dist/server.js (npm run bench:lsp builds it first):
// - didChange → publishDiagnostics (on-type debounce set to 0 for the run);
// - completion on an unchanged document, and the first completion right after an edit;
// - the same analysis (parse + check) run in-process, as the baseline of this run.
// Goals (issue 4): ≤ 30 ms to diagnostics, ≤ 20 ms to completions. Printed, not asserted.
// Then (issue 15) the same against yaml-language-server on equal content: bench/lspPeer.ts.
import { analyze } from '../server/src/language/analyze';
import { completion } from '../server/src/services/features/completion';
import { ensureServerBuilt, positionOf, TestClient } from '../test/lsp/client';
import { generateContract } from './contractGenerator';
import { compareWithYamlLanguageServer } from './lspPeer';
import { fmt, median, timeRuns } from './stats';

const LINES = 5000;
const RUNS = 40;
const WARMUP = 30; // steady state: the JIT settles after a few dozen analyses, as in a real editing session

const text = generateContract(LINES);
const lineCount = text.split('\n').length - 1;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

async function main(): Promise<void> {
  await ensureServerBuilt();
  // Baseline: the analysis alone, in this process.
  const baseline = median(timeRuns(() => analyze(text), RUNS, WARMUP));
  const middle = positionOf(text, `indicator avail_${Math.floor(LINES / 70)}\n`, 10);
  const analysis = analyze(text);
  const inProcessCompletion = median(timeRuns(() => completion(analysis, middle), RUNS, WARMUP));

  const client = await TestClient.start({ initializationOptions: { validateDelayMs: 0 }, settings: { validate: { onType: true } } });
  try {
    const { uri, diagnostics } = await client.open(text);
    if (diagnostics.some((d) => d.severity === 1)) throw new Error(`the generated contract has errors: ${diagnostics[0].message}`);

    // Edit one character of a description string back and forth: the document stays valid.
    const at = positionOf(text, 'Generated service number 1"', 'Generated service number '.length);
    const range = { start: at, end: { line: at.line, character: at.character + 1 } };
    const digits = ['7', '1'];
    const change = async (i: number): Promise<number> => {
      const start = now();
      const version = await client.change(uri, [{ range, text: digits[i % 2] }]);
      await client.diagnosticsFor(uri, version);
      return now() - start;
    };
    for (let i = 0; i < WARMUP; i++) await change(i);
    const toDiagnostics: number[] = [];
    for (let i = 0; i < RUNS; i++) toDiagnostics.push(await change(i));

    const completionTimes: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const start = now();
      const items = await client.completion(uri, middle);
      if (i >= WARMUP) completionTimes.push(now() - start);
      if (!items.some((item) => item.label.startsWith('avail_'))) throw new Error('completion did not offer the indicators');
    }

    // The first completion after an edit: the analysis of the new version is part of it.
    const afterEdit: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const version = await client.change(uri, [{ range, text: digits[i % 2] }]);
      const start = now();
      await client.completion(uri, middle);
      if (i >= WARMUP) afterEdit.push(now() - start);
      await client.diagnosticsFor(uri, version);
    }

    const diag = median(toDiagnostics);
    const comp = median(completionTimes);
    const compEdit = median(afterEdit);
    console.log(`bench:lsp — ${lineCount}-line contract, ${RUNS} runs each (median), server over stdio`);
    console.log(`  baseline: analyze (parse + check) in-process   ${fmt(baseline)}`);
    console.log(`  baseline: completion function in-process       ${fmt(inProcessCompletion)}`);
    console.log(`  didChange → publishDiagnostics                 ${fmt(diag)}  (${(diag / baseline).toFixed(2)}× baseline; goal ≤ 30 ms: ${diag <= 30 ? 'met' : 'MISSED'})`);
    console.log(`  completion, unchanged document                 ${fmt(comp)}  (goal ≤ 20 ms: ${comp <= 20 ? 'met' : 'MISSED'})`);
    console.log(`  completion, first request after an edit        ${fmt(compEdit)}  (${(compEdit / baseline).toFixed(2)}× baseline)`);
  } finally {
    await client.stop();
  }
  await compareWithYamlLanguageServer(process.cwd());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
