// How busy the machine's cores are, for the choices of a second thread (`sla evaluate`'s parts:
// evaluation/parallel.ts; `sla check`'s recognition: language/parse/offthread.ts).
import { readFileSync } from 'node:fs';

/** CPU pressure (the share of time some task waited for a core, last 10 s) from which a second thread does not pay (scripts/cli-loader.cjs: `EARLY_BUSY_PRESSURE`). */
export const BUSY_PRESSURE = 50;

/** Linux's CPU pressure, `some avg10` of /proc/pressure/cpu (0–100); 0 where there is none. */
export function cpuPressure(): number {
  try {
    const some = /^some avg10=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'latin1'));
    return some ? Number(some[1]) : 0;
  } catch {
    return 0;
  }
}
