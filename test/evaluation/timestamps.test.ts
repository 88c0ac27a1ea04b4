import * as assert from 'node:assert/strict';
import { TimestampReader, describeBadTimestamp } from '../../server/src/evaluation/timestamps';
import { ZoneRules } from '../../server/src/evaluation/timezone';
import { parseDecimal } from '../../server/src/evaluation/numbers';

const berlin = ZoneRules.of('Europe/Berlin')!;
const shanghai = ZoneRules.of('Asia/Shanghai')!;
const read = (text: string, zone = berlin) => new TimestampReader(zone).readString(text);
const iso = (ms: number) => new Date(ms).toISOString();

describe('sample timestamps', () => {
  it('reads RFC 3339 with Z, with offsets, with fractions, with a space or lower-case t', () => {
    assert.equal(iso(read('2026-10-01T00:00:00Z')), '2026-10-01T00:00:00.000Z');
    assert.equal(iso(read('2026-10-01T08:00:00+08:00')), '2026-10-01T00:00:00.000Z');
    assert.equal(iso(read('2026-09-30T20:30:00-03:30')), '2026-10-01T00:00:00.000Z');
    assert.equal(iso(read('2026-10-01T00:00:00.25Z')), '2026-10-01T00:00:00.250Z');
    assert.equal(iso(read('2026-10-01 00:00:00z')), '2026-10-01T00:00:00.000Z');
    assert.equal(iso(read('2026-10-01t00:00:00Z')), '2026-10-01T00:00:00.000Z');
  });

  it('reads local times without an offset in the contract zone', () => {
    assert.equal(iso(read('2026-10-01 08:00', shanghai)), '2026-10-01T00:00:00.000Z');
    assert.equal(iso(read('2026-10-01 08:00:30', shanghai)), '2026-10-01T00:00:30.000Z');
    assert.equal(iso(read('2026-07-01 02:00')), '2026-07-01T00:00:00.000Z'); // CEST, +02:00
    assert.equal(iso(read('2026-01-01 01:00')), '2026-01-01T00:00:00.000Z'); // CET, +01:00
  });

  it('reads a local time repeated by the autumn change as the earlier instant', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    assert.equal(iso(read('2026-10-25 02:30')), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(read('2026-10-25 03:00')), '2026-10-25T02:00:00.000Z');
  });

  it('reads a local time skipped by the spring change with the offset before the change', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST: 02:30 does not exist; read with +01:00 it is 01:30Z (03:30 CEST).
    assert.equal(iso(read('2026-03-29 02:30')), '2026-03-29T01:30:00.000Z');
    assert.equal(iso(read('2026-03-29 03:30')), '2026-03-29T01:30:00.000Z');
    assert.equal(iso(read('2026-03-29 01:59:59')), '2026-03-29T00:59:59.000Z');
  });

  it('reads bare numbers as Unix seconds below 1e11 and as milliseconds from 1e11', () => {
    assert.equal(read('1790000000'), 1_790_000_000_000);
    assert.equal(read('1790000000.5'), 1_790_000_000_500);
    assert.equal(read('99999999999'), 99_999_999_999_000);
    assert.equal(read('100000000000'), 100_000_000_000);
    assert.equal(read('1790000000123'), 1_790_000_000_123);
    assert.equal(read('0'), 0);
  });

  it('rejects what is not a timestamp, with a reason', () => {
    for (const bad of ['', 'yesterday', '2026-02-30T00:00:00Z', '2026-10-01T24:00:00Z', '2026-10-01T10:00:00+8', '2026-13-01 00:00', '12abc', '2026-10-01T10:00:61Z', '0000-01-01 00:00', '-99999999999', '8640000000000001']) {
      assert.ok(Number.isNaN(read(bad)), `${JSON.stringify(bad)} should not be read`);
    }
    assert.match(describeBadTimestamp('2026-02-30T00:00:00Z'), /impossible date/);
    assert.match(describeBadTimestamp('2026-10-01T25:00:00Z'), /impossible time/);
    assert.match(describeBadTimestamp('yesterday'), /expected RFC 3339/);
    assert.match(describeBadTimestamp('-99999999999'), /outside the supported range/);
  });
});

describe('time zone rules', () => {
  it('formats instants in the zone with a numeric offset', () => {
    assert.equal(shanghai.format(Date.parse('2026-09-30T16:00:00Z')), '2026-10-01T00:00:00+08:00');
    assert.equal(berlin.format(Date.parse('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00');
    assert.equal(ZoneRules.utc.format(Date.parse('2026-03-29T01:00:00.5Z')), '2026-03-29T01:00:00.500+00:00');
  });

  it('knows no made-up zone', () => {
    assert.equal(ZoneRules.of('Mars/Olympus_Mons'), undefined);
  });
});

describe('decimal values', () => {
  const bytes = (s: string) => Buffer.from(s);
  const value = (s: string) => parseDecimal(bytes(s), 0, s.length);
  it('reads decimals exactly as the platform does', () => {
    for (const s of ['0', '1', '0.1', '99.9', '-2.5', '+3', '.5', '5.', '1e3', '1.5E-3', '123456789012345678', '0.000000000000000000001234', '3.141592653589793238']) {
      assert.equal(value(s), Number(s), s);
    }
  });
  it('rejects what is not a finite number', () => {
    for (const s of ['', '-', '.', 'abc', '1,5', '1e', 'NaN', 'Infinity', '1e400', '0x10', '1 2']) assert.ok(Number.isNaN(value(s)), s);
  });
});
