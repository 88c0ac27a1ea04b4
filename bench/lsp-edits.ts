// `npm run bench:lsp-edits -- [--edits 3000] [--seed N] [--request-every 2] [--past-end-every 0]`:
// a random editing session against the bundled dist/server.js over stdio (issue 13). Thousands
// of incremental edits (typing, deleting, pasting, junk) on three documents, interleaved with
// every kind of request at random positions; every 50 edits the edit → diagnostics time and
// that the diagnostics fit the client's copy of the text. Prints error counts, latency
// percentiles per request type, and the server's RSS at start and end (and their ratio).
// `--past-end-every N` sends every Nth edit with a range past the last line (issue 13 item 2).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { LSPErrorCodes, type Diagnostic, type Position, type Range } from 'vscode-languageserver-protocol';
import { mulberry32 } from '../scripts/prng';
import { ensureServerBuilt, positionAt, ROOT, TestClient } from '../test/lsp/client';
import { generateContract } from './contractGenerator';

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '13' },
    'request-every': { type: 'string', default: '2' },
    'past-end-every': { type: 'string', default: '0' },
  },
});
const EDITS = Number(values.edits);
const SEED = Number(values.seed);
const REQUEST_EVERY = Number(values['request-every']);
const PAST_END_EVERY = Number(values['past-end-every']);
/** Edit → diagnostics is measured, and the server's view checked, this often. */
const SYNC_EVERY = 50;
/** A request or a diagnostics wait that takes longer than this counts as hung. */
const HANG_MS = 10_000;

