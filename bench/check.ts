// `npm run bench:check`: parse + check speed, and `sla check` of a 200,000-line contract.
// 1. A generated 5 000-line contract in-process: median time and lines/s, and the ratio to
//    lexing alone (the floor any parser pays), measured in the same run. Goal (issue 2): ≤ 50 ms.
// 2. (issue 15) The 200,000-line contract of ../shared/bench/gen.py (bench/equalContent.ts):
//    `node dist/cli.js check FILE` in a child process, wall time and peak RSS, against the
//    floor of a child process that only reads and lexes the file; and in-process lex, parse
//    and analyze times. Goals: ≤ 0.5 s and ≤ 250 MB. Printed, never asserted.
// 3. Start-up: `sla check` of one small sample, which must not get slower for the sake of
//    the large file, and `sla --version`, against a bare `node -e 0` (the floor) in the same run.
// 4. (handlex) Inside 2: the hand-written lexer against Chevrotain's on the 200,000 lines,
//    warm and cold, and the ratio (`--lexers` runs only this).
// 5. (issue 15) In 2: the build the issue measured, made once from git history (issueBuild.ts),
//    interleaved with this one: the ratios, and the goals as the ratios the issue asks for
//    (0.5 s of its 1.3 s, 250 of its 570 MB). BENCH_ISSUE_BUILD=0 leaves it out.
// 6. (issue 15, session 11) The 200,000 lines broken three ways (syntax errors, misspelt and
//    unknown names on every objective): `sla check` of each against the contract as it is, the
//    floor, interleaved (`--broken` runs only this).
// BENCH_BASELINE=DIR (a copy of an earlier build's dist/) runs that build's cli.js
// interleaved with this one in 2, 3 and 6 (A/B in the same run, under the same load) and prints
// the ratio; BENCH_RUNS=N sets the runs of 2 and 3 (default 5, 15; 6 runs half as many, at
// least 3); `--startup` runs only 3.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateContract } from './contractGenerator';
import { equalContent } from './equalContent';
import { freshMemoryLine, median, timeRuns, fmt } from './stats';
import { parse } from '../server/src/language/parser';
import { analyze } from '../server/src/language/analyze';
import { tokenize, tokenizePart, tokenizePartWithChevrotain } from '../server/src/language/lexer';
import { readFullWidth } from '../server/src/language/fullWidth';
import { chunkEnd, DEFAULT_CHUNKING } from '../server/src/language/parse/chunks';
import { ISSUE_COMMIT, ISSUE_FIGURES, ISSUE_GOAL_RATIOS, issueBuild } from './issueBuild';

const RSS_FILE_VARIABLE = 'SLA_BENCH_MAX_RSS_FILE';

// The floor's child process: read and lex the file, nothing else.
if (process.argv[2] === '--lex-only') {
  tokenize(readFileSync(process.argv[3], 'utf8'));
  process.exit(0);
}

/** The two lexers (issue 15, handlex): the hand-written one `tokenize` uses and Chevrotain's, its reference. */
const LEXERS = { scan: tokenizePart, chevrotain: tokenizePartWithChevrotain } as const;
type LexerName = keyof typeof LEXERS;

/** Lexes `read` in the chunks the parser asks for at 200,000 lines (parse/chunks.ts); the token count. */
function lexInChunks(read: string, lexer: LexerName): number {
  let count = 0;
  for (let start = 0, index = 0; start < read.length; index++) {
    const end = chunkEnd(read, start, DEFAULT_CHUNKING.size(index));
    count += LEXERS[lexer](read, start, end).tokens.length;
    start = end;
  }
  return count;
}

// A child process that lexes the file once with one lexer, cold (what `sla check` pays): prints its wall and CPU ms.
if (process.argv[2] === '--lex-cold') {
  const read = readFullWidth(readFileSync(process.argv[4], 'utf8')).text;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  lexInChunks(read, process.argv[3] as LexerName);
  const { user, system } = process.cpuUsage(cpu);
  console.log(JSON.stringify([Number(process.hrtime.bigint() - start) / 1e6, (user + system) / 1000]));
  process.exit(0);
}

