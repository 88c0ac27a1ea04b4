// Whole contracts: the LANGUAGE.md example, the bundled samples and the broken samples.
// The expected diagnostics of each broken sample were written by reading the file.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/language/analyze';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function codesWithLines(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return analyze(text).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
}

describe('the LANGUAGE.md example', () => {
  it('has no diagnostics but information', () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/example.sla'), 'utf8');
    const notInformation = analyze(text).diagnostics.filter((d) => d.severity !== 'information');
    assert.deepEqual(notInformation, []);
  });
});

describe('the bundled samples', () => {
  for (const file of readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.sla'))) {
    it(`${file} has no errors`, () => {
      const text = readFileSync(path.join(ROOT, 'samples', file), 'utf8');
      assert.deepEqual(analyze(text).diagnostics.filter((d) => d.severity === 'error'), []);
    });
  }
});

/** code@line (1-based), in position order. */
const EXPECTED: Record<string, string[]> = {
  'unknown-names.sla': ['SLA100@30', 'SLA101@41', 'SLA101@42', 'SLA102@45', 'SLA103@53'],
  'units.sla': [
    'SLA210@18',
    'SLA205@24',
    'SLA206@28',
    'SLA205@32',
    'SLA206@32',
    'SLA208@38',
    'SLA202@44',
    'SLA207@50',
    'SLA209@56',
    'SLA203@62',
    'SLA207@68',
  ],
  'compensation.sla': [
    'SLA300@42',
    'SLA303@55',
    'SLA304@57',
    'SLA305@58',
    'SLA301@62',
    'SLA302@64',
    'SLA308@68',
    'SLA306@69',
    'SLA310@72',
    'SLA309@75',
    'SLA307@76',
  ],
  'schedule.sla': ['SLA402@6', 'SLA401@7', 'SLA400@12', 'SLA400@13', 'SLA400@18'],
  'input-method.sla': ['SLA003@15', 'SLA003@22', 'SLA003@22', 'SLA214@23', 'SLA003@28'],
  'missing-parts.sla': ['SLA500@3', 'SLA501@3', 'SLA502@3', 'SLA503@3', 'SLA200@9', 'SLA201@14', 'SLA204@19', 'SLA504@41'],
};

describe('samples/broken', () => {
  const files = readdirSync(path.join(ROOT, 'samples/broken')).filter((f) => f.endsWith('.sla'));

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} gives exactly ${[...new Set(expected.map((e) => e.slice(0, 6)))].join(', ')}`, () => {
      assert.deepEqual(codesWithLines(`samples/broken/${file}`), expected);
    });
  }

  it('syntax.sla gives only the parser’s codes: SLA002 on the impossible date and unit, SLA001 on the missing value', () => {
    const found = codesWithLines('samples/broken/syntax.sla');
    assert.deepEqual(
      found.filter((c) => c.startsWith('SLA002')),
      ['SLA002@7', 'SLA002@18'],
    );
    const others = found.filter((c) => !c.startsWith('SLA002'));
    assert.ok(others.length >= 1 && others.every((c) => c === 'SLA001@24' || c === 'SLA001@25'), JSON.stringify(found));
  });

  it('together show every checker code', () => {
    const all = new Set(files.flatMap((f) => codesWithLines(`samples/broken/${f}`).map((c) => c.slice(0, 6))));
    const checkerCodes = [100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210]
      .concat([300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 400, 401, 402, 500, 501, 502, 503, 504])
      .map((n) => `SLA${n}`);
    for (const code of ['SLA001', 'SLA002', 'SLA003', 'SLA214', ...checkerCodes]) assert.ok(all.has(code), `no broken sample shows ${code}`);
  });
});
