// OpenSLO v1 documents → contract text that `sla check` accepts. What our export put in
// annotations comes back as written; what OpenSLO cannot say becomes a `// TODO` comment;
// what the SLA language cannot say (alert policies, data sources) becomes a comment too.
// A file that is not OpenSLO gets problems naming file, document and line, and no contract.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { analyze } from '../../language/analyze';
import { PERIODS } from '../../language/ast';
import { formatNumber } from '../../language/numberFormat';
import { convert, defaultUnitOfKind } from '../../language/units';
import { selectorProblem } from '../../evaluation/prometheus/promql';
import type { Messages } from '../../l10n/index';
import { ANNOTATION } from './annotations';
import { block, comment, indent, quote, sections } from './contractText';
import { API_VERSION, BURN_RATE_ALERTS, CALENDAR_DURATION } from './document';
import { contractName, isContractName, UniqueNames } from './names';
import { FROM_OPENSLO, openSloObjective, sameObjective, share, type OpenSloObjective, type OpenSloOp, type SliForm, type TargetShape } from './targets';

export interface ImportInput {
  file: string;
  text: string;
}

export interface ImportProblem {
  file: string;
  /** 1-based index of the YAML document in its file. */
  document?: number;
  /** 1-based line. */
  line?: number;
  reason: string;
}

export type ImportResult = { contract: string; problems: [] } | { contract?: undefined; problems: ImportProblem[] };

