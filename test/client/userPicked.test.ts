// Issue 13 item 13, client side: which metric files go to the server as chosen by the user
// (readable outside the workspace folders). A workspace's own `sla.metrics` never is.
import assert from 'node:assert/strict';
import { metricsSettingIsUsers, userPickedMetrics } from '../../client/src/evaluate/userPicked';

describe('client: metric files the user chose', () => {
  const files = ['/home/u/metrics/a.csv', '/etc/passwd'];

  it('marks files from the open dialog, remembered picks and command arguments', () => {
    for (const source of ['dialog', 'remembered', 'argument'] as const) assert.deepEqual(userPickedMetrics({ files, source }), files);
  });

  it('marks files from sla.metrics only when the value is the user\'s own', () => {
    assert.deepEqual(userPickedMetrics({ files, source: 'setting', fromUserSettings: false }), []);
    assert.deepEqual(userPickedMetrics({ files, source: 'setting' }), []);
    assert.deepEqual(userPickedMetrics({ files, source: 'setting', fromUserSettings: true }), files);
  });

  it('takes sla.metrics as the user\'s when no workspace or folder value is in effect', () => {
    assert.equal(metricsSettingIsUsers({ globalValue: ['~/m/*.csv'] }, true), true);
    assert.equal(metricsSettingIsUsers({ globalValue: ['~/m/*.csv'], workspaceValue: ['/etc/*'] }, true), false);
    assert.equal(metricsSettingIsUsers({ workspaceFolderValue: ['../../etc/passwd'] }, true), false);
    // Blank workspace values do not count (effectiveMetricPatterns ignores them too).
    assert.equal(metricsSettingIsUsers({ globalValue: ['m.csv'], workspaceValue: ['  '] }, true), true);
    // In Restricted Mode only the user's value is used at all.
    assert.equal(metricsSettingIsUsers({ globalValue: ['m.csv'], workspaceValue: ['/etc/*'] }, false), true);
  });
});
