// Indicators: SLA205 (bound to no data, or to both `metric` and `ratio`), SLA206 (no or
// unknown `kind`) and SLA210 (`unit` that does not fit the kind).
import { KINDS, type Indicator, type KindName } from '../ast';
import { suggest } from '../suggest';
import { dimensionOf, dimensionOfKind, unitsForKind } from '../units';
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
      `indicator \`${name}\` is bound to no data: add \`metric "metric_name"\` ` +
        `or \`ratio good "good_metric" total "total_metric"\``,
    );
  } else if (metric && ratio) {
    const later = metric.offset > ratio.offset ? metric : ratio;
    ctx.report(
      'SLA205',
      later.range,
      `indicator \`${name}\` has both \`metric\` and \`ratio\`: keep one (a \`ratio\` computes ` +
        `the value from two metrics, a \`metric\` reads it directly)`,
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
      `indicator \`${indicator.name?.text ?? ''}\` has no \`kind\`: add a line like \`kind availability\` ` +
        `(one of ${KINDS.join(', ')})`,
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
      ? `unknown kind \`${word.text}\`; did you mean \`${suggestion}\`?`
      : `unknown kind \`${word.text}\`: use one of ${KINDS.join(', ')}`,
    suggestion ? { suggestion } : undefined,
  );
}

function checkUnit(indicator: Indicator, ctx: CheckContext): void {
  const word = ctx.first(indicator.items, 'Unit')?.value;
  const kind = ctx.kindOf(indicator);
  if (!word || !kind) return;
  const dimension = dimensionOf(word.text);
  // An unknown unit word is the parser's SLA002.
  if (dimension === undefined || dimension === dimensionOfKind(kind)) return;
  const allowed = unitsForKind(kind).map((u) => `\`${u}\``).join(', ');
  ctx.report(
    'SLA210',
    word.range,
    `unit \`${word.text}\` does not fit kind \`${kind}\`: ${kindUnitsPhrase(kind)}; use one of ${allowed}`,
  );
}

/** "a latency is a duration", for messages. */
export function kindUnitsPhrase(kind: KindName): string {
  switch (dimensionOfKind(kind)) {
    case 'percent':
      return `\`${kind}\` is measured in percent`;
    case 'rate':
      return `\`${kind}\` is a rate (rps, rpm)`;
    default:
      return `\`${kind}\` is a duration (ms, s, min, h, …)`;
  }
}

export const indicatorChecks: CheckTable = { Indicator: [checkDataBinding, checkKind, checkUnit] };