const KINDS = ['Service', 'SLI', 'SLO', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget', 'DataSource'];

type Json = Record<string, unknown>;

/** One YAML document that passed the envelope checks. */
interface Doc {
  file: string;
  index: number;
  yaml: Document;
  lines: LineCounter;
  kind: string;
  name: string;
  displayName?: string;
  annotations: Record<string, string>;
  spec: Json;
}

interface Sli {
  form: SliForm;
  query: { good?: string; bad?: string; total?: string; metric?: string };
  counter: boolean;
  sourceType?: string;
  doc: Doc;
}

/** (1.1) How an indicator is sampled: `every` as written, `missing down`, and whether OpenSLO Timeslices suggested them. */
interface Sampling {
  every?: string;
  missingDown: boolean;
  fromTimeslices: boolean;
}

/** An OpenSLO duration the language has (`every 1h`). */
const SLICE_WINDOW = /^[1-9]\d*(?:s|m|h|d|w)$/;

export function importOpenSlo(inputs: readonly ImportInput[], messages: Messages): ImportResult {
  return new Importer(messages).run(inputs);
}

class Importer {
  private readonly problems: ImportProblem[] = [];
  private readonly t: Messages['t'];
  /** The check of the contract made speaks the same language as the import's own messages. */
  private readonly locale: Messages['locale'];

  constructor(messages: Messages) {
    this.t = messages.t;
    this.locale = messages.locale;
  }

  run(inputs: readonly ImportInput[]): ImportResult {
    const docs = inputs.flatMap((input) => this.read(input));
    if (this.problems.length) return { problems: this.problems };
    if (!docs.some((doc) => doc.kind === 'SLO')) {
      this.problems.push({ file: inputs.map((i) => i.file).join(', '), reason: this.t('openslo.import.noSlo') });
      return { problems: this.problems };
    }
    const contract = this.contract(docs);
    if (this.problems.length) return { problems: this.problems };
    const errors = analyze(contract, { locale: this.locale }).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      const first = errors[0];
      this.problems.push({
        file: inputs.map((i) => i.file).join(', '),
        reason: this.t('openslo.import.invalidContract', { line: first.range.start.line + 1, code: first.code, message: first.message }),
      });
      return { problems: this.problems };
    }
    return { contract, problems: [] };
  }

  // --- reading ---------------------------------------------------------------------------

  private read(input: ImportInput): Doc[] {
    const lines = new LineCounter();
    const docs: Doc[] = [];
    // An empty file parses to an empty list: it adds no document (and no SLO: see run()).
    parseAllDocuments(input.text, { lineCounter: lines, prettyErrors: false }).forEach((yaml, i) => {
      const index = i + 1;
      const at = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
      if (yaml.errors.length) {
        for (const error of yaml.errors) this.problems.push({ file: input.file, document: index, line: at(error.pos[0]), reason: this.t('openslo.import.yaml', { reason: error.message.split('\n')[0] }) });
        return;
      }
      let data: unknown;
      try {
        data = yaml.toJS(); // throws on alias bombs (more than 100 aliases resolved)
      } catch (error) {
        this.problems.push({ file: input.file, document: index, line: at(yaml.range[0]), reason: this.t('openslo.import.yaml', { reason: error instanceof Error ? error.message : String(error) }) });
        return;
      }
      if (data === null || data === undefined) return; // `---` with nothing after it
      const problem = (reason: string, path: (string | number)[] = []) => this.problems.push({ file: input.file, document: index, line: lineOf(yaml, lines, path), reason });
      if (!isObject(data)) return problem(this.t('openslo.import.notObject'));
      if (data.apiVersion !== API_VERSION) return problem(this.t('openslo.import.apiVersion', { found: show(data.apiVersion) }), ['apiVersion']);
      if (typeof data.kind !== 'string' || !KINDS.includes(data.kind)) return problem(this.t('openslo.import.kind', { found: show(data.kind), kinds: KINDS.join(', ') }), ['kind']);
      const metadata = data.metadata;
      if (!isObject(metadata) || typeof metadata.name !== 'string' || !metadata.name) return problem(this.t('openslo.import.missing', { kind: data.kind, field: 'metadata.name' }), ['metadata']);
      if (!isObject(data.spec)) return problem(this.t('openslo.import.missing', { kind: data.kind, field: 'spec' }), ['spec']);
      const annotations: Record<string, string> = {};
      if (isObject(metadata.annotations)) for (const [key, value] of Object.entries(metadata.annotations)) if (typeof value === 'string') annotations[key] = value;
      docs.push({
        file: input.file,
        index,
        yaml,
        lines,
        kind: data.kind,
        name: metadata.name,
        displayName: typeof metadata.displayName === 'string' ? metadata.displayName : undefined,
        annotations,
        spec: data.spec,
      });
    });
    return docs;
  }

  private problem(doc: Doc, path: (string | number)[], reason: string): void {
    this.problems.push({ file: doc.file, document: doc.index, line: lineOf(doc.yaml, doc.lines, path), reason });
  }

  private missing(doc: Doc, path: (string | number)[], field: string): void {
    this.problem(doc, path, this.t('openslo.import.missing', { kind: `${doc.kind} ${doc.name}`, field }));
  }

  // --- building ------------------------------------------------------------------------

  private contract(docs: Doc[]): string {
    const contractDoc = docs.find((doc) => doc.kind === 'Service' && doc.annotations[ANNOTATION.sla] !== undefined);
    const meta = contractDoc?.annotations ?? {};
    const names = new UniqueNames('_');
    const slaName = pickName(meta[ANNOTATION.sla], contractDoc?.name ?? docs.find((d) => d.kind === 'SLO')!.spec.service, 'imported');

    // Services, indicators and objectives share one namespace (LANGUAGE.md 3).
    const serviceNames = new Map<string, string>();
    const serviceBlocks: string[][] = [];
    for (const doc of docs.filter((d) => d.kind === 'Service' && d !== contractDoc)) {
      const name = names.claim(pickName(doc.annotations[ANNOTATION.service], doc.name));
      serviceNames.set(doc.name, name);
      const items: string[] = [];
      const description = doc.annotations[ANNOTATION.description] ?? (typeof doc.spec.description === 'string' ? doc.spec.description : undefined);
      if (description !== undefined) items.push(`description ${quote(description)}`);
      for (const [key, word] of [[ANNOTATION.includes, 'includes'], [ANNOTATION.excludes, 'excludes']] as const) {
        for (const list of doc.annotations[key]?.split('\n') ?? []) if (list.trim()) items.push(`${word} ${list.trim()}`);
      }
      serviceBlocks.push(block(`service ${name}${title(doc.displayName)}`, items));
    }

    const sliDocs = new Map(docs.filter((d) => d.kind === 'SLI').map((d) => [d.name, d]));
    const indicatorNames = new Map<Doc, string>();
    const indicatorBlocks = new Map<Doc, string[]>();
    const objectiveBlocks: string[][] = [];
    const notes: string[][] = [];
    const zones = new Set<string>();

    const indicatorFor = (sli: Sli, kind: string, unit: string | undefined, guessed: boolean, sampling = annotatedSampling(sli)): string => {
      const known = indicatorNames.get(sli.doc);
      if (known) return known;
      const name = names.claim(pickName(sli.doc.annotations[ANNOTATION.indicator], sli.doc.name));
      indicatorNames.set(sli.doc, name);
      const items: string[] = [];
      if (guessed) items.push(...comment(this.t('openslo.comment.kindGuessed', { kind, unit: unit ?? '%' })));
      if (sampling.fromTimeslices) items.push(...comment(this.t('openslo.comment.timeslices', { window: sampling.every! })));
      if (sli.sourceType && sli.sourceType !== 'Prometheus') items.push(...comment(this.t('openslo.comment.sourceType', { type: sli.sourceType })));
      for (const query of Object.values(sli.query)) if (selectorProblem(query)) items.push(...comment(this.t('openslo.comment.notSelector', { query })));
      items.push(`kind ${kind}`);
      if (sli.form === 'metric') items.push(`metric ${quote(sli.query.metric!)}`);
      else if (sli.form === 'ratio-good') items.push(`ratio good ${quote(sli.query.good!)} total ${quote(sli.query.total!)}`);
      else items.push(`ratio bad ${quote(sli.query.bad!)} total ${quote(sli.query.total!)}`);
      if (sli.counter && sli.form !== 'metric') items.push('counters');
      const written = sli.doc.annotations[ANNOTATION.unit];
      if (written) items.push(`unit ${written}`);
      else if (guessed && unit && unit !== '%') items.push(`unit ${unit}`);
      if (sampling.every !== undefined) items.push(`every ${sampling.every}`);
      if (sampling.missingDown) items.push('missing down');
      const description = sli.doc.annotations[ANNOTATION.description] ?? (typeof sli.doc.spec.description === 'string' ? sli.doc.spec.description : undefined);
      if (description !== undefined) items.push(`description ${quote(description)}`);
      indicatorBlocks.set(sli.doc, block(`indicator ${name}${title(sli.doc.displayName)}`, items));
      return name;
    };

    for (const doc of docs.filter((d) => d.kind === 'SLO')) {
      const sli = this.sliOfSlo(doc, sliDocs);
      const window = this.window(doc);
      const objectives = Array.isArray(doc.spec.objectives) ? doc.spec.objectives : undefined;
      if (!objectives?.length) this.missing(doc, ['spec'], 'spec.objectives');
      if (!sli || !window || !objectives?.length) continue;
      if (window.zone) zones.add(window.zone);
      const serviceRef = typeof doc.spec.service === 'string' && doc.spec.service !== contractDoc?.name ? doc.spec.service : undefined;
      if (serviceRef !== undefined && !serviceNames.has(serviceRef)) {
        const name = names.claim(contractName(serviceRef));
        serviceNames.set(serviceRef, name);
        serviceBlocks.push(block(`service ${name}`, []));
      }
      objectives.forEach((entry, i) => {
        const path = ['spec', 'objectives', i];
        if (!isObject(entry)) return this.missing(doc, path, `spec.objectives[${i}]`);
        const target = typeof entry.target === 'number' ? entry.target : typeof entry.targetPercent === 'number' ? share(entry.targetPercent / 100) : undefined;
        if (target === undefined || !(target >= 0 && target < 1)) return this.problem(doc, path, this.t('openslo.import.target', { slo: doc.name }));
        const op = typeof entry.op === 'string' && entry.op in FROM_OPENSLO ? (entry.op as OpenSloOp) : undefined;
        const value = typeof entry.value === 'number' ? entry.value : undefined;
        if (sli.form === 'metric' && (op === undefined || value === undefined)) return this.problem(doc, path, this.t('openslo.import.threshold', { slo: doc.name }));
        const given: OpenSloObjective = { target, ...(op ? { op } : {}), ...(value !== undefined && sli.form === 'metric' ? { value } : {}) };
        const method = doc.spec.budgetingMethod;
        const read = readTarget(sli, given, method === 'Timeslices');
        const slices = method === 'Timeslices' ? timesliceSampling(sli, read, entry.timeSliceWindow) : undefined;
        const indicator = indicatorFor(sli, read.kind, read.unit, read.guessed, slices);
        const base = pickName(doc.annotations[ANNOTATION.objective], doc.name);
        const name = names.claim(objectives.length > 1 ? `${base}_${i + 1}` : base);
        const items: string[] = [];
        if (serviceRef !== undefined) items.push(`service ${serviceNames.get(serviceRef)}`);
        items.push(`indicator ${indicator}`);
        items.push(`target ${agreeingTarget(doc.annotations[ANNOTATION.target], read, sli, given) ?? read.text}`);
        items.push(`window ${window.text}`);
        if (doc.annotations[ANNOTATION.coverage]) items.push(`coverage ${doc.annotations[ANNOTATION.coverage]}`);
        if (doc.annotations[ANNOTATION.during]) items.push(`during ${doc.annotations[ANNOTATION.during]}`);
        if (doc.annotations[ANNOTATION.excluding]) items.push(`excluding ${doc.annotations[ANNOTATION.excluding]}`);
        const description = doc.annotations[ANNOTATION.description] ?? (typeof doc.spec.description === 'string' ? doc.spec.description : undefined);
        if (description !== undefined) items.push(`description ${quote(description)}`);
        // Timeslices read as `every` + `missing down` need no further word.
        const head = typeof method === 'string' && method !== 'Occurrences' && !slices?.missingDown ? comment(this.t('openslo.comment.budgeting', { method })) : [];
        const objectiveTitle = typeof entry.displayName === 'string' && objectives.length > 1 ? entry.displayName : doc.displayName;
        const tiers = doc.annotations[ANNOTATION.compensation];
        objectiveBlocks.push([
          ...head,
          ...block(`objective ${name}${title(objectiveTitle)}`, items),
          '',
          ...(tiers ? block(`compensation for ${name}`, tiers.split('\n').map((l) => l.trim()).filter(Boolean)) : comment(this.t('openslo.comment.noCredits', { objective: name }))),
        ]);
      });
    }
    // SLIs that no SLO reads are indicators too, in document order before those inside SLOs.
    for (const doc of sliDocs.values()) {
      if (indicatorNames.has(doc)) continue;
      const sli = this.sli(doc, doc.spec, []);
      if (sli) {
        const read = unusedKind(sli);
        indicatorFor(sli, read.kind, read.unit, read.guessed);
      }
    }
    const orderedIndicators = [...sliDocs.values(), ...indicatorBlocks.keys()].filter((doc, i, all) => all.indexOf(doc) === i).map((doc) => indicatorBlocks.get(doc) ?? []);
    for (const doc of docs.filter((d) => d.kind !== 'Service' && d.kind !== 'SLI' && d.kind !== 'SLO')) {
      if (doc.annotations[ANNOTATION.generated] === 'burn-rate' || isOurBurnRate(doc)) continue;
      notes.push(comment(this.t('openslo.comment.unsupported', { kind: doc.kind, name: doc.name })));
    }

    const head: string[] = [];
    for (const key of ['version', 'provider', 'customer'] as const) if (meta[ANNOTATION[key]] !== undefined) head.push(`${key} ${quote(meta[ANNOTATION[key]])}`);
    if (meta[ANNOTATION.provider] === undefined || meta[ANNOTATION.customer] === undefined) head.push(...comment(this.t('openslo.comment.noParties')));
    if (meta[ANNOTATION.effective]) head.push(`effective ${meta[ANNOTATION.effective]}`);
    // Our export writes UTC calendars for a contract without `timezone`: its annotations decide.
    const zone = contractDoc ? meta[ANNOTATION.timezone] : zones.size ? [...zones][0] : undefined;
    if (!contractDoc && zones.size > 1) head.push(...comment(this.t('openslo.comment.zones', { zones: [...zones].join(', ') })));
    if (zone !== undefined) head.push(`timezone ${quote(zone)}`);
    if (meta[ANNOTATION.fee]) head.push(`fee ${meta[ANNOTATION.fee]}`);

    const annotated = (key: string) => (meta[key] ? meta[key].split(/\r?\n/) : []);
    const tail: string[] = [];
    if (meta[ANNOTATION.reporting]) tail.push(`reporting ${meta[ANNOTATION.reporting]}`);
    if (meta[ANNOTATION.review]) tail.push(`review ${meta[ANNOTATION.review]}`);
    if (meta[ANNOTATION.reviewed]) tail.push(`reviewed ${meta[ANNOTATION.reviewed]}`);
    const body = sections([
      head,
      ...serviceBlocks,
      annotated(ANNOTATION.schedules),
      annotated(ANNOTATION.maintenance),
      ...orderedIndicators,
      ...objectiveBlocks,
      annotated(ANNOTATION.objectives),
      ...notes,
      annotated(ANNOTATION.credits),
      annotated(ANNOTATION.responsibilities),
      annotated(ANNOTATION.support),
      tail,
    ]);
    const slaTitle = contractDoc?.displayName;
    return [...comment(this.t('openslo.comment.header')), ...block(`sla ${slaName}${title(slaTitle)}`, body), ''].join('\n');
  }

  /** The SLI an SLO reads: `indicatorRef` to an SLI document, or an inline `indicator`. */
  private sliOfSlo(doc: Doc, sliDocs: Map<string, Doc>): Sli | undefined {
    const ref = doc.spec.indicatorRef;
    if (typeof ref === 'string') {
      const sliDoc = sliDocs.get(ref);
      if (!sliDoc) return void this.problem(doc, ['spec', 'indicatorRef'], this.t('openslo.import.unknownRef', { slo: doc.name, name: ref }));
      return this.sli(sliDoc, sliDoc.spec, []);
    }
    const inline = doc.spec.indicator;
    if (isObject(inline) && isObject(inline.spec)) {
      const metadata = isObject(inline.metadata) ? inline.metadata : {};
      const name = typeof metadata.name === 'string' ? metadata.name : `${doc.name}-sli`;
      const annotations: Record<string, string> = {};
      if (isObject(metadata.annotations)) for (const [k, v] of Object.entries(metadata.annotations)) if (typeof v === 'string') annotations[k] = v;
      const inlineDoc: Doc = { ...doc, kind: 'SLI', name, annotations, displayName: typeof metadata.displayName === 'string' ? metadata.displayName : undefined, spec: inline.spec };
      return this.sli(inlineDoc, inline.spec, ['spec', 'indicator', 'spec']);
    }
    return void this.missing(doc, ['spec'], 'spec.indicatorRef');
  }

  private sli(doc: Doc, spec: Json, path: (string | number)[]): Sli | undefined {
    const query = (metric: unknown, at: (string | number)[]): { query: string; type?: string } | undefined => {
      const source = isObject(metric) ? metric.metricSource : undefined;
      const q = isObject(source) && isObject(source.spec) ? source.spec.query : undefined;
      if (typeof q === 'string' && q.trim()) return { query: q.trim(), type: isObject(source) && typeof source.type === 'string' ? source.type : undefined };
      return void this.missing(doc, [...path, ...at], `${at.join('.')}.metricSource.spec.query`);
    };
    if (isObject(spec.thresholdMetric)) {
      const metric = query(spec.thresholdMetric, ['thresholdMetric']);
      return metric && { form: 'metric', query: { metric: metric.query }, counter: false, sourceType: metric.type, doc };
    }
    if (isObject(spec.ratioMetric)) {
      const ratio = spec.ratioMetric;
      const polarity = ratio.good !== undefined ? 'good' : ratio.bad !== undefined ? 'bad' : undefined;
      if (!polarity) return void this.missing(doc, [...path, 'ratioMetric'], 'ratioMetric.good');
      const part = query(ratio[polarity], ['ratioMetric', polarity]);
      const total = query(ratio.total, ['ratioMetric', 'total']);
      if (!part || !total) return undefined;
      return { form: polarity === 'good' ? 'ratio-good' : 'ratio-bad', query: { [polarity]: part.query, total: total.query }, counter: ratio.counter === true, sourceType: part.type, doc };
    }
    return void this.missing(doc, path.length ? path : ['spec'], 'spec.thresholdMetric');
  }

  private window(doc: Doc): { text: string; zone?: string } | undefined {
    const windows = doc.spec.timeWindow;
    const window = Array.isArray(windows) ? windows[0] : undefined;
    if (!isObject(window) || typeof window.duration !== 'string') return void this.missing(doc, ['spec'], 'spec.timeWindow[0].duration');
    const duration = window.duration;
    const path = ['spec', 'timeWindow', 0, 'duration'];
    const unsupported = () => void this.problem(doc, path, this.t('openslo.import.window', { duration, form: window.isRolling === true ? 'rolling' : 'calendar' }));
    if (window.isRolling === true) {
      const match = /^([1-9]\d*)([mhdw])$/.exec(duration);
      return match ? { text: `rolling ${match[1]}${match[2]}` } : unsupported();
    }
    const period = PERIODS.find((p) => CALENDAR_DURATION[p] === duration);
    if (!period) return unsupported();
    const calendar = isObject(window.calendar) ? window.calendar : {};
    return { text: `calendar ${period}`, zone: typeof calendar.timeZone === 'string' ? calendar.timeZone : undefined };
  }
}

