// Compact spans (server/src/language/span.ts): every span's `range` (a getter over numbers kept
// on the span) is exactly the positions of its offsets, in a fresh parse and after incremental
// edits that move later items; a quantity's number and unit ranges likewise.
import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { analyze, analyzeEdit } from '../../server/src/language/analyze';
import type { NodeBase, Quantity, Range, Span } from '../../server/src/language/ast';
import { reparsedRegionOf } from '../../server/src/language/reparse';
import { LineIndex } from '../../server/src/language/text';
import { cloneSpan } from '../../server/src/language/span';
import { samples } from '../fuzz/fuzzer';

/** Every span of the tree, with its path (a node's keyword, body and window form too: made when read, span.ts). */
function spansOf(value: unknown, path: string, out: [string, Span][]): [string, Span][] {
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  if (typeof record.offset === 'number') out.push([path, value as Span]);
  for (const [key, child] of Object.entries(record)) spansOf(child, `${path}.${key}`, out);
  for (const key of ['keyword', 'body', 'formSpan']) if (!Object.hasOwn(record, key) && record[key] !== undefined) spansOf(record[key], `${path}.${key}`, out);
  return out;
}

/** Every node of the tree (an object with `type` and `keyword`). */
function nodesOf(value: unknown, out: NodeBase[] = []): NodeBase[] {
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  if (typeof record.type === 'string' && record.keyword !== undefined) out.push(value as NodeBase);
  for (const child of Object.values(record)) nodesOf(child, out);
  return out;
}

/** Each node's keyword is its first word as written (a schedule line's, its days) and a span of its own on each read. */
function assertKeywords(text: string, file: unknown, label: string): number {
  const nodes = nodesOf(file);
  for (const node of nodes) {
    const keyword = node.keyword;
    const written = text.slice(keyword.offset, keyword.endOffset);
    const schedule = node as NodeBase & { type: string; days?: Span };
    if (schedule.type === 'ScheduleLine') {
      assert.deepEqual([keyword.offset, keyword.endOffset, keyword.range], [schedule.days!.offset, schedule.days!.endOffset, schedule.days!.range], `${label}: days`);
    } else {
      assert.equal(keyword.offset, node.offset, `${label}: ${schedule.type} starts with its keyword`);
      assert.match(written, /^[a-z]+$/, `${label}: ${schedule.type} keyword ${JSON.stringify(written)}`);
      assert.ok(/^[a-z]+/.exec(text.slice(node.offset))![0] === written, `${label}: ${schedule.type} keyword is the whole first word`);
    }
    assert.deepEqual([keyword.endLine, keyword.endCharacter], [keyword.range.end.line, keyword.range.end.character], `${label}: fields as the range says`);
    assert.notEqual(node.keyword, keyword, `${label}: a fresh span on each read`);
    const body = (node as NodeBase & { body?: Span }).body;
    if (body) assert.equal(text[body.offset], '{', `${label}: ${schedule.type} body starts at its brace`);
  }
  return nodes.length;
}

function assertPositionsOfOffsets(text: string, file: unknown, label: string): number {
  const lines = new LineIndex(text);
  const at = (from: number, to: number): Range => ({ start: lines.positionAt(from), end: lines.positionAt(to) });
  const spans = spansOf(file, 'file', []);
  for (const [path, span] of spans) {
    assert.deepEqual(span.range, at(span.offset, span.endOffset), `${label}: ${path}`);
    if ('numberEndLine' in span) {
      const quantity = span as unknown as Quantity;
      const numberEnd = quantity.offset + text.slice(quantity.offset).search(/[^0-9.]/);
      assert.deepEqual(quantity.numberRange, at(quantity.offset, numberEnd < quantity.offset ? quantity.endOffset : numberEnd), `${label}: ${path}.numberRange`);
      if (quantity.unit !== undefined) {
        assert.deepEqual(quantity.unitRange, at(quantity.endOffset - quantity.unit.length, quantity.endOffset), `${label}: ${path}.unitRange`);
      } else {
        assert.equal(quantity.unitRange, undefined, `${label}: ${path}.unitRange`);
      }
    }
  }
  return spans.length;
}

