// (1.1) The data-coverage items and what they need: SLA211 (`missing down` needs `every` and
// an availability indicator read from a `metric`), SLA212 (objective `coverage` needs an
// indicator with `every`), SLA213 (`counters` needs a `ratio`).
import type { CountersItem, CoverageItem, Indicator, MissingDownItem, Objective } from '../ast';
import type { CheckContext } from './context';
import type { CheckTable } from './registry';

function has(indicator: Indicator, type: 'SampleEvery' | 'Ratio' | 'Metric'): boolean {
  return (indicator.items ?? []).some((i) => i?.type === type);
}

function checkMissingDown(item: MissingDownItem, ctx: CheckContext, parent: { type: string } | undefined): void {
  if (parent?.type !== 'Indicator') return;
  const indicator = parent as Indicator;
  const name = indicator.name?.text ?? '';
  const kind = ctx.kindOf(indicator);
  let reason: string | undefined;
  if (has(indicator, 'Ratio')) reason = ctx.t('check.sla211.ratio', { indicator: name });
  else if (kind !== undefined && kind !== 'availability') reason = ctx.t('check.sla211.kind', { indicator: name, kind });
  else if (!has(indicator, 'SampleEvery')) reason = ctx.t('check.sla211.every', { indicator: name });
  if (reason) ctx.report('SLA211', item.range, reason);
}

function checkCoverage(item: CoverageItem, ctx: CheckContext, parent: { type: string } | undefined): void {
  if (parent?.type !== 'Objective') return;
  const indicator = ctx.facts(parent as Objective).indicator;
  if (!indicator || has(indicator, 'SampleEvery')) return;
  ctx.report('SLA212', item.range, ctx.t('check.sla212', { objective: (parent as Objective).name?.text ?? '', indicator: indicator.name?.text ?? '' }));
}

function checkCounters(item: CountersItem, ctx: CheckContext, parent: { type: string } | undefined): void {
  if (parent?.type !== 'Indicator' || has(parent as Indicator, 'Ratio')) return;
  ctx.report('SLA213', item.range, ctx.t('check.sla213', { indicator: (parent as Indicator).name?.text ?? '' }));
}

export const coverageChecks: CheckTable = { MissingDown: [checkMissingDown], Coverage: [checkCoverage], Counters: [checkCounters] };
