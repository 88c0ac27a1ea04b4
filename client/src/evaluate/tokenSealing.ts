// The key that seals Prometheus tokens on their way to the language server (see
// server/src/lsp/sealedSecret.ts): made once per activation and given to every server
// process the extension starts, in its environment.
import { SECRET_KEY_VARIABLE, newSecretKey, sealSecret } from '../../../server/src/lsp/sealedSecret';

const KEY = newSecretKey();

/** Environment entries for the server process. */
export function serverEnvironment(): Record<string, string> {
  return { [SECRET_KEY_VARIABLE]: KEY };
}

/** The token as the server can open it and a trace cannot read it. */
export function sealToken(token: string): string {
  return sealSecret(token, KEY);
}
