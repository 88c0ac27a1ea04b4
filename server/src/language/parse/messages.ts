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
import { list, orList, type Translate } from '../wording';
import { messages } from '../../l10n/messages';
import { BLOCK_ITEM_KEYWORDS, itemWords, type BlockKind } from '../vocabulary';
import { onSameLine } from './tokenLines';

/** `a`, `b`, `c`: code words in the locale's list. */
const quoted = (t: Translate, words: readonly string[]) => list(t, words.map((w) => `\`${w}\``));

/** What may come next in a block (`file`: only `sla`), in the locale's words. */
function expectedInBlock(t: Translate, block: BlockKind): string {
  const rbrace = '}';
  switch (block) {
    case 'file':
      return '`sla`';
    case 'schedule':
    case 'compensation':
    case 'responsibilities':
      return t(`parse.in.${block}`, { rbrace });
    case 'sla':
    case 'indicator':
    case 'objective':
      return t(`parse.in.${block}`, { words: quoted(t, itemWords(block)), rbrace });
    default:
      return t(`parse.in.${block}`, { words: quoted(t, BLOCK_ITEM_KEYWORDS[block]), rbrace });
  }
}

/** Where each item keyword belongs, to explain a misplaced item. */
const HOMES_OF_KEYWORD = new Map<string, BlockKind[]>();
for (const block of Object.keys(BLOCK_ITEM_KEYWORDS) as Exclude<BlockKind, 'file'>[]) {
  for (const word of itemWords(block)) HOMES_OF_KEYWORD.set(word, [...(HOMES_OF_KEYWORD.get(word) ?? []), block as BlockKind]);
}

/** The rules of blocks, with the block each one is (for "to close the objective", "the objective name"). */
const BLOCK_OF_RULE: Readonly<Record<string, Exclude<BlockKind, 'file'>>> = {
  slaBlock: 'sla',
  serviceBlock: 'service',
  scheduleBlock: 'schedule',
  maintenanceBlock: 'maintenance',
  indicatorBlock: 'indicator',
  objectiveBlock: 'objective',
  compensationBlock: 'compensation',
  creditsBlock: 'credits',
  responsibilitiesBlock: 'responsibilities',
  supportBlock: 'support',
};

/** Rules where a name is expected, with what the name names. */
const NAME_OF_RULE = {
  indicatorRefItem: 'parse.name.indicator',
  serviceRefItem: 'parse.name.service',
  duringItem: 'parse.name.schedule',
  excludingItem: 'parse.name.maintenance',
  compensationBlock: 'parse.name.objective',
  hoursItem: 'parse.name.schedule',
  severityItem: 'parse.name.severity',
} as const;

/** What an expected token type means in the rule where it is expected; `isName` when a name is wanted. */
function describeExpected(t: Translate, tokenType: TokenType, ruleName: string): { text: string; isName?: boolean } {
  if (tokenType === NameToken || tokenType === Identifier || (tokenType === Percent && ruleName === 'unitItem')) {
    if (ruleName === 'kindItem') return { text: t('parse.token.kind', { kinds: quoted(t, KINDS) }) };
    if (ruleName === 'unitItem') return { text: t('parse.name.unit', { units: quoted(t, UNIT_WORDS) }) };
    const id = NAME_OF_RULE[ruleName as keyof typeof NAME_OF_RULE];
    return { text: id ? t(id) : t('parse.token.name'), isName: true };
  }
  if (tokenType === UnitSuffix && ruleName === 'feeItem') return { text: t('parse.currency') };
  if (tokenType === NumberLiteral && ruleName === 'quantity') return { text: t('parse.token.number') };
  return { text: tokenTypeName(tokenType, t) };
}

