// Edit distance and "did you mean" suggestions.
import * as assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/language/suggest';
import { suggester } from '../../../server/src/language/suggestIndex';
import { mulberry32 } from '../../../scripts/prng';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    assert.equal(editDistance('probe', 'probe'), 0);
    assert.equal(editDistance('prob', 'probe'), 1);
    assert.equal(editDistance('probe', 'prove'), 1);
    assert.equal(editDistance('porbe', 'probe'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('stops early past the limit', () => {
    assert.equal(editDistance('availability', 'xyz', 2), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });
});

describe('suggest', () => {
  it('picks the closest candidate', () => {
    assert.equal(suggest('prob', ['page_latency', 'probe', 'probes']), 'probe');
    assert.equal(suggest('latncy', ['availability', 'latency']), 'latency');
  });

  it('prefers a candidate differing only in case', () => {
    assert.equal(suggest('Uptime', ['uptim', 'uptime']), 'uptime');
  });

  it('suggests nothing when no candidate is a plausible typo', () => {
    assert.equal(suggest('uptime', ['latency', 'probe']), undefined);
    assert.equal(suggest('ab', ['xy']), undefined);
    assert.equal(suggest('x', []), undefined);
  });

  it('never suggests the word itself', () => {
    assert.equal(suggest('probe', ['probe']), undefined);
  });
});

describe('suggester (an index for many words against one long list)', () => {
  const ALPHABET = ['a', 'b', 'e', 'o', 'p', 'r', '_', '1', '2', 'A', 'E', 'P', 'é', 'É', '延', 'İ'];

  /** Names of a generated contract: shared prefixes, numbers, case variants, now and then a letter beyond ASCII. */
  function names(random: () => number, count: number, alphabet: readonly string[]): string[] {
    const stems = ['probe', 'prob', 'uptime', 'p', 'latency', 'Probe', 'api_latency', 'ab'];
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const stem = stems[Math.floor(random() * stems.length)];
      let name = random() < 0.7 ? `${stem}_${Math.floor(random() * count)}` : stem;
      if (random() < 0.2) name += alphabet[Math.floor(random() * alphabet.length)];
      out.push(name);
    }
    return out;
  }

  /** A typo of a candidate (1–4 edits), a candidate itself, or a made-up word. */
  function word(random: () => number, candidates: readonly string[], alphabet: readonly string[]): string {
    const roll = random();
    if (roll < 0.1) return candidates[Math.floor(random() * candidates.length)];
    if (roll < 0.2) return Array.from({ length: 1 + Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let text = candidates[Math.floor(random() * candidates.length)];
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
      const at = Math.floor(random() * (text.length + 1));
      const letter = alphabet[Math.floor(random() * alphabet.length)];
      const kind = Math.floor(random() * 5);
      if (kind === 0) text = text.slice(0, at) + letter + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
      else if (kind === 2) text = text.slice(0, at) + letter + text.slice(at + 1);
      else if (kind === 3 && at + 1 < text.length) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
      else text = text.toUpperCase();
    }
    return text;
  }

  // `İ` lowercases to two characters: a list with it is not indexed, a word with it is looked up by the plain scan.
  const WITHOUT_DOTTED_I = ALPHABET.filter((c) => c !== 'İ');
  for (const [label, namesFrom, wordsFrom] of [
    ['names and words in ASCII and beyond', WITHOUT_DOTTED_I, WITHOUT_DOTTED_I],
    ['words with `İ`', WITHOUT_DOTTED_I, ALPHABET],
    ['names and words with `İ`', ALPHABET, ALPHABET],
  ] as const) {
    it(`gives what suggest gives: ${label}`, () => {
      const random = mulberry32(label.length);
      let compared = 0;
      let suggested = 0;
      for (const count of [64, 65, 200, 1500]) {
        const candidates = names(random, count, namesFrom);
        if (namesFrom.includes('İ')) candidates.push('İndex');
        const ask = suggester(candidates);
        for (let i = 0; i < 1500; i++) {
          const typo = word(random, candidates, wordsFrom);
          const expected = suggest(typo, candidates);
          assert.equal(ask(typo), expected, `${JSON.stringify(typo)} among ${count} candidates`);
          compared++;
          if (expected !== undefined) suggested++;
        }
      }
      assert.ok(suggested > compared / 3 && suggested < compared, `${suggested} of ${compared} words have a suggestion`);
    });
  }

  it('finds the typo among 14,000 generated names, and keeps the earliest of equally close ones', () => {
    const candidates = Array.from({ length: 14_000 }, (_, i) => `probe_${i}`);
    const ask = suggester(candidates);
    assert.equal(ask('prob_123'), 'probe_123');
    assert.equal(ask('probe_1234'), 'probe_123', 'never the word itself; of the names one edit away, the first');
    assert.equal(ask('PROBE_77'), 'probe_77');
    assert.equal(ask('latency'), undefined);
  });
});
