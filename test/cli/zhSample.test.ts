// The Chinese 蓝莺IM sample (samples/lanying-im.zh.sla) evaluated by the built CLI as `npm start`
// runs it, against samples/metrics/zh (scripts/generate-sample-metrics.ts). The expected values
// are worked by hand from the outages the generator writes (business hours 09:00-18:00, 540
// minutes a working day, one probe a minute):
// - September: 22 working days (21 weekdays without the Mid-Autumn holiday on the 25th, plus
//   the make-up Sunday the 20th) = 11880 min; 6 minutes down on the 20th count, 120 minutes
//   down on the 25th do not: 11874 / 11880 = 99.9495%, met.
// - October: 18 working days (22 weekdays without 1, 2, 5, 6, 7 October, plus the make-up
//   Saturday the 10th) = 9720 min; 45 minutes down on the 10th count, 300 minutes on the 2nd
//   do not: 9675 / 9720 = 99.5370%, below 99.9%: 10% of 12000 CNY.
// The same contract without its `on` line, or without its holidays, gives other results: both
// lines matter.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempTree } from '../helpers/cli';

const SAMPLE = 'samples/lanying-im.zh.sla';
const METRICS = path.join(ROOT, 'samples', 'metrics', 'zh');

interface Result {
  start: string;
  samples: number;
  attained: number | null;
  status: string;
  credit: number;
}
interface Report {
  objectives: { name: string; results: Result[] }[];
  credits: { start: string; percent: number; amount?: number; currency?: string }[];
}

function evaluate(contract: string, cwd = ROOT): Report {
  const run = runCli(['evaluate', contract, '--metrics', METRICS, '--format', 'json'], { cwd });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

/** The sample's text changed by `edit`, evaluated from a temporary directory. */
function evaluateVariant(edit: (text: string) => string): Report {
  const original = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
  const text = edit(original);
  assert.notEqual(text, original, 'the edit changed nothing');
  return evaluate('c.sla', tempTree({ 'c.sla': text }));
}

function availability(report: Report): [string, number, number, string, number][] {
  const objective = report.objectives.find((o) => o.name === '可用性');
  assert.ok(objective, 'objective 可用性');
  return objective.results.map((r) => [r.start.slice(0, 7), r.samples, Number(r.attained?.toFixed(4)), r.status, r.credit]);
}

describe('sla evaluate: the Chinese 蓝莺IM sample (holidays and make-up working days)', function () {
  this.timeout(60_000);

  it('checks with no diagnostics', () => {
    const run = runCli(['check', SAMPLE]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /0 errors, 0 warnings, 0 information/);
  });

  it('counts the make-up working days and leaves the holidays out', () => {
    const report = evaluate(SAMPLE);
    assert.deepEqual(availability(report), [
      ['2026-09', 11880, 99.9495, 'met', 0],
      ['2026-10', 9720, 99.537, 'breached', 10],
    ]);
    const latency = report.objectives.find((o) => o.name === '响应时间_p95');
    assert.deepEqual(latency?.results.map((r) => r.status), ['met', 'met']);
    assert.deepEqual(
      report.credits.map((c) => [c.start, c.percent, c.amount, c.currency]),
      [['2026-10-01T00:00:00+08:00', 10, 1200, 'CNY']],
    );
  });

  it('without the `on` line, the outages on the make-up days would not count', () => {
    const report = evaluateVariant((text) => text.replace(/^\s*on 2026-09-20, 2026-10-10 .*\n/m, ''));
    assert.deepEqual(availability(report), [
      ['2026-09', 11340, 100, 'met', 0],
      ['2026-10', 9180, 100, 'met', 0],
    ]);
    assert.deepEqual(report.credits.filter((c) => c.percent > 0), []);
  });

  it('without the holidays, the outages on the Mid-Autumn and National Day holidays would count', () => {
    const report = evaluateVariant((text) => text.replace(/^\s*holidays [\d-]+,\n(\s+[\d-, ]+\n)+/m, ''));
    // September: 23 days = 12420 min, 126 down: 98.9855%; October: 23 days = 12420 min, 345 down: 97.2222%.
    assert.deepEqual(availability(report), [
      ['2026-09', 12420, 98.9855, 'breached', 25],
      ['2026-10', 12420, 97.2222, 'breached', 25],
    ]);
  });

  it('prints the Chinese names in the text report, as `npm start` runs it', () => {
    const run = runCli(['evaluate', SAMPLE, '--metrics', 'samples/metrics/zh', '--locale', 'zh-CN']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^蓝莺IM "蓝莺IM 企业级聊天云服务"/);
    assert.match(run.stdout, /^可用性: 拨测 >= 99\.9%/m);
    assert.match(run.stdout, /^响应时间_p95: 接口延迟 p95 <= 500ms/m);
    assert.match(run.stdout, /1200 CNY/);
  });

  it('is evaluated by `npm start` beside the English sample', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts.start, /evaluate samples\/lanying-im\.sla /);
    assert.match(pkg.scripts.start, /evaluate samples\/lanying-im\.zh\.sla --metrics samples\/metrics\/zh/);
  });
});
