import assert from 'node:assert/strict';
import { layoutChart, renderChart, type ChartDatum, type ChartSpec } from '../../client/src/webview/chart';

function datum(value: number | null, status: ChartDatum['status'], label: string): ChartDatum {
  return { value, status, label, title: label };
}

const monthly: ChartSpec = {
  data: [
    datum(99.95, 'met', '2026-09'),
    datum(99.87654, 'breached', '2026-10'),
    datum(null, 'no-data', '2026-11'),
    datum(100, 'met', '2026-12'),
  ],
  target: 99.9,
  op: '>=',
  targetText: '≥ 99.9%',
  unit: '%',
};

/** y of a value on the chart's linear scale, from the geometry's own axis range. */
function expectedY(value: number, g: ReturnType<typeof layoutChart>): number {
  return g.plot.bottom - ((value - g.min) / (g.max - g.min)) * (g.plot.bottom - g.plot.top);
}

describe('client report chart', () => {
  it('has one point per period, in period order, no-data periods on the baseline', () => {
    const g = layoutChart(monthly);
    assert.equal(g.points.length, 4);
    const xs = g.points.map((p) => p.x);
    assert.deepEqual([...xs].sort((a, b) => a - b), xs, 'left to right');
    assert.equal(g.points[2].y, g.plot.bottom);
    const svg = renderChart(monthly, g);
    assert.equal(svg.match(/<circle /g)?.length, 4);
    assert.equal(svg.match(/<circle class="point breached"/g)?.length, 1);
    assert.equal(svg.match(/<circle class="point no-data"/g)?.length, 1);
    // The period without data breaks the line: two met/breached points before it, one after.
    assert.equal(svg.match(/<polyline /g)?.length, 1);
    assert.equal(/<polyline class="series" points="([^"]*)"/.exec(svg)?.[1].split(' ').length, 2);
  });

  it('draws the target line at the target’s y, with values above it higher on the chart', () => {
    const g = layoutChart(monthly);
    assert.ok(g.targetY !== undefined);
    assert.ok(Math.abs(g.targetY - expectedY(99.9, g)) < 1e-9);
    const [sep, oct, , dec] = g.points;
    assert.ok(sep.y < g.targetY && dec.y < g.targetY, 'met periods (above 99.9%) are drawn above the line');
    assert.ok(oct.y > g.targetY, 'the breached period is drawn below the line');
    const svg = renderChart(monthly, g);
    const line = /<line class="target" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="([\d.]+)"/.exec(svg);
    assert.ok(line);
    assert.ok(Math.abs(Number(line[1]) - g.targetY) < 0.01 && line[1] === line[2], 'horizontal, at targetY');
    assert.match(svg, /target ≥ 99\.9%/);
  });

  it('keeps the target on the chart even when every value is far from it', () => {
    const spec: ChartSpec = { data: [datum(120, 'met', 'a'), datum(130, 'met', 'b')], target: 500, op: '<=', targetText: '≤ 500 ms', unit: 'ms' };
    const g = layoutChart(spec);
    assert.ok(g.min <= 120 && g.max >= 500);
    assert.ok(g.targetY! >= g.plot.top && g.targetY! <= g.plot.bottom);
    // For `<=` the met side is below the line.
    const zone = /<rect class="met-zone" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(renderChart(spec, g));
    assert.ok(zone);
    assert.ok(Math.abs(Number(zone[1]) - g.targetY!) < 0.01);
    assert.ok(Math.abs(Number(zone[1]) + Number(zone[2]) - g.plot.bottom) < 0.02);
  });

  it('does not run a percentage axis past 100% nor a latency axis below 0', () => {
    assert.ok(layoutChart(monthly).max <= 100);
    const latency = layoutChart({ data: [datum(5, 'met', 'a'), datum(900, 'met', 'b')], target: 1000, op: '<=', targetText: '≤ 1000 ms', unit: 'ms' });
    assert.ok(latency.min >= 0);
    for (const t of latency.ticks) assert.ok(t.y >= latency.plot.top - 1e-9 && t.y <= latency.plot.bottom + 1e-9);
  });

  it('handles one period and equal values without dividing by zero', () => {
    const g = layoutChart({ data: [datum(99.9, 'met', 'only')], target: 99.9, op: '>=', targetText: '≥ 99.9%', unit: '%' });
    assert.equal(g.points.length, 1);
    assert.ok(Number.isFinite(g.points[0].y) && Number.isFinite(g.targetY!));
    assert.ok(Math.abs(g.points[0].y - g.targetY!) < 1e-9, 'a value equal to the target sits on the line');
    assert.equal(g.points[0].x, (g.plot.left + g.plot.right) / 2);
  });

  it('labels at most eight periods on the x axis but plots them all', () => {
    const data = Array.from({ length: 31 }, (_, i) => datum(99 + (i % 3) / 10, 'met', `d${i}`));
    const svg = renderChart({ data, target: 99, op: '>=', targetText: '≥ 99%', unit: '%' });
    assert.equal(svg.match(/<circle /g)?.length, 31);
    const xLabels = svg.match(/text-anchor="middle">d\d+</g) ?? [];
    assert.ok(xLabels.length <= 8 && xLabels.length >= 4, `${xLabels.length} labels`);
  });

  it('escapes period labels in the SVG', () => {
    const svg = renderChart({ data: [datum(1, 'met', '<b>"x"</b>')], target: undefined, op: '>=', targetText: '', unit: null });
    assert.ok(!svg.includes('<b>'));
    assert.ok(svg.includes('&lt;b&gt;&quot;x&quot;&lt;/b&gt;'));
    assert.ok(!svg.includes('class="target"'), 'no target line without a target');
  });
});
