// Offsets read from Intl's `longOffset` names (the fast way ZoneRules finds transitions) must
// be luxon's offsets, to the minute, for every zone shape: DST north and south, half-hour
// and 45-minute offsets, 30-minute DST, zones that changed their standard offset, and local
// mean time before standard zones.
import * as assert from 'node:assert/strict';
import { IANAZone } from 'luxon';
import { ZoneRules, intlOffset } from '../../server/src/evaluation/timezone';

const ZONES = [
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'America/Sao_Paulo',
  'Europe/Moscow',
  'Pacific/Apia',
  'Asia/Kolkata',
];

describe('evaluation: time zone offsets from Intl', () => {
  it('equal luxon\'s offsets, rounded to the minute, every 157 hours from 1890 to 2040', () => {
    for (const name of ZONES) {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
      const zone = IANAZone.create(name);
      for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2040, 0, 1); t += 157 * 3600_000) {
        assert.equal(Math.round(intlOffset(format, t)), Math.round(zone.offset(t)), `${name} at ${new Date(t).toISOString()}`);
      }
    }
  });

  it('give the transitions luxon gives, to the millisecond, and no others (2025 to 2027)', () => {
    for (const name of ZONES) {
      const rules = ZoneRules.of(name)!;
      const zone = IANAZone.create(name);
      const luxon = (t: number) => Math.round(zone.offset(t));
      let transitions = 0;
      for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
        // The same offset at the start of every day (no period of a day or more missed)…
        assert.equal(rules.offsetAt(day), luxon(day), `${name} on ${new Date(day).toISOString()}`);
        // …and every change of offset within the day at the same millisecond.
        for (let t = day; t < day + 86_400_000; t += 900_000) {
          if (rules.offsetAt(t + 900_000) === rules.offsetAt(t)) continue;
          let lo = t;
          let hi = t + 900_000;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (rules.offsetAt(mid) === rules.offsetAt(t)) lo = mid;
            else hi = mid;
          }
          assert.equal(luxon(lo), rules.offsetAt(lo), `${name} just before ${new Date(hi).toISOString()}`);
          assert.equal(luxon(hi), rules.offsetAt(hi), `${name} at ${new Date(hi).toISOString()}`);
          transitions++;
        }
      }
      if (['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham'].includes(name)) assert.equal(transitions, 6, name);
    }
  });
});
