// EvaluateOptions.daily (the report's daily series): each objective evaluated per calendar
// day with the evaluator's own rules, as if the contract said `window calendar day`, with no
// credits; the same whether a file is read on one thread or in parts.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateFiles } from '../../server/src/evaluation/index';
import { ROOT } from '../helpers/cli';

const EN = readFileSync(path.join(ROOT, 'samples', 'lanying-im.sla'), 'utf8');
const METRICS = [path.join(ROOT, 'samples', 'metrics', 'csv')];

describe('daily evaluation (EvaluateOptions.daily)', () => {
  it('gives the results of `window calendar day`, and owes no credit', async () => {
    const daily = await evaluateFiles(EN, 'lanying-im.sla', METRICS, { daily: true, parallel: { workers: 0 } });
    const written = await evaluateFiles(EN.replaceAll('window calendar month', 'window calendar day'), 'lanying-im.sla', METRICS, { parallel: { workers: 0 } });
    assert.deepEqual(
      daily.report.objectives.map((o) => o.results.map((r) => ({ ...r, credit: 0 }))),
      written.report.objectives.map((o) => o.results.map((r) => ({ ...r, credit: 0 }))),
    );
    assert.equal(daily.report.objectives[0].window, 'calendar day');
    // Probes run every day of September and October; only working days have a value (21 + 17), the others are no-data.
    assert.equal(daily.report.objectives[0].results.length, 30 + 31);
    assert.equal(daily.report.objectives[0].results.filter((r) => r.attained !== null).length, 21 + 17);
    assert.deepEqual(daily.report.credits, []);
    assert.ok(written.report.credits.length > 0, 'the written daily windows do owe credits');
  });

  it('is the same when a file is read in parts on worker threads', async () => {
    const one = await evaluateFiles(EN, 'lanying-im.sla', METRICS, { daily: true, parallel: { workers: 0 } });
    let parts = 0;
    const many = await evaluateFiles(EN, 'lanying-im.sla', METRICS, {
      daily: true,
      parallel: { workers: 2, minBytes: 0, onRead: (_file, n) => (parts = Math.max(parts, n)) },
    });
    assert.equal(parts, 2);
    const rounded = (r: typeof one.report) => JSON.parse(JSON.stringify(r.objectives, (k, v) => (k === 'attained' && typeof v === 'number' ? Number(v.toPrecision(12)) : v)));
    assert.deepEqual(rounded(many.report), rounded(one.report));
  });
});
