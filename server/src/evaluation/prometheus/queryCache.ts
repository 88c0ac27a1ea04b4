// Answers shared between the evaluations of one run (a provider's portfolio: many contracts
// over the same series ask many identical questions). Keyed by everything a request sends
// (address, headers, path, query, time), so two tenants of one server never share an
// answer. Small answers (counts, sums, series look-ups) are kept for the whole run; raw
// sample blocks only up to a budget of samples, first come first kept.

/** A query's answer: its `data` (the JSON `data` field, checked by the source), and what the server said beside it (`warnings`, `infos`). */
export interface Answer {
  data: unknown;
  notes: string[];
}

/** Raw samples kept at most (16 bytes each: 64 MiB). */
const DEFAULT_SAMPLE_BUDGET = 4_000_000;

/** Raw samples of an answer (epoch ms, value) and the notes the server sent beside them. */
export interface RawAnswer {
  times: number[];
  values: number[];
  notes: string[];
  /** (1.1) With series (`counters`): the index in `names` of each sample's series. */
  seriesOf?: number[];
  names?: string[];
}

export class QueryCache {
  /** Requests answered from the cache, and requests sent. */
  hits = 0;
  misses = 0;
  private readonly answers = new Map<string, Promise<Answer>>();
  private readonly blocks = new Map<string, Promise<RawAnswer>>();
  private samplesKept = 0;

  constructor(private readonly sampleBudget = DEFAULT_SAMPLE_BUDGET) {}

  /** The answer under `key`, loaded once; a failed load is not kept (the next caller asks again). */
  answer(key: string, load: () => Promise<Answer>): Promise<Answer> {
    return this.share(this.answers, key, load);
  }

  /** Raw samples under `key`, kept while the budget lasts. */
  samples(key: string, load: () => Promise<RawAnswer>): Promise<RawAnswer> {
    const kept = this.blocks.get(key);
    if (kept) {
      this.hits++;
      return kept;
    }
    if (this.samplesKept >= this.sampleBudget) {
      this.misses++;
      return load();
    }
    const loading = this.share(this.blocks, key, load);
    loading.then(
      (block) => {
        this.samplesKept += block.times.length;
        if (this.samplesKept > this.sampleBudget) this.blocks.delete(key);
      },
      () => undefined,
    );
    return loading;
  }

  private share<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const kept = map.get(key);
    if (kept) {
      this.hits++;
      return kept;
    }
    this.misses++;
    const loading = load();
    map.set(key, loading);
    loading.catch(() => {
      if (map.get(key) === loading) map.delete(key);
    });
    return loading;
  }
}
