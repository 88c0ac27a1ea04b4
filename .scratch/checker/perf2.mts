import { generateContract } from '../../bench/contractGenerator';
import { parse } from '../../server/src/language/parser';
import { buildScopes } from '../../server/src/language/scope';
import { check } from '../../server/src/language/checker/index';
const text = generateContract(5000);
const parsed = parse(text);
for (let i = 0; i < 200; i++) check(parsed.file, buildScopes(parsed.file), parsed.diagnostics);
