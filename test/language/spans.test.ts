// Compact spans (server/src/language/span.ts): every span's `range` (a getter over numbers kept
// on the span) is exactly the positions of its offsets, in a fresh parse and after incremental
// edits that move later items; a quantity's number and unit ranges likewise.
import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { analyze, analyzeEdit } from '../../server/src/language/analyze';
import type { Quantity, Range, Span } from '../../server/src/language/ast';
import { LineIndex } from '../../server/src/language/text';
import { samples } from '../fuzz/fuzzer';

/** Every span of the tree, with its path. */
function spansOf(value: unknown, path: string, out: [string, Span][]): [string, Span][] {
  if (typeof value !== 'object' || value === null) return out;
  const record = value as Record<string, unknown>;
  if (typeof record.offset === 'number') out.push([path, value as Span]);
  for (const [key, child] of Object.entries(record)) spansOf(child, `${path}.${key}`, out);
  return out;
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
