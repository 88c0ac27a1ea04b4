// Inline SVG chart of the attained value per period against the target line. Geometry is
// computed separately from the markup so that tests can check positions. Colours come from
// CSS classes (media/report.css) using the theme's --vscode-charts-* variables: the CSP
// forbids inline style attributes.
import { escapeHtml } from './escape';
import { displayNumber } from './format';
import type { PeriodStatus } from './reportModel';
import { english, statusWord, type Translate } from './words';

export interface ChartDatum {
  /** Attained value in the chart's unit; null for a period without data. */
  value: number | null;
  status: PeriodStatus;
  /** Short period label for the x axis (`2026-10`). */
  label: string;
  /** Longer text for the tooltip (`2026-10-01 00:00 – 2026-11-01 00:00`). */
  title: string;
}

export interface ChartSpec {
  data: ChartDatum[];
  /** Target in the same unit as the data; undefined when it cannot be converted. */
  target: number | undefined;
  op: string;
  /** The target line's label after `target ` (`≥ 99.9%`, `≤ 1000 ms`), as the server words it. */
  targetText: string;
  /** Unit of the data, for labels (`%`, `ms`). */
  unit: string | null;
  /** The chart's words in the user's language; English by default. */
  t?: Translate;
}

export interface ChartSize {
  width: number;
  height: number;
}

export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ChartPoint {
  index: number;
  x: number;
  /** For a period without data, the baseline (plot bottom). */
  y: number;
  datum: ChartDatum;
}

export interface ChartGeometry {
  size: ChartSize;
  plot: PlotArea;
  /** Value range of the y axis, bottom to top. */
  min: number;
  max: number;
  ticks: { value: number; y: number }[];
  points: ChartPoint[];
  targetY: number | undefined;
}

const DEFAULT_CHART_SIZE: ChartSize = { width: 640, height: 220 };
const MARGIN = { left: 64, right: 16, top: 14, bottom: 34 };
const MAX_X_LABELS = 8;

/** A step of 1, 2 or 5 × 10^k near `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The y range: every value and the target, padded and rounded to tick steps. */
function valueRange(values: number[], unit: string | null): { min: number; max: number; step: number } {
  if (values.length === 0) return { min: 0, max: 1, step: 0.25 };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  let span = hi - lo;
  if (span <= Math.abs(hi) * 1e-9) span = Math.max(Math.abs(hi) * 0.02, 1e-6);
  lo -= span * 0.1;
  hi += span * 0.1;
  const step = niceStep((hi - lo) / 4);
  let min = Math.floor(lo / step) * step;
  let max = Math.ceil(hi / step) * step;
  // Percentages live in [0, 100]; durations, rates and counts are never negative.
  const allNonNegative = values.every((v) => v >= 0);
  if (allNonNegative && min < 0) min = 0;
  if (unit === '%' && values.every((v) => v <= 100) && max > 100) max = 100;
  if (max <= min) max = min + step;
  return { min, max, step };
}

export function layoutChart(spec: ChartSpec, size: ChartSize = DEFAULT_CHART_SIZE): ChartGeometry {
  const plot: PlotArea = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.width - MARGIN.right,
    bottom: size.height - MARGIN.bottom,
  };
  const values = spec.data.flatMap((d) => (d.value === null ? [] : [d.value]));
  if (spec.target !== undefined) values.push(spec.target);
  const { min, max, step } = valueRange(values, spec.unit);
  const yOf = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);

  const n = spec.data.length;
  const xOf = (i: number) =>
    n <= 1 ? (plot.left + plot.right) / 2 : plot.left + 8 + (i * (plot.right - plot.left - 16)) / (n - 1);
  const points = spec.data.map((datum, index) => ({
    index,
    x: xOf(index),
    y: datum.value === null ? plot.bottom : yOf(datum.value),
    datum,
  }));

  const ticks: { value: number; y: number }[] = [];
  for (let k = 0; min + k * step <= max + step * 1e-9; k++) {
    const value = min + k * step;
    ticks.push({ value, y: yOf(value) });
  }
  return { size, plot, min, max, ticks, points, targetY: spec.target === undefined ? undefined : yOf(spec.target) };
}

const r = (v: number) => Math.round(v * 100) / 100;

function unitSuffix(unit: string | null): string {
  if (!unit) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

/** The chart as an SVG element (every text escaped). */
export function renderChart(spec: ChartSpec, geometry: ChartGeometry = layoutChart(spec)): string {
  const { size, plot, points, targetY } = geometry;
  const suffix = unitSuffix(spec.unit);
  const t = spec.t ?? english;
  const parts: string[] = [];

  // The side of the target line on which the target is met.
  if (targetY !== undefined) {
    const above = spec.op === '>=' || spec.op === '>';
    const y = above ? plot.top : targetY;
    const h = above ? targetY - plot.top : plot.bottom - targetY;
    if (h > 0) parts.push(`<rect class="met-zone" x="${r(plot.left)}" y="${r(y)}" width="${r(plot.right - plot.left)}" height="${r(h)}"/>`);
  }

  for (const tick of geometry.ticks) {
    parts.push(`<line class="grid" x1="${r(plot.left)}" x2="${r(plot.right)}" y1="${r(tick.y)}" y2="${r(tick.y)}"/>`);
    parts.push(`<text class="tick" x="${r(plot.left - 6)}" y="${r(tick.y + 4)}" text-anchor="end">${escapeHtml(displayNumber(tick.value) + suffix)}</text>`);
  }
  parts.push(`<line class="axis" x1="${r(plot.left)}" x2="${r(plot.right)}" y1="${r(plot.bottom)}" y2="${r(plot.bottom)}"/>`);

  const labelEvery = Math.max(1, Math.ceil(points.length / MAX_X_LABELS));
  for (const p of points) {
    if (p.index % labelEvery !== 0) continue;
    parts.push(`<text class="tick" x="${r(p.x)}" y="${r(plot.bottom + 16)}" text-anchor="middle">${escapeHtml(p.datum.label)}</text>`);
  }

  if (targetY !== undefined && spec.target !== undefined) {
    const label = t('target {target}', { target: spec.targetText });
    parts.push(`<line class="target" x1="${r(plot.left)}" x2="${r(plot.right)}" y1="${r(targetY)}" y2="${r(targetY)}"><title>${escapeHtml(label)}</title></line>`);
    parts.push(`<text class="target-label" x="${r(plot.right - 4)}" y="${r(targetY - 5)}" text-anchor="end">${escapeHtml(label)}</text>`);
  }

  // Lines join consecutive periods that have data; a period without data breaks the line.
  let run: ChartPoint[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline class="series" points="${run.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}"/>`);
    run = [];
  };
  for (const p of points) {
    if (p.datum.value === null) flush();
    else run.push(p);
  }
  flush();

  for (const p of points) {
    const valueText = p.datum.value === null ? t('no data') : `${displayNumber(p.datum.value)}${suffix}`;
    const tip = `${p.datum.title}: ${valueText} (${statusWord(p.datum.status, t)})`;
    parts.push(
      `<circle class="point ${p.datum.status}" cx="${r(p.x)}" cy="${r(p.y)}" r="4"><title>${escapeHtml(tip)}</title></circle>`,
    );
  }

  const aria = spec.target === undefined ? t('Attained value per period') : t('Attained value per period against the target line');
  return (
    `<svg class="chart" viewBox="0 0 ${size.width} ${size.height}" role="img" aria-label="${escapeHtml(aria)}" xmlns="http://www.w3.org/2000/svg">` +
    parts.join('') +
    '</svg>'
  );
}