/** What an OpenSLO objective says as a contract target, with the kind it implies. */
interface ReadTarget {
  text: string;
  kind: string;
  /** The indicator's value unit (`%` for percentages). */
  unit?: string;
  guessed: boolean;
}

function readTarget(sli: Sli, given: OpenSloObjective, timeslices = false): ReadTarget {
  const annotatedKind = sli.doc.annotations[ANNOTATION.kind];
  const percent = (value: number) => `${formatNumber(share(value * 100))}%`;
  if (sli.form === 'ratio-good') return { text: `>= ${percent(given.target)}`, kind: annotatedKind ?? 'availability', guessed: false };
  if (sli.form === 'ratio-bad') return { text: `<= ${percent(1 - given.target)}`, kind: annotatedKind ?? 'error_rate', guessed: false };
  const op = FROM_OPENSLO[given.op!];
  const higher = op === '>=' || op === '>';
  if (annotatedKind === 'availability' && higher && given.value === 1) return { text: `>= ${percent(given.target)}`, kind: annotatedKind, guessed: false };
  if (annotatedKind === 'error_rate' && !higher && given.value === 0) return { text: `<= ${percent(1 - given.target)}`, kind: annotatedKind, guessed: false };
  // (1.1) Time slices of a value that must reach 1: an up/down probe, its share of good slices
  // an availability (the Timeslices TODO says so).
  if (annotatedKind === undefined && timeslices && given.op === 'gte' && given.value === 1) return { text: `>= ${percent(given.target)}`, kind: 'availability', guessed: false };
  const kind = annotatedKind && annotatedKind !== 'availability' && annotatedKind !== 'error_rate' ? annotatedKind : higher ? 'throughput' : 'latency';
  const unit = sli.doc.annotations[ANNOTATION.unit] ?? defaultUnitOfKind(kind as Parameters<typeof defaultUnitOfKind>[0]);
  const percentile = formatNumber(share(higher ? 100 - given.target * 100 : given.target * 100));
  return { text: `p${percentile} ${op} ${formatNumber(given.value!)}${unit}`, kind, unit, guessed: annotatedKind === undefined };
}