const next = mulberry32(SEED);
const int = (n: number) => Math.floor(next() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const SNIPPETS = [
  'objective', ' target >= 99.9%', ' window calendar month', '{', '}', '\n', '\n  ', '"', '// note\n', '/* c */',
  'indicator probe', 'compensation for uptime { below 99% credit 10% }', '500ms', 'p99', '..', ',', '蓝莺', '😀',
  'x'.repeat(80), '\t', ' ', 'schedule s { mon..fri 09:00-18:00 }',
];

function rss(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
    return { rss: kb, peak: NaN };
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${HANG_MS / 1000} s`)), HANG_MS)));
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A random edit of `text`: typing, deleting, pasting, replacing, or a line break. */
function randomEdit(text: string): { range: Range; text: string } {
  const at = int(text.length + 1);
  const start = positionAt(text, at);
  switch (int(5)) {
    case 0: // type one character
      return { range: { start, end: start }, text: pick([...'abcdefgxyz0123456789 {}".%\n']) };
    case 1: {
      // delete up to 20 characters
      const end = positionAt(text, Math.min(text.length, at + 1 + int(20)));
      return { range: { start, end }, text: '' };
    }
    case 2: // paste a snippet
      return { range: { start, end: start }, text: pick(SNIPPETS) };
    case 3: {
      // replace a few characters with a snippet
      const end = positionAt(text, Math.min(text.length, at + int(10)));
      return { range: { start, end }, text: pick(SNIPPETS) };
    }
    default: {
      // a whole line removed (the last one up to the end of the text: editors send no range past it)
      const lineStart = at - (text.lastIndexOf('\n', at - 1) + 1);
      const nextLine = text.indexOf('\n', at);
      const end = nextLine < 0 ? positionAt(text, text.length) : { line: start.line + 1, character: 0 };
      return { range: { start: positionAt(text, at - lineStart), end }, text: '' };
    }
  }
}

type Kind =
  | 'completion' | 'hover' | 'definition' | 'references' | 'prepareRename' | 'rename' | 'documentSymbol' | 'foldingRange'
  | 'selectionRange' | 'semanticTokens' | 'formatting' | 'codeAction' | 'codeLens' | 'edit → diagnostics';

async function main(): Promise<void> {
  await ensureServerBuilt();
  const client = await TestClient.start({ initializationOptions: { validateDelayMs: 0 }, settings: { validate: { onType: true } } });
  const pid = client.process.pid!;
  const originals = [
    readFileSync(path.join(ROOT, 'samples/lanying-im.sla'), 'utf8'),
    readFileSync(path.join(ROOT, 'samples/ecommerce-platform.sla'), 'utf8'),
    generateContract(1000),
  ];
  const uris: string[] = [];
  for (const text of originals) uris.push((await client.open(text)).uri);
  const started = rss(pid);

  const latencies = new Map<Kind, number[]>();
  const errors = new Map<string, number>();
  const count = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  /** Answers the server gives by design as errors (renaming a keyword): counted, not errors. */
  let refusals = 0;
  const record = (kind: Kind, ms: number) => {
    let list = latencies.get(kind);
    if (!list) latencies.set(kind, (list = []));
    list.push(ms);
  };
  const time = async (kind: Kind, run: () => Promise<unknown>) => {
    const start = performance.now();
    try {
      await within(run(), kind);
      record(kind, performance.now() - start);
    } catch (error) {
      // (By code: the client's ResponseError class may be another copy of vscode-jsonrpc.)
      if ((error as { code?: number }).code === LSPErrorCodes.RequestFailed && (kind === 'rename' || kind === 'prepareRename')) refusals++;
      else count(`${kind}: ${(error as Error).message.split('\n')[0].slice(0, 100)}`);
    }
  };
  const logsBefore = client.logs.length;
  const sessionStart = performance.now();
  let edits = 0;
  let requests = 0;
  /** RSS half way: with the end, it tells growth that levels off from a leak. */
  let halfway = { rss: NaN, peak: NaN };

  for (let i = 1; i <= EDITS; i++) {
    if (client.process.exitCode !== null) {
      count('server exited');
      break;
    }
    const d = int(uris.length);
    const uri = uris[d];
    let text = client.text(uri);
    if (text.length > originals[d].length * 3 || text.length < 50) {
      await client.replaceText(uri, originals[d]);
      text = originals[d];
    }
    const edit = PAST_END_EVERY > 0 && i % PAST_END_EVERY === 0
      ? { range: { start: { line: text.split('\n').length + 5, character: 0 }, end: { line: text.split('\n').length + 5, character: 0 } }, text: 'x\n// past the end\n' }
      : randomEdit(text);
    if (i === Math.floor(EDITS / 2) && client.process.exitCode === null) halfway = rss(pid);
    const sync = i % SYNC_EVERY === 0;
    const editSent = performance.now();
    const version = await client.change(uri, [edit]);
    edits++;

    if (sync) {
      // Edit → diagnostics of that version, nothing else in between.
      let diagnostics: Diagnostic[] | undefined;
      try {
        diagnostics = await within(client.diagnosticsFor(uri, version), 'edit → diagnostics');
        record('edit → diagnostics', performance.now() - editSent);
      } catch (error) {
        count((error as Error).message);
      }
      // The server's copy and ours agree: every diagnostic lies inside our text.
      const lines = client.text(uri).split('\n');
      for (const diagnostic of diagnostics ?? []) {
        const { end } = diagnostic.range;
        if (end.line >= lines.length || end.character > lines[end.line].length) {
          count("diagnostic outside the text (the server's copy differs)");
          break;
        }
      }
    } else if (REQUEST_EVERY > 0 && i % REQUEST_EVERY === 0) {
      const now = client.text(uri);
      const position: Position = positionAt(now, int(now.length + 1));
      const kind = pick<Kind>(['completion', 'hover', 'definition', 'references', 'prepareRename', 'rename', 'documentSymbol', 'foldingRange', 'selectionRange', 'semanticTokens', 'formatting', 'codeAction', 'codeLens']);
      requests++;
      await time(kind, async () => {
        switch (kind) {
          case 'completion': return client.completion(uri, position);
          case 'hover': return client.hover(uri, position);
          case 'definition': return client.definition(uri, position);
          case 'references': return client.references(uri, position);
          case 'prepareRename': return client.prepareRename(uri, position);
          case 'rename': return client.rename(uri, position, 'renamed_by_bench');
          case 'documentSymbol': return client.documentSymbols(uri);
          case 'foldingRange': return client.foldingRanges(uri);
          case 'selectionRange': return client.selectionRanges(uri, [position]);
          case 'semanticTokens': return client.semanticTokens(uri);
          case 'formatting': return client.formatting(uri);
          case 'codeLens': return client.codeLenses(uri);
          default: {
            const diagnostics = client.diagnostics.get(uri)?.diagnostics ?? [];
            const range = diagnostics[0]?.range ?? { start: position, end: position };
            return client.codeActions(uri, range, diagnostics.slice(0, 1));
          }
        }
      });
    }
  }
  const seconds = (performance.now() - sessionStart) / 1000;
  const ended = client.process.exitCode === null ? rss(pid) : { rss: NaN, peak: NaN };
  const serverErrors = client.logs.slice(logsBefore).filter((l) => /failed|uncaught|unhandled/i.test(l));
  for (const line of serverErrors) count(`server log: ${line.split('\n')[0].slice(0, 100)}`);
  await client.stop();

  console.log(`bench:lsp-edits — seed ${SEED}: ${edits} edits and ${requests} requests on 3 documents in ${seconds.toFixed(1)} s (${(edits / seconds).toFixed(0)} edits/s), server over stdio`);
  console.log('');
  console.log(`  ${'request'.padEnd(20)} ${'count'.padStart(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`);
  for (const [kind, list] of [...latencies].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...list].sort((a, b) => a - b);
    const cell = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);
    console.log(`  ${kind.padEnd(20)} ${String(list.length).padStart(6)} ${cell(percentile(sorted, 50))} ${cell(percentile(sorted, 95))} ${cell(percentile(sorted, 99))} ${cell(sorted[sorted.length - 1])}`);
  }
  console.log('');
  const total = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(`  errors: ${total} (besides ${refusals} rename refusals, which the protocol answers as errors by design)`);
  for (const [what, n] of errors) console.log(`    ${n} × ${what}`);
  console.log(
    `  server RSS: ${mb(started.rss)} at start, ${mb(halfway.rss)} half way, ${mb(ended.rss)} at the end (peak ${mb(ended.peak)}); ` +
      `end/start ${(ended.rss / started.rss).toFixed(2)}, end/half way ${(ended.rss / halfway.rss).toFixed(2)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