function assertNoErrors(text: string, what: string): void {
  const errors = analyze(text).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    console.error(`the ${what} has ${errors.length} errors, first: ${errors[0].code} ${errors[0].message}`);
    process.exit(1);
  }
}

const best = (xs: number[]) => `(best ${fmt(Math.min(...xs))})`;
const load = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other processes inflate the figures)`;

function smallContract(): void {
  const text = generateContract(5000);
  const lines = text.split('\n').length - 1;
  assertNoErrors(text, 'generated contract');
  const runs = 40;
  const lexRuns = timeRuns(() => tokenize(text), runs);
  const parseRuns = timeRuns(() => parse(text), runs);
  const totalRuns = timeRuns(() => analyze(text), runs);
  const [lexMs, parseMs, totalMs] = [lexRuns, parseRuns, totalRuns].map(median);
  console.log(`contract: ${lines} lines, ${(text.length / 1024).toFixed(0)} KiB; ${runs} runs each, median`);
  console.log(`lex only (baseline):  ${fmt(lexMs)} ${best(lexRuns)}`);
  console.log(`parse (lex + AST):    ${fmt(parseMs)} ${best(parseRuns)}`);
  console.log(`parse + check:        ${fmt(totalMs)} ${best(totalRuns)}   ${Math.round(lines / (totalMs / 1000)).toLocaleString('en')} lines/s`);
  console.log(`ratio to lexing:      ${(totalMs / lexMs).toFixed(1)}×`);
  console.log(`goal ≤ 50 ms median: ${totalMs <= 50 ? 'reached' : 'NOT reached'}; ${load()}`);
}

/**
 * Wall milliseconds, CPU milliseconds (user + system, all threads: less sensitive to a loaded
 * machine than wall time) and peak RSS (MiB) of `node ARGS`, read by a preloaded exit hook.
 */
function childRun(args: string[], dir: string): { ms: number; cpuMs: number; rssMiB: number; status: number | null } {
  const preload = path.join(dir, 'max-rss.cjs');
  const rssFile = path.join(dir, 'max-rss.txt');
  writeFileSync(
    preload,
    `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.${RSS_FILE_VARIABLE}, JSON.stringify([u.maxRSS, (u.userCPUTime + u.systemCPUTime) / 1000])); });\n`,
  );
  writeFileSync(rssFile, '');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', preload, ...args], { env: { ...process.env, [RSS_FILE_VARIABLE]: rssFile }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [maxRssKiB, cpuMs] = JSON.parse(readFileSync(rssFile, 'utf8')) as [number, number];
  return { ms, cpuMs, rssMiB: maxRssKiB / 1024, status: run.status };
}

type ChildRun = ReturnType<typeof childRun>;

const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE, 'cli.js') : undefined;

/** `sla check FILE` by this build's CLI (or `cli`); exits the bench when it does not exit with `status` (1: the file has errors). */
function checkRun(file: string, dir: string, cli = path.resolve('dist/cli.js'), status = 0): ChildRun {
  const check = childRun([cli, 'check', file], dir);
  if (check.status !== status) {
    console.error(`${cli} check exited with ${check.status} on ${file}`);
    process.exit(1);
  }
  return check;
}

/** Median wall, CPU and peak RSS of some runs, as one line. */
function figures(runs: ChildRun[]): string {
  return `wall ${fmt(median(runs.map((c) => c.ms)))}  CPU ${fmt(median(runs.map((c) => c.cpuMs)))}  peak RSS ${median(runs.map((c) => c.rssMiB)).toFixed(0)} MiB`;
}

/** The ratios of the medians of `ours` to `theirs` (same run, interleaved). */
function ratios(ours: ChildRun[], theirs: ChildRun[]): { wall: number; cpu: number; rss: number } {
  const ratio = (f: (c: ChildRun) => number) => median(ours.map(f)) / median(theirs.map(f));
  return { wall: ratio((c) => c.ms), cpu: ratio((c) => c.cpuMs), rss: ratio((c) => c.rssMiB) };
}

/** `ratios` as one line, after `label`. */
function ratioLine(label: string, { wall, cpu, rss }: ReturnType<typeof ratios>): string {
  return `${label}: ${wall.toFixed(2)}× wall, ${cpu.toFixed(2)}× CPU, ${rss.toFixed(2)}× peak RSS`;
}

/** This build against the baseline's (same run, interleaved): the ratios of the medians. */
function baselineRatio(ours: ChildRun[], baseline: ChildRun[]): string {
  return ratioLine('this build / baseline', ratios(ours, baseline));
}

/** The 200,000-line contract: its text, its file and the file's folder. */
type HugeContract = { text: string; file: string; dir: string };

/** The 200,000-line contract, written to .bench/check-200k.sla (`dir` is .bench) for the child processes. */
function writeHugeContract(): HugeContract {
  const dir = path.resolve('.bench');
  mkdirSync(dir, { recursive: true });
  const text = equalContent(14_285).sla;
  const file = path.join(dir, 'check-200k.sla');
  writeFileSync(file, text);
  return { text, file, dir };
}

function hugeContract(contract: HugeContract): void {
  const { text, file, dir } = contract;
  const lines = text.split('\n').length - 1;
  assertNoErrors(text, '200,000-line contract');

  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const issue = process.env.BENCH_ISSUE_BUILD === '0' ? { reason: 'BENCH_ISSUE_BUILD=0' } : issueBuild(dir);
  const checks: ChildRun[] = [];
  const floors: ChildRun[] = [];
  const baselines: ChildRun[] = [];
  const issueRuns: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    checks.push(checkRun(file, dir));
    floors.push(childRun([process.argv[1], '--lex-only', file], dir));
    if (BASELINE) baselines.push(checkRun(file, dir, BASELINE));
    if ('cli' in issue) issueRuns.push(checkRun(file, dir, issue.cli));
  }
  const lexRuns = timeRuns(() => tokenize(text), runs, 2);
  const parseRuns = timeRuns(() => parse(text), runs, 2);
  const analyzeRuns = timeRuns(() => analyze(text), runs, 2);

  const checkMs = median(checks.map((c) => c.ms));
  const checkRss = median(checks.map((c) => c.rssMiB));
  const floorMs = median(floors.map((c) => c.ms));
  const floorRss = median(floors.map((c) => c.rssMiB));
  console.log(`\ncontract: ${lines.toLocaleString('en')} lines, ${(text.length / 2 ** 20).toFixed(1)} MiB (${file}); ${runs} runs each, median`);
  const checkCpu = median(checks.map((c) => c.cpuMs));
  const floorCpu = median(floors.map((c) => c.cpuMs));
  console.log(`child: node + read + lex (floor)   wall ${fmt(floorMs)}  CPU ${fmt(floorCpu)}  peak RSS ${floorRss.toFixed(0)} MiB`);
  console.log(`child: node dist/cli.js check      wall ${fmt(checkMs)}  CPU ${fmt(checkCpu)}  peak RSS ${checkRss.toFixed(0)} MiB`);
  console.log(`ratio to the floor: ${(checkMs / floorMs).toFixed(1)}× wall, ${(checkCpu / floorCpu).toFixed(1)}× CPU, ${(checkRss / floorRss).toFixed(1)}× memory`);
  if (BASELINE) {
    console.log(`child: baseline ${BASELINE} check   ${figures(baselines)}`);
    console.log(baselineRatio(checks, baselines));
  }
  if ('cli' in issue) {
    // The issue's goal as the ratio it asks for, against the build it measured (issueBuild.ts).
    const toIssue = ratios(checks, issueRuns);
    const { wall, rss } = toIssue;
    console.log(`child: the issue's build (${ISSUE_COMMIT.slice(0, 7)}) check   ${figures(issueRuns)}`);
    console.log(
      ratioLine("this build / the issue's build", toIssue) +
        ` (at the issue's ${ISSUE_FIGURES.wallMs / 1000} s and ${ISSUE_FIGURES.rssMB} MB: ${fmt(wall * ISSUE_FIGURES.wallMs)}, ${(rss * ISSUE_FIGURES.rssMB).toFixed(0)} MB)`,
    );
    console.log(
      `goals as ratios to the issue's build, ≤ ${ISSUE_GOAL_RATIOS.wall.toFixed(2)}× wall and ≤ ${ISSUE_GOAL_RATIOS.rss.toFixed(2)}× RSS: ` +
        `${wall <= ISSUE_GOAL_RATIOS.wall ? 'reached' : 'NOT reached'}, ${rss <= ISSUE_GOAL_RATIOS.rss ? 'reached' : 'NOT reached'}`,
    );
  } else console.log(`the issue's build is left out: ${issue.reason}`);
  console.log(`in-process: lex ${fmt(median(lexRuns))}, parse ${fmt(median(parseRuns))}, analyze ${fmt(median(analyzeRuns))}`);
  compareLexers(text, file, runs);
  console.log(`goals ≤ 0.5 s: ${checkMs <= 500 ? 'reached' : 'NOT reached'}; ≤ 250 MB RSS: ${checkRss * 1.048576 <= 250 ? 'reached' : 'NOT reached'}; ${load()}`);
  console.log(freshMemoryLine());
}

