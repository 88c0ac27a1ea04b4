// Helpers for evaluation tests: contracts from text, metrics from CSV text in temp files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluateFiles, type EvaluateOptions, type Report } from '../../server/src/evaluation/index';
import type { SampleSink } from '../../server/src/evaluation/ports';
import { CsvSource } from '../../server/src/evaluation/sources/csv';
import { ZoneRules } from '../../server/src/evaluation/timezone';

/** A minimal clean contract around the given items (no warnings that matter to evaluation). */
export function contract(items: string, name = 'Test'): string {
  return `sla ${name} {
  version "1"
  provider "P"
  customer "C"
  reporting monthly
  review quarterly
${items}
}
`;
}

export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-eval-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Evaluates a contract text against one CSV text (header `timestamp,metric,value` added when missing). */
export async function evaluateCsv(contractText: string, csv: string, options: EvaluateOptions = {}): Promise<Report> {
  const body = /^timestamp,metric,value/.test(csv) ? csv : `timestamp,metric,value\n${csv}`;
  const file = tempFile('metrics.csv', body);
  return (await evaluateFiles(contractText, 'contract.sla', [file], options)).report;
}

/** CSV rows `t,metric,value` from pairs. */
export function rows(metric: string, samples: [string | number, number][]): string {
  return samples.map(([t, v]) => `${t},${metric},${v}\n`).join('');
}

/** Instants every `stepMs` in [start, end) as RFC 3339 UTC strings. */
export function every(startIso: string, endIso: string, stepMs: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(startIso); t < Date.parse(endIso); t += stepMs) out.push(new Date(t).toISOString());
  return out;
}

export function results(report: Report, objective: string) {
  const o = report.objectives.find((x) => x.name === objective);
  if (!o) throw new Error(`no objective ${objective} in the report`);
  return o.results;
}

/**
 * Every row of a CSV file as its source hands it over (`metric timestamp value`, -0 apart
 * from 0: the report alone would not show a millisecond off), and how many came in batches
 * (the fast path) rather than one at a time (the general path).
 */
export async function handedOver(file: string, zone: string, metricId: (name: string) => number): Promise<{ samples: string[]; batched: number }> {
  const samples: string[] = [];
  let batched = 0;
  const sink: SampleSink = {
    zone: ZoneRules.of(zone)!,
    metricId,
    add: (metric, timestamp, value) => void samples.push(sample(metric, timestamp, value)),
    addRows: (metrics, timestamps, values, count) => {
      for (let i = 0; i < count; i++) samples.push(sample(metrics[i], timestamps[i], values[i]));
      batched += count;
      return undefined;
    },
    rowsRead: () => {},
  };
  await new CsvSource(file).read(sink);
  return { samples, batched };
}

const sample = (metric: number, timestamp: number, value: number) => `${metric} ${timestamp} ${Object.is(value, -0) ? '-0' : value}`;
