// Edit distance and "did you mean" suggestions.
import * as assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/language/suggest';

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
