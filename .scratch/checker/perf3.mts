import { generateContract } from '../../bench/contractGenerator';
import { parse } from '../../server/src/language/parser';
import { buildScopes } from '../../server/src/language/scope';
import { check } from '../../server/src/language/checker/index';
const text0 = generateContract(5000); const text = text0.replace(/indicator (avail|latency)_(\d+)\n/g, 'indicator $1x_$2\n');
const parsed = parse(text);
for (let i = 0; i < 200; i++) check(parsed.file, buildScopes(parsed.file), parsed.diagnostics);
