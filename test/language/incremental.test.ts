// Differential tests of incremental analysis (issue 15): after seeded random edit sequences
// (typing, deleting, pasting across item boundaries, junk, unbalanced braces), the analysis
// reached edit by edit equals a full analysis of the same text: AST, tokens, comments,
// diagnostics, and what the services make of them (symbols, folding, semantic tokens,
// hover and completion at random positions). A failure names the seed and the step.
import { strict as assert } from 'node:assert';
import type { IToken } from 'chevrotain';
import type { TokenList } from '../../server/src/language/tokenList';
import { mulberry32 } from '../../scripts/prng';
import { analyze, analyzeEdit, type Analysis, type TextEdit } from '../../server/src/language/analyze';
import { reparse } from '../../server/src/language/reparse';
import { carryOver } from '../../server/src/language/reuse';
import type { Definition } from '../../server/src/language/scope';
import { completion } from '../../server/src/services/features/completion';
import { foldingRanges } from '../../server/src/services/features/folding';
import { hover } from '../../server/src/services/features/hover';
import { semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { LineIndex } from '../../server/src/language/text';
import { generateContract } from '../../bench/contractGenerator';
import { fuzzCase, samples } from '../fuzz/fuzzer';

const SEED = Number(process.env.SLA_INCREMENTAL_SEED ?? 20261205);
/**
 * The random sequences run from several seeds: one seed missed a wrong diagnostic that a
 * third of other seeds found (the sla's `}` taken before the edit: session 12).
 */
const SEEDS = [SEED, SEED + 1000, SEED + 2000];

/** The smallest edit that turns `before` into `after` (common prefix and suffix kept). */
function editBetween(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const tokenFacts = (tokens: IToken[]) => tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn]);

/**
 * The scopes as data: each definition and reference by name and place, and whether every
 * object it points to is the analysis's own (its sla, an item of it, the name in that item).
 */
function scopeFacts(analysis: Analysis) {
  const itemsOf = new Set(analysis.parse.file.slas.flatMap((sla) => sla.items));
  const definition = (scope: Analysis['scopes'][number], d: Definition | undefined) =>
    d && [d.name, d.sort, d.node.offset, d.nameSpan.offset, d.sla === scope.sla, d.node.type === 'Severity' || (itemsOf.has(d.node as never) && (d.node as { name?: unknown }).name === d.nameSpan)];
  return analysis.scopes.map((scope) => ({
    sla: analysis.parse.file.slas.indexOf(scope.sla),
    definitions: [...scope.definitions].map(([name, d]) => [name, definition(scope, d)]),
    duplicates: scope.duplicates.map((d) => definition(scope, d)),
    severities: [...scope.severities].map(([name, d]) => [name, definition(scope, d)]),
    references: scope.references.map((r) => [r.ref.text, r.ref.offset, r.clause, r.expected, r.sla === scope.sla, definition(scope, r.definition), r.definition === scope.definitions.get(r.ref.text)]),
  }));
}

/** Throws, naming the first difference, unless `incremental` is what a full analysis of its text gives. */
function assertSameAnalysis(incremental: Analysis, next: () => number, what: string, compareFacts = false): void {
  const text = incremental.text;
  const full = analyze(text);
  assert.deepEqual(incremental.parse.file, full.parse.file, `${what}: AST`);
  assert.deepEqual(tokenFacts(incremental.parse.tokens.slice()), tokenFacts(full.parse.tokens.slice()), `${what}: tokens`);
  assert.deepEqual(incremental.parse.comments, full.parse.comments, `${what}: comments`);
  assert.deepEqual(incremental.diagnostics, full.diagnostics, `${what}: diagnostics`);
  assert.deepEqual(scopeFacts(incremental), scopeFacts(full), `${what}: scopes`);
  if (compareFacts) {
    assert.deepEqual(incremental.linked, full.linked, `${what}: linked facts`);
    // Facts updated in place keep the text order of their maps (readers iterate them).
    const order = (analysis: Analysis) => analysis.linked.map((f) => [f.indicators, f.objectives, f.schedules, f.maintenances, f.compensated].map((map) => [...map.keys()].map((node) => node.offset)));
    assert.deepEqual(order(incremental), order(full), `${what}: order of the linked facts`);
  }
  assert.deepEqual(documentSymbols(incremental), documentSymbols(full), `${what}: symbols`);
  assert.deepEqual(foldingRanges(incremental), foldingRanges(full), `${what}: folding`);
  assert.deepEqual(semanticTokens(incremental), semanticTokens(full), `${what}: semantic tokens`);
  const lines = new LineIndex(text);
  for (let i = 0; i < 2; i++) {
    const position = lines.positionAt(Math.floor(next() * (text.length + 1)));
    assert.deepEqual(hover(incremental, position), hover(full, position), `${what}: hover at ${position.line}:${position.character}`);
    assert.deepEqual(completion(incremental, position), completion(full, position), `${what}: completion at ${position.line}:${position.character}`);
  }
}

