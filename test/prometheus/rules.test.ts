// The rules `sla export prometheus-rules` writes for every sample, loaded into a real
// Prometheus (started by the suite's helpers with a rule_files entry): every group is
// loaded and every rule evaluates without error (health "ok" in /api/v1/rules).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PrometheusUnavailable, ensureTools, startPrometheus, type RunningPrometheus } from '../../scripts/prometheus/prometheus';
import { ROOT, runCli } from '../helpers/cli';

interface RulesResponse {
  status: string;
  data: { groups: { name: string; file: string; rules: { name: string; type: string; health: string; lastError?: string }[] }[] };
}

describe('exported Prometheus rules in a real Prometheus', function () {
  let prometheus: RunningPrometheus | undefined;
  let dir: string;
  const exported = new Map<string, string>();

  before(async function () {
    this.timeout(600_000);
    dir = mkdtempSync(path.join(tmpdir(), 'sla-rules-'));
    for (const sample of readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.sla'))) {
      const file = path.join(dir, `${path.basename(sample, '.sla')}.rules.yml`);
      const run = runCli(['export', 'prometheus-rules', path.join('samples', sample), '-o', file]);
      assert.equal(run.status, 0, `${sample}: ${run.stderr}`);
      exported.set(file, sample);
    }
    let tools;
    try {
      tools = ensureTools();
    } catch (error) {
      if (!(error instanceof Error && error.name === PrometheusUnavailable.name) || /^(true|1|yes)$/i.test(process.env.CI ?? '')) throw error;
      process.stderr.write(`      Skipping: ${error.message}\n`);
      this.skip();
    }
    const yesterday = Math.floor(Date.now() / 60_000) * 60_000 - 86_400_000;
    const times = Array.from({ length: 60 }, (_, i) => yesterday + i * 60_000);
    const series = [{ name: 'probe_success', labels: {}, times, values: times.map(() => 1) }];
    prometheus = await startPrometheus({ series, tools, ruleFiles: [...exported.keys()], evaluationInterval: '1s' });
  });

  after(async function () {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every exported group, and every rule evaluates healthy', async function () {
    this.timeout(120_000);
    let body: RulesResponse | undefined;
    // Each group is evaluated once a second; wait until every rule has been (health leaves "unknown").
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await fetch(`${prometheus!.url}/api/v1/rules`);
      body = (await response.json()) as RulesResponse;
      const rules = body.data.groups.flatMap((g) => g.rules);
      if (rules.length > 0 && rules.every((r) => r.health !== 'unknown')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(body?.status, 'success');
    const files = new Set(body!.data.groups.map((g) => g.file));
    assert.deepEqual([...files].sort(), [...exported.keys()].sort());
    const lanying = body!.data.groups.filter((g) => g.name.startsWith('sla-LanyingIM-')).map((g) => g.name);
    assert.deepEqual(lanying.sort(), ['sla-LanyingIM-latency_p95', 'sla-LanyingIM-uptime']);
    for (const group of body!.data.groups) {
      assert.ok(group.rules.some((r) => r.type === 'alerting'), `${group.name} has no alert`);
      for (const rule of group.rules) assert.equal(rule.health, 'ok', `${group.name} ${rule.name}: ${rule.health} ${rule.lastError ?? ''}`);
    }
  });
});