/** A short, readable rendering of a token for "after …" and "unexpected …". */
function describeToken(t: Translate, token: IToken): string {
  if (token.tokenType === EOF) return t('parse.endOfFile');
  let image = token.image;
  if (image.length > 32) image = `${image.slice(0, 30)}…`;
  return `\`${image}\``;
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

/** "the objective name", "`target`", or undefined when nothing precedes. */
function describePrevious(t: Translate, previous: IToken | undefined, ruleName: string): string | undefined {
  if (!isRealToken(previous)) return undefined;
  const block = BLOCK_OF_RULE[ruleName];
  if (block !== undefined && ruleName !== 'compensationBlock') {
    const bare = t(`parse.block.${block}`).replace(/ block$/, '').replace(/`/g, '');
    if (previous.tokenType === StringLiteral) return t('parse.previous.title', { block: bare });
    if (matchesName(previous)) return t('parse.previous.name', { block: bare });
  }
  if (ruleName === 'compensationBlock' && matchesName(previous)) return t('parse.previous.name', { block: t('parse.block.objective') });
  return describeToken(t, previous);
}

function matchesName(token: IToken): boolean {
  return tokenMatcher(token, NameToken);
}

/** "a, b or c" of distinct descriptions ("something else" for none). */
function joinAlternatives(t: Translate, descriptions: string[]): string {
  const unique = [...new Set(descriptions)];
  if (unique.length === 0) return t('parse.somethingElse');
  return orList(t, unique);
}

function expectedMessage(
  t: Translate,
  expected: { text: string; isName?: boolean },
  previous: IToken | undefined,
  ruleName: string,
  actual: IToken | undefined,
): string {
  const after = describePrevious(t, previous, ruleName);
  // `objective target {`: a keyword where a block's own name belongs is most likely meant as
  // the name. (For references, a keyword on the same line is usually the next item.)
  const definesName = BLOCK_OF_RULE[ruleName] !== undefined || ruleName === 'severityItem';
  if (definesName && isRealToken(actual) && isReservedWord(actual.image) && expected.isName && previous !== undefined && onSameLine(previous, actual)) {
    const word = actual.image;
    return after
      ? t('parse.expectedAfterReserved', { expected: expected.text, after, word })
      : t('parse.expectedReserved', { expected: expected.text, word });
  }
  return after ? t('parse.expectedAfter', { expected: expected.text, after }) : t('parse.expected', { expected: expected.text });
}

/** The alternatives' descriptions; a name when any of them wants one. */
function describeAlternatives(t: Translate, tokenTypes: TokenType[], ruleName: string): { text: string; isName?: boolean } {
  const described = tokenTypes.map((type) => describeExpected(t, type, ruleName));
  return { text: joinAlternatives(t, described.map((d) => d.text)), isName: described.some((d) => d.isName) };
}

/**
 * Chevrotain's error messages, in the words of the locale of the current parse: the grammar
 * holds one provider and sets `t` before each parse (`SlaGrammar.parseTokens`).
 */
export class SyntaxErrorMessages implements IParserErrorMessageProvider {
  t: Translate = messages().t;

  buildMismatchTokenMessage({ expected, actual, previous, ruleName }: Parameters<IParserErrorMessageProvider['buildMismatchTokenMessage']>[0]): string {
    const t = this.t;
    const block = BLOCK_OF_RULE[ruleName];
    if (expected === RCurly && block) return t('parse.expectedClose', { rbrace: '}', block: t(`parse.block.${block}`) });
    if (expected === LCurly && block && !isRealToken(previous)) return t('parse.expectedOpen', { lbrace: '{' });
    return expectedMessage(t, describeExpected(t, expected, ruleName), previous, ruleName, actual);
  }

  buildNotAllInputParsedMessage({ firstRedundant }: Parameters<IParserErrorMessageProvider['buildNotAllInputParsedMessage']>[0]): string {
    return this.t('parse.notAllInput', { token: describeToken(this.t, firstRedundant) });
  }

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: Parameters<IParserErrorMessageProvider['buildNoViableAltMessage']>[0]): string {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]).filter((type) => type !== undefined));
    return expectedMessage(this.t, describeAlternatives(this.t, firsts, ruleName), previous, ruleName, actual[0]);
  }

  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }: Parameters<IParserErrorMessageProvider['buildEarlyExitMessage']>[0]): string {
    const firsts = expectedIterationPaths.map((path) => path[0]).filter((type) => type !== undefined);
    return expectedMessage(this.t, describeAlternatives(this.t, firsts, ruleName), previous, ruleName, actual[0]);
  }
}

export interface StrayMessage {
  message: string;
  suggestion?: string;
}

/** The message for a stray token in a block: "unexpected `foo`: expected an objective item (…) or `}`". */
export function strayTokenMessage(token: IToken, block: BlockKind, t: Translate = messages().t): StrayMessage {
  const shown = describeToken(t, token);
  if (block === 'file' && token.tokenType === RCurly) return { message: t('parse.stray.noBlockOpen', { rbrace: '}' }) };
  const homes = HOMES_OF_KEYWORD.get(token.image)?.filter((home) => home !== block);
  if (homes !== undefined && homes.length > 0 && block !== 'file' && T[token.image] === token.tokenType) {
    const places = homes.map((home) => t(`parse.place.${home as Exclude<BlockKind, 'file'>}`));
    return { message: t('parse.stray.belongs', { token: shown, word: token.image, places: joinAlternatives(t, places) }) };
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
    if (best !== undefined) return { message: t('parse.stray.didYouMean', { token: shown, suggestion: best }), suggestion: best };
  }
  const expected = expectedInBlock(t, block);
  if (block === 'schedule' && (token.tokenType === TimeLiteral || token.tokenType === DateLiteral || token.tokenType === DateTimeLiteral)) {
    return { message: t('parse.stray.scheduleLine', { token: shown, expected }) };
  }
  return { message: t('parse.stray.expected', { token: shown, expected }) };
}

/** SLA002 for a unit word the language does not know. */
export function unknownUnitMessage(t: Translate, unit: string): string {
  return t('parse.unknownUnit', { unit, units: quoted(t, ['%', ...UNIT_WORDS]) });
}
