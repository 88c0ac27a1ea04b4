// The golden corpus of the parser (issue 15, a parser without the CST): texts whose AST and
// diagnostics were recorded, as hashes, from the CST parser before it was replaced, so that any
// later parser can be held to exactly the same output. Every case is derived from files in
// the repository by seeded code, so case `name` is always the same text.
//
// `node --import tsx test/language/parserGolden.ts --write` rewrites parserGolden.hashes.json
// from the parser as it is now: do that only when the output is meant to change (a new
// message, a grammar change), never to make a failing comparison pass.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { equalContent } from '../../bench/equalContent';
import { tokenize } from '../../server/src/language/lexer';
import { parse } from '../../server/src/language/parser';
import type { Locale } from '../../server/src/l10n/locale';
import { fuzzCase, samples, type Sample } from '../fuzz/fuzzer';

export const HASHES_FILE = fileURLToPath(new URL('./parserGolden.hashes.json', import.meta.url));

export interface GoldenCase {
  name: string;
  text: string;
  locale: Locale;
}

const FUZZ_SEED = 20261205;
const FUZZ_CASES = 400;
const MUTATION_SEED = 15015;
const MUTATIONS = 2600;
/** Every how-manyth mutation is parsed in Chinese as well (the messages differ). */
const CHINESE_EVERY = 7;

/** Words and punctuation a mutation inserts: every kind of token, and a few that are none. */
const INSERTS = [
  '{', '}', '{ }', ',', '..', '-', '%', '>=', '<=', '"x"', '"unclosed', '/*', '*/', '// c\n', '\n', 'sla', 'sla y {',
  'objective', 'objective o {', 'indicator', 'indicator i {', 'service', 'service s "t" {', 'target', 'target >=',
  'window', 'rolling', 'calendar', 'month', 'during', 'excluding', 'compensation for', 'below', 'above', 'credit',
  'credits', 'cap', 'claim within', 'schedule', 'maintenance', 'every', 'on', 'for', 'notice', 'holidays',
  'support', 'hours', 'severity', 'response', 'resolve', 'responsibilities', 'provider', 'customer', 'kind',
  'metric', 'ratio good', 'total', 'unit', 'missing down', 'counters', 'coverage', 'reviewed', 'review',
  'reporting', 'version', 'effective', 'timezone', 'fee 10 CNY per', 'p99', 'p99.9', 'p101', 'avg', 'mon..fri',
  'daily', 'weekdays', '09:00-18:00', '24:00', '2026-02-30', '2026-01-01', '2026-10-01T02:00:00+08:00',
  '99.9%', '500 ms', '30d', '12000 CNY', 'xyz', '42', 'objectve', 'targte', '蓝莺', '；', '：', '＂', '@', '#',
];

/** The texts mutated: every sample, the fixture contract, and generated contracts. */
function bases(): Sample[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return [
    ...samples(),
    { name: 'test/fixtures/example.sla', text: readFileSync(`${root}test/fixtures/example.sla`, 'utf8') },
    { name: 'generated:contract(300)', text: generateContract(300) },
    { name: 'generated:equalContent(4)', text: equalContent(4).sla },
  ];
}

