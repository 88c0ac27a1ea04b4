// The linked facts are the one meaning of a contract: the checker and the evaluator's
// model must read the same value unit, target, polarity and tier thresholds for every
// objective of every sample and fixture.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/language/analyze';
import { CheckContext } from '../../server/src/language/checker/context';
import { linkedFactsOf, linkedFactsOfSla, type ObjectiveFacts } from '../../server/src/language/linked';
import { buildModel, type ObjectiveModel } from '../../server/src/evaluation/model';
import { EvaluationError } from '../../server/src/evaluation/errors';
import { contract } from '../evaluation/helpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function slaFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...slaFiles(file));
    else if (entry.name.endsWith('.sla')) found.push(file);
  }
  return found;
}

/** Every contract that evaluates: the samples and the test fixtures without error diagnostics. */
const CONTRACTS = [...slaFiles(path.join(ROOT, 'samples')), ...slaFiles(path.join(ROOT, 'test'))]
  .filter((file) => !file.includes(`${path.sep}broken${path.sep}`))
  .map((file) => ({ file: path.relative(ROOT, file), analysis: analyze(readFileSync(file, 'utf8')) }))
  .filter(({ analysis }) => !analysis.diagnostics.some((d) => d.severity === 'error'));

/** What both sides must agree on, from the checker's facts. */
function checkerView(facts: ObjectiveFacts) {
  return {
    unit: facts.valueUnit,
    target: facts.targetValue,
    higherIsBetter: facts.higherIsBetter,
    ratio: facts.ratio,
    tiers: facts.tiers.filter((t) => t.node.threshold && t.node.credit).map((t) => [t.direction, t.threshold, t.credit]),
  };
}

/** The same from the evaluator's model: polarity is what its comparator and tiers imply. */
function evaluatorView(model: ObjectiveModel) {
  const up = model.op === '>=' || model.op === '>';
  return {
    unit: model.unit,
    target: model.target,
    higherIsBetter: up,
    ratio: model.source.type === 'ratio' ? model.source.polarity : undefined,
    tiers: model.tiers.map((t) => [t.direction, t.threshold, t.credit]),
  };
}

