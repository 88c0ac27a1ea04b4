// Error recovery: one syntax error must not hide the rest of the file (LANGUAGE.md section 4).
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type * as A from '../../server/src/language/ast';
import { analyze } from '../../server/src/language/analyze';
import { parse } from '../../server/src/language/parser';

/** A compact outline: `Objective:uptime[IndicatorRef,Target]` for every sla item. */
function outline(text: string): string[] {
  return parse(text).file.slas.flatMap((sla) =>
    sla.items.map((item) => {
      const name = 'name' in item && item.name ? `:${item.name.text}` : '';
      const children = 'items' in item ? `[${(item.items as { type: string }[]).map((i) => i.type).join(',')}]` : 'tiers' in item ? `[${item.tiers.length} tiers]` : '';
      return `${item.type}${name}${children}`;
    }),
  );
}

function errors(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

function objective(text: string, name: string): A.Objective {
  const found = parse(text)
    .file.slas.flatMap((s) => s.items)
    .find((i): i is A.Objective => i.type === 'Objective' && i.name?.text === name);
  assert.ok(found, `objective ${name} not in the AST`);
  return found;
}

describe('parser error recovery', () => {
  it('keeps the blocks after a service whose `}` is missing', () => {
    const text = [
      'sla X {',
      '  service chat_api "Chat" {',
      '    description "REST API"',
      '',
      '  objective uptime {',
      '    indicator probe',
      '    target >= 99.9%',
      '    window calendar month',
      '  }',
      '  indicator probe { kind availability metric "up" }',
      '}',
    ].join('\n');
    assert.deepEqual(errors(text), ['2:26 expected `}` to close the service']);
    assert.deepEqual(outline(text), ['Service:chat_api[Description]', 'Objective:uptime[IndicatorRef,Target,Window]', 'Indicator:probe[Kind,Metric]']);
    const service = parse(text).file.slas[0].items[0] as A.Service;
    assert.equal(service.body?.endOffset, text.indexOf('"REST API"') + '"REST API"'.length);
  });

  it('keeps the items after garbage inside an objective', () => {
    const text = 'sla X {\n  objective o {\n    indicator p\n    @@ what is this ) 12\n    target >= 99%\n    window calendar month\n  }\n  objective q { indicator p }\n}';
    assert.deepEqual(outline(text), ['Objective:o[IndicatorRef,Target,Window]', 'Objective:q[IndicatorRef]']);
    assert.deepEqual(errors(text), [
      '3:4 unexpected characters `@@`',
      '3:7 unexpected `what`: expected an objective item (`indicator`, `service`, `target`, `window`, `during`, `excluding`, `description`, `coverage`) or `}`',
      '3:20 unexpected character `)`',
    ]);
  });

  it('keeps the next items and objectives after a half-typed target', () => {
    const text = 'sla X {\n  objective o {\n    target >=\n    window calendar month\n  }\n  objective p { target p95 <= 300ms }\n}';
    assert.deepEqual(errors(text), ['2:13 expected a number after `>=`']);
    const o = objective(text, 'o');
    const target = o.items.find((i): i is A.TargetItem => i.type === 'Target');
    assert.equal(target?.comparator?.op, '>=');
    assert.equal(target?.quantity, undefined);
    assert.equal(text.slice(target!.offset, target!.endOffset), 'target >=');
    assert.deepEqual(o.items.map((i) => i.type), ['Target', 'Window']);
    assert.equal(objective(text, 'p').items.length, 1);
  });

  it('keeps an item whose name is missing', () => {
    const text = 'sla X {\n  objective o {\n    indicator\n    service s\n  }\n}';
    assert.deepEqual(errors(text), ['2:13 expected the name of an indicator after `indicator`']);
    const items = objective(text, 'o').items;
    assert.deepEqual(items.map((i) => i.type), ['IndicatorRef', 'ServiceRef']);
    assert.equal((items[0] as A.IndicatorRefItem).ref, undefined);
    assert.equal((items[1] as A.ServiceRefItem).ref?.text, 's');
  });

  it('keeps an objective cut off at the end of the file', () => {
    const text = 'sla X {\n  version "1"\n  objective up';
    assert.deepEqual(errors(text), ['2:14 expected `{` after the objective name']);
    assert.deepEqual(outline(text), ['Version', 'Objective:up[]']);
    const up = objective(text, 'up');
    assert.equal(up.body, undefined);
    assert.equal(text.slice(up.offset, up.endOffset), 'objective up');
  });

  it('parses the items of an objective whose `{` is missing', () => {
    const text = 'sla X {\n  objective o\n    indicator p\n    target >= 1%\n  }\n  review monthly\n}';
    assert.deepEqual(errors(text), ['1:13 expected `{` after the objective name']);
    assert.deepEqual(outline(text), ['Objective:o[IndicatorRef,Target]', 'Review']);
  });

  it('ends an objective at a block that starts inside it', () => {
    const text = 'sla X {\n  objective o {\n    indicator p\n  indicator p "Probe" {\n    kind availability\n  }\n}';
    assert.deepEqual(errors(text), ['2:15 expected `}` to close the objective']);
    assert.deepEqual(outline(text), ['Objective:o[IndicatorRef]', 'Indicator:p[Kind]']);
  });

  it('starts a new sla when `sla` appears inside an unclosed one', () => {
    const text = 'sla A {\n  objective o {\n    target >= 1%\n\nsla B {\n  version "2"\n}';
    assert.deepEqual(outline(text), ['Objective:o[Target]', 'Version']);
    assert.deepEqual(parse(text).file.slas.map((s) => s.name?.text), ['A', 'B']);
    assert.deepEqual(errors(text), ['2:16 expected `}` to close the objective']);
  });

  it('keeps items after an extra `}` in the sla they were meant for', () => {
    const text = 'sla X {\n  service s { description "d" } }\n  objective o { target >= 1% }\n  indicator i { kind latency }\n}';
    assert.deepEqual(errors(text), ['2:2 `objective` is outside the `sla` block `X`: an extra `}` above may have closed it early']);
    assert.deepEqual(outline(text), ['Service:s[Description]', 'Objective:o[Target]', 'Indicator:i[Kind]']);
    const sla = parse(text).file.slas[0];
    assert.equal(sla.endOffset, text.length - 2, 'the sla span covers the adopted items');
  });

  it('skips a misspelt block whole with one message', () => {
    const text = 'sla X {\n  objectve o {\n    service s\n    target >= 1%\n  }\n  review monthly\n}';
    assert.deepEqual(errors(text), ['1:2 unexpected `objectve`: did you mean `objective`?']);
    assert.deepEqual(outline(text), ['Review']);
  });

  it('deletes a stray token when the next one is what was expected', () => {
    const text = 'sla X { objective o { target foo >= 99% } objective "extra" p { } }';
    const target = objective(text, 'o').items[0] as A.TargetItem;
    assert.deepEqual([target.comparator?.op, target.quantity?.value, target.quantity?.unit], ['>=', 99, '%']);
    assert.deepEqual(errors(text), [
      '0:29 expected a comparator (`>=`, `>`, `<=`, `<`) after `target`',
      '0:52 expected a name after `objective`',
    ]);
  });

  it('keeps list items after a trailing comma', () => {
    const text = 'sla X {\n  service s {\n    includes "a",\n    excludes "b"\n  }\n}';
    assert.deepEqual(errors(text), ['2:17 expected a string after `,`']);
    assert.deepEqual(outline(text), ['Service:s[Includes,Excludes]']);
  });

  it('reports one error per broken clause and keeps the other clauses', () => {
    const text = [
      'sla X {',
      '  effective 2026-01-01 to',
      '  fee 100 per month',
      '  maintenance m { on 2026-10-17 for 2h  notice 1h }',
      '  compensation for o { below 99% credit }',
      '  credits { cap 50% claim within remedy "r" }',
      '  support { severity P1 response resolve 4h }',
      '  reporting monthly to "a",',
      '  review',
      '}',
    ].join('\n');
    assert.deepEqual(errors(text), [
      '1:25 expected a date (YYYY-MM-DD) after `to`',
      '2:10 expected a currency (three capital letters such as `CNY`) after `100`',
      '3:21 expected a date-time (YYYY-MM-DDTHH:MM) after `on`',
      '4:40 expected a number after `credit`',
      '5:33 expected a number after `within`',
      '6:33 expected a number after `response`',
      '7:27 expected a string after `,`',
      '8:8 expected a cadence (`daily`, `weekly`, `monthly`, `quarterly`, `yearly`) after `review`',
    ]);
    assert.deepEqual(outline(text), [
      'Effective',
      'Fee',
      'Maintenance:m[On,Notice]',
      'Compensation[1 tiers]',
      'Credits[Cap,Claim,Remedy]',
      'Support[Severity]',
      'Reporting',
      'Review',
    ]);
    const fee = parse(text).file.slas[0].items[1] as A.FeeItem;
    assert.deepEqual([fee.amount?.value, fee.amount?.unit, fee.period?.text], [100, undefined, 'month']);
  });

  it('recovers inside every kind of block', () => {
    const text = [
      'sla X {',
      '  service s { 1 description "d" }',
      '  schedule h { 09:00-10:00 mon 09:00-10:00 }',
      '  maintenance m { x notice 1h }',
      '  indicator i { kind kind latency metric "m" }',
      '  compensation for o { 5% below 1% credit 1% }',
      '  credits { ? cap 1% }',
      '  responsibilities { who provider "p" }',
      '  support { p1 hours h }',
      '}',
    ].join('\n');
    const result = parse(text);
    assert.deepEqual(outline(text), [
      'Service:s[Description]',
      'Schedule:h[ScheduleLine]',
      'Maintenance:m[Notice]',
      'Indicator:i[Kind,Metric]',
      'Compensation[1 tiers]',
      'Credits[Cap]',
      'Responsibilities[Responsibility]',
      'Support[Hours]',
    ]);
    assert.equal(result.diagnostics.length, 8, result.diagnostics.map((d) => d.message).join('\n'));
    assert.ok(result.diagnostics.every((d) => d.code === 'SLA001'));
    assert.match(result.diagnostics[1].message, /a schedule line starts with days/);
  });

  it('lets the checker report on what follows a syntax error', () => {
    const text = [
      'sla X {',
      '  service s {',
      '    description "no closing brace"',
      '  objective uptime {',
      '    indicator prob',
      '    target >= 99.9%',
      '    window calendar month',
      '  }',
      '  indicator probe { kind availability metric "up" }',
      '}',
    ].join('\n');
    const codes = analyze(text).diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(codes.includes('SLA001@2'), codes.join(' '));
    assert.ok(codes.includes('SLA101@4'), `the unknown indicator in the later objective is still reported: ${codes.join(' ')}`);
  });
});
