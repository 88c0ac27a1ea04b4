// Generates a large, valid contract for benchmarks: many services, indicators, objectives
// and compensation ladders, in the shape of the bundled samples.
export function generateContract(targetLines: number): string {
  const out: string[] = [
    '// Generated benchmark contract',
    'sla Bench "Benchmark contract" {',
    '  version "1.0"',
    '  provider "Bench Cloud"',
    '  customer "Bench Customer"',
    '  effective 2026-01-01 to 2026-12-31',
    '  timezone "Europe/Berlin"',
    '  fee 5000 EUR per month',
    '  schedule office { mon..fri 08:00-18:00 holidays 2026-12-24, 2026-12-25 }',
    '  maintenance nightly {',
    '    every daily 02:00-03:00',
    '    notice 48h',
    '  }',
    '  credits {',
    '    cap 100%',
    '    claim within 30d',
    '  }',
    '  reporting monthly to "reports@example.com"',
    '  review quarterly',
  ];
  for (let i = 0; out.length < targetLines - 2; i++) {
    out.push(
      `  service svc_${i} "Service ${i}" {`,
      `    description "Generated service number ${i}"`,
      `  }`,
      `  indicator avail_${i} {`,
      `    kind availability`,
      `    metric "probe_success_${i}"`,
      `  }`,
      `  indicator latency_${i} {`,
      `    kind latency`,
      `    metric "latency_${i}_ms"`,
      `    unit ms`,
      `  }`,
      `  objective uptime_${i} {`,
      `    service svc_${i}`,
      `    indicator avail_${i}`,
      `    target >= 99.9%`,
      `    window calendar month`,
      `    during office`,
      `    excluding nightly`,
      `  }`,
      `  objective fast_${i} {`,
      `    indicator latency_${i}`,
      `    target p95 <= 300ms`,
      `    window calendar month`,
      `  }`,
      `  compensation for uptime_${i} {`,
      `    below 99.9% credit 10%`,
      `    below 99.0% credit 25%`,
      `  }`,
      `  compensation for fast_${i} {`,
      `    above 300ms credit 5%`,
      `    above 1s credit 10%`,
      `  }`,
    );
  }
  out.push('}');
  return out.join('\n') + '\n';
}
