import { parse } from '../../server/src/language/parser';
const r = parse(`sla T { compensation for u { below 99% credit 10% } credits { cap 50% claim within 30d } maintenance m { every sun 01:00-02:00 } objective o { window rolling 30 } }`);
console.log(JSON.stringify(r.file.slas[0].items.map((i: any) => ({...i, range: undefined})), (k, v) => (k === 'range' || k==='keyword' || k.endsWith('Range') || k === 'body' ? undefined : v), 1).slice(0, 3000));
console.log(r.diagnostics);
