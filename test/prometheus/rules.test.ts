// The rules `sla export prometheus-rules` writes for every sample, loaded into a real
// Prometheus (started by the suite's helpers with a rule_files entry): every group is
// loaded and every rule evaluates without error (health "ok" in /api/v1/rules); and a
// contract whose probe has failed for the last two hours (backfilled up to now) pages and
// tickets (/api/v1/alerts).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PrometheusUnavailable, ensureTools, startPrometheus, type RunningPrometheus } from '../../scripts/prometheus/prometheus';
import { ROOT, runCli } from '../helpers/cli';

interface RulesResponse {
  status: string;
  data: { groups: { name: string; file: string; rules: { name: string; type: string; health: string; lastError?: string }[] }[] };
}

const FAILING = `sla Shop {
  customer "Acme"
  indicator probe { kind availability metric "shop_probe_success" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
}
`;

interface AlertsResponse {
  data: { alerts: { labels: Record<string, string>; state: string }[] };
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
    // A contract of the suite's own whose probe has failed for the last two hours, up to now.
    const failing = path.join(dir, 'failing.rules.yml');
    writeFileSync(path.join(dir, 'failing.sla'), FAILING);
    const run = runCli(['export', 'prometheus-rules', path.join(dir, 'failing.sla'), '-o', failing]);
    assert.equal(run.status, 0, run.stderr);
    exported.set(failing, 'failing.sla');
    const now = Math.floor(Date.now() / 1000) * 1000;
    const times = Array.from({ length: 121 }, (_, i) => now - (120 - i) * 60_000);
    const series = [{ name: 'shop_probe_success', labels: { region: 'eu' }, times, values: times.map(() => 0) }];
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

  it('fires the page and ticket alerts of an objective whose probe has been failing', async function () {
    this.timeout(120_000);
    let firing: string[] = [];
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await fetch(`${prometheus!.url}/api/v1/alerts`);
      const body = (await response.json()) as AlertsResponse;
      firing = body.data.alerts.filter((a) => a.labels.sla === 'Shop' && a.state === 'firing').map((a) => a.labels.severity).sort();
      if (firing.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.deepEqual(firing, ['page', 'ticket']);
  });
});
