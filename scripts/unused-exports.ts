// Lists the exports of server/src, cli/src and client/src that nothing in the project
// (sources, tests, benchmarks, scripts) uses: dead code. Exits with 1 when it finds any.
// With --all, also the exports that only their own file uses (an `export` to drop).
// `npm run unused-exports [-- --all]`.
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHECKED = ['server/src/', 'cli/src/', 'client/src/'];
/** Generated files export every type they declare. */
const GENERATED = /\.generated\.ts$/;
const listLocal = process.argv.includes('--all');
/** Bundle entry points: VS Code calls `activate`/`deactivate`; the others export nothing needed. */
const ENTRY_EXPORTS = new Map([['client/src/extension.ts', new Set(['activate', 'deactivate'])]]);

const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (!config) throw new Error('cannot read tsconfig.json');
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const relative = (file: ts.SourceFile) => path.relative(ROOT, file.fileName).split(path.sep).join('/');
const projectFiles = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !relative(f).startsWith('..') && !relative(f).includes('node_modules/'));

/** Where each symbol is referred to from: the files, by symbol (aliases resolved). */
const usedIn = new Map<ts.Symbol, Set<ts.SourceFile>>();
function note(symbol: ts.Symbol | undefined, file: ts.SourceFile): void {
  while (symbol) {
    const files = usedIn.get(symbol) ?? new Set();
    files.add(file);
    usedIn.set(symbol, files);
    symbol = symbol.flags & ts.SymbolFlags.Alias ? checker.getImmediateAliasedSymbol(symbol) : undefined;
  }
}
for (const file of projectFiles) {
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteral(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      // `export { a }` in a declaring file names the local symbol: not a use.
      if (symbol && !(ts.isExportSpecifier(node.parent) && node.parent.parent.parent.moduleSpecifier === undefined)) note(symbol, file);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const dead: string[] = [];
const localOnly: string[] = [];
for (const file of projectFiles) {
  const name = relative(file);
  if (!CHECKED.some((dir) => name.startsWith(dir))) continue;
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    if (ENTRY_EXPORTS.get(name)?.has(exported.name)) continue;
    // Uses through this export only: a re-export is unused even when its original is used elsewhere.
    const users = new Set(usedIn.get(exported));
    users.delete(file);
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (users.size > 0) continue;
    const declaration = exported.declarations?.[0];
    const line = declaration ? file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1 : 0;
    const where = `${name}:${line}: ${exported.name}`;
    if (countLocalUses(file, target) === 0) dead.push(where);
    else if (listLocal && !GENERATED.test(name)) localOnly.push(where);
  }
}

/** References to `symbol` inside `file` besides its declarations. */
function countLocalUses(file: ts.SourceFile, symbol: ts.Symbol): number {
  const declared = new Set((symbol.declarations ?? []).map((d) => (d as ts.NamedDeclaration).name).filter((n) => n !== undefined));
  let uses = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !declared.has(node) && checker.getSymbolAtLocation(node) === symbol) uses++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

if (listLocal) console.log(`${localOnly.length} exports used only in their own file:\n${localOnly.join('\n')}\n`);
if (dead.length === 0) {
  console.log(`no unused exports in ${CHECKED.join(', ')}`);
} else {
  console.log(`${dead.length} unused export${dead.length === 1 ? '' : 's'} (dead code):\n${dead.join('\n')}`);
  process.exitCode = 1;
}
