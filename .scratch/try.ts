import { parse } from '../server/src/language/parser';
import { readFileSync } from 'node:fs';
const file = process.argv[2];
const text = file ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
const t0 = performance.now();
const r = parse(text);
const t1 = performance.now();
console.log('ms', (t1 - t0).toFixed(1));
for (const d of r.diagnostics) console.log(d.code, `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`, d.message);
for (const s of r.file.slas) {
  console.log('sla', s.name?.text, s.items.map((i: any) => `${i.type}${i.name ? ':' + i.name.text : ''}${i.items ? '[' + i.items.map((x: any) => x.type).join(',') + ']' : ''}${i.tiers ? '[' + i.tiers.length + ' tiers]' : ''}`).join(' '));
}
if (process.env.DUMP) console.log(JSON.stringify(r.file, (k, v) => (k === 'range' || k === 'numberRange' || k === 'unitRange') && v?.start?.line !== undefined ? `${v.start.line}:${v.start.character}-${v.end.line}:${v.end.character}` : v, 1));
