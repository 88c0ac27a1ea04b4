// The CST types the AST builder compiles against are those of the grammar as it is now.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { cstTypesSource, CST_TYPES_FILE } from '../../scripts/generate-cst-dts';

describe('typed CST', () => {
  it('is current: cst.generated.ts equals what `npm run generate:cst` writes', () => {
    const checkedIn = readFileSync(CST_TYPES_FILE, 'utf8');
    const generated = cstTypesSource();
    assert.ok(
      checkedIn === generated,
      `${CST_TYPES_FILE} is stale: the grammar changed since it was generated; run \`npm run generate:cst\` and commit it`,
    );
  });

  it('types the rules and labels the AST builder reads', () => {
    const generated = cstTypesSource();
    for (const rule of ['FileCstNode', 'SlaBlockCstNode', 'ObjectiveBlockCstNode', 'TargetItemCstNode', 'QuantityCstNode']) {
      assert.match(generated, new RegExp(`export interface ${rule} extends CstNode`), rule);
    }
    assert.match(generated, /export type TargetItemCstChildren = \{\n  keyword: IToken\[\];\n  aggregate\?: IToken\[\];\n  comparator: IToken\[\];\n  quantity: QuantityCstNode\[\];\n\};/);
  });
});
