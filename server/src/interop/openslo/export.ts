// Contract → OpenSLO v1 documents: a Service for the contract (its annotations carry what
// OpenSLO cannot say), a Service per `service` block, an SLI per indicator, an SLO per
// objective that OpenSLO can express, and the burn-rate AlertPolicies. Reads the linked facts.
import type { Analysis } from '../../language/analyze';
import type { Objective, Sla, Span } from '../../language/ast';
import { daysFromCivil, formatDate, weekdayOfDays } from '../../language/calendar';
import type { MetricSource, ObjectiveFacts, SlaFacts } from '../../language/linked';
import { firstItem } from '../../language/linked';
import { ANNOTATION, DESCRIPTION_MAX } from './annotations';
import { API_VERSION, BURN_RATE_ALERTS, CALENDAR_DURATION, FIXED_DURATION_MS, type OpenSloDocument } from './document';
import { openSloName, UniqueNames } from './names';
import { openSloObjective, type NotExpressible, type SliForm } from './targets';

/** An objective left out of the SLOs (it travels as an annotation of the contract's Service). */
export interface ExportNote {
  objective: string;
  reason: NotExpressible | 'window' | 'timeslices';
  /** The target or window (for `timeslices`, the `every`) as written. */
  clause: string;
}

export interface OpenSloExport {
  documents: OpenSloDocument[];
  notes: ExportNote[];
}

/** Exports one `sla` block of an analysed contract (which the caller has checked has no errors). */
export function exportOpenSlo(analysis: Analysis, facts: SlaFacts): OpenSloExport {
  return new Exporter(analysis.text, facts).run();
}

class Exporter {
  private readonly names = { Service: new UniqueNames('-'), SLI: new UniqueNames('-'), SLO: new UniqueNames('-'), AlertPolicy: new UniqueNames('-') };
  private readonly serviceNames = new Map<string, string>();
  private readonly sliNames = new Map<string, string>();
  private readonly notes: ExportNote[] = [];
  private readonly contractName: string;

  constructor(
    private readonly text: string,
    private readonly facts: SlaFacts,
  ) {
    this.contractName = this.names.Service.claim(openSloName(facts.sla.name?.text ?? 'contract'));
  }

  run(): OpenSloExport {
    const sla = this.facts.sla;
    const services = sla.items.filter((item) => item?.type === 'Service').map((service) => this.service(service));
    const slis = [...this.facts.indicators.keys()].map((indicator) => this.sli(indicator));
    const alertNames = BURN_RATE_ALERTS.map((alert) => this.names.AlertPolicy.claim(`${this.contractName}-${alert.name}`));
    const slos: OpenSloDocument[] = [];
    const leftOut: Objective[] = [];
    for (const facts of this.facts.objectives.values()) {
      const slo = this.slo(facts, alertNames);
      if (slo) slos.push(slo);
      else leftOut.push(facts.node);
    }
    const alerts = BURN_RATE_ALERTS.map((alert, i) => alertPolicy(alertNames[i], alert));
    return { documents: [this.contract(leftOut), ...services, ...slis, ...slos, ...alerts], notes: this.notes };
  }

  /** The contract as a Service: everything OpenSLO has no field for, in annotations. */
  private contract(leftOut: Objective[]): OpenSloDocument {
    const sla = this.facts.sla;
    const annotations: Record<string, string> = { [ANNOTATION.sla]: sla.name?.text ?? '' };
    const items = sla.items.filter((item) => item !== undefined);
    for (const type of ['Version', 'Provider', 'Customer', 'Timezone'] as const) {
      const value = firstItem(items, type)?.value?.value;
      if (value !== undefined) annotations[ANNOTATION[lower(type)]] = value;
    }
    for (const type of ['Effective', 'Fee', 'Reporting', 'Review', 'Reviewed'] as const) {
      const item = firstItem(items, type);
      if (item) annotations[ANNOTATION[lower(type)]] = this.text.slice(item.keyword.endOffset, item.endOffset).trim();
    }
    const blocks = { Schedule: ANNOTATION.schedules, Maintenance: ANNOTATION.maintenance, Credits: ANNOTATION.credits, Responsibilities: ANNOTATION.responsibilities, Support: ANNOTATION.support };
    for (const [type, key] of Object.entries(blocks)) {
      const texts = items.filter((item) => item.type === type).map((item) => this.source(item));
      if (texts.length) annotations[key] = texts.join('\n\n');
    }
    if (leftOut.length) {
      const texts = leftOut.flatMap((objective) => [this.source(objective), ...(this.facts.objectives.get(objective)?.compensations ?? []).map((c) => this.source(c))]);
      annotations[ANNOTATION.objectives] = texts.join('\n\n');
    }
    return document('Service', { name: this.contractName, displayName: sla.title?.value, annotations }, {});
  }

