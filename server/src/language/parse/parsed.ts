// What the grammar records while it parses (parse/grammar.ts), for the AST builder: one small
// node per rule invocation holding the tokens and sub-nodes the builder reads, and the extent
// of the real tokens consumed in it. It replaces Chevrotain's CST (issue 15: the CST's
// label dictionaries and location objects cost more than the AST built from them).
//
// A node is attached to its parent when its rule starts, so a rule that error recovery left
// half-parsed keeps what it consumed (as a recovered CST node did). Tokens inserted by recovery
// (no text, NaN offsets) are recorded like real ones; the builder treats them as missing.
// The grammar's rules write the fields by name (`n.keyword = this.tok(…)`).
import type { IToken } from 'chevrotain';

/** The grammar's rules whose nodes the AST builder reads (names as in parse/grammar.ts). */
export type ParsedRule =
  | 'file'
  | 'garbage'
  | 'skippedGroup'
  | 'slaBlock'
  | 'slaItem'
  | 'versionItem'
  | 'providerItem'
  | 'customerItem'
  | 'effectiveItem'
  | 'timezoneItem'
  | 'feeItem'
  | 'reportingItem'
  | 'reviewItem'
  | 'reviewedItem'
  | 'serviceBlock'
  | 'descriptionItem'
  | 'includesItem'
  | 'excludesItem'
  | 'scheduleBlock'
  | 'scheduleLine'
  | 'holidaysItem'
  | 'scheduleOnItem'
  | 'days'
  | 'timeRange'
  | 'maintenanceBlock'
  | 'everyItem'
  | 'onItem'
  | 'noticeItem'
  | 'indicatorBlock'
  | 'kindItem'
  | 'metricItem'
  | 'ratioItem'
  | 'unitItem'
  | 'sampleEveryItem'
  | 'missingItem'
  | 'countersItem'
  | 'objectiveBlock'
  | 'indicatorRefItem'
  | 'serviceRefItem'
  | 'targetItem'
  | 'windowItem'
  | 'duringItem'
  | 'excludingItem'
  | 'coverageItem'
  | 'quantity'
  | 'compensationBlock'
  | 'tier'
  | 'creditsBlock'
  | 'capItem'
  | 'claimItem'
  | 'remedyItem'
  | 'responsibilitiesBlock'
  | 'responsibility'
  | 'supportBlock'
  | 'hoursItem'
  | 'severityItem';

/** Fields holding one token (each is consumed at most once per rule invocation). */
export type TokenField =
  | 'keyword' | 'name' | 'title' | 'open' | 'close' | 'value' | 'start' | 'end' | 'amount' | 'currency' | 'period'
  | 'cadence' | 'date' | 'from' | 'to' | 'form' | 'at' | 'ref' | 'polarity' | 'numerator' | 'total' | 'aggregate'
  | 'comparator' | 'number' | 'unit' | 'target';
/** Fields holding every token consumed under that name, in order. */
export type TokenListField = 'recipients' | 'values' | 'dates' | 'refs';
/** Fields holding one sub-node. */
export type NodeField = 'item' | 'days' | 'range' | 'duration' | 'interval' | 'quantity' | 'percent' | 'threshold' | 'credit' | 'response' | 'resolve';
/** Fields holding every sub-node invoked under that name, in order. */
export type NodeListField = 'items' | 'ranges' | 'slas' | 'orphans';

export type ParsedNode = {
  rule: ParsedRule;
  /** Offset of the first real token consumed in the rule or a sub-rule; NaN when none. */
  startOffset: number;
  /** Offset of the last character of the last real token consumed there (inclusive, as Chevrotain's). */
  endOffset: number;
} & { [F in TokenField]?: IToken } & { [F in TokenListField]?: IToken[] } & { [F in NodeField]?: ParsedNode } & {
  [F in NodeListField]?: ParsedNode[];
};
