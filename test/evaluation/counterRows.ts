// Counter samples of two series (a resets on 3 October; b starts at 0), shared by the
// counters tests of files and of interval sources.
/** Rows `t,metric,value,instance`, some out of time order. */
export const COUNTER_ROWS = `timestamp,metric,value,instance
2026-09-30T23:00:00Z,req_total,1000,a
2026-09-30T23:00:00Z,ok_total,990,a
2026-10-01T00:00:00Z,req_total,1100,a
2026-10-01T00:00:00Z,ok_total,1089,a
2026-10-03T00:00:00Z,req_total,50,a
2026-10-03T00:00:00Z,ok_total,45,a
2026-10-02T00:00:00Z,req_total,1300,a
2026-10-02T00:00:00Z,ok_total,1287,a
2026-10-04T00:00:00Z,req_total,150,a
2026-10-04T00:00:00Z,ok_total,140,a
2026-10-01T00:00:00Z,req_total,0,b
2026-10-01T00:00:00Z,ok_total,0,b
2026-10-02T00:00:00Z,req_total,100,b
2026-10-02T00:00:00Z,ok_total,90,b
`;
