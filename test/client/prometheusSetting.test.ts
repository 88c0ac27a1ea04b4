// Which Prometheus address "Evaluate Contract" may use, and where its token is kept.
import * as assert from 'node:assert/strict';
import { effectivePrometheusUrl, tokenKey, urlProblem } from '../../client/src/evaluate/prometheusSetting';

describe('client: the sla.prometheus.url setting and the token key', function () {
  it('uses a workspace address only in a trusted workspace (the token is sent there)', function () {
    const levels = { globalValue: 'http://mine:9090', workspaceValue: 'http://theirs:9090' };
    assert.deepEqual(effectivePrometheusUrl(levels, true), { url: 'http://theirs:9090', ignoredWorkspaceValue: false });
    assert.deepEqual(effectivePrometheusUrl(levels, false), { url: 'http://mine:9090', ignoredWorkspaceValue: true });
    assert.deepEqual(effectivePrometheusUrl({ workspaceFolderValue: 'http://f:1', workspaceValue: 'http://w:1' }, true).url, 'http://f:1');
    assert.deepEqual(effectivePrometheusUrl({ workspaceValue: 'http://w:1' }, false), { url: undefined, ignoredWorkspaceValue: true });
    assert.deepEqual(effectivePrometheusUrl({ globalValue: '  ' }, true), { url: undefined, ignoredWorkspaceValue: false });
    assert.deepEqual(effectivePrometheusUrl(undefined, false), { url: undefined, ignoredWorkspaceValue: false });
  });

  it('keeps one token per server origin', function () {
    assert.equal(tokenKey('https://prom.example/prometheus/'), 'sla.prometheus.token:https://prom.example');
    assert.equal(tokenKey('http://prom.example:9090'), 'sla.prometheus.token:http://prom.example:9090');
    assert.notEqual(tokenKey('http://a:9090'), tokenKey('http://b:9090'));
  });

  it('says what is wrong with an address', function () {
    assert.equal(urlProblem('http://prom.example:9090'), undefined);
    assert.equal(urlProblem('prom.example:9090'), 'scheme');
    assert.equal(urlProblem('not a url'), 'not-a-url');
    assert.equal(urlProblem('http://u:p@h'), 'credentials');
    assert.equal(urlProblem('http://prom.example:9090/?x=1'), 'query');
  });
});
