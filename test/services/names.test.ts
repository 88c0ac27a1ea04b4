import { strict as assert } from 'node:assert';
import { definition } from '../../server/src/services/features/definition';
import { references } from '../../server/src/services/features/references';
import { prepareRename, rename } from '../../server/src/services/features/rename';
import { marked } from './helpers';

const TEXT = `sla A {
  schedule office { mon..fri 09:00-18:00 }
  indicator probe { kind availability metric "up" }
  objective up { indicator probe target >= 99% window calendar month during office }
  objective again { indicator prob target >= 99% window calendar month during office }
  support {
    hours office
    severity P1 response 15m
    severity P2 response 1h
  }
}
sla B {
  indicator probe { kind availability metric "up" }
}
`;

function at(text: string, needle: string, delta = 0, nth = 0) {
  const { analysis } = marked(text);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  const before = text.slice(0, offset + delta).split('\n');
  return { analysis, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

describe('names: definition, references, rename', () => {
  it('finds definitions and references within the sla of the cursor only', () => {
    const { analysis, position } = at(TEXT, 'during office', 8);
    const [target] = definition(analysis, position);
    assert.equal(target.start.line, 1);
    assert.equal(references(analysis, position, true).length, 4);
    assert.equal(references(analysis, position, false).length, 3);
    const other = at(TEXT, 'indicator probe {', 11, 1);
    assert.equal(references(other.analysis, other.position, true).length, 1, 'the probe of sla B is not the probe of sla A');
  });

  it('has no definition for an unknown name, and refuses to rename it', () => {
    const { analysis, position } = at(TEXT, 'indicator prob ', 11);
    assert.deepEqual(definition(analysis, position), []);
    const result = prepareRename(analysis, position);
    assert.ok('error' in result && /names nothing defined/.test(result.error));
  });

  it('renames severities in their own namespace', () => {
    const { analysis, position } = at(TEXT, 'severity P1', 9);
    const prepared = prepareRename(analysis, position);
    assert.ok('placeholder' in prepared && prepared.placeholder === 'P1');
    const clash = rename(analysis, position, 'P2');
    assert.ok('error' in clash && /already defined in this sla: a severity on line 9/.test(clash.error));
    const ok = rename(analysis, position, 'office');
    assert.ok('edits' in ok && ok.edits.length === 1, 'a severity may share a name with a schedule');
  });

  it('renames every occurrence, and refuses keywords and clashes', () => {
    const { analysis, position } = at(TEXT, 'schedule office', 10);
    const result = rename(analysis, position, 'business_hours');
    assert.ok('edits' in result);
    assert.deepEqual(result.edits.map((e) => e.range.start.line), [1, 3, 4, 6]);
    const clash = rename(analysis, position, 'probe');
    assert.ok('error' in clash && /an indicator on line 3/.test(clash.error));
    const keyword = prepareRename(analysis, { line: 1, character: 3 });
    assert.ok('error' in keyword && /`schedule` is a keyword/.test(keyword.error));
    const contextual = rename(analysis, position, 'daily');
    assert.ok('edits' in contextual, 'contextual words may be names');
  });
});