/**
 * The 200,000-line contract broken three ways, every objective once: the target without its
 * comparator (14,285 syntax errors), the indicator misspelt by a letter (14,285 unknown names,
 * each with a suggestion among 14,285 indicators), the indicator named as nothing near (no
 * suggestion). `sla check` of each, interleaved with the contract as it is (the floor: what
 * the errors add). Before session 11 these took 2–28 s (docs/performance.md).
 */
function brokenContracts({ text, file, dir }: HugeContract): void {
  const variants = [
    ['syntax errors (`target 99.9%`)', text.replaceAll('target >= 99.9%', 'target 99.9%')],
    ['misspelt indicators (`prob_N`)', text.replace(/^( {4}indicator )probe_/gm, '$1prob_')],
    ['unknown indicators (`latency_Nx`)', text.replace(/^( {4}indicator )probe_(\d+)/gm, '$1latency_$2x')],
  ] as const;
  const files = variants.map(([, broken], i) => {
    const brokenFile = path.join(dir, `check-200k-broken-${i}.sla`);
    writeFileSync(brokenFile, broken);
    return brokenFile;
  });
  const runs = Math.max(3, Math.ceil(Number(process.env.BENCH_RUNS ?? 5) / 2));
  const valid: ChildRun[] = [];
  const broken: ChildRun[][] = variants.map(() => []);
  const baselines: ChildRun[][] = variants.map(() => []);
  for (let i = 0; i < runs; i++) {
    valid.push(checkRun(file, dir));
    files.forEach((brokenFile, v) => {
      broken[v].push(checkRun(brokenFile, dir, undefined, 1));
      if (BASELINE) baselines[v].push(checkRun(brokenFile, dir, BASELINE, 1));
    });
  }
  console.log(`\nbroken contracts: the 200,000 lines with every objective broken; ${runs} runs each, interleaved, median`);
  console.log(`child: the contract as it is (floor)     ${figures(valid)}`);
  variants.forEach(([label], v) => {
    console.log(`child: ${label.padEnd(34)} ${figures(broken[v])}   ${ratioLine('to the floor', ratios(broken[v], valid))}`);
    if (BASELINE) console.log(`       baseline: ${figures(baselines[v])}   ${ratioLine('this build / baseline', ratios(broken[v], baselines[v]))}`);
  });
  console.log(load());
}

