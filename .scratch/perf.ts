import { parse } from '../server/src/language/parser';
import { readFileSync } from 'node:fs';
const example = readFileSync('test/fixtures/example.sla', 'utf8');
const body = example.slice(example.indexOf('{') + 1, example.lastIndexOf('}'));
let text = 'sla Big {\n';
let i = 0;
while (text.split('\n').length < 5000) text += body.replace(/\b(chat_api|business_hours|weekly_window|probe|api_latency|uptime|latency_p95)\b/g, `$1_${i}`), i++;
text += '}\n';
console.log('lines', text.split('\n').length, 'chars', text.length);
let t = performance.now(); parse('sla x {}'); console.log('warm-up (grammar build)', (performance.now() - t).toFixed(1), 'ms');
for (let k = 0; k < 8; k++) { t = performance.now(); const r = parse(text); console.log('parse', (performance.now() - t).toFixed(1), 'ms', r.tokens.length, 'tokens', r.diagnostics.length, 'diags'); }
