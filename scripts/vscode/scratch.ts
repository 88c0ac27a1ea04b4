// A scratch folder per run: code-server's user data, the browser profile, XDG folders
// (code-server and Chromium write into $HOME even with --user-data-dir) and a copy of the
// samples as the workspace (the suite saves, renames and formats files: never in the repo).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerResource } from './cleanup';
import { log } from './log';

export interface Scratch {
  dir: string;
  workspace: string;
  /** The environment for code-server and Chromium: XDG_* inside the scratch folder. */
  env: NodeJS.ProcessEnv;
}

export function makeScratch(repoRoot: string, name: string): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `sla-${name}-`));
  const keep = process.env.SLA_TEST_KEEP === '1';
  const remove = () => {
    if (keep) log(`kept the scratch folder ${dir} (SLA_TEST_KEEP=1)`);
    else rmSync(dir, { recursive: true, force: true });
  };
  registerResource({ name: `scratch folder ${dir}`, close: async () => remove(), kill: remove });

  const workspace = join(dir, 'workspace');
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  const xdg = { XDG_CONFIG_HOME: 'xdg-config', XDG_DATA_HOME: 'xdg-data', XDG_CACHE_HOME: 'xdg-cache' };
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
  );
  for (const [key, sub] of Object.entries(xdg)) {
    env[key] = join(dir, sub);
    mkdirSync(env[key]!, { recursive: true });
  }
  return { dir, workspace, env };
}
