// `npm run bench:lsp`, the incremental part (issue 15): edit → diagnostics in the language
// server over stdio (on-type debounce 0), on the 7,016-line contract of ../shared/bench/gen.py (as bench/equalContent.ts writes it)
// (N = 500) and on a 200,000-line one (N = 14,285), keystroke by keystroke:
// - typing into a string and deleting it again (line count unchanged), a line break
//   inserted and removed between items (every later line moves), a new objective typed
//   between two items as VS Code sends it (syntax errors at most keystrokes) and undone, and
//   one keystroke in each of many objectives spread over the contract;
// - median and p95 to publishDiagnostics, and the server's resident memory (max sampled
//   during the keystrokes, and its peak since start);
// - the floor of the same run: one full analysis (parse + check) in this process, the text's
//   new version alone (what any server holding the document as a string pays per keystroke),
//   and the incremental analysis of the same keystrokes in this process (the compute alone).
// - at 200k, keystrokes "as VS Code asks": diagnostics, then semantic tokens, folding ranges
//   and document symbols after each, each timed, and the server's memory; typing, and line
//   breaks (what a request keeps of the items after the edit moves with them).
// Goals: 7k ≤ 10 ms edit → diagnostics; 200k ≤ 100 ms per keystroke, server ≤ 400 MB.
import { readFileSync } from 'node:fs';
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import * as os from 'node:os';
import { analyze, analyzeEdit } from '../server/src/language/analyze';
import { LineIndex } from '../server/src/language/text';
import { ensureServerBuilt, TestClient } from '../test/lsp/client';
import { fmt, median } from './stats';
import { equalContent } from './equalContent';

