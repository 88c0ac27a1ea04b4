// Quantities whose place fixes their unit (LANGUAGE.md section 3): `Duration` after
// `rolling`, `for`, `notice`, `claim within`, `response`, `resolve` and (1.1) an indicator's
// `every`; `Percent` after `credit`, `cap` and (1.1) `coverage`. The grammar reads any `Number [Unit]` there, so the unit is checked
// here, with the parser's codes: a missing unit is a syntax error (SLA001: a `Duration` was
// expected), a unit of the wrong sort an invalid literal (SLA002, as for `fee 5 ms`).
// Unknown unit words were already reported by the parser.
import type { CapItem, ClaimItem, CoverageItem, NoticeItem, OnItem, Quantity, SampleEveryItem, SeverityItem, Tier, WindowItem } from '../ast';
import { DURATION_MS, dimensionOf } from '../units';
import type { CheckContext } from './context';
import { formatNumber } from '../numberFormat';
import type { CheckTable } from './registry';

function expectDuration(quantity: Quantity | undefined, after: string, exampleUnit: string, ctx: CheckContext): void {
  if (!quantity) return;
  const unit = quantity.unit;
  if (unit !== undefined && unit in DURATION_MS) return;
  const example = `${formatNumber(quantity.value)}${exampleUnit}`;
  if (unit === undefined) {
    ctx.report('SLA001', quantity.range, ctx.t('check.duration.noUnit', { after, number: formatNumber(quantity.value), example }));
  } else if (dimensionOf(unit) !== undefined && dimensionOf(unit) !== 'duration') {
    ctx.report('SLA002', quantity.unitRange ?? quantity.range, ctx.t('check.duration.wrongUnit', { unit, after, example }));
  }
}

function expectPercent(quantity: Quantity | undefined, after: string, ctx: CheckContext, shareOf: 'fee' | 'samples' = 'fee'): void {
  if (!quantity) return;
  const unit = quantity.unit;
  if (unit === '%') return;
  const example = `${formatNumber(quantity.value)}%`;
  if (unit === undefined) {
    ctx.report('SLA001', quantity.range, ctx.t('check.percent.noUnit', { after, example }));
  } else if (unit !== '%' && dimensionOf(unit) !== undefined) {
    const share = ctx.t(shareOf === 'fee' ? 'check.shareOf.fee' : 'check.shareOf.samples');
    ctx.report('SLA002', quantity.unitRange ?? quantity.range, ctx.t('check.percent.wrongUnit', { unit, after, shareOf: share, example }));
  }
}

export const quantityChecks: CheckTable = {
  Window: [
    (window: WindowItem, ctx) => {
      if (window.form === 'rolling') expectDuration(window.duration, 'rolling', 'd', ctx);
    },
  ],
  On: [(on: OnItem, ctx) => expectDuration(on.duration, 'for', 'h', ctx)],
  Notice: [(notice: NoticeItem, ctx) => expectDuration(notice.duration, 'notice', 'h', ctx)],
  Claim: [(claim: ClaimItem, ctx) => expectDuration(claim.duration, 'within', 'd', ctx)],
  Severity: [
    (severity: SeverityItem, ctx) => {
      expectDuration(severity.response, 'response', 'm', ctx);
      expectDuration(severity.resolve, 'resolve', 'h', ctx);
    },
  ],
  Tier: [(tier: Tier, ctx) => expectPercent(tier.credit, 'credit', ctx)],
  Cap: [(cap: CapItem, ctx) => expectPercent(cap.percent, 'cap', ctx)],
  SampleEvery: [(every: SampleEveryItem, ctx) => expectDuration(every.interval, 'every', 'm', ctx)],
  Coverage: [(coverage: CoverageItem, ctx) => expectPercent(coverage.percent, 'coverage', ctx, 'samples')],
};
