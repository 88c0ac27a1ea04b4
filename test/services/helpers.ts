// Helpers for unit tests of the pure feature functions: texts with `<|>` cursor markers.
import { strict as assert } from 'node:assert';
import { analyze, type Analysis } from '../../server/src/language/analyze';
import type { Position } from '../../server/src/language/ast';
import { completion } from '../../server/src/services/features/completion';
import { hover, type HoverOptions } from '../../server/src/services/features/hover';

/** Removes every `<|>` marker; returns the analysis of the clean text and the markers' positions. */
export function marked(text: string): { analysis: Analysis; positions: Position[]; text: string } {
  const positions: Position[] = [];
  let clean = '';
  let rest = text;
  for (;;) {
    const at = rest.indexOf('<|>');
    if (at < 0) break;
    clean += rest.slice(0, at);
    const lines = clean.split('\n');
    positions.push({ line: lines.length - 1, character: lines[lines.length - 1].length });
    rest = rest.slice(at + 3);
  }
  clean += rest;
  return { analysis: analyze(clean), positions, text: clean };
}

/** Completion labels at the (single) marker. */
export function completionLabels(text: string): string[] {
  const { analysis, positions } = marked(text);
  assert.equal(positions.length, 1, 'one <|> marker expected');
  return completion(analysis, positions[0]).map((item) => item.label);
}

/**
 * Asserts what completion offers at the marker: every label of `includes`, none of
 * `excludes`; with `exactly`, nothing else.
 */
export function expectCompletion(text: string, expected: { includes?: string[]; excludes?: string[]; exactly?: string[] }): string[] {
  const labels = completionLabels(text);
  for (const label of expected.includes ?? []) assert.ok(labels.includes(label), `expected ${label} in [${labels.join(', ')}]`);
  for (const label of expected.excludes ?? []) assert.ok(!labels.includes(label), `did not expect ${label} in [${labels.join(', ')}]`);
  if (expected.exactly) assert.deepEqual([...labels].sort(), [...expected.exactly].sort());
  return labels;
}

/** The hover text at the marker ('' when none). */
export function hoverText(text: string, options: HoverOptions = {}): string {
  const { analysis, positions } = marked(text);
  assert.equal(positions.length, 1, 'one <|> marker expected');
  const result = hover(analysis, positions[0], options);
  if (!result) return '';
  const contents = result.contents as { value: string };
  return contents.value;
}

/** Asserts that the hover at the marker contains every snippet. */
export function expectHover(text: string, snippets: (string | RegExp)[], options: HoverOptions = {}): string {
  const value = hoverText(text, options);
  for (const snippet of snippets) {
    if (typeof snippet === 'string') assert.ok(value.includes(snippet), `expected ${JSON.stringify(snippet)} in hover:\n${value}`);
    else assert.match(value, snippet);
  }
  return value;
}
