// Names across the border: OpenSLO `metadata.name` is lower-case ASCII (`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`),
// contract names are letters of any script, digits and `_` (LANGUAGE.md 2). The contract
// name itself travels in an annotation; these are the best names each side can read.
import { KEYWORDS } from '../../language/lexer';
import { isNameText } from '../../language/names';

/** A contract name as an OpenSLO name: `_` → `-`, upper case lowered, other letters as `u<hex>`. */
export function openSloName(name: string): string {
  const parts: string[] = [];
  for (const char of name.toLowerCase()) {
    if (/[a-z0-9]/.test(char)) parts.push(char);
    else if (/[\p{L}\p{N}]/u.test(char)) parts.push(`-u${char.codePointAt(0)!.toString(16)}-`);
    else parts.push('-');
  }
  const joined = parts.join('').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return joined || 'x';
}

/** Whether `text` can be a name in a contract (the lexer reads it as a name, and it is not a reserved keyword). */
export function isContractName(text: string): boolean {
  return isNameText(text) && !KEYWORDS.includes(text);
}

/** An OpenSLO name as a contract name: `-` → `_`; a leading digit or a keyword gets a `_`. */
export function contractName(openSlo: string): string {
  let name = openSlo.replace(/[^A-Za-z0-9_]+/g, '_');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  if (KEYWORDS.includes(name)) name = `${name}_`;
  return name;
}

/** Hands out names unique within one namespace: `name`, `name-2`, `name-3` (or `_2` …). */
export class UniqueNames {
  private readonly taken = new Set<string>();
  constructor(private readonly separator: '-' | '_') {}
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${this.separator}${n}`;
    this.taken.add(name);
    return name;
  }
}
