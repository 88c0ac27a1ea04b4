// isKnownTimeZone answers canonical names from Intl's list without building a formatter;
// its answers must be those of Intl.DateTimeFormat, the general rule, for every name.
import { strict as assert } from 'node:assert';
import { isKnownTimeZone, zoneNames } from '../../../server/src/language/checker/zones';

/** The general rule: Intl.DateTimeFormat takes it as a zone, and it is not a fixed offset. */
function intlAccepts(name: string): boolean {
  if (name === '' || /^[+-]\d/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

describe('checker: known time zones', () => {
  it('every canonical name, in its own and in other letter cases, as Intl.DateTimeFormat says', () => {
    const names = zoneNames();
    assert.ok(names.includes('Asia/Shanghai') && names.includes('UTC'), 'the canonical list');
    for (const name of names) {
      for (const variant of [name, name.toLowerCase(), name.toUpperCase()]) {
        assert.equal(isKnownTimeZone(variant), intlAccepts(variant), variant);
      }
    }
  });

  it('aliases, offsets and mistakes, as Intl.DateTimeFormat says', () => {
    const names = ['Asia/Calcutta', 'US/Eastern', 'Etc/GMT+8', 'GMT', 'Z', '+08:00', '-05', 'Asia/Shangai', 'Mars/Olympus', '', 'asia/shanghai', 'Europe/Kiev'];
    for (const name of names) assert.equal(isKnownTimeZone(name), intlAccepts(name), name);
    assert.equal(isKnownTimeZone('Asia/Calcutta'), true, 'an alias is a zone');
    assert.equal(isKnownTimeZone('+08:00'), false, 'an offset is not a zone');
    assert.equal(isKnownTimeZone('Asia/Shangai'), false, 'a misspelt zone is not one');
  });
});
