// Property test over every bundled contract (issue 2): every prefix (what the editor sees
// while a user types the file from the top) and every single-token deletion parses and
// checks without throwing, and every diagnostic stays inside the text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/language/analyze';
import { tokenize } from '../../server/src/language/lexer';

const SAMPLES = path.resolve(import.meta.dirname, '..', '..', 'samples');
const files = ['.', 'broken'].flatMap((dir) =>
  readdirSync(path.join(SAMPLES, dir))
    .filter((f) => f.endsWith('.sla'))
    .map((f) => path.join(dir, f)),
);

function analyzeSoundly(text: string, what: string): void {
  let diagnostics;
  try {
    diagnostics = analyze(text).diagnostics;
  } catch (error) {
    assert.fail(`${what}: analyze threw: ${(error as Error).stack}`);
  }
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const inside = (p: { line: number; character: number }) => p.line < lines.length && p.character <= lines[p.line].length;
    assert.ok(inside(start) && inside(end), `${what}: ${d.code} range outside the text`);
    assert.doesNotMatch(d.message, /undefined|NaN|\[object/, `${what}: ${d.code} ${d.message}`);
  }
}

describe('every sample, cut and damaged', function () {
  this.timeout(120_000);
  it('covers the bundled samples', () => assert.ok(files.length >= 11, files.join(', ')));

  for (const file of files) {
    const text = readFileSync(path.join(SAMPLES, file), 'utf8');
    it(`${file}: every prefix parses and checks`, () => {
      for (let end = 0; end <= text.length; end++) analyzeSoundly(text.slice(0, end), `${file} cut at ${end}`);
    });
    it(`${file}: every single-token deletion parses and checks`, () => {
      for (const token of tokenize(text).tokens) {
        const start = token.startOffset;
        const end = start + token.image.length;
        analyzeSoundly(text.slice(0, start) + text.slice(end), `${file} without \`${token.image}\` at ${start}`);
      }
    });
  }
});
