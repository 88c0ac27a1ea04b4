// What the language server keeps per document between the requests VS Code makes after each
// keystroke (issue 15, "docsym"): after seeded random edit sequences (typing in a token, line
// breaks, deletions across items, whole items copied and deleted, junk, undo), each answer
// made from what was kept equals the answer made from a full analysis of the same text, and
// an answer already given is never changed by a later request (the transport may still be
// writing it). A failure names the seed and the step.
import { strict as assert } from 'node:assert';
import type { FoldingRange } from 'vscode-languageserver-types';
import { mulberry32 } from '../../scripts/prng';
import { generateContract } from '../../bench/contractGenerator';
import { analyze, analyzeEdit, type Analysis, type TextEdit } from '../../server/src/language/analyze';
import { foldingRanges, KeptFolding } from '../../server/src/services/features/folding';
import { encodedSemanticTokens, KeptTokens, SEMANTIC_TOKENS_LEGEND, semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols, KeptSymbols } from '../../server/src/services/features/symbols';
import { coverEdits } from '../../server/src/lsp/documents';
import { samples } from '../fuzz/fuzzer';

const SEED = Number(process.env.SLA_KEPT_FEATURES_SEED ?? 20261205);

/** `text` with [start, end) replaced by `insert`, and that edit. */
interface Edited {
  text: string;
  edit: TextEdit;
}

function replaced(text: string, start: number, end: number, insert: string): Edited {
  return { text: text.slice(0, start) + insert + text.slice(end), edit: { start, oldEnd: end, newEnd: start + insert.length } };
}

/** The edit undoing `edit` (made to `text`): what the new text holds in its place goes back to what the old one held. */
function undone(text: string, edit: TextEdit, old: string): Edited {
  return replaced(text, edit.start, edit.newEnd, old.slice(edit.start, edit.oldEnd));
}

const hasSyntaxError = (analysis: Analysis) => analysis.diagnostics.some((d) => d.code === 'SLA001');

/** One edit of the kinds a user makes: typing, line breaks, deletions across items, items copied and deleted, junk. */
function randomEdit(analysis: Analysis, next: () => number): Edited {
  const text = analysis.text;
  const int = (n: number) => Math.floor(next() * n);
  const items = analysis.parse.file.slas.flatMap((sla) => sla.items).filter(Boolean);
  const roll = next();
  if (items.length === 0 || roll < 0.1) {
    const at = int(text.length + 1);
    return replaced(text, at, at, ['x', '\n', '}', '{', '"', ' 5ms'][int(6)]);
  }
  const item = items[int(items.length)];
  const other = items[int(items.length)];
  if (roll < 0.45) {
    // typing or deleting one character inside an item
    const at = item.offset + 1 + int(Math.max(1, item.endOffset - item.offset - 1));
    return next() < 0.6 ? replaced(text, at, at, 'ab1_ .'[int(6)]) : replaced(text, at - 1, at, '');
  }
  if (roll < 0.65) {
    // line breaks added or removed between items, or inside one
    const at = next() < 0.5 ? item.endOffset : item.offset + int(item.endOffset - item.offset);
    if (next() < 0.4 && text[at] === '\n') return replaced(text, at, at + 1, '');
    return replaced(text, at, at, next() < 0.8 ? '\n' : '\n\n\n');
  }
  if (roll < 0.75) {
    // a deletion from inside one item to inside another
    const [from, to] = [item.offset + int(item.endOffset - item.offset), other.offset + int(other.endOffset - other.offset)].sort((a, b) => a - b);
    return replaced(text, from, to, '');
  }
  if (roll < 0.87) return replaced(text, other.offset, other.offset, text.slice(item.offset, item.endOffset) + '\n  '); // an item copied
  return replaced(text, item.offset, item.endOffset, ''); // an item deleted
}

interface Run {
  name: string;
  text: string;
}

/**
 * Walks `steps` edits from each base text; `check` gets the incremental analysis of each step
 * and a description of it. Some steps undo: the last edit, or after a syntax error mostly
 * every edit since the last text without one (an edit after a syntax error is analysed in
 * full, so the walk keeps returning to where edits are incremental).
 */
