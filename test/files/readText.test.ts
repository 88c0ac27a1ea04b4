// Reading a contract (issue 15; docs/performance.md, "Session 10"): readRegularFileSync
// decodes ASCII files without the UTF-8 decoder; every file must still read exactly as Node's
// UTF-8 reading does.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readRegularFileSync, utf8Text } from '../../server/src/files/regularFile';

const CASES: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  ascii: Buffer.from('sla S {\n  objective o { target >= 99.9% }\n}\n\t\r\n\x00\x7f'),
  'BOM and Chinese': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('sla 蓝莺IM { provider "蓝莺" } # ％\n')]),
  'a Latin-1 byte alone (malformed UTF-8)': Buffer.from([0x61, 0xe9, 0x62]),
  'a lone continuation byte': Buffer.from([0x61, 0x80]),
  'a sequence cut at the end': Buffer.from([0x61, 0xe8, 0x93]),
  'an overlong encoding': Buffer.from([0xc0, 0xaf, 0x61]),
  'a surrogate encoded in UTF-8': Buffer.from([0xed, 0xa0, 0x80]),
  'an emoji (a surrogate pair in UTF-16)': Buffer.from('a😀b'),
  'ASCII, then one byte over 0x7f at the end of a long text': Buffer.concat([Buffer.alloc(100_000, 0x61), Buffer.from([0xff])]),
};

describe('reading a contract as text (issue 15)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sla-read-'));

  for (const [name, bytes] of Object.entries(CASES)) {
    it(`${name}: the same string as readFileSync(file, 'utf8')`, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.sla`);
      writeFileSync(file, bytes);
      const expected = readFileSync(file, 'utf8');
      assert.equal(readRegularFileSync(file), expected);
      assert.equal(utf8Text(bytes), expected);
    });
  }
});
