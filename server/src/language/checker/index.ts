// The semantic checker (LANGUAGE.md section 4, every code but the parser's SLA001/SLA002).
// Walks each sla once and runs the checks registered for each node's type; each area
// module owns its codes (see the table in registry order below).
import type { ContractFile, Position } from '../ast';
import type { Diagnostic } from '../diagnostics';
import { linkSlas, type SlaFacts } from '../linked';
import { buildScopes, type SlaScope } from '../scope';
import { childrenOf } from '../traverse';
import { breachCoverChecks } from './breachCover';
import { compensationChecks } from './compensation';
import { CheckContext, type CheckOptions } from './context';
import { comparePositions } from '../text';
import { indicatorChecks } from './indicator';
import { nameChecks } from './names';
import { objectiveChecks } from './objective';
import { onceChecks } from './once';
import { percentChecks } from './percent';
import { quantityChecks } from './quantities';
import { mergeTables, type Check, type CheckedNode, type CheckedType } from './registry';
import { samplingChecks } from './sampling';
import { scheduleChecks } from './schedule';
import { slaChecks } from './sla';
import { effectiveDateChecks } from './effectiveDates';
import { supportChecks } from './support';
import { coverageChecks } from './coverage';
import { reviewChecks } from './review';

const REGISTRY = mergeTables([
  nameChecks, // SLA100–102
  onceChecks, // SLA103
  objectiveChecks, // SLA200, 201, 202, 204, 207, 208, 209
  percentChecks, // SLA203
  indicatorChecks, // SLA205, 206, 210
  coverageChecks, // SLA211–213
  samplingChecks, // SLA214
  compensationChecks, // SLA300–311
  breachCoverChecks, // SLA312
  scheduleChecks, // SLA400
  slaChecks, // SLA401, 402, 500–504
  effectiveDateChecks, // SLA404, 405
  supportChecks, // SLA406
  reviewChecks, // SLA505
  quantityChecks, // SLA001/SLA002 for units fixed by their place (the grammar reads any quantity there)
]);

/**
 * Checks a parsed file. `scopes` and the `linked` facts are worked out when not given. `parseDiagnostics` (the
 * parser's) lets the checker stay quiet about parts a syntax error may have swallowed:
 * a block with a syntax error in it is not also told that it lacks a `target`.
 */
export type { CheckOptions };

export function check(
  file: ContractFile,
  scopes?: SlaScope[],
  parseDiagnostics: readonly Diagnostic[] = [],
  linked: readonly SlaFacts[] = linkSlas(scopes ?? buildScopes(file)),
  options: CheckOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntaxErrors = syntaxErrorsOf(parseDiagnostics);
  for (const facts of linked) {
    const ctx = new CheckContext(facts, out, syntaxErrors, options);
    walk(facts.sla, undefined, ctx);
  }
  return sortDiagnostics(out);
}

function walk(node: CheckedNode, parent: CheckedNode | undefined, ctx: CheckContext): void {
  const checks = REGISTRY[node.type] as readonly Check<CheckedType>[] | undefined;
  if (checks) for (const run of checks) run(node as never, ctx, parent);
  for (const child of childrenOf(node)) walk(child, node, ctx);
}

/** Where the parser's syntax errors (SLA001) start. Invalid literals (SLA002) lose no structure. */
function syntaxErrorsOf(parseDiagnostics: readonly Diagnostic[]): Position[] {
  return parseDiagnostics.filter((d) => d.code === 'SLA001').map((d) => d.range.start);
}

/** Sorts by start position, then end position, then code: the order editors and the CLI show. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      comparePositions(a.range.start, b.range.start) ||
      comparePositions(a.range.end, b.range.end) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
