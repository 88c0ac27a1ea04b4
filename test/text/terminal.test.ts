import * as assert from 'node:assert/strict';
import { terminalJson, terminalLine, terminalText } from '../../server/src/text/terminal';

describe('terminal escaping', () => {
  it('terminalText keeps line feeds and tabs and escapes every other C0, DEL, C1 and line separator', () => {
    assert.equal(terminalText('a\tb\nc\x1b]0;t\x07\r\x00\x7f\x85\x9b\u2028d'), 'a\tb\nc\\x1b]0;t\\x07\\r\\x00\\x7f\\x85\\x9b\\u2028d');
    assert.equal(terminalText('蓝莺IM 99.9% ≥ 500ms'), '蓝莺IM 99.9% ≥ 500ms');
  });

  it('terminalLine escapes line feeds too', () => {
    assert.equal(terminalLine('one\ntwo\r\n'), 'one\\ntwo\\r\\n');
  });

  it('terminalJson gives the same JSON value with no raw C1 or line separator', () => {
    const value = { s: 'x\x1b\x9b\u2028\x7f' };
    const safe = terminalJson(JSON.stringify(value));
    assert.doesNotMatch(safe, /[\x00-\x1f\x7f-\x9f\u2028]/);
    assert.deepEqual(JSON.parse(safe), value);
  });
});
