// Shared helpers of the checker tests: every test goes through `analyze` on contract text.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/language/analyze';
import type { Range } from '../../../server/src/language/ast';
import type { Diagnostic, Severity } from '../../../server/src/language/diagnostics';

export function diagnose(text: string): Diagnostic[] {
  return analyze(text).diagnostics;
}

/** The diagnostics of one code. */
export function withCode(text: string, code: string): Diagnostic[] {
  return diagnose(text).filter((d) => d.code === code);
}

/**
 * A contract with the header clauses every complete sla has (so SLA500–503 stay quiet)
 * around `body`. Ranges in tests are found with `find`, so the wrapping does not matter.
 */
export function contract(body: string): string {
  return `sla Test "Test contract" {
  version "1.0"
  provider "Provider Ltd."
  customer "Customer Ltd."
  reporting monthly
  review yearly
${body}
}
`;
}

/** The range of the `occurrence`-th (1-based) appearance of `needle` in `text`. */
export function find(text: string, needle: string, occurrence = 1): Range {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`test bug: "${needle}" occurs fewer than ${occurrence} times`);
  }
  return { start: positionOf(text, offset), end: positionOf(text, offset + needle.length) };
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export interface Expected {
  code: string;
  severity: Severity;
  range: Range;
  /** Words (or phrases) the message must contain. */
  words: string[];
}

/** Exactly one diagnostic of `expected.code`, matching every expectation. */
export function expectOne(text: string, expected: Expected): Diagnostic {
  const found = withCode(text, expected.code);
  assert.equal(found.length, 1, `expected one ${expected.code}, got: ${JSON.stringify(diagnose(text), null, 1)}`);
  expectMatch(found[0], expected);
  return found[0];
}

export function expectMatch(diagnostic: Diagnostic, expected: Expected): void {
  assert.equal(diagnostic.code, expected.code);
  assert.equal(diagnostic.severity, expected.severity);
  assert.deepEqual(diagnostic.range, expected.range, `range of ${expected.code}: ${diagnostic.message}`);
  for (const word of expected.words) {
    assert.ok(diagnostic.message.includes(word), `message of ${expected.code} lacks "${word}": ${diagnostic.message}`);
  }
}

export function expectNone(text: string, code: string): void {
  const found = withCode(text, code);
  assert.deepEqual(found, [], `unexpected ${code}`);
}

/** No diagnostic of any code at all (the contract is clean). */
export function expectClean(text: string): void {
  assert.deepEqual(diagnose(text), []);
}

/** The range of `needle` inside the first appearance of `context` in `text`. */
export function findIn(text: string, context: string, needle: string): Range {
  const contextStart = text.indexOf(context);
  const inner = context.indexOf(needle);
  if (contextStart < 0 || inner < 0) throw new Error(`test bug: "${needle}" in "${context}" not found`);
  const offset = contextStart + inner;
  return { start: positionOf(text, offset), end: positionOf(text, offset + needle.length) };
}
