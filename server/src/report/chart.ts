// The daily series of one objective as an inline SVG (no script, no external resource):
// a point per day with data, coloured by its status, lines between consecutive days, a
// dashed target line and a y axis zoomed to the values and the target. Colours come from
// the report's inline CSS classes.
import { formatNumber } from '../language/numberFormat';
import { htmlText } from '../text/html';
import type { DailyPoint } from './model';

export interface ChartInput {
  points: DailyPoint[];
  unit: string;
  target: number | null;
  /** The target line's label (`target >= 99.9%`). */
  targetLabel: string;
  /** The chart's accessible name. */
  label: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PLOT = { left: 58, right: WIDTH - 12, top: 12, bottom: HEIGHT - 28 };

/** The y range: every value and the target, padded, rounded to steps of 1, 2 or 5 × 10^k. */
export function yRange(values: number[], unit: string): { min: number; max: number; step: number } {
  if (values.length === 0) return { min: 0, max: 1, step: 0.25 };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo > Math.abs(hi) * 1e-9 ? hi - lo : Math.max(Math.abs(hi) * 0.02, 1e-6);
  lo -= span * 0.1;
  hi += span * 0.1;
  const rough = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  let min = Math.floor(lo / step) * step;
  let max = Math.ceil(hi / step) * step;
  if (min < 0 && values.every((v) => v >= 0)) min = 0;
  if (unit === '%' && max > 100 && values.every((v) => v <= 100)) max = 100;
  if (max <= min) max = min + step;
  return { min, max, step };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function dailyChartSvg(input: ChartInput): string {
  const { points, unit, target } = input;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (target !== null) values.push(target);
  const { min, max, step } = yRange(values, unit);
  const y = (v: number) => PLOT.bottom - ((v - min) / (max - min)) * (PLOT.bottom - PLOT.top);
  const n = points.length;
  const x = (i: number) => (n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + 6 + (i * (PLOT.right - PLOT.left - 12)) / (n - 1));
  const suffix = unit === '%' ? '%' : ` ${unit}`;
  const parts: string[] = [];
  parts.push(`<rect class="plot" x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}"/>`);
  for (let k = 0; min + k * step <= max + step * 1e-9; k++) {
    const value = min + k * step;
    const ty = round(y(value));
    parts.push(`<line class="grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text class="tick" x="${PLOT.left - 5}" y="${round(ty + 3.5)}" text-anchor="end">${htmlText(formatNumber(value, 6) + suffix)}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 10));
  points.forEach((p, i) => {
    if (i % every === 0 || i === n - 1) {
      parts.push(`<text class="tick" x="${round(x(i))}" y="${PLOT.bottom + 16}" text-anchor="middle">${htmlText(p.date.slice(5))}</text>`);
    }
  });
  if (target !== null) {
    const ty = round(y(target));
    parts.push(`<line class="target" x1="${PLOT.left}" x2="${PLOT.right}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text class="target-label" x="${PLOT.right - 4}" y="${round(ty - 4)}" text-anchor="end">${htmlText(input.targetLabel)}</text>`);
  }
  // Lines join consecutive days with data; a day without data breaks the line.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline class="series" points="${run.join(' ')}"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) return flush();
    run.push(`${round(x(i))},${round(y(p.value))}`);
  });
  flush();
  points.forEach((p, i) => {
    const title = `${p.date}: ${p.value === null ? '—' : formatNumber(p.value, 4) + suffix}`;
    if (p.value === null) parts.push(`<rect class="no-data" x="${round(x(i) - 1.5)}" y="${PLOT.bottom - 6}" width="3" height="6"><title>${htmlText(title)}</title></rect>`);
    else parts.push(`<circle class="point ${p.status}" cx="${round(x(i))}" cy="${round(y(p.value))}" r="2.6"><title>${htmlText(title)}</title></circle>`);
  });
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${htmlText(input.label)}">` +
    parts.join('') +
    '</svg>'
  );
}
