// The linked facts of a contract: see facts.ts.
export type * from './facts';
export { factsOfObjective, linkSlas, linkedFactsOf, linkedFactsOfSla, type LinkReuse } from './link';
export { firstItem, kindOf } from './indicators';
