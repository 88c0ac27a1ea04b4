// Equal content for two languages, as ../shared/bench/gen.py writes it: N objectives as one
// SLA contract and as OpenSLO v1 YAML (an SLI and an SLO document per objective). N = 500
// gives the 7,016-line contract of issue 15 (18,500 lines of YAML); N = 14,285 about 200,000 lines.
export function equalContent(n: number): { sla: string; yaml: string } {
  const sla = ['sla Big "benchmark" {', '  version "1.0.0"', '  provider "P"', '  customer "C"', '  effective 2026-01-01 to 2026-12-31', '  timezone "Asia/Shanghai"', '  schedule office {', '    mon..fri 09:00-18:00', '  }'];
  const yaml: string[] = [];
  for (let i = 0; i < n; i++) {
    sla.push(
      `  indicator probe_${i} {`, '    kind availability', `    metric "probe_success_${i}"`, '  }',
      `  objective uptime_${i} {`, `    indicator probe_${i}`, '    target >= 99.9%', '    window calendar month', '    during office', '  }',
      `  compensation for uptime_${i} {`, '    below 99.9% credit 10%', '    below 99.0% credit 25%', '  }',
    );
    yaml.push(
      '---', 'apiVersion: openslo/v1', 'kind: SLI', 'metadata:', `  name: probe-${i}`, 'spec:',
      '  ratioMetric:', '    counter: true', '    good:', '      metricSource:', '        type: Prometheus',
      '        spec:', `          query: sum(probe_success_${i})`, '    total:', '      metricSource:',
      '        type: Prometheus', '        spec:', `          query: count(probe_success_${i})`,
      '---', 'apiVersion: openslo/v1', 'kind: SLO', 'metadata:', `  name: uptime-${i}`, 'spec:',
      '  service: web', `  indicatorRef: probe-${i}`, '  budgetingMethod: Occurrences',
      '  timeWindow:', '    - duration: 1M', '      isRolling: false', '      calendar:',
      '        startTime: "2026-01-01 00:00:00"', '        timeZone: Asia/Shanghai',
      '  objectives:', '    - displayName: uptime', '      target: 0.999', '      op: gte',
    );
  }
  sla.push('  credits {', '    cap 50%', '    claim within 30d', '  }', '  reporting monthly to "x@y.z"', '  review quarterly', '}');
  return { sla: sla.join('\n') + '\n', yaml: yaml.join('\n') + '\n' };
}
