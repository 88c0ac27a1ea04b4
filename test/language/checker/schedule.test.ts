// SLA400: time ranges in schedules and maintenance windows.
import * as assert from 'node:assert/strict';
import { contract, expectNone, expectOne, find, withCode } from './helpers';

describe('SLA400 time range end not after start', () => {
  it('a schedule range crossing midnight: on the range, suggesting a split', () => {
    const text = contract(`
  schedule night { mon..fri 22:00-06:00 }`);
    expectOne(text, {
      code: 'SLA400',
      severity: 'error',
      range: find(text, '22:00-06:00'),
      words: ['`22:00-06:00` ends before it starts', 'cannot cross midnight', '`22:00-24:00`', '`00:00-06:00`'],
    });
  });

  it('an empty range', () => {
    const text = contract(`
  schedule desk { sat 10:00-10:00 }`);
    expectOne(text, { code: 'SLA400', severity: 'error', range: find(text, '10:00-10:00'), words: ['`10:00-10:00` is empty'] });
  });

  it('the second range of a line, and a maintenance `every` range', () => {
    const text = contract(`
  schedule split { mon 09:00-12:00, 14:00-13:00 }
  maintenance backups { every sat 23:00-01:00 }`);
    assert.deepEqual(
      withCode(text, 'SLA400').map((d) => [d.range, d.severity]),
      [
        [find(text, '14:00-13:00'), 'error'],
        [find(text, '23:00-01:00'), 'error'],
      ],
    );
  });

  it('not for `24:00` as an end, a one-minute range, or wrapping day ranges', () => {
    const text = contract(`
  schedule always { fri..mon 00:00-24:00 tue 09:00-09:01, 23:59-24:00 }
  maintenance nightly { every daily 01:00-02:00 }`);
    expectNone(text, 'SLA400');
  });
});