/** (1.1) `every` and `missing down` as our export annotates them on the SLI. */
function annotatedSampling(sli: Sli): Sampling {
  const every = sli.doc.annotations[ANNOTATION.every];
  return { ...(every ? { every } : {}), missingDown: every !== undefined && sli.doc.annotations[ANNOTATION.missing] === 'down', fromTimeslices: false };
}

/**
 * (1.1) An SLO budgeted by Timeslices: the SLI's annotations when it has them, else, for an
 * availability probe (`op: gte, value: 1`), the slice window as `every` with `missing down`
 * (a slot without a sample is a bad slice), which says the same for one 0/1 probe per slice.
 */
function timesliceSampling(sli: Sli, read: ReadTarget, window: unknown): Sampling | undefined {
  const annotated = annotatedSampling(sli);
  if (annotated.every !== undefined) return annotated;
  if (sli.form !== 'metric' || read.kind !== 'availability' || typeof window !== 'string' || !SLICE_WINDOW.test(window)) return undefined;
  return { every: window, missingDown: true, fromTimeslices: true };
}

/** The kind of an SLI that no SLO reads: annotated, or what its form suggests. */
function unusedKind(sli: Sli): Omit<ReadTarget, 'text'> {
  const annotated = sli.doc.annotations[ANNOTATION.kind];
  if (annotated) return { kind: annotated, guessed: false };
  if (sli.form === 'ratio-good') return { kind: 'availability', guessed: false };
  if (sli.form === 'ratio-bad') return { kind: 'error_rate', guessed: false };
  return { kind: 'latency', unit: 'ms', guessed: true };
}

