import { tokenize } from '../server/src/language/lexer';
import { SlaGrammar } from '../server/src/language/parse/grammar';
import { AstBuilder } from '../server/src/language/parse/ast-builder';
import { LineIndex } from '../server/src/language/text';
import { readFileSync } from 'node:fs';
const example = readFileSync('test/fixtures/example.sla', 'utf8');
const body = example.slice(example.indexOf('{') + 1, example.lastIndexOf('}'));
let text = 'sla Big {\n';
let i = 0;
while (text.split('\n').length < 5000) text += body.replace(/\b(chat_api|business_hours|weekly_window|probe|api_latency|uptime|latency_p95)\b/g, `$1_${i}`), i++;
text += '}\n';
const g = new SlaGrammar();
for (let k = 0; k < 10; k++) {
  let t = performance.now();
  const lx = tokenize(text); const t1 = performance.now();
  const cst = g.parseTokens(lx.tokens); const t2 = performance.now();
  const li = new LineIndex(text); const b = new AstBuilder(li); b.file(cst, text.length); const t3 = performance.now();
  console.log(`lex ${(t1 - t).toFixed(1)} parse ${(t2 - t1).toFixed(1)} build ${(t3 - t2).toFixed(1)}`);
}