/** The `.sla` gen.py writes for `objectives` objectives (14 lines each), from bench/equalContent.ts (checked equal to gen.py's output). */
function generated(objectives: number): string {
  return equalContent(objectives).sla;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** CPU time a process has used so far, all its threads (V8's collector helpers too), in ms (Linux /proc). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

interface Keystroke {
  at: number;
  insert: string;
  remove: number;
}

/** `count` keystrokes typing `x` into the middle metric string, then as many backspaces. */
function typing(text: string, objectives: number, count: number): Keystroke[] {
  const at = text.indexOf(`metric "probe_success_${Math.floor(objectives / 2)}"`) + 'metric "probe_'.length;
  const strokes: Keystroke[] = [];
  for (let i = 0; i < count; i++) strokes.push({ at: at + i, insert: 'x', remove: 0 });
  for (let i = count; i > 0; i--) strokes.push({ at: at + i - 1, insert: '', remove: 1 });
  return strokes;
}

/** `count` line breaks inserted after the middle objective's `}` and removed again. */
function lineBreaks(text: string, objectives: number, count: number): Keystroke[] {
  const at = text.indexOf(`  compensation for uptime_${Math.floor(objectives / 2)} {`);
  const strokes: Keystroke[] = [];
  for (let i = 0; i < count; i++) strokes.push(i % 2 === 0 ? { at, insert: '\n', remove: 0 } : { at, insert: '', remove: 1 });
  return strokes;
}

/**
 * A new objective typed on a new line after the middle objective's compensation clause, a
 * character at a time as VS Code sends it (`{` closed at once, the `}` typed over), then
 * removed in one edit (an undo): the text has a syntax error at most keystrokes, in the item
 * being typed.
 */
function newItem(text: string, objectives: number): Keystroke[] {
  const typed = '\n  objective typed_new { indicator probe_7 target >= 99.5% window calendar month }';
  const start = text.indexOf(`\n  indicator probe_${Math.floor(objectives / 2) + 1} {`);
  const strokes: Keystroke[] = [];
  let at = start;
  for (const char of typed) {
    if (char === '}') {
      at++; // over the one VS Code closed at once
      continue;
    }
    strokes.push({ at, insert: char === '{' ? '{}' : char, remove: 0 });
    at++;
  }
  strokes.push({ at: start, insert: '', remove: at - start });
  return strokes;
}

/**
 * One `x` typed into the metric strings of `count` objectives spread over the contract, top
 * down, none undone: what a user editing here and there does. Each edited item once kept a
 * version of the whole text alive (docs/performance.md, "lspmem"); the RSS shows it.
 */
function spread(text: string, objectives: number, count: number): Keystroke[] {
  const strokes: Keystroke[] = [];
  for (let i = 0; i < count; i++) {
    const at = text.indexOf(`metric "probe_success_${Math.floor(((i + 0.5) * objectives) / count)}"`) + 'metric "probe_'.length;
    strokes.push({ at: at + i, insert: 'x', remove: 0 }); // the i earlier keystrokes moved it by i
  }
  return strokes;
}

/** The keystroke as the client sends it: the range it replaces in `text` (before it), and what it inserts. */
function changeOf(text: string, k: Keystroke) {
  const index = new LineIndex(text);
  return { range: { start: index.positionAt(k.at), end: index.positionAt(k.at + k.remove) }, text: k.insert };
}

function apply(text: string, k: Keystroke): string {
  return text.slice(0, k.at) + k.insert + text.slice(k.at + k.remove);
}

async function measure(label: string, objectives: number, strokes: (text: string) => Keystroke[][], fullRuns: number): Promise<void> {
  const text = generated(objectives);
  const lines = text.split('\n').length - 1;
  const errors = analyze(text).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the generated contract has errors: ${errors[0].code} ${errors[0].message}`);

  // Floor: a full analysis in this process; then the same keystrokes analysed incrementally.
  analyze(text);
  const full: number[] = [];
  for (let i = 0; i < fullRuns; i++) {
    const start = now();
    analyze(text);
    full.push(now() - start);
  }
  // Floor of a keystroke: the text's new version alone, built as the server's document builds
  // it (two slices and a concatenation) and read once, which makes V8 copy it into a string
  // of its own (a new block of memory the size of the document, every keystroke).
  const versions: number[] = [];
  let versionText = text;
  for (const k of strokes(text)[0]) {
    const start = now();
    versionText = apply(versionText, k);
    versionText.charCodeAt(k.at);
    versions.push(now() - start);
  }
  const compute: number[][] = [];
  let current = analyze(text);
  for (const sequence of strokes(text)) {
    const times: number[] = [];
    for (const k of sequence) {
      const next = apply(current.text, k);
      const start = now();
      current = analyzeEdit(current, next, { start: k.at, oldEnd: k.at + k.remove, newEnd: k.at + k.insert.length });
      times.push(now() - start);
    }
    compute.push(times);
  }
  current = undefined as never;
  global.gc?.();

  const client = await TestClient.start({ initializationOptions: { validateDelayMs: 0 }, settings: { validate: { onType: true } } });
  try {
    const pid = client.process.pid!;
    const openStart = now();
    const { uri } = await client.open(text);
    const openMs = now() - openStart;
    let serverText = text;
    const roundRss: number[] = [];
    const roundCpu: number[] = [];
    const rounds: number[][] = [];
    for (const sequence of strokes(text)) {
      const times: number[] = [];
      let maxRss = 0;
      const cpuStart = cpuOf(pid);
      for (const k of sequence) {
        const change = changeOf(serverText, k);
        serverText = apply(serverText, k);
        const start = now();
        const version = await client.change(uri, [change]);
        await client.diagnosticsFor(uri, version);
        times.push(now() - start);
        maxRss = Math.max(maxRss, memoryOf(pid).rss);
      }
      rounds.push(times);
      roundRss.push(maxRss);
      roundCpu.push((cpuOf(pid) - cpuStart) / sequence.length);
    }
    const peak = memoryOf(pid).peak;
    const fullMs = median(full);
    console.log(`${label}: ${lines.toLocaleString('en')} lines (gen.py N = ${objectives}); open → diagnostics ${fmt(openMs)}`);
    console.log(`  floor: full analysis in-process                     ${fmt(fullMs)} (median of ${fullRuns})`);
    console.log(`  floor: the text's new version alone (built, read)   ${fmt(median(versions))} (median of the ${versions.length} keystrokes typing)`);
    const names = ['typing into a string and deleting it', 'line break between items, added and removed', 'typing a new objective (syntax errors)', 'one keystroke in each of many objectives'];
    rounds.forEach((times, i) => {
      const m = median(times);
      console.log(
        `  ${names[i].padEnd(46)} ${String(times.length).padStart(3)} keystrokes: edit → diagnostics median ${fmt(m)}, p95 ${fmt(percentile(times, 95))}` +
          ` (${(m / fullMs).toFixed(2)}× full analysis); server CPU ${roundCpu[i].toFixed(1)} ms per keystroke; compute alone median ${fmt(median(compute[i]))}, p95 ${fmt(percentile(compute[i], 95))}`,
      );
    });
    console.log(
      `  server memory: max RSS during the keystrokes ${Math.max(...roundRss).toFixed(0)} MiB (per sequence: ${roundRss.map((r) => r.toFixed(0)).join(', ')}), peak since start ${peak.toFixed(0)} MiB`,
    );
  } finally {
    await client.stop();
  }
}

/** Time of one request, in ms, and its answer. */
async function timed<T>(request: () => Promise<T>): Promise<[number, T]> {
  const start = now();
  const answer = await request();
  return [now() - start, answer];
}

/**
 * Keystrokes "as VS Code asks" (docs/performance.md, "semtok"): after each keystroke the
 * diagnostics, then semantic tokens (by delta when the server announces it, else full),
 * folding ranges and document symbols, one after the other, each timed; the server's
 * resident memory after each request, and its peak.
 */
async function measureAsVsCode(label: string, objectives: number, sequence: 'typing' | 'line breaks', count: number): Promise<void> {
  const text = generated(objectives);
  const client = await TestClient.start({ initializationOptions: { validateDelayMs: 0 }, settings: { validate: { onType: true } } });
  try {
    const pid = client.process.pid!;
    const full = client.initializeResult!.capabilities.semanticTokensProvider?.full;
    // `--full-semantic-tokens`: ask full results even from a server that offers deltas (to time the tokens alone).
    const byDelta = typeof full === 'object' && full.delta === true && !process.argv.includes('--full-semantic-tokens');
    const { uri } = await client.open(text);
    let tokens = await client.semanticTokens(uri);
    const peakAfterOpen = memoryOf(pid).peak;
    const times: Record<'diagnostics' | 'semanticTokens' | 'foldingRange' | 'documentSymbol', number[]> = { diagnostics: [], semanticTokens: [], foldingRange: [], documentSymbol: [] };
    const numbers: number[] = [];
    let maxRss = 0;
    const sample = () => (maxRss = Math.max(maxRss, memoryOf(pid).rss));
    let serverText = text;
    const cpuStart = cpuOf(pid);
    const strokes = sequence === 'typing' ? typing(text, objectives, count) : lineBreaks(text, objectives, count);
    for (const k of strokes) {
      const change = changeOf(serverText, k);
      serverText = apply(serverText, k);
      const [diagnosticsMs] = await timed(async () => client.diagnosticsFor(uri, await client.change(uri, [change])));
      times.diagnostics.push(diagnosticsMs);
      sample();
      const [tokensMs, answer] = await timed(() =>
        byDelta
          ? client.connection.sendRequest<SemanticTokens | SemanticTokensDelta>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: tokens.resultId })
          : client.semanticTokens(uri),
      );
      times.semanticTokens.push(tokensMs);
      numbers.push('edits' in answer ? answer.edits.reduce((sum, e) => sum + (e.data?.length ?? 0), 0) : answer.data.length);
      tokens = { resultId: answer.resultId, data: [] }; // only the resultId is needed for the next delta
      sample();
      times.foldingRange.push((await timed(() => client.foldingRanges(uri)))[0]);
      sample();
      times.documentSymbol.push((await timed(() => client.documentSymbols(uri)))[0]);
      sample();
    }
    const cpu = (cpuOf(pid) - cpuStart) / strokes.length;
    const peak = memoryOf(pid).peak;
    const what = sequence === 'typing' ? 'typing into a string and deleting it' : 'a line break between items, added and removed (every later item moves)';
    console.log(`  as VS Code asks (${label}, ${strokes.length} keystrokes ${what}; semantic tokens ${byDelta ? 'by delta' : 'full'}):`);
    for (const [name, values] of Object.entries(times)) {
      console.log(`    ${name.padEnd(15)} median ${fmt(median(values))}, p95 ${fmt(percentile(values, 95))}`);
    }
    console.log(
      `    semantic tokens numbers sent per request: median ${median(numbers).toLocaleString('en')}; server CPU ${cpu.toFixed(1)} ms per keystroke (all four requests)`,
    );
    console.log(`    server memory: max RSS sampled ${maxRss.toFixed(0)} MiB, peak since start ${peak.toFixed(0)} MiB (after open + first full semantic tokens ${peakAfterOpen.toFixed(0)} MiB)`);
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  await ensureServerBuilt();
  console.log(`bench:lsp (incremental analysis) — load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other processes inflate the figures)`);
  // `--as-vscode-only`: only the "as VS Code asks" sequence at 200k (for A/B runs against another build).
  if (!process.argv.includes('--as-vscode-only')) {
    await measure('7k contract', 500, (text) => [typing(text, 500, 50), lineBreaks(text, 500, 20), newItem(text, 500), spread(text, 500, 40)], 20);
    await measure('200k contract', 14_285, (text) => [typing(text, 14_285, 100), lineBreaks(text, 14_285, 20), newItem(text, 14_285), spread(text, 14_285, 60)], 5);
  }
  await measureAsVsCode('200k contract', 14_285, 'typing', 30);
  await measureAsVsCode('200k contract', 14_285, 'line breaks', 20);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