  private service(service: Extract<Sla['items'][number], { type: 'Service' }>): OpenSloDocument {
    const name = service.name?.text ?? '';
    const openName = this.names.Service.claim(openSloName(name));
    this.serviceNames.set(name, openName);
    const annotations: Record<string, string> = { [ANNOTATION.service]: name };
    for (const type of ['Includes', 'Excludes'] as const) {
      const lists = service.items.filter((item) => item?.type === type).map((item) => this.text.slice(item.keyword.endOffset, item.endOffset).trim());
      if (lists.length) annotations[ANNOTATION[lower(type)]] = lists.join('\n');
    }
    const description = firstItem(service.items, 'Description')?.value?.value;
    return document('Service', { name: openName, displayName: service.title?.value, annotations }, this.description(description, annotations));
  }

  private sli(indicator: Parameters<SlaFacts['indicators']['get']>[0]): OpenSloDocument {
    const name = indicator.name?.text ?? '';
    const openName = this.names.SLI.claim(openSloName(name));
    this.sliNames.set(name, openName);
    const facts = this.facts.indicators.get(indicator);
    const annotations: Record<string, string> = { [ANNOTATION.indicator]: name };
    if (facts?.kind) annotations[ANNOTATION.kind] = facts.kind;
    const unit = firstItem(indicator.items, 'Unit')?.value?.text;
    if (unit) annotations[ANNOTATION.unit] = unit;
    const every = firstItem(indicator.items, 'SampleEvery');
    if (every && facts?.everyMs !== undefined) annotations[ANNOTATION.every] = this.text.slice(every.keyword.endOffset, every.endOffset).trim();
    if (facts?.missingDown) annotations[ANNOTATION.missing] = 'down';
    const spec = this.description(firstItem(indicator.items, 'Description')?.value?.value, annotations);
    if (facts?.source) Object.assign(spec, sliSpec(facts.source, facts.counters === true));
    return document('SLI', { name: openName, displayName: indicator.title?.value, annotations }, spec);
  }

  /** The SLO of an objective, or undefined (with a note) when OpenSLO cannot express it. */
  private slo(facts: ObjectiveFacts, alertPolicies: string[]): OpenSloDocument | undefined {
    const objective = facts.node;
    const name = objective.name?.text ?? '';
    const target = facts.target;
    const targetText = target ? this.text.slice(target.keyword.endOffset, target.endOffset).trim() : '';
    const aggregate = target?.aggregate;
    const shape = openSloObjective({
      form: sliForm(facts.source),
      kind: facts.kind,
      aggregate: aggregate === undefined ? undefined : (aggregate.percentile ?? (aggregate.text as 'avg' | 'min' | 'max')),
      op: target?.comparator?.op ?? '>=',
      value: facts.targetValue ?? NaN,
    });
    if (typeof shape === 'string') {
      this.notes.push({ objective: name, reason: shape, clause: targetText });
      return undefined;
    }
    const timeWindow = this.timeWindow(facts);
    if (!timeWindow) {
      this.notes.push({ objective: name, reason: 'window', clause: facts.window ? this.text.slice(facts.window.keyword.endOffset, facts.window.endOffset).trim() : '' });
      return undefined;
    }
    const annotations: Record<string, string> = { [ANNOTATION.objective]: name, [ANNOTATION.target]: targetText };
    if (facts.duringName) annotations[ANNOTATION.during] = facts.duringName;
    if (facts.excluding.length) annotations[ANNOTATION.excluding] = facts.excluding.map((e) => e.name).join(', ');
    if (facts.tiers.length) annotations[ANNOTATION.compensation] = facts.tiers.map((tier) => this.text.slice(tier.node.offset, tier.node.endOffset)).join('\n');
    const coverage = facts.coverageItem;
    if (coverage) annotations[ANNOTATION.coverage] = this.text.slice(coverage.keyword.endOffset, coverage.endOffset).trim();
    const slices = this.timeslices(facts, shape);
    const serviceName = firstItem(objective.items, 'ServiceRef')?.ref?.text;
    const spec: Record<string, unknown> = {
      ...this.description(firstItem(objective.items, 'Description')?.value?.value, annotations),
      service: (serviceName !== undefined && this.serviceNames.get(serviceName)) || this.contractName,
      indicatorRef: this.sliNames.get(facts.indicator?.name?.text ?? ''),
      budgetingMethod: slices ? 'Timeslices' : 'Occurrences',
      timeWindow: [timeWindow],
      objectives: [{ displayName: objective.title?.value ?? name, ...shape, ...slices }],
      alertPolicies,
    };
    return document('SLO', { name: this.names.SLO.claim(openSloName(name)), displayName: objective.title?.value, annotations }, spec);
  }

  /**
   * (1.1) An availability probe with `every I` and `missing down` counts time slots: OpenSLO's
   * Timeslices of I, a slice good when its probe is up (`op: gte, value: 1`, every value in
   * the slice). A missing slot is a bad slice in the contract; the note says where the two differ.
   */
  private timeslices(facts: ObjectiveFacts, shape: { op?: string; value?: number }): { timeSliceTarget: number; timeSliceWindow: string } | undefined {
    if (!facts.missingDown || facts.everyMs === undefined || facts.kind !== 'availability' || shape.op !== 'gte' || shape.value !== 1) return undefined;
    const every = firstItem(facts.indicator?.items ?? [], 'SampleEvery')?.interval;
    const window = writtenDuration(every) ?? fixedDuration(facts.everyMs);
    if (window === undefined) return undefined;
    this.notes.push({ objective: facts.node.name?.text ?? '', reason: 'timeslices', clause: `every ${window}` });
    return { timeSliceTarget: 1, timeSliceWindow: window };
  }

