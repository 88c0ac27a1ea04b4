// The parser never throws and always returns a consistent AST, whatever the text: every
// prefix of a real contract (what an editor sees while the user types), every single-token
// deletion, and random token soup.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import type { Position, Range } from '../../server/src/language/ast';
import { KEYWORDS, CONTEXTUAL_WORDS, tokenize } from '../../server/src/language/lexer';
import { parse } from '../../server/src/language/parser';
import { LineIndex } from '../../server/src/language/text';
import { mulberry32 as random } from '../../scripts/prng';

const EXAMPLE = readFileSync(new URL('../fixtures/example.sla', import.meta.url), 'utf8');

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

/** Every span in the AST has offsets inside the text that agree with its range. */
function checkSpans(node: unknown, lines: LineIndex, path: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => checkSpans(child, lines, `${path}[${i}]`, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const span = node as { offset?: unknown; endOffset?: unknown; range?: unknown };
  if (typeof span.offset === 'number' && typeof span.endOffset === 'number') {
    if (!(span.offset >= 0 && span.offset <= span.endOffset && span.endOffset <= lines.text.length)) {
      problems.push(`${path}: offsets ${span.offset}-${span.endOffset}`);
    }
    if (!isRange(span.range)) problems.push(`${path}: no range`);
    else {
      const expected = lines.range(span.offset, span.endOffset);
      if (JSON.stringify(expected) !== JSON.stringify(span.range)) problems.push(`${path}: range does not match offsets`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) problems.push(`${path}.${key} is present but undefined`);
    checkSpans(value, lines, `${path}.${key}`, problems);
  }
}

/** Parses `text` and asserts everything a consumer relies on. */
function parseSoundly(text: string): void {
  let result: ReturnType<typeof parse>;
  try {
    result = parse(text);
  } catch (error) {
    assert.fail(`parse threw on ${JSON.stringify(text.slice(-80))}: ${error}`);
  }
  assert.equal(result.file.type, 'File');
  assert.ok(Array.isArray(result.file.slas));
  const lines = new LineIndex(text);
  for (const d of result.diagnostics) {
    assert.ok(d.code === 'SLA001' || d.code === 'SLA002', d.code);
    assert.doesNotMatch(d.message, /internal parser error|-->|Expecting|token of type|expected the end of the file/, d.message);
    const start = lines.offsetAt(d.range.start);
    const end = lines.offsetAt(d.range.end);
    assert.ok(start <= end && end <= text.length, `diagnostic range ${JSON.stringify(d.range)}`);
  }
  const problems: string[] = [];
  checkSpans(result.file.slas, lines, 'slas', problems);
  assert.deepEqual(problems, [], `in ${JSON.stringify(text.slice(-80))}`);
}


describe('parser robustness', () => {
  const tokens = tokenize(EXAMPLE).tokens;

  it('parses every prefix of the example (each token boundary and every seventh character)', () => {
    const cuts = new Set<number>();
    for (const t of tokens) {
      cuts.add(t.startOffset);
      cuts.add(t.startOffset + t.image.length);
      cuts.add(t.startOffset + 1);
    }
    for (let i = 0; i <= EXAMPLE.length; i += 7) cuts.add(i);
    assert.ok(cuts.size > 2 * tokens.length);
    for (const cut of cuts) parseSoundly(EXAMPLE.slice(0, cut));
  });

  it('parses the example with any single token deleted, and still finds the later objectives', () => {
    for (const t of tokens) {
      const text = EXAMPLE.slice(0, t.startOffset) + EXAMPLE.slice(t.startOffset + t.image.length);
      parseSoundly(text);
      // Deleting one token before the objectives never hides them.
      if (t.startOffset < EXAMPLE.indexOf('objective uptime') && !['sla', '{'].includes(t.image)) {
        const names = parse(text)
          .file.slas.flatMap((s) => s.items)
          .flatMap((i) => (i.type === 'Objective' && i.name ? [i.name.text] : []));
        assert.deepEqual(names, ['uptime', 'latency_p95'], `after deleting ${t.image} at ${t.startOffset}`);
      }
    }
  });

  it('parses the example with any single token duplicated', () => {
    for (const t of tokens) {
      const end = t.startOffset + t.image.length;
      parseSoundly(EXAMPLE.slice(0, end) + ' ' + t.image + EXAMPLE.slice(end));
    }
  });

  it('parses random token soup', () => {
    const vocabulary = [
      ...KEYWORDS, ...CONTEXTUAL_WORDS, '{', '}', '{', '}', ',', '..', '-', '%', '>=', '<', 'x', 'p95', 'p99.9', '"s"', '"\\q', '"open',
      '12', '99.9%', '500ms', '500 usec', '2026-02-30', '2026-10-17T22:00+08:00', '25:00', '09:00', '@', '/*', '*/', '//', '\n', '\r\n', '蓝莺',
    ];
    const next = random(20260101);
    for (let round = 0; round < 300; round++) {
      const parts: string[] = [];
      const length = 1 + Math.floor(next() * 60);
      for (let i = 0; i < length; i++) parts.push(vocabulary[Math.floor(next() * vocabulary.length)]);
      parseSoundly(parts.join(next() < 0.5 ? ' ' : '\n'));
    }
  });

  it('parses pathological texts', () => {
    const texts = [
      '{'.repeat(2000),
      '}'.repeat(2000),
      'sla X {'.repeat(300),
      'sla X { objective o { target >= ' + '1 '.repeat(2000) + '} }',
      '"'.repeat(501),
      '/*',
      '\u0000\uFEFF\u2028\uD800',
      'sla X { version "\\u{D800}" version "\\u{" version "\\',
    ];
    for (const text of texts) parseSoundly(text);
  });
});

describe('syntax error limit', () => {
  it('reports at most MAX_SYNTAX_ERRORS syntax errors and says how many more there are', async () => {
    const { MAX_SYNTAX_ERRORS } = await import('../../server/src/language/parser');
    const garbage = 'sla A {\n' + '  @@ ## $$\n'.repeat(500) + '}\n';
    const { diagnostics } = parse(garbage);
    assert.equal(diagnostics.length, MAX_SYNTAX_ERRORS);
    assert.match(diagnostics[MAX_SYNTAX_ERRORS - 1].message, /\d+ more syntax errors after this one are not shown/);
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [...diagnostics.map((d) => d.range.start.line)].sort((a, b) => a - b));
  });
});
