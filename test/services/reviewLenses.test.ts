import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/language/analyze';
import { addCadence } from '../../server/src/language/calendar';
import { codeLenses } from '../../server/src/services/features/codeLens';
import { MARK_REVIEWED_COMMAND, reviewLenses } from '../../server/src/services/features/reviewLenses';

const contract = (review: string, zone = 'Asia/Shanghai') => `sla Chat {
  version "1"
  timezone "${zone}"
${review}}
`;

describe('review code lenses', () => {
  it('adds a cadence as LANGUAGE.md says: calendar months clamped to the last day', () => {
    assert.deepEqual(addCadence({ year: 2026, month: 1, day: 31 }, 'monthly'), { year: 2026, month: 2, day: 28 });
    assert.deepEqual(addCadence({ year: 2026, month: 11, day: 30 }, 'quarterly'), { year: 2027, month: 2, day: 28 });
    assert.deepEqual(addCadence({ year: 2024, month: 2, day: 29 }, 'yearly'), { year: 2025, month: 2, day: 28 });
    assert.deepEqual(addCadence({ year: 2026, month: 12, day: 28 }, 'weekly'), { year: 2027, month: 1, day: 4 });
    assert.deepEqual(addCadence({ year: 2026, month: 12, day: 31 }, 'daily'), { year: 2027, month: 1, day: 1 });
  });

  it('shows the next review date on `reviewed` and offers to set it to today', () => {
    const text = contract('  review quarterly\n  reviewed 2026-03-15\n');
    const lenses = reviewLenses(analyze(text), 'file:///chat.sla', 'en', new Date('2026-05-01T00:00:00Z'));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [4, 'Next review: 2026-06-15', ''],
        [4, 'Mark reviewed today', MARK_REVIEWED_COMMAND],
      ],
    );
    const [uri, edit] = lenses[1].command!.arguments!;
    assert.equal(uri, 'file:///chat.sla');
    assert.deepEqual(edit, { range: { start: { line: 4, character: 11 }, end: { line: 4, character: 21 } }, newText: '2026-05-01' });
  });

  it('says when the review is overdue, with today in the contract\'s time zone', () => {
    const text = contract('  review monthly\n  reviewed 2026-03-31\n');
    // 2026-04-30T16:30Z is already 2026-05-01 in Shanghai, still 2026-04-30 in UTC.
    const at = new Date('2026-04-30T16:30:00Z');
    assert.equal(reviewLenses(analyze(text), 'u', 'en', at)[0].command?.title, 'Review overdue: the next review was due on 2026-04-30');
    assert.equal(reviewLenses(analyze(contract('  review monthly\n  reviewed 2026-03-31\n', 'UTC')), 'u', 'en', at)[0].command?.title, 'Next review: 2026-04-30');
    assert.equal(reviewLenses(analyze(text), 'u', 'zh-CN', at)[0].command?.title, '复审已逾期：下次复审应于 2026-04-30 完成');
  });

  it('offers no "Mark reviewed today" when it was reviewed today, and nothing without both items', () => {
    const today = reviewLenses(analyze(contract('  review yearly\n  reviewed 2026-05-01\n')), 'u', 'en', new Date('2026-05-01T12:00:00Z'));
    assert.deepEqual(today.map((l) => l.command?.title), ['Next review: 2027-05-01']);
    assert.deepEqual(reviewLenses(analyze(contract('  review yearly\n')), 'u', 'en'), []);
    assert.deepEqual(reviewLenses(analyze(contract('  reviewed 2026-05-01\n')), 'u', 'en'), []);
  });

  it('are part of the document\'s code lenses', () => {
    const lenses = codeLenses(analyze(contract('  review yearly\n  reviewed 2026-05-01\n')), 'u');
    assert.ok(lenses.some((l) => l.command?.command === MARK_REVIEWED_COMMAND || /Next review|overdue/.test(l.command?.title ?? '')));
  });
});
