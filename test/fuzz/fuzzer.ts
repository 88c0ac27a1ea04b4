// The seeded fuzzer behind `test/fuzz/fuzz.test.ts` (a few seconds in `npm test`) and
// `npm run fuzz` (minutes): mutations of every sample contract, each put through analysis
// and every editor service at many positions. Case `n` of seed `s` is always the same text,
// so a failure is reproduced from the two numbers it prints.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { marked } from 'marked';
import { mulberry32 } from '../../scripts/prng';
import { analyze, type Analysis } from '../../server/src/language/analyze';
import { tokenize } from '../../server/src/language/lexer';
import type { Position, Range } from '../../server/src/language/ast';
import { codeActions } from '../../server/src/services/features/codeActions';
import { codeLenses } from '../../server/src/services/features/codeLens';
import { completion } from '../../server/src/services/features/completion';
import { definition } from '../../server/src/services/features/definition';
import { toLspDiagnostic } from '../../server/src/services/features/diagnostics';
import { foldingRanges } from '../../server/src/services/features/folding';
import { formatText } from '../../server/src/services/features/formatting';
import { hover } from '../../server/src/services/features/hover';
import { references } from '../../server/src/services/features/references';
import { prepareRename, rename } from '../../server/src/services/features/rename';
import { selectionRanges } from '../../server/src/services/features/selectionRange';
import { semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { lineIndexOf } from '../../server/src/services/support/text';
import { readFullWidth } from '../../server/src/language/fullWidth';

const SAMPLES = path.resolve(import.meta.dirname, '..', '..', 'samples');

export interface Sample {
  name: string;
  text: string;
}

/** Every `samples/**\/*.sla`. */
export function samples(): Sample[] {
  const found: Sample[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sla')) found.push({ name: path.relative(SAMPLES, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(SAMPLES);
  return found;
}

/** Words and characters worth inserting: keywords, punctuation, literals, and hostile text. */
const JUNK = [
  '{', '}', '"', '/*', '*/', '//', '..', '%', ',', '-', '>=', '<', 'objective', 'target', 'sla', 'indicator',
  'window', 'compensation', 'below', 'credit', 'schedule', 'maintenance', 'every', 'during', 'excluding',
  '99.9', '500ms', 'p99.9', '2026-02-30', '25:00', '2026-10-01T00:00:00+08:00', '12000 CNY', '1e308',
  '\n', '\r', '\r\n', '\t', '\u2028', '\u0000', '\u001b[31m', '\ufeff', '\ud83d', '\ude00', '😀', '蓝莺', '\\u{1F600}',
  '"\\n```\\n![x](https://evil.example/x.png)"', '<img src=x onerror=alert(1)>', '{'.repeat(40), '}'.repeat(40),
  'x'.repeat(300), '9'.repeat(400),
];

export type MutationKind = 'truncate' | 'delete' | 'insert' | 'duplicate' | 'swap' | 'retoken' | 'bytes';
const KINDS: MutationKind[] = ['truncate', 'delete', 'insert', 'duplicate', 'swap', 'retoken', 'bytes'];

export interface FuzzCase {
  seed: number;
  index: number;
  sample: string;
  kinds: MutationKind[];
  text: string;
}

/** Case `index` of `seed`: a sample with one to four mutations. */
export function fuzzCase(all: Sample[], seed: number, index: number): FuzzCase {
  const next = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const int = (n: number) => Math.floor(next() * n);
  const sample = all[index % all.length];
  let text = sample.text;
  const kinds: MutationKind[] = [];
  for (let m = 1 + int(4); m > 0; m--) {
    const kind = KINDS[int(KINDS.length)];
    kinds.push(kind);
    const at = int(text.length + 1);
    const to = Math.min(text.length, at + 1 + int(60));
    switch (kind) {
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(to);
        break;
      case 'insert':
        text = text.slice(0, at) + JUNK[int(JUNK.length)] + text.slice(at);
        break;
      case 'duplicate':
        text = text.slice(0, to) + text.slice(at, to) + text.slice(to);
        break;
      case 'swap': {
        const other = int(text.length + 1);
        const [a, b] = at < other ? [at, other] : [other, at];
        const cut = Math.min(b, a + 1 + int(40));
        text = text.slice(0, a) + text.slice(b) + text.slice(cut, b) + text.slice(a, cut);
        text = text.slice(0, sample.text.length * 3);
        break;
      }
      case 'retoken': {
        const tokens = tokenize(text).tokens;
        if (tokens.length < 2) break;
        const victim = tokens[int(tokens.length)];
        const donor = tokens[int(tokens.length)];
        text = text.slice(0, victim.startOffset) + donor.image + text.slice(victim.startOffset + victim.image.length);
        break;
      }
      case 'bytes': {
        let junk = '';
        for (let i = 1 + int(8); i > 0; i--) junk += String.fromCharCode(int(0x3000));
        text = text.slice(0, at) + junk + text.slice(at);
        break;
      }
    }
  }
  return { seed, index, sample: sample.name, kinds, text };
}

export interface Exercised {
  /** Service calls made. */
  calls: number;
  diagnostics: number;
  formatted: boolean;
  /** Milliseconds for analysis and every service call. */
  millis: number;
}

/**
 * Analysis and every service at `positions` positions of the case's text. Throws an Error
 * that says what went wrong; the caller adds the seed and case number.
 */
export function exercise(text: string, next: () => number, positions = 8): Exercised {
  const started = performance.now();
  const analysis = analyze(text);
  const index = lineIndexOf(analysis);
  const uri = 'file:///fuzz.sla';
  const inside = (range: Range, what: string) => {
    for (const p of [range.start, range.end]) {
      if (!(p.line >= 0 && p.line < index.lineCount && p.character >= 0 && index.offsetAt(p) <= text.length)) {
        throw new Error(`${what}: range ${JSON.stringify(range)} is outside the text`);
      }
      const lineEnd = index.lineStarts[p.line + 1] ?? text.length + 1;
      if (index.lineStarts[p.line] + p.character > lineEnd) throw new Error(`${what}: character past the end of line ${p.line}`);
    }
  };
  for (const d of analysis.diagnostics) {
    inside(d.range, `diagnostic ${d.code}`);
    if (/undefined|NaN|\[object/.test(d.message)) throw new Error(`diagnostic ${d.code}: ${d.message}`);
  }
  let calls = 0;
  const at: Position[] = Array.from({ length: positions }, () => index.positionAt(Math.floor(next() * (text.length + 1))));
  for (const position of at) {
    completion(analysis, position);
    const shown = hover(analysis, position);
    if (shown) {
      if (shown.range) inside(shown.range, 'hover');
      checkHoverMarkdown((shown.contents as { value: string }).value);
    }
    for (const range of definition(analysis, position)) inside(range, 'definition');
    for (const range of references(analysis, position, true)) inside(range, 'references');
    const prepared = prepareRename(analysis, position);
    if ('range' in prepared) {
      inside(prepared.range, 'prepareRename');
      const renamed = rename(analysis, position, 'renamed_by_fuzz');
      if ('edits' in renamed) applyEdits(text, renamed.edits, 'rename', inside);
    }
    calls += 6;
  }
  documentSymbols(analysis);
  foldingRanges(analysis);
  for (const range of selectionRanges(analysis, at)) inside(range.range, 'selectionRange');
  const tokens = semanticTokens(analysis);
  if (tokens.length % 5 !== 0) throw new Error('semantic tokens: not a multiple of 5');
  codeLenses(analysis, uri);
  calls += 5;
  for (const diagnostic of analysis.diagnostics.map(toLspDiagnostic)) {
    for (const action of codeActions(analysis, uri, diagnostic.range, { diagnostics: [diagnostic] })) {
      const edits = action.edit?.changes?.[uri];
      if (edits) applyEdits(text, edits, `code action "${action.title}"`, inside);
    }
    calls++;
  }
  const formatted = formatText(analysis);
  calls++;
  if (formatted !== undefined) checkFormatting(text, formatted, analysis);
  return { calls, diagnostics: analysis.diagnostics.length, formatted: formatted !== undefined, millis: performance.now() - started };
}

function applyEdits(text: string, edits: { range: Range; newText: string }[], what: string, inside: (range: Range, what: string) => void): string {
  for (const edit of edits) inside(edit.range, what);
  const index = lineIndexOf({ text });
  const sorted = [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, index.offsetAt(edit.range.start)) + edit.newText + out.slice(index.offsetAt(edit.range.end));
  analyze(out);
  return out;
}

/** Formatting changes only white space (and writes full-width punctuation as the ASCII the lexer reads, LANGUAGE.md 2): the same tokens, the same non-blank characters. */
function checkFormatting(text: string, formatted: string, analysis: Analysis): void {
  const images = (t: string) => tokenize(t).tokens.map((token) => token.image);
  const before = analysis.parse.tokens.slice().map((token) => token.image);
  if (JSON.stringify(images(formatted)) !== JSON.stringify(before)) throw new Error('formatting changed the tokens');
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (squeeze(formatted) !== squeeze(readFullWidth(text).text)) throw new Error('formatting changed more than white space');
  if (formatText(analyze(formatted)) !== formatted) throw new Error('formatting is not idempotent');
}

/** A hover renders no image and no HTML, and links only to what the server wrote itself
 * (contract strings are escaped; the fuzzer's hostile strings point at evil.example). */
function checkHoverMarkdown(markdown: string): void {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const bad = /<(img|script|iframe|style|svg|video|audio|object|form|input)\b|href="[^"]*evil\.example/i.exec(html);
  if (bad) throw new Error(`hover renders ${bad[0]}: ${JSON.stringify(markdown.slice(0, 300))}`);
}
