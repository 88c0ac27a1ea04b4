// Where the cursor is, in grammar terms, for completion. Chevrotain 12 has no content
// assist, and the file may be broken, so the context is read from the tokens before the
// cursor: brace matching gives the innermost block, and the current clause is the tokens
// since the last item keyword of that block (or since the last `{` / `}`).
import type { IToken } from 'chevrotain';
import type { Range } from '../../language/ast';
import type { Analysis } from '../../language/analyze';
import { isReservedWord, tokenEnd } from '../../language/lexer';
import { startsLikeName } from '../../language/names';
import { BLOCK_ITEM_KEYWORDS, ITEM_STARTS, SLA_ITEM_KEYWORDS, type BlockKind } from '../../language/vocabulary';
import { lineIndexOf } from './text';
import type { TokenList } from '../../language/tokenList';

/**
 * The block a `{` opens, by the first word of its header, in the block it appears in. A
 * block's keyword is its name (`objective NAME {` opens an objective).
 */
const BLOCK_OF_HEADER: Readonly<Partial<Record<BlockKind, Readonly<Record<string, BlockKind>>>>> = {
  file: { sla: 'sla' },
  sla: Object.fromEntries(SLA_ITEM_KEYWORDS.filter((word) => Object.hasOwn(BLOCK_ITEM_KEYWORDS, word)).map((word) => [word, word as BlockKind])),
};

export interface CursorContext {
  offset: number;
  /** Set when the cursor is inside a comment or a string: nothing to complete. */
  inert?: 'comment' | 'string';
  /** The innermost block around the cursor; `unknown` inside a block the grammar does not know. */
  block: BlockKind | 'unknown';
  /** The `{` that opened that block (undefined at top level). */
  blockOpen?: IToken;
  /** The tokens of that block's header (`objective uptime "…"`). */
  header: IToken[];
  /** The tokens of the current item before the cursor, the partial word excluded. */
  clause: IToken[];
  /** The partial word under the cursor (from its start to the cursor); '' when none. */
  prefix: string;
  /** What a completion replaces: the whole word under the cursor, or an empty range at it. */
  replaceRange: Range;
  /** Whether white space separates the cursor (or the partial word) from the previous token. */
  afterSpace: boolean;
}

/** A word being typed: a name (in any script), a keyword, a unit or a percentile such as `p99.9`. */
function isWordToken(token: IToken): boolean {
  return startsLikeName(token.image) && token.tokenType.name !== 'StringLiteral';
}


/** `checkpoints: false` scans from the start of the file every time (the general path, for the differential test). */
export function cursorContext(analysis: Analysis, offset: number, options: { checkpoints?: boolean } = {}): CursorContext {
  const index = lineIndexOf(analysis);
  const tokens = analysis.parse.tokens;
  const position = index.positionAt(offset);
  let count = tokens.firstStartingAtOrAfter(offset);
  let prefix = '';
  let replaceRange: Range = { start: position, end: position };
  const base = { offset, block: 'unknown' as const, header: [], clause: [], prefix, replaceRange, afterSpace: false };

  if (insideComment(analysis, offset)) return { ...base, inert: 'comment' };
  const last = count > 0 ? tokens.at(count - 1) : undefined;
  if (last && tokenEnd(last) >= offset) {
    if (last.tokenType.name === 'StringLiteral' && (tokenEnd(last) > offset || !closedString(last.image))) {
      return { ...base, inert: 'string' };
    }
    if (isWordToken(last)) {
      // The word being typed: context comes from the tokens before it.
      prefix = analysis.text.slice(last.startOffset, offset);
      replaceRange = index.range(last.startOffset, tokenEnd(last));
      count--;
    }
  }
  // The tokens before the cursor are tokens[0, count): read in place, not copied (completion speed).
  const wordStart = prefix ? offset - prefix.length : offset;
  const afterSpace = count > 0 ? tokens.endAt(count - 1) < wordStart : true;

  const stack = blocksAt(analysis, count, options.checkpoints !== false);
  const top = stack[stack.length - 1];
  return {
    offset,
    block: top.block,
    blockOpen: top.open,
    header: tokens.slice(top.headerStart, top.headerEnd),
    clause: tokens.slice(top.clauseStart, count),
    prefix,
    replaceRange,
    afterSpace,
  };
}

interface Frame {
  block: BlockKind | 'unknown';
  open?: IToken;
  headerStart: number;
  headerEnd: number;
  clauseStart: number;
}

/** The state of the brace scan before every CHECKPOINT_EVERY-th token of one analysis. */
const CHECKPOINT_EVERY = 256;
const checkpointsOf = new WeakMap<Analysis, Frame[][]>();

const copyOf = (stack: Frame[]): Frame[] => stack.map((frame) => ({ ...frame }));

/**
 * The blocks open before token `count`: the scan of the tokens from the start, resumed from
 * the last checkpoint at or before `count` (the first completion in a version scans the
 * whole file once and leaves checkpoints, so that later ones read at most CHECKPOINT_EVERY
 * tokens). Without checkpoints: the scan from the start (the general path, for tests).
 */