/**
 * The hand-written lexer against Chevrotain's (the library's; what justifies our own code) on
 * the 200,000-line text in the parser's chunks, same tokens checked first: warm (min of
 * `runs` after a warm-up, in this process) and cold (a fresh child process per run, one lex:
 * what `sla check` pays; median wall and CPU), interleaved.
 */
function compareLexers(text: string, file: string, runs: number): void {
  const read = readFullWidth(text).text;
  const counts = (['scan', 'chevrotain'] as const).map((lexer) => lexInChunks(read, lexer));
  if (counts[0] !== counts[1]) {
    console.error(`the lexers disagree: ${counts[0]} tokens against ${counts[1]}`);
    process.exit(1);
  }
  const warm = { scan: [] as number[], chevrotain: [] as number[] };
  const cold = { scan: [] as number[][], chevrotain: [] as number[][] };
  for (const lexer of ['scan', 'chevrotain'] as const) timeRuns(() => lexInChunks(read, lexer), 0, 5);
  for (let i = 0; i < Math.max(runs, 5); i++) {
    for (const lexer of ['scan', 'chevrotain'] as const) {
      warm[lexer].push(...timeRuns(() => lexInChunks(read, lexer), 1, 0));
      const child = spawnSync(process.execPath, [process.argv[1], '--lex-cold', lexer, file], { encoding: 'utf8' });
      cold[lexer].push(JSON.parse(child.stdout) as number[]);
    }
  }
  const coldFigures = (lexer: LexerName) => [0, 1].map((k) => median(cold[lexer].map((run) => run[k])));
  const [scanWall, scanCpu] = coldFigures('scan');
  const [libraryWall, libraryCpu] = coldFigures('chevrotain');
  const [scanWarm, libraryWarm] = [Math.min(...warm.scan), Math.min(...warm.chevrotain)];
  console.log(`lexing it (${counts[0].toLocaleString('en')} tokens, in 16 Ki chunks): hand-written lexer against Chevrotain's (same tokens)`);
  console.log(`  warm, min of ${warm.scan.length}:  ${fmt(scanWarm)} against ${fmt(libraryWarm)}: ${(scanWarm / libraryWarm).toFixed(2)}×`);
  console.log(`  cold, median:      wall ${fmt(scanWall)} against ${fmt(libraryWall)}: ${(scanWall / libraryWall).toFixed(2)}×; CPU ${fmt(scanCpu)} against ${fmt(libraryCpu)}: ${(scanCpu / libraryCpu).toFixed(2)}×`);
}

