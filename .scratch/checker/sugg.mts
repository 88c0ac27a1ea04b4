import { suggest } from '../../server/src/language/suggest';
const cands: string[] = [];
for (let i = 0; i < 300; i++) cands.push(`avail_${i}`, `latency_${i}`);
const words = Array.from({ length: 450 }, (_, i) => `availx_${i % 300}`);
for (let round = 0; round < 5; round++) {
  const s = process.cpuUsage();
  let n = 0;
  for (const w of words) if (suggest(w, cands)) n++;
  const u = process.cpuUsage(s);
  console.log('cpu ms', ((u.user + u.system) / 1000).toFixed(1), n);
}
