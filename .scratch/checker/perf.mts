import { generateContract } from '../../bench/contractGenerator';
import { parse } from '../../server/src/language/parser';
import { buildScopes } from '../../server/src/language/scope';
import { check } from '../../server/src/language/checker/index';
const text = generateContract(5000);
// A broken variant: every reference misspelt, to exercise suggestions.
const broken = text.replace(/indicator (avail|latency)_(\d+)\n/g, 'indicator $1x_$2\n').replace(/service svc_(\d+)\n/g, 'service svcx_$1\n');
for (const [name, t] of [['valid', text], ['broken refs', broken]] as const) {
  const parsed = parse(t);
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 100; i++) {
    const s = performance.now();
    const scopes = buildScopes(parsed.file);
    n = check(parsed.file, scopes, parsed.diagnostics).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(name, t.split('\n').length, 'lines; diagnostics', n, 'median ms', times[50].toFixed(2), 'max', times[99].toFixed(2));
}
