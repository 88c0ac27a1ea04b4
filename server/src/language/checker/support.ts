// SLA406 (LANGUAGE.md 4, 1.1): a support severity whose `resolve` is shorter than its
// `response`: a ticket would have to be resolved before it is first answered.
import type { SeverityItem } from '../ast';
import { durationMs } from '../units';
import type { CheckContext } from './context';
import { formatQuantity } from './describe';
import type { CheckTable } from './registry';

function checkResolveAfterResponse(item: SeverityItem, ctx: CheckContext): void {
  const { response, resolve } = item;
  if (!response || !resolve) return;
  const responseMs = durationMs(response.value, response.unit);
  const resolveMs = durationMs(resolve.value, resolve.unit);
  if (responseMs === undefined || resolveMs === undefined || resolveMs >= responseMs) return;
  ctx.report(
    'SLA406',
    resolve.range,
    ctx.t('check.sla406', { severity: item.name?.text ?? '', resolve: formatQuantity(resolve), response: formatQuantity(response) }),
  );
}

export const supportChecks: CheckTable = { Severity: [checkResolveAfterResponse] };
