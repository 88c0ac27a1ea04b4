// Readable SLA001 messages: "expected `{` after the objective name", never token type dumps.
// Chevrotain calls the provider with the rule it was in, the expected token types and the
// previous token; rule names are those of parse/grammar.ts.
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { KINDS } from '../ast';
import { UNIT_WORDS } from '../units';
import {
  DateLiteral,
  DateTimeLiteral,
  Identifier,
  isReservedWord,
  LCurly,
  NameToken,
  NumberLiteral,
  Percent,
  Percentile,
  RCurly,
  StringLiteral,
  T,
  TimeLiteral,
  tokenTypeName,
  UnitSuffix,
} from '../lexer';
import { editDistance } from '../suggest';
import { BLOCK_ITEM_KEYWORDS, itemWords, type BlockKind } from '../vocabulary';
import { onSameLine } from './tokenLines';

const quoted = (words: readonly string[]) => words.map((w) => `\`${w}\``).join(', ');

const EXPECTED_IN_BLOCK: Record<BlockKind, string> = {
  file: '`sla`',
  sla: `an sla item (${quoted(itemWords('sla'))}) or \`}\``,
  service: `a service item (${quoted(BLOCK_ITEM_KEYWORDS.service)}) or \`}\``,
  schedule: 'a schedule line (days such as `mon..fri`, `daily`, `weekdays`, `weekends`, then times), `holidays`, `on` or `}`',
  maintenance: `a maintenance item (${quoted(BLOCK_ITEM_KEYWORDS.maintenance)}) or \`}\``,
  indicator: `an indicator item (${quoted(itemWords('indicator'))}) or \`}\``,
  objective: `an objective item (${quoted(itemWords('objective'))}) or \`}\``,
  compensation: 'a tier (`below` or `above`) or `}`',
  credits: `a credits item (${quoted(BLOCK_ITEM_KEYWORDS.credits)}) or \`}\``,
  responsibilities: '`provider`, `customer` or `}`',
  support: `a support item (${quoted(BLOCK_ITEM_KEYWORDS.support)}) or \`}\``,
};

/** Where each item keyword belongs, to explain a misplaced item. */
const HOMES_OF_KEYWORD = new Map<string, BlockKind[]>();
for (const block of Object.keys(BLOCK_ITEM_KEYWORDS) as Exclude<BlockKind, 'file'>[]) {
  for (const word of itemWords(block)) HOMES_OF_KEYWORD.set(word, [...(HOMES_OF_KEYWORD.get(word) ?? []), block as BlockKind]);
}

const PLACE_OF_BLOCK: Record<Exclude<BlockKind, 'file'>, string> = {
  sla: 'directly inside an `sla` block',
  service: 'inside a service',
  schedule: 'inside a schedule',
  maintenance: 'inside a maintenance window',
  indicator: 'inside an indicator',
  objective: 'inside an objective',
  compensation: 'inside a compensation',
  credits: 'inside `credits`',
  responsibilities: 'inside `responsibilities`',
  support: 'inside `support`',
};

/** Nouns for blocks and rules, as used in "after the objective name" / "to close the objective". */
const BLOCK_NOUN: Record<string, string> = {
  slaBlock: '`sla` block',
  serviceBlock: 'service',
  scheduleBlock: 'schedule',
  maintenanceBlock: 'maintenance window',
  indicatorBlock: 'indicator',
  objectiveBlock: 'objective',
  compensationBlock: 'compensation',
  creditsBlock: '`credits` block',
  responsibilitiesBlock: '`responsibilities` block',
  supportBlock: '`support` block',
};

const NAME_DESCRIPTION: Record<string, string> = {
  kindItem: `a kind (${quoted(KINDS)})`,
  indicatorRefItem: 'the name of an indicator',
  serviceRefItem: 'the name of a service',
  duringItem: 'the name of a schedule',
  excludingItem: 'the name of a maintenance window',
  compensationBlock: 'the name of an objective',
  hoursItem: 'the name of a schedule',
  severityItem: 'a severity name such as `P1`',
  unitItem: `a unit (\`%\`, ${quoted(UNIT_WORDS)})`,
};

/** What an expected token type means in the rule where it is expected. */
function describeExpected(tokenType: TokenType, ruleName: string): string {
  if (tokenType === NameToken || tokenType === Identifier) return NAME_DESCRIPTION[ruleName] ?? 'a name';
  if (tokenType === UnitSuffix && ruleName === 'feeItem') return 'a currency (three capital letters such as `CNY`)';
  if (tokenType === Percent && ruleName === 'unitItem') return NAME_DESCRIPTION.unitItem;
  if (tokenType === NumberLiteral && ruleName === 'quantity') return 'a number';
  return tokenTypeName(tokenType);
}

