import * as assert from 'node:assert/strict';
import { commandOptions, tokenArgument } from '../../client/src/evaluate/commandOptions';

class FakeUri {
  constructor(readonly path: string) {}
}
const isUri = (value: unknown) => value instanceof FakeUri;

describe('client command arguments', () => {
  it('takes the source of "Evaluate Contract" from the options object, and only its two values', () => {
    const uri = new FakeUri('/w/a.sla');
    assert.deepEqual(commandOptions(uri, { source: 'prometheus' }, isUri), { source: 'prometheus' });
    assert.deepEqual(commandOptions(uri, { source: 'files', sla: 'Tiny' }, isUri), { source: 'files', sla: 'Tiny' });
    assert.deepEqual(commandOptions({ uri: 'file:///w/a.sla', source: 'prometheus' }, undefined, isUri), { source: 'prometheus' });
    assert.deepEqual(commandOptions(uri, { source: 'PROMETHEUS' }, isUri), {});
    assert.deepEqual(commandOptions(uri, { source: 1 }, isUri), {});
  });

  it('keeps the other options and ignores what menus pass', () => {
    assert.deepEqual(commandOptions(new FakeUri('/w/a.sla'), 'Tiny', isUri), { sla: 'Tiny' });
    assert.deepEqual(commandOptions(new FakeUri('/w/a.sla'), [new FakeUri('/w/a.sla')], isUri), {});
    assert.deepEqual(commandOptions({ groupId: 1 }, undefined, isUri), {});
    assert.deepEqual(commandOptions(undefined, { metrics: ['a.csv', 3], showReport: false }, isUri), { showReport: false });
  });

  it('passes a string token to "Set Prometheus Token" and asks for anything else', () => {
    assert.equal(tokenArgument('s3cret'), 's3cret');
    assert.equal(tokenArgument(''), '');
    assert.equal(tokenArgument(new FakeUri('/w/a.sla')), undefined);
    assert.equal(tokenArgument(undefined), undefined);
  });
});
