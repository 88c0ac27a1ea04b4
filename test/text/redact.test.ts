// Redaction (issue 13, item 8): addresses, headers and echoed secrets, and the sealed token
// that carries the Prometheus token from the extension to the language server.
import { strict as assert } from 'node:assert';
import { connectionSecrets, redactHeader, redactSecrets, redactUrl } from '../../server/src/text/redact';
import { SECRET_KEY_VARIABLE, newSecretKey, openSecret, sealSecret, takeSecretKey } from '../../server/src/lsp/sealedSecret';

describe('redaction', () => {
  it('hides the user:password and query values of an address, also one that does not parse', () => {
    assert.equal(redactUrl('http://user:PASSWORD@prom:9090/api'), 'http://***@prom:9090/api');
    assert.equal(redactUrl('https://TOKEN@prom/'), 'https://***@prom/');
    assert.equal(redactUrl('http://u:p@ss@word@prom:9090'), 'http://***@prom:9090');
    assert.equal(redactUrl('http://u:SECRET@[::1'), 'http://***@[::1');
    assert.equal(redactUrl('http://prom:9090/?api_key=SECRET&x=1#f'), 'http://prom:9090/?api_key=***&x=***#f');
    assert.equal(redactUrl('http://prom:9090/prefix'), 'http://prom:9090/prefix');
  });

  it('shows at most the name of a header', () => {
    assert.equal(redactHeader('Authorization: Bearer SECRET'), 'Authorization: ***');
    assert.equal(redactHeader('Authorization Bearer SECRET'), 'Authorization ***');
    assert.equal(redactHeader('eyJhbGciOiJIUzI1NiJ9.SECRET'), '***');
    assert.equal(redactHeader(''), '***');
  });

  it('removes every known secret from a text, also JSON-escaped, longest first', () => {
    const secrets = connectionSecrets('tok"en\\1', [
      ['Authorization', 'Basic QUJDREVG'],
      ['X-Scope-OrgID', 'team-a'],
      ['X-Api-Key', 'k3y-v4lue'],
    ]);
    const text = 'server says: bad token tok"en\\1 ({"t":"tok\\"en\\\\1"}), Basic QUJDREVG, key k3y-v4lue, tenant team-a';
    assert.equal(redactSecrets(text, secrets), 'server says: bad token *** ({"t":"***"}), ***, key ***, tenant team-a');
    assert.equal(redactSecrets('a test.csv', ['', undefined, 'a', 'test']), 'a test.csv', 'too short to search for');
  });
});

describe('sealed token (extension → language server)', () => {
  it('opens with the key it was sealed with, and only with it', () => {
    const key = newSecretKey();
    const sealed = sealSecret('s3cr3t-token', key);
    assert.ok(!sealed.includes('s3cr3t'));
    assert.notEqual(sealSecret('s3cr3t-token', key), sealed, 'a fresh IV each time');
    assert.equal(openSecret(sealed, key), 's3cr3t-token');
    assert.equal(openSecret(sealed, newSecretKey()), undefined);
    assert.equal(openSecret(sealed, undefined), undefined);
    const [v, iv, data, tag] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    assert.equal(openSecret([v, iv, flipped.toString('base64'), tag].join('.'), key), undefined, 'altered');
    assert.equal(openSecret('garbage', key), undefined);
  });

  it('takes the key out of the environment', () => {
    const env: NodeJS.ProcessEnv = { [SECRET_KEY_VARIABLE]: 'abc', PATH: '/bin' };
    assert.equal(takeSecretKey(env), 'abc');
    assert.deepEqual(env, { PATH: '/bin' });
    assert.equal(takeSecretKey(env), undefined);
  });
});