/** A short, readable rendering of a token for "after …" and "unexpected …". */
function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the file';
  let image = token.image;
  if (image.length > 32) image = `${image.slice(0, 30)}…`;
  return `\`${image}\``;
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

/** "the objective name", "`target`", or undefined when nothing precedes. */
function describePrevious(previous: IToken | undefined, ruleName: string): string | undefined {
  if (!isRealToken(previous)) return undefined;
  const noun = BLOCK_NOUN[ruleName];
  if (noun !== undefined && ruleName !== 'compensationBlock') {
    const bare = noun.replace(/ block$/, '').replace(/`/g, '');
    if (previous.tokenType === StringLiteral) return `the ${bare} title`;
    if (matchesName(previous)) return `the ${bare} name`;
  }
  if (ruleName === 'compensationBlock' && matchesName(previous)) return 'the objective name';
  return describeToken(previous);
}

function matchesName(token: IToken): boolean {
  return tokenMatcher(token, NameToken);
}

function joinAlternatives(descriptions: string[]): string {
  const unique = [...new Set(descriptions)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function expectedMessage(expected: string, previous: IToken | undefined, ruleName: string, actual: IToken | undefined): string {
  const after = describePrevious(previous, ruleName);
  let message = after ? `expected ${expected} after ${after}` : `expected ${expected}`;
  // `objective target {`: a keyword where a block's own name belongs is most likely meant as
  // the name. (For references, a keyword on the same line is usually the next item.)
  const definesName = BLOCK_NOUN[ruleName] !== undefined || ruleName === 'severityItem';
  if (definesName && isRealToken(actual) && isReservedWord(actual.image) && /\bname\b/.test(expected) && previous !== undefined && onSameLine(previous, actual)) {
    message += `; \`${actual.image}\` is a reserved word and cannot be used as a name`;
  }
  return message;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === RCurly && BLOCK_NOUN[ruleName]) return `expected \`}\` to close the ${BLOCK_NOUN[ruleName]}`;
    if (expected === LCurly && BLOCK_NOUN[ruleName] && !isRealToken(previous)) return 'expected `{`';
    return expectedMessage(describeExpected(expected, ruleName), previous, ruleName, actual);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: expected the end of the file`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]).filter((t) => t !== undefined));
    return expectedMessage(joinAlternatives(firsts.map((t) => describeExpected(t, ruleName))), previous, ruleName, actual[0]);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const firsts = expectedIterationPaths.map((path) => path[0]).filter((t) => t !== undefined);
    return expectedMessage(joinAlternatives(firsts.map((t) => describeExpected(t, ruleName))), previous, ruleName, actual[0]);
  },
};

export interface StrayMessage {
  message: string;
  suggestion?: string;
}

/** The message for a stray token in a block: "unexpected `foo`: expected an objective item (…) or `}`". */
export function strayTokenMessage(token: IToken, block: BlockKind): StrayMessage {
  const expected = EXPECTED_IN_BLOCK[block];
  const shown = describeToken(token);
  if (block === 'file' && token.tokenType === RCurly) return { message: 'unexpected `}`: no block is open here' };
  const homes = HOMES_OF_KEYWORD.get(token.image)?.filter((home) => home !== block);
  if (homes !== undefined && homes.length > 0 && block !== 'file' && T[token.image] === token.tokenType) {
    const places = homes.map((home) => PLACE_OF_BLOCK[home as Exclude<BlockKind, 'file'>]);
    return { message: `unexpected ${shown}: \`${token.image}\` belongs ${joinAlternatives(places)}` };
  }
  if (token.tokenType === Identifier || token.tokenType === Percentile || matchesName(token)) {
    const candidates = block === 'file' ? ['sla'] : itemWords(block);
    let best: string | undefined;
    let bestDistance = 3;
    for (const candidate of candidates) {
      const distance = editDistance(token.image.toLowerCase(), candidate, 2);
      if (distance < bestDistance && distance <= Math.max(1, Math.floor(candidate.length / 3))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best !== undefined) return { message: `unexpected ${shown}: did you mean \`${best}\`?`, suggestion: best };
  }
  if (block === 'schedule' && (token.tokenType === TimeLiteral || token.tokenType === DateLiteral || token.tokenType === DateTimeLiteral)) {
    return { message: `unexpected ${shown}: a schedule line starts with days (\`mon..fri\`, \`daily\`, …); expected ${expected}` };
  }
  return { message: `unexpected ${shown}: expected ${expected}` };
}
