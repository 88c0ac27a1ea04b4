// Name resolution (scope.ts) and SLA100, SLA101, SLA102.
import * as assert from 'node:assert/strict';
import { analyze, analyzeEdit } from '../../../server/src/language/analyze';
import { buildScopes, lookup, referencesTo, resolvedAs } from '../../../server/src/language/scope';
import { contract, expectClean, expectNone, expectOne, find, findIn, withCode } from './helpers';

const INDICATOR = `
  indicator probe { kind availability metric "probe_success" }`;

describe('scope', () => {
  it('resolves references that come before their definitions', () => {
    const text = contract(`
  compensation for uptime { below 99.9% credit 10% }
  objective uptime {
    service api
    indicator probe
    target >= 99.9%
    window calendar month
    during office
    excluding patching, backups
  }
  service api { description "API" }
  schedule office { mon..fri 09:00-17:00 }
  maintenance patching { every sun 01:00-02:00 }
  maintenance backups { every sat 01:00-02:00 }
  credits { claim within 30d }
  support { hours office severity P1 "Down" response 15m }
${INDICATOR}`);
    const { scopes, diagnostics } = analyze(text);
    assert.deepEqual(diagnostics, []);
    const [scope] = scopes;
    const resolved = scope.references.map((r) => [r.ref.text, r.expected.join(), r.definition?.sort, r.clause]);
    assert.deepEqual(resolved, [
      ['uptime', 'objective', 'objective', 'compensation for'],
      ['api', 'service', 'service', 'service'],
      ['probe', 'indicator', 'indicator', 'indicator'],
      ['office', 'schedule', 'schedule', 'during'],
      ['patching', 'maintenance', 'maintenance', 'excluding'],
      ['backups', 'maintenance', 'maintenance', 'excluding'],
      ['office', 'schedule', 'schedule', 'hours'],
    ]);
    const office = lookup(scope, 'office', 'schedule')!;
    assert.equal(office.nameSpan.text, 'office');
    assert.deepEqual(office.nameSpan.range, find(text, 'office', 2));
    assert.equal(referencesTo(scope, office).length, 2);
    assert.equal(lookup(scope, 'office', 'indicator'), undefined);
    assert.equal(scope.severities.get('P1')?.sort, 'severity');
    assert.equal(scope.definitions.has('P1'), false, 'severities are not in the sla namespace');
  });

  it('keeps one namespace per sla block', () => {
    const text = `${contract(INDICATOR)}
sla Other {
  objective uptime { indicator probe target >= 99% window rolling 30d }
}`;
    const scopes = buildScopes(analyze(text).parse.file);
    assert.equal(scopes.length, 2);
    assert.equal(scopes[1].references[0].definition, undefined);
    assert.equal(withCode(text, 'SLA101').length, 1);
  });

  it('gives the wrongly sorted definition but resolvedAs rejects it', () => {
    const text = contract(`${INDICATOR}
  objective uptime { indicator probe target >= 99% window calendar month during probe }`);
    const [scope] = analyze(text).scopes;
    const during = scope.references.find((r) => r.clause === 'during')!;
    assert.equal(during.definition?.sort, 'indicator');
    assert.equal(resolvedAs(during), undefined);
  });
});

describe('SLA100 name defined twice', () => {
  it('is reported on the later definition, naming the first', () => {
    const text = contract(`${INDICATOR}
  objective probe { indicator probe target >= 99% window rolling 30d }`);
    expectOne(text, {
      code: 'SLA100',
      severity: 'error',
      range: find(text, 'probe', 3),
      words: ['`probe`', 'already defined', 'an indicator', `line ${find(text, 'probe').start.line + 1}`],
    });
  });

  it('is reported for two severities of one name', () => {
    const text = contract(`
  support {
    severity P1 "Down" response 15m
    severity P1 "Degraded" response 1h
  }`);
    expectOne(text, { code: 'SLA100', severity: 'error', range: find(text, 'P1', 2), words: ['severity `P1`', 'already defined'] });
  });

  it('is not reported for a severity named like an objective, or one name in two slas', () => {
    const text = `${contract(`${INDICATOR}
  objective P1 { indicator probe target >= 99% window rolling 30d }
  support { severity P1 "Down" response 15m }`)}
${contract(INDICATOR)}`;
    expectNone(text, 'SLA100');
  });
});

describe('SLA101 unknown name', () => {
  it('suggests a close name of the right sort', () => {
    const text = contract(`${INDICATOR}
  objective uptime { indicator prob target >= 99% window rolling 30d }`);
    expectOne(text, {
      code: 'SLA101',
      severity: 'error',
      range: findIn(text, 'indicator prob ', 'prob'),
      words: ['unknown indicator `prob`', 'did you mean `probe`?'],
    });
  });

  it('gives the suggestion as data for the quick fix', () => {
    const text = contract(`
  schedule business_hours { mon..fri 09:00-18:00 }
  support { hours busines_hours }`);
    const d = expectOne(text, {
      code: 'SLA101',
      severity: 'error',
      range: find(text, 'busines_hours'),
      words: ['unknown schedule `busines_hours`', 'did you mean `business_hours`?'],
    });
    assert.deepEqual(d.data, { suggestion: 'business_hours' });
  });

  it('does not suggest a close name of another sort', () => {
    const text = contract(`${INDICATOR}
  objective uptime { indicator probe target >= 99% window rolling 30d during prob }`);
    const d = expectOne(text, {
      code: 'SLA101',
      severity: 'error',
      range: findIn(text, 'during prob', 'prob'),
      words: ['unknown schedule `prob`', 'define it'],
    });
    assert.equal(d.data, undefined);
  });

  it('suggests nothing for a name far from every definition, but lists the few there are', () => {
    const text = contract(`${INDICATOR}
  objective uptime { indicator probe target >= 99% window calendar month }
  compensation for uptime { below 99% credit 10% }
  compensation for availability { below 99% credit 10% }
  credits { claim within 30d }`);
    const d = expectOne(text, {
      code: 'SLA101',
      severity: 'error',
      range: findIn(text, 'for availability', 'availability'),
      words: ['unknown objective `availability`', 'define it', '(defined here: `uptime`)'],
    });
    assert.doesNotMatch(d.message, /did you mean/);
  });

  it('reports every use of an unknown name and nothing for known ones', () => {
    const text = contract(`
  objective a { indicator missing target >= 99% window rolling 1d excluding gone, gone }`);
    assert.deepEqual(
      withCode(text, 'SLA101').map((d) => d.range),
      [find(text, 'missing'), find(text, 'gone'), find(text, 'gone', 2)],
    );
    expectClean(
      contract(`${INDICATOR}
  objective a { indicator probe target >= 99% window rolling 1d }`),
    );
  });
});

