// `npm run bench:hostile`: analysis time and memory of hostile contracts (issue 13 items 9, 10):
// 547 KB of objectives, nested and side by side (diagnostic floods), 10 000 nested `sla`
// blocks and 40 000 nested services. Each runs in a fresh process (so its peak RSS is its own) and is compared
// with lexing the same text, the floor any parser pays, measured in the same process.
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { analyze } from '../server/src/language/analyze';
import { tokenize } from '../server/src/language/lexer';
import { fmt, median, timeRuns } from './stats';

const CASES: Record<string, () => string> = {
  'nested objectives, 547 KB': () => {
    let text = 'sla S {\n';
    let n = 0;
    while (text.length < 547_000) text += `objective o${n++} { `;
    return text + '}'.repeat(n) + '\n}\n';
  },
  'objectives side by side, 547 KB': () => {
    let text = 'sla S {\n';
    for (let n = 0; text.length < 547_000; n++) text += `objective o${n} { }\n`;
    return text + '}\n';
  },
  '10 000 nested sla blocks': () => 'sla s {\n'.repeat(10_000) + '}\n'.repeat(10_000),
  '40 000 nested services': () => 'sla S {\n' + 'service x {\n'.repeat(40_000) + '}\n'.repeat(40_001),
};

const [, , only] = process.argv;
if (only) {
  const text = CASES[only]();
  // The first analysis alone sets the peak RSS (lexing holds far less).
  const diagnostics = analyze(text).diagnostics;
  const rss = process.resourceUsage().maxRSS / 1024;
  const runs = 3;
  const lex = median(timeRuns(() => tokenize(text), runs, 1));
  const total = median(timeRuns(() => analyze(text), runs, 1));
  const codes = new Map<string, number>();
  for (const d of diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
  console.log(
    `${only.padEnd(28)} ${(text.length / 1024).toFixed(0).padStart(5)} KiB  analyze ${fmt(total).padStart(9)}  lex ${fmt(lex).padStart(9)}  ` +
      `ratio ${(total / lex).toFixed(1).padStart(5)}×  peak RSS ${rss.toFixed(0)} MB  diagnostics ${diagnostics.length} ` +
      `(${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')})`,
  );
} else {
  console.log(`median of 3 runs per case; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  for (const name of Object.keys(CASES)) {
    const run = spawnSync(process.execPath, ['--expose-gc', process.argv[1], name], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
