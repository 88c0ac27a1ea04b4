// `npm run bench:check`: parse + check of a generated 5 000-line contract.
// Prints the median time and lines/s, and the ratio to lexing alone (the floor any
// parser pays) measured in the same run. Goal (issue 2): ≤ 50 ms median.
import * as os from 'node:os';
import { generateContract } from './contractGenerator';
import { median, timeRuns, fmt } from './stats';
import { parse } from '../server/src/language/parser';
import { analyze } from '../server/src/language/analyze';
import { tokenize } from '../server/src/language/lexer';

const text = generateContract(5000);
const lines = text.split('\n').length - 1;
const diagnostics = analyze(text).diagnostics.filter((d) => d.severity === 'error');
if (diagnostics.length) {
  console.error(`the generated contract has ${diagnostics.length} errors, first: ${diagnostics[0].code} ${diagnostics[0].message}`);
  process.exit(1);
}

const runs = 40;
const lexRuns = timeRuns(() => tokenize(text), runs);
const parseRuns = timeRuns(() => parse(text), runs);
const totalRuns = timeRuns(() => analyze(text), runs);
const [lexMs, parseMs, totalMs] = [lexRuns, parseRuns, totalRuns].map(median);
const best = (xs: number[]) => `(best ${fmt(Math.min(...xs))})`;

console.log(`contract: ${lines} lines, ${(text.length / 1024).toFixed(0)} KiB; ${runs} runs each, median`);
console.log(`lex only (baseline):  ${fmt(lexMs)} ${best(lexRuns)}`);
console.log(`parse (lex + AST):    ${fmt(parseMs)} ${best(parseRuns)}`);
console.log(`parse + check:        ${fmt(totalMs)} ${best(totalRuns)}   ${Math.round(lines / (totalMs / 1000)).toLocaleString('en')} lines/s`);
console.log(`ratio to lexing:      ${(totalMs / lexMs).toFixed(1)}×`);
console.log(`goal ≤ 50 ms median: ${totalMs <= 50 ? 'reached' : 'NOT reached'}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other processes inflate the figures)`);