describe('SLA102 wrong sort of name', () => {
  const DEFINITIONS = `
  service api { description "API" }
  schedule office { mon..fri 09:00-17:00 }
  maintenance patching { every sun 01:00-02:00 }${INDICATOR}
  objective uptime { indicator probe target >= 99% window rolling 30d }`;

  const cases: [clause: string, line: string, name: string, wanted: string][] = [
    ['indicator', 'objective x { indicator api target >= 99% window rolling 1d }', 'api', 'an indicator'],
    ['service', 'objective x { indicator probe service probe target >= 99% window rolling 1d }', 'probe', 'a service'],
    ['during', 'objective x { indicator probe target >= 99% window rolling 1d during patching }', 'patching', 'a schedule'],
    ['excluding', 'objective x { indicator probe target >= 99% window rolling 1d excluding office }', 'office', 'a maintenance'],
    ['compensation for', 'compensation for probe { below 99% credit 5% }', 'probe', 'an objective'],
    ['hours', 'support { hours patching }', 'patching', 'a schedule'],
  ];
  for (const [clause, line, name, wanted] of cases) {
    it(`\`${clause}\` naming the wrong sort`, () => {
      const text = contract(`${DEFINITIONS}
  ${line}
  credits { claim within 30d }`);
      expectOne(text, {
        code: 'SLA102',
        severity: 'error',
        range: findIn(text, `${clause} ${name}`, name),
        words: [`\`${clause}\` must name ${wanted}, but \`${name}\` is`],
      });
    });
  }

  it('suggests a close name of the right sort', () => {
    const text = contract(`
  schedule office { mon..fri 09:00-17:00 }
  maintenance offices { every sun 01:00-02:00 }${INDICATOR}
  objective x { indicator probe target >= 99% window rolling 1d during offices }`);
    const d = expectOne(text, {
      code: 'SLA102',
      severity: 'error',
      range: find(text, 'offices', 2),
      words: ['`during` must name a schedule', 'a maintenance', 'did you mean `office`?'],
    });
    assert.deepEqual(d.data, { suggestion: 'office' });
  });

  it('is not reported when every clause names the right sort', () => {
    expectNone(
      contract(`${DEFINITIONS}
  objective x { service api indicator probe target >= 99% window rolling 1d during office excluding patching }
  support { hours office }`),
      'SLA102',
    );
  });
});

describe('SLA101 by the thousand (a generated contract with a misspelt prefix)', () => {
  /** `count` objectives each naming `prob_<i>` where `probe_<i>` is defined: one SLA101 each. */
  function misspelt(count: number): string {
    const lines = ['sla Many {'];
    for (let i = 0; i < count; i++) {
      lines.push(`  indicator probe_${i} { kind availability metric "up_${i}" }`);
      lines.push(`  objective uptime_${i} { indicator prob_${i} target >= 99% window rolling 1d }`);
    }
    lines.push('}');
    return lines.join('\n');
  }

  it('words each shown diagnostic with its suggestion, and SLA004 counts the rest', () => {
    const diagnostics = analyze(misspelt(1500)).diagnostics;
    const shown = diagnostics.filter((d) => d.code === 'SLA101');
    assert.ok(shown.length >= 900, `${shown.length} SLA101 shown`);
    for (const d of shown) {
      const name = /`(prob_\d+)`/.exec(d.message)?.[1];
      assert.ok(name, d.message);
      assert.match(d.message, new RegExp(`did you mean \`probe_${name.slice(5)}\`\\?`));
      assert.deepEqual(d.data, { suggestion: `probe_${name.slice(5)}` });
    }
    assert.equal(diagnostics.at(-1)!.code, 'SLA004');
    assert.ok(diagnostics.every((d) => d.message.length > 0));
  });

  it('an edit that shows diagnostics hidden before words them as a full analysis does', () => {
    let text = misspelt(1200);
    let analysis = analyze(text);
    // Correct the first 300 references one edit at a time: the diagnostics after them move into view.
    for (let i = 0; i < 300; i += 30) {
      const at = text.indexOf(`indicator prob_${i} `) + 'indicator prob'.length;
      text = text.slice(0, at) + 'e' + text.slice(at);
      analysis = analyzeEdit(analysis, text, { start: at, oldEnd: at, newEnd: at + 1 });
      assert.deepEqual(analysis.diagnostics, analyze(text).diagnostics, `after correcting prob_${i}`);
    }
  });
});
