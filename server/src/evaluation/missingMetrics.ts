// Metrics the evaluated sla names that have no sample in the inputs (LANGUAGE.md §5 1.1,
// "Metrics with no samples"): one message per metric, naming every used indicator that
// names it, with the closest metric name read as a suggestion.
import { distance } from 'fastest-levenshtein';
import { messages, type Locale } from '../l10n/index';
import type { ContractModel } from './model';
import { selectorMetricName } from './prometheus/promql';

/** A metric with no samples and the used indicators that name it, in contract order. */
export interface MissingMetric {
  metric: string;
  indicators: string[];
}

/** The metrics that the model's objectives read and `hasSamples` says nothing arrived for, in contract order. */
export function missingMetrics(model: ContractModel, hasSamples: (metric: string) => boolean): MissingMetric[] {
  const byMetric = new Map<string, string[]>();
  for (const o of model.objectives) {
    const metrics = o.source.type === 'metric' ? [o.source.metric] : [o.source.numerator, o.source.total];
    for (const metric of metrics) {
      if (hasSamples(metric)) continue;
      const indicators = byMetric.get(metric) ?? [];
      if (!indicators.includes(o.indicator)) indicators.push(o.indicator);
      byMetric.set(metric, indicators);
    }
  }
  return [...byMetric].map(([metric, indicators]) => ({ metric, indicators }));
}

/**
 * The metric name read closest to `metric`: Levenshtein distance at most
 * max(2, ⌊length / 4⌋); of equals, the first in code point order.
 */
export function closestMetric(metric: string, namesRead: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor([...metric].length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of namesRead) {
    if (name === metric) continue;
    const d = codePointDistance(metric, name);
    if (d < bestDistance || (d === bestDistance && best !== undefined && byCodePoint(name, best) < 0)) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance over code points (the library counts UTF-16 units: an emoji would be two edits). */
export function codePointDistance(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return distance(a, b);
  // Give each code point of the two strings one private-use BMP character.
  const codes = new Map<number, string>();
  const remap = (s: string) =>
    [...s]
      .map((ch) => {
        const cp = ch.codePointAt(0)!;
        let c = codes.get(cp);
        if (c === undefined) {
          c = String.fromCharCode(0xe000 + codes.size);
          codes.set(cp, c);
        }
        return c;
      })
      .join('');
  // Metric names are short; beyond 6,400 distinct characters the UTF-16 distance is close enough.
  if ([...a].length + [...b].length > 6400) return distance(a, b);
  return distance(remap(a), remap(b));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Compares strings by code points (UTF-16 order differs above U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The message for one missing metric, in the locale. */
export function missingMetricMessage(missing: MissingMetric, namesRead: Iterable<string>, locale?: Locale): string {
  const { t } = messages(locale);
  const indicators = missing.indicators.join(', ');
  const suggestion = closestMetric(missing.metric, namesRead);
  return suggestion === undefined
    ? t('evaluate.missingMetric', { metric: missing.metric, indicators })
    : t('evaluate.missingMetricSuggest', { metric: missing.metric, indicators, suggestion });
}

/**
 * (1.1) The message for a server's selector that matches no series at any time: when its
 * metric name exists there, the label matchers are at fault; else the closest metric name
 * the server (or a file) knows is suggested, with the selector's own matchers.
 */
export function missingSelectorMessage(missing: MissingMetric, namesRead: Iterable<string>, serverNames: ReadonlySet<string>, locale?: Locale): string {
  const { t } = messages(locale);
  const indicators = missing.indicators.join(', ');
  const name = selectorMetricName(missing.metric);
  if (name !== undefined && serverNames.has(name) && name !== missing.metric.trim()) {
    return t('missingMetrics.noSeriesLabels', { metric: missing.metric, indicators, name });
  }
  const closest = name === undefined ? undefined : closestMetric(name, new Set([...serverNames, ...namesRead]));
  if (closest === undefined) return t('missingMetrics.noSeries', { metric: missing.metric, indicators });
  const suggestion = missing.metric.trim().replace(name!, closest);
  return t('missingMetrics.noSeriesSuggest', { metric: missing.metric, indicators, suggestion });
}
