// Loads syntaxes/sla.tmLanguage.json into vscode-textmate, the engine VS Code itself uses,
// so the tests see exactly the scopes an editor would paint.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vsctmModule from 'vscode-textmate';
import * as onigurumaModule from 'vscode-oniguruma';

// Both packages are CommonJS; depending on how the test runner loads this file their
// exports arrive either as the namespace or under `default`.
function commonJs<T extends object>(namespace: T): T {
  return (namespace as { default?: T }).default ?? namespace;
}
const vsctm = commonJs(vsctmModule);
const oniguruma = commonJs(onigurumaModule);

const root = fileURLToPath(new URL('../../', import.meta.url));
export const GRAMMAR_PATH = `${root}syntaxes/sla.tmLanguage.json`;

export interface Token {
  text: string;
  /** Scopes without the root `source.sla`, outermost first. */
  scopes: string[];
  line: number;
  startIndex: number;
}

let grammarPromise: Promise<vsctmModule.IGrammar> | undefined;

async function createGrammar(): Promise<vsctmModule.IGrammar> {
  const wasm = readFileSync(`${root}node_modules/vscode-oniguruma/release/onig.wasm`);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.sla' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar('source.sla');
  if (!grammar) throw new Error(`cannot load ${GRAMMAR_PATH}`);
  return grammar;
}

export function loadGrammar(): Promise<vsctmModule.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

/** Tokenizes a whole text, line by line, carrying the rule stack across lines. */
export async function tokenize(text: string): Promise<Token[]> {
  const grammar = await loadGrammar();
  const tokens: Token[] = [];
  let stack = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, lineNumber) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    for (const t of result.tokens) {
      tokens.push({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes.slice(1),
        line: lineNumber,
        startIndex: t.startIndex,
      });
    }
  });
  return tokens;
}