const TYPED = ['a', '_', '7', ' ', '\n', '.', '%', '"', '{', '}', '/', '*', '蓝', 'ms', 'objective', 'target >= 99.9%', '\r\n', '）'];

/** One random edit of `text`: typing, deleting, pasting a piece of the text elsewhere, junk, braces. */
function randomEdit(analysis: Analysis, next: () => number): string {
  const text = analysis.text;
  const int = (n: number) => Math.floor(next() * n);
  const at = int(text.length + 1);
  if (next() < 0.6) return carefulEdit(analysis, next) ?? text;
  const roll = next();
  if (roll < 0.35) return text.slice(0, at) + TYPED[int(TYPED.length)] + text.slice(at); // typing
  if (roll < 0.55) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + int(roll < 0.45 ? 3 : 200))); // deleting
  if (roll < 0.8) {
    // pasting a piece of the text (often whole items, across item boundaries)
    const from = int(text.length);
    return text.slice(0, at) + text.slice(from, from + 1 + int(400)) + text.slice(at);
  }
  if (roll < 0.9) {
    // replacing a word by another word of the text
    const from = int(text.length);
    return text.slice(0, at) + text.slice(from, from + int(12)) + text.slice(Math.min(text.length, at + int(12)));
  }
  return text.slice(0, at) + (next() < 0.5 ? '{' : '}') + text.slice(at); // unbalanced braces
}

/** An edit a user makes in a valid contract: in a word or string, or a whole item moved, copied, deleted, or a line break between items. */
function carefulEdit(analysis: Analysis, next: () => number): string | undefined {
  const text = analysis.text;
  const int = (n: number) => Math.floor(next() * n);
  const items = analysis.parse.file.slas.flatMap((sla) => sla.items);
  const tokens = analysis.parse.tokens.slice();
  if (items.length === 0 || tokens.length === 0) return undefined;
  const roll = next();
  if (roll < 0.4) {
    // inside a token: typing or deleting one character
    const token = tokens[int(tokens.length)];
    const at = token.startOffset + 1 + int(Math.max(1, token.image.length - 1));
    return next() < 0.6 ? text.slice(0, at) + 'abc1_ .'[int(7)] + text.slice(at) : text.slice(0, at - 1) + text.slice(at);
  }
  const item = items[int(items.length)];
  const whole = text.slice(item.offset, item.endOffset);
  const target = items[int(items.length)];
  if (roll < 0.6) return text.slice(0, target.offset) + whole + '\n  ' + text.slice(target.offset); // copy an item
  if (roll < 0.75) return text.slice(0, item.offset) + text.slice(item.endOffset); // delete an item
  if (roll < 0.9) return text.slice(0, target.endOffset) + '\n' + text.slice(target.endOffset); // a line break after an item
  return text.slice(0, item.offset) + text.slice(item.offset, item.endOffset).replace(/\n/g, '\r\n') + text.slice(item.endOffset); // line ends changed
}

/** A token replaced by another token of the same type found in the text (a number, a word, a name, a unit, …). */
function wordReplaced(analysis: Analysis, next: () => number): string {
  const text = analysis.text;
  const tokens = analysis.parse.tokens.slice();
  if (tokens.length === 0) return text;
  const token = tokens[Math.floor(next() * tokens.length)];
  const alike = tokens.filter((t) => t.tokenType === token.tokenType && t.image !== token.image);
  const other = alike.length > 0 ? alike[Math.floor(next() * alike.length)] : token;
  return text.slice(0, token.startOffset) + other.image + text.slice(token.startOffset + token.image.length);
}

