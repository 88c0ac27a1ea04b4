// Selection ranges step through every span that holds the cursor, a node's keyword and a
// block's `{`…`}` body among them (both made when read: server/src/language/span.ts).
import { strict as assert } from 'node:assert';
import type { SelectionRange } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/language/analyze';
import { LineIndex } from '../../server/src/language/text';
import { selectionRanges } from '../../server/src/services/features/selectionRange';

const TEXT = 'sla S {\n  objective up {\n    target >= 99.9%\n  }\n}\n';

function chainAt(offset: number): string[] {
  const lines = new LineIndex(TEXT);
  const [selection] = selectionRanges(analyze(TEXT), [lines.positionAt(offset)]);
  const chain: string[] = [];
  for (let s: SelectionRange | undefined = selection; s; s = s.parent) chain.push(TEXT.slice(lines.offsetAt(s.range.start), lines.offsetAt(s.range.end)));
  return chain;
}

describe('selection ranges', () => {
  it('step out from the white space in a block through its body, the block, the sla body, the sla, the file', () => {
    const objective = TEXT.slice(TEXT.indexOf('objective'), TEXT.indexOf('  }\n}') + 3);
    const body = objective.slice(objective.indexOf('{'));
    const slaBody = TEXT.slice(TEXT.indexOf('{'), TEXT.lastIndexOf('}') + 1);
    assert.deepEqual(chainAt(TEXT.indexOf('    target') + 2), [body, objective, slaBody, TEXT.trimEnd(), TEXT]);
  });

  it('step out from the end of a keyword through the keyword, its item, the block', () => {
    const chain = chainAt(TEXT.indexOf('objective') + 'objective'.length);
    assert.deepEqual(chain.slice(0, 2), ['objective', TEXT.slice(TEXT.indexOf('objective'), TEXT.indexOf('  }\n}') + 3)]);
  });
});