function walkEdits(bases: readonly Run[], seedOffset: number, steps: number, check: (analysis: Analysis, what: string) => void): number {
  let count = 0;
  for (const [b, base] of bases.entries()) {
    const next = mulberry32(SEED + seedOffset + b);
    let analysis = analyze(base.text);
    let last: { edit: TextEdit; old: string } | undefined;
    let clean = { text: base.text, since: undefined as TextEdit | undefined };
    check(analysis, `seed ${SEED}, ${base.name}, the open`);
    for (let step = 0; step < steps; step++) {
      const before = analysis.text;
      if (!hasSyntaxError(analysis)) clean = { text: before, since: undefined };
      const { text, edit } =
        clean.since && next() < 0.7 ? undone(before, clean.since, clean.text) : last && next() < 0.1 ? undone(before, last.edit, last.old) : randomEdit(analysis, next);
      last = { edit, old: before };
      clean.since = coverEdits(clean.since, edit.start, edit.oldEnd, edit.newEnd - edit.start);
      analysis = analyzeEdit(analysis, text, edit);
      check(analysis, `seed ${SEED}, ${base.name}, step ${step} (edit ${JSON.stringify(edit)}; SLA_KEPT_FEATURES_SEED=${SEED} to reproduce)`);
      count++;
    }
  }
  return count;
}

/** How many entries of `data` are references shown as services (type `class`, no modifier). */
function serviceReferences(data: number[]): number {
  return data.filter((n, i) => i % 5 === 3 && n === SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('class') && data[i + 1] === 0).length;
}

