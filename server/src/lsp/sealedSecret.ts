// The Prometheus token travels from the extension to the language server sealed (AES-256-GCM)
// with a key that only the two processes know: the extension makes it at activation and
// gives it to the server in its environment, never in a JSON-RPC message. A `verbose`
// `sla.trace.server` log, which prints every message body, so shows only the sealed form.
// Imported by the client (node:crypto only) and by the server.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The environment variable that hands the key to the server process. */
export const SECRET_KEY_VARIABLE = 'SLA_LANGUAGE_SERVER_SECRET_KEY';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/** A fresh random key (base64 of 32 bytes). */
export function newSecretKey(): string {
  return randomBytes(32).toString('base64');
}

/** `v1.<iv>.<ciphertext>.<tag>`, each base64. */
export function sealSecret(secret: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, keyBytes(key), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), sealed.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
}

/** The secret inside `sealed`, or undefined when it was not sealed with this key (or was altered). */
export function openSecret(sealed: string, key: string | undefined): string | undefined {
  const parts = sealed.split('.');
  if (!key || parts.length !== 4 || parts[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, keyBytes(key), Buffer.from(parts[1], 'base64'));
    decipher.setAuthTag(Buffer.from(parts[3], 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(parts[2], 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The key the extension gave this process, removed from the environment so that worker
 * threads and anything else started later do not inherit it.
 */
export function takeSecretKey(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = env[SECRET_KEY_VARIABLE];
  delete env[SECRET_KEY_VARIABLE];
  return key && key.length > 0 ? key : undefined;
}

function keyBytes(key: string): Buffer {
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new Error('the secret key must be 32 bytes');
  return bytes;
}
