// The real Prometheus the extension-host suite evaluates against (test/vscode/suite/
// prometheus.itest.ts): started here, by the launcher, never inside the extension host.
// Three days of samples (1-3 October 2026, UTC) for test/vscode/fixtures/prometheus/
// checkout.sla, backfilled with scripts/prometheus/prometheus.ts, behind a small proxy that
// answers 401 unless the request carries `Authorization: Bearer <token>`: a report from it
// proves the token stored with "SLA: Set Prometheus Token" reached the server.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import { PrometheusUnavailable, startPrometheus, type Series } from '../prometheus/prometheus';
import { registerResource } from './cleanup';
import { log } from './log';

const DAY_MS = 86_400_000;
const STEP_MS = 432_000; // 200 samples a day
const FIRST_DAY = Date.UTC(2026, 9, 1);
/** Failed probes of job="checkout" per day: 100%, 99% (breached, 10% credit), 99.5% (met: equal to the target). */
const FAILED_PROBES = [0, 2, 1];
/** Highest latency per day: the third day breaches `max <= 500ms`. */
const MAX_LATENCY_MS = [420, 480, 650];

/** The samples the suite's expectations are written for (see the header of checkout.sla). */
export function checkoutSeries(): Series[] {
  const times: number[] = [];
  const probe: number[] = [];
  const latency: number[] = [];
  FAILED_PROBES.forEach((failed, day) => {
    for (let i = 0; i < DAY_MS / STEP_MS; i++) {
      times.push(FIRST_DAY + day * DAY_MS + i * STEP_MS);
      probe.push(i >= 50 && i < 50 + failed ? 0 : 1); // failures in a row from 06:00
      latency.push(i === 100 ? MAX_LATENCY_MS[day] : 100 + (i % 10) * 20); // one peak at noon; others 100..280
    }
  });
  return [
    { name: 'probe_success', labels: { job: 'checkout' }, times, values: probe },
    // Another job on the same metric: always down, so a selector that ignored labels would show.
    { name: 'probe_success', labels: { job: 'other' }, times, values: times.map(() => 0) },
    { name: 'http_latency_ms', labels: { job: 'checkout' }, times, values: latency },
  ];
}

/** The suite's environment, or why Prometheus cannot be had. Both servers stop with the harness's closeAll(). */
export type SuitePrometheus = { env: Record<string, string> } | { unavailable: string };

/**
 * Prometheus (backfilled) and the token-checking proxy in front of it. The suite gets the
 * proxy's address and the token through SLA_TEST_PROMETHEUS_URL / _TOKEN. When Prometheus
 * cannot be had, says why (the caller skips or, under CI, fails).
 */
export async function startSuitePrometheus(): Promise<SuitePrometheus> {
  let prometheus;
  try {
    prometheus = await startPrometheus({ series: checkoutSeries(), log: (m) => log(`prometheus: ${m}`) });
  } catch (error) {
    if (error instanceof PrometheusUnavailable) return { unavailable: error.message };
    throw error;
  }
  registerResource({ name: 'prometheus', close: () => prometheus.stop(), kill: () => void prometheus.stop() });
  const upstream = new URL(prometheus.url);
  const token = randomBytes(12).toString('hex');
  let refused = 0;
  const proxy = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      refused++;
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"status":"error","errorType":"unauthorized","error":"missing or wrong bearer token"}');
      return;
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(forward);
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const port = (proxy.address() as { port: number }).port;
  const closeProxy = () => {
    proxy.closeAllConnections();
    proxy.close();
  };
  registerResource({
    name: 'prometheus token proxy',
    close: async () => {
      closeProxy();
      log(`stopping prometheus (its proxy refused ${refused} request(s) without the token)`);
    },
    kill: closeProxy,
  });
  log(`prometheus ${prometheus.url}, behind a bearer-token proxy at http://127.0.0.1:${port}`);
  return { env: { SLA_TEST_PROMETHEUS_URL: `http://127.0.0.1:${port}`, SLA_TEST_PROMETHEUS_TOKEN: token } };
}
