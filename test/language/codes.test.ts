// The table of diagnostic codes (codes.ts) against LANGUAGE.md section 4 and the README's
// reference, which editors link to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'mocha';
import { codeInfo, DIAGNOSTIC_CODES, type Severity } from '../../server/src/language/codes';
import { diagnostic } from '../../server/src/language/diagnostics';

const SEVERITY_LETTER: Record<string, Severity> = { E: 'error', W: 'warning', I: 'information' };

interface DocumentedCode {
  code: string;
  severity: Severity;
  /** Marked *(1.1)*: allowed to be missing until implemented. */
  later: boolean;
}

/** The rows of the table in LANGUAGE.md section 4. */
function documentedCodes(): DocumentedCode[] {
  const text = readFileSync(new URL('../../docs/LANGUAGE.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## 4.'), text.indexOf('## 5.'));
  return [...section.matchAll(/^\| (SLA\d{3}) \| ([EWI]) \| (.*) \|$/gm)].map((m) => ({
    code: m[1],
    severity: SEVERITY_LETTER[m[2]],
    later: m[3].startsWith('*(1.1)*'),
  }));
}

describe('diagnostic codes', () => {
  const documented = documentedCodes();

  it('finds the table of LANGUAGE.md section 4', () => {
    assert.ok(documented.length >= 36, `only ${documented.length} codes read from docs/LANGUAGE.md`);
  });

  it('has every code of LANGUAGE.md section 4 with its severity (codes new in 1.1 may wait)', () => {
    for (const { code, severity, later } of documented) {
      if (later && !(DIAGNOSTIC_CODES as readonly string[]).includes(code)) continue;
      assert.ok((DIAGNOSTIC_CODES as readonly string[]).includes(code), `${code} is in LANGUAGE.md but not in codes.ts`);
      assert.equal(codeInfo(code as (typeof DIAGNOSTIC_CODES)[number]).severity, severity, `severity of ${code}`);
    }
  });

  it('has no code that LANGUAGE.md does not list, in the order it lists them', () => {
    const listed = documented.map((d) => d.code);
    for (const code of DIAGNOSTIC_CODES) assert.ok(listed.includes(code), `${code} is in codes.ts but not in LANGUAGE.md section 4`);
    assert.deepEqual(DIAGNOSTIC_CODES, listed.filter((code) => (DIAGNOSTIC_CODES as readonly string[]).includes(code)));
  });

  it("links each code to its README entry, which states the table's severity and title", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const code of DIAGNOSTIC_CODES) {
      const { href, severity, title } = codeInfo(code);
      assert.ok(href.endsWith(`#${code.toLowerCase()}`), href);
      const entry = readme.match(new RegExp(`^### ${code}\\n\\n\\*\\*(\\w+)\\*\\* — ([^\\n]*)`, 'm'));
      assert.ok(entry, `README.md has no "### ${code}" entry`);
      assert.equal(entry[1], severity, `README severity of ${code}`);
      assert.ok(entry[2].startsWith(`${title}.`), `README title of ${code}: "${entry[2]}" does not start with "${title}."`);
    }
  });

  it('gives a diagnostic the severity of its code', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(diagnostic('SLA503', range, 'no review').severity, 'information');
    assert.equal(diagnostic('SLA208', range, 'no budget').severity, 'warning');
    assert.equal(diagnostic('SLA001', range, 'syntax').severity, 'error');
  });
});

// Checked by `npm run typecheck`: a code outside the table does not compile.
export function unknownCodesDoNotCompile(): void {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  // @ts-expect-error SLA999 is not a diagnostic code
  diagnostic('SLA999', range, 'no such code');
}