  private timeWindow(facts: ObjectiveFacts): Record<string, unknown> | undefined {
    const window = facts.windowFacts;
    if (!window) return undefined;
    if (window.form === 'rolling') {
      const duration = writtenDuration(facts.window?.duration) ?? fixedDuration(window.durationMs);
      return duration === undefined ? undefined : { duration, isRolling: true };
    }
    return {
      duration: CALENDAR_DURATION[window.period],
      isRolling: false,
      calendar: { startTime: `${calendarStart(window.period, this.facts)} 00:00:00`, timeZone: this.facts.zoneName ?? 'UTC' },
    };
  }

  /** `spec.description` (OpenSLO holds 1,050 characters; a longer one also goes whole into an annotation). */
  private description(text: string | undefined, annotations: Record<string, string>): Record<string, unknown> {
    if (text === undefined) return {};
    if (text.length > DESCRIPTION_MAX) annotations[ANNOTATION.description] = text;
    return { description: [...text].slice(0, DESCRIPTION_MAX).join('') };
  }

  /** A block as written, its lines dedented to the block's own column. */
  private source(node: Span): string {
    const column = node.range.start.character;
    return this.text
      .slice(node.offset, node.endOffset)
      .split(/\r?\n/)
      .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^[ \\t]{0,${column}}`), '')))
      .join('\n');
  }
}

const lower = <T extends string>(type: T) => type.toLowerCase() as Lowercase<T>;

function document(kind: OpenSloDocument['kind'], metadata: { name: string; displayName?: string; annotations: Record<string, string> }, spec: Record<string, unknown>): OpenSloDocument {
  const { name, displayName, annotations } = metadata;
  return { apiVersion: API_VERSION, kind, metadata: { name, ...(displayName !== undefined ? { displayName } : {}), annotations }, spec };
}

function sliForm(source: MetricSource | undefined): SliForm {
  if (source?.type === 'ratio') return source.polarity === 'good' ? 'ratio-good' : 'ratio-bad';
  return 'metric';
}

const prometheus = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

function sliSpec(source: MetricSource, counters: boolean): Record<string, unknown> {
  if (source.type === 'metric') return { thresholdMetric: prometheus(source.metric) };
  // Our ratios add per-interval counts (LANGUAGE.md 5) unless (1.1) `counters` says they are cumulative counters.
  return { ratioMetric: { counter: counters, [source.polarity]: prometheus(source.numerator), total: prometheus(source.total) } };
}

/** The duration as written when OpenSLO has its unit and the number is whole (`28d` stays `28d`). */
function writtenDuration(quantity: { value: number; unit?: string } | undefined): string | undefined {
  const unit = quantity?.unit === 'min' ? 'm' : quantity?.unit;
  if (!quantity || !unit || !FIXED_DURATION_MS.some(([u]) => u === unit) || !Number.isInteger(quantity.value) || quantity.value <= 0) return undefined;
  return `${quantity.value}${unit}`;
}

/** A whole number of weeks, days, hours or minutes (`24h` → `1d`); undefined otherwise. */
function fixedDuration(ms: number): string | undefined {
  for (const [unit, size] of FIXED_DURATION_MS) if (ms > 0 && ms % size === 0) return `${ms / size}${unit}`;
  return undefined;
}

/** Where the calendar periods start: the period holding the `effective` start, else 2024-01-01 (a Monday and a year start). */
function calendarStart(period: keyof typeof CALENDAR_DURATION, facts: SlaFacts): string {
  const start = facts.effectiveStart;
  if (!start) return '2024-01-01';
  const days = daysFromCivil(start.year, start.month, start.day);
  if (period === 'day') return formatDate(days);
  if (period === 'week') return formatDate(days - weekdayOfDays(days));
  const month = period === 'month' ? start.month : period === 'quarter' ? start.month - ((start.month - 1) % 3) : 1;
  return formatDate(daysFromCivil(start.year, month, 1));
}

function alertPolicy(name: string, alert: (typeof BURN_RATE_ALERTS)[number]): OpenSloDocument {
  return document(
    'AlertPolicy',
    { name, annotations: { [ANNOTATION.generated]: 'burn-rate' } },
    {
      alertWhenBreaching: true,
      alertWhenResolved: false,
      alertWhenNoData: false,
      conditions: [
        {
          kind: 'AlertCondition',
          metadata: { name: `${name}-burn-rate` },
          spec: { severity: alert.severity, condition: { kind: 'burnrate', op: 'gte', threshold: alert.threshold, lookbackWindow: alert.lookbackWindow, alertAfter: alert.alertAfter } },
        },
      ],
    },
  );
}