/**
 * `sla check` of one sample of a few hundred lines: mostly start-up (Node, the bundle, the
 * grammar), against the floor of a bare `node -e 0` in the same run; `sla --version` (the
 * bundle and the commands' set-up, no parse) between the two.
 */
function startUp(): void {
  const dir = path.resolve('.bench');
  const file = path.resolve('samples/lanying-im.sla');
  const runs = Number(process.env.BENCH_RUNS ?? 5) * 3;
  const checks: ChildRun[] = [];
  const baselines: ChildRun[] = [];
  const bare: ChildRun[] = [];
  const versions: ChildRun[] = [];
  const baselineVersions: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(childRun(['-e', '0'], dir));
    checks.push(checkRun(file, dir));
    versions.push(childRun([path.resolve('dist/cli.js'), '--version'], dir));
    if (BASELINE) {
      baselines.push(checkRun(file, dir, BASELINE));
      baselineVersions.push(childRun([BASELINE, '--version'], dir));
    }
  }
  const above = (runs: ChildRun[]) => {
    const floor = (f: (c: ChildRun) => number) => median(runs.map(f)) - median(bare.map(f));
    return `above the floor: wall ${fmt(floor((c) => c.ms))}  CPU ${fmt(floor((c) => c.cpuMs))}`;
  };
  console.log(`\nstart-up: sla check ${path.relative('.', file)}; ${runs} runs each, interleaved, median`);
  console.log(`child: node -e 0 (floor)           ${figures(bare)}`);
  console.log(`child: node dist/cli.js check      ${figures(checks)}   ${above(checks)}`);
  console.log(`child: node dist/cli.js --version  ${figures(versions)}   ${above(versions)}`);
  if (BASELINE) {
    console.log(`child: baseline check             ${figures(baselines)}   ${above(baselines)}`);
    console.log(`child: baseline --version         ${figures(baselineVersions)}   ${above(baselineVersions)}`);
    console.log(`check: ${baselineRatio(checks, baselines)}`);
    console.log(`--version: ${baselineRatio(versions, baselineVersions)}`);
  }
  console.log(load());
}

// `--startup` (npm run bench:check -- --startup): only part 3; `--lexers`: only the two lexers on the 200,000 lines;
// `--broken`: only the broken contracts.
if (process.argv.includes('--lexers')) {
  const { text, file } = writeHugeContract();
  compareLexers(text, file, Number(process.env.BENCH_RUNS ?? 5));
  console.log(load());
} else if (process.argv.includes('--broken')) {
  brokenContracts(writeHugeContract());
} else {
  if (!process.argv.includes('--startup')) {
    smallContract();
    const contract = writeHugeContract();
    hugeContract(contract);
    brokenContracts(contract);
  }
  startUp();
}
