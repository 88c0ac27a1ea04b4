// A report in the shape of LANGUAGE.md section 5 (with this server's extra fields), used by
// the client unit tests.
import type { Report } from '../../server/src/evaluation/report';

export function sampleReport(): Report {
  return {
    sla: 'LanyingIM',
    version: '2.1.0',
    title: '蓝莺IM 企业级聊天云服务',
    timezone: 'Asia/Shanghai',
    at: null,
    metricsRead: 3,
    warnings: [],
    objectives: [
      {
        name: 'uptime',
        title: null,
        indicator: 'probe',
        kind: 'availability',
        unit: '%',
        window: 'calendar month',
        target: { aggregate: null, op: '>=', value: 99.9, unit: '%' },
        results: [
          { start: '2026-09-01T00:00:00+08:00', end: '2026-10-01T00:00:00+08:00', samples: 9000, attained: 99.95, status: 'met', credit: 0, coverage: null },
          { start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', samples: 11340, attained: 99.87654, status: 'breached', credit: 10, coverage: null },
          { start: '2026-11-01T00:00:00+08:00', end: '2026-12-01T00:00:00+08:00', samples: 0, attained: null, status: 'no-data', credit: 0, coverage: null },
          { start: '2026-12-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00', samples: 8000, attained: 100, status: 'met', credit: 0, coverage: null },
        ],
      },
      {
        name: 'latency_p95',
        title: null,
        indicator: 'api_latency',
        kind: 'latency',
        unit: 'ms',
        window: 'calendar month',
        target: { aggregate: 'p95', op: '<=', value: 1, unit: 's' },
        results: [
          { start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', samples: 500, attained: 432, status: 'met', credit: 0, coverage: null },
          { start: '2026-11-01T00:00:00+08:00', end: '2026-12-01T00:00:00+08:00', samples: 480, attained: 1250, status: 'breached', credit: 5, coverage: null },
        ],
      },
    ],
    credits: [
      { start: '2026-10-01T00:00:00+08:00', end: '2026-11-01T00:00:00+08:00', percent: 10, amount: 1200, currency: 'CNY', period: 'month', uncapped: 10, cap: 50 },
      { start: '2026-11-01T00:00:00+08:00', end: '2026-12-01T00:00:00+08:00', percent: 5, amount: 600, currency: 'CNY', period: 'month', uncapped: 5, cap: 50 },
    ],
  };
}
