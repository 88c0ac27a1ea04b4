import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/language/analyze';
for (const f of process.argv.slice(2)) {
  for (const d of analyze(readFileSync(f, 'utf8')).diagnostics)
    console.log(`${f}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}: ${d.message}${d.data ? ' ' + JSON.stringify(d.data) : ''}`);
}
