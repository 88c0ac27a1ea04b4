// Sources choose their own reading: the evaluator asks a source that offers `readInParts`
// to read itself in parts (into sinks the evaluator builds and merges), and reads it in one
// pass when it declines; it knows no concrete source.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import { evaluate } from '../../server/src/evaluation/index';
import type { PartedReading, SampleSink, SampleSource } from '../../server/src/evaluation/ports';
import { contract } from './helpers';

const TEXT = contract(`
  timezone "UTC"
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 50% window calendar day }`);

/** Probes on 2026-10-05, one an hour: `up` for the first `upHours`, down after. */
function probes(sink: SampleSink, fromHour: number, toHour: number, upHours: number): void {
  const id = sink.metricId('up');
  for (let h = fromHour; h < toHour; h++) sink.add(id, Date.UTC(2026, 9, 5, h), h < upHours ? 1 : 0);
  sink.rowsRead(toHour - fromHour);
}

/** A source that reads itself in two parts when `parts` is true, and says how it was read. */
class TwoPartSource implements SampleSource {
  readonly name = 'two parts';
  readonly how: string[] = [];
  constructor(private readonly parts: boolean) {}

  async read(sink: SampleSink): Promise<void> {
    this.how.push('read');
    probes(sink, 0, 24, 18);
  }

  async readInParts(reading: PartedReading): Promise<boolean> {
    if (!this.parts) return false;
    this.how.push('parts');
    for (const [from, to] of [[0, 12], [12, 24]]) {
      const sink = reading.newSink(() => undefined);
      probes(sink, from, to, 18);
      reading.merge(sink.exportState());
    }
    return true;
  }
}

describe('evaluation: sources that read themselves in parts', () => {
  const sla = analyze(TEXT).parse.file.slas[0]!;

  it('are read in parts when they can, with the report of one pass', async () => {
    const inParts = new TwoPartSource(true);
    const onePass = new TwoPartSource(false);
    const a = await evaluate(sla, [inParts]);
    const b = await evaluate(sla, [onePass]);
    assert.deepEqual(inParts.how, ['parts']);
    assert.deepEqual(onePass.how, ['read']);
    assert.equal(a.rows, 24);
    assert.deepEqual(a.report, b.report);
    assert.deepEqual(
      a.report.objectives[0].results.map((r) => [r.start, r.samples, r.attained, r.status]),
      [['2026-10-05T00:00:00+00:00', 24, 75, 'met']],
    );
  });
});
