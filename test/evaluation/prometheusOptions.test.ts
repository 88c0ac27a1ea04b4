// One builder turns a Prometheus server as the user gives it into the source's options: the
// command line's text (`sla evaluate --prometheus …`) and an `sla/evaluate` request's JSON
// give the same options, and every bad value is refused with a message naming it.
import * as assert from 'node:assert/strict';
import { prometheusSourceOptions, type PrometheusUserOptions } from '../../server/src/evaluation/prometheus/index';

describe('evaluation: Prometheus options from the command line and from a request', () => {
  it('reads the command line and the request forms into the same options', () => {
    const fromCli = prometheusSourceOptions({
      url: 'http://prometheus:9090',
      token: '  s3cret\n',
      headers: ['X-Scope-OrgID:  team-a ', 'Authorization: Bearer a:b'],
      timeout: '1500ms',
      concurrency: ' 2 ',
    });
    const fromRequest = prometheusSourceOptions({
      url: 'http://prometheus:9090',
      token: 's3cret',
      headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer a:b' },
      timeout: 1500,
      concurrency: 2,
    });
    assert.deepEqual(fromCli, fromRequest);
    assert.deepEqual(fromCli, {
      url: 'http://prometheus:9090',
      token: 's3cret',
      headers: { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer a:b' },
      timeoutMs: 1500,
      concurrency: 2,
      pushDown: true,
    });
  });

  it('leaves out a blank token and defaults, and keeps --no-push-down', () => {
    assert.deepEqual(prometheusSourceOptions({ url: 'http://p', token: ' ', pushDown: false }), {
      url: 'http://p',
      token: undefined,
      headers: {},
      timeoutMs: undefined,
      concurrency: undefined,
      pushDown: false,
    });
  });

  it('refuses bad values with a message naming them', () => {
    const cases: [unknown, RegExp][] = [
      [{ url: '' }, /^the Prometheus source needs an address/],
      [{ url: 42 }, /^the Prometheus source needs an address/],
      [null, /^the Prometheus source needs an address/],
      [{ url: 'http://p', token: 7 }, /^the Prometheus token must be a string$/],
      // The value may be a token: only a leading name-like word is shown (issue 13 item 8).
      [{ url: 'http://p', headers: ['no colon'] }, /^bad header "no \*\*\*": expected 'Name: value'/],
      [{ url: 'http://p', headers: ['Authorization Bearer TOKEN12345'] }, /^bad header "Authorization \*\*\*": expected 'Name: value'/],
      [{ url: 'http://p', headers: 'X: y' }, /^Prometheus headers must be an object of strings$/],
      [{ url: 'http://p', headers: { 'X-Team': 3 } }, /^Prometheus header "X-Team": the value must be a string$/],
      [{ url: 'http://p', timeout: 'soon' }, /^bad timeout "soon": expected a duration such as 30s/],
      [{ url: 'http://p', timeout: -5 }, /^bad timeout -5: expected a positive number of milliseconds$/],
      [{ url: 'http://p', concurrency: '0' }, /^bad --concurrency "0": expected a whole number of at least 1$/],
      [{ url: 'http://p', concurrency: 1.5 }, /^bad --concurrency 1.5: expected a whole number of at least 1$/],
    ];
    for (const [given, message] of cases) {
      assert.throws(() => prometheusSourceOptions(given as PrometheusUserOptions), (e: Error) => e.name === 'EvaluationError' && message.test(e.message), JSON.stringify(given));
    }
  });
});
