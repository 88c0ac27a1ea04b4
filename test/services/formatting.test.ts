import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../../server/src/language/analyze';
import { formatDocument, formatText } from '../../server/src/services/features/formatting';

function format(text: string): string {
  const result = formatText(analyze(text));
  assert.ok(result !== undefined, 'formattable');
  // Idempotent, and formatting never changes what the checker says.
  assert.equal(formatText(analyze(result)), result, 'idempotent');
  const codes = (t: string) => analyze(t).diagnostics.map((d) => d.code).join(',');
  assert.equal(codes(result), codes(text));
  return result;
}

describe('formatting', () => {
  it('leaves the canonically written samples unchanged', () => {
    const dir = new URL('../../samples/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.sla'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      assert.equal(format(text), text, file);
    }
  });

  it('puts one item per line with two-space indentation', () => {
    assert.equal(
      format('sla A { version "1" indicator p { kind availability metric "m" } objective o { indicator p target >= 99% window calendar month } }'),
      'sla A {\n  version "1"\n  indicator p {\n    kind availability\n    metric "m"\n  }\n  objective o {\n    indicator p\n    target >= 99%\n    window calendar month\n  }\n}\n',
    );
  });

  it('normalises spaces around units, ranges and commas', () => {
    const text = 'sla A {\n  schedule s {\n    mon .. fri   09:00 - 12:00 ,13:00-18:00\n  }\n  maintenance m {\n    notice 72 h\n  }\n  fee 100USD per month\n  credits {\n    cap 50 %\n  }\n}\n';
    assert.equal(
      format(text),
      'sla A {\n  schedule s {\n    mon..fri 09:00-12:00, 13:00-18:00\n  }\n  maintenance m {\n    notice 72h\n  }\n  fee 100 USD per month\n  credits {\n    cap 50%\n  }\n}\n',
    );
  });

  it('keeps comments where they are: own line, trailing, after a brace, inside an item', () => {
    const text = [
      '/* file',
      '   header */',
      'sla A { // the contract',
      '',
      '',
      '      // about the service',
      'service s {',
      '  includes "a", // first',
      '     "b"',
      '  /* before the end */',
      '}',
      '} // end',
      '',
    ].join('\n');
    assert.equal(
      format(text),
      [
        '/* file',
        '   header */',
        'sla A { // the contract',
        '',
        '  // about the service',
        '  service s {',
        '    includes "a", // first',
        '      "b"',
        '    /* before the end */',
        '  }',
        '} // end',
        '',
      ].join('\n'),
    );
  });

  it('moves the lines of a block comment with its first line', () => {
    assert.equal(format('sla A {\n        /* one\n           two */\n  version "1"\n}\n'), 'sla A {\n  /* one\n     two */\n  version "1"\n}\n');
  });

  it('separates sla blocks by one blank line and keeps CRLF line ends', () => {
    assert.equal(format('sla A {\r\n}\r\nsla B {\r\n}'), 'sla A {\r\n}\r\n\r\nsla B {\r\n}\r\n');
  });

  it('handles empty and comment-only files', () => {
    assert.equal(format(''), '');
    assert.equal(format('   \n\n'), '');
    assert.equal(format('// only a comment\n\n\n// and another'), '// only a comment\n\n// and another\n');
  });

  it('returns one minimal edit, and none when nothing changes or the syntax is broken', () => {
    const text = 'sla A {\n  version "1"\n  provider   "P"\n}\n';
    const edits = formatDocument(analyze(text));
    assert.equal(edits.length, 1);
    // Only the two extra spaces go.
    assert.deepEqual(edits[0].range, { start: { line: 2, character: 11 }, end: { line: 2, character: 13 } });
    assert.equal(edits[0].newText, '');
    assert.deepEqual(formatDocument(analyze('sla A {\n  version "1"\n}\n')), []);
    assert.deepEqual(formatDocument(analyze('sla A {\n  version\n}\n')), []);
    assert.deepEqual(formatDocument(analyze('sla A {\n  version "1" ?\n}\n')), []);
  });

  it('keeps unicode text and strings untouched', () => {
    const text = 'sla 蓝莺 {}';
    assert.equal(formatText(analyze(text)), 'sla 蓝莺 {\n}\n', '(1.1) names in any script are formatted like others');
    assert.equal(
      formatText(analyze('sla 蓝莺 {\n objective 可用性 { target >＝ ９９．９％ }\n schedule s { on 2026-10-10 09:00-18:00 }\n}')),
      'sla 蓝莺 {\n  objective 可用性 {\n    target >= 99.9%\n  }\n  schedule s {\n    on 2026-10-10 09:00-18:00\n  }\n}\n',
      '(1.1) full-width punctuation is written in its ASCII form',
    );
    assert.equal(format('sla A   "蓝莺IM  企业级" {\n provider "a\\"  b"\n}'), 'sla A "蓝莺IM  企业级" {\n  provider "a\\"  b"\n}\n');
  });
});

describe('formatting edits', () => {
  it('never split a CRLF pair', () => {
    const text = 'sla A {\r\n  version  "1"\r\n\r\n\r\n}\r\n';
    for (const edit of formatDocument(analyze(text))) {
      for (const position of [edit.range.start, edit.range.end]) {
        const line = text.split('\r\n')[position.line];
        assert.ok(line !== undefined && position.character <= line.length, JSON.stringify(edit));
      }
    }
  });
});