describe('incremental analysis equals full analysis', function () {
  this.timeout(120_000);
  const valid = samples().filter((s) => !s.name.startsWith('broken'));
  const bases = [...valid, { name: 'two slas', text: `${valid[0].text}\n${valid[1].text}` }, { name: 'generated', text: generateContract(400) }];

  it(`random edit sequences (seeds ${SEEDS.join(', ')}): every step equals a full analysis, and at least a quarter of the steps take the incremental path`, () => {
    let steps = 0;
    let incrementalSteps = 0;
    for (const seed of SEEDS) for (const [b, base] of bases.entries()) {
      const next = mulberry32(seed + b);
      let analysis = analyze(base.text);
      for (let step = 0; step < 24; step++) {
        // Half the time the edit is undone next, so the text keeps returning to a valid contract.
        const before = analysis.text;
        const text = step % 2 === 1 && next() < 0.6 ? base.text : randomEdit(analysis, next);
        const edit = editBetween(before, text);
        const what = `seed ${seed}, ${base.name}, step ${step} (edit ${JSON.stringify(edit)}; SLA_INCREMENTAL_SEED=${seed} to reproduce)`;
        if (reparse(analyze(before).parse, before, text, edit)) incrementalSteps++;
        analysis = analyzeEdit(analysis, text, edit);
        assertSameAnalysis(analysis, next, what);
        steps++;
      }
    }
    assert.ok(incrementalSteps >= steps / 4, `only ${incrementalSteps} of ${steps} steps were incremental`);
  });

  it(`words replaced by others of their kind (seed ${SEED}): values, kinds, units, names and references change; facts and diagnostics equal a full analysis, many steps reuse the untouched items`, () => {
    let steps = 0;
    let reusing = 0;
    let scopesCarried = 0;
    for (const [b, base] of [...valid, { name: 'generated', text: generateContract(120) }].entries()) {
      const next = mulberry32(SEED + 100 + b);
      let analysis = analyze(base.text);
      for (let step = 0; step < 16; step++) {
        const before = analysis.text;
        const text = step % 4 === 3 ? base.text : wordReplaced(analysis, next);
        const edit = editBetween(before, text);
        const what = `seed ${SEED}, ${base.name}, step ${step} (edit ${JSON.stringify(edit)}; SLA_INCREMENTAL_SEED=${SEED} to reproduce)`;
        const fresh = analyze(before);
        const parsed = reparse(fresh.parse, before, text, edit);
        if (parsed && carryOver(fresh, parsed)?.plan) reusing++;
        const tables = new Set(analysis.scopes.map((scope) => scope.references));
        analysis = analyzeEdit(analysis, text, edit);
        if (analysis.scopes.some((scope) => tables.has(scope.references))) scopesCarried++;
        assertSameAnalysis(analysis, next, what, true);
        steps++;
      }
    }
    // Most replaced words are names, references or sla-wide items: no reuse there, by design.
    assert.ok(reusing >= steps / 8, `only ${reusing} of ${steps} steps reused items`);
    assert.ok(scopesCarried >= reusing, `the scope was carried over in only ${scopesCarried} of ${steps} steps (items reused in ${reusing})`);
  });

  it('typing a description and a name, character by character, in a generated contract: incremental at every step', () => {
    const base = generateContract(2000);
    const next = mulberry32(SEED);
    let analysis = analyze(base);
    for (const [anchor, typed] of [
      ['Generated service number 17', ' and more'],
      ['indicator avail_20', 'x'],
    ] as const) {
      let at = analysis.text.indexOf(anchor) + anchor.length;
      for (const char of typed) {
        const text = analysis.text.slice(0, at) + char + analysis.text.slice(at);
        const edit = { start: at, oldEnd: at, newEnd: at + 1 };
        assert.ok(reparse(analyze(analysis.text).parse, analysis.text, text, edit), `typing ${JSON.stringify(char)} after ${anchor} was not incremental`);
        analysis = analyzeEdit(analysis, text, edit);
        assertSameAnalysis(analysis, next, `typing after ${anchor}`);
        at++;
      }
    }
    // The renamed indicator is now unknown where it is used: a semantic error, still incremental.
    assert.ok(analysis.diagnostics.some((d) => d.code === 'SLA101'));
  });

  it('names, references, sla-wide facts and a duplicate far away changed between keystrokes: facts, scopes and diagnostics equal a full analysis at every step', () => {
    const base = generateContract(400);
    const duplicate = '  indicator avail_3 {\n    kind availability\n    metric "dup"\n  }\n';
    const steps: [string, (text: string) => string][] = [
      ['typing into a metric', (t) => t.replace('metric "probe_success_5"', 'metric "probe_success_5x"')],
      ['a duplicate of an early name, far below it', (t) => t.replace('  service svc_8 ', duplicate + '  service svc_8 ')],
      ['typing into the duplicate', (t) => t.replace('metric "dup"', 'metric "dupx"')],
      ['typing into the first definition', (t) => t.replace('metric "probe_success_3"', 'metric "probe_success_3y"')],
      ['a line break above the first definition (the duplicate names its line)', (t) => t.replace('  indicator avail_2 {', '\n  indicator avail_2 {')],
      ['a reference changed', (t) => t.replace('    indicator avail_6\n', '    indicator avail_5\n')],
      ['typing after it', (t) => t.replace('metric "probe_success_7"', 'metric "probe_success_7z"')],
      ['the reference back', (t) => t.replace('    indicator avail_5\n    target >= 99.9%\n    window calendar month\n    during office\n    excluding nightly\n  }\n  objective fast_6', '    indicator avail_6\n    target >= 99.9%\n    window calendar month\n    during office\n    excluding nightly\n  }\n  objective fast_6')],
      ['a definition renamed (its references now unknown)', (t) => t.replace('  indicator latency_9 {', '  indicator latency_9b {')],
      ['typing while they are unknown', (t) => t.replace('metric "latency_10_ms"', 'metric "latency_10_msq"')],
      ['typing in the renamed one', (t) => t.replace('metric "latency_9_ms"', 'metric "latency_9_msq"')],
      ['the effective dates changed', (t) => t.replace('effective 2026-01-01 to 2026-12-31', 'effective 2026-06-01 to 2026-12-31')],
      ['typing after that', (t) => t.replace('metric "probe_success_4"', 'metric "probe_success_4w"')],
      ['a threshold changed', (t) => t.replace('below 99.0% credit 25%', 'below 99.0% credit 5%')],
      ['the time zone changed', (t) => t.replace('timezone "Europe/Berlin"', 'timezone "Asia/Shanghai"')],
      ['typing in a maintenance window', (t) => t.replace('notice 48h', 'notice 4h')],
      ['typing in a schedule', (t) => t.replace('mon..fri 08:00-18:00', 'mon..fri 09:00-18:00')],
      ['the duplicate removed', (t) => t.replace(duplicate.replace('"dup"', '"dupx"'), '')],
      ['typing after that', (t) => t.replace('metric "probe_success_1"', 'metric "probe_success_1v"')],
    ];
    const next = mulberry32(SEED);
    let analysis = analyze(base);
    let planned = 0;
    for (const [what, change] of steps) {
      const text = change(analysis.text);
      assert.notEqual(text, analysis.text, `${what}: the step changes the text`);
      const edit = editBetween(analysis.text, text);
      const fresh = analyze(analysis.text);
      const parsed = reparse(fresh.parse, fresh.text, text, edit);
      if (parsed && carryOver(fresh, parsed)?.plan) planned++;
      analysis = analyzeEdit(analysis, text, edit);
      assertSameAnalysis(analysis, next, what, true);
    }
    assert.ok(analysis.diagnostics.some((d) => d.code === 'SLA101'), 'the renamed indicator is unknown where it is used');
    assert.ok(planned >= 8, `only ${planned} of ${steps.length} steps carried facts and diagnostics over`);
  });

  it('the fuzz corpus: each mutated sample, as one edit of the sample, equals its full analysis', () => {
    const all = samples();
    const next = mulberry32(SEED);
    for (let index = 0; index < 120; index++) {
      const fuzz = fuzzCase(all, SEED, index);
      const base = all[index % all.length].text;
      const analysis = analyzeEdit(analyze(base), fuzz.text, editBetween(base, fuzz.text));
      assertSameAnalysis(analysis, next, `fuzz case ${index} of seed ${SEED} (${fuzz.sample}, ${fuzz.kinds.join('+')})`);
    }
  });

  for (const unfinished of ['deleted', 'left'] as const) it(`typing items through their syntax errors, items left broken ${unfinished === 'left' ? 'left in place' : 'deleted'} (seeds ${SEEDS.slice(0, 2).join(', ')}): every keystroke equals a full analysis, and nearly all of those with syntax errors are incremental`, () => {
    // What an editor sends while a user types a new item between others: a character at a
    // time, `{` and `"` closed at once (as VS Code does), now and then a backspace or a
    // mistake typed on; the text is broken at most keystrokes, in the typed item, and maybe
    // in items typed before and left unfinished.
    const ITEMS = [
      '\n  objective new_one { indicator probe_7 target >= 99.5% window calendar month }',
      '\n  indicator latency_x "Latency" { kind latency metric "api_ms" unit ms }',
      '\n  compensation for uptime_2 { below 99.9% credit 10% below 99.0% credit 25% }',
      '\n  schedule weekend { sat..sun 00:00-24:00 }',
      '\n  objective broken { indicator target 99.. window rolling }',
    ];
    const bases = [generateContract(300), samples().find((s) => s.name === 'lanying-im.sla')!.text];
    let keystrokes = 0;
    let withErrors = 0;
    let incrementalWithErrors = 0;
    for (const seed of SEEDS.slice(0, 2)) for (const [b, base] of bases.entries()) {
      const next = mulberry32(seed + 100 + b);
      let analysis = analyze(base);
      for (let round = 0; round < 6; round++) {
        const items = analysis.parse.file.slas[0].items;
        // At the end of an item: a line break, then the item.
        const start = items[Math.floor(next() * items.length)].endOffset;
        let at = start;
        const typed = ITEMS[Math.floor(next() * ITEMS.length)];
        for (let i = 0; i < typed.length; i++) {
          const before = analysis.text;
          const char = typed[i];
          let text: string;
          let edit: TextEdit;
          if ((char === '}' || char === '"') && before[at] === char) {
            at++; // typed over the one closed at once
            continue;
          } else if (next() < 0.06 && i > 0 && !'{"'.includes(typed[i - 1])) {
            text = before.slice(0, at - 1) + before.slice(at); // a backspace: the character before is typed again next
            edit = { start: at - 1, oldEnd: at, newEnd: at - 1 };
            i -= 2;
            at--;
          } else {
            const insert = char === '{' ? '{}' : char === '"' ? '""' : char;
            text = before.slice(0, at) + insert + before.slice(at);
            edit = { start: at, oldEnd: at, newEnd: at + insert.length };
            at++;
          }
          const previousHadErrors = analysis.parse.diagnostics.some((d) => d.code === 'SLA001');
          const incremental = reparse(analyze(before).parse, before, text, edit) !== undefined;
          analysis = analyzeEdit(analysis, text, edit);
          // Linked facts compared at every third keystroke (a deep comparison of every fact of the sla).
          assertSameAnalysis(analysis, next, `seed ${seed}, base ${b}, round ${round}, ${JSON.stringify(typed.slice(0, i + 1))}`, keystrokes % 3 === 0);
          keystrokes++;
          if (previousHadErrors || analysis.parse.diagnostics.some((d) => d.code === 'SLA001')) {
            withErrors++;
            if (incremental) incrementalWithErrors++;
          }
        }
        // An item left broken is deleted (at once) before the next one is typed elsewhere, or left.
        if (unfinished === 'deleted' && analysis.parse.diagnostics.some((d) => d.code === 'SLA001')) {
          const text = analysis.text.slice(0, start) + analysis.text.slice(at);
          analysis = analyzeEdit(analysis, text, { start, oldEnd: at, newEnd: start });
          assertSameAnalysis(analysis, next, `seed ${seed}, base ${b}, round ${round}, the broken item deleted`, true);
        }
      }
    }
    assert.ok(withErrors > keystrokes / 2, `${withErrors} of ${keystrokes} keystrokes had syntax errors before or after`);
    assert.ok(incrementalWithErrors > withErrors * 0.9, `${incrementalWithErrors} of ${withErrors} keystrokes with syntax errors were incremental`);
  });


  it('references typed in an objective, a compensation clause retargeted, definitions renamed, an item added and removed: linked facts and diagnostics equal a full analysis at every step', () => {
    let analysis = analyze(generateContract(200));
    const steps: [string, string][] = [
      ['    indicator avail_4\n', '    indicator avail_4x\n'],
      ['    indicator avail_4x\n', '    indicator lat\n'],
      ['    indicator lat\n', '    indicator latency_4\n'],
      ['compensation for uptime_5 {', 'compensation for uptime_6 {'],
      ['compensation for uptime_6 {', 'compensation for upt {'],
      ['compensation for upt {', 'compensation for uptime_5 {'],
      // Definitions renamed: what named them reads another definition, or none.
      ['  indicator avail_4 {', '  indicator avail_4b {'],
      ['  indicator avail_4b {', '  indicator latency_4 {'],
      ['  indicator latency_4 {', '  indicator avail_4 {'],
      ['  objective uptime_4 {', '  objective uptime_4x {'],
      ['  objective uptime_4x {', '  objective uptime_4 {'],
      ['  compensation for uptime_4 {\n    below 99.9% credit 10%\n    below 99.0% credit 25%\n  }', ''],
      ['  objective uptime_4 {', '  objective uptime_4y {'],
      ['  objective uptime_4y {', '  objective uptime_4 {'],
      // An item added, then removed.
      ['  objective uptime_4 {', '  objective brand_new { indicator avail_4 target >= 99% window calendar month }\n  objective uptime_4 {'],
      ['  objective brand_new { indicator avail_4 target >= 99% window calendar month }\n', ''],
    ];
    for (const [from, to] of steps) {
      const before = analysis.text;
      const at = before.indexOf(from);
      assert.ok(at >= 0, from);
      const text = before.slice(0, at) + to + before.slice(at + from.length);
      const farAway = [...analysis.linked[0].objectives].at(-1)!;
      analysis = analyzeEdit(analysis, text, editBetween(before, text));
      assertSameAnalysis(analysis, mulberry32(at), `${from.trim()} → ${to.trim()}`, true);
      // A reference typed, an indicator renamed: the facts of the items it does not touch are kept.
      if (from.startsWith('    indicator') || from.startsWith('  indicator') || to === '  objective uptime_4y {') assert.equal(analysis.linked[0].objectives.get(farAway[0]), farAway[1], `${to.trim()}: the last objective's facts kept`);
    }
  });

  it('items added, removed and replaced by items of other types (clauses, duplicates, a new first definition): facts, scopes and diagnostics equal a full analysis, the untouched items\' facts kept', () => {
    let analysis = analyze(generateContract(600));
    const clause = '  compensation for uptime_4 {\n    below 99.9% credit 10%\n    below 99.0% credit 25%\n  }\n';
    const steps: [string, string, string][] = [
      ['a new objective with its clause between items', '  objective fast_5 {', '  objective extra {\n    indicator avail_5\n    target >= 99%\n    window calendar month\n  }\n  compensation for extra {\n    below 99% credit 5%\n  }\n  objective fast_5 {'],
      ['a compensation clause removed', clause, ''],
      ['the clause back', '  compensation for fast_4 {', clause + '  compensation for fast_4 {'],
      ['a second clause for the same objective', '  compensation for fast_4 {', clause + '  compensation for fast_4 {'],
      ['the second clause removed', clause + clause, clause],
      ['a definition above the first one of its name (it becomes the first)', '  indicator avail_3 {', '  indicator avail_6 {\n    kind availability\n    metric "earlier"\n  }\n  indicator avail_3 {'],
      ['that duplicate removed', '  indicator avail_6 {\n    kind availability\n    metric "earlier"\n  }\n', ''],
      ['an objective replaced by an indicator of its name', '  objective uptime_7 {', '  indicator uptime_7 {\n    kind availability\n    metric "x"\n  }\n  objective uptime_7b {'],
      ['and back', '  indicator uptime_7 {\n    kind availability\n    metric "x"\n  }\n  objective uptime_7b {', '  objective uptime_7 {'],
      ['an objective with a clause removed (the clause names nothing)', '  objective uptime_9 {\n    service svc_9\n    indicator avail_9\n    target >= 99.9%\n    window calendar month\n    during office\n    excluding nightly\n  }\n', ''],
      ['an indicator and an objective naming it pasted', '  service svc_11 ', '  indicator pasted {\n    kind availability\n    metric "pasted"\n  }\n  objective uptime_9 {\n    indicator pasted\n    target >= 99.5%\n    window calendar month\n  }\n  service svc_11 '],
      ['the pasted indicator removed (its objective names nothing)', '  indicator pasted {\n    kind availability\n    metric "pasted"\n  }\n', ''],
    ];
    let planned = 0;
    for (const [what, from, to] of steps) {
      const before = analysis.text;
      const at = before.indexOf(from);
      assert.ok(at >= 0, `${what}: ${from}`);
      const text = before.slice(0, at) + to + before.slice(at + from.length);
      const edit = editBetween(before, text);
      const fresh = analyze(before);
      const parsed = reparse(fresh.parse, before, text, edit);
      if (parsed && carryOver(fresh, parsed)?.plan) planned++;
      const farAway = [...analysis.linked[0].objectives].at(-1)!;
      analysis = analyzeEdit(analysis, text, edit);
      assertSameAnalysis(analysis, mulberry32(at), what, true);
      assert.equal(analysis.linked[0].objectives.get(farAway[0]), farAway[1], `${what}: the last objective's facts kept`);
    }
    assert.equal(planned, steps.length, 'every step carried facts and diagnostics over');
    assert.ok(analysis.diagnostics.some((d) => d.code === 'SLA101'), 'the removed indicator is unknown where it is used');
  });

  it('the sla\'s `}` taken by an item or a block before the edit (an objective without its `{` at the end, `review q{uarterly`): the edit that mends it equals a full analysis', () => {
    const base = samples().find((s) => s.name === 'lanying-im.sla')!.text;
    const close = base.lastIndexOf('}');
    const cases: [string, string, string][] = [
      // The objective's block closed by the sla's `}`: the sla left open, reported at the end.
      ['an objective at the end given its `{}`', base.slice(0, close) + '  objective broken \n' + base.slice(close), '  objective broken {}\n'],
      // A `{` typed into the last words of an item opens a block that takes the sla's `}`.
      ['a `{` typed into `review quarterly`, then deleted', base.replace('review quarterly', 'review q{uarterly'), '  review quarterly'],
    ];
    for (const [what, broken, mended] of cases) {
      const before = analyze(broken);
      assert.ok(before.diagnostics.some((d) => d.code === 'SLA001'), `${what}: the text before has a syntax error`);
      const text = what.startsWith('an objective') ? broken.replace('  objective broken \n', mended) : broken.replace('  review q{uarterly', mended);
      assert.notEqual(text, broken);
      assertSameAnalysis(analyzeEdit(before, text, editBetween(broken, text)), mulberry32(1), what, true);
    }
  });

  it('a new item typed right after one left broken: incremental at every keystroke (the region takes in the broken item), equal to a full analysis', () => {
    let analysis = analyze(generateContract(300));
    // An objective left without its target's comparator, then a new objective typed after it.
    const anchor = '  objective fast_3 {';
    const broken = '  objective left { indicator avail_3 target 99.9% window calendar month }\n';
    let text = analysis.text.replace(anchor, broken + anchor);
    analysis = analyzeEdit(analysis, text, editBetween(analysis.text, text));
    assert.ok(analysis.diagnostics.some((d) => d.code === 'SLA001'), 'the objective left broken has a syntax error');
    let at = analysis.text.indexOf(broken) + broken.length;
    let incremental = 0;
    let keystrokes = 0;
    for (const char of '  objective typed { indicator avail_3 target >= 99% window calendar month }\n') {
      const before = analysis.text;
      if (char === '}' && before[at] === '}') {
        at++;
        continue;
      }
      const insert = char === '{' ? '{}' : char;
      text = before.slice(0, at) + insert + before.slice(at);
      const edit = { start: at, oldEnd: at, newEnd: at + insert.length };
      if (reparse(analyze(before).parse, before, text, edit)) incremental++;
      analysis = analyzeEdit(analysis, text, edit);
      assertSameAnalysis(analysis, mulberry32(at), `${JSON.stringify(char)} typed at ${at}`, keystrokes % 4 === 0);
      keystrokes++;
      at++;
    }
    assert.equal(incremental, keystrokes, `${incremental} of ${keystrokes} keystrokes were incremental`);
  });

  it('`objective` typed on a line of its own above an item, which it then takes for its name: the region takes in that item, incremental at every keystroke', () => {
    let analysis = analyze(generateContract(200));
    let at = analysis.text.indexOf('\n  indicator latency_3 {');
    for (const char of '\n  objective') {
      const text = analysis.text.slice(0, at) + char + analysis.text.slice(at);
      const edit = { start: at, oldEnd: at, newEnd: at + 1 };
      assert.ok(reparse(analyze(analysis.text).parse, analysis.text, text, edit), `typing ${JSON.stringify(char)} was not incremental`);
      analysis = analyzeEdit(analysis, text, edit);
      assertSameAnalysis(analysis, mulberry32(at), `typing ${JSON.stringify(char)}`);
      at++;
    }
    assert.ok(analysis.parse.diagnostics.some((d) => d.code === 'SLA001'));
  });

  it('an item typed with an unclosed string, with blocks left open, or nested too deep equals a full analysis', () => {
    const base = generateContract(200);
    const anchor = '\n  indicator latency_3 {';
    const at = base.indexOf(anchor);
    // The string's SLA001 explains the errors after it on its line; a `{` left open deepens every
    // later block (63 of them: the nesting cap cuts blocks after the edit).
    for (const typed of ['\n  objective x { target "99.9% window\n  }', '\n  objective x { indicator "abc  \n }', '\n  objective y {', '\n  objective z ' + '{ '.repeat(63)]) {
      for (let end = 1; end <= typed.length; end += Math.max(1, Math.floor(typed.length / 7))) {
        const text = base.slice(0, at) + typed.slice(0, end) + base.slice(at);
        const edit = { start: at, oldEnd: at, newEnd: at + end };
        assertSameAnalysis(analyzeEdit(analyze(base), text, edit), mulberry32(end), `${JSON.stringify(typed.slice(0, end))} typed`);
      }
    }
  });

  it('no two places of an AST share a span or position object (reused items are moved in place)', () => {
    for (const base of bases) {
      const seen = new Map<object, string>();
      const walk = (value: unknown, path: string): void => {
        if (typeof value !== 'object' || value === null) return;
        const first = seen.get(value);
        assert.equal(first, undefined, `${base.name}: ${path} is the same object as ${first}`);
        seen.set(value, path);
        for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
      };
      walk(analyze(base.text).parse.file, 'file');
    }
  });

  it('falls back to a full analysis when the incremental path fails', () => {
    const base = generateContract(300);
    const previous = analyze(base);
    const at = base.indexOf('Generated service number 3') + 10;
    const text = base.slice(0, at) + 'x' + base.slice(at);
    // A previous analysis whose parse is broken (no token array) makes reparse throw.
    const broken: Analysis = { ...previous, parse: { ...previous.parse, tokens: undefined as unknown as TokenList } };
    assert.throws(() => reparse(broken.parse, base, text, { start: at, oldEnd: at, newEnd: at + 1 }));
    const analysis = analyzeEdit(broken, text, { start: at, oldEnd: at, newEnd: at + 1 });
    assertSameAnalysis(analysis, mulberry32(SEED), 'after a failed incremental parse');
  });
});