describe('linked facts: the checker and the evaluator agree', () => {
  it('covers the samples and fixtures (a list that cannot silently shrink to nothing)', () => {
    const files = CONTRACTS.map((c) => c.file);
    for (const sample of ['api-gateway', 'cloud-compute', 'ecommerce-platform', 'lanying-im', 'support-desk']) {
      assert.ok(files.includes(path.join('samples', `${sample}.sla`)), `samples/${sample}.sla is clean and checked`);
    }
    assert.ok(files.includes(path.join('test', 'fixtures', 'example.sla')));
  });

  for (const { file, analysis } of CONTRACTS) {
    it(`agrees on every objective of ${file}`, () => {
      assert.ok(analysis.linked.length > 0, 'the file has an sla');
      for (const linked of analysis.linked) {
        // The checker reads the very facts stored on the analysis.
        const ctx = new CheckContext(linked, [], []);
        // The evaluator's model, from the bare block as a worker thread gets it.
        const model = buildModel(structuredClone(linked.sla));
        const objectives = [...linked.objectives.values()];
        assert.ok(objectives.length > 0, `sla ${linked.sla.name?.text} has objectives`);
        assert.equal(model.objectives.length, objectives.length);
        objectives.forEach((facts, i) => {
          assert.equal(ctx.facts(facts.node), facts);
          const name = facts.node.name?.text;
          assert.equal(model.objectives[i].name, name);
          assert.ok(facts.valueUnit && facts.targetValue !== undefined, `${name}: unit and target are known`);
          assert.deepEqual(evaluatorView(model.objectives[i]), checkerView(facts), `objective ${name}`);
        });
      }
    });
  }

  it('is worked out once per analysis: the evaluator is handed the facts the checker read', () => {
    const analysis = analyze(readFileSync(path.join(ROOT, 'samples', 'lanying-im.sla'), 'utf8'));
    const [linked] = analysis.linked;
    assert.equal(linkedFactsOf(analysis.scopes[0]), linked);
    assert.equal(linkedFactsOfSla(linked.sla), linked);
    // A clone (what a worker thread receives) is linked afresh, to the same meaning.
    const clone = structuredClone(linked.sla);
    assert.notEqual(linkedFactsOfSla(clone), linked);
    assert.deepEqual(buildModel(clone).objectives.map((o) => [o.unit, o.target]), buildModel(linked.sla).objectives.map((o) => [o.unit, o.target]));
  });

  it('settles the unit once: a declared unit that fits, a target converted into it', () => {
    const analysis = analyze(
      contract(`indicator api { kind latency metric "api_ms" unit s }
  objective fast { indicator api target p95 <= 500ms window calendar month }
  compensation for fast { above 800ms credit 10% above 2s credit 25% }
  credits { claim within 30d }`),
    );
    const linked = analysis.linked[0];
    const facts = [...linked.objectives.values()][0];
    assert.equal(facts.valueUnit, 's');
    assert.equal(facts.targetValue, 0.5);
    assert.deepEqual(facts.tiers.map((t) => t.threshold), [0.8, 2]);
    const model = buildModel(linked.sla, linked).objectives[0];
    assert.equal(model.unit, 's');
    assert.equal(model.target, 0.5);
    assert.deepEqual(model.tiers.map((t) => t.threshold), [0.8, 2]);
  });

  it('reads a ratio as a percentage whatever its kind, with its own polarity', () => {
    const analysis = analyze(
      contract(`indicator fast { kind latency ratio good "fast_requests" total "requests" }
  objective quick { indicator fast target >= 99% window calendar month }`),
    );
    const facts = [...analysis.linked[0].objectives.values()][0];
    assert.deepEqual([facts.valueUnit, facts.higherIsBetter, facts.needsAggregate, facts.targetValue], ['%', true, false, 99]);
    const model = buildModel(analysis.linked[0].sla).objectives[0];
    assert.deepEqual([model.unit, model.reduction, model.target], ['%', { type: 'ratio' }, 99]);
  });

  it('resolves schedules and maintenance windows once, for hover and evaluator alike', () => {
    const analysis = analyze(
      contract(`timezone "Asia/Shanghai"
  schedule office { mon..fri 09:00-12:00, 13:00-18:00 holidays 2026-10-01 }
  maintenance nightly { every sat..sun 02:00-04:00 on 2026-10-03T01:00 for 2h }
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99.9% window calendar month during office excluding nightly }`),
    );
    const facts = [...analysis.linked[0].objectives.values()][0];
    assert.deepEqual(facts.during?.ranges, [
      { days: [0, 1, 2, 3, 4], start: 540, end: 720 },
      { days: [0, 1, 2, 3, 4], start: 780, end: 1080 },
    ]);
    assert.deepEqual(facts.during?.holidays, [{ year: 2026, month: 10, day: 1 }]);
    assert.deepEqual(facts.excluding[0].maintenance?.recurring, [{ days: [5, 6], start: 120, end: 240 }]);
    assert.equal(facts.excluding[0].maintenance?.windows[0].durationMs, 7_200_000);
    const model = buildModel(analysis.linked[0].sla).objectives[0];
    assert.deepEqual(model.schedule?.ranges[0].days, [true, true, true, true, true, false, false]);
    // 2026-10-03T01:00 in Shanghai (UTC+8) is 2026-10-02T17:00Z.
    assert.equal(model.maintenance[0].windows[0].start, Date.UTC(2026, 9, 2, 17));
  });

  it('stays tolerant of a partial AST, and the evaluator still names what is missing', () => {
    const analysis = analyze('sla S {\n  objective o {\n    indicator nowhere\n    target >= \n  }\n  compensation for o {\n    below\n  }\n}\n');
    const facts = [...analysis.linked[0].objectives.values()][0];
    assert.equal(facts.indicator, undefined);
    assert.equal(facts.targetValue, undefined);
    assert.throws(() => buildModel(analysis.linked[0].sla), (e: unknown) => e instanceof EvaluationError && /no indicator named nowhere/.test(e.message));
  });
});
