// Indicators: SLA205 (bound to no data, or to both `metric` and `ratio`), SLA206 (no or
// unknown `kind`) and SLA210 (`unit` that does not fit the kind).
import { KINDS, type Indicator, type KindName } from '../ast';
import { suggest } from '../suggest';
import { dimensionOf, dimensionOfKind, unitsForKind } from '../units';
import { list, type Translate } from '../wording';
import type { CheckContext } from './context';
import { blockNameRange } from './describe';
import type { CheckTable } from './registry';

function checkDataBinding(indicator: Indicator, ctx: CheckContext): void {
  const metric = ctx.first(indicator.items, 'Metric');
  const ratio = ctx.first(indicator.items, 'Ratio');
  const name = indicator.name?.text ?? '';
  if (!metric && !ratio) {
    if (ctx.incomplete(indicator)) return;
    ctx.report(
      'SLA205',
      blockNameRange(indicator),
      ctx.t('check.sla205.noData', { name }),
    );
  } else if (metric && ratio) {
    const later = metric.offset > ratio.offset ? metric : ratio;
    ctx.report(
      'SLA205',
      later.range,
      ctx.t('check.sla205.both', { name }),
    );
  }
}

function checkKind(indicator: Indicator, ctx: CheckContext): void {
  const kind = ctx.first(indicator.items, 'Kind');
  if (!kind) {
    if (ctx.incomplete(indicator)) return;
    ctx.report(
      'SLA206',
      blockNameRange(indicator),
      ctx.t('check.sla206.missing', { name: indicator.name?.text ?? '', kinds: list(ctx.t, KINDS) }),
    );
    return;
  }
  const word = kind.value;
  if (!word || (KINDS as readonly string[]).includes(word.text)) return;
  const suggestion = suggest(word.text, KINDS);
  ctx.report(
    'SLA206',
    word.range,
    suggestion
      ? ctx.t('check.sla206.suggest', { kind: word.text, suggestion })
      : ctx.t('check.sla206.unknown', { kind: word.text, kinds: list(ctx.t, KINDS) }),
    suggestion ? { suggestion } : undefined,
  );
}

function checkUnit(indicator: Indicator, ctx: CheckContext): void {
  const word = ctx.first(indicator.items, 'Unit')?.value;
  if (!word) return; // most indicators: no look-up of their facts (a cold map look-up each, issue 15)
  const kind = ctx.kindOf(indicator);
  if (!kind) return;
  const dimension = dimensionOf(word.text);
  // An unknown unit word is the parser's SLA002.
  if (dimension === undefined || dimension === dimensionOfKind(kind)) return;
  const allowed = list(ctx.t, unitsForKind(kind).map((u) => `\`${u}\``));
  ctx.report('SLA210', word.range, ctx.t('check.sla210', { unit: word.text, kind, units: kindUnitsPhrase(ctx.t, kind), allowed }));
}

/** "`latency` is a duration (ms, s, …)", for messages. */
export function kindUnitsPhrase(t: Translate, kind: KindName): string {
  switch (dimensionOfKind(kind)) {
    case 'percent':
      return t('check.kindUnits.percent', { kind });
    case 'rate':
      return t('check.kindUnits.rate', { kind });
    default:
      return t('check.kindUnits.duration', { kind });
  }
}

export const indicatorChecks: CheckTable = { Indicator: [checkDataBinding, checkKind, checkUnit] };
