// (1.1) SLA214: an indicator's `every` (the interval at which samples are expected) must be
// above 0: `every 0s` would expect infinitely many samples. The unit of `every` (a duration)
// is checked with the other place-fixed units in quantities.ts.
import type { SampleEveryItem } from '../ast';
import { formatQuantity } from './describe';
import type { CheckContext } from './context';
import type { CheckTable } from './registry';

function checkEveryAboveZero(every: SampleEveryItem, ctx: CheckContext): void {
  const interval = every.interval;
  if (!interval || interval.value > 0) return;
  ctx.report('SLA214', interval.range, ctx.t('check.everyNotAboveZero', { interval: formatQuantity(interval) }));
}

export const samplingChecks: CheckTable = { SampleEvery: [checkEveryAboveZero] };
