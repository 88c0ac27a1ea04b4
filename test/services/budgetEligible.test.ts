// Hover budgets that count what the evaluator counts: `excluding` maintenance, `during`
// schedules, the effective dates and daylight saving, for the example period shown.
import { strict as assert } from 'node:assert';
import { hoverText } from './helpers';

function uptime(zone: string, lines: string, effective = 'effective 2026-01-01 to 2026-12-31'): string {
  return `sla S {
  ${effective}
  timezone "${zone}"
  schedule office { mon..fri 09:00-18:00 holidays 2026-10-01, 2026-10-02 }
  maintenance weekly_window { every sun 02:00-04:00 }
  maintenance evening { every mon..fri 17:00-18:00 }
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99.<|>9% window calendar month ${lines} }
}`;
}

describe('hover budgets counted as the evaluator counts', () => {
  it('the issue 10 example: 99.9% of a 30-day month less four Sundays of 2 h is 42 min 43 s', () => {
    // September 2026 (Asia/Shanghai): 720 h, Sundays 6, 13, 20, 27 → 8 h left out; 0.1% of 712 h = 42.72 min.
    const text = hoverText(uptime('Asia/Shanghai', 'excluding weekly_window'), { now: new Date('2026-09-10T00:00:00Z') });
    assert.match(text, /- 42 min 43 s in September 2026: 712 h counted of 720 h, 8 h of maintenance left out/);
    assert.doesNotMatch(text, /43 min 12 s in a 30-day month/);
    // Across 2026: February (672 h − 4 Sundays = 664 h) to December (744 h − 4 Sundays = 736 h; January ties).
    assert.match(text, /- 39 min 50 s \(February 2026, 664 h\) to 44 min 10 s \(December 2026, 736 h\) across 2026/);
  });

  it('daylight saving: March 2026 in Berlin has 743 h, and the Sunday of the change loses an hour of maintenance', () => {
    // Sundays 1, 8, 15, 22 give 8 h; on the 29th 02:00–04:00 local is one real hour (02:00 → 03:00).
    // 743 h − 9 h = 734 h; 0.1% = 44.04 min.
    const text = hoverText(uptime('Europe/Berlin', 'excluding weekly_window'), { now: new Date('2026-03-10T00:00:00Z') });
    assert.match(text, /- 44 min 2 s in March 2026: 734 h counted of 743 h, 9 h of maintenance left out/);
  });

  it('`during` and `excluding` together: maintenance inside office hours is left out of the scheduled time', () => {
    // October 2026: 20 working days (the 1st and 2nd are holidays) of 9 h = 180 h; 17:00–18:00 on each is maintenance: 160 h.
    const text = hoverText(uptime('Asia/Shanghai', 'during office excluding evening'), { now: new Date('2026-10-10T00:00:00Z') });
    assert.match(text, /- 9 min 36 s in October 2026: 180 h scheduled on 20 days, 2 holidays left out, 20 h of maintenance left out/);
    assert.doesNotMatch(text, /in a month with 22 scheduled days/);
  });

  it('a month cut by the effective dates counts only its effective part', () => {
    // Effective from 2026-09-16: 15 days = 360 h, less the Sundays 20 and 27 (4 h) = 356 h → 21 min 22 s.
    const text = hoverText(uptime('Asia/Shanghai', 'excluding weekly_window', 'effective 2026-09-16 to 2026-12-31'), {
      now: new Date('2026-09-20T00:00:00Z'),
    });
    assert.match(text, /- 21 min 22 s in September 2026: 356 h counted of 720 h, 4 h of maintenance left out, 360 h outside the effective dates/);
  });
});
