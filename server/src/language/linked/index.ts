// The linked facts of a contract: see facts.ts.
export type * from './facts';
export { tierMildness } from './facts';
export { factsOfObjective, linkSlas, linkedFactsOf, linkedFactsOfSla } from './link';
export { firstItem, kindOf } from './indicators';