describe('features kept between requests equal features made afresh', function () {
  this.timeout(120_000);
  const valid = samples().filter((s) => !s.name.startsWith('broken'));
  const bases: Run[] = [
    ...valid.slice(0, 3),
    { name: 'two slas', text: `${valid[0].text}\n${valid[1].text}` },
    { name: 'generated', text: generateContract(600) },
    // Items sharing a line: an item's first token is then counted from the token before it on that line.
    { name: 'items on shared lines', text: generateContract(300).replace(/\n {2}(indicator|service|objective) /g, ' $1 ') },
  ];

  /**
   * Walks random edits from `seedOffset`: at every step the answer made with `kept` equals a
   * full analysis's, an earlier answer is unchanged (it may still be waiting to be written),
   * and at least a quarter of the steps reuse kept items (an edit analysed incrementally
   * leaves the items it did not touch as they were; after a syntax error all are new).
   */
  function assertKeptAnswers<K extends { lastReused: number }, T>(
    seedOffset: number,
    kept: K,
    what: string,
    withKept: (analysis: Analysis, kept: K) => T,
    afresh: (analysis: Analysis) => T,
  ): void {
    let answered: { answer: T; json: string } | undefined;
    let stepsReusing = 0;
    const steps = walkEdits(bases, seedOffset, 40, (analysis, step) => {
      const answer = withKept(analysis, kept);
      assert.deepEqual(answer, afresh(analyze(analysis.text)), `${step}: ${what}`);
      if (answered) assert.equal(JSON.stringify(answered.answer), answered.json, `${step}: the previous answer changed`);
      if (kept.lastReused > 0) stepsReusing++;
      answered = { answer, json: JSON.stringify(answer) };
    });
    assert.ok(steps >= 100, `only ${steps} edits`);
    assert.ok(stepsReusing >= steps / 4, `only ${stepsReusing} of ${steps} steps reused kept ${what}`);
  }

  it(`document symbols after random edit sequences (seed ${SEED}): equal to a full analysis's at every step, earlier answers unchanged, most steps reuse item symbols`, () => {
    assertKeptAnswers(0, new KeptSymbols(), 'symbols', (analysis, kept) => documentSymbols(analysis, 'en', kept), (analysis) => documentSymbols(analysis, 'en'));
  });

  it(`folding ranges after random edit sequences (seed ${SEED}): equal to a full analysis's at every step, earlier answers unchanged, most steps reuse the items' ranges`, () => {
    assertKeptAnswers(1000, new KeptFolding(), 'folding ranges', (analysis, kept) => foldingRanges(analysis, kept), (analysis) => foldingRanges(analysis));
  });

  it(`semantic tokens after random edit sequences (seed ${SEED}): equal to a full analysis's at every step, most steps reuse the items' tokens`, () => {
    const kept = new KeptTokens();
    let stepsReusing = 0;
    const steps = walkEdits(bases, 2000, 40, (analysis, what) => {
      assert.deepEqual(Array.from(encodedSemanticTokens(analysis, kept)), semanticTokens(analyze(analysis.text)), `${what}: semantic tokens`);
      if (kept.lastReused > 0) stepsReusing++;
    });
    assert.ok(steps >= 100, `only ${steps} edits`);
    assert.ok(stepsReusing >= steps / 4, `only ${stepsReusing} of ${steps} steps reused item tokens`);
  });

  it('semantic tokens of untouched items follow a name that comes to name another sort of thing', () => {
    const kept = new KeptTokens();
    const base = generateContract(300);
    let analysis = analyze(base);
    const before = Array.from(encodedSemanticTokens(analysis, kept));
    // A service named like the indicator, before it: `indicator avail_0` in the objectives now names a service.
    const at = base.indexOf('  indicator avail_0 {');
    const inserted = '  service avail_0 "Same name" {\n  }\n';
    const steps: [string, TextEdit][] = [
      [base.slice(0, at) + inserted + base.slice(at), { start: at, oldEnd: at, newEnd: at + inserted.length }],
      [base, { start: at, oldEnd: at + inserted.length, newEnd: at }],
    ];
    for (const [text, edit] of steps) {
      analysis = analyzeEdit(analysis, text, edit);
      const tokens = Array.from(encodedSemanticTokens(analysis, kept));
      assert.deepEqual(tokens, semanticTokens(analyze(text)));
      if (text !== base) assert.ok(serviceReferences(tokens) > serviceReferences(before), 'the references to avail_0 are shown as services');
    }
  });

  it('features of untouched items follow a declaration renamed by typing in it, in the second of two slas, and its undo', () => {
    const [symbols, folding, tokens] = [new KeptSymbols(), new KeptFolding(), new KeptTokens()];
    const base = `${generateContract(40)}\n${generateContract(40).replace('sla Bench', 'sla Other')}`;
    // `service svc_0` of the second sla renamed `avail_0`: its objective's untouched `indicator avail_0` now names that service.
    const at = base.lastIndexOf('service svc_0 "') + 'service '.length;
    const renamed = base.slice(0, at) + 'avail_0' + base.slice(at + 'svc_0'.length);
    const steps: [string, TextEdit][] = [
      [base, { start: 0, oldEnd: 0, newEnd: 0 }],
      [renamed, { start: at, oldEnd: at + 'svc_0'.length, newEnd: at + 'avail_0'.length }],
      [base, { start: at, oldEnd: at + 'avail_0'.length, newEnd: at + 'svc_0'.length }],
    ];
    let analysis: Analysis | undefined;
    const counted: number[] = [];
    for (const [step, [text, edit]] of steps.entries()) {
      analysis = analysis ? analyzeEdit(analysis, text, edit) : analyze(text);
      const full = analyze(text);
      assert.deepEqual(documentSymbols(analysis, 'en', symbols), documentSymbols(full, 'en'), `step ${step}: symbols`);
      assert.deepEqual(foldingRanges(analysis, folding), foldingRanges(full), `step ${step}: folding ranges`);
      const data = Array.from(encodedSemanticTokens(analysis, tokens));
      assert.deepEqual(data, semanticTokens(full), `step ${step}: semantic tokens`);
      if (step > 0) assert.ok(symbols.lastReused > 0 && folding.lastReused > 0, `step ${step}: the untouched items' symbols and ranges were reused`);
      counted.push(serviceReferences(data));
    }
    assert.ok(counted[1] > counted[0], 'the references to avail_0 in the second sla are shown as services');
    assert.equal(counted[2], counted[0], 'and as indicators again after the undo');
  });

  it('document symbols kept in one language are made again in another', () => {
    const kept = new KeptSymbols();
    const analysis = analyze(generateContract(200));
    const english = documentSymbols(analysis, 'en', kept);
    const chinese = documentSymbols(analysis, 'zh-CN', kept);
    assert.notDeepEqual(chinese, english); // a compensation's detail counts its tiers in Chinese
    assert.deepEqual(chinese, documentSymbols(analysis, 'zh-CN'));
    assert.deepEqual(documentSymbols(analysis, 'en', kept), documentSymbols(analysis, 'en'));
  });
});
