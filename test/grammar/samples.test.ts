// The shipped sample contracts are meant to be copied: each must read as a clean contract,
// with no error, warning or information from the checker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { analyze } from '../../server/src/language/analyze';

const root = new URL('../../', import.meta.url);

describe('sample contracts', () => {
  const files = globSync(['samples/*.sla', 'test/fixtures/example.sla'], { cwd: root.pathname }).sort();

  it('ships the five samples', () => {
    for (const name of ['lanying-im', 'ecommerce-platform', 'cloud-compute', 'support-desk', 'api-gateway']) {
      assert.ok(files.includes(`samples/${name}.sla`), `samples/${name}.sla missing`);
    }
  });

  for (const file of files) {
    it(`${file} has no diagnostics`, () => {
      const { diagnostics, parse } = analyze(readFileSync(new URL(file, root), 'utf8'));
      const found = diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
      assert.deepEqual(found, []);
      assert.ok(parse.file.slas.length > 0, 'no sla block parsed');
    });
  }

  it('keeps the metric names and objectives the LanyingIM metrics are generated for', () => {
    const { parse } = analyze(readFileSync(new URL('samples/lanying-im.sla', root), 'utf8'));
    const sla = parse.file.slas[0];
    const objectives = sla.items.filter((i) => i?.type === 'Objective').map((o) => o.name?.text);
    assert.deepEqual(objectives, ['uptime', 'latency_p95', 'recovery']);
    const metrics = sla.items.flatMap((i) => (i?.type === 'Indicator' ? i.items : [])).filter((i) => i?.type === 'Metric');
    assert.deepEqual(metrics.map((m) => m.value?.value), ['probe_success', 'http_request_duration_ms', 'incident_recovery_minutes']);
  });
});
