// Every feature function on broken texts: truncated, braces removed, characters sprinkled
// in. None may throw (the server would answer nothing), and formatting must never lose text.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/language/analyze';
import { codeActions } from '../../server/src/services/features/codeActions';
import { codeLenses } from '../../server/src/services/features/codeLens';
import { completion } from '../../server/src/services/features/completion';
import { definition } from '../../server/src/services/features/definition';
import { foldingRanges } from '../../server/src/services/features/folding';
import { formatText } from '../../server/src/services/features/formatting';
import { hover } from '../../server/src/services/features/hover';
import { references } from '../../server/src/services/features/references';
import { prepareRename } from '../../server/src/services/features/rename';
import { selectionRanges } from '../../server/src/services/features/selectionRange';
import { semanticTokens } from '../../server/src/services/features/semanticTokens';
import { documentSymbols } from '../../server/src/services/features/symbols';
import { toLspDiagnostic } from '../../server/src/services/features/diagnostics';
import { lineIndexOf } from '../../server/src/services/support/text';
import { mulberry32 as random } from '../../scripts/prng';

const SAMPLE = readFileSync(new URL('../../samples/lanying-im.sla', import.meta.url), 'utf8');


function mutations(): string[] {
  const next = random(42);
  const texts: string[] = [];
  for (let i = 0; i < 40; i++) texts.push(SAMPLE.slice(0, Math.floor(next() * SAMPLE.length)));
  for (let i = 0; i < 30; i++) {
    const at = Math.floor(next() * SAMPLE.length);
    texts.push(SAMPLE.slice(0, at) + SAMPLE.slice(at + 1 + Math.floor(next() * 40)));
  }
  for (let i = 0; i < 30; i++) {
    const at = Math.floor(next() * SAMPLE.length);
    const junk = ['{', '}', '"', '/*', '//', '..', '%', ',', '>=', 'objective', '\n', '蓝', '99.9', 'p99.'][Math.floor(next() * 14)];
    texts.push(SAMPLE.slice(0, at) + junk + SAMPLE.slice(at));
  }
  texts.push(SAMPLE.replace(/}/g, ''), SAMPLE.replace(/{/g, ''), SAMPLE.replace(/"/g, ''));
  return texts;
}

describe('robustness of the feature functions', () => {
  it('never throw on broken texts, and formatting keeps every token', () => {
    const next = random(7);
    let formatted = 0;
    for (const text of mutations()) {
      const analysis = analyze(text);
      const index = lineIndexOf(analysis);
      const positions = Array.from({ length: 6 }, () => index.positionAt(Math.floor(next() * (text.length + 1))));
      const uri = 'file:///x.sla';
      try {
        for (const position of positions) {
          completion(analysis, position);
          hover(analysis, position);
          definition(analysis, position);
          references(analysis, position, true);
          prepareRename(analysis, position);
        }
        documentSymbols(analysis);
        foldingRanges(analysis);
        selectionRanges(analysis, positions);
        const data = semanticTokens(analysis);
        assert.equal(data.length % 5, 0);
        codeLenses(analysis, uri);
        const diagnostics = analysis.diagnostics.map(toLspDiagnostic);
        for (const d of diagnostics) codeActions(analysis, uri, d.range, { diagnostics: [d] });
        const result = formatText(analysis);
        if (result !== undefined) {
          formatted++;
          const squeeze = (s: string) => s.replace(/\s+/g, '');
          assert.equal(squeeze(result), squeeze(text), 'formatting changes only white space');
          assert.equal(formatText(analyze(result)), result, 'idempotent');
        }
      } catch (error) {
        assert.fail(`failed on text of ${text.length} characters: ${(error as Error).stack}\n---\n${text.slice(-200)}`);
      }
    }
    assert.ok(formatted > 0, 'some mutated texts are still formattable');
  });
});
