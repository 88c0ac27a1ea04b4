// The extension in other languages: every `%key%` of package.json in each package.nls file
// and back, and every `vscode.l10n.t('…')` of client/src in each l10n bundle, with the same
// placeholders. A string shown to users without vscode.l10n.t fails here too.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const pkg = readJson('package.json');

/** Every string value in a JSON document, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  return [];
}

const NLS_LOCALES = readdirSync(root)
  .map((f) => /^package\.nls\.(.+)\.json$/.exec(f)?.[1])
  .filter((l): l is string => l !== undefined);

/** The client sources that must localise their strings (the report page's own words are checked below). */
function clientSources(dir = path.join(root, 'client/src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = path.relative(path.join(root, 'client/src'), full).replace(/\\/g, '/');
    if (relative === 'webview') return [];
    if (entry.isDirectory()) return clientSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const CALL = /vscode\.l10n\.t\(/g;
const LITERAL_CALL = /vscode\.l10n\.t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)\s*[,)]/g;
/** Where a string literal is handed to VS Code as text a user reads. */
const SHOWN_LITERAL = /\b(?:show(?:Error|Warning|Information)Message|setStatusBarMessage|appendLine)\(\s*['"`]|\b(?:title|placeHolder|prompt|openLabel|detail|label|description):\s*['"`]/g;

/** The text of the string literal whose quote is at `start`, without its `${…}` parts. */
function ownText(source: string, start: number): string {
  const quote = source[start];
  let text = '';
  for (let i = start + 1; i < source.length && source[i] !== quote; i++) {
    if (source[i] === '\\') {
      text += source[++i];
    } else if (quote === '`' && source.startsWith('${', i)) {
      // Skip the expression: its braces balance (messages hold only `{name}` pairs).
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '{') depth++;
        else if (source[i] === '}' && --depth === 0) break;
      }
    } else {
      text += source[i];
    }
  }
  return text;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceMessages(): { messages: Set<string>; problems: string[] } {
  const messages = new Set<string>();
  const problems: string[] = [];
  for (const file of clientSources()) {
    const source = readFileSync(file, 'utf8');
    const name = path.relative(root, file);
    const literals = [...source.matchAll(LITERAL_CALL)];
    const calls = [...source.matchAll(CALL)].length;
    const bridges = TRANSLATORS[name.replace(/\\/g, '/')] ?? 0;
    if (calls - bridges !== literals.length) problems.push(`${name}: ${calls - literals.length} vscode.l10n.t call(s) without a string literal`);
    // eslint-disable-next-line no-new-func -- a string literal from our own sources
    for (const m of literals) messages.add(new Function(`return ${m[1]}`)() as string);
    // User-visible texts handed to VS Code as literals with words outside vscode.l10n.t.
    for (const m of source.matchAll(SHOWN_LITERAL)) {
      const words = ownText(source, m.index + m[0].length - 1)
        .replace(/\$\([\w-]+\)|\[\w+\]|\w+:\/\/\S+|\bPrometheus\b/g, '')
        .match(/[A-Za-z]{2,}/);
      if (words) problems.push(`${name}: "${words[0]}" shown without vscode.l10n.t at ${source.slice(m.index, m.index + 50).split('\n')[0]}`);
    }
  }
  // The report page is built without `vscode`: its words go through the `t` the panel passes (vscode.l10n.t).
  const webview = path.join(root, 'client/src/webview');
  for (const file of readdirSync(webview).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(webview, file), 'utf8');
    const literals = [...source.matchAll(PAGE_LITERAL_CALL)];
    const calls = [...source.matchAll(PAGE_CALL)].length;
    if (calls !== literals.length) problems.push(`client/src/webview/${file}: ${calls - literals.length} t call(s) without a string literal`);
    // eslint-disable-next-line no-new-func -- a string literal from our own sources
    for (const m of literals) messages.add(new Function(`return ${m[1]}`)() as string);
  }
  return { messages, problems };
}

/** vscode.l10n.t handed on as the report page's translator: its messages are the page's `t('…')` literals. */
const TRANSLATORS: Record<string, number> = { 'client/src/reportPanel.ts': 1 };
const PAGE_CALL = /(?<![\w.])t\(/g;
const PAGE_LITERAL_CALL = /(?<![\w.])t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*[,)]/g;

describe('client localisation', () => {
  it('names every manifest text by a %key% that each package.nls file has, and no unused keys', () => {
    const english = readJson('package.nls.json');
    const referenced = new Set(strings(pkg).flatMap(([, v]) => [...v.matchAll(/^%([\w.-]+)%$/g)].map((m) => m[1])));
    assert.ok(referenced.size >= 20, `${referenced.size} keys`);
    assert.ok(NLS_LOCALES.includes('zh-cn'));
    for (const file of ['package.nls.json', ...NLS_LOCALES.map((l) => `package.nls.${l}.json`)]) {
      const nls = readJson(file);
      assert.deepEqual([...referenced].filter((k) => typeof nls[k] !== 'string' || nls[k] === ''), [], `${file}: missing keys`);
      assert.deepEqual(Object.keys(nls).filter((k) => !referenced.has(k)), [], `${file}: keys package.json does not use`);
      assert.deepEqual(Object.keys(nls).sort(), Object.keys(english).sort(), `${file}: same keys as package.nls.json`);
    }
  });

  it('localises every user-facing text of the manifest', () => {
    const texts = strings(pkg.contributes).concat(strings(pkg.capabilities, '.capabilities'), [['.description', pkg.description as string]]);
    const prose = texts.filter(([at, v]) => /(description|Description|Descriptions\[\d+\]|\.title|\.label|ErrorMessage)$/.test(at) && !/^%[\w.-]+%$/.test(v));
    assert.deepEqual(prose, []);
  });

  it('translates each %key% of the Chinese manifest, keeping code spans and setting links', () => {
    const english = readJson('package.nls.json') as Record<string, string>;
    const chinese = readJson('package.nls.zh-cn.json') as Record<string, string>;
    for (const [key, text] of Object.entries(english)) {
      // Code, setting names and links are not translated (a translation may add some).
      const codeSpans = (t: string) => [...t.matchAll(/`[^`]+`/g)].map((m) => m[0]);
      assert.deepEqual(codeSpans(text).filter((span) => !chinese[key].includes(span)), [], `${key}: code spans`);
      if (/[a-z]{3,} [a-z]{3,}/i.test(text)) assert.match(chinese[key], /[\u4e00-\u9fff]/, `${key} is translated`);
    }
  });

  it('passes every client message through vscode.l10n.t with a string literal', () => {
    const { messages, problems } = sourceMessages();
    assert.deepEqual(problems, []);
    assert.ok(messages.size >= 40, `${messages.size} messages`);
  });

  it('has a Chinese entry for every vscode.l10n.t message, with the same placeholders, and no stale entries', () => {
    assert.equal(pkg.l10n, './l10n');
    const { messages } = sourceMessages();
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    assert.deepEqual([...messages].filter((m) => typeof bundle[m] !== 'string' || bundle[m].trim() === ''), [], 'messages without a Chinese entry');
    assert.deepEqual(Object.keys(bundle).filter((m) => !messages.has(m)), [], 'entries no source uses');
    const differ = Object.entries(bundle).filter(([en, zh]) => JSON.stringify(placeholders(en)) !== JSON.stringify(placeholders(zh)));
    assert.deepEqual(differ, [], 'placeholders differ');
    const untranslated = Object.entries(bundle).filter(([en, zh]) => en === zh && /[a-z]{3,} [a-z]{3,}/i.test(en));
    assert.deepEqual(untranslated, []);
  });
});
