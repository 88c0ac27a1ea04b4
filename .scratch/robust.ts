import { parse } from '../server/src/language/parser';
import { tokenize } from '../server/src/language/lexer';
import { readFileSync } from 'node:fs';
const text = readFileSync('test/fixtures/example.sla', 'utf8');
let internal = 0, n = 0;
const t0 = performance.now();
for (let i = 0; i <= text.length; i++) {
  const r = parse(text.slice(0, i)); n++;
  if (r.diagnostics.some((d) => d.message.startsWith('internal'))) { internal++; if (internal < 3) console.log('prefix', i, r.diagnostics.find((d) => d.message.startsWith('internal'))!.message.slice(0, 300)); }
}
const toks = tokenize(text).tokens;
for (const t of toks) {
  const r = parse(text.slice(0, t.startOffset) + text.slice(t.startOffset + t.image.length)); n++;
  if (r.diagnostics.some((d) => d.message.startsWith('internal'))) { internal++; if (internal < 5) console.log('delete', t.image, r.diagnostics[0].message.slice(0, 300)); }
}
console.log(n, 'parses', internal, 'internal errors', ((performance.now() - t0) / n).toFixed(2), 'ms/parse');
