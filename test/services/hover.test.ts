import { strict as assert } from 'node:assert';
import { KEYWORDS, CONTEXTUAL_WORDS } from '../../server/src/language/lexer';
import { keywordDoc } from '../../server/src/services/support/keywords';
import { expectHover, hoverText } from './helpers';

const CONTRACT = `sla S {
  fee 12000 CNY per month
  effective 2026-01-01 to 2026-12-31
  schedule office { mon..fri 09:00-18:00 holidays 2026-10-01, 2026-10-02 }
  schedule weekend_desk { sat..sun 10:00-14:00 }
  maintenance nightly { every daily 02:00-03:00 notice 2d }
  indicator probe { kind availability metric "up" }
  indicator requests { kind availability ratio good "ok" total "all" }
  indicator errors { kind error_rate metric "err" }
  indicator tput { kind throughput metric "rps" }
  objective monthly { indicator probe target >= 99.9<|A|>% window calendar month }
  objective office_hours { indicator probe target >= 99.9<|B|>% window calendar month during office excluding nightly }
  objective weekly { indicator probe target >= 99.<|C|>5% window calendar week during weekend_desk }
  objective rolling_one { indicator probe target >= 99<|D|>% window rolling 30d }
  objective by_requests { indicator requests target >= 99.<|E|>9% window calendar quarter }
  objective err { indicator errors target <= 0.<|F|>1% window calendar month }
  objective capacity { indicator tput target min >= 15<|G|>0rps window calendar month }
  compensation for monthly {
    below 99.9% credit 10%
    bel<|H|>ow 99.0% credit 25%
  }
  compensation for capacity { below 150rps credit 5<|I|>% }
  credits { cap 40% }
}
`;

function at(marker: string): string {
  return CONTRACT.replace(`<|${marker}|>`, '<|>').replace(/<\|[A-Z]\|>/g, '');
}

describe('hover', () => {
  it('documents every keyword and contextual word', () => {
    for (const word of [...KEYWORDS, ...CONTEXTUAL_WORDS]) {
      const doc = keywordDoc(word);
      assert.ok(doc, `${word} has a hover`);
      assert.ok(doc.summary.length > 10 && doc.example.length > 0, word);
    }
  });

  it('reads words in their block: `min` as aggregate or unit, `provider` as party', () => {
    const aggregate = hoverText(CONTRACT.replace(/<\|[A-Z]\|>/g, '').replace('target min', 'target m<|>in'));
    assert.match(aggregate, /Aggregate: the lowest value/);
    const responsibilities = hoverText('sla S {\n  responsibilities {\n    pro<|>vider "x"\n  }\n}');
    assert.match(responsibilities, /Something the provider undertakes/);
    const party = hoverText('sla S {\n  pro<|>vider "x"\n}');
    assert.match(party, /The party that provides the service/);
  });

  it('gives the monthly budget in time', () => {
    expectHover(at('A'), ['43 min 12 s in a 30-day month', '44 min 38 s in a 31-day month', '41 min 46 s in a 29-day month']);
  });

  it('counts the budget in schedule hours with `during`', () => {
    const text = expectHover(at('B'), ['45 h a week', '11 min 53 s in a month with 22 scheduled days of 9 h (198 h)', '`nightly` are not counted'], {
      now: new Date('2026-10-10T00:00:00Z'),
    });
    // October 2026: 22 weekdays, 2 holidays: 180 h → 10 min 48 s.
    assert.match(text, /10 min 48 s in October 2026: 180 h scheduled on 20 days, 2 holidays left out/);
    expectHover(at('B'), ['in January 2026'], { now: new Date('2025-06-01T00:00:00Z') });
  });

  it('handles weekly schedules, rolling windows, ratios, error rates and aggregates', () => {
    expectHover(at('C'), ['0.5% of the time may be down per calendar week', '8 h a week', '2 min 24 s in a week without holidays']);
    expectHover(at('D'), ['in any rolling 30 d', '7 h 12 min in 30 d']);
    expectHover(at('E'), ['0.1% of requests may fail per calendar quarter', 'As full-outage time', '2 h 12 min 29 s in a 92-day quarter']);
    expectHover(at('F'), ['0.1% of requests may fail per calendar month']);
    expectHover(at('G'), ['Every value in each calendar month must be at least 150rps']);
  });

  it('says when a tier pays', () => {
    expectHover(at('H'), [
      '**Pays 25% of the monthly fee (3000 CNY)** when the monthly availability of `monthly` is below 99.0%',
      'more than 7 h 12 min of downtime in a 30-day month',
      'capped at 40%',
      '**below**',
    ]);
    expectHover(at('I'), ['Pays 5% of the monthly fee (600 CNY)** when the monthly min throughput of `capacity` is below 150rps']);
  });

  it('summarises schedules and maintenance windows', () => {
    const plain = CONTRACT.replace(/<\|[A-Z]\|>/g, '');
    assert.match(hoverText(plain.replace('during office', 'during off<|>ice')), /schedule office[\s\S]*45 h a week[\s\S]*mon\.\.fri 09:00-18:00[\s\S]*Holidays: 2026-10-01, 2026-10-02/);
    assert.match(hoverText(plain.replace('excluding nightly', 'excluding night<|>ly')), /maintenance nightly[\s\S]*Weekly: daily 02:00-03:00[\s\S]*Announced 2 d ahead/);
  });

  it('is empty on white space and in comments', () => {
    assert.equal(hoverText('sla S {\n   <|>  \n}'), '');
    assert.equal(hoverText('// objec<|>tive\nsla S {}'), '');
  });
});

describe('hover on the sla name', () => {
  it('summarises the contract', () => {
    expectHover('sla Sh<|>op "Shop" {\n  provider "P"\n  effective 2026-01-01 to 2026-12-31\n  objective o { }\n}', [
      'sla Shop "Shop"',
      'Provider: "P"',
      'Effective 2026-01-01 to 2026-12-31',
      '0 services, 0 indicators, 1 objective, 0 compensation clauses',
    ]);
  });
});
