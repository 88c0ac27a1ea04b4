// Small queries over the AST shared by the services: which node is at an offset, what an
// objective measures, which scope holds a position. Every child may be missing after
// error recovery, so every step tolerates `undefined`.
import type {
  Indicator,
  KindName,
  Objective,
  Schedule,
  Sla,
  SlaItem,
  TargetItem,
  WindowItem,
  DuringItem,
  Compensation,
  Span,
} from '../language/ast';
import { KINDS } from '../language/ast';
import type { Analysis } from '../language/analyze';
import { lookup, scopeAt, type SlaScope } from '../language/scope';
import { nodePathAt as nodePathInAst, type AstNode } from '../language/traverse';

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

export function isKind(word: string | undefined): word is KindName {
  return word !== undefined && (KINDS as readonly string[]).includes(word);
}

/** The declared kind of an indicator, when it is a known kind. */
export function kindOf(indicator: Indicator | undefined): KindName | undefined {
  const word = indicator?.items?.find((i) => i?.type === 'Kind')?.value?.text;
  return isKind(word) ? word : undefined;
}

export function targetOf(objective: Objective | undefined): TargetItem | undefined {
  return objective?.items?.find((i): i is TargetItem => i?.type === 'Target');
}

export function windowOf(objective: Objective | undefined): WindowItem | undefined {
  return objective?.items?.find((i): i is WindowItem => i?.type === 'Window');
}

export function duringOf(objective: Objective | undefined): DuringItem | undefined {
  return objective?.items?.find((i): i is DuringItem => i?.type === 'During');
}

/** The indicator an objective names, when it resolves to one. */
export function indicatorOf(scope: SlaScope | undefined, objective: Objective | undefined): Indicator | undefined {
  const ref = objective?.items?.find((i) => i?.type === 'IndicatorRef');
  const name = ref && ref.type === 'IndicatorRef' ? ref.ref?.text : undefined;
  return scope ? (lookup(scope, name, 'indicator')?.node as Indicator | undefined) : undefined;
}

export function scheduleNamed(scope: SlaScope | undefined, name: string | undefined): Schedule | undefined {
  return scope ? (lookup(scope, name, 'schedule')?.node as Schedule | undefined) : undefined;
}

/** The objective a compensation clause is for. */
export function objectiveOf(scope: SlaScope | undefined, compensation: Compensation | undefined): Objective | undefined {
  return scope ? (lookup(scope, compensation?.target?.text, 'objective')?.node as Objective | undefined) : undefined;
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
