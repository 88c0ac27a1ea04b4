// Small queries over the AST shared by the services: which node is at an offset, what an
// objective measures (read from the linked facts), which scope holds a position. Every
// child may be missing after error recovery, so every step tolerates `undefined`.
import type { Compensation, Indicator, Objective, Sla, SlaItem, Span, TargetItem } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { factsOfObjective, firstItem, linkedFactsOf, type ObjectiveFacts, type SlaFacts } from '../../language/linked';
import { scopeAt, type SlaScope } from '../../language/scope';
import { nodePathAt as nodePathInAst, type AstNode } from '../../language/traverse';

/** The scope of the sla around `offset`; else the last one starting before it; else the first. */
export function scopeNear(analysis: Analysis, offset: number): SlaScope | undefined {
  const scopes = analysis.scopes;
  const around = scopeAt(scopes, offset);
  if (around) return around;
  let before: SlaScope | undefined;
  for (const scope of scopes) if (scope.sla.offset <= offset) before = scope;
  return before ?? scopes[0];
}

/** The sla or item whose `{` starts at `braceOffset`. */
export function nodeWithBodyAt(analysis: Analysis, braceOffset: number): Sla | SlaItem | undefined {
  const path = nodePathAt(analysis, braceOffset);
  return path.find((node) => 'body' in node && node.body?.offset === braceOffset) as Sla | SlaItem | undefined;
}

export { kindOf } from '../../language/linked';

/** The linked facts of the sla of `scope`: what its objectives mean, read once per document version. */
export function slaFacts(scope: SlaScope): SlaFacts {
  return linkedFactsOf(scope);
}

/** The linked facts of an objective of the sla of `scope`. */
export function objectiveFacts(scope: SlaScope, objective: Objective): ObjectiveFacts {
  return factsOfObjective(linkedFactsOf(scope), objective);
}

export function targetOf(objective: Objective | undefined): TargetItem | undefined {
  return firstItem(objective?.items, 'Target');
}

/** The indicator an objective names, when it resolves to one. */
export function indicatorOf(scope: SlaScope | undefined, objective: Objective | undefined): Indicator | undefined {
  return scope && objective ? objectiveFacts(scope, objective).indicator : undefined;
}

/** The objective a compensation clause is for. */
export function objectiveOf(scope: SlaScope | undefined, compensation: Compensation | undefined): Objective | undefined {
  return scope && compensation ? linkedFactsOf(scope).compensated.get(compensation) : undefined;
}

/** The compensation clauses of an objective. */
export function compensationsFor(sla: Sla, objectiveName: string | undefined): Compensation[] {
  if (!objectiveName) return [];
  return (sla.items ?? []).filter((i): i is Compensation => i?.type === 'Compensation' && i.target?.text === objectiveName);
}

export function contains(span: Span | undefined, offset: number): boolean {
  return span !== undefined && span.offset <= offset && offset <= span.endOffset;
}

/** The nodes around `offset`, outermost first: sla, item, sub-item (tier, severity, …). */
export function nodePathAt(analysis: Analysis, offset: number): AstNode[] {
  return nodePathInAst(analysis.parse.file, offset);
}