/** The annotated target as written, when it still says what the OpenSLO fields say. */
function agreeingTarget(annotation: string | undefined, read: ReadTarget, sli: Sli, given: OpenSloObjective): string | undefined {
  const match = annotation && /^(?:(p\d+(?:\.\d+)?|avg|min|max)\s+)?(>=|>|<=|<)\s*(\d+(?:\.\d+)?)\s*(%|[A-Za-z]+)?$/.exec(annotation.trim());
  if (!match) return undefined;
  const [, aggregate, op, number, unit] = match;
  const valueUnit = read.unit ?? '%';
  const value = unit === undefined ? Number(number) : unit === '%' ? (valueUnit === '%' ? Number(number) : undefined) : convert(Number(number), unit, valueUnit);
  if (value === undefined) return undefined;
  const shape: TargetShape = {
    form: sli.form,
    kind: read.kind,
    aggregate: aggregate === undefined ? undefined : aggregate.startsWith('p') ? Number(aggregate.slice(1)) : (aggregate as 'avg' | 'min' | 'max'),
    op: op as TargetShape['op'],
    value,
  };
  const expected = openSloObjective(shape);
  return typeof expected !== 'string' && sameObjective(expected, given) ? annotation!.trim() : undefined;
}

/** A burn-rate policy of the shape our export writes, even without its annotation. */
function isOurBurnRate(doc: Doc): boolean {
  return doc.kind === 'AlertPolicy' && BURN_RATE_ALERTS.some((alert) => doc.name.endsWith(`-${alert.name}`));
}

/** The contract name an annotation gives when it is a valid name, else one made from the OpenSLO name. */
function pickName(annotated: string | undefined, openSlo: unknown, fallback = 'x'): string {
  if (annotated !== undefined && isContractName(annotated)) return annotated;
  return typeof openSlo === 'string' && openSlo ? contractName(openSlo) : fallback;
}

const title = (text: string | undefined) => (text === undefined ? '' : ` ${quote(text)}`);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** The 1-based line of the node at `path` (or of its nearest existing parent). */
function lineOf(yaml: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? yaml.contents : yaml.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}