describe('compact spans', () => {
  it('give every span the range of its offsets, and quantities their number and unit ranges', () => {
    for (const sample of [...samples(), { name: 'generated', text: generateContract(60) }]) {
      assertPositionsOfOffsets(sample.text, analyze(sample.text).parse.file, sample.name);
    }
  });

  it('give every node its keyword, the first word as written, and every block its body from its `{`, made when read (a schedule line: its days)', () => {
    let nodes = 0;
    for (const sample of [...samples(), { name: 'generated', text: generateContract(60) }]) {
      nodes += assertKeywords(sample.text, analyze(sample.text).parse.file, sample.name);
    }
    assert.ok(nodes > 500, `few nodes checked (${nodes})`);
  });

  it('keep every keyword where its node is after edits that move, replace and re-type items (seeded)', () => {
    const next = mulberry32(15);
    let text = generateContract(40);
    let analysis = analyze(text);
    let incremental = 0;
    for (let step = 0; step < 60; step++) {
      // A line break before a line (moves what follows), or an item's keyword swapped for another
      // of the same length or of its block (the item is parsed again, perhaps as another type).
      const lineStart = text.indexOf('\n', Math.floor(next() * text.length)) + 1;
      if (lineStart <= 0) continue;
      const word = /^\s*([a-z]+)/.exec(text.slice(lineStart));
      const swaps: Record<string, string> = { target: 'window', window: 'target', below: 'above', above: 'below', kind: 'unit', metric: 'during', provider: 'customer', customer: 'provider' };
      let edit: { start: number; oldEnd: number; newEnd: number };
      let edited: string;
      if (word && swaps[word[1]] && next() < 0.6) {
        const start = lineStart + word[0].length - word[1].length;
        edited = text.slice(0, start) + swaps[word[1]] + text.slice(start + word[1].length);
        edit = { start, oldEnd: start + word[1].length, newEnd: start + swaps[word[1]].length };
      } else {
        edited = text.slice(0, lineStart) + '\n' + text.slice(lineStart);
        edit = { start: lineStart, oldEnd: lineStart, newEnd: lineStart + 1 };
      }
      analysis = analyzeEdit(analysis, edited, edit);
      text = edited;
      if (reparsedRegionOf(analysis.parse)) incremental++;
      assertKeywords(text, analysis.parse.file, `step ${step}`);
      assertPositionsOfOffsets(text, analysis.parse.file, `step ${step}`);
    }
    assert.ok(incremental >= 15, `only ${incremental} incremental steps`);
  });

  it('keep a keyword given to a node as its own field (the builder does so if one is not at its start), and move it on reparse', () => {
    let text = generateContract(3);
    let analysis = analyze(text);
    const item = analysis.parse.file.slas[0].items[4]; // timezone "Europe/Berlin"
    const derived = item.keyword;
    assert.ok(!Object.hasOwn(item, 'keyword'), 'made when read');
    item.keyword = cloneSpan(derived);
    assert.ok(Object.hasOwn(item, 'keyword') && Object.keys(item).includes('keyword'), 'an own field: seen by equality and by the golden hash');
    const at = text.indexOf('\n  provider');
    text = text.slice(0, at) + '\n' + text.slice(at);
    analysis = analyzeEdit(analysis, text, { start: at, oldEnd: at, newEnd: at + 1 });
    assert.ok(reparsedRegionOf(analysis.parse), 'incremental');
    assert.equal(analysis.parse.file.slas[0].items[4], item, 'the same item');
    assert.deepEqual([item.keyword.offset, item.keyword.range], [derived.offset + 1, { start: { line: derived.startLine + 1, character: 2 }, end: { line: derived.startLine + 1, character: 10 } }]);
  });

  it('keep them exact after edits that move later items by lines and characters (seeded)', () => {
    const next = mulberry32(20261205);
    let text = generateContract(60);
    let analysis = analyze(text);
    let moved = 0;
    for (let step = 0; step < 40; step++) {
      // Insert or remove a line break (or a word) inside an item: everything after it moves.
      const at = text.indexOf('\n', Math.floor(next() * text.length));
      if (at < 0) continue;
      const insert = next() < 0.5 ? '\n' : '\n\n  ';
      const edited = text.slice(0, at) + insert + text.slice(at);
      analysis = analyzeEdit(analysis, edited, { start: at, oldEnd: at, newEnd: at + insert.length });
      text = edited;
      moved += assertPositionsOfOffsets(text, analysis.parse.file, `step ${step}`);
    }
    assert.ok(moved > 1000, `few spans checked (${moved})`);
  });

  it('keep a quantity whose unit is on a later line (stored lines) and one-line ones (derived lines) exact, also when reparse moves them', () => {
    // One-line quantities and token spans derive their end line and character (span.ts); a unit
    // after a line break takes the class that stores them.
    let text = generateContract(80).replace('target >= 99.9%', 'target >= 99.9\n      %').replace('below 99.9% credit 10%', 'below 99.9\n%\ncredit 10 %');
    let analysis = analyze(text);
    const quantities = () => spansOf(analysis.parse.file, 'file', []).map(([, span]) => span as Partial<Quantity>).filter((span) => span.numberEndLine !== undefined);
    const split = () => quantities().filter((q) => q.unitLine !== undefined && q.unitLine > q.startLine!);
    assert.equal(split().length, 2, 'two quantities with the unit on a later line');
    assert.ok(quantities().length > 10);
    assertPositionsOfOffsets(text, analysis.parse.file, 'split units');
    const next = mulberry32(7);
    for (let step = 0; step < 12; step++) {
      const at = text.indexOf('\n', Math.floor(next() * text.length * 0.3));
      if (at < 0) continue;
      const edited = text.slice(0, at) + '\n' + text.slice(at);
      analysis = analyzeEdit(analysis, edited, { start: at, oldEnd: at, newEnd: at + 1 });
      text = edited;
      assertPositionsOfOffsets(text, analysis.parse.file, `split units, step ${step}`);
      assert.equal(split().length, 2, `step ${step}: still two split quantities`);
      for (const q of quantities()) {
        assert.deepEqual([q.endLine, q.endCharacter], [q.range!.end.line, q.range!.end.character], `step ${step}: fields as the range says`);
        assert.equal(q.numberEndLine, q.numberRange!.end.line);
        if (q.unit !== undefined) assert.deepEqual([q.unitLine, q.unitCharacter], [q.unitRange!.start.line, q.unitRange!.start.character]);
      }
    }
  });

  it('keep an item\'s end when an edit puts it on two lines and derive it again when it is back on one (the item keeps its identity, takes the fresh class)', () => {
    // A node on one line derives its end (span.ts); reparse's transplant gives the old item the
    // fresh one's class, so the incremental AST equals a full parse's, prototypes included.
    let text = generateContract(4);
    let analysis = analyze(text);
    const version = () => analysis.parse.file.slas[0].items.find((item) => item.type === 'Version')!;
    const kept = version();
    assert.equal(kept.endLine, kept.startLine);
    const steps: [string, string][] = [
      ['version "1.0"', 'version\n    "1.0"'],
      ['version\n    "1.0"', 'version "1.1"'],
      ['window calendar month', 'window calendar\n      month'],
      ['window calendar\n      month', 'window calendar month'],
      ['below 99.9% credit 10%', 'below 99.9% credit\n      10%'],
    ];
    for (const [from, to] of steps) {
      const at = text.indexOf(from);
      const edited = text.slice(0, at) + to + text.slice(at + from.length);
      analysis = analyzeEdit(analysis, edited, { start: at, oldEnd: at + from.length, newEnd: at + to.length });
      text = edited;
      assert.deepEqual(analysis.parse.file, analyze(text).parse.file, `after ${JSON.stringify(to)}: equal to a full parse`);
      assertPositionsOfOffsets(text, analysis.parse.file, `after ${JSON.stringify(to)}`);
      if (!from.startsWith('version')) continue;
      const item = version();
      assert.equal(item, kept, `after ${JSON.stringify(to)}: the same item object`);
      assert.equal(item.endLine, item.startLine + (to.startsWith('version\n') ? 1 : 0), `after ${JSON.stringify(to)}: the version's end line`);
      assert.deepEqual([item.endLine, item.endCharacter], [item.range.end.line, item.range.end.character]);
    }
  });

  it('hand out a fresh range on every read: a reader changing it changes nothing else', () => {
    const text = generateContract(3);
    const file = analyze(text).parse.file;
    const sla = file.slas[0];
    const range = sla.range;
    range.end.line += 10;
    assert.notEqual(sla.range.end.line, range.end.line);
    assert.notEqual(sla.range, sla.range);
  });
});