function blocksAt(analysis: Analysis, count: number, useCheckpoints: boolean): Frame[] {
  const tokens = analysis.parse.tokens;
  if (!useCheckpoints) return scan(tokens, [{ block: 'file', headerStart: 0, headerEnd: 0, clauseStart: 0 }], 0, count);
  let checkpoints = checkpointsOf.get(analysis);
  if (!checkpoints) {
    checkpoints = [];
    let stack: Frame[] = [{ block: 'file', headerStart: 0, headerEnd: 0, clauseStart: 0 }];
    for (let at = 0; at < tokens.length; at += CHECKPOINT_EVERY) {
      checkpoints.push(copyOf(stack));
      stack = scan(tokens, stack, at, Math.min(at + CHECKPOINT_EVERY, tokens.length));
    }
    if (checkpoints.length === 0) checkpoints.push(stack);
    checkpointsOf.set(analysis, checkpoints);
  }
  const k = Math.min(Math.floor(count / CHECKPOINT_EVERY), checkpoints.length - 1);
  return scan(tokens, copyOf(checkpoints[k]), k * CHECKPOINT_EVERY, count);
}

/** Brace matching and item starts over tokens[from, to), from the blocks open at `from` (changed in place). */
function scan(contextTokens: TokenList, stack: Frame[], from: number, to: number): Frame[] {
  for (let i = from; i < to; i++) {
    const top = stack[stack.length - 1];
    const name = contextTokens.typeAt(i).name;
    if (name === 'LCurly') {
      const first = top.clauseStart < contextTokens.length ? contextTokens.imageAt(top.clauseStart) : undefined;
      let block: BlockKind | 'unknown' = (top.block !== 'unknown' && first !== undefined && BLOCK_OF_HEADER[top.block]?.[first]) || 'unknown';
      let headerStart = top.clauseStart;
      if (block === 'unknown') {
        // Recovery: an sla-level block header inside an inner block means that block was never closed.
        for (let j = i - 1; j >= top.clauseStart; j--) {
          const word = contextTokens.imageAt(j);
          if (contextTokens.typeAt(j).name !== word) continue;
          const outer = word === 'sla' ? 'file' : BLOCK_OF_HEADER.sla![word] ? 'sla' : undefined;
          if (!outer || !stack.some((f) => f.block === outer)) continue;
          while (stack[stack.length - 1].block !== outer) stack.pop();
          block = BLOCK_OF_HEADER[outer]![word];
          headerStart = j;
          break;
        }
      }
      stack.push({ block, open: contextTokens.at(i), headerStart, headerEnd: i, clauseStart: i + 1 });
    } else if (name === 'RCurly') {
      if (stack.length > 1) stack.pop();
      stack[stack.length - 1].clauseStart = i + 1;
    } else if (top.block !== 'unknown' && startsItem(top.block, contextTokens, i)) {
      top.clauseStart = i;
    }
  }
  return stack;
}

/**
 * Whether `token` starts a new item of `block`: one of the block's item words, as a word
 * token, not continuing a day range (`mon..fri`) or a list, and — for contextual words such
 * as day names, which may also be names — not the name a keyword like `during` expects.
 */
function startsItem(block: BlockKind, tokens: TokenList, i: number): boolean {
  const name = tokens.typeAt(i).name;
  // Only a word token's type is named as its image: compared first, the image is read only for those.
  if (!ITEM_START_SETS[block].has(name) || tokens.imageAt(i) !== name) return false;
  if (i === 0) return true;
  const previous = tokens.typeAt(i - 1).name;
  if (previous === 'DotDot' || previous === 'Comma') return false;
  if (!isReservedWord(name) && NAME_TAKING.has(tokens.imageAt(i - 1))) return false;
  return true;
}

/** ITEM_STARTS as sets: every token before the cursor is looked up. */
const ITEM_START_SETS = Object.fromEntries(Object.entries(ITEM_STARTS).map(([block, words]) => [block, new Set(words)])) as Record<string, ReadonlySet<string>>;

/** Keywords followed by a name. */
const NAME_TAKING = new Set(['indicator', 'service', 'during', 'excluding', 'for', 'hours', 'schedule', 'maintenance', 'objective', 'severity']);

function closedString(image: string): boolean {
  if (image.length < 2 || !image.endsWith('"')) return false;
  // An escaped closing quote (`"a\"`) does not close the string.
  let backslashes = 0;
  for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function insideComment(analysis: Analysis, offset: number): boolean {
  for (const comment of analysis.parse.comments) {
    if (comment.offset >= offset) break;
    const closedBlock = analysis.text.startsWith('/*', comment.offset) && comment.endOffset - comment.offset >= 4 && analysis.text.startsWith('*/', comment.endOffset - 2);
    if (offset < comment.endOffset || (offset === comment.endOffset && !closedBlock)) return true;
  }
  return false;
}