/** Mutation `index`: one to three token-level edits (delete, insert, duplicate, truncate). */
function mutation(all: Sample[], index: number): { name: string; text: string } {
  const next = mulberry32((MUTATION_SEED ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const int = (n: number) => Math.floor(next() * n);
  const base = all[index % all.length];
  let text = base.text;
  const kinds: string[] = [];
  for (let m = 1 + int(3); m > 0; m--) {
    const tokens = tokenize(text).tokens;
    if (tokens.length === 0) break;
    const at = tokens[int(tokens.length)];
    const start = at.startOffset;
    const end = start + at.image.length;
    switch (int(6)) {
      case 0: {
        // Delete one to three tokens.
        const last = tokens[Math.min(tokens.length - 1, tokens.indexOf(at) + int(3))];
        text = text.slice(0, start) + text.slice(last.startOffset + last.image.length);
        kinds.push('delete');
        break;
      }
      case 1:
        text = `${text.slice(0, start)}${INSERTS[int(INSERTS.length)]} ${text.slice(start)}`;
        kinds.push('insert');
        break;
      case 2:
        text = `${text.slice(0, end)} ${INSERTS[int(INSERTS.length)]}${text.slice(end)}`;
        kinds.push('append');
        break;
      case 3: {
        // Replace a token with another one of the text.
        const donor = tokens[int(tokens.length)];
        text = text.slice(0, start) + donor.image + text.slice(end);
        kinds.push('replace');
        break;
      }
      case 4: {
        // Truncate at a token or inside one.
        text = text.slice(0, next() < 0.5 ? start : start + int(at.image.length + 1));
        kinds.push('truncate');
        break;
      }
      default: {
        // Delete a whole line.
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const lineEnd = text.indexOf('\n', start);
        text = text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
        kinds.push('deleteLine');
      }
    }
  }
  return { name: `mutation ${index} of ${base.name} (${kinds.join('+')})`, text };
}

/** Every case of the corpus, in a fixed order. */
export function goldenCases(): GoldenCase[] {
  const all = bases();
  const cases: GoldenCase[] = [];
  for (const base of all) {
    cases.push({ name: base.name, text: base.text, locale: 'en' });
    cases.push({ name: `${base.name} [zh-CN]`, text: base.text, locale: 'zh-CN' });
  }
  const fuzzSamples = samples();
  for (let index = 0; index < FUZZ_CASES; index++) {
    const fuzz = fuzzCase(fuzzSamples, FUZZ_SEED, index);
    cases.push({ name: `fuzz ${FUZZ_SEED}/${index} (${fuzz.sample}, ${fuzz.kinds.join('+')})`, text: fuzz.text, locale: 'en' });
  }
  for (let index = 0; index < MUTATIONS; index++) {
    const { name, text } = mutation(all, index);
    cases.push({ name, text, locale: 'en' });
    if (index % CHINESE_EVERY === 0) cases.push({ name: `${name} [zh-CN]`, text, locale: 'zh-CN' });
  }
  return cases;
}

/**
 * Ranges, and a node's keyword and body spans, as readers see them: read through the property
 * (a plain field or a getter: a node makes its `keyword` and `body` when read, span.ts).
 */
const RANGE_KEYS = ['range', 'numberRange', 'unitRange', 'keyword', 'body', 'formSpan', 'endOffset'];
/** How a span stores its positions (ast.ts, span.ts): written out as `range`, `body` etc. instead. */
const POSITION_FIELDS = new Set([
  'startLine', 'startCharacter', 'endLine', 'endCharacter', 'numberEndLine', 'numberEndCharacter', 'unitLine', 'unitCharacter', 'bodyDelta', 'formDelta',
]);

/**
 * A canonical form of parser output: keys sorted, every range read through `.range`,
 * `.numberRange`, `.unitRange` (and every keyword and body through `.keyword`, `.body`) and written explicitly, and the span's own position fields left
 * out, so the hash depends on what readers see and not on how spans store their positions.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = new Set(Object.keys(record).filter((key) => !POSITION_FIELDS.has(key) && record[key] !== undefined));
  for (const key of RANGE_KEYS) if (record[key] !== undefined) keys.add(key);
  for (const key of [...keys].sort()) out[key] = canonical(record[key]);
  return out;
}

/** What the parser made of a case, as the JSON that is hashed. */
export function parsedJson(golden: GoldenCase): { ast: string; diagnostics: string } {
  const result = parse(golden.text, golden.locale);
  return { ast: JSON.stringify(canonical(result.file)), diagnostics: JSON.stringify(canonical(result.diagnostics)) };
}

export function hashOf(json: { ast: string; diagnostics: string }): string {
  return createHash('sha256').update(json.ast).update('\u0000').update(json.diagnostics).digest('hex').slice(0, 24);
}

export function readHashes(): Record<string, string> {
  return JSON.parse(readFileSync(HASHES_FILE, 'utf8')) as Record<string, string>;
}

if (process.argv.includes('--write')) {
  const hashes: Record<string, string> = {};
  for (const golden of goldenCases()) {
    if (golden.name in hashes) throw new Error(`two cases named ${golden.name}`);
    hashes[golden.name] = hashOf(parsedJson(golden));
  }
  writeFileSync(HASHES_FILE, `${JSON.stringify(hashes, null, 1)}\n`);
  console.log(`${Object.keys(hashes).length} cases written to ${HASHES_FILE}`);
}
