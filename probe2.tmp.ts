import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { analyze } from './server/src/language/analyze';
const files = execSync('find test samples -name "*.sla"').toString().trim().split('\n');
const snippets = [
  'sla X { objective o { target >= 99% } } }\nobjective p { }',
  'version "1"',
  'sla X { indicator i { kind latency unit parsecs } }',
  'sla X { fee 100 usd per month }',
  'sla X { objective target { } }',
  'sla X { support { severity sla response 1h } }',
  'sla X { description "a\\qb" provider "x\\u{D800}" customer "\\u{zz}" version "abc\\',
  'sla X { effective 2026-02-30 to 2026-1-01 reviewed 2026-13-01 }',
  'sla X { schedule s { mon..fri 24:00-25:00 9:00-10:61 } maintenance m { on 2026-01-01T25:00 for 2h on 2026-01-01T10:00:61 for 1h on 2026-01-01T10:00+25:00 for 1h } }',
  'sla X { objective o { target p101 <= 5ms } }',
  'sla X { indicator i { kind availability metric "m" } objective o { indicator i target >= 99% window calendar month } compensation for o { below 99% credit 10% } ',
  'sla 蓝莺 { objective o { target >= 99％ window calendar month } } # ¤',
  'sla X { objective o { target 99 window calendar month kind latency } holidays 2026-01-01 }',
  'sla X { schedule s { 09:00-17:00 } credits { cap 10 claim 30 } }',
  'sla X { indicator i { metric "m" kind latency } objective o { indicator i target <= 5 rps window rolling 7 } }',
  '/* open comment',
  'sla X {' + ' objective o {'.repeat(70),
  'sla X { ' + '@ '.repeat(150) + ' }',
  'sla { }',
  'sla X "title" { objective o "t" { indicator } }',
  'sla X { indicator i "t" kind }',
  'sla X { responsibilities { foo } compensation for o { 12 } credits { wrong } support { x } service s { y } maintenance m { z } }',
];
const bad = new Set<string>();
let count = 0;
for (const text of [...files.map((f) => readFileSync(f, 'utf8')), ...snippets]) {
  for (const d of analyze(text, { locale: 'zh-CN' }).diagnostics) {
    count++;
    if (!/[\u4e00-\u9fff]/.test(d.message)) bad.add(d.code + ' ' + d.message);
  }
}
console.log(count, 'diagnostics');
console.log([...bad].join('\n'));
for (const s of snippets.slice(0, 12)) for (const d of analyze(s, { locale: 'zh-CN' }).diagnostics) console.log(d.code, d.message);
